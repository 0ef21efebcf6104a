"""The vocational profile (ammatillinen profilointi / urasuunnitelma)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Vocational profile")


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    p = ctx.file.latest_profile() if ctx.file else None
    k = ctx.file.kykyviisari_results[-1] if ctx.file and ctx.file.kykyviisari_results else None
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story.append(b.heading(_("Work goals")))
    story += b.long_field(_("My work goal, in my own words"), p.work_goals if p else None, 3)
    story += b.long_field(_("What kind of work, where"), p.kind_of_work if p else None, 2)
    story.append(b.field(_("Hours and days"), p.hours_and_days if p else None))
    story.append(b.field(_("Pay expectations"), p.pay_expectations if p else None))
    story.append(b.heading(_("Education and skills")))
    story += b.long_field(_("Education"), p.education if p else None, 2)
    story += b.long_field(
        _("Qualifications and licences (e.g. hygiene passport, driving licence)"), p.qualifications if p else None, 2
    )
    story.append(b.heading(_("Work history")))
    rows = [
        [w.employer, w.title, w.period, w.tasks, w.went_well, w.was_hard, w.why_ended]
        for w in (p.work_history if p else [])
    ]
    story += b.table(
        [_("Employer"), _("Job"), _("When"), _("Tasks"), _("Went well"), _("Was hard"), _("Why it ended")],
        rows,
        [26, 24, 18, 30, 25, 25, 22],
    )
    story += b.long_field(
        _("Strengths, skills and interests"), "\n".join(x for x in (p.strengths, p.interests) if x) if p else None, 3
    )
    story += b.long_field(_("A good workplace for me"), p.good_workplace if p else None, 2)
    story.append(b.heading(_("Work ability and support")))
    story += b.long_field(
        _("Limitations and support needs, as I describe them"), p.limitations_and_support if p else None, 3
    )
    story.append(b.field(_("Kykyviisari done on"), day(k.done_on) if k else None))
    story.append(b.field(_("My own rating of my work ability (0–10)"), str(k.work_ability) if k else None))
    story += b.long_field(_("Daily life: transport, housing, who supports me"), p.daily_life if p else None, 2)
    story.append(b.heading(_("Money and services")))
    story += b.long_field(_("Benefits and income"), p.benefits_situation if p else None, 2)
    story.append(
        b.field(
            _("Checked whether work pays (date, how)"),
            f"{day(p.work_pays_checked_on)} {p.work_pays_checked_how}".strip() if p else None,
        )
    )
    story.append(
        b.field(
            _("Job-seeker registration and employment plan checked"),
            day(p.job_seeker_registration_checked_on) if p else None,
        )
    )
    story.append(b.field(_("CV updated"), day(p.cv_updated_on) if p else None))
    story += b.long_field(
        _("What I want employers to know about the coaching"), p.disclosure_preference if p else None, 2
    )
    return story
