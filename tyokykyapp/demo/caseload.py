"""A realistic synthetic caseload for one coach, as the IPS criteria size it: at most 20 open clients plus
those whose service has ended. No real people. The same seed on the same day gives the same caseload.

The first `DEMO_CLIENTS` clients are scripted (`PERSONAS`): every phase and support level, one client who
came back after a closure (two service episodes), one closure for each reason with a destination that fits
it, and the situations that make each kind of due item show on Today (a long intake while waiting for a
B-statement, no face-to-face employer contact in the first month, a job that just ended, ...). Beyond them
(the benchmark's large vaults) clients follow the same story with random phases.

Every move goes through the process rules (`check_move`) on the client's records as built so far, so the
demo can never show a history the app itself would refuse.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from tyokykyapp.demo import vocabulary as words
from tyokykyapp.domain import (
    Agreement,
    ApplicationChannel,
    ApplicationOutcome,
    ChecklistTick,
    Client,
    ClientFile,
    Closure,
    ClosureDestination,
    ClosureReason,
    Consent,
    ConsentParty,
    ContactMode,
    ContactPurpose,
    DecisionBasis,
    DisclosureChoice,
    Employer,
    EmployerContact,
    EmployerPerson,
    Employment,
    EmploymentKind,
    Episode,
    FollowUp,
    IncomeSource,
    JobApplication,
    JobEndReason,
    KykyviisariResult,
    Language,
    MaintenanceLevel,
    Meeting,
    MeetingInterval,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    NetworkContact,
    Phase,
    PhaseChange,
    PlaceType,
    Plan,
    PlanRelation,
    PlanStep,
    Record,
    Referral,
    ReferralSource,
    SupportPlan,
    TrialDecider,
    TrialReason,
    VocationalProfile,
    Waiting,
    WaitingFor,
    WorkHistoryEntry,
)
from tyokykyapp.domain.client_file import FILE_LISTS
from tyokykyapp.domain.errors import UserError
from tyokykyapp.domain.identity_code import check_character
from tyokykyapp.i18n import _
from tyokykyapp.process import Move, check_move
from tyokykyapp.process.calendar import add_months
from tyokykyapp.vault import Vault

# One coach's caseload: 19 open clients (IPS: at most 20) and 11 whose service has ended.
DEMO_CLIENTS = 30
PHASE_WEIGHTS = {
    Phase.INTAKE: 6,
    Phase.MAPPING: 14,
    Phase.JOB_SEARCH: 26,
    Phase.SUPPORT: 12,
    Phase.MAINTENANCE: 20,
    Phase.CLOSED: 22,
}
PROGRESSION = (Phase.INTAKE, Phase.MAPPING, Phase.JOB_SEARCH, Phase.SUPPORT, Phase.MAINTENANCE)
# Referral sources roughly as in the Helsinki pilot (most from rehabilitative work activity).
REFERRAL_WEIGHTS = {source: 1 for source in ReferralSource} | {ReferralSource.WORK_ACTIVITY: 12}
INCOME_WEIGHTS = {
    IncomeSource.LABOUR_MARKET_SUBSIDY: 8,
    IncomeSource.SOCIAL_ASSISTANCE: 2,
    IncomeSource.REHABILITATION_SUBSIDY: 2,
    IncomeSource.PARTIAL_DISABILITY_PENSION: 2,
    IncomeSource.FULL_DISABILITY_PENSION: 1,
    IncomeSource.UNEMPLOYMENT_ALLOWANCE: 1,
}
# Where a client goes, by why the service ended (the first destination is the usual one).
DESTINATIONS = {
    ClosureReason.EMPLOYED: (ClosureDestination.EMPLOYED,),
    ClosureReason.OTHER_SERVICE: (ClosureDestination.WORK_ACTIVITY, ClosureDestination.OTHER_SERVICE),
    ClosureReason.HEALTH: (ClosureDestination.KELA_REHABILITATION, ClosureDestination.DROPPED_OUT_HEALTH),
    ClosureReason.MOVED: (ClosureDestination.OTHER_SERVICE,),
    ClosureReason.STUDIES: (ClosureDestination.STUDIES,),
    ClosureReason.NOT_REACHED: (ClosureDestination.DROPPED_OUT_NOT_REACHED,),
    ClosureReason.DIED: (ClosureDestination.DIED,),
    ClosureReason.OWN_DECISION: (ClosureDestination.DROPPED_OUT_OWN_DECISION, ClosureDestination.PENSION),
    ClosureReason.SERVICE_ENDED: (ClosureDestination.OTHER_SERVICE, ClosureDestination.WORK_TRIAL),
}
_PLACE_MODE = (MeetingMode.FACE_TO_FACE,) * 7 + (MeetingMode.PHONE,) * 2 + (MeetingMode.VIDEO,)


@dataclass
class _Builder:
    rng: random.Random
    today: date
    coach: str
    employers: list[Employer]
    records: list[Record] = field(default_factory=list)
    file: ClientFile | None = None  # the client being built, kept in step so each move can be checked

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def add(self, make: Callable[..., Record], **values: object) -> Record:
        record = make(id=self.uuid(), **values)
        self.records.append(record)
        if self.file is not None and record.owner_client_id() == self.file.client.id and record.KIND in FILE_LISTS:
            getattr(self.file, FILE_LISTS[record.KIND]).append(record)
        return record


@dataclass(frozen=True)
class Persona:
    """A scripted client: where they are today and the days of their moves (days before today)."""

    target: Phase
    entered: int
    moves: tuple[int, ...] = ()  # one day per move along PROGRESSION after intake
    level: MaintenanceLevel | None = None
    reason: ClosureReason | None = None  # for a closed client
    closed: int = 0  # days before today the (first) episode ended
    quiet: int = 0  # no meeting in the last days, and none booked
    twist: Callable[[_Builder, Client], None] | None = None
    source: ReferralSource | None = None  # who referred them (random, mostly work activity, when not given)


def _identity_code(rng: random.Random, born: date) -> str:
    """A well-formed code with an individual number from 900–999, the range kept for temporary and test use."""
    individual = rng.randint(900, 999)
    stem = f"{born:%d%m%y}"
    sign = "-" if born.year < 2000 else "A"
    return f"{stem}{sign}{individual}{check_character(stem + str(individual))}"


def _client(b: _Builder) -> Client:
    rng = b.rng
    swedish = rng.random() < 0.12
    given = rng.choice(words.SWEDISH_GIVEN if swedish else words.FINNISH_GIVEN)
    family = rng.choice(words.SWEDISH_FAMILY if swedish else words.FINNISH_FAMILY)
    born = date(b.today.year - rng.randint(23, 63), rng.randint(1, 12), rng.randint(1, 28))
    postal, city = rng.choice(words.CITIES)
    language = Language.SV if swedish else (Language.OTHER if rng.random() < 0.08 else Language.FI)
    return Client(
        id=b.uuid(),
        family_name=family,
        given_names=given,
        date_of_birth=born,
        identity_code=_identity_code(rng, born) if rng.random() < 0.6 else "",
        phone=f"040 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        email=f"{given.lower()}.{family.lower()}@example.fi".translate(str.maketrans("äöåé", "aoae")),
        address=f"{rng.choice(words.STREETS)} {rng.randint(1, 60)}, {postal} {city}",
        preferred_language=language,
        other_language="arabia" if language is Language.OTHER else "",
        interpreter_needed=language is Language.OTHER and rng.random() < 0.5,
        prefers_paper=rng.random() < 0.35,
    )


def _episode(b: _Builder, client: Client, start: date, source: ReferralSource | None = None) -> None:
    """A service episode with the referral and the client's situation at entry."""
    rng = b.rng
    source = source or rng.choices(list(REFERRAL_WEIGHTS), weights=list(REFERRAL_WEIGHTS.values()))[0]
    decided = source is ReferralSource.DISABILITY_SOCIAL_WORK
    b.add(
        Episode,
        client_id=client.id,
        started_on=start,
        referral=Referral(
            source=source, referrer=rng.choice(words.REFERRERS), referred_on=start - timedelta(days=rng.randint(3, 20))
        ),
        unemployed_since=start - timedelta(days=rng.randint(200, 4000)),
        main_income=rng.choices(list(INCOME_WEIGHTS), weights=list(INCOME_WEIGHTS.values()))[0],
        work_activity=source is ReferralSource.WORK_ACTIVITY or rng.random() < 0.3,
        typ_client=source is ReferralSource.TYP or rng.random() < 0.15,
        social_worker=f"{rng.choice(words.FINNISH_GIVEN)} {rng.choice(words.FINNISH_FAMILY)}"
        if rng.random() < 0.5
        else "",
        service_decision_basis=DecisionBasis.SOCIAL_WELFARE_ACT if decided else None,
        service_decision_on=start if decided else None,
    )


