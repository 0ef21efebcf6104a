"""The records kept about a client's coaching, and the employer register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from tyokykyapp.domain.base import ClientRecord, Record
from tyokykyapp.domain.business_id import check_business_id
from tyokykyapp.domain.dates import DateRange
from tyokykyapp.domain.enums import (
    ClosureDestination,
    ClosureReason,
    ConsentMethod,
    ContactMode,
    ContactPurpose,
    DisclosureChoice,
    EmploymentKind,
    JobEndReason,
    Labelled,
    MaintenanceLevel,
    MeetingInterval,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    Phase,
    PlaceType,
    Sector,
    TrialDecider,
    TrialReason,
    WaitingFor,
)
from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.domain.fields import declared_fields, fld
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
    # None: not discussed yet, which is not the same as the client saying no.
    employer_disclosure: DisclosureChoice | None = fld(
        N_("May the coach tell employers? (empty: not discussed yet)"), default=None
    )
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
    """How the coaching plan stands to an official plan in force (employment plan, activation plan, the
    social-welfare client plan). The official plan can take in the coaching plan's content; a coach's own plan
    never replaces a statutory one (Vaasa wrote "this plan replaces the work-ability support plan" into the
    official plan)."""

    COMPLEMENTS = "complements"
    RECORDED_IN = "recorded_in"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "complements": N_("This plan complements"),
            "recorded_in": N_("The content is recorded in the other plan, which replaces this one"),
        }


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
    meeting_interval: MeetingInterval | None = fld(N_("How often we meet"), default=None)
    meeting_frequency: str = fld(N_("Where and when we meet"), default="")
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
    kind: MeetingKind = fld(N_("Kind of meeting"), default=MeetingKind.COACHING)
    mode: MeetingMode = fld(N_("Met how"), default=MeetingMode.FACE_TO_FACE)
    # Only a face-to-face meeting has a place.
    place_type: PlaceType | None = fld(N_("Kind of place"), default=None)
    status: MeetingStatus = fld(N_("Status"), default=MeetingStatus.HELD)
    place: str = fld(N_("Place"), default="", searchable=True)
    participants: str = fld(N_("Participants"), default="", searchable=True)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)
    agreed_next_steps: str = fld(N_("Agreed next steps"), default="", long=True, searchable=True)
    next_meeting_on: date | None = fld(N_("Next meeting on"), default=None, dates=EVENT)
    next_meeting_time: time | None = fld(N_("Next meeting time"), default=None)
    next_meeting_place: str = fld(N_("Next meeting place"), default="")

    def main_date(self) -> date | None:
        return self.on

    @property
    def held(self) -> bool:
        return self.status is MeetingStatus.HELD

    @property
    def where(self) -> str:
        """The place of a face-to-face meeting, or how it was held (phone, video), as people read it."""
        if self.mode is MeetingMode.FACE_TO_FACE and self.place_type is not None:
            return self.place_type.label
        return self.mode.label

    @property
    def workplace_visit(self) -> bool:
        """A support visit at the client's workplace (tukikäynti) that took place."""
        at_workplace = self.mode is MeetingMode.FACE_TO_FACE and self.place_type is PlaceType.WORKPLACE
        return self.held and (self.kind is MeetingKind.WORKPLACE_VISIT or at_workplace)

    def check(self) -> None:
        _not_before(self.next_meeting_on, self.on, "next_meeting_on", N_("The next meeting is before this meeting."))
        if self.mode is not MeetingMode.FACE_TO_FACE and self.place_type is not None:
            raise ValidationError(
                "place_type", _("A call or a video meeting has no place: leave the kind of place empty.")
            )


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
    sector: Sector | None = fld(N_("Sector (TOL 2008)"), default=None)
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
    # None: logged before the mode was recorded (a stored contact of an earlier version).
    mode: ContactMode | None = fld(N_("Contact how"), default=ContactMode.FACE_TO_FACE)
    # Job development with a client in mind can be logged for the client without presenting them.
    contact_purpose: ContactPurpose | None = fld(N_("Purpose"), default=None)
    contact_person: str = fld(N_("Contact person"), default="", searchable=True)
    purpose: str = fld(N_("What it was about"), default="", long=True, searchable=True)
    outcome: str = fld(N_("Outcome"), default="", long=True, searchable=True)
    client_id: str | None = fld(N_("Client"), default=None, printed=False, editable=False, ref="client")

    def owner_client_id(self) -> str | None:
        return self.client_id

    def main_date(self) -> date | None:
        return self.on

    def check(self) -> None:
        if not self.employer_id:
            raise ValidationError("employer_id", _("Choose the employer (add it to the register first)."))
        if self.contact_purpose is ContactPurpose.FOR_CLIENT and self.client_id is None:
            raise ValidationError(
                "contact_purpose", _("A contact on behalf of a client is logged in the client's workspace.")
            )


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
    sector: Sector | None = fld(N_("Sector (TOL 2008)"), default=None)
    end_on: date | None = fld(N_("End date"), default=None, dates=PLAN)
    hours_per_week: float | None = fld(N_("Hours per week"), default=None, numbers=(0.5, 80))
    open_labour_market: bool = fld(N_("Open labour market"), default=True)
    # Pay subsidy (palkkatuki) is paid for employment, never for a work trial.
    pay_subsidy: bool = fld(N_("Pay subsidy"), default=False)
    pay_subsidy_from: date | None = fld(N_("Pay subsidy decided from"), default=None, dates=EVENT)
    pay_subsidy_until: date | None = fld(N_("Pay subsidy decided until"), default=None, dates=PLAN)
    pay_subsidy_percent: int | None = fld(N_("Pay subsidy (% of pay costs)"), default=None, numbers=(1, 100))
    municipal_supplement: bool = fld(N_("Municipal supplement (kuntalisä)"), default=False)
    employer_knows_about_coaching: bool = fld(N_("Employer knows about the coaching"), default=False)
    # The support the employer was given (Helsinki counted these: 13 at recruitment or induction, 5 later).
    employer_support_recruitment: bool = fld(N_("Employer supported at recruitment"), default=False)
    employer_support_induction: bool = fld(N_("Employer supported at induction"), default=False)
    employer_support_after_induction: bool = fld(N_("Support at the workplace after induction"), default=False)
    trial_reason: TrialReason | None = fld(N_("Why a work trial"), default=None)
    trial_decided_by: TrialDecider | None = fld(N_("Work trial decided by"), default=None)
    end_reason: JobEndReason | None = fld(N_("Why it ended"), default=None)
    end_details: str = fld(N_("More about why it ended"), default="", searchable=True)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)

    def main_date(self) -> date | None:
        return self.start_on

    def ongoing_on(self, day: date) -> bool:
        """Working on `day`: started, and not ended before it (the last day still counts)."""
        return self.start_on <= day and (self.end_on is None or day <= self.end_on)

    def check(self) -> None:
        _not_before(self.end_on, self.start_on, "end_on", N_("The end date is before the start date."))
        _not_before(
            self.pay_subsidy_until,
            self.pay_subsidy_from,
            "pay_subsidy_until",
            N_("The pay subsidy ends before it starts."),
        )
        subsidy_given = [
            self.pay_subsidy_from,
            self.pay_subsidy_until,
            self.pay_subsidy_percent,
            self.municipal_supplement or None,
        ]
        if self.kind is EmploymentKind.WORK_TRIAL and self.pay_subsidy:
            raise ValidationError("pay_subsidy", _("A work trial is not employment: no pay subsidy is paid for it."))
        if not self.pay_subsidy and any(v is not None for v in subsidy_given):
            raise ValidationError("pay_subsidy", _("Tick pay subsidy, or clear its dates and percentage."))
        if self.kind is not EmploymentKind.WORK_TRIAL and (self.trial_reason or self.trial_decided_by):
            raise ValidationError(
                "trial_reason", _("The reason for a work trial and who decided it go on a work trial.")
            )
        if self.end_reason is not None and self.end_on is None:
            raise ValidationError("end_on", _("Give the end date with the reason it ended."))


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
    # None only on closures recorded before destinations existed.
    destination: ClosureDestination | None = fld(N_("Where the client went"), default=None)
    continuation_path: str = fld(N_("Continuation path"), default="", long=True, searchable=True)
    achieved: str = fld(N_("What was achieved"), default="", long=True, searchable=True)
    contacts: str = fld(N_("Contacts"), default="", long=True)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)
    # The service episode this closure ended (set by the closing move).
    episode_id: str | None = fld(N_("Service episode"), default=None, printed=False, editable=False, ref="episode")

    def main_date(self) -> date | None:
        return self.closed_on

    def check(self) -> None:
        died = (self.reason is ClosureReason.DIED, self.destination is ClosureDestination.DIED)
        if self.destination is not None and died[0] != died[1]:
            raise ValidationError("destination", _("The reason and where the client went disagree about a death."))


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

    def change_since(self, first: KykyviisariResult) -> list[tuple[str, int, int]]:
        """(score's label, first, this) for every score given both times: Kykyviisari shows change only when
        it is repeated (Vaasa followed the effect of the coaching with it)."""
        return [
            (d.label, before, after)
            for d in declared_fields(KykyviisariResult)
            if d.spec.numbers == SCORE
            and isinstance(before := getattr(first, d.name), int)
            and isinstance(after := getattr(self, d.name), int)
        ]


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


