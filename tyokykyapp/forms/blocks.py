"""The pieces forms are made of: a heading, plain sentences, a field (a filled value, or a line to write on
that runs to the margin), ruled boxes to write in by hand, tick boxes, a table, a notice in a frame, and
signature lines kept on the same page as the end of what is signed.

Every text goes through `Blocks.markup`: it is escaped (names may hold < or &), normalised (a name pasted
in decomposed form prints its accents in place) and its characters are noted for the font check."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from tyokykyapp.forms.pdf import BOLD, FONT, PAGE_HEIGHT, WIDTH, Styles
from tyokykyapp.i18n import _

BOX_EMPTY, BOX_TICKED = "☐", "☒"
# A table row taller than this is printed as text instead: a row cannot break across pages, and one
# taller than the page could not be printed at all.
TALL_ROW = 80 * mm
# Text longer than this is cut into several paragraphs exactly where its lines wrap: ReportLab wraps the
# whole rest of a paragraph again at every page break, so one huge paragraph costs time by the square.
CHUNK = 2000
# A signature block is kept on one page with as much of the end of what is signed as fits in this share
# of a page.
KEPT_WITH_SIGNATURES = 0.15
CELL_PADDING = 6  # ReportLab's default left and right padding in a table cell


@dataclass
class Blocks:
    s: Styles
    blank: bool
    # Every character the document prints, for the check of what the font can draw.
    chars: set[str] = field(default_factory=set)

    @property
    def line_gap(self) -> float:
        """The height of one handwritten line (about 9 mm, 11 mm in large print)."""
        return float(self.s.body.fontSize) * 2.3

    def markup(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        self.chars.update(text)
        return escape(text)

    def title(self, text: str) -> Flowable:
        return Paragraph(self.markup(text), self.s.title)

    def heading(self, text: str) -> Flowable:
        return Paragraph(self.markup(text), self.s.heading)

    def label(self, text: str) -> Flowable:
        """The label of what follows, kept on the same page as it."""
        return Paragraph(self.markup(text), self.s.label)

    def text(self, text: str, style: ParagraphStyle | None = None) -> list[Flowable]:
        """A plain sentence or note, line breaks kept. A long text becomes several paragraphs that end
        exactly where its lines wrap, so it reads as one."""
        style = style or self.s.body
        if len(text) <= CHUNK:
            return [Paragraph(self.markup(text).replace("\n", "<br/>"), style)]
        joined = ParagraphStyle("joined", parent=style, spaceAfter=0)
        pieces: list[list[str]] = [[]]
        size = 0
        for line in text.split("\n"):
            for part in self._wrapped(line, style) if len(line) > CHUNK else [line]:
                if size + len(part) > CHUNK and pieces[-1]:
                    pieces.append([])
                    size = 0
                pieces[-1].append(part)
                size += len(part)
        last = len(pieces) - 1
        return [
            Paragraph("<br/>".join(self.markup(part) for part in piece), style if index == last else joined)
            for index, piece in enumerate(pieces)
        ]

    @staticmethod
    def _wrapped(line: str, style: ParagraphStyle) -> list[str]:
        """One long line cut into groups of the lines it wraps into in the column."""
        paragraph = Paragraph(escape(line), style)
        paragraph.wrap(WIDTH, PAGE_HEIGHT)
        laid_out = paragraph.blPara
        if laid_out.kind != 0:  # not plain text in one font: keep it whole (correct, only slower)
            return [line]
        groups: list[str] = []
        words: list[str] = []
        for _extra, line_words in laid_out.lines:
            words += line_words
            if sum(len(w) + 1 for w in words) > CHUNK:
                groups.append(" ".join(words))
                words = []
        if words:
            groups.append(" ".join(words))
        return groups

    def bullets(self, lines: Sequence[str]) -> list[Flowable]:
        indent = pdfmetrics.stringWidth("•\u00a0", FONT, self.s.body.fontSize)
        style = ParagraphStyle("bullet", parent=self.s.body, leftIndent=indent, firstLineIndent=-indent)
        return [Paragraph("•&nbsp;" + self.markup(line), style) for line in lines]

    @staticmethod
    def _colon(label: str) -> str:
        """'Label:' (a question keeps its question mark alone)."""
        return label if label.endswith(("?", ":")) else label + ":"

    def field(self, label: str, value: str | None) -> list[Flowable]:
        """'Label: value' when filled; when blank or unknown, the label and a line to write on."""
        if not value or self.blank:
            return [self.write_on(label)]
        if len(value) > CHUNK:
            return [self.label(self._colon(label)), *self.text(value)]
        shown = self.markup(value).replace("\n", "<br/>")
        return [Paragraph(f"<font name='{BOLD}'>{self.markup(self._colon(label))}</font> {shown}", self.s.body)]

    def write_on(self, label: str) -> Flowable:
        """The label and a line to the right margin to write on; a long label gets the whole line below it."""
        caption = Paragraph(self.markup(self._colon(label)), ParagraphStyle("write", parent=self.s.body, spaceAfter=0))
        width = pdfmetrics.stringWidth(label + ": ", FONT, self.s.body.fontSize) + 2 * mm
        style = [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        if width <= WIDTH * 0.6:
            table = Table(
                [[caption, ""]],
                colWidths=[width, WIDTH - width],
                rowHeights=[self.line_gap],
                style=[*style, ("LINEBELOW", (1, 0), (1, 0), 0.6, "black")],
            )
        else:
            table = Table(
                [[caption], [""]],
                colWidths=[WIDTH],
                rowHeights=[None, self.line_gap],
                style=[*style, ("LINEBELOW", (0, 1), (0, 1), 0.6, "black")],
            )
        table.spaceAfter = self.s.body.fontSize * 0.4
        return table

    def long_field(self, label: str, value: str | None, lines: int = 4) -> list[Flowable]:
        """A label and the text, or a ruled box to write in."""
        if value and not self.blank:
            return [self.label(label), *self.text(value)]
        return [self.label(label), self.write_box(lines)]

    def write_box(self, lines: int) -> Flowable:
        """A framed box with faint ruled lines, sized for handwriting."""
        table = Table(
            [[""] for _ in range(lines)],
            colWidths=[WIDTH],
            rowHeights=[self.line_gap] * lines,
            style=[("BOX", (0, 0), (-1, -1), 0.8, "black"), ("LINEBELOW", (0, 0), (-1, -2), 0.3, "#999999")],
        )
        table.spaceAfter = self.s.body.fontSize * 0.6
        return table

    def boxes(self, rows: Sequence[tuple[Sequence[tuple[str, float]], int]]) -> Flowable:
        """Boxes to write in, each with its label in small type in the corner (as on official forms): for
        each row its boxes (label, share of the width) and how many handwritten lines it holds."""
        body: list[list[object]] = []
        heights: list[float] = []
        style: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
        ]
        columns = 12  # every row's boxes are spans of a twelve-column grid
        for row_index, (cells, lines) in enumerate(rows):
            row: list[object] = [""] * columns
            start = 0
            for label, share in cells:
                span = round(share * columns)
                row[start] = Paragraph(self.markup(label), self.s.caption)
                style.append(("BOX", (start, row_index), (start + span - 1, row_index), 0.8, "black"))
                if span > 1:
                    style.append(("SPAN", (start, row_index), (start + span - 1, row_index)))
                start += span
            body.append(row)
            heights.append(self.s.caption.leading + 4 + lines * self.line_gap)
        table = Table(body, colWidths=[WIDTH / columns] * columns, rowHeights=heights, style=style)
        table.spaceAfter = self.s.body.fontSize * 0.8
        return table

    def together(self, flowables: Sequence[Flowable]) -> Flowable:
        """Flowables kept on one page: a question and its choices."""
        return KeepTogether(list(flowables))

    def date_column(self) -> float:
        """The share of the width a table column of dates needs to show a date on one line."""
        width = pdfmetrics.stringWidth("30.12.2026", FONT, self.s.body.fontSize) + 2 * CELL_PADDING + 2
        return float(width / WIDTH)

    def tick(self, text: str, ticked: bool | None, *, last: bool = True) -> Flowable:
        """A tick box; on blank forms always empty. Choices of one question (`last` False but for the final
        one) sit close together."""
        box = BOX_TICKED if ticked and not self.blank else BOX_EMPTY
        size = self.s.body.fontSize
        # A hanging indent: the text of a long choice wraps clear of its box.
        indent = pdfmetrics.stringWidth(box, FONT, size + 3) + pdfmetrics.stringWidth("\u00a0 ", FONT, size)
        style = ParagraphStyle(
            "tick",
            parent=self.s.body,
            spaceAfter=self.s.body.spaceAfter if last else size * 0.15,
            leftIndent=indent,
            firstLineIndent=-indent,
        )
        return Paragraph(f"<font name='{FONT}' size='{size + 3}'>{box}</font>&nbsp; {self.markup(text)}", style)

    def ticks(self, choices: Sequence[tuple[str, bool | None]]) -> list[Flowable]:
        """The choices of one question, each with its tick box."""
        return [self.tick(text, ticked, last=i == len(choices) - 1) for i, (text, ticked) in enumerate(choices)]

    def notice(self, text: str) -> Flowable:
        """A framed, bold statement that must not be missed (a withdrawn consent)."""
        style = ParagraphStyle("notice", parent=self.s.body, fontName=BOLD, spaceAfter=0)
        table = Table(
            [[Paragraph(self.markup(text).replace("\n", "<br/>"), style)]],
            colWidths=[WIDTH],
            style=[("BOX", (0, 0), (-1, -1), 2, "black"), ("TOPPADDING", (0, 0), (-1, -1), 6)],
        )
        table.spaceAfter = self.s.body.fontSize
        return table

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], blank_rows: int = 4
    ) -> list[Flowable]:
        """A table with a row per item (`widths`: each column's share of the column). On a blank form, or
        with no items, the rows are sized to write in and `blank_rows` empty ones follow. A row taller than
        a page cannot be printed: then every row is printed as labelled text instead."""
        cell = ParagraphStyle("cell", parent=self.s.body, spaceAfter=0)
        columns = [w * WIDTH for w in widths]
        body = [[Paragraph(self.markup(text).replace("\n", "<br/>"), cell) for text in row] for row in rows]
        if any(
            paragraph.wrap(width - 2 * CELL_PADDING, PAGE_HEIGHT)[1] > TALL_ROW
            for row in body
            for paragraph, width in zip(row, columns, strict=True)
        ):
            entries: list[Flowable] = []
            for row in rows:
                for label, text in zip(header, row, strict=True):
                    if text:
                        entries += self.field(label, text)
                if entries:
                    entries[-1].spaceAfter = self.s.body.fontSize
            return entries
        handwritten = self.blank or not rows
        if handwritten:
            body += [["" for _ in header] for _ in range(blank_rows)]
        heading = ParagraphStyle("th", parent=self.s.small, fontName=BOLD)
        table = Table(
            [[Paragraph(self.markup(h), heading) for h in header], *body],
            colWidths=columns,
            repeatRows=1,
            minRowHeights=[0] + [self.line_gap * 1.2 if handwritten else 0] * len(body),
            style=[("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")],
        )
        table.spaceAfter = self.s.body.fontSize  # the next line never sits on the table's bottom rule
        return [table]

    def signed(self, closing: Sequence[Flowable], parties: Sequence[str]) -> list[Flowable]:
        """`closing` (the end of what is signed) and, for each party, a line for the place and date and a
        line to sign on: the signatures never stand alone on a page."""
        rows: list[list[object]] = []
        style: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        heights: list[float | None] = []
        for index, party in enumerate(parties):
            line = 2 * index
            rows += [
                ["", "", ""],
                [
                    Paragraph(self.markup(_("Place and date")), self.s.small),
                    "",
                    Paragraph(self.markup(party), self.s.small),
                ],
            ]
            heights += [self.line_gap * 0.9, None]
            style += [
                ("LINEBELOW", (0, line), (0, line), 0.8, "black"),
                ("LINEBELOW", (2, line), (2, line), 0.8, "black"),
                ("TOPPADDING", (0, line + 1), (-1, line + 1), 1),
                ("BOTTOMPADDING", (0, line + 1), (-1, line + 1), 1),
            ]
        signatures = Table(rows, colWidths=[WIDTH * 0.38, WIDTH * 0.04, WIDTH * 0.58], rowHeights=heights)
        signatures.setStyle(TableStyle(style))
        # Keep as much of the end of the text with the signatures as fits in part of a page.
        budget = PAGE_HEIGHT * KEPT_WITH_SIGNATURES
        kept = 0
        for flowable in reversed(closing):
            height = flowable.wrap(WIDTH, PAGE_HEIGHT)[1]
            if kept and height > budget:
                break
            budget -= height
            kept += 1
        split = len(closing) - kept
        return [*closing[:split], KeepTogether([*closing[split:], signatures])]
