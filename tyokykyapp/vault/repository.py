"""All SQL about records: save with revision history, load, soft delete and purge, search, due facts.

Records are stored as the JSON of `domain.codec`; the columns beside it exist for indexes and lists.
Every public method that writes runs in one transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal, TypeVar

from tyokykyapp.domain import (
    FILE_LISTS,
    RECORD_TYPES,
    Client,
    ClientFile,
    Closure,
    Employer,
    EmployerContact,
    Episode,
    NotFound,
    Phase,
    Record,
    ServicePeriod,
    validate,
)
from tyokykyapp.domain.client_file import service_periods
from tyokykyapp.domain.codec import from_json, to_json
from tyokykyapp.domain.enums import MaintenanceLevel
from tyokykyapp.i18n import _
from tyokykyapp.process.due import DueFacts
from tyokykyapp.vault import due_facts
from tyokykyapp.vault.database import Connection, known_errors, transaction

R = TypeVar("R", bound=Record)
_TIMESTAMPS = ("created_at", "updated_at")


def utc_now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _encode(record: Record) -> str:
    data = to_json(record)
    for name in _TIMESTAMPS:
        data.pop(name, None)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _decode(kind: str, data: str, created_at: str, updated_at: str) -> Record:
    record = from_json(RECORD_TYPES[kind], json.loads(data))
    record.created_at = datetime.fromisoformat(created_at)
    record.updated_at = datetime.fromisoformat(updated_at)
    return record


@dataclass(frozen=True, kw_only=True)
class ClientSummary:
    """One row of the client list."""

    id: str
    name: str
    family_name: str
    given_names: str
    phase: Phase
    maintenance_level: MaintenanceLevel | None
    phase_since: date
    started_on: date
    deleted_at: datetime | None = None
    date_of_birth: date | None = None  # tells two clients of the same name apart


@dataclass(frozen=True)
class ErasedCounts:
    clients: int
    records: int
    earlier_versions: int


@dataclass(frozen=True, kw_only=True)
class Revision:
    version: int
    saved_at: datetime
    record: Record


_CLIENT_COLUMNS = (
    "id, family_name, given_names, phase, maintenance_level, phase_since, started_on, deleted_at,"
    " json_extract(data, '$.date_of_birth')"
)


def client_list_columns(client: Client) -> tuple[Any, ...]:
    """The clients-table columns beside the JSON: family_name ... started_on, in table order."""
    return (
        client.family_name,
        client.given_names,
        client.sort_name,
        client.phase.value,
        client.maintenance_level.value if client.maintenance_level else None,
        client.phase_since.isoformat(),
        client.started_on.isoformat(),
    )


# The covering index keeps a first search after unlocking from reading every matching client's whole row.
SEARCH_CLIENTS_SQL = (
    "SELECT id FROM clients INDEXED BY clients_by_seq WHERE deleted_at IS NULL AND seq IN ("
    " SELECT rowid FROM client_text WHERE client_text MATCH :q"
    " UNION SELECT rowid >> 32 FROM record_text WHERE record_text MATCH :q)"
)
# Clients handed over to another coach (read-only here), through the partial index of migration 0007 (its
# condition written exactly as there): SQLite's planner would otherwise walk the whole caseload's index.
_HANDED_OVER = (
    "clients INDEXED BY clients_handed_over"
    " WHERE deleted_at IS NULL AND json_extract(data, '$.handed_over_on') IS NOT NULL"
)
# The client list's sort orders (clients() accepts only these): the process order for phases and levels, days
# in the phase (fewest first when ascending), clients without a date of birth last.
ClientOrder = Literal["name", "born", "phase", "level", "in_phase", "started"]
_PHASE_ORDER = " ".join(f"WHEN '{p.value}' THEN {n}" for n, p in enumerate(Phase))
_LEVEL_ORDER = " ".join(f"WHEN '{m.value}' THEN {n}" for n, m in enumerate(MaintenanceLevel))
_ORDER_BY: dict[str, str] = {
    "name": "sort_name {d}",
    "born": "json_extract(data, '$.date_of_birth') IS NULL, json_extract(data, '$.date_of_birth') {d}",
    "phase": f"CASE phase {_PHASE_ORDER} END {{d}}",
    "level": f"maintenance_level IS NULL, CASE maintenance_level {_LEVEL_ORDER} END {{d}}",
    "in_phase": "-julianday(phase_since) {d}",
    "started": "started_on {d}",
}
GET_SETTING_SQL = "SELECT value FROM settings WHERE key = ?"
VAULT_ID_KEY = "vault_id"  # the setting that binds the database to its key file
RECENT_KEY = "recent_clients"  # the clients opened last (services/recent.py)
SET_SETTING_SQL = (
    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
# Every earlier version of the erased clients (a JSON list of ids, given twice) and of their records.
_ERASED_REVISIONS = (
    "client_id IN (SELECT value FROM json_each(?))"
    " OR record_id IN (SELECT id FROM records WHERE client_id IN (SELECT value FROM json_each(?)))"
)
_CURRENT_VERSION_SQL = {
    "clients": "SELECT version, 'client', id, data, updated_at FROM clients WHERE id = ?",
    "records": "SELECT version, kind, client_id, data, updated_at FROM records WHERE id = ?",
}


def _summary(row: tuple[Any, ...]) -> ClientSummary:
    return ClientSummary(
        id=row[0],
        name=f"{row[2]} {row[1]}".strip(),
        family_name=row[1],
        given_names=row[2],
        phase=Phase(row[3]),
        maintenance_level=MaintenanceLevel(row[4]) if row[4] else None,
        phase_since=date.fromisoformat(row[5]),
        started_on=date.fromisoformat(row[6]),
        deleted_at=datetime.fromisoformat(row[7]) if row[7] else None,
        date_of_birth=date.fromisoformat(row[8]) if row[8] else None,
    )


def fts_query(text: str) -> str | None:
    """Each word the user typed becomes a quoted prefix term; None when nothing searchable is left. Control
    characters (a NUL pasted from elsewhere ends an FTS5 string early) separate words like spaces."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    words = [word.replace('"', '""') for word in printable.split()]
    terms = [f'"{word}"*' for word in words if any(ch.isalnum() for ch in word)]
    return " ".join(terms) or None


