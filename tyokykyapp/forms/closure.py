"""Closure summary and continuation plan (palvelun päättyminen ja jatkosuunnitelma)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("End of the service and what comes next")


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    f = ctx.file
    closure = max(f.closures, key=lambda c: c.closed_on) if f and f.closures else None
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    period = f"{day(f.episode_started(closure))} – {day(closure.closed_on)}" if f and closure else None
    story.append(b.field(_("Service period"), period))
    story += b.long_field(_("What was achieved"), closure.achieved if closure else None, 4)
    story.append(b.field(_("Why the service ends"), closure.reason.label if closure else None))
    destination = closure.destination.label if closure and closure.destination else None
    story.append(b.field(_("Where you go from here"), destination))
    story += b.long_field(_("What comes next (continuation path)"), closure.continuation_path if closure else None, 4)
    story += b.long_field(_("Contacts"), closure.contacts if closure else None, 3)
    story.append(b.heading(_("Coming back")))
    story.append(b.text(_("You are welcome back. Contact your coach or the service when you want support again.")))
    story.append(b.signatures([_("Client's signature"), _("Job coach's signature")]))
    return story
