"""The rows the outcome report counts (tyokykyapp/report/), read in a few queries from `report_records`
(migration 0011: a narrow table of the fields the report reads, kept by triggers, never free text) and, for the
few dated facts asked per client, seeks into `due_records` (migration 0010). Clients and records in the bin are
left out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from tyokykyapp.domain import (
    ChecklistTick,
    Closure,
    Consent,
    EmployerContact,
    Employment,
    Episode,
    FollowUp,
    KykyviisariResult,
    Meeting,
    PhaseChange,
    Plan,
    Record,
    SupportPlan,
    VocationalProfile,
)
from tyokykyapp.domain.fields import declared_fields
from tyokykyapp.domain.records import SCORE
from tyokykyapp.vault.database import Connection, known_errors

# Kykyviisari's scores (self-rated work ability and the five domains): the record's fields on its 0–10 scale.
KYKYVIISARI_SCORES: tuple[str, ...] = tuple(
    d.name for d in declared_fields(KykyviisariResult) if d.spec.numbers == SCORE
)
# The columns of report_records each kind fills, with the declared field each holds (a path through a nested
# dataclass is written with dots). The row's date is the record's main date. A test holds every column to the
# declarations and to the migration's view, so a renamed field cannot be read as NULL.
FIELDS: dict[type[Record], tuple[tuple[str, str], ...]] = {
    Episode: (("referral_source", "referral.source"), ("referred_on", "referral.referred_on")),
    Closure: (("reason", "reason"), ("destination", "destination"), ("episode_id", "episode_id")),
    PhaseChange: (("from_phase", "from_phase"), ("to_phase", "to_phase"), ("to_level", "to_level")),
    Employment: (
        ("end_on", "end_on"),
        ("employment_kind", "kind"),
        ("open_labour_market", "open_labour_market"),
        ("pay_subsidy", "pay_subsidy"),
        ("sector", "sector"),
        ("employer_id", "employer_id"),
        ("employer_support_recruitment", "employer_support_recruitment"),
        ("employer_support_induction", "employer_support_induction"),
        ("employer_support_after_induction", "employer_support_after_induction"),
    ),
    SupportPlan: (("employment_id", "employment_id"),),
    VocationalProfile: (("work_pays_checked_on", "work_pays_checked_on"),),
    ChecklistTick: (("item", "item"),),
    Consent: (("employer_disclosure", "employer_disclosure"),),
    KykyviisariResult: tuple((name, name) for name in KYKYVIISARI_SCORES),
    FollowUp: (("still_working", "still_working"),),
    Meeting: (
        ("status", "status"),
        ("mode", "mode"),
        ("place_type", "place_type"),
        ("duration_minutes", "duration_minutes"),
    ),
    EmployerContact: (("mode", "mode"),),
    Plan: (),
}
# Looking every row's client up in the bin costs ~0.5 µs a row (~200 ms over a year's meetings of 10,000
# clients): it is done only when the bin holds someone (:bin_empty, asked first, is then 0).
_NOT_IN_BIN = "(:bin_empty OR client_id NOT IN (SELECT id FROM clients WHERE deleted_at IS NOT NULL))"
BIN_EMPTY_SQL = "SELECT NOT EXISTS (SELECT 1 FROM clients WHERE deleted_at IS NOT NULL)"
# The kinds read per client (meetings and employer contacts are summed in SQL instead).
PER_CLIENT: tuple[type[Record], ...] = tuple(k for k in FIELDS if k not in (Meeting, EmployerContact))
# The coach's face-to-face employer contacts logged for a client (a contact logged before the mode existed is
# not counted), read per client for the first contact of each service episode (IPS-25 item 15).
FACE_TO_FACE_CONTACTS_SQL = f"""
SELECT client_id, on_date FROM report_records
WHERE kind = 'employer_contact' AND live = 1 AND mode = 'face_to_face' AND client_id IS NOT NULL AND {_NOT_IN_BIN}
"""


def _select(cls: type[Record]) -> str:
    columns = "".join(f", {column}" for column, _path in FIELDS[cls])
    return (
        f"SELECT client_id, record_id, on_date{columns} FROM report_records"
        f" WHERE kind = '{cls.KIND}' AND live = 1 AND client_id IS NOT NULL AND {_NOT_IN_BIN}"
    )


RECORD_SQL: dict[type[Record], str] = {cls: _select(cls) for cls in PER_CLIENT}
# The meetings held in the period and their minutes by setting (IPS-25 item 24): in the community (face to face
# anywhere but the office), at the office, face to face with no place recorded, and by phone or video (never
# time in the community). Summed in one pass: grouping 360,000 meetings of 10,000 clients took a second.
_MINUTES = """
SELECT count(*), count(duration_minutes),
    total(CASE WHEN mode = 'face_to_face' AND place_type != 'office' THEN duration_minutes END),
    total(CASE WHEN mode = 'face_to_face' AND place_type = 'office' THEN duration_minutes END),
    total(CASE WHEN mode != 'face_to_face' THEN duration_minutes END),
    total(CASE WHEN mode = 'face_to_face' AND place_type IS NULL THEN duration_minutes END)
