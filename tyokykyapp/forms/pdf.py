"""The common frame of every printed document: A4, an embedded font that has every Finnish, Swedish and
Sámi letter (DejaVu Sans, shipped with its licence), body text at least 11 pt (14 pt in large print), and on
every page the letterhead (organisation; coach and contact, wrapped to the column), the client's name on
documents about a client (a line to write it on for blank forms), the secrecy mark on filled forms, the
form's code and version and "page 1 / 3". Built in memory: the PDF exists only as bytes until the coach
chooses to save it."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from tyokykyapp import __version__
from tyokykyapp.i18n import _, current_language

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
MARGIN = 20 * mm
PAGE_WIDTH, PAGE_HEIGHT = A4
# The document frame pads its column by 6 pt on each side: rules, tables and the letterhead use the
# column's own edges so nothing sticks out past the text.
PADDING = 6
LEFT = MARGIN + PADDING
WIDTH = PAGE_WIDTH - 2 * LEFT
# Lines of the letterhead and the name at most; a longer text ends in "…" there (it is printed whole in
# the body of the form).
HEADER_LINES = 2


@cache
def register_fonts() -> None:
    folder = resources.files("tyokykyapp.forms") / "fonts"
    for name in (FONT, BOLD):
        with resources.as_file(folder / f"{name}.ttf") as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle  # a field's label, kept on the same page as what follows it
    caption: ParagraphStyle  # the label inside a box to write in


def styles(large_print: bool = False) -> Styles:
    register_fonts()
    size = 14 if large_print else 11
    # No space shrinkage: ReportLab would otherwise let a left-aligned line run up to 5 % past the column.
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=size, leading=size * 1.4, spaceAfter=size * 0.4, spaceShrinkage=0
    )
    small_size = max(9, size - 2)
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=size + 7, leading=(size + 7) * 1.3, spaceAfter=size * 0.6
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=size + 2,
            leading=(size + 2) * 1.25,
            # Clearly more room above a heading than below it: it belongs to what follows.
            spaceBefore=size * 0.8,
            spaceAfter=size * 0.3,
            keepWithNext=1,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=small_size, leading=small_size * 1.3, spaceAfter=0),
        label=ParagraphStyle(
            "label", parent=body, fontName=BOLD, spaceBefore=size * 0.9, spaceAfter=size * 0.2, keepWithNext=1
        ),
        caption=ParagraphStyle("caption", parent=body, fontSize=small_size - 1, leading=small_size, spaceAfter=0),
    )


def fitted(text: str, style: ParagraphStyle, width: float, lines: int = HEADER_LINES) -> Paragraph:
    """`text` as a paragraph of at most `lines` lines in `width`, ending in "…" when it is longer."""

    text = unicodedata.normalize("NFC", text)

    def paragraph(shown: str) -> Paragraph:
        return Paragraph(escape(shown), style)

    def fits(shown: str) -> bool:
        _width, height = paragraph(shown).wrap(width, PAGE_HEIGHT)
        return bool(height <= style.leading * lines + 0.1)

    if fits(text):
        return paragraph(text)
    # No line holds more than ~200 characters: cut a huge text down before searching where it ends.
    low, high = 0, min(len(text), 300 * lines)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    return paragraph(text[:low].rstrip() + "…")


def _clipped(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line of `width`, ending in "…" when it is longer."""
    text = text[:300]
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class PageFrame:
    """What is printed on every page around the text."""

    letterhead: Sequence[str] = ()  # the organisation; then the coach and their contact details
    person: str = ""  # the client's name, on documents about a client
    name_line: bool = False  # a blank form: a line to write the client's name on, on every page
    mark: str = ""  # top right on filled forms: "SALASSA PIDETTÄVÄ" and its legal basis
    code: str = ""  # bottom left: the form's code and version


