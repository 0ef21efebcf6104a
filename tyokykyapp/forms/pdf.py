"""The common frame of every printed document: A4, an embedded font that has every Finnish, Swedish and
Sámi letter (DejaVu Sans, shipped with its licence), body text at least 11 pt (14 pt in large print), the
organisation and coach on top, "page 1 / 3" numbers and, on documents about a client, their name on every
page. Built in memory: the PDF exists only as bytes until the coach chooses to save it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from tyokykyapp import __version__
from tyokykyapp.i18n import _

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
MARGIN = 20 * mm


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


def styles(large_print: bool = False) -> Styles:
    register_fonts()
    size = 14 if large_print else 11
    body = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.4, spaceAfter=size * 0.5)
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=size + 7, leading=(size + 7) * 1.3, spaceAfter=size
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=size + 2,
            leading=(size + 2) * 1.4,
            spaceBefore=size * 0.6,
            keepWithNext=1,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=max(9, size - 2), leading=max(9, size - 2) * 1.3),
        label=ParagraphStyle("label", parent=body, fontName=BOLD, keepWithNext=1),
    )


def _numbered_canvas(header: str, person: str, font_size: int) -> type[Canvas]:
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
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.setFont(FONT, font_size - 2)
            self.drawString(MARGIN, height - 11 * mm, header)
            if person:  # on its own line: a long organisation name never hides it
                self.setFont(BOLD, font_size - 1)
                self.drawString(MARGIN, height - 16 * mm, person)
            self.drawRightString(
                width - MARGIN, 10 * mm, _("page {n} / {total}").format(n=self._pageNumber, total=total)
            )

    return NumberedCanvas


def build_pdf(story: list[Flowable], *, title: str, header: str, person: str = "", large_print: bool = False) -> bytes:
    """The document as PDF bytes. `header` (organisation and coach) and `person` (the client's name, or
    empty on a blank form) are printed on every page."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 8 * mm,
        bottomMargin=MARGIN,
        title=title,
        author=header,
        creator=f"Työkyky {__version__}",  # which version printed it, read from any saved PDF's properties
    )
    document.build(story, canvasmaker=_numbered_canvas(header, person, 14 if large_print else 11))
    return buffer.getvalue()
