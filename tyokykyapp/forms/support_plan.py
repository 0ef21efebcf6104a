"""The job support plan (työsuhteen aikaisen tuen suunnitelma)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Job support plan")


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    f = ctx.file
    plan = f.support_plans[-1] if f and f.support_plans else None
    job = next((e for e in f.employments if plan and e.id == plan.employment_id), None) if f else None
    if f and job is None and f.employments:
        job = f.employments[-1]
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story.append(b.heading(_("The job")))
    story.append(b.field(_("Employer"), job.employer_name if job else None))
    story.append(b.field(_("Job title"), job.title if job else None))
    story.append(b.field(_("Start date"), day(job.start_on) if job else None))
    story.append(b.field(_("Hours per week"), f"{job.hours_per_week:g}" if job and job.hours_per_week else None))
    story += b.long_field(_("Support I want at work"), plan.support_at_work if plan else None, 3)
    story += b.long_field(_("Support I want outside work"), plan.support_outside_work if plan else None, 3)
    story += b.long_field(
        _("What the employer knows and what support they get (only as I have agreed)"),
        plan.employer_knows_and_gets if plan else None,
        3,
    )
    story += b.long_field(_("Agreed workplace visits and calls"), plan.visits_and_calls if plan else None, 2)
    story += b.long_field(_("Changes to tasks or hours"), plan.adjustments if plan else None, 2)
    subsidy = day(job.pay_subsidy_until) if job and job.pay_subsidy else None
    story.append(b.field(_("Pay subsidy renewal"), subsidy))
    story += b.long_field(_("Who to call when something changes"), plan.who_to_call if plan else None, 2)
    story.append(b.signatures([_("Client's signature"), _("Job coach's signature")]))
    return story
