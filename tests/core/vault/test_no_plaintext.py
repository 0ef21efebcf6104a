"""A marker saved in a client's notes is nowhere on disk afterwards: not in the vault folder (database,
WAL, key file, lock), the temp folder, or the user's data folders."""

from __future__ import annotations

import os
import secrets
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.factories import client
from tests.helpers.vaults import PASSPHRASE, all_files
from tyokykyapp.domain import Meeting
from tyokykyapp.vault import Vault

# Made at run time so it is in no file on disk (this test's source may itself sit under /tmp in CI).
MARKER = "ZEBRA-" + secrets.token_hex(8).upper()


def encodings(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def scan(folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        for path in all_files(folder):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if any(e in data for e in encodings(MARKER)):
                found.append(path)
    return found


def recently_written(folders: list[Path], since: float) -> list[Path]:
    """Folders in the shared system temp folders with files written during the test."""
    found = set()
    for folder in folders:
        for path in all_files(folder) if folder.is_dir() else []:
            try:
                if path.is_file() and path.stat().st_mtime >= since:
                    found.add(path.parent)
            except OSError:
                continue
    return sorted(found)


def test_marker_in_notes_never_reaches_the_disk_in_plain_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = time.time() - 1
    temp = tmp_path / "tmp"
    temp.mkdir()
    # Python and SQLite look for a temp folder in these variables; point them at one we can scan whole.
    for name in ("TMPDIR", "SQLITE_TMPDIR"):
        monkeypatch.setenv(name, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    folder = tmp_path / "vault"
    vault, _key = Vault.create(folder, PASSPHRASE)
    with vault:
        c = vault.repo.save(client(notes=f"alku {MARKER} loppu"))
        meeting = vault.repo.save(Meeting(client_id=c.id, on=date(2026, 3, 1), notes=MARKER * 200))
        # Hold the data while the WAL is live, then edit and search: every write path runs.
        assert scan([folder, temp]) == []
        meeting.notes = f"muutettu {MARKER}"
        vault.repo.save(meeting)
        assert vault.repo.search_clients(MARKER)
        big_sort = vault.connection.execute("SELECT data FROM records ORDER BY data DESC, random()").fetchall()
        assert big_sort
        assert scan([folder, temp]) == []
    assert scan([folder, temp, Path(os.environ["HOME"])]) == []
    system_temp = [Path("/tmp"), Path("/var/tmp")] if os.name == "posix" else []
    assert scan(recently_written(system_temp, started)) == []
