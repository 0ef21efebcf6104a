"""The records kept about a client's coaching, and the employer register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from tyokykyapp.domain.base import ClientRecord, Record
from tyokykyapp.domain.business_id import check_business_id
from tyokykyapp.domain.dates import DateRange
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
from tyokykyapp.domain.fields import fld
from tyokykyapp.i18n import N_, _

EVENT, PLAN = DateRange.EVENT, DateRange.PLAN
SCORE = (0, 10)  # Kykyviisari's scale


def _not_before(later: date | None, earlier: date | None, field_name: str, message: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise ValidationError(field_name, _(message))


@dataclass(kw_only=True)
class NetworkContact(ClientRecord):
    """Someone in the client's network: social worker, work-ability coordinator, guardian, family ..."""

    KIND = "network_contact"
    TITLE = N_("Network contact")
    role: str = fld(N_("Role"), default="", searchable=True)
    name: str = fld(N_("Name"), default="", searchable=True)
    organisation: str = fld(N_("Organisation"), default="", searchable=True)
    phone: str = fld(N_("Phone"), default="")
    email: str = fld(N_("E-mail"), default="")
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)

    def check(self) -> None:
        if not self.role.strip() and not self.name.strip():
            raise ValidationError("role", _("Give the contact's role or name."))


@dataclass(kw_only=True)
class ConsentParty:
    """One row of the consent form: the client decides party by party."""

    name: str = fld(N_("Name"), required=True, searchable=True)
    role: str = fld(N_("Role"), default="", searchable=True)
    what_may_be_exchanged: str = fld(N_("What may be exchanged"), default="", searchable=True)
    allowed: bool = fld(N_("Allowed"), default=True)


@dataclass(kw_only=True)
class Consent(ClientRecord):
    KIND = "consent"
    TITLE = N_("Consent to exchange information")
    given_on: date = fld(N_("Given on"), dates=EVENT)
    parties: list[ConsentParty] = fld(N_("Parties"), factory=list)
    purpose: str = fld(N_("Purpose"), default="", long=True, searchable=True)
    health_information: bool = fld(N_("Health information may be exchanged"), default=False)
    employer_disclosure: DisclosureChoice = fld(N_("May the coach tell employers?"), default=DisclosureChoice.NO)
    method: ConsentMethod = fld(N_("How given"), default=ConsentMethod.SIGNED_PAPER)
    # None: valid until the service ends.
    valid_until: date | None = fld(N_("Valid until (empty: until the service ends)"), default=None, dates=PLAN)
    withdrawn_on: date | None = fld(N_("Withdrawn on"), default=None, dates=EVENT)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)

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
    TITLE = N_("Job-coaching agreement")
    signed_on: date | None = fld(N_("Signed on"), default=None, dates=EVENT)
    aim: str = fld(N_("Aim"), default="", long=True, searchable=True)
    how_we_work: str = fld(N_("How we work together"), default="", long=True, searchable=True)
    coach_does: str = fld(N_("What the coach does"), default="", long=True)
    client_does: str = fld(N_("What the client does"), default="", long=True)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)

    def main_date(self) -> date | None:
        return self.signed_on


@dataclass(kw_only=True)
class WorkHistoryEntry:
    employer: str = fld(N_("Employer"), default="", searchable=True)
    title: str = fld(N_("Job title"), default="", searchable=True)
    # Free text ("2015–2017", "spring 2019"): clients rarely remember exact dates.
    period: str = fld(N_("When"), default="")
    tasks: str = fld(N_("Tasks"), default="", searchable=True)
    went_well: str = fld(N_("What went well"), default="", searchable=True)
    was_hard: str = fld(N_("What was hard"), default="", searchable=True)
    why_ended: str = fld(N_("Why it ended"), default="", searchable=True)


