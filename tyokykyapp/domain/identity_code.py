"""The Finnish personal identity code (henkilötunnus), validated by its check character.

Format DDMMYYCZZZQ: birth date, century sign, individual number, check character. Since 2023 the
century signs Y X W V U (1900s) and B C D E F (2000s) are issued besides '-' and 'A'.
"""

from __future__ import annotations

import re
from datetime import date

from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.i18n import _

_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURIES = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
_CENTURIES.update({sign: 2000 for sign in "ABCDEF"})
_PATTERN = re.compile(r"^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$")


def check_character(digits: str) -> str:
    """The check character for the nine digits of the birth date and the individual number."""
    return _CHECK_CHARACTERS[int(digits) % 31]


def normalise_identity_code(code: str) -> str:
    return code.strip().upper()


def birth_date_of(code: str) -> date:
    """Validate `code` and return the birth date it encodes; ValidationError says what is wrong."""
    normalised = normalise_identity_code(code)
    match = _PATTERN.match(normalised)
    if match is None:
        raise ValidationError("identity_code", _("The identity code must look like 010190-123A."))
    day, month, year, century, individual, check = match.groups()
    try:
        born = date(_CENTURIES[century] + int(year), int(month), int(day))
    except ValueError:
        raise ValidationError("identity_code", _("The identity code does not start with a real date.")) from None
    if int(individual) < 2:
        raise ValidationError("identity_code", _("The identity code has an invalid individual number."))
    if check_character(day + month + year + individual) != check:
        raise ValidationError(
            "identity_code", _("The identity code's last character does not match: check for a typing error.")
        )
    return born


def check_identity_code(code: str) -> str:
    """Return the normalised code if it is valid."""
    birth_date_of(code)
    return normalise_identity_code(code)
