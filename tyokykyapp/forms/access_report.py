"""Everything recorded about one client, readable (subject-access request; tietopyyntö)."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from enum import Enum

from reportlab.platypus import Flowable

from tyokykyapp.domain import FILE_LISTS
from tyokykyapp.domain.enums import Labelled
from tyokykyapp.domain.labels import field_label, record_title
from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _
from tyokykyapp.process import CHECKLISTS

TITLE = N_("Everything recorded about you")
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
        return day(value)
    if isinstance(value, time):
        return value.strftime("%H.%M")
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


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    story: list[Flowable] = [b.title(_(TITLE))]
    if ctx.file is None:
        story.append(b.text(_("This report is made from a client's record; there is no blank version.")))
        return story
    f = ctx.file
    story.append(b.field(_("Made on"), day(ctx.today)))
    story.append(b.heading(_("Your details")))
    story += [b.field(label, text) for label, text in lines(f.client)]
    for kind, attribute in FILE_LISTS.items():
        records = getattr(f, attribute)
        if not records:
            continue
        story.append(b.heading(f"{record_title(kind)} ({len(records)})"))
        for record in records:
            story.append(b.text(f"— {day(record.main_date())}"))
            story += [b.field(label, text) for label, text in lines(record)]
    return story
