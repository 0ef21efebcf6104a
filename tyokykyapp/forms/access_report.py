"""Everything recorded about one client, readable (subject-access request; tietopyyntö)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain import FILE_LISTS, Consent
from tyokykyapp.domain.dates import format_date
from tyokykyapp.domain.fields import field_label
from tyokykyapp.domain.registry import record_title
from tyokykyapp.forms import privacy_notice
from tyokykyapp.forms.consent import parties_table, withdrawn_notice
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _
from tyokykyapp.readable import lines

TITLE = N_("Everything recorded about you")
CODE = "TK-TIPY 1/2026"
# What GDPR art. 15 asks to go with the copy of the data (the sections of the privacy notice).
ART_15_SECTIONS = ("purposes", "categories", "sources", "recipients", "retention", "rights", "complaint")


def _record(ctx: FormContext, record: object) -> list[Flowable]:
    b = ctx.blocks
    story: list[Flowable] = []
    if isinstance(record, Consent):
        # Every party with its answer: a refused party is printed as refused, not left out.
        if record.withdrawn_on:
            story.append(b.notice(withdrawn_notice(record)))
        parties = field_label(Consent, "parties")
        for label, text in lines(record, ctx.names):
            if label != parties:
                story += b.field(label, text)
        story += parties_table(ctx, record)
        return story
    for label, text in lines(record, ctx.names):
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
    for label, text in lines(f.client, ctx.names):
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
