"""The backup, backups, restore, retention and erase commands: exit codes and JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.test_cli import Run as CliRun
from tests.helpers.vaults import NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.backups.locations import primary_root
from tyokykyapp.domain import Client, Phase
from tyokykyapp.vault import Vault
from tyokykyapp.vault.keyslots import KeyFile


class Run(CliRun):
    def json(self, *args: str, secret: str | None = "pass") -> object:
        code, out, err = self(*args, "--json", secret=secret)
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def run(vault_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (secrets / "new").write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")
    runner = Run(vault_folder, secrets, capsys)
    assert runner("init")[0] == 0
    assert runner("demo", "--clients", "30", "--seed", "4")[0] == 0
    return runner


def every_client(run: Run) -> dict[str, object]:
    ids = [row["id"] for row in run.json("clients")]  # type: ignore[attr-defined]
    return {client_id: run.json("show", client_id) for client_id in ids}


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_backup_then_restore_gives_every_client_back_as_it_was(run: Run, vault_folder: Path) -> None:
    before = every_client(run)
    made = run.json("backup")
    assert set(made) == {"path", "created_at", "size", "verified", "second_location", "pruned"}  # type: ignore[arg-type]
    vault_id = KeyFile.load(vault_folder / "vault.keys").vault_id
    assert made["verified"] is True and Path(made["path"]).parent == primary_root() / vault_id  # type: ignore[index]
    (vault_folder / "vault.db").write_bytes(b"\0" * 8192)
    code, _out, err = run("clients")
    assert code == 1 and "damaged" in one_line(err)
    restored = run.json("restore", made["path"])  # type: ignore[index]
    assert set(restored) == {"restored_from", "created_at", "vault", "kept_aside", "clients"}  # type: ignore[arg-type]
    assert restored["clients"] == 30 and Path(restored["kept_aside"]).is_dir()  # type: ignore[index]
    assert every_client(run) == before


def test_backups_lists_path_time_clients_and_verified_and_names_a_damaged_one(run: Run) -> None:
    first = run.json("backup")["path"]  # type: ignore[index]
    second = run.json("backup", "--to", str(Path(first).parents[1]))["path"]  # type: ignore[index]
    listed = run.json("backups")
    assert isinstance(listed, list) and [row["path"] for row in listed] == [second, first]
    assert set(listed[0]) == {"path", "location", "vault_id", "created_at", "size", "clients", "verified", "problem"}
    assert all(row["clients"] == 30 and row["verified"] and row["problem"] is None for row in listed)
    # Without a secret nothing is unlocked: no client counts, the bytes are still checked.
    assert [row["clients"] for row in run.json("backups", secret=None)] == [None, None]  # type: ignore[union-attr]
    db = Path(first) / "vault.db"
    data = bytearray(db.read_bytes())
    data[5000] ^= 0x10
    db.write_bytes(bytes(data))
    rows = {row["path"]: row for row in run.json("backups")}  # type: ignore[union-attr]
    assert rows[first]["verified"] is False and "damaged" in rows[first]["problem"]
    assert rows[first]["clients"] is None and rows[second]["verified"] is True
    code, _out, err = run("restore", first)
    assert code == 1 and "damaged" in one_line(err)
    code, out, _err = run("backups")
    assert "DAMAGED" in out and "2 backups" in out


def test_a_backup_from_before_a_change_of_passphrase_opens_with_the_old_one(run: Run) -> None:
    path = run.json("backup")["path"]  # type: ignore[index]
    assert run("passwd", "--new-passphrase-file", str(run.secrets / "new"))[0] == 0
    [row] = run.json("backups", secret="new")  # type: ignore[misc]
    assert row["clients"] is None and row["verified"] is True and "Wrong passphrase" in row["problem"]
    code, _out, err = run("restore", path, secret="new")
    assert code == 1 and "Wrong passphrase" in one_line(err)
    assert run("restore", path)[0] == 0
    assert run("clients", secret="pass")[0] == 0


def test_retention_lists_and_erase_erases_with_a_log_and_only_with_yes(run: Run, vault_folder: Path) -> None:
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        first, second = vault.repo.clients(limit=2)
        for summary in (first, second):
            c = vault.repo.get(Client, summary.id)
            c.phase, c.phase_since = Phase.CLOSED, c.started_on.replace(year=2012)
            vault.repo.save(c)
    report = run.json("retention")
    assert set(report) == {"retention_years", "on", "clients"}  # type: ignore[arg-type]
    assert report["retention_years"] == 10  # type: ignore[index]
    listed = report["clients"]  # type: ignore[index]
    assert {row["id"] for row in listed} == {first.id, second.id}
    assert set(listed[0]) == {"id", "name", "closed_on", "kept_until", "in_bin"}
    code, _out, err = run("erase", first.id)
    assert code == 1 and "--yes" in one_line(err)
    code, out, err = run("erase", first.id, second.id, "--yes")
    assert code == 0, err
    assert "2 clients" in out and first.name not in out and second.name not in out
    assert run.json("retention")["clients"] == []  # type: ignore[index]
    code, _out, err = run("show", first.id)
    assert code == 1
    still_open = run.json("clients")[0]["id"]  # type: ignore[index]
    code, _out, err = run("erase", still_open, "--yes")
    assert code == 1 and "not past the retention period" in one_line(err)
