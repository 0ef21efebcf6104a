"""The vocational profile (ammatillinen profilointi / urasuunnitelma)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain import WorkHistoryEntry
from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Vocational profile")
CODE = "TK-PROF 1/2026"
BLANK_JOBS = 3


def _job_labels() -> list[tuple[str, str]]:
    return [
        ("employer", _("Employer")),
        ("title", _("Job")),
        ("period", _("When")),
        ("tasks", _("Tasks")),
        ("went_well", _("What went well")),
        ("was_hard", _("What was hard")),
        ("why_ended", _("Why it ended")),
    ]


def _work_history(ctx: FormContext, jobs: list[WorkHistoryEntry]) -> list[Flowable]:
    """A block per job, its details one under the other: a job's story rarely fits a table cell."""
    b = ctx.blocks
    labels = dict(_job_labels())
    heading = b.heading(_("Work history"))
    if b.blank or not jobs:
        rows = [
            ([(labels["employer"], 0.42), (labels["title"], 0.33), (labels["period"], 0.25)], 1),
            ([(labels["tasks"], 1.0)], 2),
            ([(labels["went_well"], 0.5), (labels["was_hard"], 0.5)], 2),
            ([(labels["why_ended"], 1.0)], 1),
        ]
        # A job's boxes are never split over two pages; the heading goes with the first.
        return [b.together([heading, b.boxes(rows)]), *(b.together([b.boxes(rows)]) for _job in range(BLANK_JOBS - 1))]
    story: list[Flowable] = [heading]
    for number, job in enumerate(jobs, 1):
        story.append(b.label(_("Job {number}").format(number=number)))
        for key, label in _job_labels():
            if getattr(job, key):
                story += b.field(label, getattr(job, key))
    return story


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    p = ctx.file.latest_profile() if ctx.file else None
    k = ctx.file.kykyviisari_results[-1] if ctx.file and ctx.file.kykyviisari_results else None
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story += b.field(_("Updated on"), format_date(p.updated_on) if p else None)
    story.append(b.heading(_("Work goals")))
    story += b.long_field(_("My work goal, in my own words"), p.work_goals if p else None, 3)
    story += b.long_field(_("What kind of work, where"), p.kind_of_work if p else None, 2)
    story += b.field(_("Working hours and days"), p.hours_and_days if p else None)
    story += b.field(_("Pay expectations"), p.pay_expectations if p else None)
    story.append(b.heading(_("Education and skills")))
    story += b.long_field(_("Education"), p.education if p else None, 2)
    story += b.long_field(
        _("Qualifications and licences (e.g. hygiene passport, driving licence)"), p.qualifications if p else None, 2
    )
    story += _work_history(ctx, p.work_history if p else [])
    story += b.long_field(
        _("Strengths, skills and interests"), "\n".join(x for x in (p.strengths, p.interests) if x) if p else None, 3
    )
    story += b.long_field(_("A good workplace for me"), p.good_workplace if p else None, 2)
    story.append(b.heading(_("Work ability and support")))
    story += b.long_field(
        _("Limitations and support needs, as I describe them"), p.limitations_and_support if p else None, 3
    )
    story += b.field(_("Kykyviisari filled in on"), format_date(k.done_on) if k else None)
    story += b.field(_("My own rating of my work ability (0–10)"), str(k.work_ability) if k else None)
    story += b.long_field(_("Daily life: transport, housing, who supports me"), p.daily_life if p else None, 2)
    story.append(b.heading(_("Finances and services")))
    story += b.long_field(_("Benefits and income"), p.benefits_situation if p else None, 2)
    pays = f"{format_date(p.work_pays_checked_on)} {p.work_pays_checked_how}".strip() if p else None
    story += b.field(_("Whether working pays worked out (date, how, e.g. Kela's calculator)"), pays)
    story += b.field(
        _("Job-seeker registration and employment plan checked"),
        format_date(p.job_seeker_registration_checked_on) if p else None,
    )
    story += b.field(_("CV updated"), format_date(p.cv_updated_on) if p else None)
    story += b.long_field(
        _("What I want employers to know about the coaching"), p.disclosure_preference if p else None, 2
    )
    return story
