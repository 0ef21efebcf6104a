"""The records kept about a client's coaching, and the employer register."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from tyokykyapp.domain.base import ClientRecord, Record
from tyokykyapp.domain.enums import (
    ClosureReason,
    ConsentMethod,
    DisclosureChoice,
    EmploymentKind,
    Labelled,
    MaintenanceLevel,
    Phase,
    PlaceType,
)
from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.i18n import N_, _


def _not_before(later: date | None, earlier: date | None, field_name: str, message: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise ValidationError(field_name, _(message))


@dataclass(kw_only=True)
class NetworkContact(ClientRecord):
    """Someone in the client's network: social worker, work-ability coordinator, guardian, family ..."""

    KIND = "network_contact"
    role: str
    name: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""


@dataclass(kw_only=True)
class ConsentParty:
    """One row of the consent form: the client decides party by party."""

    name: str
    role: str = ""
    what_may_be_exchanged: str = ""
    allowed: bool = True


@dataclass(kw_only=True)
class Consent(ClientRecord):
    KIND = "consent"
    given_on: date
    parties: list[ConsentParty] = field(default_factory=list)
    purpose: str = ""
    health_information: bool = False
    employer_disclosure: DisclosureChoice = DisclosureChoice.NO
    method: ConsentMethod = ConsentMethod.SIGNED_PAPER
    # None: valid until the service ends.
    valid_until: date | None = None
    withdrawn_on: date | None = None
    notes: str = ""

    def main_date(self) -> date | None:
        return self.given_on

    def in_force_on(self, day: date) -> bool:
        """Written consent in force on `day` (oral consent covers a single contact only)."""
        return (
            self.method is ConsentMethod.SIGNED_PAPER
            and self.given_on <= day
            and (self.withdrawn_on is None or day < self.withdrawn_on)
            and (self.valid_until is None or day <= self.valid_until)
        )

    def check(self) -> None:
        _not_before(self.valid_until, self.given_on, "valid_until", N_("Consent cannot end before it is given."))
        _not_before(
            self.withdrawn_on, self.given_on, "withdrawn_on", N_("Consent cannot be withdrawn before it is given.")
        )


@dataclass(kw_only=True)
class Agreement(ClientRecord):
    """The job-coaching agreement (sopimus työhönvalmennuksesta)."""

    KIND = "agreement"
    signed_on: date | None = None
    aim: str = ""
    how_we_work: str = ""
    coach_does: str = ""
    client_does: str = ""
    notes: str = ""

    def main_date(self) -> date | None:
        return self.signed_on


@dataclass(kw_only=True)
class WorkHistoryEntry:
    employer: str = ""
    title: str = ""
    # Free text ("2015–2017", "spring 2019"): clients rarely remember exact dates.
    period: str = ""
    tasks: str = ""
    went_well: str = ""
    was_hard: str = ""
    why_ended: str = ""


@dataclass(kw_only=True)
class VocationalProfile(ClientRecord):
    """The IPS vocational profile / career plan, filled in over the mapping meetings."""

    KIND = "vocational_profile"
    updated_on: date
    work_goals: str = ""
    kind_of_work: str = ""
    hours_and_days: str = ""
    pay_expectations: str = ""
    education: str = ""
    qualifications: str = ""
    work_history: list[WorkHistoryEntry] = field(default_factory=list)
    strengths: str = ""
    interests: str = ""
    good_workplace: str = ""
    limitations_and_support: str = ""
    daily_life: str = ""
    benefits_situation: str = ""
    work_pays_checked_on: date | None = None
    work_pays_checked_how: str = ""
    disclosure_preference: str = ""
    job_seeker_registration_checked_on: date | None = None
    cv_updated_on: date | None = None

    def main_date(self) -> date | None:
        return self.updated_on


class PlanRelation(Labelled):
    COMPLEMENTS = "complements"
    REPLACES = "replaces"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"complements": N_("This plan complements"), "replaces": N_("This plan replaces")}


