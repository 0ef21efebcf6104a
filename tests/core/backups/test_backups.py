"""Making, verifying, listing and pruning backups; when the app makes one."""

from __future__ import annotations

import json
import shutil
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.factories import client
from tests.helpers.vaults import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.backups.locations import SECOND_FOLDER, load_locations, primary_root, second_root, set_second_location
from tyokykyapp.backups.make import BackupNotVerified, backup_due, make_backup, prune, vault_backups
from tyokykyapp.backups.restore import NotOpened, OpenedBackup, Secret, open_backups
from tyokykyapp.backups.status import backup_status
from tyokykyapp.backups.store import MANIFEST, find_backups, read_backup
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Meeting
from tyokykyapp.services import coach_details, due_list, organisation_details, set_organisation_details
from tyokykyapp.services.recent import remember_opened
from tyokykyapp.vault import KdfParams, Vault, snapshot

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_a_backup_is_a_private_verified_copy_that_opens_with_the_passphrase(vault: Vault) -> None:
    generate_caseload(vault, 5, seed=2)
    made = make_backup(vault)
    folder = made.backup.path
    assert folder.parent == primary_root() / vault.id
    assert sorted(p.name for p in folder.iterdir()) == [MANIFEST, "vault.db", "vault.keys"]
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["vault_id"] == vault.id and set(manifest["files"]) == {"vault.db", "vault.keys"}
    assert "clients" not in json.dumps(manifest)  # the count is read only after unlocking the backup
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "vault.db").stat().st_mode) == 0o600
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]  # no build left behind
    assert read_backup(folder, full=True).intact
    [opened] = open_backups([made.backup], Secret(passphrase=PASSPHRASE))
    assert isinstance(opened, OpenedBackup) and opened.clients == 5
    [refused] = open_backups([made.backup], Secret(passphrase="ei tämä ole se tunnuslause"))
    assert isinstance(refused, NotOpened) and not refused.damaged
    # The copy is not a plain file copy: it has no log of its own, and the vault's log was not copied.
    assert not (folder / "vault.db-wal").exists()


