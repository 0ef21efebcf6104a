"""Reading printed documents back: the text of each page, and where each piece of text is drawn."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from tyokykyapp.forms.pdf import BOLD, FONT, register_fonts
from tyokykyapp.forms.render import PrintedForm


def pages(printed: PrintedForm | bytes) -> list[str]:
    pdf = printed.pdf if isinstance(printed, PrintedForm) else printed
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(printed: PrintedForm | bytes) -> str:
    return "\n".join(pages(printed))


@dataclass(frozen=True)
class Piece:
    """A run of text as drawn: its page (from 1), left edge, baseline, width, font and size."""

    page: int
    text: str
    x: float
    y: float
    width: float
    bold: bool
    size: float


def pieces(printed: PrintedForm) -> list[Piece]:
    register_fonts()
    found: list[Piece] = []
    for number, page in enumerate(PdfReader(io.BytesIO(printed.pdf)).pages, 1):

        def visit(text: str, cm: list[float], tm: list[float], font: dict[str, Any] | None, size: float) -> None:
            text = text.rstrip()
            if not text.strip():
                return
            bold = bool(font) and str(font.get("/BaseFont", "")).endswith("-Bold")
            scale = tm[0] * cm[0]
            width = pdfmetrics.stringWidth(text, BOLD if bold else FONT, size * scale)
            found.append(Piece(number, text, cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], width, bold, size * scale))  # noqa: B023

        page.extract_text(visitor_text=visit)
    return found


def flat(printed: PrintedForm | bytes) -> str:
    """All the text on one line, single spaces: sentences read whole wherever the lines broke."""
    return " ".join(text_of(printed).split())
