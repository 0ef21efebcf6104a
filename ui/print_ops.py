"""Opening the preview of a printed document: filled for a client, blank, or the recovery sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tyokykyapp.domain import Language, Meeting
from tyokykyapp.forms.recovery_sheet import recovery_sheet_pdf
from tyokykyapp.forms.render import FormKind, form_title, render_form
from tyokykyapp.i18n import current_language
from tyokykyapp.services import CoachDetails, coach_details, service_terms
from tyokykyapp.vault import Vault
from ui.operations import Operations
from ui.widgets.pdf_preview import PdfPreviewDialog

CLIENT_FORMS = (
    FormKind.CONSENT,
    FormKind.AGREEMENT,
    FormKind.PRIVACY_NOTICE,
    FormKind.PROFILE,
    FormKind.PLAN,
    FormKind.SUPPORT_PLAN,
    FormKind.MEETING_SUMMARY,
    FormKind.CLOSURE,
    FormKind.ACCESS_REPORT,
)
BLANK_FORMS = tuple(k for k in CLIENT_FORMS if k is not FormKind.ACCESS_REPORT)


def _open(dialog: PdfPreviewDialog) -> PdfPreviewDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def preview_client_form(
    parent: QWidget,
    ops: Operations,
    kind: FormKind,
    client_id: str,
    *,
    large_print: bool,
    meeting: Meeting | None = None,
) -> PdfPreviewDialog:
    """A form filled from the client's record, in the client's language when it is Finnish or Swedish."""
    vault = ops.require_vault()
    file = vault.repo.client_file(client_id)
    coach, terms = coach_details(vault), service_terms(vault)
    preferred = file.client.preferred_language
    language = preferred.value if preferred is not Language.OTHER else current_language()
    name = f"{kind.value}-{file.client.family_name}.pdf"
    return _open(
        PdfPreviewDialog(
            form_title(kind, current_language()),
            lambda lang, large: render_form(
                kind, coach=coach, file=file, meeting=meeting, lang=lang, large_print=large, terms=terms
            ),
            language=language,
            large_print=large_print,
            personal=True,
            file_name=name,
            report=ops.show_error,
            parent=parent,
        )
    )


def preview_blank_form(parent: QWidget, ops: Operations, kind: FormKind, *, large_print: bool) -> PdfPreviewDialog:
    vault = ops.require_vault()
    coach, terms = coach_details(vault), service_terms(vault)
    return _open(
        PdfPreviewDialog(
            form_title(kind, current_language()),
            lambda lang, large: render_form(kind, coach=coach, lang=lang, large_print=large, terms=terms),
            language=current_language(),
            large_print=large_print,
            personal=False,
            file_name=f"{kind.value}.pdf",
            report=ops.show_error,
            parent=parent,
        )
    )


def preview_recovery_sheet(
    parent: QWidget, vault: Vault, recovery_key: str, coach: CoachDetails, report: Operations | None = None
) -> PdfPreviewDialog:
    """The recovery sheet, from memory; saving it warns like any document with a secret."""
    return _open(
        PdfPreviewDialog(
            form_title(FormKind.RECOVERY_SHEET, current_language()),
            lambda lang, _large: recovery_sheet_pdf(vault.id, vault.created_at, recovery_key, coach, lang),
            language=current_language(),
            large_print=False,
            personal=True,
            file_name="recovery-sheet.pdf",
            report=report.show_error if report else (lambda _message: None),
            parent=parent,
        )
    )
