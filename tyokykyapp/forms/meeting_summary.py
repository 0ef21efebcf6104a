"""A one-page meeting summary for the client to take home (tapaamisen yhteenveto)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("What we agreed today")


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    m = ctx.meeting
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story.append(b.field(_("Date"), day(m.on) if m else None))
    story += b.long_field(_("What we talked about"), m.notes if m else None, 5)
    story += b.long_field(_("What we agreed, and who does what"), m.agreed_next_steps if m else None, 5)
    story.append(b.heading(_("Next meeting")))
    story.append(b.field(_("Date"), day(m.next_meeting_on) if m else None))
    story.append(b.field(_("Time"), m.next_meeting_time.strftime("%H.%M") if m and m.next_meeting_time else None))
    story.append(b.field(_("Place"), m.next_meeting_place if m else None))
    contact = " · ".join(p for p in (ctx.coach.name, ctx.coach.phone, ctx.coach.email) if p)
    story.append(b.field(_("Your coach"), contact or None))
    return story
