"""Lines every client form starts with."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import _


def client_lines(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    client = ctx.file.client if ctx.file else None
    return [
        b.field(_("Client"), client.name if client else None),
        b.field(_("Date of birth"), day(client.date_of_birth) if client else None),
        b.field(_("Job coach"), ", ".join(p for p in (ctx.coach.name, ctx.coach.organisation) if p) or None),
    ]
