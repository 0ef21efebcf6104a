"""Everything recorded about one client, readable (subject-access request; tietopyyntö)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain import FILE_LISTS, Record
from tyokykyapp.domain.codec import to_json
from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Everything recorded about you")
SKIPPED = frozenset({"id", "client_id", "created_at", "updated_at"})


def _lines(record: Record) -> list[str]:
    lines = []
    for key, value in to_json(record).items():
        if key in SKIPPED or value in (None, "", [], False):
            continue
        if isinstance(value, list):
            value = "; ".join(
                ", ".join(f"{v}" for v in item.values() if v not in ("", None)) if isinstance(item, dict) else str(item)
                for item in value
            )
        elif isinstance(value, dict):
            value = ", ".join(f"{v}" for v in value.values() if v not in ("", None))
        lines.append(f"{key}: {value}")
    return lines


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    story: list[Flowable] = [b.title(_(TITLE))]
    if ctx.file is None:
        story.append(b.text(_("This report is made from a client's record; there is no blank version.")))
        return story
    f = ctx.file
    story.append(b.field(_("Made on"), day(ctx.today)))
    story.append(b.heading(_("Your details")))
    story += [b.text(line) for line in _lines(f.client)]
    for attribute in FILE_LISTS.values():
        records = getattr(f, attribute)
        if not records:
            continue
        story.append(b.heading(f"{attribute.replace('_', ' ').capitalize()} ({len(records)})"))
        for record in records:
            story.append(b.text(f"— {day(record.main_date())}"))
            story += [b.text(line) for line in _lines(record)]
    return story