def _meeting(
    b: _Builder,
    client_id: str,
    on: date,
    *,
    kind: MeetingKind = MeetingKind.COACHING,
    mode: MeetingMode | None = None,
    place: PlaceType | None = None,
    status: MeetingStatus = MeetingStatus.HELD,
    next_on: date | None = None,
) -> None:
    rng = b.rng
    mode = mode or rng.choice(_PLACE_MODE)
    if mode is MeetingMode.FACE_TO_FACE and place is None:
        place = PlaceType.WORKPLACE if kind is MeetingKind.WORKPLACE_VISIT else rng.choice(list(PlaceType))
    if mode is not MeetingMode.FACE_TO_FACE:
        place = None
    b.add(
        Meeting,
        client_id=client_id,
        on=on,
        start_time=time(rng.randint(8, 15), rng.choice((0, 15, 30, 45))),
        duration_minutes=rng.choice((30, 45, 60, 90, 120)),
        kind=kind,
        mode=mode,
        place_type=place,
        place=words.MEETING_PLACES[place.value] if place else "",
        status=status,
        participants="asiakas, työhönvalmentaja",
        notes=rng.choice(words.MEETING_NOTES) if status is MeetingStatus.HELD else "Asiakas ei tullut; soitetaan.",
        agreed_next_steps="Asiakas päivittää hakemuksen; valmentaja selvittää palkkatuen.",
        next_meeting_on=next_on,
    )


