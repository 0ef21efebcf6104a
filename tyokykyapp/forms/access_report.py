"""Everything recorded about one client, readable (subject-access request; tietopyyntö)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain import FILE_LISTS
from tyokykyapp.domain.registry import record_title
from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _
from tyokykyapp.readable import lines

TITLE = N_("Everything recorded about you")


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    story: list[Flowable] = [b.title(_(TITLE))]
    if ctx.file is None:
        story.append(b.text(_("This report is made from a client's record; there is no blank version.")))
        return story
    f = ctx.file
    story.append(b.field(_("Made on"), day(ctx.today)))
    story.append(b.heading(_("Your details")))
    story += [b.field(label, text) for label, text in lines(f.client, ctx.names)]
    for kind, attribute in FILE_LISTS.items():
        records = getattr(f, attribute)
        if not records:
            continue
        story.append(b.heading(f"{record_title(kind)} ({len(records)})"))
        for record in records:
            story.append(b.text(f"— {day(record.main_date())}"))
            story += [b.field(label, text) for label, text in lines(record, ctx.names)]
    return story
