"""The due rules' facts for a whole caseload, read from `due_records` (migration 0010): a narrow table kept by
triggers with one row per record the rules read, a column per value. The same facts read off one loaded client
are `process.due.facts_from_file`; tests/core/vault/test_due_facts.py holds the two to each other.

Two queries: one row per open client with each single value (the latest meeting held, the next one booked, the
latest plan and consent ...), each one seek into the client's rows of a kind; and the rows of which a client may
have several (jobs, the open steps of the latest plan, waits). Records of an earlier service episode are left
out in SQL as `ClientFile.episode_floor` leaves them out.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from datetime import date
from typing import Any

from tyokykyapp.domain import (
    Closure,
    Consent,
    EmployerContact,
    Employment,
    EmploymentKind,
    KykyviisariResult,
    MaintenanceLevel,
    Meeting,
    MeetingInterval,
    Phase,
    Plan,
    PlanStep,
    Record,
    Waiting,
)
from tyokykyapp.process.due import DueFacts, JobFacts, job_order
from tyokykyapp.vault.database import Connection, known_errors

# Each column of due_records beside the keys: the declared record fields it holds (a test checks them against
# the declarations and the migration's view), so renaming a field the rules read cannot go unnoticed.
COLUMNS: dict[str, tuple[tuple[type[Any], str], ...]] = {
    "next_meeting_on": ((Meeting, "next_meeting_on"),),
    "status": ((Meeting, "status"),),
    "meeting_kind": ((Meeting, "kind"),),
    "mode": ((Meeting, "mode"), (EmployerContact, "mode")),
    "place_type": ((Meeting, "place_type"),),
    "review_on": ((Plan, "review_on"),),
    "meeting_interval": ((Plan, "meeting_interval"),),
    "due_on": ((PlanStep, "due_on"),),
    "done_on": ((PlanStep, "done_on"),),
    "method": ((Consent, "method"),),
    "valid_until": ((Consent, "valid_until"),),
    "withdrawn_on": ((Consent, "withdrawn_on"),),
    "employment_kind": ((Employment, "kind"),),
    "end_on": ((Employment, "end_on"),),
    "pay_subsidy": ((Employment, "pay_subsidy"),),
    "pay_subsidy_until": ((Employment, "pay_subsidy_until"),),
    "expected_on": ((Waiting, "expected_on"),),
    "resolved_on": ((Waiting, "resolved_on"),),
}
# The record kinds with rows in due_records (their main date is `on_date`), and the plan's step rows.
KINDS: tuple[type[Record], ...] = (
    Meeting,
    Plan,
    Consent,
    Employment,
    EmployerContact,
    KykyviisariResult,
    Waiting,
    Closure,
)
PLAN_STEP = "plan_step"

_FLOOR = f"""coalesce((SELECT min(date(max(d.on_date), '+1 day'), c.started_on) FROM due_records d
    WHERE d.client_id = c.id AND d.kind = '{Closure.KIND}' AND d.live = 1 AND d.on_date <= c.started_on), '')"""
# The open clients (or those of {only}) with the first day of their current episode (see episode_floor).
_OPEN = f"""WITH open AS MATERIALIZED (
    SELECT c.id, c.phase, c.phase_since, c.maintenance_level, c.started_on, c.sort_name, c.seq, {_FLOOR} AS floor
    FROM clients c
    WHERE c.deleted_at IS NULL AND c.phase != 'closed' AND json_extract(c.data, '$.handed_over_on') IS NULL {{only}}
)"""
_ONLY_IDS = "AND c.id IN (SELECT value FROM json_each(:ids))"
# Each value is one seek into the client's rows of a kind. A range has one bound on each side (the later of the
# episode's first day and the day after today, say), so SQLite starts at the right end instead of walking from
# the episode's start.
_OF = "d.client_id = o.id AND d.live = 1 AND d.kind"
_PAST = "d.on_date BETWEEN o.floor AND :today"
_FUTURE = "d.on_date >= max(o.floor, date(:today, '+1 day'))"
_EPISODE = "d.on_date >= o.floor"
_LATEST = "ORDER BY d.on_date DESC, d.seq DESC LIMIT 1"
_HELD = f"{_OF} = 'meeting' AND {_PAST} AND d.status = 'held'"
_CONTACT = f"{_OF} = 'employer_contact'"
_VISIT = "(d.meeting_kind = 'workplace_visit' OR (d.mode = 'face_to_face' AND d.place_type = 'workplace'))"
_PLAN = f"{_OF} = 'plan' AND {_EPISODE} AND d.part = 0"
_CONSENT = f"{_OF} = 'consent' AND {_EPISODE} AND d.method = 'signed_paper'"
CLIENTS_SQL = f"""{_OPEN}
SELECT o.id, o.phase, o.phase_since, o.maintenance_level, o.started_on,
    (SELECT max(d.on_date) FROM due_records d WHERE {_HELD}) AS last_meeting_on,
    (SELECT d.next_meeting_on FROM due_records d WHERE {_HELD} {_LATEST}) AS agreed_meeting_on,
    (SELECT min(d.on_date) FROM due_records d WHERE {_OF} = 'meeting' AND {_FUTURE} AND d.status != 'cancelled')
        AS upcoming_meeting_on,
    (SELECT min(d.on_date) FROM due_records d WHERE {_CONTACT} AND {_FUTURE}) AS upcoming_employer_contact_on,
    CASE o.phase WHEN 'support' THEN (SELECT max(d.on_date) FROM due_records d WHERE {_HELD} AND {_VISIT}) END
        AS last_workplace_visit_on,
    (SELECT max(d.on_date) FROM due_records d WHERE {_CONTACT} AND {_PAST}) AS last_employer_contact_on,
    (SELECT max(d.on_date) FROM due_records d WHERE {_CONTACT} AND {_PAST}
        AND coalesce(d.mode, 'face_to_face') = 'face_to_face') AS face_to_face_contact_on,
    (SELECT max(d.on_date) FROM due_records d WHERE {_PLAN}) AS plan_made_on,
    (SELECT d.review_on FROM due_records d WHERE {_PLAN} {_LATEST}) AS plan_review_on,
    (SELECT d.meeting_interval FROM due_records d WHERE {_PLAN} {_LATEST}) AS plan_interval,
    (SELECT d.valid_until FROM due_records d WHERE {_CONSENT} {_LATEST}) AS consent_valid_until,
    (SELECT d.withdrawn_on FROM due_records d WHERE {_CONSENT} {_LATEST}) AS consent_withdrawn_on,
    (SELECT max(d.on_date) FROM due_records d WHERE {_OF} = 'kykyviisari' AND {_EPISODE}) AS kykyviisari_on
