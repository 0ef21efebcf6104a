"""Numbered schema migrations (`migrations/NNNN_name.sql`), each applied in one transaction; the schema
version lives in `PRAGMA user_version` (the number of the last migration applied). Shipped migrations are never
edited: add the next number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from tyokykyapp.vault.database import Connection, known_errors
from tyokykyapp.vault.errors import VaultTooNew

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


def all_migrations() -> list[Migration]:
    folder = resources.files("tyokykyapp.vault") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.number)
    if [m.number for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migration numbers must run 1, 2, 3 ... without gaps")
    return found


def latest_version() -> int:
    return all_migrations()[-1].number


def schema_version(connection: Connection) -> int:
    with known_errors():
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: Connection, target: int | None = None) -> list[int]:
    """Bring the schema up to `target` (default: the newest). Returns the numbers applied."""
    migrations = all_migrations()
    target = migrations[-1].number if target is None else target
    current = schema_version(connection)
    if current > migrations[-1].number:
        raise VaultTooNew()
    applied = []
    for migration in [m for m in migrations if current < m.number <= target]:
        with known_errors():
            try:
                # executescript runs the statements in our explicit transaction; user_version is
                # transactional, so the schema and its number change together or not at all.
                connection.executescript(
                    f"BEGIN IMMEDIATE;\n{migration.sql}\nPRAGMA user_version = {migration.number};\nCOMMIT;"
                )
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        applied.append(migration.number)
    return applied
