"""The IPS-25 items (Supported Employment Fidelity Scale, IPS Employment Center, 2019 review manual) that the
records can give, worked out from a tally; every other item is listed as needing a reviewer, never guessed.

Where the scale's anchors are numbers (caseload, days to the first employer contact, contacts a week, shares of
jobs, time in the community) the 1–5 score is given; where they describe practice in words, the value is shown
for the reviewer and the score is left to them. docs/reports.md gives each item's rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from tyokykyapp.i18n import N_, _
from tyokykyapp.report.stats import mean, share
from tyokykyapp.report.tally import Tally

# (least value for the score, score), best first; values below the last bound score 1.
Anchors = tuple[tuple[float, int], ...]
SHARE_OF_JOBS: Anchors = ((0.85, 5), (0.70, 4), (0.60, 3), (0.50, 2))
COMPETITIVE: Anchors = ((0.95, 5), (0.85, 4), (0.75, 3), (0.65, 2))
COMMUNITY: Anchors = ((0.65, 5), (0.50, 4), (0.40, 3), (0.30, 2))
CONTACTS_A_WEEK: Anchors = ((6, 5), (5, 4), (3, 3), (2, 2))
# For caseload and days the fewer the better: (greatest value for the score, score).
CASELOAD: Anchors = ((20, 5), (25, 4), (30, 3), (40, 2))
DAYS_TO_CONTACT: Anchors = ((30, 5), (60, 4), (150, 3), (270, 2))

NAMES: dict[int, str] = {
    1: N_("Caseload size"),
    2: N_("Employment services staff"),
    3: N_("Vocational generalists"),
    4: N_("Integration with the treatment team: team assignment"),
    5: N_("Integration with the treatment team: frequent contact"),
    6: N_("Collaboration with vocational rehabilitation (employment services, Kela)"),
    7: N_("Vocational unit"),
    8: N_("Role of the employment supervisor"),
    9: N_("Zero exclusion"),
    10: N_("Agency focus on competitive employment"),
    11: N_("Executive team support"),
    12: N_("Benefits counselling (work incentives planning)"),
    13: N_("Disclosure"),
    14: N_("Ongoing, work-based assessment"),
    15: N_("Rapid job search"),
    16: N_("Individualised job search"),
    17: N_("Job development: frequent employer contact"),
    18: N_("Job development: quality of employer contact"),
    19: N_("Diversity of job types"),
    20: N_("Diversity of employers"),
    21: N_("Competitive jobs"),
    22: N_("Individualised follow-along support"),
    23: N_("Time-unlimited follow-along support"),
    24: N_("Community-based services"),
    25: N_("Assertive engagement and outreach"),
}


@dataclass(frozen=True)
class FidelityItem:
    item: int
    name: str  # translated
    value: float | None  # None: the records cannot give it (a reviewer rates it), or nothing to count yet
    unit: str  # "share" (0–1), "days", "clients", "contacts a week"; "" for a reviewer's item
    score: int | None  # the scale's 1–5 where its anchors are numbers
    basis: str  # translated: the records it came from and how many

    def to_json(self) -> dict[str, object]:
        return {
            "item": self.item,
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "score": self.score,
            "basis": self.basis,
        }


def _at_least(value: float | None, anchors: Anchors) -> int | None:
    if value is None:
        return None
    return next((score for bound, score in anchors if value >= bound - 1e-9), 1)


def _at_most(value: float | None, anchors: Anchors) -> int | None:
    if value is None:
        return None
    return next((score for bound, score in anchors if value <= bound + 1e-9), 1)


def fidelity(tally: Tally) -> list[FidelityItem]:
    c, d = tally.counts, tally.dists
    weeks = tally.period.days / 7
    items: dict[int, FidelityItem] = {}

    def add(item: int, value: float | None, unit: str, score: int | None, basis: str) -> None:
        items[item] = FidelityItem(item, _(NAMES[item]), value, unit, score, basis)

    caseload = c["open_at_end"] / tally.coaches
    add(
        1,
        round(caseload, 1),
        "clients",
        _at_most(caseload, CASELOAD),
        _(
            "{open} clients in the service at the end of the period; coaches: {coaches} (20 or fewer each scores 5)."
        ).format(open=c["open_at_end"], coaches=tally.coaches),
    )
    add(
        12,
        share(c["job_starts_benefits_checked"], c["job_starts"]),
        "share",
        None,
        _(
            '{n} of {total} jobs and work trials begun in the period had benefits counselling ("does work pay" '
            "checked, or the checklist item ticked) recorded before they began. The scale's anchors are "
            "practice: a reviewer scores it."
        ).format(n=c["job_starts_benefits_checked"], total=c["job_starts"]),
    )
    add(
        13,
        share(c["disclosure_recorded"], c["disclosure_asked_of"]),
        "share",
        None,
        _(
            "{n} of {total} clients in job search, support or maintenance during the period have their choice "
            "about telling employers recorded on a consent. A reviewer scores it."
        ).format(n=c["disclosure_recorded"], total=c["disclosure_asked_of"]),
    )
    days = d["days_entry_to_first_employer_contact"]
    average = mean(days)
    within = sum(n for bucket, n in days.items() if int(bucket) <= DAYS_TO_CONTACT[0][0])
    add(
        15,
        None if average is None else round(average, 1),
        "days",
        _at_most(average, DAYS_TO_CONTACT),
        _(
            "Mean days from entry to the first face-to-face employer contact logged for the client, over the {n} "
            "service episodes whose first contact fell in the period; {within} within 30 days."
        ).format(n=sum(days.values()), within=within),
    )
    per_week = c["employer_contacts_face_to_face"] / weeks / tally.coaches
    add(
        17,
        round(per_week, 1),
        "contacts a week",
        _at_least(per_week, CONTACTS_A_WEEK),
        _(
            "{n} face-to-face employer contacts in {weeks} weeks; coaches: {coaches}. Not counted: {other} by "
            "phone or e-mail, {unknown} logged without the mode."
        ).format(
            n=c["employer_contacts_face_to_face"],
            weeks=round(weeks, 1),
            coaches=tally.coaches,
            other=c["employer_contacts_other"],
            unknown=c["employer_contacts_mode_unknown"],
        ),
    )
    sectors = sum(1 for n in d["job_start_sector"].values() if n)
    types = share(sectors, c["job_starts_with_sector"])
    add(
        19,
        types,
        "share",
        _at_least(types, SHARE_OF_JOBS),
        _(
            "{types} different sectors (TOL 2008) among the {n} jobs and work trials begun in the period with a "
            "sector recorded ({without} without a sector are left out)."
        ).format(types=sectors, n=c["job_starts_with_sector"], without=c["job_starts"] - c["job_starts_with_sector"]),
    )
    employers = share(c["job_starts_new_employer"], c["job_starts_with_employer"])
    add(
        20,
        employers,
        "share",
        _at_least(employers, SHARE_OF_JOBS),
        _(
            "{employers} different employers among the {n} jobs and work trials begun in the period with an "
            "employer from the register (each coach's register is counted apart)."
        ).format(employers=c["job_starts_new_employer"], n=c["job_starts_with_employer"]),
    )
    competitive = share(c["competitive_job_starts"], c["job_starts"])
    add(
        21,
        competitive,
        "share",
        _at_least(competitive, COMPETITIVE),
        _(
            "{n} of {total} jobs, work trials and Jobcenter gigs begun in the period were employment contracts on "
            "the open labour market (a pay subsidy allowed)."
        ).format(n=c["competitive_job_starts"], total=c["job_starts"]),
    )
    add(
        22,
        share(c["jobs_held_with_support_plan"], c["jobs_held"]),
        "share",
        None,
        _(
            "{n} of {total} jobs and work trials held in the period have a job support plan. A reviewer scores it."
        ).format(n=c["jobs_held_with_support_plan"], total=c["jobs_held"]),
    )
    add(
        23,
        share(c["job_starts_face_to_face_in_3_days"], c["job_starts"]),
        "share",
        None,
        _(
            "Of {starts} jobs begun: {soon} met face to face within 3 days of the start, {weekly} weekly in the "
            "first month. Of {ends} jobs that ended: {contacted} contacted within 3 days. A reviewer scores it."
        ).format(
            starts=c["job_starts"],
            soon=c["job_starts_face_to_face_in_3_days"],
            weekly=c["job_starts_weekly_first_month"],
            ends=c["job_ends"],
            contacted=c["job_ends_contact_in_3_days"],
        ),
    )
    minutes = d["meeting_minutes"]
    community = share(minutes.get("community", 0), sum(minutes.values()))
    add(
        24,
        community,
        "share",
        _at_least(community, COMMUNITY),
        _(
            "Minutes of meetings held face to face outside the office: {community} of {total}; phone and video "
            "are not time in the community. {untimed} of {meetings} meetings held have no duration and are left "
            "out."
        ).format(
            community=minutes.get("community", 0),
            total=sum(minutes.values()),
            untimed=c["meetings_without_duration"],
            meetings=c["meetings_held"],
        ),
    )
    reviewer = _("Needs a reviewer: the records do not show it.")
    for item in NAMES:
        if item not in items:
            items[item] = FidelityItem(item, _(NAMES[item]), None, "", None, reviewer)
    return [items[item] for item in sorted(items)]
