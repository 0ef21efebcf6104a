"""The job-coaching plan (työhönvalmennussuunnitelma)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Job-coaching plan")


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    plan = ctx.file.latest_plan() if ctx.file else None
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story.append(b.field(_("Made on"), day(plan.made_on) if plan else None))
    story += b.long_field(_("Goal"), plan.goal if plan else None, 3)
    story.append(b.heading(_("Steps")))
    rows = [[s.description, s.owner, day(s.due_on)] for s in (plan.steps if plan else [])]
    story += b.table([_("What we do"), _("Who does it"), _("By when")], rows, [95, 45, 30], blank_rows=6)
    how_often = plan.meeting_interval.label if plan and plan.meeting_interval else None
    story.append(b.field(_("How often we meet"), how_often))
    story.append(b.field(_("Where and when we meet"), plan.meeting_frequency if plan else None))
    story.append(b.field(_("Next review (at least once a year)"), day(plan.review_on) if plan else None))
    if plan and plan.external_plan and plan.external_relation:
        story.append(b.text(f"{plan.external_relation.label}: {plan.external_plan}"))
    else:
        story.append(b.text(_("Another plan in force (employment plan, activation plan, client plan):")))
        story.append(b.tick(_("This plan complements it"), None))
        story.append(b.tick(_("Its content is recorded in that plan, which replaces this one"), None))
        story.append(b.field(_("Which plan"), None))
    story.append(b.signatures([_("Client's signature"), _("Job coach's signature")]))
    return story
