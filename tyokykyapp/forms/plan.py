"""The job-coaching plan (työhönvalmennussuunnitelma)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain.dates import format_date
from tyokykyapp.domain.records import PlanRelation
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Job-coaching plan")
CODE = "TK-SUUN 1/2026"


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    plan = ctx.file.latest_plan() if ctx.file else None
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story += b.field(_("Made on"), format_date(plan.made_on) if plan else None)
    story += b.long_field(_("Goal"), plan.goal if plan else None, 3)
    story.append(b.heading(_("Agreed steps")))
    rows = [
        [s.description, s.owner, format_date(s.due_on), format_date(s.done_on)] for s in (plan.steps if plan else [])
    ]
    dates = b.date_column()
    widths = [0.75 - 2 * dates, 0.25, dates, dates]
    story += b.table([_("What we do"), _("Who does it"), _("By when"), _("Done")], rows, widths, blank_rows=6)
    story += b.field(_("How often we meet"), plan.meeting_interval.label if plan and plan.meeting_interval else None)
    story += b.field(_("Where and when we meet"), plan.meeting_frequency if plan else None)
    story += b.field(
        _("The plan is reviewed at the latest on (at least once a year)"),
        format_date(plan.review_on) if plan else None,
    )
    closing: list[Flowable] = [b.heading(_("Other plans"))]
    if plan and plan.external_plan and plan.external_relation:
        closing += b.text(f"{plan.external_relation.label}: {plan.external_plan}")
    else:
        closing += b.text(
            _(
                "Another plan in force (employment plan, multi-sectoral employment plan (TYP), activation plan, "
                "rehabilitation plan, work-ability support plan, social welfare client plan):"
            )
        )
        closing += b.ticks([(relation.label, None) for relation in PlanRelation])
        closing += b.field(_("Which plan"), None)
    story += b.signed(closing, [_("Client's signature"), _("Job coach's signature")])
    return story