@dataclass(kw_only=True)
class VocationalProfile(ClientRecord):
    """The IPS vocational profile / career plan, filled in over the mapping meetings."""

    KIND = "vocational_profile"
    TITLE = N_("Vocational profile")
    updated_on: date = fld(N_("Updated on"), dates=EVENT)
    work_goals: str = fld(N_("Work goals in the client's own words"), default="", long=True, searchable=True)
    kind_of_work: str = fld(N_("What kind of work, where"), default="", long=True, searchable=True)
    hours_and_days: str = fld(N_("Hours and days"), default="")
    pay_expectations: str = fld(N_("Pay expectations"), default="")
    education: str = fld(N_("Education"), default="", long=True, searchable=True)
    qualifications: str = fld(N_("Qualifications and licences"), default="", long=True, searchable=True)
    work_history: list[WorkHistoryEntry] = fld(N_("Work history"), factory=list)
    strengths: str = fld(N_("Strengths and skills"), default="", long=True, searchable=True)
    interests: str = fld(N_("Interests"), default="", long=True, searchable=True)
    good_workplace: str = fld(N_("A good workplace for the client"), default="", long=True, searchable=True)
    limitations_and_support: str = fld(N_("Limitations and support needs"), default="", long=True, searchable=True)
    daily_life: str = fld(N_("Daily life (transport, housing, who supports)"), default="", long=True, searchable=True)
    benefits_situation: str = fld(N_("Benefits and income"), default="", long=True)
    work_pays_checked_on: date | None = fld(N_("Checked whether work pays on"), default=None, dates=EVENT)
    work_pays_checked_how: str = fld(N_("How it was checked"), default="")
    disclosure_preference: str = fld(N_("Disclosure preference towards employers"), default="")
    job_seeker_registration_checked_on: date | None = fld(
        N_("Job-seeker registration checked on"), default=None, dates=EVENT
    )
    cv_updated_on: date | None = fld(N_("CV updated on"), default=None, dates=EVENT)

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
    description: str = fld(N_("Step"), required=True, searchable=True)
    owner: str = fld(N_("Who does it"), default="")
    due_on: date | None = fld(N_("By when"), default=None, dates=PLAN)
    done_on: date | None = fld(N_("Done on"), default=None, dates=EVENT)


@dataclass(kw_only=True)
class Plan(ClientRecord):
    """The job-coaching plan (työhönvalmennussuunnitelma); reviewed at least once a year."""

    KIND = "plan"
    TITLE = N_("Job-coaching plan")
    made_on: date = fld(N_("Made on"), dates=EVENT)
    goal: str = fld(N_("Goal"), default="", long=True, searchable=True)
    steps: list[PlanStep] = fld(N_("Steps"), factory=list)
    meeting_frequency: str = fld(N_("How often we meet"), default="")
    review_on: date | None = fld(N_("Review on"), default=None, dates=PLAN)
    external_plan: str = fld(N_("Other plan in force"), default="")
    external_relation: PlanRelation | None = fld(N_("Relation to the other plan"), default=None)

    def main_date(self) -> date | None:
        return self.made_on

    def check(self) -> None:
        _not_before(self.review_on, self.made_on, "review_on", N_("The review date is before the plan was made."))


@dataclass(kw_only=True)
class Meeting(ClientRecord):
    KIND = "meeting"
    TITLE = N_("Meeting")
    on: date = fld(N_("Date"), dates=EVENT)
    start_time: time | None = fld(N_("Start time"), default=None)
    duration_minutes: int | None = fld(N_("Duration (minutes)"), default=None, numbers=(1, 24 * 60))
    place_type: PlaceType = fld(N_("Kind of place"), default=PlaceType.OFFICE)
    place: str = fld(N_("Place"), default="", searchable=True)
    participants: str = fld(N_("Participants"), default="", searchable=True)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)
    agreed_next_steps: str = fld(N_("Agreed next steps"), default="", long=True, searchable=True)
    next_meeting_on: date | None = fld(N_("Next meeting on"), default=None, dates=EVENT)
    next_meeting_time: time | None = fld(N_("Next meeting time"), default=None)
    next_meeting_place: str = fld(N_("Next meeting place"), default="")

    def main_date(self) -> date | None:
        return self.on

    def check(self) -> None:
        _not_before(self.next_meeting_on, self.on, "next_meeting_on", N_("The next meeting is before this meeting."))


@dataclass(kw_only=True)
class EmployerPerson:
    name: str = fld(N_("Name"), required=True, searchable=True)
    title: str = fld(N_("Job title"), default="", searchable=True)
    phone: str = fld(N_("Phone"), default="")
    email: str = fld(N_("E-mail"), default="")


