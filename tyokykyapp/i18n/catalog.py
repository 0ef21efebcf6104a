"""Loading `.po` catalogs and choosing the active language."""

from __future__ import annotations

import ast
import gettext
import os
from functools import cache
from importlib import resources

LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
DOMAIN = "tyokyky"


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
            entry[key] += ast.literal_eval(line)
            continue
        key, _sep, value = line.partition(" ")
        if key == "msgid" and any(k.startswith("msgstr") for k in entry):
            flush()
        entry[key] = ast.literal_eval(value)
    flush()
    return messages, plurals


def catalog_text(language: str) -> str:
    path = resources.files("tyokykyapp.i18n") / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    return path.read_text(encoding="utf-8")


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


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _active[0] = language


def current_language() -> str:
    return _active[0]


def _(message: str) -> str:
    return translations(_active[0]).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_active[0]).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it with `_()` where it is shown."""
    return message
