"""Everything recorded about one client, readable (subject-access request; tietopyyntö)."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from enum import Enum

from reportlab.platypus import Flowable

from tyokykyapp.domain import FILE_LISTS, Consent
from tyokykyapp.domain.enums import Labelled
from tyokykyapp.domain.labels import field_label, record_title
from tyokykyapp.forms import privacy_notice
from tyokykyapp.forms.consent import parties_table, withdrawn_notice
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _
from tyokykyapp.i18n.dates import format_date, format_time
from tyokykyapp.process import CHECKLISTS

TITLE = N_("Everything recorded about you")
CODE = "TK-TIPY 1/2026"
# What GDPR art. 15 asks to go with the copy of the data (the sections of the privacy notice).
ART_15_SECTIONS = ("purposes", "categories", "sources", "recipients", "retention", "rights", "complaint")
CHECKLIST_LABELS = {spec.key: spec.label for specs in CHECKLISTS.values() for spec in specs}
# Identifiers and the app's own bookkeeping mean nothing to the reader.
SKIPPED = frozenset({"id", "client_id", "employer_id", "employment_id", "created_at", "updated_at"})


def readable(value: object) -> str:
    """A stored value as a person reads it: dates day.month.year, choices by their label, yes / no."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Labelled):
        return value.label
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return format_time(value)
    if isinstance(value, list):
        return "; ".join(readable(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return ", ".join(text for _name, text in lines(value))
    return str(value)


def lines(record: object) -> list[tuple[str, str]]:
    """(label, value) for each field that holds something."""
    found = []
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if f.name in SKIPPED or value in (None, "", []) or value is False:
            continue
        text = _(CHECKLIST_LABELS.get(value, value)) if f.name == "item" else readable(value)
        if text:
            found.append((field_label(f.name), text))
    return found


def _record(ctx: FormContext, record: object) -> list[Flowable]:
    b = ctx.blocks
    story: list[Flowable] = []
    if isinstance(record, Consent):
        # Every party with its answer: a refused party is printed as refused, not left out.
        if record.withdrawn_on:
            story.append(b.notice(withdrawn_notice(record)))
        parties = field_label("parties")
        for label, text in lines(record):
            if label != parties:
                story += b.field(label, text)
        story += parties_table(ctx, record)
        return story
    for label, text in lines(record):
        story += b.field(label, text)
    return story


def _about(ctx: FormContext) -> list[Flowable]:
    """What the report leaves out and why, and what art. 15 asks to go with it."""
    b = ctx.blocks
    story: list[Flowable] = [b.heading(_("What this report does not include"))]
    story += b.text(
        _(
            "Records moved to the bin (they are erased for good when the bin is emptied) and earlier versions "
            "of records that were changed are not printed here: the report shows what is in force. You have "
            "the right to see them too. Ask your coach, who will show them to you or print them."
        )
    )
    all_sections = privacy_notice.sections(ctx)
    for key in ART_15_SECTIONS:
        heading, text = all_sections[key]
        story += [b.heading(heading), *b.text(text)]
    story.append(b.heading(_("Controller (who is responsible for your information)")))
    story += privacy_notice.controller(ctx)
    return story


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    story: list[Flowable] = [b.title(_(TITLE))]
    if ctx.file is None:
        story += b.text(_("This report is made from a client's record; there is no blank version."))
        return story
    f = ctx.file
    story += b.field(_("Made on"), format_date(ctx.today))
    story.append(b.heading(_("Your details")))
    for label, text in lines(f.client):
        story += b.field(label, text)
    for kind, attribute in FILE_LISTS.items():
        records = getattr(f, attribute)
        if not records:
            continue
        story.append(b.heading(f"{record_title(kind)} ({len(records)})"))
        for record in records:
            story.append(b.label(f"— {format_date(record.main_date())}"))
            story += _record(ctx, record)
    story += _about(ctx)
    return story
