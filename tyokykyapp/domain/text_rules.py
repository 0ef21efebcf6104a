"""Checks every text field of a record passes, whatever the record: size, and characters that cannot
be stored (a NUL, or half of a surrogate pair pasted from a broken source)."""

from __future__ import annotations

import dataclasses

from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.i18n import _

# Long enough for any note a coach writes (a 50,000-character note must save), small enough that a
# pasted file by mistake is caught with a message instead of bloating the vault.
MAX_TEXT_LENGTH = 200_000


def check_text(field_name: str, value: str) -> None:
    if len(value) > MAX_TEXT_LENGTH:
        raise ValidationError(
            field_name,
            _("The text is too long ({length} characters; at most {limit}).").format(
                length=len(value), limit=MAX_TEXT_LENGTH
            ),
        )
    if "\x00" in value:
        raise ValidationError(field_name, _("The text contains a NUL character, which cannot be saved."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(
            field_name, _("The text contains a broken character (half of a surrogate pair).")
        ) from None


def check_texts(obj: object) -> None:
    """Apply check_text to every string inside `obj`, nested dataclasses and lists included."""
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, str):
                check_text(f.name, item)
            else:
                check_texts(item)


def check_email(field_name: str, value: str) -> None:
    """An e-mail address, when given, has its @ sign (a slip that would be printed on forms)."""
    if value and "@" not in value:
        raise ValidationError(field_name, _("The e-mail address needs an @ sign."))
