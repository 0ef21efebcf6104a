"""The vault folder: the database belongs to its key file, a new vault appears only whole, one process at a
time (even without vault.lock), and everything readable by its owner only."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.helpers.factories import client
from tests.helpers.vaults import NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.domain import Client
from tyokykyapp.vault import DatabaseEmpty, FolderNotEmpty, Vault, VaultExists, VaultMismatch


def make_vault(folder: Path) -> str:
    vault, _key = Vault.create(folder, PASSPHRASE)
    with vault:
        return vault.repo.save(client(family_name="Mäkelä")).id


@pytest.mark.parametrize("size", [0, 1])
def test_an_empty_database_is_refused_and_never_made_a_new_vault(vault_folder: Path, size: int) -> None:
    make_vault(vault_folder)
    database = vault_folder / "vault.db"
    database.write_bytes(b"\x00" * size)
    for _attempt in range(2):
        with pytest.raises(DatabaseEmpty, match="empty"):
            Vault.unlock(vault_folder, passphrase=PASSPHRASE)
        assert database.read_bytes() == b"\x00" * size


def test_a_database_naming_another_vault_is_refused(vault_folder: Path) -> None:
    make_vault(vault_folder)
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        vault.repo.set_setting("vault_id", str(uuid.uuid4()))
    with pytest.raises(VaultMismatch, match="different vaults"):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)


def test_a_new_vault_is_built_beside_its_folder_and_appears_only_when_installed(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    new = Vault.prepare(folder, PASSPHRASE)
    assert not folder.exists()
    assert new.vault.folder.parent == tmp_path and new.vault.folder.name.startswith(".vault.new-")
    new.discard()
    assert list(tmp_path.iterdir()) == []
    new = Vault.prepare(folder, PASSPHRASE)
    with new.install() as vault:
        assert vault.folder == folder and vault.repo.clients() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]
    with Vault.unlock(folder, recovery_key=new.recovery_key) as vault:
        assert vault.check() == []


def test_a_build_left_by_a_killed_init_is_cleared_and_init_works_again(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    abandoned = Vault.prepare(folder, PASSPHRASE)
    abandoned.vault.close()  # as a killed process leaves it: built, never installed, no lock held
    assert not folder.exists()
    Vault.create(folder, NEW_PASSPHRASE)[0].close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]


def test_a_new_vault_goes_into_an_empty_or_new_folder_only(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "vault.lock").write_bytes(b"")  # left by a create of version 0.1 that failed
    Vault.create(tmp_path / "empty", PASSPHRASE)[0].close()
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "muistiinpanot.txt").write_text("omat tiedostot", encoding="utf-8")
    with pytest.raises(FolderNotEmpty):
        Vault.create(busy, PASSPHRASE)
    with pytest.raises(VaultExists):
        Vault.create(tmp_path / "empty", PASSPHRASE)
    assert sorted(p.name for p in busy.iterdir()) == ["muistiinpanot.txt"]


def test_folder_and_lock_are_private_whatever_the_umask_or_earlier_mode(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    if os.name != "posix":  # Windows has no mode bits; its folder ACL is the user's profile's
        return
    old_umask = os.umask(0)
    try:
        make_vault(folder)
        os.chmod(folder, 0o777)
        os.chmod(folder / "vault.lock", 0o666)
        with Vault.unlock(folder, passphrase=PASSPHRASE):
            assert folder.stat().st_mode & 0o777 == 0o700
            for name in ("vault.db", "vault.keys", "vault.lock"):
                assert (folder / name).stat().st_mode & 0o077 == 0, name
    finally:
        os.umask(old_umask)


def test_deleting_the_lock_file_lets_no_second_process_in(vault_folder: Path, tmp_path: Path) -> None:
    client_id = make_vault(vault_folder)
    (tmp_path / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "new").write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        (vault_folder / "vault.lock").unlink()
        keys_before = (vault_folder / "vault.keys").read_bytes()
        result = subprocess.run(
            [sys.executable, "-m", "tyokykyapp", "--vault", str(vault_folder), "--passphrase-file",
             str(tmp_path / "pass"), "passwd", "--new-passphrase-file", str(tmp_path / "new")],
            capture_output=True, text=True, timeout=120, env=os.environ | {"TYOKYKY_LANG": "en"},
        )  # fmt: skip
        assert result.returncode == 1 and "already open" in result.stderr, result.stderr
        assert (vault_folder / "vault.keys").read_bytes() == keys_before
        vault.repo.save(client(family_name="Toinen"))
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        assert vault.repo.get(Client, client_id) and len(vault.repo.clients()) == 2
