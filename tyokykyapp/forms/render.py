"""Rendering any form by its kind, blank or filled, in fi / sv / en, as PDF bytes in memory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from types import ModuleType

from reportlab.platypus import Flowable

from tyokykyapp.domain import ClientFile, Meeting, ServiceTerms, UserError
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.forms import (
    access_report,
    agreement,
    closure,
    consent,
    meeting_summary,
    plan,
    privacy_notice,
    profile,
    recovery_sheet,
    support_plan,
)
from tyokykyapp.forms.blocks import language
from tyokykyapp.forms.context import FormContext
from tyokykyapp.forms.pdf import build_pdf
from tyokykyapp.i18n import LANGUAGES, _


class FormKind(StrEnum):
    CONSENT = "consent"
    AGREEMENT = "agreement"
    PROFILE = "profile"
    PLAN = "plan"
    SUPPORT_PLAN = "support_plan"
    MEETING_SUMMARY = "meeting_summary"
    CLOSURE = "closure"
    PRIVACY_NOTICE = "privacy_notice"
    ACCESS_REPORT = "access_report"
    RECOVERY_SHEET = "recovery_sheet"


MODULES: dict[FormKind, ModuleType] = {
    FormKind.CONSENT: consent,
    FormKind.AGREEMENT: agreement,
    FormKind.PROFILE: profile,
    FormKind.PLAN: plan,
    FormKind.SUPPORT_PLAN: support_plan,
    FormKind.MEETING_SUMMARY: meeting_summary,
    FormKind.CLOSURE: closure,
    FormKind.PRIVACY_NOTICE: privacy_notice,
    FormKind.ACCESS_REPORT: access_report,
    FormKind.RECOVERY_SHEET: recovery_sheet,
}
# Forms made only from a record (nothing to fill in by hand).
NO_BLANK = frozenset({FormKind.ACCESS_REPORT, FormKind.RECOVERY_SHEET})


def form_title(kind: FormKind, lang: str) -> str:
    with language(lang):
        return _(MODULES[kind].TITLE)


def render_form(
    kind: FormKind,
    *,
    coach: CoachDetails,
    file: ClientFile | None = None,
    meeting: Meeting | None = None,
    lang: str = "fi",
    large_print: bool = False,
    extra: dict[str, str] | None = None,
    today: date | None = None,
    terms: ServiceTerms | None = None,
) -> bytes:
    """The form as PDF bytes. `file=None` gives the blank form (for kinds that have one)."""
    if lang not in LANGUAGES:
        raise UserError(_("Unknown language: {lang}").format(lang=lang))
    if file is None and kind in NO_BLANK and kind is not FormKind.RECOVERY_SHEET:
        raise UserError(_("This form exists only filled from a client's record: use --client."))
    if kind is FormKind.MEETING_SUMMARY and file is not None and meeting is None:
        meeting = file.meetings[-1] if file.meetings else None
        if meeting is None:
            raise UserError(_("The client has no meetings to summarise."))
    ctx = FormContext(
        coach=coach,
        file=file,
        terms=terms or ServiceTerms(),
        meeting=meeting,
        large_print=large_print,
        extra=extra or {},
        today=today or date.today(),
    )
    build: Callable[[FormContext], list[Flowable]] = MODULES[kind].build
    with language(lang):
        story = build(ctx)
        return build_pdf(
            story, title=_(MODULES[kind].TITLE), header=ctx.header(), person=ctx.client_name, large_print=large_print
        )
