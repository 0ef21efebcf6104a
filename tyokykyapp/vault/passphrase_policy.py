"""The passphrase rules: long enough, and not one of the obvious ones. The message says why."""

from __future__ import annotations

import unicodedata

from tyokykyapp.i18n import _
from tyokykyapp.vault.errors import WeakPassphrase

MIN_LENGTH = 12
# Finnish/Swedish keyboard rows, the rows typed one after another, and the alphabet.
_KEYBOARD_ROWS = (
    "1234567890",
    "qwertyuiopå",
    "asdfghjklöä",
    "zxcvbnm",
    "qwertyuiopåasdfghjklöäzxcvbnm",
    "abcdefghijklmnopqrstuvwxyzåäö",
)
_OBVIOUS_WORDS = ("salasana", "password", "lösenord", "losenord", "tyokyky", "työkyky", "qwerty")


def _run_length(text: str) -> int:
    """How many characters at the start of `text` are typed along one keyboard row or the alphabet, forwards
    or backwards (e.g. 'qwertyuiop', '4321...', also wrapping round)."""
    longest = 1
    for row in _KEYBOARD_ROWS:
        for sequence in (row, row[::-1]):
            doubled = sequence * ((len(text) // len(sequence)) + 2)
            length = longest
            while length < len(text) and text[: length + 1] in doubled:
                length += 1
            longest = length
    return longest


def _is_runs(text: str) -> bool:
    """At most two runs one after the other ('1234567890qw', 'qwertyuiopas', 'qwertyqwerty'). Taking the
    longest run first gives the fewest pieces, since any part of a run is a run."""
    pieces, rest = 0, text
    while rest and pieces <= 2:
        rest = rest[_run_length(rest) :]
        pieces += 1
    return not rest and pieces <= 2


def _is_repeated(text: str) -> bool:
    """A shorter part said again and again ('123123123123', 'Kesä2024Kesä2024')."""
    return any(text == (text[:size] * (len(text) // size + 1))[: len(text)] for size in range(1, len(text) // 2 + 1))


def passphrase_problem(passphrase: str) -> str | None:
    """Why `passphrase` is refused, or None if it is acceptable."""
    text = unicodedata.normalize("NFC", passphrase)
    if len(text) < MIN_LENGTH:
        return _("The passphrase must be at least {n} characters long.").format(n=MIN_LENGTH)
    folded = "".join(text.casefold().split())
    if len(set(folded)) <= 2:
        return _("The passphrase repeats the same characters. Use several different words.")
    if _is_runs(folded):
        return _("The passphrase is a run of keys or letters (like qwerty or 12345). Use several words.")
    if _is_repeated(folded):
        return _("The passphrase repeats the same characters. Use several different words.")
    for word in _OBVIOUS_WORDS:
        stripped = folded.strip("0123456789!?.-_#@")
        if stripped.startswith(word) and len(stripped) - len(word) < 6:
            return _("The passphrase is too easy to guess (it starts with “{word}”).").format(word=word)
    return None


def check_passphrase(passphrase: str) -> None:
    problem = passphrase_problem(passphrase)
    if problem:
        raise WeakPassphrase(problem)