@dataclass(kw_only=True)
class Employer(Record):
    """An employer in the coach's register, reused across clients."""

    KIND = "employer"
    TITLE = N_("Employer")
    name: str = fld(N_("Name"), required=True, searchable=True)
    business_id: str = fld(N_("Business ID"), default="")
    sector: str = fld(N_("Sector"), default="", searchable=True)
    address: str = fld(N_("Address"), default="", long=True)
    phone: str = fld(N_("Phone"), default="")
    email: str = fld(N_("E-mail"), default="")
    contact_persons: list[EmployerPerson] = fld(N_("Contact persons"), factory=list)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)

    def check(self) -> None:
        check_business_id("business_id", self.business_id)


@dataclass(kw_only=True)
class EmployerContact(Record):
    """One entry of the coach's employer-contact log, for a client or for none."""

    KIND = "employer_contact"
    TITLE = N_("Employer contact")
    employer_id: str = fld(N_("Employer"), ref="employer")
    on: date = fld(N_("Date"), dates=EVENT)
    contact_person: str = fld(N_("Contact person"), default="", searchable=True)
    purpose: str = fld(N_("Purpose"), default="", long=True, searchable=True)
    outcome: str = fld(N_("Outcome"), default="", long=True, searchable=True)
    client_id: str | None = fld(N_("Client"), default=None, printed=False, editable=False, ref="client")

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
    TITLE = N_("Job application")
    applied_on: date = fld(N_("Applied on"), dates=EVENT)
    position: str = fld(N_("Position"), default="", searchable=True)
    employer_id: str | None = fld(N_("Employer"), default=None, ref="employer")
    employer_name: str = fld(N_("Employer (if not in the register)"), default="", searchable=True)
    channel: ApplicationChannel = fld(N_("Channel"), default=ApplicationChannel.ADVERTISED)
    outcome: ApplicationOutcome = fld(N_("Outcome"), default=ApplicationOutcome.PENDING)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)

    def main_date(self) -> date | None:
        return self.applied_on


@dataclass(kw_only=True)
class Employment(ClientRecord):
    """An employment, work trial or other outcome episode (process.md "Outcome coding")."""

    KIND = "employment"
    TITLE = N_("Job, work trial or other outcome")
    start_on: date = fld(N_("Start date"), dates=EVENT)
    kind: EmploymentKind = fld(N_("Kind"), default=EmploymentKind.EMPLOYMENT)
    employer_id: str | None = fld(N_("Employer"), default=None, ref="employer")
    employer_name: str = fld(N_("Employer (if not in the register)"), default="", searchable=True)
    title: str = fld(N_("Job title"), default="", searchable=True)
    sector: str = fld(N_("Sector"), default="", searchable=True)
    end_on: date | None = fld(N_("End date"), default=None, dates=PLAN)
    hours_per_week: float | None = fld(N_("Hours per week"), default=None, numbers=(0.5, 80))
    pay_subsidy: bool = fld(N_("Pay subsidy"), default=False)
    pay_subsidy_renewal_on: date | None = fld(N_("Pay-subsidy renewal on"), default=None, dates=PLAN)
    open_labour_market: bool = fld(N_("Open labour market"), default=True)
    employer_knows_about_coaching: bool = fld(N_("Employer knows about the coaching"), default=False)
    end_reason: str = fld(N_("Why it ended"), default="", searchable=True)

    def main_date(self) -> date | None:
        return self.start_on

    def ongoing_on(self, day: date) -> bool:
        """Working on `day`: started, and not ended before it (the last day still counts)."""
        return self.start_on <= day and (self.end_on is None or day <= self.end_on)

    def check(self) -> None:
        _not_before(self.end_on, self.start_on, "end_on", N_("The end date is before the start date."))


