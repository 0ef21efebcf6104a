"""Spreadsheets in and out: a coach's caseload imported from .xlsx, .ods or .csv (validated like every
save, atomic and idempotent), and the client list, the due list and the employer-contact log exported to
.xlsx or .csv. See docs/spreadsheet-import.md."""
