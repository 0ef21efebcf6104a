"""Closure summary and continuation plan (palvelun päättyminen ja jatkosuunnitelma).

A letter to the client, signed by both, when the client can take part in the ending; a record for the file,
signed by the coach alone, when they cannot (they died, or could not be reached): such a record neither
welcomes anyone back nor asks for the client's signature."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain import Closure, ClosureReason
from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("End of the service and what comes next")
RECORD_TITLE = N_("End of the service: record for the file")
CODE = "TK-PAAT 1/2026"
# Endings the client takes no part in. A new reason of that kind is added here and nowhere else.
RECORD_ONLY = frozenset({ClosureReason.DIED, ClosureReason.NOT_REACHED})


def _record(ctx: FormContext, closure: Closure) -> list[Flowable]:
    b = ctx.blocks
    assert ctx.file is not None
    story: list[Flowable] = [b.title(_(RECORD_TITLE)), *client_lines(ctx)]
    story += b.field(
        _("Service period"), f"{format_date(ctx.file.episode_started(closure))} – {format_date(closure.closed_on)}"
    )
    story += b.field(_("Why the service ended"), closure.reason.label)
    if closure.destination:
        story += b.field(_("Where the client went"), closure.destination.label)
    if closure.achieved:
        story += b.long_field(_("What was achieved"), closure.achieved)
    if closure.notes:
        story += b.long_field(_("Notes"), closure.notes)
    closing = [*b.field(_("Recorded by"), ctx.coach.name or None), *b.field(_("Recorded on"), format_date(ctx.today))]
    story += b.signed(closing, [_("Job coach's signature")])
    return story


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    f = ctx.file
    closure = max(f.closures, key=lambda c: c.closed_on) if f and f.closures else None
    if closure and closure.reason in RECORD_ONLY:
        return _record(ctx, closure)
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    period = f"{format_date(f.episode_started(closure))} – {format_date(closure.closed_on)}" if f and closure else None
    story += b.field(_("Service period"), period)
    story += b.long_field(_("What was achieved"), closure.achieved if closure else None, 3)
    if closure and not b.blank:
        story += b.field(_("Why the service ends"), closure.reason.label)
    else:
        story.append(b.label(_("Why the service ends")))
        story += b.ticks([(reason.label, None) for reason in ClosureReason if reason not in RECORD_ONLY])
    destination = closure.destination.label if closure and closure.destination else None
    story += b.field(_("Where you go from here"), destination)
    story += b.long_field(_("Continuation plan"), closure.continuation_path if closure else None, 3)
    story += b.long_field(_("Contact details from now on"), closure.contacts if closure else None, 2)
    closing = [
        b.heading(_("If you want to come back")),
        *b.text(_("You are welcome back. Contact your coach or the service when you want support again.")),
    ]
    story += b.signed(closing, [_("Client's signature"), _("Job coach's signature")])
    return story