@dataclass(kw_only=True)
class SupportPlan(ClientRecord):
    """The job support plan (työsuhteen aikaisen tuen suunnitelma) for a job or work trial."""

    KIND = "support_plan"
    TITLE = N_("Job support plan")
    made_on: date = fld(N_("Made on"), dates=EVENT)
    employment_id: str | None = fld(N_("Job or work trial"), default=None, ref="employment")
    support_at_work: str = fld(N_("Support at work"), default="", long=True, searchable=True)
    support_outside_work: str = fld(N_("Support outside work"), default="", long=True, searchable=True)
    employer_knows_and_gets: str = fld(N_("What the employer knows and what support they get"), default="", long=True)
    visits_and_calls: str = fld(N_("Agreed workplace visits and calls"), default="", long=True)
    adjustments: str = fld(N_("Adjustments to tasks or hours"), default="", long=True, searchable=True)
    who_to_call: str = fld(N_("Who to call when something changes"), default="", long=True)
    review_on: date | None = fld(N_("Review on"), default=None, dates=PLAN)

    def main_date(self) -> date | None:
        return self.made_on


@dataclass(kw_only=True)
class PhaseChange(ClientRecord):
    """One move in the client process, or a change of maintenance level."""

    KIND = "phase_change"
    TITLE = N_("Phase change")
    on: date = fld(N_("Date"), dates=EVENT)
    from_phase: Phase | None = fld(N_("From phase"))
    to_phase: Phase = fld(N_("To phase"))
    from_level: MaintenanceLevel | None = fld(N_("From support level"), default=None)
    to_level: MaintenanceLevel | None = fld(N_("To support level"), default=None)
    reason: str = fld(N_("Reason"), default="", searchable=True)
    by: str = fld(N_("Recorded by"), default="")
    # A wrong move is never erased: the latest one can be re-dated or undone, and why is kept with it.
    undone_on: date | None = fld(N_("Undone on"), default=None, editable=False, dates=EVENT)
    correction: str = fld(N_("Corrected or undone because"), default="", editable=False)

    def main_date(self) -> date | None:
        return self.on


@dataclass(kw_only=True)
class Closure(ClientRecord):
    KIND = "closure"
    TITLE = N_("Closure")
    closed_on: date = fld(N_("Ended on"), dates=EVENT)
    reason: ClosureReason = fld(N_("Reason"))
    continuation_path: str = fld(N_("Continuation path"), default="", long=True, searchable=True)
    achieved: str = fld(N_("What was achieved"), default="", long=True, searchable=True)
    contacts: str = fld(N_("Contacts"), default="", long=True)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)

    def main_date(self) -> date | None:
        return self.closed_on


@dataclass(kw_only=True)
class KykyviisariResult(ClientRecord):
    """A Kykyviisari result as a dated reference; the trademarked questionnaire is not reproduced."""

    KIND = "kykyviisari"
    TITLE = N_("Kykyviisari result")
    done_on: date = fld(N_("Done on"), dates=EVENT)
    # Every score starts empty: 0 is the worst score, not "not given".
    work_ability: int | None = fld(N_("Self-rated work ability (0–10)"), default=None, required=True, numbers=SCORE)
    mental_wellbeing: int | None = fld(N_("Mental wellbeing (0–10)"), default=None, numbers=SCORE)
    social_participation: int | None = fld(N_("Social participation (0–10)"), default=None, numbers=SCORE)
    physical_functioning: int | None = fld(N_("Physical functioning (0–10)"), default=None, numbers=SCORE)
    skills: int | None = fld(N_("Skills (0–10)"), default=None, numbers=SCORE)
    everyday_life: int | None = fld(N_("Everyday life (0–10)"), default=None, numbers=SCORE)
    where_original: str = fld(N_("Where the original is"), default="")
    note: str = fld(N_("Note"), default="", long=True, searchable=True)

    def main_date(self) -> date | None:
        return self.done_on


@dataclass(kw_only=True)
class ChecklistTick(ClientRecord):
    """The coach ticked a checklist item that no record shows by itself (e.g. benefits counselling)."""

    KIND = "checklist_tick"
    TITLE = N_("Checklist")
    item: str = fld(N_("Checklist item"))
    ticked_on: date = fld(N_("Ticked on"), dates=EVENT)
    note: str = fld(N_("Note"), default="", long=True, searchable=True)

    def main_date(self) -> date | None:
        return self.ticked_on
