"""The day's or the week's meetings on paper: day, time, client and place, nothing of what was written about
them (no notes). Printed from memory like every form; marked confidential, since it names clients."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from reportlab.platypus import Flowable

from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.domain.dates import format_day, format_time
from tyokykyapp.forms.blocks import Blocks
from tyokykyapp.forms.glyphs import unprintable
from tyokykyapp.forms.pdf import PageFrame, build_pdf, styles
from tyokykyapp.forms.render import PrintedForm
from tyokykyapp.i18n import N_, _, using_language

TITLE = N_("Meetings")
# One meeting as printed: the day, the time (None: not agreed), the client's name and the place.
Row = tuple[date, time | None, str, str]


def agenda_pdf(
    meetings: Sequence[Row],
    period: str,
    *,
    coach: CoachDetails,
    lang: str = "fi",
    large_print: bool = False,
) -> PrintedForm:
    """`period` heads the list (e.g. the day, or the first and last day of the week)."""
    with using_language(lang):
        blocks = Blocks(styles(large_print), blank=False)
        story: list[Flowable] = [blocks.title(f"{_(TITLE)}: {period}")]
        for day in sorted({meeting[0] for meeting in meetings}):
            rows = [(format_time(at) or "–", name, place) for on, at, name, place in meetings if on == day]
            story.append(blocks.heading(format_day(day)))
            story += blocks.table((_("Time"), _("Client"), _("Place")), rows, (0.14, 0.46, 0.40), blank_rows=0)
        if not meetings:
            story += blocks.text(_("No meetings booked."))
        contact = " · ".join(p for p in (coach.name, coach.phone, coach.email) if p)
        frame = PageFrame(letterhead=[line for line in (coach.organisation, contact) if line], mark=_("CONFIDENTIAL"))
        pdf = build_pdf(story, title=_(TITLE), frame=frame, large_print=large_print)
    printed = {*blocks.chars, *"".join(frame.letterhead), *frame.mark}
    return PrintedForm(pdf, unprintable(printed))
