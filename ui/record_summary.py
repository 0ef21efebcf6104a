"""One line about a record, for lists and the timeline."""

from __future__ import annotations

from datetime import date

from tyokykyapp.domain import (
    Agreement,
    ChecklistTick,
    Closure,
    Consent,
    EmployerContact,
    Employment,
    Episode,
    FollowUp,
    JobApplication,
    KykyviisariResult,
    Meeting,
    NetworkContact,
    PhaseChange,
    Plan,
    Record,
    SupportPlan,
    VocationalProfile,
    Waiting,
)
from tyokykyapp.domain.dates import format_date
from tyokykyapp.i18n import _


def day(value: date | None) -> str:
    return format_date(value, "—")


def _first_line(text: str, limit: int = 80) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def summary(record: Record) -> str:
    match record:
        case Meeting():
            status = "" if record.held else f" ({record.status.label})"
            return f"{record.kind.label}, {record.where}{status}: {_first_line(record.notes)}"
        case Consent():
            until = day(record.valid_until) if record.valid_until else _("until the service ends")
            state = _("withdrawn {date}").format(date=day(record.withdrawn_on)) if record.withdrawn_on else until
            return f"{record.method.label}, {len(record.parties)} " + _("parties") + f" — {state}"
        case Agreement():
            return _("signed {date}").format(date=day(record.signed_on)) if record.signed_on else _("not signed yet")
        case VocationalProfile():
            return _first_line(record.work_goals) or _("Vocational profile")
        case Plan():
            return f"{_first_line(record.goal)} — " + _("review {date}").format(date=day(record.review_on))
        case NetworkContact():
            return f"{record.role}: {record.name} {record.organisation}".strip()
        case JobApplication():
            return f"{record.position} / {record.employer_name} — {record.outcome.label}"
        case EmployerContact():
            return f"{record.purpose} — {record.outcome}".strip(" —")
        case Employment():
            end = day(record.end_on) if record.end_on else _("ongoing")
            subsidy = ", " + _("pay subsidy") if record.pay_subsidy else ""
            return (
                f"{record.kind.label}: {record.title} / {record.employer_name} ({day(record.start_on)}–{end}{subsidy})"
            )
        case SupportPlan():
            return _first_line(record.support_at_work) or _("Job support plan")
        case KykyviisariResult():
            return _("work ability {score}/10").format(score=record.work_ability)
        case Closure():
            return f"{record.reason.label}: {_first_line(record.continuation_path)}"
        case PhaseChange():
            start = record.from_phase.label if record.from_phase else "—"
            level = f" ({record.to_level.label})" if record.to_level else ""
            return f"{start} → {record.to_phase.label}{level} {record.reason}".strip()
        case ChecklistTick():
            return record.item
        case Episode():
            source = record.referral.source.label if record.referral.source else _("referral not recorded")
            income = f", {record.main_income.label}" if record.main_income else ""
            return f"{source}{income}"
        case Waiting():
            when = (
                _("came {date}").format(date=day(record.resolved_on))
                if record.resolved_on
                else _("expected by {date}").format(date=day(record.expected_on))
            )
            return f"{record.what.label} — {when}"
        case FollowUp():
            answer = {True: _("yes"), False: _("no"), None: "—"}[record.still_working]
            return _("Still working: {answer}").format(answer=answer)
    return ""
