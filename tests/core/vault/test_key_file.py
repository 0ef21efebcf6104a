"""The key file: costs bounded before any derivation, damage told apart from a wrong secret, and a change of
secrets interrupted at its two dangerous moments leaving a vault that the old or the new secrets open."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.make_vault_v1 import V1_CLIENT_ID, V1_PASSPHRASE, V1_RECOVERY_KEY
from tests.helpers.factories import client
from tests.helpers.vaults import NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.domain import Client
from tyokykyapp.vault import DatabaseDamaged, KdfParams, KeyFileDamaged, Vault, WrongRecoveryKey, WrongSecret
from tyokykyapp.vault.keyslots import MAX_MEMORY_KIB, MAX_TIME_COST, MIN_MEMORY_KIB

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def make_vault(folder: Path) -> tuple[str, str]:
    vault, recovery_key = Vault.create(folder, PASSPHRASE)
    with vault:
        c = vault.repo.save(client(family_name="Mäkelä"))
    return c.id, recovery_key


def edit_slot(folder: Path, slot: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Change a slot as an attacker would: the digest is dropped (it only catches accidental damage)."""
    path = folder / "vault.keys"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["slots"][slot].pop("digest")
    change(document["slots"][slot])
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize(
    "values",
    [
        {"parallelism": 0},
        {"parallelism": -1},
        {"parallelism": 2**20},
        {"memory_kib": 2**40},
        {"memory_kib": MAX_MEMORY_KIB + 1, "time_cost": 1},  # would allocate, then fail as a wrong passphrase
        {"time_cost": MAX_TIME_COST + 1},
        {"time_cost": 10**400},
        {"time_cost": True},
        {"time_cost": 3.0},
        {"salt": ""},
        {"nonce": "AAAA"},
        {"kdf": "scrypt"},
    ],
)
def test_a_key_slot_asking_for_an_unbounded_or_invalid_cost_is_damaged_before_any_derivation(
    vault_folder: Path, values: dict[str, object]
) -> None:
    make_vault(vault_folder)
    edit_slot(vault_folder, "passphrase", lambda slot: slot.update(values))
    with pytest.raises(KeyFileDamaged, match="damaged"):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)


def test_kdf_bounds_cover_memory_passes_parallelism_and_their_product() -> None:
    KdfParams.bounded(MAX_TIME_COST, MIN_MEMORY_KIB, 2)
    KdfParams.bounded(1, MAX_MEMORY_KIB, 8)
    for values in [(MAX_TIME_COST, MAX_MEMORY_KIB, 2), (0, MIN_MEMORY_KIB, 2), (3, 8, 2), (3, MIN_MEMORY_KIB, 9)]:
        with pytest.raises(ValueError):
            KdfParams.bounded(*values)


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, json.dumps({"format": 2, "slots": {"passphrase": 1}}), " " * 70_000 + "{}"],
)
def test_a_deep_odd_or_huge_key_file_is_damaged(vault_folder: Path, text: str) -> None:
    make_vault(vault_folder)
    (vault_folder / "vault.keys").write_text(text, encoding="utf-8")
    with pytest.raises(KeyFileDamaged):
        Vault.unlock(vault_folder, passphrase=PASSPHRASE)


def test_a_damaged_recovery_slot_is_found_by_the_check_not_on_the_day_it_is_needed(vault_folder: Path) -> None:
    _id, recovery_key = make_vault(vault_folder)
    path = vault_folder / "vault.keys"
    document = json.loads(path.read_text(encoding="utf-8"))
    wrapped = document["slots"]["recovery"]["wrapped_key"]
    document["slots"]["recovery"]["wrapped_key"] = ("B" if wrapped[0] == "A" else "A") + wrapped[1:]
    path.write_text(json.dumps(document), encoding="utf-8")
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        assert vault.check() == ["The key file (vault.keys) is damaged in the part that the recovery key opens."]
    with pytest.raises(KeyFileDamaged, match="in the part that the recovery key opens"):
        Vault.unlock(vault_folder, recovery_key=recovery_key)  # not "Wrong recovery key"


