"""The job-coaching agreement (sopimus työhönvalmennuksesta)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Job-coaching agreement")


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    agreement = ctx.file.agreements[-1] if ctx.file and ctx.file.agreements else None
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story.append(b.heading(_("Our aim")))
    story.append(
        b.text(
            agreement.aim if agreement and agreement.aim else _("A job on the open labour market, at your own pace.")
        )
    )
    story.append(b.heading(_("How we work together")))
    story += b.long_field(
        _("Where and how often we meet, how to reach the coach"), agreement.how_we_work if agreement else None, 3
    )
    story += b.long_field(_("What the coach does"), agreement.coach_does if agreement else None, 3)
    story += b.long_field(_("What you do"), agreement.client_does if agreement else None, 3)
    story.append(b.heading(_("Good to know")))
    story += b.bullets(
        [
            _("Taking part is voluntary. You can stop at any time."),
            _("The service has no fixed time limit."),
            _("Your information is kept encrypted on the coach's computer and shared only with your consent."),
        ]
    )
    story.append(b.signatures([_("Client's signature"), _("Job coach's signature")]))
    return story
