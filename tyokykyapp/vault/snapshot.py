"""Copies of the encrypted database: its bytes copied as they are (still encrypted, nothing decrypted or
encrypted again) while the vault holds the database exclusively, and opened read-only to verify them, count
their clients, or restore them. A copy stays encrypted under the data key it was made with; nothing is ever
decrypted to disk."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from tyokykyapp.i18n import _
from tyokykyapp.vault.database import Connection, DatabaseError, Progress, known_errors
from tyokykyapp.vault.errors import DatabaseDamaged, DatabaseEmpty, StorageFailed, VaultError
from tyokykyapp.vault.files import copy_hashed
from tyokykyapp.vault.migrations import latest_version
from tyokykyapp.vault.repository import GET_SETTING_SQL, VAULT_ID_KEY

# Every page's authentication code (HMAC-SHA512 under the data key): a changed byte anywhere is found, and
# only the holder of the data key could have written a page that passes. It reads the file itself, page by
# page, not through the cache or the write-ahead log.
PAGE_CHECK = "PRAGMA cipher_integrity_check"


def _keyed(connection: Connection, data_key: bytes) -> None:
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")


@dataclass(frozen=True)
class Copied:
    sha256: str  # of the copy's bytes, taken as they were written
    problems: list[str]  # what the page check found in the bytes copied (empty when every page is sound)


def copy_database(source: Connection, path: Path, target: Path, progress: Progress | None = None) -> Copied:
    """Copy the database file `path` of the open connection `source` byte for byte to the new file `target`,
    while the page check reads the same bytes on the other core.

    Consistent without copying through SQLite: every change is first folded into the file (a TRUNCATE
    checkpoint), and while the copy runs the file does not change. The vault holds the database exclusively
    (no other connection exists), and the automatic checkpoint is off: writes made meanwhile through
    `source` stay in the write-ahead log. The copy is the database as it was when the copy began."""
    with known_errors():
        busy = source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:  # cannot happen while the vault holds the database; a copy now could be torn
            raise StorageFailed()
        every = int(source.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        source.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        pages: list[str] = []
        failures: list[BaseException] = []

        def check() -> None:
            try:
                with known_errors():
                    pages.extend(str(row[0]) for row in source.execute(PAGE_CHECK).fetchall())
            except (VaultError, DatabaseError) as error:
                pages.append(str(error))
            except BaseException as error:  # a bug: raised again on the calling thread
                failures.append(error)

        checking = threading.Thread(target=check, name="page check")
        checking.start()
        total, done = max(path.stat().st_size, 1), [0]

        def copied(chunk: int) -> None:
            done[0] += chunk
            if progress is not None:
                progress(min(done[0], total), total)

        try:
            digest = copy_hashed(path, target, copied)
        except OSError as error:
            raise StorageFailed() from error
        finally:
            checking.join()
        if failures:
            raise failures[0]
    finally:
        with known_errors():
            source.execute(f"PRAGMA wal_autocheckpoint = {every}")
    return Copied(digest, [_("page: {problem}").format(problem=p) for p in pages])


def open_copy(path: Path, data_key: bytes) -> Connection:
    """A read-only connection to a copy: opening, checking or counting never changes a backup. Opened as
    immutable: a byte copy of a database in write-ahead-log mode would otherwise get log files beside it."""
    if not path.is_file():
        raise DatabaseDamaged(_("The backup's database (vault.db) is missing."))
    with known_errors():
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        connection = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=0)
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


def _page_problems(path: Path, data_key: bytes) -> list[str]:
    try:
        connection = open_copy(path, data_key)
    except VaultError as error:
        return [str(error)]
    try:
        with known_errors():
            rows = connection.execute(PAGE_CHECK).fetchall()
    except (VaultError, DatabaseError) as error:
        return [str(error)]
    finally:
        connection.close()
    return [_("page: {problem}").format(problem=row[0]) for row in rows]


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


def verify_copy(path: Path, data_key: bytes, vault_id: str, *, pages: bool = True) -> list[str]:
    """What is wrong with the copy at `path`, opened read-only (empty when it is sound): its pages (skipped
    with `pages=False`, when they were checked as the copy was written), the vault it belongs to and its
    version. A copy that does not open is one problem."""
    problems = _page_problems(path, data_key) if pages else []
    return problems or _belongs(path, data_key, vault_id)