def test_a_backup_made_while_writes_go_on_holds_the_database_as_it_was_when_it_ended(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate_caseload(vault, 30, seed=5)
    monkeypatch.setattr(snapshot, "STEP_PAGES", 8)  # many steps, a write between each two
    someone = vault.repo.clients(limit=1)[0].id
    steps = []

    def write_between_steps(done: int, total: int) -> None:
        steps.append(done)
        if len(steps) < 40:
            vault.repo.save(Meeting(client_id=someone, on=date(2026, 3, 1), notes=f"kirjoitettu kopion aikana {done}"))

    target = vault.folder.parent / "copy.db"
    vault.write_copy(target, write_between_steps)
    assert len(steps) > 20
    copy_folder = vault.folder.parent / "copy"
    copy_folder.mkdir()
    target.rename(copy_folder / "vault.db")
    (copy_folder / "vault.keys").write_bytes(vault.key_file.to_bytes())
    assert vault.copy_problems(copy_folder) == []
    connection = snapshot.open_copy(copy_folder / "vault.db", vault._data_key)  # type: ignore[arg-type]
    try:
        copied = connection.execute("SELECT id, data FROM records ORDER BY id").fetchall()
    finally:
        connection.close()
    assert copied == vault.connection.execute("SELECT id, data FROM records ORDER BY id").fetchall()
    assert sum("kirjoitettu kopion aikana" in row[1] for row in copied) == 39


def test_a_backup_that_fails_its_check_is_never_kept(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault.repo.save(client())
    monkeypatch.setattr(Vault, "copy_problems", lambda self, folder: ["page: HMAC check failed for pgno=2"])
    with pytest.raises(BackupNotVerified, match="did not pass its check"):
        make_backup(vault)
    assert list((primary_root() / vault.id).iterdir()) == []
    assert vault.changed_since_backup()


def test_a_backup_is_due_after_changes_at_most_once_a_day(vault: Vault) -> None:
    assert backup_due(vault, NOW)  # none yet
    make_backup(vault, now=NOW)
    assert not vault.changed_since_backup()
    tomorrow = NOW + timedelta(days=1)
    assert not backup_due(vault, tomorrow)  # nothing changed
    # Reading, opening a client and the kept due results are no changes.
    c = vault.repo.save(client())
    make_backup(vault, now=NOW + timedelta(hours=1))
    remember_opened(vault, c.id)
    due_list(vault, date(2026, 11, 24))
    coach_details(vault)
    assert not vault.changed_since_backup()
    vault.repo.save(Meeting(client_id=c.id, on=date(2026, 11, 23)))
    assert vault.changed_since_backup()
    assert not backup_due(vault, NOW + timedelta(hours=2))  # one was made today already
    assert backup_due(vault, tomorrow)
    # A change of the organisation's details counts, and the mark survives closing the vault.
    make_backup(vault, now=tomorrow)
    set_organisation_details(vault, organisation_details(vault))
    folder = vault.folder
    vault.close()
    with Vault.unlock(folder, passphrase=PASSPHRASE) as again:
        assert again.changed_since_backup()


def test_the_second_location_gets_a_read_back_copy_and_an_absent_one_never_fails_the_backup(
    vault: Vault, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    set_second_location(stick, NOW)
    shutil.rmtree(stick / SECOND_FOLDER)  # unplugged: the mount point stays, empty
    made = make_backup(vault, now=NOW)
    assert made.backup.intact
    assert made.second is not None and not made.second.reached
    assert "not reached" in (made.second.problem or "")
    assert list(stick.iterdir()) == []  # nothing written onto the computer's own disk in its place
    assert load_locations().second_reached(vault.id) is None
    (stick / SECOND_FOLDER).mkdir()  # plugged in again
    later = NOW + timedelta(days=1)
    made = make_backup(vault, now=later)
    assert made.second is not None and made.second.copy is not None
    assert made.second.copy.parent == second_root(stick) / vault.id
    assert read_backup(made.second.copy, full=True).intact
    assert load_locations().second_reached(vault.id) == later
    status = backup_status(vault.id)
    assert status.last == later and status.warnings(later + timedelta(days=2)) == []
    assert any("more than 7 days" in w for w in status.warnings(later + timedelta(days=8)))
    assert any("not been reached for 30 days" in w for w in status.warnings(later + timedelta(days=31)))


def test_pruning_keeps_the_rotation_and_nothing_older_than_the_retention(vault: Vault) -> None:
    set_organisation_details(vault, organisation_details(vault).__class__(retention_years=1))
    start = datetime(2025, 6, 1, 9, tzinfo=UTC)
    for day in range(0, 540, 3):  # a backup every third day for a year and a half
        vault.repo.save(client(family_name=f"Asiakas{day}"))
        made = make_backup(vault, now=start + timedelta(days=day))
    newest = start + timedelta(days=537)
    left = [b.created_at for b in find_backups(vault_backups(vault.id))]
    assert left[0] == newest
    assert all(newest - moment < timedelta(days=366) for moment in left if moment is not None)
    assert 7 + 4 <= len(left) <= 7 + 4 + 12
    assert made.pruned  # the last run removed the one that rotated out


def test_a_damaged_backup_is_listed_as_damaged_and_left_for_the_coach(vault: Vault) -> None:
    vault.repo.save(client(notes="muistiinpano"))
    path = make_backup(vault, now=NOW).backup.path
    data = bytearray((path / "vault.db").read_bytes())
    data[len(data) // 2] ^= 0x01
    (path / "vault.db").write_bytes(bytes(data))
    assert read_backup(path).intact  # the cheap look sees the right sizes
    damaged = read_backup(path, full=True)
    assert not damaged.intact and "vault.db is damaged" in (damaged.problem or "")
    (path / "vault.db").write_bytes(bytes(data[:4096]))
    assert "vault.db is damaged" in (read_backup(path).problem or "")
    (path / MANIFEST).unlink()
    [listed] = find_backups(primary_root())
    assert listed.path == path and "backup.json" in (listed.problem or "")
    # Pruning leaves a damaged backup alone (only its age could remove it).
    assert prune(vault_backups(vault.id), NOW + timedelta(days=400), 10) == []


def test_backup_to_a_folder_of_ones_choosing_writes_only_there(vault: Vault, tmp_path: Path) -> None:
    vault.repo.save(client())
    made = make_backup(vault, tmp_path / "usb")
    assert made.backup.path.parent == tmp_path / "usb" / vault.id
    assert made.second is None and made.pruned == ()
    assert not (primary_root() / vault.id).exists()
    assert vault.changed_since_backup()  # the daily backup in the data folder is still to be made


def test_a_change_of_secrets_makes_the_next_backup_due(vault: Vault) -> None:
    make_backup(vault, now=NOW)
    vault.change_passphrase(NEW_PASSPHRASE, kdf=FAST_KDF)  # older backups open only with the old one
    assert vault.changed_since_backup() and backup_due(vault, NOW + timedelta(days=1))


def test_backups_with_the_same_slot_cost_one_key_derivation_opened_or_not(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = [make_backup(vault, now=NOW + timedelta(days=n)).backup for n in range(4)]
    derivations = []
    derive = KdfParams.derive
    monkeypatch.setattr(KdfParams, "derive", lambda self, *a: derivations.append(1) or derive(self, *a))
    opened = open_backups(made, Secret(passphrase=PASSPHRASE))
    assert all(isinstance(o, OpenedBackup) for o in opened) and len(derivations) == 1
    refused = open_backups(made, Secret(passphrase=NEW_PASSPHRASE))
    assert all(isinstance(o, NotOpened) and not o.damaged for o in refused) and len(derivations) == 2