@dataclass(kw_only=True)
class PlanStep:
    description: str
    owner: str = ""
    due_on: date | None = None
    done_on: date | None = None


@dataclass(kw_only=True)
class Plan(ClientRecord):
    """The job-coaching plan (työhönvalmennussuunnitelma); reviewed at least once a year."""

    KIND = "plan"
    made_on: date
    goal: str = ""
    steps: list[PlanStep] = field(default_factory=list)
    meeting_frequency: str = ""
    review_on: date | None = None
    external_plan: str = ""
    external_relation: PlanRelation | None = None

    def main_date(self) -> date | None:
        return self.made_on

    def check(self) -> None:
        _not_before(self.review_on, self.made_on, "review_on", N_("The review date is before the plan was made."))


@dataclass(kw_only=True)
class Meeting(ClientRecord):
    KIND = "meeting"
    on: date
    start_time: time | None = None
    duration_minutes: int | None = None
    place_type: PlaceType = PlaceType.OFFICE
    place: str = ""
    participants: str = ""
    notes: str = ""
    agreed_next_steps: str = ""
    next_meeting_on: date | None = None
    next_meeting_time: time | None = None
    next_meeting_place: str = ""

    def main_date(self) -> date | None:
        return self.on

    def check(self) -> None:
        if self.duration_minutes is not None and not 0 < self.duration_minutes <= 24 * 60:
            raise ValidationError("duration_minutes", _("A meeting lasts between 1 minute and 24 hours."))
        _not_before(self.next_meeting_on, self.on, "next_meeting_on", N_("The next meeting is before this meeting."))


@dataclass(kw_only=True)
class EmployerPerson:
    name: str
    title: str = ""
    phone: str = ""
    email: str = ""


@dataclass(kw_only=True)
class Employer(Record):
    """An employer in the coach's register, reused across clients."""

    KIND = "employer"
    name: str
    business_id: str = ""
    sector: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    contact_persons: list[EmployerPerson] = field(default_factory=list)
    notes: str = ""

    def check(self) -> None:
        if not self.name.strip():
            raise ValidationError("name", _("The employer needs a name."))


@dataclass(kw_only=True)
class EmployerContact(Record):
    """One entry of the coach's employer-contact log, for a client or for none."""

    KIND = "employer_contact"
    employer_id: str
    on: date
    contact_person: str = ""
    purpose: str = ""
    outcome: str = ""
    client_id: str | None = None

    def owner_client_id(self) -> str | None:
        return self.client_id

    def main_date(self) -> date | None:
        return self.on

    def check(self) -> None:
        if not self.employer_id:
            raise ValidationError("employer_id", _("Choose the employer (add it to the register first)."))


class ApplicationChannel(Labelled):
    ADVERTISED = "advertised"
    OPEN_APPLICATION = "open_application"
    PHONE = "phone"
    EMAIL = "email"
    COACH_CONTACT = "coach_contact"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "advertised": N_("Advertised vacancy"),
            "open_application": N_("Open application"),
            "phone": N_("Phone"),
            "email": N_("E-mail"),
            "coach_contact": N_("Through the coach's employer contact"),
            "other": N_("Other"),
        }


class ApplicationOutcome(Labelled):
    PENDING = "pending"
    INTERVIEW = "interview"
    WORK_TRIAL = "work_trial"
    HIRED = "hired"
    REJECTED = "rejected"
    NO_ANSWER = "no_answer"
    WITHDRAWN = "withdrawn"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "pending": N_("Waiting for an answer"),
            "interview": N_("Invited to an interview"),
            "work_trial": N_("Offered a work trial"),
            "hired": N_("Hired"),
            "rejected": N_("Not chosen"),
            "no_answer": N_("No answer"),
            "withdrawn": N_("Withdrawn"),
        }


