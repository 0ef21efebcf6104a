"""The job support plan (työsuhteen aikaisen tuen suunnitelma), for a job or a work trial."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain import EmploymentKind
from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _
from tyokykyapp.readable import employer_of

TITLE = N_("Job support plan")
CODE = "TK-TUKI 1/2026"
DATE_TO_WRITE = "____.____.20____"


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    f = ctx.file
    plan = f.support_plans[-1] if f and f.support_plans else None
    job = next((e for e in f.employments if plan and e.id == plan.employment_id), None) if f else None
    if f and job is None and f.employments:
        job = f.employments[-1]
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story += b.field(_("Made on"), format_date(plan.made_on) if plan else None)
    story.append(b.heading(_("The job")))
    if job and not b.blank:
        story += b.field(_("Kind"), job.kind.label)
    else:
        story += b.ticks([(kind.label, None) for kind in EmploymentKind if kind.starts_support])
    story += b.field(_("Employer"), employer_of(job, ctx.names) if job else None)
    story += b.field(_("Job title"), job.title if job else None)
    story += b.field(_("Start date"), format_date(job.start_on) if job else None)
    story += b.field(_("Hours per week"), f"{job.hours_per_week:g}" if job and job.hours_per_week else None)
    if job and not b.blank:
        knows = _("yes") if job.employer_knows_about_coaching else _("no")
        story += b.field(_("The employer knows about the job coaching"), knows)
    story.append(b.heading(_("Support at work and outside work")))
    story += b.long_field(_("Support I want at work"), plan.support_at_work if plan else None, 3)
    story += b.long_field(_("Support I want outside work"), plan.support_outside_work if plan else None, 3)
    story += b.long_field(
        _("What the employer knows and what support they get (only as I have agreed)"),
        plan.employer_knows_and_gets if plan else None,
        3,
    )
    story += b.long_field(_("Agreed workplace visits and calls"), plan.visits_and_calls if plan else None, 2)
    story += b.long_field(_("Changes to tasks or hours"), plan.adjustments if plan else None, 2)
    story.append(b.label(_("Pay subsidy")))
    if job and not b.blank:
        if not job.pay_subsidy:
            story += b.text(_("No pay subsidy."))
        else:
            story += b.field(_("Pay subsidy to be renewed at the latest"), format_date(job.pay_subsidy_until))
    else:
        renewal = _("Pay subsidy, to be renewed at the latest {date}").format(date=DATE_TO_WRITE)
        story += b.ticks([(_("No pay subsidy."), None), (renewal, None)])
    closing = [
        *b.long_field(_("Who to call when something changes"), plan.who_to_call if plan else None, 2),
        *b.field(_("Next review of this plan"), format_date(plan.review_on) if plan else None),
    ]
    story += b.signed(closing, [_("Client's signature"), _("Job coach's signature")])
    return story
