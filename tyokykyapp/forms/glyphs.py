"""Which characters of a document the embedded font cannot print right.

DejaVu Sans draws every Finnish, Swedish and Sámi letter and most accented Latin, Greek and Cyrillic ones,
but not Chinese, Japanese or Korean characters nor many emoji (they would print as empty boxes), and
ReportLab neither joins Arabic letters nor lays out right-to-left text (it would print unreadable). No font
for those scripts is bundled, so the coach is warned before printing instead."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

from reportlab.pdfbase import pdfmetrics

from tyokykyapp.forms.pdf import FONT, register_fonts
from tyokykyapp.i18n import _

# Characters that draw nothing by design: a line break, joiners and variation selectors.
_INVISIBLE = frozenset("\n\r\t\u200b\u200c\u200d\u2060\ufe0e\ufe0f")
_RIGHT_TO_LEFT = frozenset({"R", "AL"})


@cache
def _drawable() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def unprintable(chars: Iterable[str]) -> str:
    """The characters among `chars` that would print as empty boxes or in the wrong order, sorted."""
    drawable = _drawable()
    return "".join(
        sorted(
            ch
            for ch in set(chars)
            if ch not in _INVISIBLE and (ord(ch) not in drawable or unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT)
        )
    )


def warning(characters: str) -> str:
    """One plain line for the coach, or '' when every character prints."""
    if not characters:
        return ""
    return _(
        "The printed form cannot show these characters correctly (they print as empty boxes or in the wrong "
        "order): {characters}. Write them on the paper by hand."
    ).format(characters=" ".join(characters))
