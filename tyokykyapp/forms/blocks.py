"""The pieces forms are made of: a heading, plain sentences, a field (filled value or a ruled line to
write on), tick boxes, space to write by hand, a table, and signature lines."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.pdf import BOLD, FONT, Styles
from tyokykyapp.i18n import _, current_language, set_language

RULE = "_" * 48
LONG_ROW = 1200  # characters in one table row before it is printed as text instead
BOX_EMPTY, BOX_TICKED = "☐", "☒"
WIDTH = 170 * mm


@contextlib.contextmanager
def language(code: str) -> Iterator[None]:
    """Build a document in `code` whatever language the app shows."""
    previous = current_language()
    set_language(code)
    try:
        yield
    finally:
        set_language(previous)


def day(value: date | None) -> str:
    return format_date(value)


@dataclass
class Blocks:
    s: Styles
    blank: bool

    def title(self, text: str) -> Flowable:
        return Paragraph(escape(text), self.s.title)

    def heading(self, text: str) -> Flowable:
        return Paragraph(escape(text), self.s.heading)

    def text(self, text: str) -> Flowable:
        """A plain sentence or note; line breaks kept, everything escaped (names may hold < or &)."""
        return Paragraph(escape(text).replace("\n", "<br/>"), self.s.body)

    def bullets(self, lines: Sequence[str]) -> list[Flowable]:
        return [Paragraph("•&nbsp;" + escape(line), self.s.body) for line in lines]

    def field(self, label: str, value: str | None) -> Flowable:
        """'Label: value' when filled; 'Label: ______' to write on when blank or unknown."""
        shown = escape(value).replace("\n", "<br/>") if value and not self.blank else RULE
        return Paragraph(f"<font name='{BOLD}'>{escape(label)}:</font> {shown}", self.s.body)

    def long_field(self, label: str, value: str | None, lines: int = 4) -> list[Flowable]:
        """A heading and the text, or ruled lines to write on."""
        if value and not self.blank:
            return [Paragraph(escape(label), self.s.label), self.text(value)]
        return [Paragraph(escape(label), self.s.label), *self.write_lines(lines)]

    def write_lines(self, count: int) -> list[Flowable]:
        rows = [[""] for _ in range(count)]
        table = Table(rows, colWidths=[WIDTH], rowHeights=[self.s.body.fontSize * 2.1] * count)
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, "black")]))
        return [table, Spacer(0, 2 * mm)]

    def tick(self, text: str, ticked: bool | None) -> Flowable:
        """A tick box; on blank forms always empty."""
        box = BOX_TICKED if ticked and not self.blank else BOX_EMPTY
        return Paragraph(
            f"<font name='{FONT}' size='{self.s.body.fontSize + 3}'>{box}</font>&nbsp; {escape(text)}", self.s.body
        )

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], blank_rows: int = 4
    ) -> list[Flowable]:
        if any(sum(len(cell) for cell in row) > LONG_ROW for row in rows):
            # A table row cannot break across pages: long rows are printed as text, so nothing is cut off.
            entries: list[Flowable] = []
            for row in rows:
                entries += [self.field(label, cell) for label, cell in zip(header, row, strict=True) if cell]
                entries.append(Spacer(0, 3 * mm))
            return entries
        body = [[Paragraph(escape(cell), self.s.small) for cell in row] for row in rows]
        if self.blank or not body:
            body = [["" for _ in header] for _ in range(blank_rows)]
        table = Table(
            [[Paragraph(f"<font name='{BOLD}'>{escape(h)}</font>", self.s.small) for h in header], *body],
            colWidths=[w * mm for w in widths],
            repeatRows=1,
            rowHeights=None if not self.blank else [None] + [self.s.body.fontSize * 2.4] * len(body),
        )
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [table]

    def signatures(self, parties: Sequence[str]) -> Flowable:
        """For each party a line to write the date on and a line to sign on, kept on one page."""
        rows: list[list[object]] = []
        style: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        heights: list[float | None] = []
        for index, party in enumerate(parties):
            line = 2 * index
            rows += [
                ["", "", ""],
                [Paragraph(escape(_("Date")), self.s.small), "", Paragraph(escape(party), self.s.small)],
            ]
            heights += [self.s.body.fontSize * 3.2, None]
            style += [
                ("LINEBELOW", (0, line), (0, line), 0.8, "black"),
                ("LINEBELOW", (2, line), (2, line), 0.8, "black"),
            ]
        table = Table(rows, colWidths=[45 * mm, 10 * mm, 115 * mm], rowHeights=heights)
        table.setStyle(TableStyle(style))
        return KeepTogether([Spacer(0, 6 * mm), table])
