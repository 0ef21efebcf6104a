"""How header and value text is compared: case, accents, punctuation and spacing do not matter."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_WORD = re.compile(r"[^0-9a-z]+")


# A sheet repeats the same words (phases, kinds, employers) thousands of times.
@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """`text` as compared: lower case, accents dropped (ä → a), hyphens dropped (E-mail is Email, Aloitus-päivä
    is Aloituspäivä), runs of anything else one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("-", "").replace("\u00ad", ""))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", plain).strip()
