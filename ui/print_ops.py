"""Opening the preview of a printed document: filled for a client, blank, or the recovery sheet.

Everything a document is made of is read from the vault here, on the GUI thread, through the operations'
query path; the preview builds the PDF from those values on a worker thread, and drops it if the vault was
locked meanwhile."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QWidget

from tyokykyapp.domain import Language, Meeting
from tyokykyapp.forms.recovery_sheet import recovery_sheet_pdf
from tyokykyapp.forms.render import FormKind, form_title, render_form
from tyokykyapp.i18n import _, current_language
from tyokykyapp.services import (
    CoachDetails,
    OrganisationDetails,
    ServiceTerms,
    coach_details,
    organisation_details,
    service_terms,
)
from tyokykyapp.services.employers import employer_names
from ui.dialogs import open_dialog
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


def preview_client_form(
    parent: QWidget,
    ops: Operations,
    kind: FormKind,
    client_id: str,
    *,
    large_print: bool,
    meeting: Meeting | None = None,
) -> PdfPreviewDialog | None:
    """A form filled from the client's record, in the client's language when it is Finnish or Swedish."""
    read = ops.query(
        lambda vault: (
            vault,
            vault.repo.client_file(client_id),
            coach_details(vault),
            organisation_details(vault),
            employer_names(vault),
            service_terms(vault),
        )
    )
    if read is None:
        return None
    vault, file, coach, organisation, names, terms = read
    if kind is FormKind.MEETING_SUMMARY and meeting is None and not file.meetings:
        ops.show_error(_("The client has no meetings to summarise."))  # no empty preview behind the message
        return None
    preferred = file.client.preferred_language
    language = preferred.value if preferred is not Language.OTHER else current_language()
    return open_dialog(
        PdfPreviewDialog(
            form_title(kind, current_language()),
            lambda lang, large: render_form(
                kind,
                coach=coach,
                organisation=organisation,
                file=file,
                meeting=meeting,
                lang=lang,
                large_print=large,
                names=names,
                terms=terms,
            ),
            language=language,
            large_print=large_print,
            personal=True,
            file_name=f"{kind.value}.pdf",  # never the client's name: file names show in folders and recent lists
            report=ops.show_error,
            still_open=lambda: ops.holds(vault),
            parent=parent,
        )
    )


def preview_blank_form(parent: QWidget, ops: Operations, kind: FormKind, *, large_print: bool) -> PdfPreviewDialog:
    read = ops.query(lambda vault: (vault, coach_details(vault), organisation_details(vault), service_terms(vault)))
    vault, coach, organisation, terms = (
        read if read is not None else (None, CoachDetails(), OrganisationDetails(), ServiceTerms())
    )
    return open_dialog(
        PdfPreviewDialog(
            form_title(kind, current_language()),
            lambda lang, large: render_form(
                kind, coach=coach, organisation=organisation, lang=lang, large_print=large, terms=terms
            ),
            language=current_language(),
            large_print=large_print,
            personal=False,
            file_name=f"{kind.value}.pdf",
            report=ops.show_error,
            still_open=lambda: vault is None or ops.holds(vault),
            parent=parent,
        )
    )


def preview_recovery_sheet(
    parent: QWidget,
    vault_id: str,
    created_at: datetime,
    recovery_key: str,
    coach: CoachDetails,
    report: Operations | None = None,
) -> PdfPreviewDialog:
    """The recovery sheet, from memory; saving it warns like any document with a secret."""
    return open_dialog(
        PdfPreviewDialog(
            form_title(FormKind.RECOVERY_SHEET, current_language()),
            lambda lang, _large: recovery_sheet_pdf(vault_id, created_at, recovery_key, coach, lang),
            language=current_language(),
            large_print=False,
            personal=True,
            file_name="recovery-sheet.pdf",
            report=report.show_error if report else (lambda _message: None),
            still_open=(lambda: report.query(lambda vault: vault.id) == vault_id) if report else (lambda: True),
            parent=parent,
        )
    )
