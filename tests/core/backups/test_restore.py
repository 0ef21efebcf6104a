"""Restoring a backup: identical data, the vault kept aside, damaged backups refused, the secrets of the day."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers.vaults import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.backups.errors import BackupDamaged, NotABackup
from tyokykyapp.backups.make import make_backup
from tyokykyapp.backups.restore import OpenedBackup, Secret, backup_at, open_backup, restore_backup
from tyokykyapp.backups.store import MANIFEST
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain.codec import to_json
from tyokykyapp.vault import DatabaseDamaged, DatabaseEmpty, Vault, VaultInUse, WrongSecret

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def everything(vault: Vault) -> dict[str, object]:
    ids = [s.id for s in vault.repo.clients()] + [s.id for s in vault.repo.clients(deleted=True)]
    return {client_id: to_json(vault.repo.client_file(client_id)) for client_id in ids}


def files_of(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def backed_up(vault_folder: Path) -> tuple[Path, dict[str, object], Path]:
    """A vault of 25 clients, its backup, and what it held."""
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    with vault:
        generate_caseload(vault, 25, seed=7)
        vault.repo.delete_client(vault.repo.clients(limit=1)[0].id)  # the bin comes back too
        held = everything(vault)
        path = make_backup(vault, now=NOW).backup.path
    return vault_folder, held, path


def opened(path: Path, passphrase: str = PASSPHRASE) -> OpenedBackup:
    return open_backup(backup_at(path), Secret(passphrase=passphrase))


@pytest.mark.parametrize("loss", ["deleted", "zeroed", "emptied", "bytes flipped"])
def test_a_lost_database_comes_back_whole_and_the_broken_one_is_kept_aside(
    backed_up: tuple[Path, dict[str, object], Path], loss: str
) -> None:
    folder, held, path = backed_up
    db = folder / "vault.db"
    if loss == "deleted":
        db.unlink()
    elif loss == "zeroed":
        db.write_bytes(bytes(db.stat().st_size))
    elif loss == "emptied":
        db.write_bytes(b"")
    else:
        data = bytearray(db.read_bytes())
        for offset in range(4096, len(data), 4096 * 7):
            data[offset + 100] ^= 0xFF
        db.write_bytes(bytes(data))
    broken = files_of(folder)
    with pytest.raises((DatabaseDamaged, DatabaseEmpty)):
        Vault.unlock(folder, passphrase=PASSPHRASE)
    restored = restore_backup(opened(path), folder, now=NOW)
    assert restored.clients == 24
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        assert everything(vault) == held
        assert vault.check() == []
    assert restored.kept_aside is not None and restored.kept_aside.parent == folder.parent
    kept = {name: digest for name, digest in files_of(restored.kept_aside).items() if name != "vault.lock"}
    assert kept == {name: digest for name, digest in broken.items() if name != "vault.lock"}


def test_the_vault_kept_aside_still_opens_as_it_was(backed_up: tuple[Path, dict[str, object], Path]) -> None:
    folder, _held, path = backed_up
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        vault.repo.delete_client(vault.repo.clients(limit=1)[0].id)
        after = everything(vault)
    restored = restore_backup(opened(path), folder, now=NOW)
    assert restored.kept_aside is not None
    with Vault.unlock(restored.kept_aside, passphrase=PASSPHRASE) as aside:
        assert everything(aside) == after


def test_a_damaged_backup_is_refused_and_the_vault_is_untouched(
    backed_up: tuple[Path, dict[str, object], Path],
) -> None:
    folder, _held, path = backed_up
    backup = opened(path)
    data = bytearray((path / "vault.db").read_bytes())
    data[len(data) // 2] ^= 0x01
    (path / "vault.db").write_bytes(bytes(data))
    before = files_of(folder)
    with pytest.raises(BackupDamaged, match=r"vault\.db is damaged"):
        restore_backup(backup, folder, now=NOW)
    # Tampered so that the manifest agrees: the pages' authentication codes still refuse it.
    manifest = json.loads((path / MANIFEST).read_text())
    manifest["files"]["vault.db"]["sha256"] = hashlib.sha256(bytes(data)).hexdigest()
    (path / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(BackupDamaged, match="page"):
        restore_backup(backup, folder, now=NOW)
    assert files_of(folder) == before
    assert [p.name for p in folder.parent.iterdir() if "before-restore" in p.name] == []
    assert not any(p.name.startswith(".restore") for p in folder.iterdir())


def test_a_backup_opens_with_the_secrets_of_its_day(backed_up: tuple[Path, dict[str, object], Path]) -> None:
    folder, held, path = backed_up
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        vault.change_passphrase(NEW_PASSPHRASE, kdf=FAST_KDF)
    with pytest.raises(WrongSecret):
        opened(path, NEW_PASSPHRASE)
    restore_backup(opened(path, PASSPHRASE), folder, now=NOW)
    with pytest.raises(WrongSecret):
        Vault.unlock(folder, passphrase=NEW_PASSPHRASE)
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        assert everything(vault) == held


def test_restoring_over_an_open_vault_is_refused(backed_up: tuple[Path, dict[str, object], Path]) -> None:
    folder, _held, path = backed_up
    with Vault.unlock(folder, passphrase=PASSPHRASE):
        before = files_of(folder)
        with pytest.raises(VaultInUse):
            restore_backup(opened(path), folder, now=NOW)
        assert files_of(folder) == before


def test_restoring_onto_a_new_computer_needs_no_vault_there(
    backed_up: tuple[Path, dict[str, object], Path], tmp_path: Path
) -> None:
    _folder, held, path = backed_up
    new = tmp_path / "new-computer" / "vault"
    restored = restore_backup(opened(path), new, now=NOW)
    assert restored.kept_aside is None
    with Vault.unlock(new, passphrase=PASSPHRASE) as vault:
        assert everything(vault) == held


def test_a_folder_without_a_backup_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotABackup):
        backup_at(tmp_path)


def test_the_recovery_key_of_its_day_opens_a_backup_too(vault_folder: Path) -> None:
    vault, recovery_key = Vault.create(vault_folder, PASSPHRASE)
    with vault:
        generate_caseload(vault, 3, seed=1)
        path = make_backup(vault, now=NOW).backup.path
        vault.new_recovery_key(kdf=FAST_KDF)
    backup = backup_at(path)
    assert open_backup(backup, Secret(recovery_key=recovery_key.lower().replace("-", " "))).clients == 3
    with pytest.raises(WrongSecret):
        open_backup(backup, Secret(recovery_key="ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456"))