def _meeting_kind(b: _Builder, phase: Phase, level: MaintenanceLevel | None) -> tuple[MeetingKind, MeetingMode | None]:
    rng = b.rng
    if phase is Phase.SUPPORT or (phase is Phase.MAINTENANCE and level is not MaintenanceLevel.LIGHT):
        if rng.random() < 0.6:
            return MeetingKind.WORKPLACE_VISIT, MeetingMode.FACE_TO_FACE
        return MeetingKind.COACHING, MeetingMode.PHONE
    if phase is Phase.MAINTENANCE:
        return MeetingKind.COACHING, MeetingMode.PHONE
    if rng.random() < 0.08:
        return MeetingKind.NETWORK_MEETING, MeetingMode.FACE_TO_FACE
    return MeetingKind.COACHING, None


def _cadence(phase: Phase, level: MaintenanceLevel | None, interval: MeetingInterval | None) -> int:
    if phase is Phase.MAINTENANCE:
        return {MaintenanceLevel.ACTIVE: 28, MaintenanceLevel.SUFFICIENT: 75, MaintenanceLevel.LIGHT: 170}[
            level or MaintenanceLevel.LIGHT
        ]
    if phase in (Phase.MAPPING, Phase.JOB_SEARCH) and interval is not None:
        return interval.days
    return {Phase.INTAKE: 7, Phase.SUPPORT: 7}.get(phase, 12)


def _meetings(b: _Builder, client: Client, until: date, quiet: int) -> None:
    """Meetings over each phase of the current episode at the phase's pace; the last one before today books the
    next unless the client has gone quiet."""
    assert b.file is not None
    history = [p for p in b.file.phase_history if p.on >= client.started_on]
    stop = min(until, b.today - timedelta(days=quiet))
    for index, change in enumerate(history):
        end = history[index + 1].on if index + 1 < len(history) else stop
        plan = b.file.latest_plan()
        every = _cadence(change.to_phase, change.to_level, plan.meeting_interval if plan else None)
        day = change.on + timedelta(days=min(7, every))
        while day < min(end, stop) or (day == stop and index + 1 == len(history)):
            following = day + timedelta(days=every + b.rng.randint(-2, 2))
            booked = following if following > b.today and not quiet else None
            kind, mode = _meeting_kind(b, change.to_phase, change.to_level)
            status = MeetingStatus.HELD if b.rng.random() < 0.92 else b.rng.choice(list(MeetingStatus)[1:])
            _meeting(b, client.id, day, kind=kind, mode=mode, status=status, next_on=booked)
            day = following


def _move(
    b: _Builder,
    client: Client,
    to: Phase,
    on: date,
    level: MaintenanceLevel | None = None,
    closure: Closure | None = None,
) -> None:
    """A move the process rules allow (a demo that breaks them is a bug, and raises)."""
    assert b.file is not None
    reason = (
        "Tilanne muuttui; palataan kartoitukseen." if (client.phase, to) == (Phase.JOB_SEARCH, Phase.MAPPING) else ""
    )
    check_move(b.file, Move.closing_with(to, on, closure, reason=reason, level=level))
    b.add(
        PhaseChange,
        client_id=client.id,
        on=on,
        from_phase=client.phase,
        to_phase=to,
        from_level=client.maintenance_level,
        to_level=level,
        reason=reason,
        by=b.coach,
    )
    if client.phase is Phase.CLOSED:
        client.started_on = on
        _episode(b, client, on, ReferralSource.SELF)
    client.phase, client.phase_since, client.maintenance_level = to, on, level


def _intake(b: _Builder, client: Client, start: date) -> None:
    b.add(PhaseChange, client_id=client.id, on=start, from_phase=None, to_phase=Phase.INTAKE, by=b.coach)
    _meeting(b, client.id, start, kind=MeetingKind.FIRST_MEETING, mode=MeetingMode.FACE_TO_FACE, next_on=None)
    b.add(ChecklistTick, client_id=client.id, item="privacy_notice_given", ticked_on=start)


