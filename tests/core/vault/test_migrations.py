from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from tests.fixtures import make_vault, make_vault_v10, make_vault_v11
from tests.fixtures.make_vault_v1 import V1_CLIENT_ID, V1_PASSPHRASE, V1_RECOVERY_KEY
from tyokykyapp.domain import (
    Client,
    ClosureDestination,
    ContactPurpose,
    DisclosureChoice,
    Employer,
    EmployerContact,
    MeetingInterval,
    MeetingMode,
    MeetingStatus,
    Phase,
    PhaseChange,
    PlaceType,
    PlanRelation,
    Referral,
    ReferralSource,
    Sector,
    ServiceTerms,
)
from tyokykyapp.process import due_items, facts_from_file
from tyokykyapp.process.due import RULES_VERSION
from tyokykyapp.services import due_list
from tyokykyapp.services.agenda import agenda
from tyokykyapp.vault import Vault
from tyokykyapp.vault.meetings import _AGREED_SQL as AGREED_SQL
from tyokykyapp.vault.migrations import all_migrations, latest_version, schema_version

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "vault_v1"
# The fixtures written by the code of an earlier schema version (tests/fixtures/make_vault.py), 8 in key-file format 2.
EARLIER = (2, 3, 4, 5, 6, 8)


@pytest.fixture
def v1_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_migrations_are_numbered_in_order_without_gaps() -> None:
    migrations = all_migrations()
    assert [m.number for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "0001_initial.sql"
    assert latest_version() == len(migrations)


def test_a_gap_in_the_migration_numbers_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A vault must never jump over a migration: a missing number stops the app rather than skipping one."""
    import tyokykyapp.vault.migrations as migrations

    folder = tmp_path / "migrations"
    folder.mkdir()
    for name in ("0001_initial.sql", "0002_two.sql", "0004_four.sql"):
        (folder / name).write_text("SELECT 1;", encoding="utf-8")
    monkeypatch.setattr(migrations.resources, "files", lambda _package: tmp_path)
    with pytest.raises(RuntimeError, match="without gaps"):
        migrations.all_migrations()


def test_a_version_1_vault_opens_in_the_newest_and_its_records_are_searchable(v1_vault: Path) -> None:
    with Vault.unlock(v1_vault, passphrase=V1_PASSPHRASE) as vault:
        assert schema_version(vault.connection) == latest_version() > 1
        client = vault.repo.get(Client, V1_CLIENT_ID)
        assert client.family_name == "Sjöberg"
        assert vault.repo.client_file(V1_CLIENT_ID).meetings[0].notes.startswith("Ensitapaaminen")
        # Migration 0002 indexed what version 1 had written.
        assert vault.repo.search_clients("puutarha") == {V1_CLIENT_ID}  # a meeting's notes
        assert vault.repo.search_clients("sjöb") == {V1_CLIENT_ID}
        assert vault.check() == []
        # Migration 0005 left every client of version 1 to be run through the due rules once.
        assert vault.due_cache.read(date(2026, 3, 1), ServiceTerms())[1] == [V1_CLIENT_ID]
        assert due_list(vault, date(2026, 3, 1)) == vault.due_cache.read(date(2026, 3, 1), ServiceTerms())[0]
    with Vault.unlock(v1_vault, recovery_key=V1_RECOVERY_KEY) as vault:
        assert schema_version(vault.connection) == latest_version()


def test_a_failing_migration_leaves_the_vault_at_its_old_version(
    v1_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tyokykyapp.vault.migrations as migrations

    real = migrations.all_migrations

    def broken() -> list[migrations.Migration]:
        found = real()
        return [
            *found[:-1],
            migrations.Migration(found[-1].number, found[-1].name, found[-1].sql + "\nTHIS IS NOT SQL;"),
        ]

    monkeypatch.setattr(migrations, "all_migrations", broken)
    with pytest.raises(Exception, match="syntax"):
        Vault.unlock(v1_vault, passphrase=V1_PASSPHRASE)
    monkeypatch.undo()
    with Vault.unlock(v1_vault, passphrase=V1_PASSPHRASE) as vault:
        assert vault.repo.search_clients("puutarha")


def test_version_6_gains_the_handed_over_index_and_loses_the_closing_reason_codes(
    v1_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tyokykyapp.vault.migrations as migrations

    real = migrations.all_migrations
    monkeypatch.setattr(migrations, "all_migrations", lambda: real()[:6])
    with Vault.unlock(v1_vault, passphrase=V1_PASSPHRASE) as vault:
        assert schema_version(vault.connection) == 6
        coded = PhaseChange(client_id=V1_CLIENT_ID, on=date(2026, 3, 1), from_phase=Phase.INTAKE,
                            to_phase=Phase.CLOSED, reason="employed")  # fmt: skip
        typed = PhaseChange(client_id=V1_CLIENT_ID, on=date(2026, 3, 2), from_phase=Phase.CLOSED,
                            to_phase=Phase.INTAKE, reason="employed")  # fmt: skip
        for change in (coded, typed):
            vault.repo.save(change)
        client = vault.repo.get(Client, V1_CLIENT_ID)
        vault.repo.save(replace(client, handed_over_on=date(2026, 3, 3), handed_over_to="Maija"))
        vault.connection.execute("UPDATE due_cache SET valid_from = '2000-01-01', valid_until = '9999-12-31'")
    monkeypatch.undo()
    with Vault.unlock(v1_vault, passphrase=V1_PASSPHRASE) as vault:
        assert schema_version(vault.connection) == latest_version()
        assert vault.repo.get(PhaseChange, coded.id).reason == ""  # a closing move's code is gone
        assert vault.repo.get(PhaseChange, typed.id).reason == "employed"  # not a closing move: left alone
        assert vault.due_cache.read(date(2026, 3, 4), RULES_VERSION)[1] == [V1_CLIENT_ID]
        plan = vault.connection.execute(
            "EXPLAIN QUERY PLAN SELECT seq FROM clients INDEXED BY clients_handed_over WHERE deleted_at IS NULL"
            " AND json_extract(data, '$.handed_over_on') IS NOT NULL"
        ).fetchall()
        assert "clients_handed_over" in str(plan)
        assert vault.repo.caseload_counts() == {}
        assert [s.id for s in vault.repo.clients(handed_over=True)] == [V1_CLIENT_ID]
        assert vault.repo.count_clients(handed_over=False) == 0


def earlier(version: int, tmp_path: Path) -> Path:
    folder = tmp_path / f"v{version}"
    shutil.copytree(FIXTURE.with_name(f"vault_v{version}"), folder)
    return folder


@pytest.mark.parametrize("version", EARLIER)
def test_every_earlier_version_opens_in_the_newest(version: int, tmp_path: Path) -> None:
    with Vault.unlock(earlier(version, tmp_path), passphrase=make_vault.PASSPHRASE) as vault:
        assert schema_version(vault.connection) == latest_version()
        assert vault.check() == []
        assert vault.repo.unreadable_records() == []
        assert vault.repo.search_clients("keittiöapulainen") == {make_vault.REOPENED}
        # The history of every record still reads with the newest record types.
        for client_id in (make_vault.REOPENED, make_vault.SEARCHING, make_vault.WORKING):
            for record in [*vault.repo.client_file(client_id).meetings, *vault.repo.client_file(client_id).employments]:
                vault.repo.history(record.id)


@pytest.mark.parametrize("version", [1, *EARLIER])
def test_earlier_versions_keep_their_records_in_the_newest_shapes(version: int, tmp_path: Path) -> None:
    """Migration 0009: each entry to intake is an episode with its referral; coded facts where free text was;
    the due list reads the migrated records and agrees with the rules run on the loaded client."""
    folder = FIXTURE if version == 1 else FIXTURE.with_name(f"vault_v{version}")
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    passphrase = V1_PASSPHRASE if version == 1 else make_vault.PASSPHRASE
    day = date(2025, 1, 15)
    with Vault.unlock(copy, passphrase=passphrase) as vault:
        due = due_list(vault, day)
        for summary in vault.repo.clients():
            file = vault.repo.client_file(summary.id)
            assert [p.started_on for p in file.service_periods()][-1] == file.client.started_on
            listed = due_items(facts_from_file(file, day), day)
            assert sorted((i.kind, i.due_on) for i in due if i.client_id == summary.id) == sorted(
                (i.kind, i.due_on) for i in listed
            )
        if version == 1:
            periods = vault.repo.client_file(V1_CLIENT_ID).service_periods()
            assert [(p.started_on, p.ended_on) for p in periods] == [(date(2024, 5, 2), None)]
            return
        check_carried_over(vault)


def check_carried_over(vault: Vault) -> None:
    reopened = vault.repo.client_file(make_vault.REOPENED)
    periods = reopened.service_periods()
    assert [(p.started_on, p.ended_on) for p in periods] == [
        (date(2023, 1, 9), date(2023, 11, 6)),
        (date(2024, 3, 4), None),
    ]
    # The referral was updated at the re-opening (referred 20.2.2024): it belongs to the second episode.
    assert periods[0].referral == Referral()
    assert periods[1].referral.source is ReferralSource.EMPLOYMENT_SERVICES
    assert periods[1].referral.referred_on == date(2024, 2, 20)
    # The first episode's agreement and consent ended with it.
    assert reopened.consent_in_force(date(2024, 3, 5)) is None and reopened.signed_agreement(date(2024, 3, 5)) is None
    job = reopened.employments[0]
    assert job.sector is Sector.ACCOMMODATION_AND_FOOD and "ravintola-ala" in job.notes

    searching = vault.repo.client_file(make_vault.SEARCHING)
    plan = searching.plans[0]
    assert plan.external_relation is PlanRelation.RECORDED_IN
    assert (plan.meeting_interval, plan.meeting_frequency) == (MeetingInterval.WEEKLY, "")
    phone = next(m for m in searching.meetings if m.id == make_vault.PHONE_MEETING)
    assert (phone.mode, phone.place_type) == (MeetingMode.PHONE, None)
    library = next(m for m in searching.meetings if m.id != make_vault.PHONE_MEETING)
    assert (library.mode, library.place_type, library.status) == (
        MeetingMode.FACE_TO_FACE,
        PlaceType.LIBRARY,
        MeetingStatus.HELD,
    )
    assert searching.consents[0].employer_disclosure is DisclosureChoice.NO  # the stored "no" is kept
    contact = vault.repo.get(EmployerContact, make_vault.CONTACT_FOR_CLIENT)
    assert (contact.contact_purpose, contact.mode) == (ContactPurpose.FOR_CLIENT, None)
    own = vault.repo.get(EmployerContact, make_vault.CONTACT_WITHOUT_CLIENT)
    assert own.contact_purpose is ContactPurpose.JOB_DEVELOPMENT

    working = vault.repo.client_file(make_vault.WORKING)
    subsidised = next(e for e in working.employments if e.id == make_vault.SUBSIDISED_JOB)
    assert (subsidised.pay_subsidy, subsidised.pay_subsidy_until) == (True, date(2025, 3, 10))
    assert subsidised.sector is Sector.ADMINISTRATIVE_AND_SUPPORT
    trial = next(e for e in working.employments if e.id == make_vault.ENDED_TRIAL)
    assert (trial.end_reason, trial.end_details) == (None, "työkokeilu päättyi, jatkui työsuhteena")
    cleaning = vault.repo.get(Employer, make_vault.CLEANING_EMPLOYER)
    assert cleaning.sector is Sector.ADMINISTRATIVE_AND_SUPPORT and cleaning.notes == "Toimiala / Bransch: siivous"
    # Search finds the moved words, not the codes.
    assert vault.repo.search_clients("kiinteistöhuolto") == {make_vault.WORKING}
    assert vault.repo.search_clients("jatkui") == {make_vault.WORKING}
    assert make_vault.REOPENED in vault.repo.service_periods()


def test_the_current_version_fixture_opens_as_written(tmp_path: Path) -> None:
    """Version 10 is the start for the next migration's test: it opens, reads and lists its due items."""
    folder = tmp_path / "v10"
    shutil.copytree(FIXTURE.with_name("vault_v10"), folder)
    with Vault.unlock(folder, passphrase=make_vault_v10.V10_PASSPHRASE) as vault:
        assert vault.check() == [] and vault.repo.unreadable_records() == []
        file = vault.repo.client_file(make_vault_v10.V10_CLIENT_ID)
        assert [p.destination for p in file.service_periods()] == [ClosureDestination.EMPLOYED, None]
        day = date(2025, 9, 20)
        assert due_list(vault, day) == due_items(facts_from_file(file, day), day)


def test_version_11_finds_the_next_meetings_agreed_through_their_own_index(tmp_path: Path) -> None:
    """Migration 0012: the agenda reads the next meetings agreed by their date; the meetings agreed earlier and
    replaced, or agreed at a deleted meeting, stay off it as before."""
    folder = tmp_path / "v11"
    shutil.copytree(FIXTURE.with_name("vault_v11"), folder)
    with Vault.unlock(folder, passphrase=make_vault_v11.V11_PASSPHRASE) as vault:
        assert schema_version(vault.connection) == latest_version()
        assert vault.check() == []
        week = agenda(vault, date(2026, 11, 23), 7, today=date(2026, 11, 23))
        assert [(item.client_id, item.on, item.time, item.place) for item in week] == [
            (make_vault_v11.V11_SEARCHING, date(2026, 11, 24), time(9, 30), "Kirjasto"),
            (make_vault_v11.V11_SUPPORTED, date(2026, 11, 26), None, ""),
        ]
        plan = vault.connection.execute(
            f"EXPLAIN QUERY PLAN {AGREED_SQL}", dict.fromkeys(("start", "end", "agreed_by"), "")
        )
        assert "USING INDEX records_next_meeting" in str(plan.fetchall())