FROM report_records
WHERE kind = 'meeting' AND live = 1 AND on_date BETWEEN :first AND :last AND status = 'held' {bin}
"""
# With an empty bin the sums are read from the index report_meeting_minutes alone (no client to look up).
MINUTES_SQL = _MINUTES.format(bin="")
MINUTES_BIN_SQL = _MINUTES.format(bin="AND client_id NOT IN (SELECT id FROM clients WHERE deleted_at IS NOT NULL)")
# The columns of MINUTES_SQL after the two counts.
MINUTE_SETTINGS = ("community", "office", "remote", "unknown_place")
# The coach's employer contacts in the period by mode, for a client or for none (IPS-25 item 17).
CONTACTS_SQL = f"""
SELECT mode, count(*) FROM report_records
WHERE kind = 'employer_contact' AND live = 1 AND on_date BETWEEN :first AND :last
    AND (client_id IS NULL OR {_NOT_IN_BIN})
GROUP BY mode
"""
_W = "json_extract(w.value, '$[0]')"
# How many meetings were held in each window (client, first day, last day): one seek and a count each.
MEETING_COUNTS_SQL = f"""
SELECT w.key, (SELECT count(*) FROM due_records d WHERE d.client_id = {_W} AND d.live = 1 AND d.kind = 'meeting'
    AND d.on_date BETWEEN json_extract(w.value, '$[1]') AND json_extract(w.value, '$[2]') AND d.status = 'held')
FROM json_each(:windows) w
"""
# The meetings held in each window (client, first day, last day); a meeting in two windows comes once.
MEETINGS_SQL = f"""
SELECT DISTINCT {_W}, d.seq, d.on_date, d.mode FROM json_each(:windows) w
JOIN due_records d ON d.client_id = {_W} AND d.live = 1 AND d.kind = 'meeting'
    AND d.on_date BETWEEN json_extract(w.value, '$[1]') AND json_extract(w.value, '$[2]')
WHERE d.status = 'held'
"""


def _all(db: Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    with known_errors():
        found: list[tuple[Any, ...]] = db.execute(sql, params).fetchall()
    return found


def _bin_empty(db: Connection) -> int:
    with known_errors():
        return int(db.execute(BIN_EMPTY_SQL).fetchone()[0])


def record_rows(db: Connection, cls: type[Record]) -> list[tuple[Any, ...]]:
    """(client_id, record id, main date, *columns of FIELDS[cls]) of every live record of `cls`, in date order."""
    return _all(db, RECORD_SQL[cls], {"bin_empty": _bin_empty(db)})


def meeting_minutes(db: Connection, first: date, last: date) -> tuple[int, int, dict[str, int]]:
    """(meetings held in the period, of them with a duration, minutes by setting of MINUTE_SETTINGS)."""
    with known_errors():
        sql = MINUTES_SQL if _bin_empty(db) else MINUTES_BIN_SQL
        row = db.execute(sql, {"first": first.isoformat(), "last": last.isoformat()}).fetchone()
    return int(row[0]), int(row[1]), {s: int(m) for s, m in zip(MINUTE_SETTINGS, row[2:], strict=True)}


def contact_rows(db: Connection, first: date, last: date) -> list[tuple[Any, ...]]:
    """(mode or None, contacts) of the employer contacts logged in the period."""
    return _all(db, CONTACTS_SQL, {"first": first.isoformat(), "last": last.isoformat(), "bin_empty": _bin_empty(db)})


def _windows(windows: Sequence[tuple[Any, ...]]) -> str:
    return json.dumps([[w[0], *(d.isoformat() for d in w[1:])] for w in windows])


def face_to_face_contacts(db: Connection) -> list[tuple[Any, ...]]:
    """(client, day) of every face-to-face employer contact logged for a client."""
    return _all(db, FACE_TO_FACE_CONTACTS_SQL, {"bin_empty": _bin_empty(db)})


def meeting_counts(db: Connection, windows: Sequence[tuple[str, date, date]]) -> list[tuple[Any, ...]]:
    """(index of the window, meetings held in it) for each window (client, first day, last day)."""
    return _all(db, MEETING_COUNTS_SQL, {"windows": _windows(windows)})


def held_meetings(db: Connection, windows: Sequence[tuple[str, date, date]]) -> list[tuple[Any, ...]]:
    """(client, seq, day, mode) of the meetings held in any of the windows (client, first day, last day)."""
    return _all(db, MEETINGS_SQL, {"windows": _windows(windows)})