def _agreement_and_consent(b: _Builder, client: Client, on: date, *, disclosure: bool = True) -> None:
    rng = b.rng
    b.add(
        Agreement,
        client_id=client.id,
        signed_on=on,
        aim="Työ avoimilta työmarkkinoilta omaan tahtiin.",
        how_we_work="Tapaamme kirjastolla tai asiakkaan kotona; valmentajan tavoittaa puhelimella arkisin.",
    )
    expiring = rng.random() < 0.15
    b.add(
        Consent,
        client_id=client.id,
        given_on=on,
        parties=[
            ConsentParty(name="Kela", role="Kela", what_may_be_exchanged="etuudet ja kuntoutus"),
            ConsentParty(name="Työllisyysalue", role="kunnan työllisyyspalvelut", what_may_be_exchanged="työnhaku"),
            ConsentParty(
                name="Terveysasema", role="terveydenhuolto", what_may_be_exchanged="työkyky", allowed=rng.random() < 0.5
            ),
        ],
        purpose="Työhönvalmennuksen suunnittelu ja toteutus",
        health_information=rng.random() < 0.3,
        employer_disclosure=rng.choice(list(DisclosureChoice)) if disclosure else None,
        valid_until=b.day_between(b.ago(10), b.today + timedelta(days=40))
        if expiring and on < b.ago(40)
        else (None if rng.random() < 0.6 else on + timedelta(days=730)),
    )
    for _contact in range(rng.randint(1, 3)):
        b.add(
            NetworkContact,
            client_id=client.id,
            role=rng.choice(words.NETWORK_ROLES),
            name=f"{rng.choice(words.FINNISH_GIVEN)} {rng.choice(words.FINNISH_FAMILY)}",
            organisation="Helsingin kaupunki",
            phone=f"09 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        )


def _plan(b: _Builder, client: Client, made_on: date, *, step_in: int = 14) -> None:
    rng = b.rng
    step_due = made_on + timedelta(days=step_in)
    official = rng.random() < 0.4
    b.add(
        Plan,
        client_id=client.id,
        made_on=made_on,
        goal="Löytää sopiva osa-aikatyö avoimilta työmarkkinoilta.",
        steps=[
            PlanStep(
                description="Päivitetään CV",
                owner="asiakas ja valmentaja",
                due_on=step_due,
                done_on=step_due - timedelta(days=rng.randint(0, 5)) if step_due < b.today else None,
            )
        ],
        meeting_interval=rng.choice((MeetingInterval.WEEKLY, MeetingInterval.FORTNIGHTLY, MeetingInterval.MONTHLY)),
        meeting_frequency="kirjastolla tai puhelimessa",
        review_on=made_on + timedelta(days=rng.choice((180, 365))),
        external_plan=rng.choice(("työllistymissuunnitelma", "aktivointisuunnitelma")) if official else "",
        external_relation=rng.choice(list(PlanRelation)) if official else None,
    )


def _kykyviisari(b: _Builder, client: Client, on: date) -> None:
    rng = b.rng
    b.add(
        KykyviisariResult,
        client_id=client.id,
        done_on=on,
        work_ability=rng.randint(3, 9),
        mental_wellbeing=rng.randint(2, 9),
        social_participation=rng.randint(2, 9),
        physical_functioning=rng.randint(3, 10),
        skills=rng.randint(3, 9),
        everyday_life=rng.randint(3, 9),
        where_original="Kykyviisari-palvelu (asiakkaan omat tunnukset)",
    )


def _mapping_done(b: _Builder, client: Client, start: date, end: date, until: date) -> None:
    """The mapping's results; the plan reviewed and the Kykyviisari repeated on time up to `until`."""
    rng = b.rng
    done = b.day_between(start, end)
    sector = rng.choice(list(words.JOB_TITLES))
    b.add(
        VocationalProfile,
        client_id=client.id,
        updated_on=done,
        work_goals=f"Haluaisin töihin: {words.WORK_WISHES[sector]}. Osa-aikatyö aluksi.",
        hours_and_days="4–6 tuntia päivässä, arkisin",
        education="peruskoulu, ammatillinen perustutkinto",
        qualifications="hygieniapassi" if rng.random() < 0.5 else "ajokortti B",
        work_history=[
            WorkHistoryEntry(
                employer="Kesätyöpaikka",
                title=rng.choice(words.JOB_TITLES[sector]),
                period="2015–2016",
                went_well="työkaverit",
                why_ended="määräaikainen",
            )
        ],
        strengths="täsmällinen, pitää käytännön työstä",
        cv_updated_on=done,
        job_seeker_registration_checked_on=done,
        work_pays_checked_on=done if rng.random() < 0.8 else None,
    )
    _kykyviisari(b, client, done)
    _plan(b, client, done)
    review = done + timedelta(days=rng.randint(150, 330))
    while review <= until:
        _plan(b, client, review)
        review += timedelta(days=rng.randint(150, 330))
    repeat = done + timedelta(days=rng.randint(120, 160))
    while repeat <= until:
        _kykyviisari(b, client, repeat)
        repeat += timedelta(days=rng.randint(120, 160))


def _employer_contact(b: _Builder, client: Client, on: date, mode: ContactMode | None = None) -> None:
    employer = b.rng.choice(b.employers)
    b.add(
        EmployerContact,
        employer_id=employer.id,
        client_id=client.id,
        on=on,
        mode=mode or b.rng.choice((ContactMode.FACE_TO_FACE,) * 3 + (ContactMode.PHONE, ContactMode.EMAIL)),
        contact_purpose=ContactPurpose.FOR_CLIENT,
        contact_person=employer.contact_persons[0].name,
        purpose="Työmahdollisuuden kartoitus asiakkaan toiveiden mukaan",
        outcome=b.rng.choice(("sovittiin haastattelu", "ei paikkoja nyt", "palataan keväällä")),
    )


def _job_search_records(b: _Builder, client: Client, start: date, end: date) -> None:
    """Employer contacts about every two weeks and the client's own applications."""
    rng = b.rng
    day = start + timedelta(days=rng.randint(1, 10))
    while day <= end:
        _employer_contact(b, client, day)
        day += timedelta(days=rng.randint(9, 20))
    for _application in range(rng.randint(1, 5)):
        employer = rng.choice(b.employers)
        assert employer.sector is not None
        b.add(
            JobApplication,
            client_id=client.id,
            applied_on=b.day_between(start, end),
            employer_id=employer.id,
            employer_name=employer.name,
            position=rng.choice(words.JOB_TITLES[employer.sector]),
            channel=rng.choice(list(ApplicationChannel)),
            outcome=rng.choice(list(ApplicationOutcome)),
        )


def _employment(
    b: _Builder, client: Client, start: date, runs_until: date, *, trial: bool | None = None, ends: date | None = None
) -> Employment:
    """A job or a work trial (about two months) going on at `runs_until` unless it `ends` earlier, with its
    support plan and the first induction visit at the workplace."""
    rng = b.rng
    employer = rng.choice(b.employers)
    assert employer.sector is not None
    trial = rng.random() < 0.3 if trial is None else trial
    subsidy = not trial and rng.random() < 0.4
    subsidy_from = max(start, add_months(b.today, -rng.randint(1, 9)))
    end_on = ends or (
        max(start + timedelta(days=60), runs_until + timedelta(days=rng.randint(0, 40))) if trial else None
    )
    job = b.add(
        Employment,
        client_id=client.id,
        start_on=start,
        end_on=end_on,
        kind=EmploymentKind.WORK_TRIAL if trial else EmploymentKind.EMPLOYMENT,
        employer_id=employer.id,
        employer_name=employer.name,
        title=rng.choice(words.JOB_TITLES[employer.sector]),
        sector=employer.sector,
        hours_per_week=rng.choice((15.0, 20.0, 25.0, 30.0, 37.5)),
        open_labour_market=not subsidy or rng.random() < 0.7,
        pay_subsidy=subsidy,
        pay_subsidy_from=subsidy_from if subsidy else None,
        pay_subsidy_until=add_months(subsidy_from, 12) if subsidy else None,
        pay_subsidy_percent=rng.choice((50, 70, 70)) if subsidy else None,
        municipal_supplement=subsidy and rng.random() < 0.3,
        employer_knows_about_coaching=rng.random() < 0.6,
        employer_support_recruitment=rng.random() < 0.3,
        employer_support_induction=rng.random() < 0.3,
        employer_support_after_induction=rng.random() < 0.12,
        trial_reason=rng.choice(list(TrialReason)) if trial else None,
        trial_decided_by=TrialDecider.EMPLOYMENT_SERVICES if trial else None,
        end_reason=JobEndReason.FIXED_TERM_ENDED if ends and not trial else None,
        end_details="Määräaikainen sopimus päättyi." if ends and not trial else "",
    )
    assert isinstance(job, Employment)
    b.add(
        SupportPlan,
        client_id=client.id,
        made_on=start,
        employment_id=job.id,
        support_at_work="Alkuvalmennuksen tukikäynnit kahtena ensimmäisenä viikkona.",
        support_outside_work="Puhelu viikoittain.",
        who_to_call="työhönvalmentaja",
    )
    if start + timedelta(days=2) <= b.today:
        _meeting(
            b, client.id, start + timedelta(days=2), kind=MeetingKind.WORKPLACE_VISIT, mode=MeetingMode.FACE_TO_FACE
        )
    return job


def _close(b: _Builder, client: Client, on: date, reason: ClosureReason) -> None:
    rng = b.rng
    destination = rng.choice(DESTINATIONS[reason])
    assert b.file is not None
    episode = b.file.current_episode()
    closure = Closure(
        id=b.uuid(),
        client_id=client.id,
        closed_on=on,
        reason=reason,
        destination=destination,
        continuation_path=words.CONTINUATIONS.get(destination, ""),
        achieved="Työnhaun taidot vahvistuivat." if reason is not ClosureReason.DIED else "",
        episode_id=episode.id if episode else None,
    )
    _move(b, client, Phase.CLOSED, on, closure=closure)
    b.records.append(closure)
    b.file.closures.append(closure)
    # Follow-up after the service: is the client still working a few months on (Helsinki: "jatkoseuranta")?
    follow_up = on + timedelta(days=rng.randint(60, 100))
    if destination is ClosureDestination.EMPLOYED and follow_up <= b.today:
        b.add(FollowUp, client_id=client.id, on=follow_up, still_working=rng.random() < 0.8, mode=ContactMode.PHONE)


def _story(b: _Builder, client: Client, start: date, path: list[tuple[Phase, date]], persona: Persona | None) -> None:
    """The client's episode from entry along `path` (phase, day), its records, and a closure if it has one."""
    rng = b.rng
    level = persona.level if persona else rng.choice(list(MaintenanceLevel))
    reason = persona.reason if persona else None
    end_of_all = b.ago(persona.closed) if persona and persona.closed else b.today
    closing = end_of_all if persona and persona.target is Phase.CLOSED else None
    employed_end = reason is ClosureReason.EMPLOYED
    _intake(b, client, start)
    # IPS: a face-to-face employer contact within a month of entry, for most clients past intake.
    if path and rng.random() < 0.8 and not (persona and persona.twist is _no_first_contact):
        _employer_contact(b, client, start + timedelta(days=rng.randint(5, 25)), ContactMode.FACE_TO_FACE)
    for phase, on in path:
        if phase is Phase.MAPPING:
            _agreement_and_consent(b, client, on, disclosure=rng.random() < 0.85)
            _move(b, client, phase, on)
        elif phase is Phase.JOB_SEARCH:
            _mapping_done(b, client, client.phase_since, on, end_of_all)
            _move(b, client, phase, on)
        elif phase is Phase.SUPPORT:
            _job_search_records(b, client, client.phase_since, on)
            _employment(b, client, on, end_of_all, trial=False if employed_end else None)
            _move(b, client, phase, on)
        else:
            _move(b, client, phase, on, level)
    if client.phase is Phase.JOB_SEARCH and (persona is None or persona.target in (Phase.JOB_SEARCH, Phase.CLOSED)):
        _job_search_records(b, client, client.phase_since, end_of_all)
    if persona and persona.twist:
        persona.twist(b, client)
    _meetings(b, client, end_of_all, persona.quiet if persona else 0)
    if closing is not None:
        _close(b, client, closing, reason or _random_reason(b))


def _random_reason(b: _Builder) -> ClosureReason:
    """Beyond the scripted clients "employed" is the most common reason, as in the pilots, for a client with an
    employment on record (without one it is not a reason the rules accept)."""
    assert b.file is not None
    others = [r for r in ClosureReason if r is not ClosureReason.EMPLOYED]
    employed = any(e.kind is EmploymentKind.EMPLOYMENT for e in b.file.employments)
    return b.rng.choice(others + [ClosureReason.EMPLOYED] * 4 if employed else others)


def _random_path(b: _Builder, target: Phase) -> tuple[date, list[tuple[Phase, date]], Persona | None]:
    rng = b.rng
    # Later phases have been going on longer.
    age_days = {
        Phase.INTAKE: (0, 20),
        Phase.MAPPING: (15, 70),
        Phase.JOB_SEARCH: (40, 400),
        Phase.SUPPORT: (80, 500),
        Phase.MAINTENANCE: (150, 1000),
        Phase.CLOSED: (120, 1100),
    }[target]
    start = b.ago(rng.randint(*age_days))
    final = target if target is not Phase.CLOSED else rng.choice(PROGRESSION)
    closing = b.ago(rng.randint(0, 60)) if target is Phase.CLOSED else None
    end_of_all = closing or b.today
    span = (end_of_all - start).days
    steps = PROGRESSION.index(final)
    cut = sorted(start + timedelta(days=int(span * f)) for f in sorted(rng.random() for _ in range(steps)))
    cut = [min(max(day, start + timedelta(days=1 + i)), end_of_all) for i, day in enumerate(cut)]
    persona = None
    if closing is not None:
        level = rng.choice(list(MaintenanceLevel))
        persona = Persona(Phase.CLOSED, (b.today - start).days, level=level, closed=(b.today - closing).days)
    return start, list(zip(PROGRESSION[1 : steps + 1], cut, strict=True)), persona


# --- the scripted clients' twists: what makes each show on Today --------------------------------------------


def _no_first_contact(b: _Builder, client: Client) -> None:
    """No face-to-face employer contact in the first month (IPS-25 item 15); a plan step due this week."""
    _plan(b, client, b.ago(9), step_in=13)


def _waiting_for_statement(b: _Builder, client: Client) -> None:
    """A long intake: the client waits for a doctor's B-statement; the next meeting is booked."""
    b.add(
        Waiting,
        client_id=client.id,
        what=WaitingFor.B_STATEMENT,
        since=b.ago(40),
        expected_on=b.today + timedelta(days=4),
        notes=words.WAITING_NOTES[1],
    )
    _meeting(b, client.id, b.today + timedelta(days=6), kind=MeetingKind.COACHING, mode=MeetingMode.FACE_TO_FACE)


def _missed_meeting(b: _Builder, client: Client) -> None:
    """The client did not come two weeks ago, and nothing is booked: the rhythm is broken."""
    _meeting(b, client.id, b.ago(14), status=MeetingStatus.NO_SHOW, mode=MeetingMode.FACE_TO_FACE)


def _stalled_search(b: _Builder, client: Client) -> None:
    """The coach's employer contacts stopped almost a month ago."""
    assert b.file is not None
    late = [c for c in b.file.employer_contacts if c.on >= b.ago(27)]
    for contact in late:
        b.records.remove(contact)
        b.file.employer_contacts.remove(contact)
    _employer_contact(b, client, b.ago(27), ContactMode.FACE_TO_FACE)


def _consent_ends_soon(b: _Builder, client: Client) -> None:
    assert b.file is not None
    consent = b.file.consents[-1]
    consent.valid_until = b.today + timedelta(days=20)


def _new_job(b: _Builder, client: Client) -> None:
    """The job began nine days ago; the last workplace visit was six days ago."""
    _meeting(b, client.id, b.ago(6), kind=MeetingKind.WORKPLACE_VISIT, mode=MeetingMode.FACE_TO_FACE)


def _trial_ending(b: _Builder, client: Client) -> None:
    assert b.file is not None
    trial = b.file.employments[-1]
    trial.kind, trial.end_on = EmploymentKind.WORK_TRIAL, b.today + timedelta(days=10)
    trial.pay_subsidy, trial.pay_subsidy_from, trial.pay_subsidy_until, trial.pay_subsidy_percent = (
        False,
        None,
        None,
        None,
    )
    trial.municipal_supplement = False
    trial.trial_reason, trial.trial_decided_by = TrialReason.LONG_GAP, TrialDecider.EMPLOYMENT_SERVICES


def _job_ended(b: _Builder, client: Client) -> None:
    """A fixed-term contract ended yesterday; the last meeting was before it."""
    assert b.file is not None
    job = b.file.employments[-1]
    job.kind, job.end_on = EmploymentKind.EMPLOYMENT, b.ago(1)
    job.end_reason, job.end_details = JobEndReason.FIXED_TERM_ENDED, "Sijaisuus päättyi; työnantaja tyytyväinen."
    job.trial_reason = job.trial_decided_by = None


def _subsidy_renewal(b: _Builder, client: Client) -> None:
    assert b.file is not None
    job = b.file.employments[-1]
    job.kind, job.end_on = EmploymentKind.EMPLOYMENT, None
    job.pay_subsidy, job.pay_subsidy_percent, job.municipal_supplement = True, 70, True
    job.pay_subsidy_from, job.pay_subsidy_until = add_months(b.today, -10), b.today + timedelta(days=45)
    job.trial_reason = job.trial_decided_by = None


def _kykyviisari_half_year(b: _Builder, client: Client) -> None:
    """The last Kykyviisari was almost six months ago."""
    assert b.file is not None
    for result in [r for r in b.file.kykyviisari_results if r.done_on > b.ago(175)]:
        b.records.remove(result)
        b.file.kykyviisari_results.remove(result)
    _kykyviisari(b, client, b.ago(175))


def _plan_year_old(b: _Builder, client: Client) -> None:
    """The plan was made almost a year ago and no review date is nearer."""
    assert b.file is not None
    for plan in list(b.file.plans):
        b.records.remove(plan)
        b.file.plans.remove(plan)
    _plan(b, client, b.ago(350))
    b.file.plans[-1].review_on = None


CAME_BACK_CLOSED = 400


def _came_back(b: _Builder, client: Client) -> None:
    """Closed over a year ago on the client's own decision; came back ten days ago (a second episode). The old
    agreement and consent ended with the first episode: new ones are still to be signed."""
    _job_search_records(b, client, b.ago(440), b.ago(CAME_BACK_CLOSED + 1))
    _meetings(b, client, b.ago(CAME_BACK_CLOSED), 0)
    _close(b, client, b.ago(CAME_BACK_CLOSED), ClosureReason.OWN_DECISION)
    _move(b, client, Phase.INTAKE, b.ago(10))
    _meeting(b, client.id, b.ago(10), kind=MeetingKind.FIRST_MEETING, mode=MeetingMode.FACE_TO_FACE)


IN, MA, JS, SU, MT, CL = Phase.INTAKE, Phase.MAPPING, Phase.JOB_SEARCH, Phase.SUPPORT, Phase.MAINTENANCE, Phase.CLOSED
ACTIVE, SUFFICIENT, LIGHT = MaintenanceLevel.ACTIVE, MaintenanceLevel.SUFFICIENT, MaintenanceLevel.LIGHT
R = ClosureReason
# The first six cover every phase, so a small test caseload does too.
PERSONAS: tuple[Persona, ...] = (
    Persona(IN, 520, (505, 440), closed=CAME_BACK_CLOSED, quiet=10, twist=_came_back),
    Persona(MA, 40, (30,), twist=_no_first_contact, source=ReferralSource.DISABILITY_SOCIAL_WORK),
    Persona(JS, 120, (110, 70), quiet=28, twist=_missed_meeting),
    Persona(SU, 150, (140, 100, 9), quiet=7, twist=_new_job),
    Persona(MT, 500, (480, 400, 300, 200), ACTIVE, quiet=26),
    Persona(CL, 700, (690, 600, 450, 380), SUFFICIENT, reason=R.EMPLOYED, closed=120),
    Persona(IN, 58, quiet=20, twist=_waiting_for_statement),
    Persona(MA, 25, (18,), source=ReferralSource.TYP),
    Persona(JS, 200, (190, 150), twist=_stalled_search),
    Persona(SU, 200, (190, 140, 50), twist=_trial_ending),
    Persona(MT, 700, (680, 600, 450, 350), ACTIVE, twist=_subsidy_renewal),
    Persona(CL, 400, (390, 300), reason=R.OTHER_SERVICE, closed=90),
    Persona(MA, 60, (50,), source=ReferralSource.WORK_ABILITY_ASSESSMENT),
    Persona(JS, 160, (150, 100), twist=_consent_ends_soon),
    Persona(SU, 220, (210, 160, 80), quiet=5, twist=_job_ended),
    Persona(MT, 800, (780, 700, 520, 420), SUFFICIENT, twist=_kykyviisari_half_year),
    Persona(CL, 500, (490, 420, 300), reason=R.HEALTH, closed=150),
    Persona(JS, 90, (80, 45)),
    Persona(MT, 600, (590, 500, 420, 360), SUFFICIENT, twist=_plan_year_old),
    Persona(CL, 300, (290,), reason=R.MOVED, closed=200),
    Persona(JS, 300, (280, 200)),
    Persona(MT, 900, (880, 800, 650, 500), LIGHT, quiet=178),
    Persona(CL, 450, (440, 380), reason=R.STUDIES, closed=60),
    Persona(JS, 75, (60, 30)),
    Persona(CL, 250, (240,), reason=R.NOT_REACHED, closed=100),
    Persona(CL, 600, (590, 500, 400), reason=R.DIED, closed=40),
    Persona(CL, 350, (340, 280), reason=R.OWN_DECISION, closed=30),
    Persona(CL, 900, (890, 800, 700), reason=R.SERVICE_ENDED, closed=300),
    Persona(CL, 800, (790, 700, 560, 460), LIGHT, reason=R.EMPLOYED, closed=200),
    Persona(CL, 650, (640, 560, 420, 330), ACTIVE, reason=R.EMPLOYED, closed=15),
)
assert len(PERSONAS) == DEMO_CLIENTS


def _build_client(b: _Builder, index: int) -> Client:
    client = _client(b)
    persona: Persona | None
    if index < len(PERSONAS):
        persona = PERSONAS[index]
        start = b.ago(persona.entered)
        path = [(phase, b.ago(days)) for phase, days in zip(PROGRESSION[1:], persona.moves, strict=False)]
    else:
        phases = list(PHASE_WEIGHTS)
        target = b.rng.choices(phases, list(PHASE_WEIGHTS.values()))[0]
        start, path, persona = _random_path(b, target)
    client.phase, client.phase_since, client.started_on = Phase.INTAKE, start, start
    b.file = ClientFile(client=client)
    _episode(b, client, start, persona.source if persona else None)
    _story(b, client, start, path, persona)
    b.file = None
    return client


def _employer_register(b: _Builder, count: int) -> None:
    rng = b.rng
    for _employer in range(count):
        word, sector = rng.choice(words.EMPLOYER_WORDS)
        employer = Employer(
            id=b.uuid(),
            name=f"{word} {rng.choice(words.EMPLOYER_SUFFIXES)} Oy",
            sector=sector,
            phone=f"09 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            contact_persons=[
                EmployerPerson(
                    name=f"{rng.choice(words.FINNISH_GIVEN)} {rng.choice(words.FINNISH_FAMILY)}", title="esihenkilö"
                )
            ],
        )
        b.employers.append(employer)
        b.records.append(employer)
        # The coach's own job development: visits to employers without a particular client in mind.
        for _visit in range(rng.randint(1, 3)):
            b.add(
                EmployerContact,
                employer_id=employer.id,
                on=b.ago(rng.randint(1, 180)),
                mode=ContactMode.FACE_TO_FACE,
                contact_purpose=ContactPurpose.JOB_DEVELOPMENT,
                contact_person=employer.contact_persons[0].name,
                purpose="Esittelin tuetun työllistymisen palvelua ja kysyin työtehtävistä.",
                outcome=rng.choice(
                    ("kiinnostunut keittiötehtävistä", "ei nyt, uudelleen syksyllä", "sovittiin tutustumiskäynti")
                ),
            )


