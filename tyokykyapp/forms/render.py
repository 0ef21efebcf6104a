"""Rendering any form by its kind, blank or filled, in fi / sv / en, as PDF bytes in memory."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import ModuleType

from reportlab.platypus import Flowable

from tyokykyapp.domain import ClientFile, Meeting, ServiceTerms, UserError
from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails
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
from tyokykyapp.forms.context import FormContext
from tyokykyapp.forms.glyphs import unprintable, warning
from tyokykyapp.forms.pdf import PageFrame, build_pdf
from tyokykyapp.i18n import LANGUAGES, _, using_language


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


@dataclass(frozen=True)
class PrintedForm:
    pdf: bytes
    unprintable: str = ""  # characters the font cannot print right (see forms/glyphs.py)

    @property
    def warning(self) -> str:
        return warning(self.unprintable)


def form_title(kind: FormKind, lang: str) -> str:
    with using_language(lang):
        return _(MODULES[kind].TITLE)


def render_form(
    kind: FormKind,
    *,
    coach: CoachDetails,
    organisation: OrganisationDetails | None = None,
    file: ClientFile | None = None,
    meeting: Meeting | None = None,
    lang: str = "fi",
    large_print: bool = False,
    extra: dict[str, str] | None = None,
    today: date | None = None,
    names: Mapping[str, str] | None = None,
    terms: ServiceTerms | None = None,
) -> PrintedForm:
    """The form as PDF bytes. `file=None` gives the blank form (for kinds that have one). `names` maps the
    ids the records refer to (employers in the register) to their names."""
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
        organisation=organisation or OrganisationDetails(),
        file=file,
        terms=terms or ServiceTerms(),
        meeting=meeting,
        large_print=large_print,
        extra=extra or {},
        today=today or date.today(),
        names=names or {},
    )
    module = MODULES[kind]
    build: Callable[[FormContext], list[Flowable]] = module.build
    with using_language(lang):
        story = build(ctx)
        frame = PageFrame(
            letterhead=ctx.letterhead(),
            person=ctx.client_name,
            name_line=ctx.blank,
            mark=ctx.secrecy_mark(),
            code=module.CODE,
        )
        pdf = build_pdf(story, title=_(module.TITLE), frame=frame, large_print=large_print)
    printed = {*ctx.blocks.chars, *frame.person, *"".join(frame.letterhead), *frame.mark}
    return PrintedForm(pdf, unprintable(printed))
