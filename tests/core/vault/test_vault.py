"""Create, unlock, secrets, and every distinct failure of opening a vault."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.factories import client
from tests.helpers.vaults import NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.domain import Client
from tyokykyapp.vault import (
    DatabaseDamaged,
    KeyFileDamaged,
    KeyFileMissing,
    NoVault,
    Vault,
    VaultExists,
    VaultInUse,
    VaultTooNew,
    WeakPassphrase,
    WrongRecoveryKey,
    WrongSecret,
)
from tyokykyapp.vault.keyslots import MIN_MEMORY_KIB, MIN_TIME_COST, KeyFile, calibrated_params
from tyokykyapp.vault.recovery_key import ALPHABET


def make_vault(folder: Path) -> tuple[str, str]:
    """A closed vault holding one client; returns (client id, recovery key)."""
    vault, recovery_key = Vault.create(folder, PASSPHRASE)
    with vault:
        c = vault.repo.save(client(family_name="Mäkelä"))
    return c.id, recovery_key


def test_create_then_unlock_by_passphrase_and_by_recovery_key(vault_folder: Path) -> None:
    client_id, recovery_key = make_vault(vault_folder)
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        assert vault.repo.get(Client, client_id).family_name == "Mäkelä"
    typed = recovery_key.lower().replace("-", " ")
    with Vault.unlock(vault_folder, recovery_key=typed) as vault:
        assert vault.repo.get(Client, client_id).family_name == "Mäkelä"


def test_vault_folder_holds_database_key_file_and_lock_only(vault_folder: Path) -> None:
    make_vault(vault_folder)
    assert sorted(p.name for p in vault_folder.iterdir()) == ["vault.db", "vault.keys", "vault.lock"]
    if os.name == "posix":
        assert vault_folder.stat().st_mode & 0o077 == 0
        assert (vault_folder / "vault.db").stat().st_mode & 0o077 == 0
        assert (vault_folder / "vault.keys").stat().st_mode & 0o077 == 0


def test_recovery_key_is_long_and_unambiguous(vault_folder: Path) -> None:
    _id, recovery_key = make_vault(vault_folder)
    characters = recovery_key.replace("-", "")
    assert len(characters) >= 26 and set(characters) <= set(ALPHABET)
    assert not set("01OIL") & set(characters)
    assert all(len(group) == 4 for group in recovery_key.split("-"))


def test_database_is_keyed_by_a_random_data_key_not_the_passphrase(vault_folder: Path) -> None:
    make_vault(vault_folder)
    raw = (vault_folder / "vault.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"M\xc3\xa4kel\xc3\xa4" not in raw
    from sqlcipher3 import dbapi2

    connection = dbapi2.connect(str(vault_folder / "vault.db"))
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    with pytest.raises(dbapi2.DatabaseError):
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    connection.close()


def test_wrong_passphrase_and_wrong_recovery_key_are_told_apart(vault_folder: Path) -> None:
    make_vault(vault_folder)
    with pytest.raises(WrongSecret, match="Wrong passphrase"):
        Vault.unlock(vault_folder, passphrase="not the right passphrase")
    with pytest.raises(WrongRecoveryKey, match="Wrong recovery key"):
        Vault.unlock(vault_folder, recovery_key="-".join(["ABCD"] * 7))
    with pytest.raises(WrongRecoveryKey, match="not a recovery key"):
        Vault.unlock(vault_folder, recovery_key="ABCD-0000")
    # A failed attempt leaves the vault usable.
    Vault.unlock(vault_folder, passphrase=PASSPHRASE).close()


def test_weak_passphrase_is_refused_at_creation(vault_folder: Path) -> None:
    with pytest.raises(WeakPassphrase, match="at least 12"):
        Vault.create(vault_folder, "lyhyt")
    assert not (vault_folder / "vault.keys").exists()


def test_creating_over_an_existing_vault_is_refused(vault_folder: Path) -> None:
    make_vault(vault_folder)
    before = (vault_folder / "vault.db").read_bytes()
    with pytest.raises(VaultExists):
        Vault.create(vault_folder, NEW_PASSPHRASE)
    assert (vault_folder / "vault.db").read_bytes() == before


def test_no_vault_in_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(NoVault):
        Vault.unlock(tmp_path / "nothing", passphrase=PASSPHRASE)


def test_change_passphrase_re_encrypts_the_database_so_an_old_key_file_opens_nothing(vault_folder: Path) -> None:
    client_id, recovery_key = make_vault(vault_folder)
    db_before = (vault_folder / "vault.db").read_bytes()
    old_keys = (vault_folder / "vault.keys").read_bytes()
    seen: list[tuple[int, int]] = []
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        with pytest.raises(WeakPassphrase):
            vault.change_passphrase("salasana123456")
        vault.change_passphrase(NEW_PASSPHRASE, progress=lambda done, total: seen.append((done, total)))
        assert vault.repo.get(Client, client_id).family_name == "Mäkelä"  # the open vault goes on working
        assert vault.check() == []
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert all(done <= total for done, total in seen)
    after = (vault_folder / "vault.db").read_bytes()
    assert after[4096:8192] != db_before[4096:8192]  # every page is under the new data key
    with pytest.raises(WrongSecret):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)
    Vault.unlock(vault_folder, passphrase=NEW_PASSPHRASE).close()
    Vault.unlock(vault_folder, recovery_key=recovery_key).close()
    current_keys = (vault_folder / "vault.keys").read_bytes()
    (vault_folder / "vault.keys").write_bytes(old_keys)  # a backup copy made before the change
    with pytest.raises(DatabaseDamaged, match="older backup"):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(vault_folder, recovery_key=recovery_key)
    (vault_folder / "vault.keys").write_bytes(current_keys)
    with Vault.unlock(vault_folder, recovery_key=recovery_key) as vault:
        assert vault.repo.get(Client, client_id).family_name == "Mäkelä"


def test_recovery_key_opens_and_sets_a_new_passphrase(vault_folder: Path) -> None:
    client_id, recovery_key = make_vault(vault_folder)
    with Vault.unlock(vault_folder, recovery_key=recovery_key) as vault:
        vault.change_passphrase(NEW_PASSPHRASE)
    with Vault.unlock(vault_folder, passphrase=NEW_PASSPHRASE) as vault:
        assert vault.repo.get(Client, client_id)


def test_new_recovery_key_replaces_the_old_one_also_in_old_copies_of_the_key_file(vault_folder: Path) -> None:
    _id, old_key = make_vault(vault_folder)
    old_keys = json.loads((vault_folder / "vault.keys").read_text(encoding="utf-8"))
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        new_key = vault.new_recovery_key()
    assert new_key != old_key
    with pytest.raises(WrongRecoveryKey):
        Vault.unlock(vault_folder, recovery_key=old_key)
    Vault.unlock(vault_folder, recovery_key=new_key).close()
    Vault.unlock(vault_folder, passphrase=PASSPHRASE).close()
    # The old recovery slot pasted back into today's key file opens nothing current.
    path = vault_folder / "vault.keys"
    current = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(current | {"slots": current["slots"] | {"recovery": old_keys["slots"]["recovery"]}}))
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(vault_folder, recovery_key=old_key)
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        assert vault.check() == ["The key file (vault.keys) was changed or damaged outside the app."]
        with pytest.raises(KeyFileDamaged, match="in the part that the recovery key opens"):
            vault.change_passphrase(NEW_PASSPHRASE)  # never hands the new data key to an unverified slot
        repaired = vault.new_recovery_key()
        assert vault.check() == []
    Vault.unlock(vault_folder, recovery_key=repaired).close()


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace"])
def test_a_crash_during_the_key_file_rewrite_leaves_the_old_key_file(
    vault_folder: Path, monkeypatch: pytest.MonkeyPatch, fail_at: str
) -> None:
    make_vault(vault_folder)
    keys_before = (vault_folder / "vault.keys").read_bytes()

    def crash(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    vault = Vault.unlock(vault_folder, passphrase=PASSPHRASE)
    import tyokykyapp.vault.files as files

    if fail_at == "write":
        real_fdopen = os.fdopen

        class Failing:
            def __init__(self, fd: int, mode: str) -> None:
                self.handle = real_fdopen(fd, mode)

            def __enter__(self) -> Failing:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()

            def write(self, data: bytes) -> None:
                self.handle.write(data[: len(data) // 2])
                raise OSError(28, "No space left on device")

        monkeypatch.setattr(files.os, "fdopen", Failing)
    else:
        monkeypatch.setattr(files.os, fail_at, crash)
    with pytest.raises(Exception, match="disk may be full"):
        vault.change_passphrase(NEW_PASSPHRASE)
    monkeypatch.undo()
    vault.close()
    assert (vault_folder / "vault.keys").read_bytes() == keys_before
    assert sorted(p.name for p in vault_folder.iterdir()) == ["vault.db", "vault.keys", "vault.lock"]
    (vault_folder / ".vault.keys.abc123.tmp").write_bytes(b"{}")  # as a killed rewrite leaves it
    Vault.unlock(vault_folder, passphrase=PASSPHRASE).close()
    assert sorted(p.name for p in vault_folder.iterdir()) == ["vault.db", "vault.keys", "vault.lock"]


def test_missing_key_file(vault_folder: Path) -> None:
    make_vault(vault_folder)
    (vault_folder / "vault.keys").unlink()
    with pytest.raises(KeyFileMissing, match="missing"):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "",
        lambda text: "\x00\xff garbage",
        lambda text: json.dumps(json.loads(text) | {"format": 99}),
        lambda text: json.dumps(json.loads(text) | {"slots": {}}),
        lambda text: text.replace('"nonce": "', '"nonce": "!!'),
    ],
)
def test_damaged_key_file(vault_folder: Path, damage: object) -> None:
    make_vault(vault_folder)
    path = vault_folder / "vault.keys"
    path.write_text(damage(path.read_text()), encoding="utf-8", errors="surrogateescape")  # type: ignore[operator]
    with pytest.raises(KeyFileDamaged, match="damaged"):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)


def test_key_slot_moved_from_another_vault_does_not_open(tmp_path: Path) -> None:
    make_vault(tmp_path / "a")
    make_vault(tmp_path / "b")
    a, b = KeyFile.load(tmp_path / "a" / "vault.keys"), KeyFile.load(tmp_path / "b" / "vault.keys")
    a.slots["passphrase"] = b.slots["passphrase"]
    a.save(tmp_path / "a" / "vault.keys")
    with pytest.raises(WrongSecret):
        Vault.unlock(tmp_path / "a", passphrase=PASSPHRASE)


def test_database_from_another_vault_or_garbage_is_damaged(tmp_path: Path) -> None:
    make_vault(tmp_path / "a")
    make_vault(tmp_path / "b")
    (tmp_path / "a" / "vault.db").write_bytes((tmp_path / "b" / "vault.db").read_bytes())
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(tmp_path / "a", passphrase=PASSPHRASE)
    (tmp_path / "b" / "vault.db").write_bytes(os.urandom(8192))
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(tmp_path / "b", passphrase=PASSPHRASE)


def test_missing_database(vault_folder: Path) -> None:
    make_vault(vault_folder)
    (vault_folder / "vault.db").unlink()
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)
    assert not (vault_folder / "vault.db").exists()


def test_damage_inside_the_database_is_found_by_the_check(vault_folder: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    with vault:
        for n in range(300):
            vault.repo.save(client(family_name=f"Asiakas{n}", notes="muistiinpano " * 40))
        assert vault.check() == []
    path = vault_folder / "vault.db"
    data = bytearray(path.read_bytes())
    assert len(data) > 20 * 4096
    data[10 * 4096 + 100 : 10 * 4096 + 140] = os.urandom(40)
    path.write_bytes(bytes(data))
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        assert vault.check() != []


def test_vault_from_a_newer_version_is_refused(vault_folder: Path) -> None:
    make_vault(vault_folder)
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        vault.connection.execute("PRAGMA user_version = 999")
    with pytest.raises(VaultTooNew, match="newer version"):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)
    # Refusing changed nothing: the version is still the newer one.
    with pytest.raises(VaultTooNew):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)


def test_second_instance_in_this_process_is_refused(vault_folder: Path) -> None:
    _client_id, _key = make_vault(vault_folder)
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        with pytest.raises(VaultInUse, match="already open"):
            Vault.unlock(vault_folder, passphrase=PASSPHRASE)
        vault.repo.save(client(family_name="Uusi"))
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        assert len(vault.repo.clients()) == 2
        assert vault.check() == []


def test_second_instance_in_another_process_is_refused(vault_folder: Path, tmp_path: Path) -> None:
    make_vault(vault_folder)
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "tyokykyapp",
                "--vault",
                str(vault_folder),
                "--passphrase-file",
                str(secret),
                "clients",
            ],
            capture_output=True,
            text=True,
            env=os.environ | {"TYOKYKY_LANG": "en"},
            timeout=60,
        )
    assert result.returncode == 1
    assert "already open" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.real_kdf
def test_real_key_slots_use_at_least_64_mib_and_3_passes(vault_folder: Path) -> None:
    params = calibrated_params()
    assert params.memory_kib >= MIN_MEMORY_KIB and params.time_cost >= MIN_TIME_COST
    make_vault(vault_folder)
    for slot in KeyFile.load(vault_folder / "vault.keys").slots.values():
        assert slot["kdf"] == "argon2id"
        assert slot["memory_kib"] >= 64 * 1024 and slot["time_cost"] >= 3


def test_the_check_reads_every_record_and_every_earlier_version_as_its_kind(vault: Vault) -> None:
    from datetime import date

    from tyokykyapp.domain import Meeting

    c = vault.repo.save(client())
    meeting = vault.repo.save(Meeting(client_id=c.id, on=date(2026, 3, 1), notes="eka"))
    meeting.notes = "toka"
    vault.repo.save(meeting)
    assert vault.check() == []
    other = vault.repo.save(Meeting(client_id=c.id, on=date(2026, 3, 2)))
    with vault.transaction():
        vault.connection.execute("UPDATE revisions SET saved_at = 'ei aika' WHERE record_id = ?", (meeting.id,))
        vault.connection.execute("UPDATE records SET kind = 'consent' WHERE id = ?", (meeting.id,))
        # What an import of version 0.1 could plant: a client's JSON as a record of kind "client".
        vault.connection.execute(
            "UPDATE records SET kind = 'client', data = (SELECT data FROM clients) WHERE id = ?", (other.id,)
        )
    problems = vault.check()
    assert any(p.startswith(f"version 1 of {meeting.id}") for p in problems)
    assert any(p.startswith(f"record {meeting.id} (consent)") for p in problems)
    assert f"record {other.id} (client): a client stored as another client's record" in problems