FROM open o
ORDER BY o.sort_name, o.seq
"""
# The client's jobs that end in the current episode or go on, the open steps of its latest plan, what it waits for.
ROWS_SQL = f"""{_OPEN}
SELECT d.client_id, d.kind, d.on_date, d.due_on, d.employment_kind, d.end_on, d.pay_subsidy, d.pay_subsidy_until,
    d.expected_on
FROM open o JOIN due_records d ON d.client_id = o.id AND d.live = 1
    AND d.kind IN ('employment', '{PLAN_STEP}', 'waiting')
WHERE CASE d.kind
    WHEN 'employment' THEN coalesce(d.end_on, '9999') >= o.floor
    WHEN 'waiting' THEN d.on_date >= o.floor AND d.resolved_on IS NULL
    ELSE d.done_on IS NULL AND d.seq = (SELECT d.seq FROM due_records d WHERE {_PLAN} {_LATEST}) END
ORDER BY d.client_id, d.on_date, d.seq, d.part
"""


def due_facts(db: Connection, today: date, ids: Collection[str] | None = None) -> list[DueFacts]:
    """The facts the due rules need, for every open client (or those of `ids`), in client-list order."""
    params = {"today": today.isoformat(), "ids": json.dumps(list(ids or ()))}
    only = "" if ids is None else _ONLY_IDS
    with known_errors():
        clients = db.execute(CLIENTS_SQL.format(only=only), params).fetchall()
        rows = db.execute(ROWS_SQL.format(only=only), params).fetchall()
    by_client: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        by_client[row[0]].append(row)
    return [_facts(client, by_client.get(client[0], []), today) for client in clients]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _facts(client: tuple[Any, ...], rows: list[tuple[Any, ...]], today: date) -> DueFacts:
    (
        client_id,
        phase,
        phase_since,
        level,
        started_on,
        last_meeting,
        agreed,
        upcoming_meeting,
        upcoming_contact,
        visit,
        contact,
        face_to_face,
        plan_made_on,
        plan_review_on,
        plan_interval,
        valid_until,
        withdrawn_on,
        kykyviisari,
    ) = client
    steps: list[date] = []
    jobs: list[JobFacts] = []
    waits: list[date] = []
    for _id, kind, on_date, due_on, job_kind, end_on, subsidy, subsidy_until, expected_on in rows:
        if kind == PLAN_STEP:
            steps.append(date.fromisoformat(due_on))
        elif kind == "waiting":
            waits.append(date.fromisoformat(expected_on))
        elif EmploymentKind(job_kind).starts_support:
            jobs.append(
                JobFacts(
                    kind=EmploymentKind(job_kind),
                    start_on=date.fromisoformat(on_date),
                    end_on=_day(end_on),
                    pay_subsidy_until=_day(subsidy_until) if subsidy else None,
                )
            )
    return DueFacts(
        client_id=client_id,
        phase=Phase(phase),
        phase_since=date.fromisoformat(phase_since),
        started_on=date.fromisoformat(started_on),
        maintenance_level=MaintenanceLevel(level) if level else None,
        last_meeting_on=_day(last_meeting),
        agreed_meeting_on=_day(agreed),
        upcoming_meeting_on=_day(upcoming_meeting),
        upcoming_employer_contact_on=_day(upcoming_contact),
        last_workplace_visit_on=_day(visit),
        plan_made_on=_day(plan_made_on),
        plan_review_on=_day(plan_review_on),
        plan_interval_days=MeetingInterval(plan_interval).days if plan_interval else None,
        plan_steps_due=tuple(sorted(steps)),
        consent_valid_until=_day(valid_until),
        consent_withdrawn=withdrawn_on is not None,
        jobs=tuple(sorted(jobs, key=job_order)),
        last_employer_contact_on=_day(contact),
        face_to_face_contact_on=_day(face_to_face),
        kykyviisari_on=_day(kykyviisari),
        waiting_until=tuple(sorted(waits)),
    )
