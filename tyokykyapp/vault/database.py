"""The SQLCipher connection: keyed with the raw data key, hardened pragmas, one transaction helper, the
re-encryption under a new key, and the sorting of database errors into known environment problems (plain
messages) versus bugs (raised)."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from tyokykyapp.vault.errors import DatabaseDamaged, DatabaseEmpty, StorageFailed, VaultError, VaultInUse

Connection = Any  # sqlcipher3 ships no type information
DatabaseError = sqlcipher.DatabaseError
Progress = Callable[[int, int], None]

_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    # Sorting and temporary indexes stay in memory: nothing decrypted is ever spilled to a temp file.
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    # 64 MiB of decrypted pages in memory (never on disk). SQLCipher decrypts every page it reads; with the
    # default 8 MiB the due list of a 1,000-client caseload re-read pages and took 53 ms instead of 11 ms.
    "PRAGMA cache_size = -65536",
)


def classify(error: Exception) -> VaultError | None:
    """The plain-message error for a known environment problem, or None for a bug."""
    text = str(error).lower()
    if "full" in text or "disk i/o" in text or "readonly" in text or "unable to open" in text:
        return StorageFailed()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseDamaged()
    if "locked" in text or "busy" in text:
        return VaultInUse()
    return None


@contextlib.contextmanager
def known_errors() -> Iterator[None]:
    """Turn known database problems into VaultErrors; anything else is a bug and propagates."""
    try:
        yield
    except DatabaseError as error:
        known = classify(error)
        if known is None:
            raise
        raise known from None


def connect(path: Path, data_key: bytes, *, create: bool = False) -> Connection:
    """Open the database with its data key. Only `create` accepts a database without tables: an empty file is
    what a failed copy leaves, and making it a new vault would hide the loss (DatabaseEmpty)."""
    if not create and not path.is_file():
        raise DatabaseDamaged()
    with known_errors():
        # Locked by another process (only when vault.lock was deleted: see locking_mode below): refuse at once
        # rather than after the module's default five seconds.
        connection = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False, timeout=0)
        try:
            # SQLCipher's own log would go to the terminal; the app reports problems itself.
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
            # The database file itself stays locked while it is open, so no other process gets in even when
            # vault.lock was deleted; set before the first read, it also keeps the WAL index in memory (no
            # -shm file, which a full disk could not size).
            connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            # The first read proves the key and the file: a wrong key reads as "not a database".
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables == 0 and not create:
                raise DatabaseEmpty()
            for pragma in _PRAGMAS:
                connection.execute(pragma)
        except BaseException:
            connection.close()
            raise
    return connection


@contextlib.contextmanager
def transaction(connection: Connection) -> Iterator[Connection]:
    """One write transaction: everything inside is committed together or not at all. Inside a transaction
    already open, the work joins it: the outer one commits or rolls back everything."""
    if connection.in_transaction:
        yield connection
        return
    with known_errors():
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")


def compact(connection: Connection) -> None:
    """Rebuild the database file without its free pages (VACUUM), then empty the write-ahead log, whose
    frames hold earlier images of the pages: after an erasure, nothing of what was erased stays in either."""
    with known_errors():
        # First the log (needs no room on the disk), then the rebuild, which may not find room for its copy.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def rekey(
    connection: Connection, path: Path, data_key: bytes, committed: threading.Event, progress: Progress | None = None
) -> None:
    """Re-encrypt every page under `data_key` (SQLCipher's rekey) in one transaction: a crash leaves the
    database under the old key or the new one, and `committed` says which, whatever this raises.

    SQLCipher reports no progress; the pages written are read off the write-ahead log as it grows. The rekey
    cannot be stopped halfway: an interruption (Ctrl-C, a failing progress callback) waits for it to end."""
    with known_errors():
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
        frame = int(connection.execute("PRAGMA page_size").fetchone()[0]) + 24
    log = path.with_name(path.name + "-wal")
    failure: list[BaseException] = []

    def run() -> None:
        try:
            connection.execute(f"PRAGMA rekey = \"x'{data_key.hex()}'\"").fetchall()
            committed.set()
        except BaseException as error:  # handed to the calling thread, which raises it
            failure.append(error)

    worker = threading.Thread(target=run, name="rekey")
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.05)
            if progress is not None:
                with contextlib.suppress(OSError):
                    progress(min(pages, os.stat(log).st_size // frame), pages)
    finally:
        while worker.is_alive():
            with contextlib.suppress(BaseException):  # a second Ctrl-C must not leave it running unseen
                worker.join()
    if failure:
        with known_errors():
            raise failure[0]
    # Old pages leave the database file now; if the disk refuses, the next checkpoint moves them.
    with contextlib.suppress(DatabaseError):
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if progress is not None:
        progress(pages, pages)
