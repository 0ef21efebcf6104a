from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.factories import client
from tyokykyapp.domain import (
    RECORD_TYPES,
    Consent,
    ConsentParty,
    DisclosureChoice,
    Meeting,
    PlaceType,
    VocationalProfile,
    WorkHistoryEntry,
)
from tyokykyapp.domain.codec import from_json, to_json


def test_nested_records_round_trip() -> None:
    consent = Consent(
        client_id="c",
        given_on=date(2026, 3, 1),
        parties=[ConsentParty(name="Kela", allowed=False)],
        employer_disclosure=DisclosureChoice.AGREED_EACH_TIME,
        valid_until=None,
    )
    data = to_json(consent)
    assert data["parties"] == [{"name": "Kela", "role": "", "what_may_be_exchanged": "", "allowed": False}]
    assert data["employer_disclosure"] == "agreed_each_time"
    assert from_json(Consent, data) == consent


def test_times_dates_and_unknown_keys() -> None:
    meeting = Meeting(client_id="c", on=date(2026, 1, 2), start_time=time(9, 30), place_type=PlaceType.LIBRARY)
    data = to_json(meeting) | {"a_field_from_the_future": 1}
    assert from_json(Meeting, data) == meeting


def test_missing_keys_take_defaults() -> None:
    profile = from_json(VocationalProfile, {"client_id": "c", "updated_on": "2026-01-01", "id": "x"})
    assert profile.work_history == [] and profile.cv_updated_on is None


def test_every_record_kind_is_registered_once() -> None:
    assert len(RECORD_TYPES) == len({cls for cls in RECORD_TYPES.values()})
    assert all(kind == cls.KIND for kind, cls in RECORD_TYPES.items())


@given(st.text(), st.text(), st.lists(st.text(max_size=50), max_size=3))
def test_any_text_round_trips(family: str, notes: str, tasks: list[str]) -> None:
    c = client(family_name=family, notes=notes)
    assert from_json(type(c), to_json(c)) == c
    profile = VocationalProfile(
        client_id=c.id, updated_on=date(2026, 1, 1), work_history=[WorkHistoryEntry(tasks=t) for t in tasks]
    )
    assert from_json(VocationalProfile, to_json(profile)) == profile
