"""Lines every client form starts with."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import _


def client_lines(ctx: FormContext, *, identity_code: bool = False, date_of_birth: bool = True) -> list[Flowable]:
    """The client's name; their personal identity code (where another service needs it to find the client)
    or date of birth (a take-home sheet needs neither); and the coach."""
    b = ctx.blocks
    client = ctx.file.client if ctx.file else None
    # A blank form has the line for the client's name at the top of every page already.
    story = b.field(_("Client"), client.name) if client else []
    if identity_code and (client is None or client.identity_code):
        story += b.field(_("Personal identity code"), client.identity_code if client else None)
    elif identity_code or date_of_birth:
        story += b.field(_("Date of birth"), format_date(client.date_of_birth) if client else None)
    # The organisation heads every page.
    story += b.field(_("Job coach"), ctx.coach.name or None)
    return story
