"""The due list the vault keeps per client is always the list the rules give when run afresh: day after day,
after every kind of write, when the rules change, and when keeping fails."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tests.helpers.factories import client, job
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Client, EmployerContact, Meeting, Phase, ServiceTerms
from tyokykyapp.process import DueItem, due_items
from tyokykyapp.process import due as due_rules
from tyokykyapp.services import (
    add_client,
    advance_phase,
    delete_client,
    delete_record,
    due_list,
    mark_handed_over,
    purge_client,
    restore_client,
    save_record,
    service_terms,
    set_service_terms,
    undo_handover,
)
from tyokykyapp.vault import StorageFailed, Vault

TODAY = date(2026, 6, 15)


def afresh(vault: Vault, today: date, terms: ServiceTerms | None = None) -> list[DueItem]:
    """The rules run on every open client's facts, nothing kept."""
    items = [item for facts in vault.repo.due_facts(today) for item in due_items(facts, today, terms)]
    return sorted(items, key=lambda item: (item.due_on, item.kind.value, item.client_id))


def recomputed_on(vault: Vault, today: date) -> int:
    return len(vault.due_cache.read(today, service_terms(vault))[1])


def test_kept_list_equals_the_rules_day_by_day(vault: Vault) -> None:
    generate_caseload(vault, 60, seed=3, today=TODAY)
    assert due_list(vault, TODAY) == afresh(vault, TODAY)
    assert recomputed_on(vault, TODAY) == 0
    # Walk forward a day at a time: results end exactly when a booked meeting, contact or job date comes.
    for offset in range(1, 120):
        day = TODAY + timedelta(days=offset)
        assert due_list(vault, day) == afresh(vault, day), day
    # Most clients keep their results across days (otherwise nothing would be gained).
    assert recomputed_on(vault, TODAY + timedelta(days=120)) < 30
    # A clock set back never reads results kept for a later day.
    for day in (TODAY - timedelta(days=1), TODAY - timedelta(days=400)):
        assert due_list(vault, day) == afresh(vault, day), day


def test_every_kind_of_write_recomputes_that_client(vault: Vault) -> None:
    generate_caseload(vault, 30, seed=4, today=TODAY)
    due_list(vault, TODAY)
    rng = random.Random(4)
    clients = vault.repo.clients()

    def check() -> None:
        assert due_list(vault, TODAY) == afresh(vault, TODAY)

    intake = next(s for s in clients if s.phase is Phase.INTAKE)
    booked = Meeting(client_id=intake.id, on=TODAY + timedelta(days=3))
    save_record(vault, booked)  # a booked meeting removes "book the next meeting"
    check()
    delete_record(vault, booked)
    check()
    searching = next(s for s in clients if s.phase is Phase.JOB_SEARCH)
    employer = vault.repo.employers()[0]
    save_record(vault, EmployerContact(employer_id=employer.id, on=TODAY, client_id=searching.id))
    check()
    renewal = TODAY + timedelta(days=10)
    save_record(vault, job(searching.id, TODAY - timedelta(days=3), pay_subsidy=True, pay_subsidy_until=renewal))
    check()
    advance_phase(vault, searching.id, Phase.SUPPORT, TODAY)
    check()
    victim = rng.choice(clients)
    delete_client(vault, victim.id)
    check()
    restore_client(vault, victim.id)
    check()
    delete_client(vault, victim.id)
    purge_client(vault, victim.id)
    check()
    newcomer = client()
    add_client(vault, newcomer, on=TODAY - timedelta(days=20))
    check()
    assert any(item.client_id == newcomer.id for item in due_list(vault, TODAY))


def test_changed_rules_recompute_everything(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    generate_caseload(vault, 20, seed=5, today=TODAY)
    kept = due_list(vault, TODAY)
    assert recomputed_on(vault, TODAY) == 0
    # A new app version lists every kind of item a year ahead.
    for kind in due_rules.DueKind:
        monkeypatch.setitem(due_rules.LEAD_DAYS, kind, 365)
    monkeypatch.setattr(due_rules, "RULES_VERSION", due_rules.RULES_VERSION + 1)
    assert len(due_list(vault, TODAY)) > len(kept)
    assert due_list(vault, TODAY) == afresh(vault, TODAY)


def test_a_new_pay_subsidy_lead_time_recomputes_everything(vault: Vault) -> None:
    """The organisation's lead time is part of what the kept results were computed with."""
    c = client()
    add_client(vault, c, on=TODAY - timedelta(days=60))
    save_record(vault, job(c.id, TODAY - timedelta(days=50), pay_subsidy=True, pay_subsidy_until=TODAY + timedelta(50)))
    assert [i.kind.value for i in due_list(vault, TODAY)].count("pay_subsidy_renewal") == 1
    set_service_terms(vault, ServiceTerms(pay_subsidy_lead_days=30))
    assert recomputed_on(vault, TODAY) == 1
    assert [i.kind.value for i in due_list(vault, TODAY)].count("pay_subsidy_renewal") == 0
    assert due_list(vault, TODAY) == afresh(vault, TODAY, ServiceTerms(pay_subsidy_lead_days=30))


def test_a_full_disk_while_keeping_still_gives_the_right_list(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    generate_caseload(vault, 20, seed=6, today=TODAY)

    def disk_full(*_args: object) -> None:
        raise StorageFailed()

    monkeypatch.setattr(vault.due_cache, "keep", disk_full)
    assert due_list(vault, TODAY) == afresh(vault, TODAY)
    assert recomputed_on(vault, TODAY) == 20  # nothing kept: computed again next time


def test_same_reminder_from_two_jobs_is_listed_once(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=TODAY - timedelta(days=60))
    renewal = TODAY + timedelta(days=5)
    for _ in range(2):
        save_record(vault, job(c.id, TODAY - timedelta(days=50), pay_subsidy=True, pay_subsidy_until=renewal))
    renewals = [i.due_on for i in due_list(vault, TODAY) if i.kind.value == "pay_subsidy_renewal"]
    assert renewals == [renewal]
    assert due_list(vault, TODAY) == afresh(vault, TODAY)


def test_clients_handed_over_leave_the_due_list_and_the_caseload_but_a_filter_finds_them(vault: Vault) -> None:
    generate_caseload(vault, 20, seed=5, today=TODAY)
    due = due_list(vault, TODAY)
    gone = due[0].client_id
    phase = vault.repo.get(Client, gone).phase
    before = vault.repo.caseload_counts()
    mark_handed_over(vault, [gone], "Maija Meikäläinen", on=TODAY)
    assert gone not in {item.client_id for item in due_list(vault, TODAY)}
    assert due_list(vault, TODAY) == [item for item in afresh(vault, TODAY)]
    after = vault.repo.caseload_counts()
    assert sum(n for (p, _level), n in after.items() if p is phase) == (
        sum(n for (p, _level), n in before.items() if p is phase) - 1
    )
    assert [s.id for s in vault.repo.clients(handed_over=True)] == [gone]
    assert gone not in {s.id for s in vault.repo.clients(handed_over=False)}
    assert vault.repo.count_clients(handed_over=False) == 19
    undo_handover(vault, gone)
    assert gone in {item.client_id for item in due_list(vault, TODAY)}
