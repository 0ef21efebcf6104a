"""Whether the vault changed since its last backup: a mark in the settings table, set in the same transaction
as any change to a client, a record or a setting (so a crash cannot lose it), and cleared by a verified
backup. The triggers are TEMP triggers of the vault's connection, made at every unlock: no schema change, and
nothing written unless something changed.

Writes that hold nothing to back up do not count: the due results kept as a cache, the list of recently
opened clients, and the backup bookkeeping itself."""

from __future__ import annotations

from tyokykyapp.vault.database import Connection, known_errors, transaction
from tyokykyapp.vault.due_cache import RULES_KEY
from tyokykyapp.vault.repository import RECENT_KEY

MARK_KEY = "changed_since_backup"
# Settings that are caches or bookkeeping: losing them loses nothing, so writing them is no reason to back up.
NOT_CHANGES = (MARK_KEY, RECENT_KEY, RULES_KEY)

_SET_MARK = (
    f"INSERT INTO main.settings (key, value) SELECT '{MARK_KEY}', 'true'"
    f" WHERE NOT EXISTS (SELECT 1 FROM main.settings WHERE key = '{MARK_KEY}')"
)
_SKIPPED = ", ".join(f"'{key}'" for key in NOT_CHANGES)


def _triggers() -> list[str]:
    statements = []
    for table in ("clients", "records"):
        for event in ("INSERT", "UPDATE", "DELETE"):
            statements.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS backup_mark_{table}_{event.lower()}"
                f" AFTER {event} ON main.{table} BEGIN {_SET_MARK}; END"
            )
    for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old")):
        statements.append(
            f"CREATE TEMP TRIGGER IF NOT EXISTS backup_mark_settings_{event.lower()}"
            f" AFTER {event} ON main.settings WHEN {row}.key NOT IN ({_SKIPPED}) BEGIN {_SET_MARK}; END"
        )
    return statements


def track_changes(connection: Connection) -> None:
    with known_errors():
        for statement in _triggers():
            connection.execute(statement)


def changed_since_backup(connection: Connection) -> bool:
    with known_errors():
        return connection.execute("SELECT 1 FROM settings WHERE key = ?", (MARK_KEY,)).fetchone() is not None


def set_mark(connection: Connection) -> None:
    """A change no trigger sees: the database re-encrypted under a new data key (a change of secrets), after
    which no backup opens with the new secrets until the next one is made."""
    with transaction(connection):
        connection.execute(_SET_MARK)


def clear_mark(connection: Connection) -> None:
    """After a verified backup of the database as it is now (nothing may be written in between)."""
    with transaction(connection):
        connection.execute("DELETE FROM settings WHERE key = ?", (MARK_KEY,))
