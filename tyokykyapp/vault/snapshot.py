"""Copies of the encrypted database: written with SQLite's online backup API through the vault's own connection
(the database is locked exclusively while open, so no second connection could read it), and opened read-only
to verify them, count their clients, or restore them. A copy stays encrypted under the data key it was made
with; nothing is ever decrypted to disk."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from tyokykyapp.i18n import _
from tyokykyapp.vault.database import Connection, DatabaseError, Progress, known_errors
from tyokykyapp.vault.errors import DatabaseDamaged, DatabaseEmpty, StorageFailed, VaultError
from tyokykyapp.vault.files import create_private_file
from tyokykyapp.vault.migrations import latest_version
from tyokykyapp.vault.repository import GET_SETTING_SQL, VAULT_ID_KEY

# Pages copied per step of the backup: small enough for a moving progress bar (4 MiB), large enough that
# stepping costs nothing measurable.
STEP_PAGES = 1024


def _keyed(connection: Connection, data_key: bytes) -> None:
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")


def copy_database(source: Connection, target: Path, data_key: bytes, progress: Progress | None = None) -> None:
    """Write a consistent copy of `source` (the vault's open connection) to the new file `target`, encrypted
    under the same data key. Writes made through `source` while the copy runs are carried into it (SQLite
    updates the copy), so it holds the database as it was when the copy ended. The copy uses a rollback
    journal, not a write-ahead log: a read-only open then needs no file beside it."""
    create_private_file(target)
    with known_errors():
        copy = sqlcipher.connect(str(target), isolation_level=None, check_same_thread=False, timeout=0)
        try:
            _keyed(copy, data_key)

            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            source.backup(copy, pages=STEP_PAGES, progress=step)
            copy.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            copy.close()
    try:
        with target.open("rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as error:
        raise StorageFailed() from error


def open_copy(path: Path, data_key: bytes) -> Connection:
    """A read-only connection to a copy: opening, checking or counting never changes a backup."""
    if not path.is_file():
        raise DatabaseDamaged(_("The backup's database (vault.db) is missing."))
    with known_errors():
        connection = sqlcipher.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None, check_same_thread=False, timeout=0
        )
        try:
            _keyed(connection, data_key)
            connection.execute("PRAGMA query_only = ON")
            connection.execute("PRAGMA temp_store = MEMORY")  # sorting never spills decrypted pages to disk
            if connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                raise DatabaseEmpty()
        except BaseException:
            connection.close()
            raise
    return connection


def count_clients(connection: Connection) -> int:
    """The clients in a copy, the bin left out."""
    with known_errors():
        return int(connection.execute("SELECT count(*) FROM clients WHERE deleted_at IS NULL").fetchone()[0])


# The two checks of a copy, run side by side on their own connections (each decrypts every page it reads;
# together they take as long as the slower one): every page's authentication code (a changed byte anywhere
# is found), and the structure of every table and index.
PAGE_CHECK = "PRAGMA cipher_integrity_check"
STRUCTURE_CHECK = "PRAGMA quick_check"


def _check(path: Path, data_key: bytes, pragma: str) -> list[str]:
    try:
        connection = open_copy(path, data_key)
    except VaultError as error:
        return [str(error)]
    try:
        with known_errors():
            rows = connection.execute(pragma).fetchall()
    except (VaultError, DatabaseError) as error:
        return [str(error)]
    finally:
        connection.close()
    if pragma == PAGE_CHECK:
        return [_("page: {problem}").format(problem=row[0]) for row in rows]
    return [_("structure: {problem}").format(problem=row[0]) for row in rows if row[0] != "ok"]


def _belongs(path: Path, data_key: bytes, vault_id: str) -> list[str]:
    try:
        connection = open_copy(path, data_key)
        try:
            with known_errors():
                row = connection.execute(GET_SETTING_SQL, (VAULT_ID_KEY,)).fetchone()
                version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        finally:
            connection.close()
    except (VaultError, DatabaseError) as error:
        return [str(error)]
    problems = []
    if row is not None and json.loads(row[0]) != vault_id:
        problems.append(_("The backup's database belongs to another vault than its key file."))
    if version > latest_version():
        problems.append(_("The backup was made by a newer version of Työkyky. Update the app first."))
    return problems


def verify_copy(path: Path, data_key: bytes, vault_id: str, *, structure: bool = True) -> list[str]:
    """What is wrong with the copy at `path`, opened read-only (empty when it is sound): its pages, its
    structure (skipped with `structure=False`, when its bytes were just proven equal to a copy whose structure
    was checked), the vault it belongs to and its version. A copy that does not open is one problem."""
    checks = [PAGE_CHECK, STRUCTURE_CHECK] if structure else [PAGE_CHECK]
    found: dict[str, list[str]] = {}
    failures: list[BaseException] = []

    def run(pragma: str) -> None:
        try:
            found[pragma] = _check(path, data_key, pragma)
        except BaseException as error:  # a bug: raised again on the calling thread
            failures.append(error)

    side = [threading.Thread(target=run, args=(pragma,), name="copy check") for pragma in checks[1:]]
    for thread in side:
        thread.start()
    run(checks[0])
    for thread in side:
        thread.join()
    if failures:
        raise failures[0]
    problems = [problem for pragma in checks for problem in found[pragma]]
    return problems or _belongs(path, data_key, vault_id)
