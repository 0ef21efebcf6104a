from datetime import date

import pytest

from tests.helpers.factories import client
from tyokykyapp.domain import ValidationError, validate
from tyokykyapp.domain.identity_code import birth_date_of, check_identity_code


@pytest.mark.parametrize(
    ("code", "born"),
    [
        ("131052-308T", date(1952, 10, 13)),
        ("010101A123N", date(2001, 1, 1)),
        ("010594Y9032", date(1994, 5, 1)),  # new 1900s sign (2023)
        ("020502E902X", date(2002, 5, 2)),  # new 2000s sign
        ("311299+902A", date(1899, 12, 31)),
    ],
)
def test_valid_codes_give_their_birth_date(code: str, born: date) -> None:
    assert birth_date_of(code) == born


def test_lower_case_and_spaces_are_normalised() -> None:
    assert check_identity_code(" 131052-308t ") == "131052-308T"


@pytest.mark.parametrize(
    ("code", "why"),
    [
        ("131052-308U", "last character"),
        ("131052308T", "look like"),
        ("310252-308T", "real date"),
        ("131052-001T", "individual number"),
        ("131052G308T", "look like"),
        ("", "look like"),
    ],
)
def test_invalid_codes_say_why(code: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why):
        birth_date_of(code)


def test_client_takes_birth_date_from_code_and_refuses_a_mismatch() -> None:
    c = client(identity_code="131052-308t")
    validate(c)
    assert c.date_of_birth == date(1952, 10, 13) and c.identity_code == "131052-308T"
    with pytest.raises(ValidationError, match="do not match"):
        validate(client(identity_code="131052-308T", date_of_birth=date(1952, 10, 14)))
