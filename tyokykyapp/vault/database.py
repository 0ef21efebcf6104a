"""The SQLCipher connection: keyed with the raw data key, hardened pragmas, one transaction helper, and
the sorting of database errors into known environment problems (plain messages) versus bugs (raised)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from tyokykyapp.vault.errors import DatabaseDamaged, StorageFailed, VaultError, VaultInUse

Connection = Any  # sqlcipher3 ships no type information
DatabaseError = sqlcipher.DatabaseError

_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    # Sorting and temporary indexes stay in memory: nothing decrypted is ever spilled to a temp file.
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 2000",
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
    if not create and not path.is_file():
        raise DatabaseDamaged()
    with known_errors():
        connection = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            # SQLCipher's own log would go to the terminal; the app reports problems itself.
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
            # The first read proves the key and the file: a wrong key reads as "not a database".
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
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
