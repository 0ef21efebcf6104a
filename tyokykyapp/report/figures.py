"""The report made from a tally: the tables people read (titled, in the app's language) and the `--json`
document. docs/reports.md defines every table and the rule of every count."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tyokykyapp.domain.enums import (
    ClosureDestination,
    ClosureReason,
    EmploymentKind,
    MaintenanceLevel,
    Phase,
    ReferralSource,
    Sector,
)
from tyokykyapp.i18n import N_, _, current_language
from tyokykyapp.report.fidelity import FidelityItem, fidelity
from tyokykyapp.report.stats import mean, median, share, total
from tyokykyapp.report.tally import KYKYVIISARI, LENGTH_BANDS, OPEN_PHASES, UNKNOWN, Tally

# IPS benchmarks for the quarterly competitive-employment rate: minimal, average, excellent.
BENCHMARKS = (0.31, 0.41, 0.50)


class Percent(float):
    """A share (0–1) shown as a percentage."""


Cell = int | float | str | None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    note: str = ""


@dataclass
class Report:
    tally: Tally
    tables: list[Table] = field(default_factory=list)
    fidelity: list[FidelityItem] = field(default_factory=list)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def to_json(self) -> dict[str, Any]:
        return report_json(self.tally, self.fidelity)


def number(value: Cell) -> str:
    """A cell as people read it in the app's language (decimal comma in Finnish and Swedish)."""
    if value is None:
        return "–"
    if isinstance(value, Percent):
        text = f"{value * 100:.0f}"
        return text + ("%" if current_language() == "en" else " %")
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text if current_language() == "en" else text.replace(".", ",")
    return str(value)


def _pct(part: int, whole: int) -> Percent | None:
    value = share(part, whole)
    return None if value is None else Percent(value)


def _label(enum: Any, code: str) -> str:
    return _("Not recorded") if code == UNKNOWN else str(enum(code).label)


def _durations(dists: dict[str, dict[str, int]], key: str) -> dict[str, Any]:
    values = dists[key]
    return {"n": total(values), "median": median(values), "mean": mean(values)}


def report_json(tally: Tally, items: list[FidelityItem]) -> dict[str, Any]:
    c, d = tally.counts, tally.dists
    served = c["served"]
    kinds = d["jobs_by_kind"]
    quarters = [
        {
            "quarter": q,
            "served": d["quarter_served"].get(q, 0),
            "working": d["quarter_working_competitive"].get(q, 0),
            "rate": share(d["quarter_working_competitive"].get(q, 0), d["quarter_served"].get(q, 0)),
        }
        for q, _first, _last in tally.period.quarters()
    ]
    return {
        "period": {"from": tally.period.first.isoformat(), "to": tally.period.last.isoformat()},
        "coaches": tally.coaches,
        "clients": {
            "served": served,
            "episodes": c["episodes_served"],
            "new": c["new"],
            "new_episodes": c["new_episodes"],
            "by_referral": dict(sorted(d["by_referral"].items())),
            "open_at_end": c["open_at_end"],
            "open_at_end_by_phase": dict(sorted(d["open_at_end_by_phase"].items())),
            "closed": c["closed_people"],
        },
        "outcomes": {
            "employed_people": c["employed_people"],
            "work_trial_only_people": c["work_trial_only_people"],
            "employed_or_trial_people": c["employed_or_trial_people"],
            "employed_or_trial_rate": share(c["employed_or_trial_people"], served),
            "employment_episodes": kinds.get(EmploymentKind.EMPLOYMENT.value, 0),
            "work_trial_episodes": kinds.get(EmploymentKind.WORK_TRIAL.value, 0),
            "episodes_by_kind": dict(sorted(kinds.items())),
            "employment_terms": dict(sorted(d["employment_terms"].items())),
            "employment_status_at_end": dict(sorted(d["employment_status_at_end"].items())),
            "employment_length_months": dict(sorted(d["employment_length"].items())),
            "employment_sector": dict(sorted(d["employment_sector"].items())),
            "quarterly_competitive_employment": quarters,
        },
        "status_at_end": dict(sorted(d["status_at_end"].items())),
        "closures": {
            "by_destination": dict(sorted(d["closures_by_destination"].items())),
            "by_reason": dict(sorted(d["closures_by_reason"].items())),
            "by_last_phase": dict(sorted(d["closures_by_last_phase"].items())),
            "follow_ups_working": dict(sorted(d["follow_ups_working"].items())),
            "follow_ups_not_working": dict(sorted(d["follow_ups_not_working"].items())),
        },
        "durations": {
            "median_days_entry_to_first_employer_contact": median(d["days_entry_to_first_employer_contact"]),
            "entry_to_first_employer_contact": _durations(d, "days_entry_to_first_employer_contact"),
            "entry_to_first_job_or_trial": _durations(d, "days_entry_to_first_job"),
            "first_contact_to_plan": _durations(d, "days_first_contact_to_plan"),
            "days_in_phase": {p.value: _durations(d, f"days_in_{p.value}") for p in OPEN_PHASES},
            "meetings_in_mapping": _durations(d, "meetings_in_mapping"),
        },
        "support": {
            "employer_support_recruitment_people": c["employer_support_recruitment_people"],
            "employer_support_induction_people": c["employer_support_induction_people"],
            "employer_support_recruitment_or_induction_people": c["employer_support_recruitment_or_induction_people"],
            "employer_support_after_induction_people": c["employer_support_after_induction_people"],
            "maintenance_contacts_on_time": dict(sorted(d["maintenance_contacts_on_time"].items())),
            "maintenance_contacts_late": dict(sorted(d["maintenance_contacts_late"].items())),
        },
        "kykyviisari": {
            domain: {
                "n": c[f"kykyviisari_{domain}_n"],
                "mean_first": _mean_of(c, domain, "first"),
                "mean_latest": _mean_of(c, domain, "latest"),
                "better": c[f"kykyviisari_{domain}_better"],
                "worse": c[f"kykyviisari_{domain}_worse"],
            }
            for domain in KYKYVIISARI
        },
        "fidelity": [item.to_json() for item in items],
    }


