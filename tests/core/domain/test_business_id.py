"""The business ID (Y-tunnus) is a text field checked by its check digit, not a reference to a record."""

from __future__ import annotations

import pytest

from tyokykyapp.domain import Employer, ValidationError, validate
from tyokykyapp.domain.business_id import check_digit
from tyokykyapp.domain.fields import declared


@pytest.mark.parametrize("business_id", ["0112038-9", "1572860-0", "0737546-2", ""])
def test_real_business_ids_and_none_at_all_pass(business_id: str) -> None:
    validate(Employer(name="Oy", business_id=business_id))


@pytest.mark.parametrize(
    ("business_id", "why"),
    [("0112038-8", "check digit"), ("112038-9", "1234567-8"), ("0112038 9", "1234567-8"), ("abc", "1234567-8")],
)
def test_a_wrong_business_id_is_refused_naming_the_field(business_id: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why) as refused:
        validate(Employer(name="Oy", business_id=business_id))
    assert refused.value.field == "business_id"


def test_the_check_digit_follows_the_weighted_sum() -> None:
    assert check_digit("0000001") == 9  # 1 x 2 = 2: 11 - 2
    assert check_digit("0000000") == 0  # divisible: 0
    assert check_digit("0000006") is None  # 6 x 2 = 12 leaves 1: no business ID is issued


def test_it_is_edited_as_text_not_chosen_from_a_register() -> None:
    assert declared(Employer, "business_id").spec.ref is None