class _Top:
    """The letterhead, the name line and the mark, laid out once and drawn on every page."""

    def __init__(self, frame: PageFrame, font_size: int) -> None:
        self.frame, self.font_size = frame, font_size
        head = ParagraphStyle(
            "head", fontName=FONT, fontSize=font_size - 2, leading=(font_size - 2) * 1.25, spaceShrinkage=0
        )
        first = ParagraphStyle("head1", parent=head, fontName=BOLD)
        name = ParagraphStyle("name", parent=head, fontName=BOLD, fontSize=font_size, leading=font_size * 1.25)
        self.letterhead = [
            fitted(line, first if index == 0 else head, WIDTH)
            for index, line in enumerate(line for line in frame.letterhead if line)
        ]
        # The mark goes at the right margin of the name's line, or above the name when both do not fit.
        mark_size = font_size - 2
        self.mark = _clipped(frame.mark, BOLD, mark_size, WIDTH * 0.6)
        mark_width = pdfmetrics.stringWidth(self.mark, BOLD, mark_size) + 4 * mm if self.mark else 0
        self.label = _("Client") + ":"
        self.top = PAGE_HEIGHT - 10 * mm
        y = self.top - sum(p.wrap(WIDTH, PAGE_HEIGHT)[1] for p in self.letterhead) - 2 * mm
        self.name_width = WIDTH
        self.mark_y = y - font_size
        if self.mark and pdfmetrics.stringWidth(frame.person, BOLD, font_size) + mark_width > WIDTH:
            self.mark_y = y - mark_size
            y -= mark_size * 1.5
        elif self.mark:
            self.name_width = WIDTH - mark_width
        self.name_top = y
        self.person = fitted(frame.person, name, self.name_width) if frame.person else None
        if self.person is not None:
            y -= self.person.wrap(self.name_width, PAGE_HEIGHT)[1]
        elif frame.name_line:
            y -= font_size * 2
        elif self.mark:
            y -= name.leading
        self.rule = y - 1.5 * mm
        # Where the text of each page starts: a little below the rule.
        self.height = PAGE_HEIGHT - self.rule + 3 * mm

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        y = self.top
        for paragraph in self.letterhead:
            y -= paragraph.wrap(WIDTH, PAGE_HEIGHT)[1]
            paragraph.drawOn(canvas, LEFT, y)
        if self.mark:
            canvas.setFont(BOLD, self.font_size - 2)
            canvas.drawRightString(LEFT + WIDTH, self.mark_y, self.mark)
        if self.person is not None:
            height = self.person.wrap(self.name_width, PAGE_HEIGHT)[1]
            self.person.drawOn(canvas, LEFT, self.name_top - height)
        if self.frame.name_line and self.person is None:
            # A blank form: the line to write the client's name on closes the top of the page.
            y = self.name_top - self.font_size * 2
            canvas.setFont(FONT, self.font_size)
            canvas.drawString(LEFT, y + 2, self.label)
            start = LEFT + pdfmetrics.stringWidth(self.label, FONT, self.font_size) + 2 * mm
            canvas.setLineWidth(0.6)
            canvas.line(start, y, LEFT + WIDTH, y)
        else:
            canvas.setLineWidth(0.4)
            canvas.line(LEFT, self.rule, LEFT + WIDTH, self.rule)
        # The footer: one font for both ends, whatever the page's text last used.
        canvas.setFont(FONT, self.font_size - 2)
        if self.frame.code:
            canvas.drawString(LEFT, 10 * mm, self.frame.code)
        canvas.drawRightString(LEFT + WIDTH, 10 * mm, _("page {n} / {total}").format(n=page, total=total))


def _numbered_canvas(top: _Top) -> type[Canvas]:
    """A canvas that knows the page count when it finishes, for "page n / N" on every page."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                top.draw(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def listing_table(rows: list[list[Any]], widths: Sequence[float], font_size: float) -> Table:
    """A plain list in a table (a receipt's clients, the erasure log): a ruled heading row repeated on every
    page, thin lines between the rows."""
    table = Table(rows, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, font_size),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, "black"),
                ("GRID", (0, 1), (-1, -1), 0.25, "grey"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def build_pdf(story: list[Flowable], *, title: str, frame: PageFrame, large_print: bool = False) -> bytes:
    """The document as PDF bytes, with `frame` printed around the text of every page."""
    register_fonts()
    top = _Top(frame, 14 if large_print else 11)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top.height,
        bottomMargin=MARGIN - 4 * mm,  # the footer line sits 10 mm from the edge
        title=title,
        author=" · ".join(line for line in frame.letterhead if line),
        creator=f"Työkyky {__version__}",  # which version printed it, read from any saved PDF's properties
        lang=current_language(),  # a screen reader reads a saved copy in the right language
    )
    document.build(story, canvasmaker=_numbered_canvas(top))
    return buffer.getvalue()
