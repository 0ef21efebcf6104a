"""Clients past the retention period, and erasing them: nothing of theirs is left in any page of the database
file, its write-ahead log or a backup made afterwards (pages decrypted straight from the files)."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.helpers.factories import client
from tests.helpers.pages import looks_decrypted, plaintext
from tyokykyapp.backups.make import make_backup
from tyokykyapp.domain import Client, Meeting, NotFound, Phase, UserError
from tyokykyapp.services import organisation_details, set_organisation_details
from tyokykyapp.services.recent import recent_clients, remember_opened
from tyokykyapp.services.retention import erase_clients, erasure_log, past_retention
from tyokykyapp.vault import Vault

TODAY = date(2026, 11, 23)


def closed(vault: Vault, on: date, **values: object) -> Client:
    return vault.repo.save(client(phase=Phase.CLOSED, phase_since=on, **values))


def set_years(vault: Vault, years: int) -> None:
    set_organisation_details(vault, replace(organisation_details(vault), retention_years=years))


def traces(data: bytes, marker: str) -> list[str]:
    """The forms of `marker` found: as written, and as the search index keeps words (lower case, and only the
    tail of a word that shares its start with the word before it)."""
    forms = {marker, marker.lower(), marker.lower()[-8:]}
    return [form for form in forms if form.encode() in data]


def test_closed_clients_are_listed_on_the_day_their_retention_ends(vault: Vault) -> None:
    due = closed(vault, date(2016, 11, 23), family_name="Ajassa")
    closed(vault, date(2016, 11, 24), family_name="Huomenna")
    in_bin = closed(vault, date(2001, 5, 1), family_name="Roskakorissa")
    vault.repo.delete_client(in_bin.id)
    vault.repo.save(client(family_name="Avoin", phase_since=date(2001, 1, 1), started_on=date(2001, 1, 1)))
    listed = past_retention(vault, TODAY)
    assert [(p.name, p.in_bin) for p in listed] == [("Aino Roskakorissa", True), ("Aino Ajassa", False)]
    assert listed[1].id == due.id and listed[1].kept_until == TODAY
    set_years(vault, 12)
    assert [p.name for p in past_retention(vault, TODAY)] == ["Aino Roskakorissa"]


def test_a_leap_day_closure_is_kept_until_the_28th_of_february(vault: Vault) -> None:
    closed(vault, date(2016, 2, 29))
    set_years(vault, 1)
    assert past_retention(vault, date(2017, 2, 27)) == []
    assert [p.kept_until for p in past_retention(vault, date(2017, 2, 28))] == [date(2017, 2, 28)]


def test_erasing_refuses_a_client_still_kept_and_erases_nothing(vault: Vault) -> None:
    old = closed(vault, date(2010, 1, 1))
    kept = closed(vault, date(2025, 1, 1))
    with pytest.raises(UserError, match="not past the retention period"):
        erase_clients(vault, [old.id, kept.id], on=TODAY)
    with pytest.raises(NotFound):
        erase_clients(vault, [old.id, "no-such-client"], on=TODAY)
    assert vault.repo.count_clients() == 2
    assert erasure_log(vault) == []


def test_erased_clients_leave_no_trace_in_the_file_the_log_or_a_new_backup(vault: Vault, tmp_path: Path) -> None:
    gone_marker, kept_marker = "POISTO" + secrets.token_hex(6), "SÄILYY" + secrets.token_hex(6)
    gone = closed(vault, date(2012, 3, 1), family_name=gone_marker, notes=f"muistiinpano {gone_marker}")
    kept = vault.repo.save(client(family_name=kept_marker))
    for n in range(30):  # earlier versions, the search index and many pages
        meeting = vault.repo.save(Meeting(client_id=gone.id, on=date(2011, 1, 1), notes=f"{gone_marker} {n}" * 20))
        meeting.notes += " muutettu"
        vault.repo.save(meeting)
    vault.repo.save(Meeting(client_id=kept.id, on=date(2026, 1, 1), notes=kept_marker))
    remember_opened(vault, gone.id)
    old_backup = make_backup(vault, tmp_path / "before").backup.path
    data_key = vault._data_key
    assert data_key is not None
    database = vault.folder / "vault.db"
    assert looks_decrypted(database, data_key)
    assert len(traces(plaintext(database, data_key), gone_marker)) == 3  # the scan sees it while it is there
    assert gone.id.encode() in plaintext(database, data_key)

    erased = erase_clients(vault, [gone.id], on=TODAY, now=datetime(2026, 11, 23, 12, tzinfo=UTC))

    assert erased.compacted and erased.changes.caseload
    assert (erased.entry.clients, erased.entry.records, erased.entry.earlier_versions) == (1, 30, 30)
    wal = vault.folder / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    everything = plaintext(database, data_key)  # the file and its log, every page, free ones included
    assert not traces(everything, gone_marker) and gone.id.encode() not in everything
    assert kept_marker.encode() in everything
    assert vault.repo.search_clients(gone_marker) == set()
    assert recent_clients(vault) == []
    new_backup = make_backup(vault, tmp_path / "after").backup.path
    assert not traces(plaintext(new_backup / "vault.db", data_key), gone_marker)
    assert kept_marker.encode() in plaintext(new_backup / "vault.db", data_key)
    assert gone_marker.encode() in plaintext(old_backup / "vault.db", data_key)  # until it is pruned
    assert vault.check() == []
    [entry] = erasure_log(vault)
    assert entry == erased.entry
    assert gone_marker not in entry.describe() and "1 client, 30 records and 30 earlier versions" in entry.describe()


def test_a_client_in_the_bin_can_be_erased_whenever(vault: Vault) -> None:
    c = vault.repo.save(client())
    vault.repo.delete_client(c.id)
    erase_clients(vault, [c.id], on=TODAY)
    assert vault.repo.clients(deleted=True) == []
    assert erasure_log(vault)[0].clients == 1