class Repository:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    # --- writing -----------------------------------------------------------------------------------

    def save(self, record: R, *, now: datetime | None = None) -> R:
        """Insert or update `record` in its own transaction; returns it with timestamps set."""
        with transaction(self._db):
            return self.save_in_transaction(record, now=now)

    def save_in_transaction(self, record: R, *, now: datetime | None = None) -> R:
        """Insert or update inside a transaction the caller holds (services group several saves)."""
        validate(record)
        moment = _stamp(now or utc_now())
        if isinstance(record, Client):
            self._save_client(record, moment)
        else:
            self._save_record(record, moment)
        row = self._db.execute(
            f"SELECT created_at, updated_at FROM {self._table(record)} WHERE id = ?", (record.id,)
        ).fetchone()
        record.created_at, record.updated_at = datetime.fromisoformat(row[0]), datetime.fromisoformat(row[1])
        return record

    @staticmethod
    def _table(record: Record) -> str:
        return "clients" if isinstance(record, Client) else "records"

    def _keep_revision(self, table: str, record_id: str) -> int | None:
        """Copy the current version into the history; returns its version, None for a new record."""
        row = self._db.execute(_CURRENT_VERSION_SQL[table], (record_id,)).fetchone()
        if row is None:
            return None
        self._db.execute(
            "INSERT INTO revisions (record_id, version, kind, client_id, data, saved_at) VALUES (?, ?, ?, ?, ?, ?)",
            (record_id, *row),
        )
        return int(row[0])

    def _save_client(self, client: Client, moment: str) -> None:
        previous = self._keep_revision("clients", client.id)
        values = (*client_list_columns(client), _encode(client))
        if previous is None:
            self._db.execute(
                "INSERT INTO clients (family_name, given_names, sort_name, phase, maintenance_level, phase_since,"
                " started_on, data, id, version, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                (*values, client.id, moment, moment),
            )
        else:
            self._db.execute(
                "UPDATE clients SET family_name = ?, given_names = ?, sort_name = ?, phase = ?,"
                " maintenance_level = ?, phase_since = ?, started_on = ?, data = ?,"
                " version = ?, updated_at = ? WHERE id = ?",
                (*values, previous + 1, moment, client.id),
            )

    def _save_record(self, record: Record, moment: str) -> None:
        client_id = record.owner_client_id()
        if client_id is not None and not self._exists("clients", client_id):
            raise NotFound(_("The client of this record does not exist."))
        main_date = record.main_date()
        values = (client_id, main_date.isoformat() if main_date else None, _encode(record))
        previous = self._keep_revision("records", record.id)
        if previous is None:
            self._db.execute(
                "INSERT INTO records (client_id, on_date, data, id, kind, version, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                (*values, record.id, record.KIND, moment, moment),
            )
        else:
            self._db.execute(
                "UPDATE records SET client_id = ?, on_date = ?, data = ?, version = ?, updated_at = ? WHERE id = ?",
                (*values, previous + 1, moment, record.id),
            )

    def _exists(self, table: str, record_id: str) -> bool:
        return self._db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone() is not None

    def _set_deleted(self, table: str, record_id: str, deleted_at: str | None) -> None:
        with transaction(self._db):
            cursor = self._db.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", (deleted_at, record_id))
            if cursor.rowcount == 0:
                raise NotFound(_("No such record."))

    def delete_client(self, client_id: str, *, now: datetime | None = None) -> None:
        """Soft delete: the client moves to the bin and can be restored until purged."""
        self._set_deleted("clients", client_id, _stamp(now or utc_now()))

    def restore_client(self, client_id: str) -> None:
        self._set_deleted("clients", client_id, None)

    def delete_record(self, record_id: str, *, now: datetime | None = None) -> None:
        self._set_deleted("records", record_id, _stamp(now or utc_now()))

    def restore_record(self, record_id: str) -> None:
        self._set_deleted("records", record_id, None)

    def erase_in_transaction(self, client_ids: Collection[str]) -> ErasedCounts:
        """Erase clients for good inside the caller's transaction: each client, every record and every earlier
        version, their search-index entries (the index merged, so no old segment keeps a word of theirs) and
        their place in the recently opened list. `secure_delete` overwrites the freed space."""
        ids = json.dumps(list(client_ids))
        chosen = "IN (SELECT value FROM json_each(?))"
        with known_errors():
            counts = ErasedCounts(
                clients=self._count(f"clients WHERE id {chosen}", ids),
                records=self._count(f"records WHERE client_id {chosen}", ids),
                earlier_versions=self._count(f"revisions WHERE {_ERASED_REVISIONS}", ids, ids),
            )
            self._db.execute(f"DELETE FROM revisions WHERE {_ERASED_REVISIONS}", (ids, ids))
            self._db.execute(f"DELETE FROM records WHERE client_id {chosen}", (ids,))
            self._db.execute(f"DELETE FROM clients WHERE id {chosen}", (ids,))
            for index in ("client_text", "record_text"):
                self._db.execute(f"INSERT INTO {index} ({index}) VALUES ('optimize')")
            recent = self.setting(RECENT_KEY, [])
            if isinstance(recent, list) and not set(recent).isdisjoint(client_ids):
                kept = [c for c in recent if c not in set(client_ids)]
                self._db.execute(SET_SETTING_SQL, (RECENT_KEY, json.dumps(kept)))
        return counts

    def _count(self, rows: str, *params: str) -> int:
        return int(self._db.execute(f"SELECT count(*) FROM {rows}", params).fetchone()[0])

    def purge_client(self, client_id: str) -> None:
        """Erase a client in the bin for good: the client, every record and every earlier version."""
        with transaction(self._db):
            if not self.is_deleted(client_id):
                raise NotFound(_("Only a client in the bin can be erased. Delete the client first."))
            self.erase_in_transaction([client_id])

    # --- reading -----------------------------------------------------------------------------------

    def get(self, cls: type[R], record_id: str) -> R:
        with known_errors():
            if cls is Client:
                row = self._db.execute(
                    "SELECT 'client', data, created_at, updated_at FROM clients WHERE id = ?", (record_id,)
                ).fetchone()
            else:
                row = self._db.execute(
                    "SELECT kind, data, created_at, updated_at FROM records WHERE id = ? AND kind = ?",
                    (record_id, cls.KIND),
                ).fetchone()
        if row is None:
            raise NotFound(_("No such record: {id}").format(id=record_id))
        record = _decode(*row)
        assert isinstance(record, cls)
        return record

    def is_deleted(self, client_id: str) -> bool:
        row = self._db.execute("SELECT deleted_at FROM clients WHERE id = ?", (client_id,)).fetchone()
        if row is None:
            raise NotFound(_("No such client: {id}").format(id=client_id))
        return row[0] is not None

    def client_file(self, client_id: str) -> ClientFile:
        """Everything recorded about one client (records in the bin left out), each list in date order."""
        file = ClientFile(client=self.get(Client, client_id))
        with known_errors():
            rows = self._db.execute(
                "SELECT kind, data, created_at, updated_at FROM records"
                " WHERE client_id = ? AND deleted_at IS NULL ORDER BY on_date, seq",
                (client_id,),
            ).fetchall()
        for row in rows:
            getattr(file, FILE_LISTS[row[0]]).append(_decode(*row))
        return file

    @staticmethod
    def _client_filter(
        phase: Phase | None,
        level: MaintenanceLevel | None,
        deleted: bool,
        ids: Collection[str] | None,
        handed_over: bool | None = None,
        closed: bool = True,
    ) -> tuple[str, list[Any]]:
        # Looking up chosen clients goes by id; the unary + keeps SQLite from walking the whole (deleted_at, ...)
        # index instead, which read every client's row (~40 ms for 100 names from 10,000 clients).
        bin_column = "deleted_at" if ids is None else "+deleted_at"
        where = [f"{bin_column} IS NOT NULL" if deleted else f"{bin_column} IS NULL"]
        if handed_over is not None:
            # seq is in every index, so the list keeps its own index; the handed-over few come from theirs.
            where.append(f"seq {'IN' if handed_over else 'NOT IN'} (SELECT seq FROM {_HANDED_OVER})")
        params: list[Any] = []
        if not closed:
            where.append("phase != 'closed'")
        if phase is not None:
            where.append("phase = ?")
            params.append(phase.value)
        if level is not None:
            where.append("maintenance_level = ?")
            params.append(level.value)
        if ids is not None:
            # One JSON parameter: a search can match more clients than SQLite allows parameters.
            where.append("id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(ids)))
        return " AND ".join(where), params

    def count_clients(
        self,
        *,
        phase: Phase | None = None,
        level: MaintenanceLevel | None = None,
        deleted: bool = False,
        ids: Collection[str] | None = None,
        handed_over: bool | None = None,
        closed: bool = True,
    ) -> int:
        """`handed_over`: True only the clients handed over to another coach, False none of them, None all.
        `closed`: False leaves out the clients whose service has ended."""
        if handed_over is False:  # all less the handed-over few: both counts stay on their indexes
            everyone = self.count_clients(phase=phase, level=level, deleted=deleted, ids=ids, closed=closed)
            handed = self.count_clients(
                phase=phase, level=level, deleted=deleted, ids=ids, closed=closed, handed_over=True
            )
            return everyone - handed
        where, params = self._client_filter(phase, level, deleted, ids, handed_over, closed)
        with known_errors():
            return int(self._db.execute(f"SELECT count(*) FROM clients WHERE {where}", params).fetchone()[0])

    def clients(
        self,
        *,
        phase: Phase | None = None,
        level: MaintenanceLevel | None = None,
        deleted: bool = False,
        ids: Collection[str] | None = None,
        handed_over: bool | None = None,
        closed: bool = True,
        order: ClientOrder = "name",
        descending: bool = False,
        limit: int = -1,
        offset: int = 0,
    ) -> list[ClientSummary]:
        """Clients, filtered, one page at a time: by name (family name first) unless `order` says otherwise."""
        where, params = self._client_filter(phase, level, deleted, ids, handed_over, closed)
        direction = "DESC" if descending else "ASC"
        # Every order ends by name and then by seq, so paging never repeats or skips a client.
        sort = f"{_ORDER_BY[order].format(d=direction)}, sort_name {direction}, seq {direction}"
        with known_errors():
            rows = self._db.execute(
                f"SELECT {_CLIENT_COLUMNS} FROM clients WHERE {where} ORDER BY {sort} LIMIT ? OFFSET ?",
                (*params, limit, offset),
            ).fetchall()
        return [_summary(row) for row in rows]

    def closed_before(self, cutoff: date) -> list[ClientSummary]:
        """Closed clients (the bin included) whose closure is before `cutoff`, the longest closed first."""
        with known_errors():
            rows = self._db.execute(
                f"SELECT {_CLIENT_COLUMNS} FROM clients WHERE phase = 'closed' AND phase_since < ?"
                " ORDER BY phase_since, sort_name, seq",
                (cutoff.isoformat(),),
            ).fetchall()
        return [_summary(row) for row in rows]

    def caseload_counts(self) -> dict[tuple[Phase, MaintenanceLevel | None], int]:
        """How many of the coach's own clients are in each phase (and maintenance level): clients handed
        over to another coach are not counted."""
        counts: dict[tuple[Phase, MaintenanceLevel | None], int] = {}
        for sql, sign in (
            ("SELECT phase, maintenance_level, count(*) FROM clients WHERE deleted_at IS NULL", 1),
            (f"SELECT phase, maintenance_level, count(*) FROM {_HANDED_OVER}", -1),
        ):
            for phase, level, n in self._db.execute(f"{sql} GROUP BY phase, maintenance_level"):
                key = (Phase(phase), MaintenanceLevel(level) if level else None)
                counts[key] = counts.get(key, 0) + sign * n
        return {key: n for key, n in counts.items() if n}

    def employers(self) -> list[Employer]:
        rows = self._db.execute(
            "SELECT kind, data, created_at, updated_at FROM records WHERE kind = 'employer' AND deleted_at IS NULL"
            " ORDER BY json_extract(data, '$.name') COLLATE NOCASE, seq"
        ).fetchall()
        return [e for e in (_decode(*row) for row in rows) if isinstance(e, Employer)]

    def all_clients(self) -> list[Client]:
        """Every client not in the bin, whole (a spreadsheet import matches on identity code and birth date)."""
        with known_errors():
            rows = self._db.execute(
                "SELECT 'client', data, created_at, updated_at FROM clients WHERE deleted_at IS NULL ORDER BY seq"
            ).fetchall()
        return [record for row in rows if isinstance(record := _decode(*row), Client)]

    def records_of_kind(self, kind: str) -> list[Record]:
        """Every record of `kind` not in the bin, of clients not in the bin, in date order."""
        with known_errors():
            rows = self._db.execute(
                "SELECT r.kind, r.data, r.created_at, r.updated_at FROM records r"
                " LEFT JOIN clients c ON c.id = r.client_id"
                " WHERE r.kind = ? AND r.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY r.on_date, r.seq",
                (kind,),
            ).fetchall()
        return [_decode(*row) for row in rows]

    def employer_names(self) -> dict[str, str]:
        """Each employer's id and name, without reading whole records (lists and forms name employers)."""
        with known_errors():
            rows = self._db.execute(
                "SELECT id, json_extract(data, '$.name') FROM records WHERE kind = 'employer' AND deleted_at IS NULL"
            ).fetchall()
        return {row[0]: str(row[1] or "") for row in rows}

    def employer_contacts(self, since: date | None = None) -> list[EmployerContact]:
        """The coach's employer-contact log, newest first (contacts of clients in the bin left out)."""
        rows = self._db.execute(
            "SELECT r.kind, r.data, r.created_at, r.updated_at FROM records r"
            " LEFT JOIN clients c ON c.id = r.client_id"
            " WHERE r.kind = 'employer_contact' AND r.deleted_at IS NULL AND c.deleted_at IS NULL"
            " AND r.on_date >= ? ORDER BY r.on_date DESC, r.seq DESC",
            ((since or date.min).isoformat(),),
        ).fetchall()
        return [c for c in (_decode(*row) for row in rows) if isinstance(c, EmployerContact)]

    def history(self, record_id: str) -> list[Revision]:
        """Every version of a record, oldest first; the last one is the current version."""
        current = self._db.execute(
            "SELECT version, 'client', data, created_at, updated_at FROM clients WHERE id = ?"
            " UNION ALL SELECT version, kind, data, created_at, updated_at FROM records WHERE id = ?",
            (record_id, record_id),
        ).fetchone()
        if current is None:
            raise NotFound(_("No such record: {id}").format(id=record_id))
        version, kind, data, created_at, updated_at = current
        earlier = self._db.execute(
            "SELECT version, data, saved_at FROM revisions WHERE record_id = ? ORDER BY version", (record_id,)
        ).fetchall()
        revisions = [
            Revision(version=v, saved_at=datetime.fromisoformat(saved), record=_decode(kind, d, created_at, saved))
            for v, d, saved in earlier
        ]
        revisions.append(
            Revision(
                version=version,
                saved_at=datetime.fromisoformat(updated_at),
                record=_decode(kind, data, created_at, updated_at),
            )
        )
        return revisions

    def search_clients(self, text: str) -> set[str]:
        """Every client (not in the bin) whose name or notes, or whose records' free text, match every word
        typed (as prefixes). Record matches carry their client in their index key (migration 0006)."""
        query = fts_query(text)
        if query is None:
            return set()
        with known_errors():
            rows = self._db.execute(SEARCH_CLIENTS_SQL, {"q": query}).fetchall()
        return {row[0] for row in rows}

    def due_facts(self, today: date, ids: Collection[str] | None = None) -> list[DueFacts]:
        """The facts the due rules need, for every open client (or those of `ids`): vault/due_facts.py."""
        return due_facts.due_facts(self._db, today, ids)

    def service_periods(self) -> dict[str, list[ServicePeriod]]:
        """Every client's service episodes (clients in the bin left out), each with the closure that ended it:
        what the reports count "during the period"."""
        with known_errors():
            rows = self._db.execute(
                "SELECT r.kind, r.data, r.created_at, r.updated_at FROM records r JOIN clients c ON c.id = r.client_id"
                " WHERE r.kind IN (?, ?) AND r.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY r.on_date, r.seq",
                (Episode.KIND, Closure.KIND),
            ).fetchall()
        episodes: dict[str, list[Episode]] = defaultdict(list)
        closures: dict[str, list[Closure]] = defaultdict(list)
        for row in rows:
            record = _decode(*row)
            if isinstance(record, Episode):
                episodes[record.client_id].append(record)
            elif isinstance(record, Closure):
                closures[record.client_id].append(record)
        return {client_id: service_periods(found, closures[client_id]) for client_id, found in episodes.items()}

    def unreadable_records(self) -> list[str]:
        """Records, and earlier versions, whose stored JSON no longer decodes into their kind, or whose kind
        is wrong where they are stored (for the integrity check; the history shows every earlier version)."""
        problems = []
        rows = self._db.execute(
            "SELECT 'client', id, data, created_at, updated_at, NULL FROM clients"
            " UNION ALL SELECT kind, id, data, created_at, updated_at, 0 FROM records"
            " UNION ALL SELECT kind, record_id, data, saved_at, saved_at, version FROM revisions"
        )
        for kind, record_id, data, created_at, updated_at, version in rows:
            which = f"record {record_id} ({kind})" if not version else f"version {version} of {record_id}"
            if version == 0 and kind == Client.KIND:
                problems.append(f"{which}: a client stored as another client's record")
                continue
            try:
                _decode(kind, data, created_at, updated_at)
            except (KeyError, TypeError, ValueError) as error:
                problems.append(f"{which}: {error}")
        return problems

    # --- settings (the coach's and organisation's details live in the vault) -------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self._db.execute(GET_SETTING_SQL, (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        with transaction(self._db):
            self._db.execute(SET_SETTING_SQL, (key, json.dumps(value, ensure_ascii=False)))
