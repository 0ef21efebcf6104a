"""The report's charts, drawn once here (reportlab.graphics) for the PDF and the screen. Readable in black and
white print: every bar carries its number, bars are grey with a black outline, benchmark lines are dashed and
named, and nothing is told by colour alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from tyokykyapp.forms.pdf import BOLD, FONT, register_fonts
from tyokykyapp.i18n import _
from tyokykyapp.report.figures import BENCHMARKS, Percent, Report, number, status_label

WIDTH = 165 * mm
BAR = 5 * mm
GAP = 2.5 * mm
LABEL_WIDTH = 62 * mm
SIZE = 8.5
GREYS = (0.55, 0.75, 0.9)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # where the bar ends, on the chart's scale
    text: str  # the number printed beside the bar


def bar_chart(title: str, bars: Sequence[Bar], scale: float, marks: Sequence[tuple[float, str]] = ()) -> Drawing:
    """Horizontal bars from 0 to `scale`, a label left of each, its number right of it; `marks` are dashed
    vertical lines (a benchmark) named at the top."""
    register_fonts()
    top = SIZE * 2.6 + (SIZE * 1.4 if marks else 0)
    height = top + len(bars) * (BAR + GAP) + GAP
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - SIZE * 1.3, title, fontName=BOLD, fontSize=SIZE + 1.5))
    plot = WIDTH - LABEL_WIDTH - 16 * mm
    scale = scale or 1

    def x(value: float) -> float:
        return float(LABEL_WIDTH + plot * max(0.0, min(value, scale)) / scale)

    # The benchmark lines first: the bars and their numbers are drawn over them.
    for value, name in marks:
        drawing.add(
            Line(
                x(value),
                GAP,
                x(value),
                height - top + SIZE * 0.4,
                strokeColor=_grey(0),
                strokeWidth=0.6,
                strokeDashArray=[2, 2],
            )
        )
        drawing.add(
            String(x(value), height - top + SIZE * 0.7, name, fontName=FONT, fontSize=SIZE - 1, textAnchor="middle")
        )
    for index, bar in enumerate(bars):
        y = height - top - (index + 1) * (BAR + GAP)
        drawing.add(String(0, y + BAR * 0.25, _clip(bar.label), fontName=FONT, fontSize=SIZE))
        drawing.add(
            Rect(
                LABEL_WIDTH,
                y,
                x(bar.value) - LABEL_WIDTH,
                BAR,
                fillColor=_grey(GREYS[index % len(GREYS)]),
                strokeColor=_grey(0),
                strokeWidth=0.5,
            )
        )
        # The number on a white ground, readable where a benchmark line crosses it.
        at = x(bar.value) + 1.5 * mm
        width = stringWidth(bar.text, FONT, SIZE)
        drawing.add(Rect(at - 0.5, y, width + 1, BAR, fillColor=_grey(1), strokeColor=None))
        drawing.add(String(at, y + BAR * 0.25, bar.text, fontName=FONT, fontSize=SIZE))
    drawing.add(Line(LABEL_WIDTH, GAP, LABEL_WIDTH, height - top, strokeColor=_grey(0), strokeWidth=0.6))
    return drawing


def _grey(level: float) -> object:
    from reportlab.lib.colors import Color

    return Color(level, level, level)


def _clip(text: str) -> str:
    """A bar's label cut to the label column, ending in "…" when it is longer."""
    room = LABEL_WIDTH - 2 * mm
    if stringWidth(text, FONT, SIZE) <= room:
        return text
    while text and stringWidth(text + "…", FONT, SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _pct(part: int, whole: int) -> str:
    return number(Percent(part / whole)) if whole else "–"


def report_charts(report: Report) -> list[Drawing]:
    """The outcomes per person, where people stood at the end, the quarterly employment rate and the IPS-25
    scores given."""
    c, d = report.tally.counts, report.tally.dists
    served = c["served"]
    employed, trial = c["employed_people"], c["work_trial_only_people"]
    neither = served - c["employed_or_trial_people"]
    outcomes = bar_chart(
        _("Outcomes per person ({n} served)").format(n=served),
        [
            Bar(_("At least one employment"), employed, f"{employed} ({_pct(employed, served)})"),
            Bar(_("A work trial but no employment"), trial, f"{trial} ({_pct(trial, served)})"),
            Bar(_("Neither"), neither, f"{neither} ({_pct(neither, served)})"),
        ],
        served,
    )
    status = d["status_at_end"]
    at_end = bar_chart(
        _("Where people stood at the end of the period"),
        [Bar(status_label(k), n, str(n)) for k, n in sorted(status.items(), key=lambda kv: (-kv[1], kv[0]))],
        max(status.values(), default=1),
    )
    quarters = []
    for q, _first, _last in report.tally.period.quarters():
        working, whole = d["quarter_working_competitive"].get(q, 0), d["quarter_served"].get(q, 0)
        quarters.append(Bar(q, working / whole if whole else 0, f"{_pct(working, whole)} ({working}/{whole})"))
    rate = bar_chart(
        _("IPS quarterly competitive-employment rate"),
        quarters,
        0.6,
        [(b, number(Percent(b))) for b in BENCHMARKS],
    )
    scored = [i for i in report.fidelity if i.score is not None]
    scores = bar_chart(
        _("IPS-25 scores from the records (1–5)"),
        [Bar(f"{i.item}. {i.name}", i.score or 0, str(i.score)) for i in scored],
        5,
    )
    return [outcomes, at_end, rate, scores]
