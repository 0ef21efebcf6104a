"""Rows as they are stored, for the handover file: clients and records with their versions, timestamps,
soft-delete marks and earlier versions, and the employers they refer to. Reading and inserting only;
what to insert is decided by the handover merge."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from tyokykyapp.domain import Client
from tyokykyapp.domain.codec import from_json
from tyokykyapp.vault.database import Connection
from tyokykyapp.vault.repository import client_list_columns

Row = dict[str, Any]

_CLIENT_SQL = "SELECT id, data, version, created_at, updated_at, deleted_at FROM clients WHERE id = ?"
_RECORD_COLUMNS = "id, kind, client_id, data, version, created_at, updated_at, deleted_at"
_REVISION_COLUMNS = "record_id, version, kind, client_id, data, saved_at"


def _client_row(row: tuple[Any, ...]) -> Row:
    return {
        "id": row[0],
        "data": json.loads(row[1]),
        "version": row[2],
        "created_at": row[3],
        "updated_at": row[4],
        "deleted_at": row[5],
    }


def _record_row(row: tuple[Any, ...]) -> Row:
    return {
        "id": row[0],
        "kind": row[1],
        "client_id": row[2],
        "data": json.loads(row[3]),
        "version": row[4],
        "created_at": row[5],
        "updated_at": row[6],
        "deleted_at": row[7],
    }


def _revision_row(row: tuple[Any, ...]) -> Row:
    return {
        "record_id": row[0],
        "version": row[1],
        "kind": row[2],
        "client_id": row[3],
        "data": json.loads(row[4]),
        "saved_at": row[5],
    }


class Transfer:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    # --- reading -----------------------------------------------------------------------------------

    def client_row(self, client_id: str) -> Row | None:
        row = self._db.execute(_CLIENT_SQL, (client_id,)).fetchone()
        return _client_row(row) if row else None

    def record_rows(self, client_id: str) -> list[Row]:
        rows = self._db.execute(
            f"SELECT {_RECORD_COLUMNS} FROM records WHERE client_id = ? ORDER BY on_date, seq", (client_id,)
        )
        return [_record_row(r) for r in rows]

    def count_records(self, client_ids: list[str]) -> int:
        """How many records `record_rows` gives for these clients together."""
        row = self._db.execute(
            "SELECT count(*) FROM records WHERE client_id IN (SELECT value FROM json_each(?))",
            (json.dumps(client_ids),),
        ).fetchone()
        return int(row[0])

    def record_row(self, record_id: str) -> Row | None:
        row = self._db.execute(f"SELECT {_RECORD_COLUMNS} FROM records WHERE id = ?", (record_id,)).fetchone()
        return _record_row(row) if row else None

    def owner_of(self, record_id: str) -> tuple[str, str | None] | None:
        """(kind, client id) of whatever uses `record_id` here: a client (its own id) or a record."""
        row = self._db.execute(
            "SELECT 'client', id FROM clients WHERE id = ? UNION ALL SELECT kind, client_id FROM records WHERE id = ?",
            (record_id, record_id),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def revision_rows(self, record_ids: list[str]) -> list[Row]:
        found: list[Row] = []
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start : start + 500]
            rows = self._db.execute(
                f"SELECT {_REVISION_COLUMNS} FROM revisions WHERE record_id IN ({', '.join('?' * len(chunk))})"
                " ORDER BY record_id, version",
                chunk,
            )
            found += [_revision_row(r) for r in rows]
        return found

    # --- inserting (inside the caller's transaction) ------------------------------------------------

    def insert_client(self, row: Row) -> None:
        client = from_json(Client, row["data"])
        self._db.execute(
            "INSERT INTO clients (family_name, given_names, sort_name, phase, maintenance_level, phase_since,"
            " started_on, id, data, version, created_at, updated_at, deleted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *client_list_columns(client),
                row["id"],
                json.dumps(row["data"], ensure_ascii=False, separators=(",", ":")),
                row["version"],
                row["created_at"],
                row["updated_at"],
                row["deleted_at"],
            ),
        )

    def insert_record(self, row: Row, main_date: str | None) -> None:
        self._db.execute(
            f"INSERT INTO records ({_RECORD_COLUMNS}, on_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row["id"],
                row["kind"],
                row["client_id"],
                json.dumps(row["data"], ensure_ascii=False, separators=(",", ":")),
                row["version"],
                row["created_at"],
                row["updated_at"],
                row["deleted_at"],
                main_date,
            ),
        )

    def insert_revision(self, row: Row) -> None:
        self._db.execute(
            f"INSERT OR IGNORE INTO revisions ({_REVISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
            (
                row["record_id"],
                row["version"],
                row["kind"],
                row["client_id"],
                json.dumps(row["data"], ensure_ascii=False, separators=(",", ":")),
                row["saved_at"],
            ),
        )

    def content_digest(self) -> str:
        """A fingerprint of everything stored (tests prove a refused import changed nothing)."""
        digest = hashlib.sha256()
        for table, order in (
            ("clients", "id"),
            ("records", "id"),
            ("revisions", "record_id, version"),
            ("settings", "key"),
        ):
            for row in self._db.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                digest.update(repr(row).encode("utf-8"))
        return digest.hexdigest()