def _mean_of(counts: dict[str, int], domain: str, which: str) -> float | None:
    n = counts[f"kykyviisari_{domain}_n"]
    return round(counts[f"kykyviisari_{domain}_{which}_sum"] / n, 2) if n else None


KYKYVIISARI_LABELS = {
    "work_ability": N_("Self-rated work ability"),
    "mental_wellbeing": N_("Mental wellbeing"),
    "social_participation": N_("Social participation"),
    "physical_functioning": N_("Physical functioning"),
    "skills": N_("Skills"),
    "everyday_life": N_("Everyday life"),
}
STATUS_OPEN = {
    "open_employed": N_("Employed, still in the service"),
    "open_work_trial": N_("In a work trial, still in the service"),
    "closed_unknown": N_("Service ended, destination not recorded"),
}
LENGTH_LABELS = {
    "lt1": N_("Under 1 month"),
    "1to3": N_("1–3 months"),
    "3to6": N_("3–6 months"),
    "6to12": N_("6–12 months"),
    "ge12": N_("12 months or more"),
}
FOLLOW_UP_LABELS = {
    "le3": N_("Within 3 months of the closure"),
    "le6": N_("3–6 months after"),
    "le12": N_("6–12 months after"),
    "gt12": N_("Over 12 months after"),
}


def status_label(bucket: str) -> str:
    if bucket in STATUS_OPEN:
        return _(STATUS_OPEN[bucket])
    state, _sep, code = bucket.partition("_")
    if state == "closed":
        return _("Service ended: {destination}").format(destination=ClosureDestination(code).label)
    return _("Still in the service: {phase}").format(phase=Phase(code).label)


def _open_label(bucket: str) -> str:
    if bucket.startswith("maintenance_"):
        level = MaintenanceLevel(bucket.removeprefix("maintenance_"))
        return f"{Phase.MAINTENANCE.label}: {level.label}"
    return str(Phase(bucket).label)


def _rows(
    dist: dict[str, int], label: Any, whole: int | None = None, order: list[str] | None = None
) -> list[tuple[Cell, ...]]:
    keys = order if order is not None else sorted(dist, key=lambda k: (-dist[k], k))
    rows: list[tuple[Cell, ...]] = []
    for key in keys:
        n = dist.get(key, 0)
        rows.append((label(key), n) if whole is None else (label(key), n, _pct(n, whole)))
    return rows


