"""One line about a record, for lists and the timeline. `names` maps the ids records refer to (employers in
the register) to their names."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from tyokykyapp.domain import (
    Agreement,
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
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.readable import NO_NAMES, employer_of
from tyokykyapp.vault import ClientSummary


def day(value: date | None) -> str:
    return format_date(value, "—")


def person(client: ClientSummary) -> str:
    """A client as lists name them: family name first, and the date of birth, which tells two clients of the
    same name apart."""
    name = f"{client.family_name}, {client.given_names}"
    if client.date_of_birth is None:
        return name
    return f"{name} (" + _("b. {date}").format(date=format_date(client.date_of_birth)) + ")"


def _first_line(text: str, limit: int = 80) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _joined(first: str, second: str) -> str:
    """Job title and employer: either may be missing, and no lone separator is shown."""
    return " / ".join(part for part in (first.strip(), second.strip()) if part) or "—"


def job_title(record: Employment, names: Mapping[str, str] = NO_NAMES) -> str:
    """A job as it is chosen for a support plan: title / employer."""
    return _joined(record.title, employer_of(record, names))


def summary(record: Record, names: Mapping[str, str] = NO_NAMES) -> str:
    match record:
        case Meeting():
            status = "" if record.held else f" ({record.status.label})"
            return f"{record.kind.label}, {record.where}{status}: {_first_line(record.notes)}"
        case Consent():
            until = day(record.valid_until) if record.valid_until else _("until the service ends")
            state = _("withdrawn {date}").format(date=day(record.withdrawn_on)) if record.withdrawn_on else until
            parties = ngettext("{n} party", "{n} parties", len(record.parties)).format(n=len(record.parties))
            return f"{record.method.label}, {parties} — {state}"
        case Agreement():
            return _("signed {date}").format(date=day(record.signed_on)) if record.signed_on else _("not signed yet")
        case VocationalProfile():
            return _first_line(record.work_goals) or _("Vocational profile")
        case Plan():
            return f"{_first_line(record.goal)} — " + _("review {date}").format(date=day(record.review_on))
        case NetworkContact():
            return ", ".join(part for part in (record.role, record.name, record.organisation) if part.strip())
        case JobApplication():
            return f"{_joined(record.position, employer_of(record, names))} — {record.outcome.label}"
        case EmployerContact():
            return " — ".join(
                part
                for part in (employer_of(record, names), _first_line(record.purpose), _first_line(record.outcome))
                if part
            )
        case Employment():
            end = day(record.end_on) if record.end_on else _("ongoing")
            subsidy = ", " + _("pay subsidy") if record.pay_subsidy else ""
            where = _joined(record.title, employer_of(record, names))
            return f"{record.kind.label}: {where} ({day(record.start_on)}–{end}{subsidy})"
        case SupportPlan():
            return _first_line(record.support_at_work) or _("Job support plan")
        case KykyviisariResult():
            score = "—" if record.work_ability is None else record.work_ability
            return _("work ability {score}/10").format(score=score)
        case Closure():
            return f"{record.reason.label}: {_first_line(record.continuation_path)}"
        case PhaseChange():
            start = record.from_phase.label if record.from_phase else "—"
            level = f" ({record.to_level.label})" if record.to_level else ""
            move = f"{start} → {record.to_phase.label}{level}"
            text = f"{move}: {record.reason}" if record.reason.strip() else move
            if record.undone_on is not None:
                why = _("undone {date}: {why}").format(date=day(record.undone_on), why=record.correction)
                text += f" ({why})"
            elif record.correction:
                text += " (" + _("date corrected: {why}").format(why=record.correction) + ")"
            return text
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
