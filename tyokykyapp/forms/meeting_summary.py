"""A one-page meeting summary for the client to take home (tapaamisen yhteenveto): only what was agreed
with the client. The coach's own notes of the meeting and the client's date of birth are not on it."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain.dates import format_date, format_time
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Meeting summary")
CODE = "TK-TAP 1/2026"


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    m = ctx.meeting
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx, date_of_birth=False)]
    story += b.field(_("Date of the meeting"), format_date(m.on) if m else None)
    story += b.long_field(_("What we agreed, and who does what"), m.agreed_next_steps if m else None, 6)
    story.append(b.heading(_("Next meeting")))
    story += b.field(_("Date"), format_date(m.next_meeting_on) if m else None)
    story += b.field(_("Time"), format_time(m.next_meeting_time) if m else None)
    story += b.field(_("Place"), m.next_meeting_place if m else None)
    contact = " · ".join(p for p in (ctx.coach.name, ctx.coach.phone, ctx.coach.email) if p)
    story += b.field(_("Your coach"), contact or None)
    return story