def crash_snapshots(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Copies of the vault folder as a crash would leave it: before the database is re-encrypted (the key file
    holds both the old and the new slots) and after it, before the final key file is written."""
    import tyokykyapp.vault.vault as vault_module

    before, after = folder.with_name("before-rekey"), folder.with_name("after-rekey")
    real_rekey = vault_module.rekey

    def rekey_between_snapshots(*args: Any, **kwargs: Any) -> None:
        shutil.copytree(folder, before)
        real_rekey(*args, **kwargs)
        shutil.copytree(folder, after)

    monkeypatch.setattr(vault_module, "rekey", rekey_between_snapshots)
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        vault.change_passphrase(NEW_PASSPHRASE)
    monkeypatch.undo()
    for snapshot in (before, after):
        assert "pending" in json.loads((snapshot / "vault.keys").read_text(encoding="utf-8"))
    return before, after


@pytest.mark.parametrize(
    ("moment", "opens", "refused"),
    [("before", PASSPHRASE, NEW_PASSPHRASE), ("after", NEW_PASSPHRASE, PASSPHRASE)],
)
def test_a_crash_around_the_re_encryption_leaves_the_old_or_the_new_secrets(
    vault_folder: Path, monkeypatch: pytest.MonkeyPatch, moment: str, opens: str, refused: str
) -> None:
    client_id, recovery_key = make_vault(vault_folder)
    before, after = crash_snapshots(vault_folder, monkeypatch)
    folder = before if moment == "before" else after
    with pytest.raises(WrongSecret):
        Vault.unlock(folder, passphrase=refused)
    with Vault.unlock(folder, recovery_key=recovery_key) as vault:  # it follows the data key either way
        assert vault.repo.get(Client, client_id).family_name == "Mäkelä"
        assert vault.check() == []
    assert "pending" not in json.loads((folder / "vault.keys").read_text(encoding="utf-8"))  # settled
    Vault.unlock(folder, passphrase=opens).close()
    with pytest.raises(WrongSecret):
        Vault.unlock(folder, passphrase=refused)


def test_an_interruption_during_the_re_encryption_waits_for_it_and_keeps_the_pair_consistent(
    vault_folder: Path,
) -> None:
    client_id, recovery_key = make_vault(vault_folder)

    def impatient(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault, pytest.raises(KeyboardInterrupt):
        vault.change_passphrase(NEW_PASSPHRASE, progress=impatient)
    with Vault.unlock(vault_folder, passphrase=NEW_PASSPHRASE) as vault:
        assert vault.repo.get(Client, client_id) and vault.check() == []
    Vault.unlock(vault_folder, recovery_key=recovery_key).close()


def test_a_version_1_key_file_opens_and_is_converted_slot_by_slot(tmp_path: Path) -> None:
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURES / "vault_v1", folder)
    assert "public_key" not in json.loads((folder / "vault.keys").read_text(encoding="utf-8"))["slots"]["passphrase"]
    with Vault.unlock(folder, passphrase=V1_PASSPHRASE) as vault:
        # The recovery slot is still of format 1 (its key is not known here): it keeps the data key.
        vault.change_passphrase(NEW_PASSPHRASE)
        assert vault.check() == []
    slots = json.loads((folder / "vault.keys").read_text(encoding="utf-8"))["slots"]
    assert "public_key" in slots["passphrase"] and "public_key" not in slots["recovery"]
    with Vault.unlock(folder, recovery_key=V1_RECOVERY_KEY) as vault:
        assert vault.repo.get(Client, V1_CLIENT_ID).family_name == "Sjöberg"
    old_keys = (folder / "vault.keys").read_bytes()
    with Vault.unlock(folder, passphrase=NEW_PASSPHRASE) as vault:  # both slots converted: now it re-encrypts
        new_key = vault.new_recovery_key()
    with pytest.raises(WrongRecoveryKey):
        Vault.unlock(folder, recovery_key=V1_RECOVERY_KEY)
    with Vault.unlock(folder, recovery_key=new_key) as vault:
        assert vault.repo.get(Client, V1_CLIENT_ID).family_name == "Sjöberg" and vault.check() == []
    (folder / "vault.keys").write_bytes(old_keys)
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(folder, passphrase=NEW_PASSPHRASE)


def test_a_key_pair_planted_in_a_version_1_key_file_never_receives_the_data_key(tmp_path: Path) -> None:
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURES / "vault_v1", folder)
    planted_from = tmp_path / "attacker"
    Vault.create(planted_from, NEW_PASSPHRASE)[0].close()
    path = folder / "vault.keys"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["slots"]["recovery"] = json.loads((planted_from / "vault.keys").read_text(encoding="utf-8"))["slots"][
        "recovery"
    ]
    path.write_text(json.dumps(document), encoding="utf-8")
    with Vault.unlock(folder, passphrase=V1_PASSPHRASE) as vault:  # converts the passphrase slot
        assert vault.check() == ["The key file (vault.keys) was changed or damaged outside the app."]
        with pytest.raises(KeyFileDamaged, match="the recovery key opens"):
            vault.change_passphrase(NEW_PASSPHRASE)
    with Vault.unlock(folder, passphrase=V1_PASSPHRASE) as vault:  # nothing blessed the planted slot since
        assert vault.check() != []
        vault.new_recovery_key()  # the way out: replace it
        assert vault.check() == []
