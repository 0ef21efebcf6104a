"""The Finnish business ID (Y-tunnus), validated by its check digit: seven digits, a hyphen, the check
digit (1234567-8). The check digit is 11 minus the weighted sum of the digits modulo 11 (0 when the sum is
divisible); no business ID is issued whose sum leaves 1."""

from __future__ import annotations

import re

from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.i18n import _

_PATTERN = re.compile(r"^(\d{7})-(\d)$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def check_digit(digits: str) -> int | None:
    """The check digit of seven digits; None when no business ID can have them."""
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


def check_business_id(field: str, value: str) -> None:
    """ValidationError naming `field` unless `value` is empty or a business ID with the right check digit."""
    if not value.strip():
        return
    match = _PATTERN.match(value.strip())
    if match is None:
        raise ValidationError(field, _("The business ID must look like 1234567-8."))
    if check_digit(match.group(1)) != int(match.group(2)):
        raise ValidationError(field, _("The business ID's check digit does not match: check the number."))
