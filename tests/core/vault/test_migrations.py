from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.fixtures.make_vault_v1 import V1_CLIENT_ID, V1_PASSPHRASE, V1_RECOVERY_KEY
from tyokykyapp.domain import Client, Phase, PhaseChange
from tyokykyapp.process.due import RULES_VERSION
from tyokykyapp.services import due_list
from tyokykyapp.vault import Vault
from tyokykyapp.vault.migrations import all_migrations, latest_version, schema_version

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "vault_v1"


@pytest.fixture
def v1_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_migrations_are_numbered_without_gaps() -> None:
    migrations = all_migrations()
    assert [m.number for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "0001_initial.sql"


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
        assert vault.due_cache.read(date(2026, 3, 1), RULES_VERSION)[1] == [V1_CLIENT_ID]
        assert due_list(vault, date(2026, 3, 1)) == vault.due_cache.read(date(2026, 3, 1), RULES_VERSION)[0]
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
