"""Loading `.po` catalogs and choosing the active language."""

from __future__ import annotations

import ast
import contextlib
import gettext
import math
import os
import re
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
# Each language by its own name, as a language menu shows it (never translated).
LANGUAGE_NAMES: dict[str, str] = {"fi": "suomi", "sv": "svenska", "en": "English"}
DEFAULT_LANGUAGE = "fi"
DOMAIN = "tyokyky"
_LOCALE = Path(__file__).resolve().parent / "locale"


class PoTranslations(gettext.NullTranslations):
    """Translations read from a `.po` file; plural rule `n != 1` (true for fi, sv and en)."""

    def __init__(self, messages: dict[str, str], plurals: dict[str, tuple[str, str]]) -> None:
        super().__init__()
        self._messages = messages
        self._plurals = plurals

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._plurals.get(msgid1)
        if forms is None or not forms[0]:
            return msgid1 if n == 1 else msgid2
        return forms[0] if n == 1 else forms[1]


_ESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\t": "\t"}
_ESCAPE = re.compile(r"\\.")


def _unquote(quoted: str) -> str:
    """A PO string's text. The escapes our writer uses are replaced directly (ast.literal_eval on every
    line made parsing the catalog a visible part of start-up); anything else is read as Python would."""
    inner = quoted[1:-1]
    if "\\" not in inner:
        return inner
    if all(m.group() in _ESCAPES for m in _ESCAPE.finditer(inner)):
        return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], inner)
    return str(ast.literal_eval(quoted))


def parse_po(text: str) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Parse the subset of the PO format we write: msgid, msgid_plural, msgstr, msgstr[n], comments."""
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, str]] = {}
    entry: dict[str, str] = {}
    key = ""

    def flush() -> None:
        if entry.get("msgid"):
            if "msgid_plural" in entry:
                plurals[entry["msgid"]] = (entry.get("msgstr[0]", ""), entry.get("msgstr[1]", ""))
            else:
                messages[entry["msgid"]] = entry.get("msgstr", "")
        entry.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if not line and entry:
                flush()
            continue
        if line.startswith('"'):
            entry[key] += _unquote(line)
            continue
        key, _sep, value = line.partition(" ")
        if key == "msgid" and any(k.startswith("msgstr") for k in entry):
            flush()
        entry[key] = _unquote(value)
    flush()
    return messages, plurals


def catalog_text(language: str) -> str:
    # A plain path, not importlib.resources: the package is always installed as files, and the resources
    # machinery alone took ~4 ms of the start-up.
    return (_LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po").read_text(encoding="utf-8")


@cache
def translations(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    messages, plurals = parse_po(catalog_text(language))
    return PoTranslations(messages, plurals)


def _language_from_environment() -> str:
    # The app's language is its own choice (Finnish unless told otherwise), not the operating system's:
    # a coach's laptop set up in English still gets Finnish forms and messages by default.
    code = os.environ.get("TYOKYKY_LANG", "")[:2].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


_active: list[str] = [_language_from_environment()]
# A language chosen for one thread only: a document built in the background in the client's language must
# not switch the language of the window meanwhile, nor be switched by it.
_thread = threading.local()


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _active[0] = language


def current_language() -> str:
    return getattr(_thread, "language", None) or _active[0]


@contextlib.contextmanager
def using_language(language: str) -> Iterator[None]:
    """Translate into `language` in this thread, whatever the app's language (a document in the client's
    language)."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    previous = getattr(_thread, "language", None)
    _thread.language = language
    try:
        yield
    finally:
        _thread.language = previous


# The pseudo-locale: every text 40 % longer (the padding after it), to see which screens cut or squeeze the
# long words Finnish and Swedish bring. Switched on by TYOKYKY_PSEUDO=1 or set_pseudo(True) (the layout tests).
PSEUDO_STRETCH = 0.4
_pseudo: list[bool] = [os.environ.get("TYOKYKY_PSEUDO", "") == "1"]


def set_pseudo(on: bool) -> None:
    _pseudo[0] = on


def stretched(text: str) -> str:
    """`text` made 40 % longer, each line on its own (placeholders and line breaks kept)."""
    return "\n".join(
        line + "ö" * math.ceil(len(line) * PSEUDO_STRETCH) if line.strip() else line for line in text.split("\n")
    )


def _(message: str) -> str:
    text = translations(current_language()).gettext(message)
    return stretched(text) if _pseudo[0] else text


def ngettext(singular: str, plural: str, n: int) -> str:
    text = translations(current_language()).ngettext(singular, plural, n)
    return stretched(text) if _pseudo[0] else text


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it with `_()` where it is shown."""
    return message