def build_report(tally: Tally) -> Report:
    c, d = tally.counts, tally.dists
    served = c["served"]
    n_, share_ = _("Number"), _("Share")
    items = fidelity(tally)
    tables: list[Table] = []

    def add(key: str, title: str, columns: tuple[str, ...], rows: list[tuple[Cell, ...]], note: str = "") -> None:
        tables.append(Table(key, title, columns, rows, note))

    add(
        "clients",
        _("Clients served"),
        ("", n_),
        [
            (_("People served (a service episode on some day of the period)"), served),
            (_("Service episodes"), c["episodes_served"]),
            (_("New clients (entered during the period)"), c["new"]),
            (_("Still in the service at the end of the period"), c["open_at_end"]),
            (_("Service ended by the end of the period"), c["closed_people"]),
        ],
    )
    add(
        "referral",
        _("Clients served by referral source"),
        ("", n_, share_),
        _rows(d["by_referral"], lambda k: _label(ReferralSource, k), served),
    )
    add(
        "open_by_phase",
        _("In the service at the end of the period, by phase"),
        ("", n_),
        _rows(
            d["open_at_end_by_phase"],
            _open_label,
            order=[
                k
                for k in (
                    *(p.value for p in OPEN_PHASES if p is not Phase.MAINTENANCE),
                    *(f"maintenance_{lv.value}" for lv in MaintenanceLevel),
                )
                if k in d["open_at_end_by_phase"]
            ],
        ),
    )
    add(
        "outcomes",
        _("Outcomes per person"),
        ("", n_, share_),
        [
            (_("At least one employment"), c["employed_people"], _pct(c["employed_people"], served)),
            (
                _("A work trial but no employment"),
                c["work_trial_only_people"],
                _pct(c["work_trial_only_people"], served),
            ),
            (
                _("Employed or in a work trial"),
                c["employed_or_trial_people"],
                _pct(c["employed_or_trial_people"], served),
            ),
        ],
        _(
            "Shares of the {served} people served. Jobs count when they began during the service and went on "
            "on some day of the period."
        ).format(served=served),
    )
    add(
        "episodes_by_kind",
        _("Jobs, work trials and other outcomes"),
        ("", n_),
        _rows(
            d["jobs_by_kind"],
            lambda k: EmploymentKind(k).label,
            order=[k.value for k in EmploymentKind if k.value in d["jobs_by_kind"]],
        ),
    )
    employments = total(d["employment_terms"])
    terms_labels = {
        "open_market": _("Open labour market, no pay subsidy"),
        "open_market_pay_subsidy": _("Open labour market with a pay subsidy"),
        "not_open_market": _("Not on the open labour market"),
        "ongoing": _("Going on at the end of the period"),
        "ended": _("Ended"),
    }
    add(
        "employments",
        _("Employment contracts"),
        ("", n_, share_),
        _rows(
            d["employment_terms"],
            terms_labels.__getitem__,
            employments,
            [k for k in ("open_market", "open_market_pay_subsidy", "not_open_market")],
        )
        + _rows(d["employment_status_at_end"], terms_labels.__getitem__, employments, ["ongoing", "ended"])
        + _rows(d["employment_length"], lambda k: _(LENGTH_LABELS[k]), employments, list(LENGTH_BANDS)),
        _("Length to the end of the job, or to the end of the period for a job still going on."),
    )
    add(
        "sectors",
        _("Employment contracts by sector (TOL 2008)"),
        ("", n_),
        _rows(d["employment_sector"], lambda k: _label(Sector, k)),
    )
    add(
        "quarterly",
        _("IPS quarterly competitive-employment rate"),
        (_("Quarter"), _("In the service"), _("In a competitive job"), _("Rate")),
        [
            (
                q,
                d["quarter_served"].get(q, 0),
                d["quarter_working_competitive"].get(q, 0),
                _pct(d["quarter_working_competitive"].get(q, 0), d["quarter_served"].get(q, 0)),
            )
            for q, _first, _last in tally.period.quarters()
        ],
        _("IPS benchmarks: 31 % minimal, 41 % average, 50 % excellent."),
    )
    add(
        "status_at_end",
        _("Where people stood at the end of the period"),
        ("", n_, share_),
        _rows(d["status_at_end"], status_label, served),
        _("One line per person served: where their service ended, or where they are in it."),
    )
    closures = total(d["closures_by_reason"])
    add(
        "closures",
        _("Closures during the period"),
        ("", n_),
        [
            (_("Where the client went"), ""),
            *_rows(d["closures_by_destination"], lambda k: _label(ClosureDestination, k)),
            (_("Reason"), ""),
            *_rows(d["closures_by_reason"], lambda k: ClosureReason(k).label),
            (_("Phase before the closure"), ""),
            *_rows(d["closures_by_last_phase"], lambda k: _label(Phase, k)),
        ],
        _("{n} closures.").format(n=closures),
    )
    add(
        "follow_ups",
        _("Follow-ups after the service"),
        ("", _("Still working"), _("Not working")),
        [
            (_(FOLLOW_UP_LABELS[b]), d["follow_ups_working"].get(b, 0), d["follow_ups_not_working"].get(b, 0))
            for b in FOLLOW_UP_LABELS
        ],
    )
    duration_rows: list[tuple[Cell, ...]] = []
    for key, label in (
        ("days_entry_to_first_employer_contact", _("Entry → first face-to-face employer contact")),
        ("days_entry_to_first_job", _("Entry → first job or work trial")),
        ("days_first_contact_to_plan", _("First contact → plan")),
        *((f"days_in_{p.value}", _("Time in phase: {phase}").format(phase=p.label)) for p in OPEN_PHASES),
        ("meetings_in_mapping", _("Meetings in initial mapping (count, not days)")),
    ):
        dist = d[key]
        duration_rows.append((label, total(dist), median(dist), mean(dist)))
    add(
        "durations",
        _("Durations in days"),
        ("", "n", _("Median"), _("Mean")),
        duration_rows,
        _("Each duration is counted in the period in which it ends."),
    )
    on_time, late = d["maintenance_contacts_on_time"], d["maintenance_contacts_late"]
    add(
        "support",
        _("Support given"),
        ("", n_),
        [
            (_("People whose employer was supported at recruitment"), c["employer_support_recruitment_people"]),
            (_("People whose employer was supported at induction"), c["employer_support_induction_people"]),
            (_("At recruitment or induction"), c["employer_support_recruitment_or_induction_people"]),
            (_("Supported at the workplace after induction"), c["employer_support_after_induction_people"]),
        ]
        + [
            (
                _("Maintenance contacts on time: {level}").format(level=lv.label),
                f"{on_time.get(lv.value, 0)} / {on_time.get(lv.value, 0) + late.get(lv.value, 0)}",
            )
            for lv in MaintenanceLevel
        ],
    )
    add(
        "kykyviisari",
        _("Kykyviisari: first and latest result"),
        ("", "n", _("First"), _("Latest"), _("Better"), _("Worse")),
        [
            (
                _(KYKYVIISARI_LABELS[k]),
                c[f"kykyviisari_{k}_n"],
                _mean_of(c, k, "first"),
                _mean_of(c, k, "latest"),
                c[f"kykyviisari_{k}_better"],
                c[f"kykyviisari_{k}_worse"],
            )
            for k in KYKYVIISARI
        ],
        _("Means on the 0–10 scale, of people with two or more results in their service episode."),
    )
    add(
        "fidelity",
        _("IPS-25 fidelity items from the records"),
        (_("Item"), _("Value"), _("Score 1–5"), _("Basis")),
        [(f"{i.item}. {i.name}", _fidelity_value(i), i.score, i.basis) for i in items],
    )
    return Report(tally, tables, items)


def _fidelity_value(item: FidelityItem) -> Cell:
    if item.value is None:
        return None
    return Percent(item.value) if item.unit == "share" else item.value


def plain_text(report: Report) -> str:
    """The tables as lines of text (the command line without --json or --out)."""
    lines: list[str] = []
    for table in report.tables:
        lines += ["", table.title, "=" * len(table.title)]
        if any(table.columns[1:]):
            lines.append("  ".join(table.columns[1:]).rjust(78))
        for row in table.rows:
            label, *values = row
            lines.append(f"{number(label) if label is not None else '':<50} " + "  ".join(number(v) for v in values))
        if table.note:
            lines.append(table.note)
    return "\n".join(lines).lstrip("\n") + "\n"
