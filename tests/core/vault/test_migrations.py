from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.fixtures import make_vault
from tests.fixtures.make_vault_v1 import V1_CLIENT_ID, V1_PASSPHRASE, V1_RECOVERY_KEY
from tyokykyapp.domain import Client
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


@pytest.mark.parametrize("version", range(2, 7))
def test_every_earlier_version_opens_in_the_newest(version: int, tmp_path: Path) -> None:
    folder = tmp_path / f"v{version}"
    shutil.copytree(FIXTURE.with_name(f"vault_v{version}"), folder)
    with Vault.unlock(folder, passphrase=make_vault.PASSPHRASE) as vault:
        assert schema_version(vault.connection) == latest_version()
        assert vault.check() == []
        assert vault.repo.search_clients("keittiöapulainen") == {make_vault.REOPENED}
        assert due_list(vault, date(2025, 1, 15)) == due_list(vault, date(2025, 1, 15))
