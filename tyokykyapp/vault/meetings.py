"""The SQL behind the agenda: meetings dated in a window, and the next meetings agreed at the clients' latest
meetings. Only the coach's own open clients count (not those in the bin, handed over or closed).

Both queries walk the records' indexes by date (of the meeting, or of the next one agreed) and by client, and
decode only the few meetings they find."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from tyokykyapp.domain import Meeting
from tyokykyapp.vault.database import Connection, known_errors
from tyokykyapp.vault.repository import _decode

_OPEN_CLIENT = "c.deleted_at IS NULL AND c.phase != 'closed' AND json_extract(c.data, '$.handed_over_on') IS NULL"
_IN_WINDOW_SQL = f"""
SELECT r.kind, r.data, r.created_at, r.updated_at FROM records r INDEXED BY records_by_kind
JOIN clients c ON c.id = r.client_id
WHERE r.kind = 'meeting' AND r.on_date BETWEEN :start AND :end AND r.deleted_at IS NULL AND {_OPEN_CLIENT}
ORDER BY r.on_date, r.seq
"""
# The meetings whose agreed next meeting falls in the window (through the index of that date, migration 0012),
# kept when each is its client's latest meeting on or before :agreed_by (the newest, of one day; found through
# the (client_id, kind, on_date) index): an earlier meeting's agreement was replaced by the later one.
_AGREED_SQL = f"""
SELECT c.id, m.id, json_extract(m.data, '$.next_meeting_on'), json_extract(m.data, '$.next_meeting_time'),
    coalesce(json_extract(m.data, '$.next_meeting_place'), '')
FROM records m INDEXED BY records_next_meeting JOIN clients c ON c.id = m.client_id
WHERE m.kind = 'meeting' AND m.deleted_at IS NULL
    AND json_extract(m.data, '$.next_meeting_on') BETWEEN :start AND :end
    AND m.seq = (
        SELECT r.seq FROM records r WHERE r.client_id = m.client_id AND r.kind = 'meeting' AND r.on_date <= :agreed_by
            AND r.deleted_at IS NULL ORDER BY r.on_date DESC, r.seq DESC LIMIT 1)
    AND {_OPEN_CLIENT}
"""


@dataclass(frozen=True, kw_only=True)
class AgreedMeeting:
    """The next meeting agreed at meeting `agreed_at` (its Next meeting on / time / place)."""

    client_id: str
    agreed_at: str  # the meeting's id
    on: date
    time: time | None
    place: str


class MeetingQueries:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def dated_between(self, start: date, end: date) -> list[Meeting]:
        """Meetings dated from `start` to `end` (both included), in date order."""
        with known_errors():
            rows = self._db.execute(_IN_WINDOW_SQL, {"start": start.isoformat(), "end": end.isoformat()}).fetchall()
        return [m for m in (_decode(*row) for row in rows) if isinstance(m, Meeting)]

    def agreed_between(self, start: date, end: date, *, agreed_by: date) -> list[AgreedMeeting]:
        """For each client, the next meeting agreed at their latest meeting dated on or before `agreed_by`,
        when it falls from `start` to `end`. (An earlier meeting's agreement was replaced by the later one.)"""
        params = {"start": start.isoformat(), "end": end.isoformat(), "agreed_by": agreed_by.isoformat()}
        with known_errors():
            rows = self._db.execute(_AGREED_SQL, params).fetchall()
        return [
            AgreedMeeting(
                client_id=client_id,
                agreed_at=meeting_id,
                on=date.fromisoformat(on),
                time=time.fromisoformat(at) if at else None,
                place=place,
            )
            for client_id, meeting_id, on, at, place in rows
        ]