def _top_up_meetings(b: _Builder, client: Client, first_record: int, wanted: int) -> None:
    """More meetings over the client's episode until they have about `wanted` (for large test caseloads)."""
    have = sum(1 for r in b.records[first_record:] if isinstance(r, Meeting))
    end = client.phase_since if client.phase is Phase.CLOSED else b.today
    for _meeting_index in range(max(0, wanted - have)):
        _meeting(b, client.id, b.day_between(client.started_on, end))


def generate_caseload(
    vault: Vault,
    clients: int,
    *,
    seed: int = 1,
    today: date | None = None,
    coach: str = "",
    meetings_per_client: int | None = None,
) -> int:
    """Add `clients` synthetic clients with their records in one transaction; returns records written.
    `meetings_per_client` tops every client up to about that many meetings (the benchmark's 40)."""
    b = _Builder(random.Random(seed), today or date.today(), coach, [])
    _employer_register(b, max(8, clients // 8))
    people: list[Client] = []
    for index in range(clients):
        first_record = len(b.records)
        people.append(_build_client(b, index))
        if meetings_per_client:
            _top_up_meetings(b, people[-1], first_record, meetings_per_client)
    with vault.transaction() as repo:
        for record in b.records:
            if isinstance(record, Employer):
                repo.save_in_transaction(record)
        for client in people:
            repo.save_in_transaction(client)
        for record in b.records:
            if not isinstance(record, Employer):
                repo.save_in_transaction(record)
    return len(b.records) + len(people)


def fill_demo(vault: Vault, *, clients: int = DEMO_CLIENTS, seed: int = 1, coach: str = "") -> int:
    """Fill an empty vault with a demo caseload and mark it a demo (the command line's `demo` and the GUI's
    demo vault); returns the records written."""
    if vault.repo.clients(limit=1) or vault.repo.clients(deleted=True, limit=1):
        raise UserError(_("This vault already has clients: demo data goes into an empty vault."))
    written = generate_caseload(vault, clients, seed=seed, coach=coach)
    vault.repo.set_setting("demo", True)
    return written
