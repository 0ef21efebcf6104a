"""The job-coaching agreement (sopimus työhönvalmennuksesta)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Job-coaching agreement")
CODE = "TK-SOP 1/2026"


def service_period(ctx: FormContext) -> str:
    """How long the service is there for, as the organisation set it: a project promises no support after it
    ends (Helsinki: "asiakkaille ei luvattu jatkuvaa tukea ... pilotin rajallisen ajan vuoksi")."""
    ends = ctx.terms.project_ends_on
    if ends is None:
        return _("The service has no fixed time limit.")
    return _("The service is available for the duration of the project, until {date}.").format(date=format_date(ends))


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    agreement = ctx.file.agreements[-1] if ctx.file and ctx.file.agreements else None
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story += b.field(_("Job coaching started on"), format_date(ctx.file.client.started_on) if ctx.file else None)
    story.append(b.heading(_("Our aim")))
    story += b.text(
        agreement.aim
        if agreement and agreement.aim
        else _("The aim is a job on the open labour market. We go forward at your pace.")
    )
    story.append(b.heading(_("How we work together")))
    story += b.long_field(
        _("Where and how often we meet, how to reach the coach"), agreement.how_we_work if agreement else None, 3
    )
    story += b.long_field(_("What the coach does"), agreement.coach_does if agreement else None, 3)
    story += b.long_field(_("What you do"), agreement.client_does if agreement else None, 3)
    closing = [
        b.heading(_("Good to know")),
        *b.bullets(
            [
                _("Taking part is voluntary. You can stop at any time."),
                service_period(ctx),
                _(
                    "The coach keeps what you tell in confidence and shares information only with your consent "
                    "or where the law requires it."
                ),
                _("Whether and how the coach contacts employers is your choice, made in the consent form."),
                _("Your information is kept encrypted. The privacy notice tells how it is handled."),
            ]
        ),
        b.tick(_("I have received the privacy notice."), None),
    ]
    story += b.signed(closing, [_("Client's signature"), _("Job coach's signature")])
    return story
