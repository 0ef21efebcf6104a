"""The agenda: every booked meeting of a day or a week, whether entered ahead or agreed at the latest meeting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from tests.helpers.factories import client
from tyokykyapp.demo.caseload import generate_caseload
from tyokykyapp.domain import Meeting, Phase
from tyokykyapp.i18n import set_language
from tyokykyapp.process import DueItem, DueKind
from tyokykyapp.services import add_client, delete_client, delete_record, mark_handed_over, save_record
from tyokykyapp.services.agenda import AgendaKind, agenda, morning_summary
from tyokykyapp.vault import Vault

MONDAY = date(2026, 11, 23)


def meeting(client_id: str, on: date, **values: object) -> Meeting:
    return Meeting(client_id=client_id, on=on, **values)  # type: ignore[arg-type]


def new_client(vault: Vault, **values: object) -> str:
    person = client(**values)
    add_client(vault, person)
    return person.id


def test_meetings_entered_ahead_and_agreed_next_meetings_are_on_the_agenda(vault: Vault) -> None:
    aino, eero = new_client(vault), new_client(vault, given_names="Eero")
    save_record(vault, meeting(aino, MONDAY + timedelta(days=2), start_time=time(13), place="Ohjaamo"))
    save_record(
        vault,
        meeting(
            eero,
            MONDAY - timedelta(days=7),
            next_meeting_on=MONDAY + timedelta(days=1),
            next_meeting_time=time(9, 30),
            next_meeting_place="kirjasto",
        ),
    )
    items = agenda(vault, MONDAY, 7, today=MONDAY)
    assert [(i.client_id, i.on, i.time, i.place, i.kind) for i in items] == [
        (eero, MONDAY + timedelta(days=1), time(9, 30), "kirjasto", AgendaKind.NEXT_MEETING),
        (aino, MONDAY + timedelta(days=2), time(13), "Ohjaamo", AgendaKind.MEETING),
    ]
    assert agenda(vault, MONDAY, 1, today=MONDAY) == []  # the day alone
    assert items[0].to_json() == {
        "client_id": eero,
        "on": "2026-11-24",
        "time": "09:30",
        "place": "kirjasto",
        "kind": "next_meeting",
    }


def test_a_later_meeting_replaces_the_agreement_and_a_record_of_the_day_is_listed_once(vault: Vault) -> None:
    aino = new_client(vault)
    save_record(vault, meeting(aino, MONDAY - timedelta(days=20), next_meeting_on=MONDAY + timedelta(days=3)))
    latest = meeting(aino, MONDAY - timedelta(days=6), next_meeting_on=MONDAY + timedelta(days=4))
    save_record(vault, latest)
    assert [i.on for i in agenda(vault, MONDAY, 7, today=MONDAY)] == [MONDAY + timedelta(days=4)]
    # The agreed meeting entered as a meeting of its own: listed once, as the record (with its time).
    save_record(vault, meeting(aino, MONDAY + timedelta(days=4), start_time=time(10)))
    items = agenda(vault, MONDAY, 7, today=MONDAY)
    assert [(i.on, i.time, i.kind) for i in items] == [(MONDAY + timedelta(days=4), time(10), AgendaKind.MEETING)]


def test_untimed_meetings_come_last_in_their_day(vault: Vault) -> None:
    aino, eero = new_client(vault), new_client(vault, given_names="Eero")
    save_record(vault, meeting(aino, MONDAY))
    save_record(vault, meeting(eero, MONDAY, start_time=time(15)))
    assert [i.client_id for i in agenda(vault, MONDAY, today=MONDAY)] == [eero, aino]


def test_only_the_coachs_own_open_clients_and_live_meetings(vault: Vault) -> None:
    ids = [new_client(vault, given_names=name) for name in ("Aino", "Eero", "Jussi", "Kaisa")]
    gone = meeting(ids[0], MONDAY)
    for person in ids:
        save_record(vault, gone if person == ids[0] else meeting(person, MONDAY))
    delete_record(vault, gone)
    delete_client(vault, ids[1])
    mark_handed_over(vault, [ids[2]], "Toinen valmentaja", on=MONDAY)
    closed = replace(vault.repo.get(type(client()), ids[3]), phase=Phase.CLOSED)
    vault.repo.save(closed)
    assert agenda(vault, MONDAY, today=MONDAY) == []


def test_a_meeting_entered_ahead_has_agreed_nothing_yet(vault: Vault) -> None:
    """Looking at a later week, the agreement of the latest meeting held so far still stands."""
    aino = new_client(vault)
    save_record(vault, meeting(aino, MONDAY - timedelta(days=3), next_meeting_on=MONDAY + timedelta(days=10)))
    save_record(vault, meeting(aino, MONDAY + timedelta(days=2)))  # entered ahead, agrees nothing
    later = agenda(vault, MONDAY + timedelta(days=7), 7, today=MONDAY)
    assert [(i.on, i.kind) for i in later] == [(MONDAY + timedelta(days=10), AgendaKind.NEXT_MEETING)]


def test_every_booked_meeting_of_the_demo_week(vault: Vault) -> None:
    """Checked against each client's file: every meeting dated in the week, and every next meeting agreed at
    a client's latest meeting that falls in the week."""
    generate_caseload(vault, 40, seed=7, today=MONDAY)
    end = MONDAY + timedelta(days=6)
    expected = set()
    for summary in vault.repo.clients(phase=None):
        file = vault.repo.client_file(summary.id)
        if file.client.phase is Phase.CLOSED or not file.meetings:
            continue
        in_week = {m.on for m in file.meetings if MONDAY <= m.on <= end}
        expected |= {(summary.id, day) for day in in_week}
        held = [m for m in file.meetings if m.on <= MONDAY]
        agreed = held[-1].next_meeting_on if held else None
        if agreed is not None and MONDAY <= agreed <= end and agreed not in in_week:
            expected.add((summary.id, agreed))
    items = agenda(vault, MONDAY, 7, today=MONDAY)
    assert len(expected) >= 8  # the demo books a week's worth
    assert {(i.client_id, i.on) for i in items} == expected
    assert all(i.time is not None and i.place for i in items if i.kind is AgendaKind.NEXT_MEETING)


def test_days_out_of_range_are_refused(vault: Vault) -> None:
    with pytest.raises(ValueError):
        agenda(vault, MONDAY, 0)


def test_morning_summary_counts_todays_meetings_and_the_overdue() -> None:
    set_language("fi")
    from tyokykyapp.services.agenda import AgendaItem

    def item(on: date) -> AgendaItem:
        return AgendaItem(client_id="a", on=on, time=None, place="", kind=AgendaKind.MEETING, meeting_id="m")

    def due(overdue: bool) -> DueItem:
        return DueItem(client_id="a", kind=DueKind.PLAN_REVIEW, due_on=MONDAY, overdue=overdue)

    today = [item(MONDAY)] * 3 + [item(MONDAY + timedelta(days=1))]
    assert morning_summary(today, [due(True), due(True), due(False)], MONDAY) == "3 tapaamista tänään, 2 myöhässä"
    assert morning_summary([], [due(False)], MONDAY) == "Ei tapaamisia tänään, 1 erääntymässä"
    assert morning_summary([item(MONDAY)], [], MONDAY) == "1 tapaaminen tänään"
