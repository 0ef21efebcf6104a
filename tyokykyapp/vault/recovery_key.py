"""The recovery key: random, shown once, printed for the organisation's safe.

28 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about 138 bits, in groups of four.
Typing is forgiving: case, spaces and dashes do not matter.
"""

from __future__ import annotations

import secrets

from tyokykyapp.i18n import _
from tyokykyapp.vault.errors import WrongRecoveryKey

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 28
GROUP = 4


def generate_recovery_key() -> str:
    return format_recovery_key("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def format_recovery_key(characters: str) -> str:
    return "-".join(characters[i : i + GROUP] for i in range(0, len(characters), GROUP))


def normalise_recovery_key(typed: str) -> str:
    """The canonical form of a typed key; WrongRecoveryKey says what is off before any slow check."""
    characters = "".join(ch for ch in typed.upper() if ch not in " -\t\r\n")
    if len(characters) != LENGTH or any(ch not in ALPHABET for ch in characters):
        raise WrongRecoveryKey(
            _("That is not a recovery key: it has {n} characters in groups of four, like ABCD-EFGH-...").format(
                n=LENGTH
            )
        )
    return format_recovery_key(characters)
