"""The records of a synthetic client, made one step of their story at a time: the client and their episode,
meetings at the pace of each phase, the agreement and consent, the mapping's results, employer contacts and
applications, jobs and work trials. No real people: names are common ones combined at random."""

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
    Consent,
    ConsentParty,
    ContactMode,
    ContactPurpose,
    DecisionBasis,
    DisclosureChoice,
    Employer,
    EmployerContact,
    Employment,
    EmploymentKind,
    Episode,
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
    WorkHistoryEntry,
)
from tyokykyapp.domain.client_file import FILE_LISTS
from tyokykyapp.domain.identity_code import check_character
from tyokykyapp.process.calendar import add_months

# Referral sources roughly as in the Helsinki pilot (most from rehabilitative work activity).
REFERRAL_WEIGHTS = {source: 1 for source in ReferralSource if source is not ReferralSource.OTHER} | {
    ReferralSource.WORK_ACTIVITY: 12
}


INCOME_WEIGHTS = {
    IncomeSource.LABOUR_MARKET_SUBSIDY: 8,
    IncomeSource.SOCIAL_ASSISTANCE: 2,
    IncomeSource.REHABILITATION_SUBSIDY: 2,
    IncomeSource.PARTIAL_DISABILITY_PENSION: 2,
    IncomeSource.FULL_DISABILITY_PENSION: 1,
    IncomeSource.UNEMPLOYMENT_ALLOWANCE: 1,
}


_PLACE_MODE = (MeetingMode.FACE_TO_FACE,) * 7 + (MeetingMode.PHONE,) * 2 + (MeetingMode.VIDEO,)


@dataclass
class Builder:
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


def _identity_code(rng: random.Random, born: date) -> str:
    """A well-formed code with an individual number from 900–999, the range kept for temporary and test use."""
    individual = rng.randint(900, 999)
    stem = f"{born:%d%m%y}"
    sign = "-" if born.year < 2000 else "A"
    return f"{stem}{sign}{individual}{check_character(stem + str(individual))}"


def make_client(b: Builder) -> Client:
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


def add_episode(b: Builder, client: Client, start: date, source: ReferralSource | None = None) -> None:
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


def add_meeting(
    b: Builder,
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
    start = time(rng.randint(8, 15), rng.choice((0, 15, 30, 45)))
    where = words.MEETING_PLACES[place.value] if place else ""
    b.add(
        Meeting,
        client_id=client_id,
        on=on,
        start_time=start,
        duration_minutes=rng.choice((30, 45, 60, 90, 120)),
        kind=kind,
        mode=mode,
        place_type=place,
        place=where,
        status=status,
        participants="asiakas, työhönvalmentaja",
        notes=rng.choice(words.MEETING_NOTES) if status is MeetingStatus.HELD else "Asiakas ei tullut; soitetaan.",
        agreed_next_steps="Asiakas päivittää hakemuksen; valmentaja selvittää palkkatuen.",
        next_meeting_on=next_on,
        # A booked meeting has its time and place agreed too (Today's agenda shows them): the same as this one.
        next_meeting_time=start if next_on else None,
        next_meeting_place=where if next_on else "",
    )


def _meeting_kind(b: Builder, phase: Phase, level: MaintenanceLevel | None) -> tuple[MeetingKind, MeetingMode | None]:
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


def add_meetings(b: Builder, client: Client, until: date, quiet: int) -> None:
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
            add_meeting(b, client.id, day, kind=kind, mode=mode, status=status, next_on=booked)
            day = following


def add_intake(b: Builder, client: Client, start: date) -> None:
    b.add(PhaseChange, client_id=client.id, on=start, from_phase=None, to_phase=Phase.INTAKE, by=b.coach)
    add_meeting(b, client.id, start, kind=MeetingKind.FIRST_MEETING, mode=MeetingMode.FACE_TO_FACE, next_on=None)
    b.add(ChecklistTick, client_id=client.id, item="privacy_notice_given", ticked_on=start)


def add_agreement_and_consent(b: Builder, client: Client, on: date, *, disclosure: bool = True) -> None:
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
        valid_until=_valid_until(b, on, expiring),
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


def _valid_until(b: Builder, on: date, expiring: bool) -> date | None:
    """Most consents last until the service ends; a two-year one still runs (the coach renewed the rest); a few
    end around today, to be renewed."""
    if expiring and on < b.ago(40):
        return b.day_between(b.ago(10), b.today + timedelta(days=40))
    two_years = on + timedelta(days=730)
    return two_years if b.rng.random() >= 0.6 and two_years > b.today + timedelta(days=30) else None


def add_plan(b: Builder, client: Client, made_on: date, *, step_in: int = 14) -> None:
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


def add_kykyviisari(b: Builder, client: Client, on: date) -> None:
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


def add_mapping_results(b: Builder, client: Client, start: date, end: date, until: date) -> None:
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
    add_kykyviisari(b, client, done)
    add_plan(b, client, done)
    review = done + timedelta(days=rng.randint(150, 330))
    while review <= until:
        add_plan(b, client, review)
        review += timedelta(days=rng.randint(150, 330))
    repeat = done + timedelta(days=rng.randint(120, 160))
    while repeat <= until:
        add_kykyviisari(b, client, repeat)
        repeat += timedelta(days=rng.randint(120, 160))


def add_employer_contact(b: Builder, client: Client, on: date, mode: ContactMode | None = None) -> None:
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


def add_job_search_records(b: Builder, client: Client, start: date, end: date) -> None:
    """Employer contacts about every two weeks and the client's own applications."""
    rng = b.rng
    day = start + timedelta(days=rng.randint(1, 10))
    while day <= end:
        add_employer_contact(b, client, day)
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


def add_employment(
    b: Builder, client: Client, start: date, runs_until: date, *, trial: bool | None = None, ends: date | None = None
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
        add_meeting(
            b, client.id, start + timedelta(days=2), kind=MeetingKind.WORKPLACE_VISIT, mode=MeetingMode.FACE_TO_FACE
        )
    return job