@dataclass(kw_only=True)
class JobApplication(ClientRecord):
    KIND = "job_application"
    applied_on: date
    position: str = ""
    employer_id: str | None = None
    employer_name: str = ""
    channel: ApplicationChannel = ApplicationChannel.ADVERTISED
    outcome: ApplicationOutcome = ApplicationOutcome.PENDING
    notes: str = ""

    def main_date(self) -> date | None:
        return self.applied_on


@dataclass(kw_only=True)
class Employment(ClientRecord):
    """An employment, work trial or other outcome episode (process.md "Outcome coding")."""

    KIND = "employment"
    start_on: date
    kind: EmploymentKind = EmploymentKind.EMPLOYMENT
    employer_id: str | None = None
    employer_name: str = ""
    title: str = ""
    sector: str = ""
    end_on: date | None = None
    hours_per_week: float | None = None
    pay_subsidy: bool = False
    pay_subsidy_renewal_on: date | None = None
    open_labour_market: bool = True
    employer_knows_about_coaching: bool = False
    end_reason: str = ""

    def main_date(self) -> date | None:
        return self.start_on

    def ongoing_on(self, day: date) -> bool:
        """Working on `day`: started, and not ended before it (the last day still counts)."""
        return self.start_on <= day and (self.end_on is None or day <= self.end_on)

    def check(self) -> None:
        _not_before(self.end_on, self.start_on, "end_on", N_("The end date is before the start date."))
        if self.hours_per_week is not None and not 0 < self.hours_per_week <= 80:
            raise ValidationError("hours_per_week", _("Hours per week must be between 0 and 80."))


@dataclass(kw_only=True)
class SupportPlan(ClientRecord):
    """The job support plan (työsuhteen aikaisen tuen suunnitelma) for a job or work trial."""

    KIND = "support_plan"
    made_on: date
    employment_id: str | None = None
    support_at_work: str = ""
    support_outside_work: str = ""
    employer_knows_and_gets: str = ""
    visits_and_calls: str = ""
    adjustments: str = ""
    who_to_call: str = ""
    review_on: date | None = None

    def main_date(self) -> date | None:
        return self.made_on


@dataclass(kw_only=True)
class PhaseChange(ClientRecord):
    """One move in the client process, or a change of maintenance level."""

    KIND = "phase_change"
    on: date
    from_phase: Phase | None
    to_phase: Phase
    from_level: MaintenanceLevel | None = None
    to_level: MaintenanceLevel | None = None
    reason: str = ""
    by: str = ""

    def main_date(self) -> date | None:
        return self.on


@dataclass(kw_only=True)
class Closure(ClientRecord):
    KIND = "closure"
    closed_on: date
    reason: ClosureReason
    continuation_path: str = ""
    achieved: str = ""
    contacts: str = ""
    notes: str = ""

    def main_date(self) -> date | None:
        return self.closed_on


@dataclass(kw_only=True)
class KykyviisariResult(ClientRecord):
    """A Kykyviisari result as a dated reference; the trademarked questionnaire is not reproduced."""

    KIND = "kykyviisari"
    done_on: date
    work_ability: int
    mental_wellbeing: int | None = None
    social_participation: int | None = None
    physical_functioning: int | None = None
    skills: int | None = None
    everyday_life: int | None = None
    where_original: str = ""
    note: str = ""

    def main_date(self) -> date | None:
        return self.done_on

    def check(self) -> None:
        scores = (
            self.work_ability,
            self.mental_wellbeing,
            self.social_participation,
            self.physical_functioning,
            self.skills,
            self.everyday_life,
        )
        if any(score is not None and not 0 <= score <= 10 for score in scores):
            raise ValidationError("work_ability", _("Kykyviisari scores are from 0 to 10."))


@dataclass(kw_only=True)
class ChecklistTick(ClientRecord):
    """The coach ticked a checklist item that no record shows by itself (e.g. benefits counselling)."""

    KIND = "checklist_tick"
    item: str
    ticked_on: date
    note: str = ""

    def main_date(self) -> date | None:
        return self.ticked_on