@dataclass(kw_only=True)
class Waiting(ClientRecord):
    """Something the client's next step waits for (a doctor, a B-statement, a decision), with the date it is
    expected: doctor's appointments took up to four months in Vaasa, and nothing else shows why."""

    KIND = "waiting"
    TITLE = N_("Waiting for")
    what: WaitingFor = fld(N_("Waiting for"))
    since: date = fld(N_("Since"), dates=EVENT)
    expected_on: date = fld(N_("Expected by"), dates=PLAN)
    resolved_on: date | None = fld(N_("Came on"), default=None, dates=EVENT)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)

    def main_date(self) -> date | None:
        return self.since

    def check(self) -> None:
        _not_before(self.expected_on, self.since, "expected_on", N_("The expected date is before the waiting began."))
        _not_before(self.resolved_on, self.since, "resolved_on", N_("It came before the waiting began."))


@dataclass(kw_only=True)
class FollowUp(ClientRecord):
    """A follow-up after the service ended: is the client still working (jatkoseuranta)?"""

    KIND = "follow_up"
    TITLE = N_("Follow-up after the service")
    on: date = fld(N_("Date"), dates=EVENT)
    # None until asked: "not asked" is not "no".
    still_working: bool | None = fld(N_("Still working"), default=None, required=True)
    mode: ContactMode = fld(N_("Contact how"), default=ContactMode.PHONE)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)

    def main_date(self) -> date | None:
        return self.on
