"""Handover passphrases: generated ones are easy to read aloud or dictate over the phone."""

from __future__ import annotations

import re
import secrets

from tyokykyapp.vault.recovery_key import ALPHABET

GROUPS, GROUP = 5, 4  # 20 characters from 31 without look-alikes: about 99 bits


def generate_handover_passphrase() -> str:
    characters = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP))
    return "-".join(characters[i : i + GROUP] for i in range(0, len(characters), GROUP))


_GENERATED = re.compile(rf"^(?:[{ALPHABET}]{{{GROUP}}}[-\s]*){{{GROUPS}}}$", re.IGNORECASE)


def normalise_handover_passphrase(text: str) -> str:
    """A passphrase in the generated style (as dictated: any case, dashes or spaces) in its canonical
    form; any other passphrase exactly as typed."""
    stripped = text.strip()
    if _GENERATED.match(stripped):
        characters = "".join(ch for ch in stripped.upper() if ch.isalnum())
        return "-".join(characters[i : i + GROUP] for i in range(0, len(characters), GROUP))
    return text
