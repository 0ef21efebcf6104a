from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tyokykyapp.domain import Meeting, ValidationError, validate
from tyokykyapp.domain.text_rules import MAX_TEXT_LENGTH


def meeting(notes: str) -> Meeting:
    return Meeting(client_id="c", on=date(2026, 1, 1), notes=notes)


def test_fifty_thousand_characters_emoji_and_right_to_left_text_are_accepted() -> None:
    validate(meeting("Työpaikkakäynti 👍🏽 " * 2500))
    validate(meeting("مرحبا بالعالم — שלום " + "x" * 50_000))


@pytest.mark.parametrize(
    ("text", "why"),
    [("a" * (MAX_TEXT_LENGTH + 1), "too long"), ("nul\x00byte", "NUL"), ("half \ud800 pair", "surrogate")],
)
def test_unstorable_text_is_refused_with_a_reason(text: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why):
        validate(meeting(text))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_any_storable_text_validates(text: str) -> None:
    validate(meeting(text))
