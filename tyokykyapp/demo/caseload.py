"""A realistic synthetic caseload: every phase and maintenance level, meetings in varied places,
employer contacts, applications, jobs and work trials (some with pay subsidy), consents (some expiring),
closures with the reasons of the reports. No real people. The same seed on the same day gives the same
caseload."""

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
    Closure,
    ClosureReason,
    Consent,
    ConsentParty,
    DisclosureChoice,
    Employer,
    EmployerContact,
    EmployerPerson,
    Employment,
    EmploymentKind,
    JobApplication,
    KykyviisariResult,
    Language,
    MaintenanceLevel,
    Meeting,
    NetworkContact,
    Phase,
    PhaseChange,
    PlaceType,
    Plan,
    PlanStep,
    Record,
    Referral,
    ReferralSource,
    SupportPlan,
    VocationalProfile,
    WorkHistoryEntry,
)
from tyokykyapp.domain.identity_code import _CHECK_CHARACTERS
from tyokykyapp.vault import Vault

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


@dataclass
class _Builder:
    rng: random.Random
    today: date
    coach: str
    employers: list[Employer]
    records: list[Record] = field(default_factory=list)
    closed: int = 0

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def add(self, make: Callable[..., Record], **values: object) -> Record:
        record = make(id=self.uuid(), **values)
        self.records.append(record)
        return record


def _identity_code(rng: random.Random, born: date) -> str:
    """A well-formed code with an individual number from 900–999, the range kept for temporary and test use."""
    individual = rng.randint(900, 999)
    stem = f"{born:%d%m%y}"
    sign = "-" if born.year < 2000 else "A"
    return f"{stem}{sign}{individual}{_CHECK_CHARACTERS[int(stem + str(individual)) % 31]}"


def _client(b: _Builder, started: date) -> Client:
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
        referral=Referral(
            source=rng.choices(list(REFERRAL_WEIGHTS), weights=list(REFERRAL_WEIGHTS.values()))[0],
            referrer=rng.choice(words.REFERRERS),
            referred_on=started - timedelta(days=rng.randint(3, 20)),
        ),
    )


def _meeting(b: _Builder, client_id: str, on: date, *, next_on: date | None = None) -> None:
    rng = b.rng
    place = rng.choice(list(PlaceType))
    b.add(
        Meeting,
        client_id=client_id,
        on=on,
        start_time=time(rng.randint(8, 15), rng.choice((0, 15, 30, 45))),
        duration_minutes=rng.choice((30, 45, 60, 90, 120)),
        place_type=place,
        place=rng.choice(words.PLACES) if place not in (PlaceType.PHONE, PlaceType.VIDEO) else "",
        participants="asiakas, työhönvalmentaja",
        notes=rng.choice(words.MEETING_NOTES),
        agreed_next_steps="Asiakas päivittää hakemuksen; valmentaja selvittää palkkatuen.",
        next_meeting_on=next_on,
        # A booked meeting has its time and place agreed too (the agenda shows them).
        next_meeting_time=time(rng.randint(8, 15), rng.choice((0, 30))) if next_on else None,
        next_meeting_place=rng.choice(words.PLACES) if next_on else "",
    )


def _meetings(b: _Builder, client_id: str, start: date, end: date, every_days: int) -> None:
    day = start
    while day <= min(end, b.today):
        following = day + timedelta(days=every_days + b.rng.randint(-3, 3))
        _meeting(b, client_id, day, next_on=following if following > b.today else None)
        day = following


def _move(b: _Builder, client: Client, to: Phase, on: date, level: MaintenanceLevel | None = None) -> None:
    b.add(
        PhaseChange,
        client_id=client.id,
        on=on,
        from_phase=client.phase,
        to_phase=to,
        from_level=client.maintenance_level,
        to_level=level,
        by=b.coach,
    )
    client.phase, client.phase_since, client.maintenance_level = to, on, level


def _intake_records(b: _Builder, client: Client, start: date) -> None:
    b.add(PhaseChange, client_id=client.id, on=start, from_phase=None, to_phase=Phase.INTAKE, by=b.coach)
    _meeting(b, client.id, start, next_on=start + timedelta(days=7) if b.rng.random() < 0.7 else None)
    b.add(ChecklistTick, client_id=client.id, item="privacy_notice_given", ticked_on=start)


def _mapping_records(b: _Builder, client: Client, on: date) -> None:
    rng = b.rng
    b.add(
        Agreement,
        client_id=client.id,
        signed_on=on,
        aim="Työ avoimilta työmarkkinoilta omaan tahtiin.",
        how_we_work="Tapaamme kerran viikossa kirjastolla.",
    )
    expiring = rng.random() < 0.15
    b.add(
        Consent,
        client_id=client.id,
        given_on=on,
        parties=[
            ConsentParty(name="Kela", role="Kela", what_may_be_exchanged="etuudet ja kuntoutus"),
            ConsentParty(name="TE-palvelut", role="työllisyyspalvelut", what_may_be_exchanged="työnhaku"),
            ConsentParty(
                name="Terveysasema", role="terveydenhuolto", what_may_be_exchanged="työkyky", allowed=rng.random() < 0.5
            ),
        ],
        purpose="Työhönvalmennuksen suunnittelu ja toteutus",
        health_information=rng.random() < 0.3,
        employer_disclosure=rng.choice(list(DisclosureChoice)),
        valid_until=b.day_between(b.today - timedelta(days=10), b.today + timedelta(days=40))
        if expiring and on < b.today - timedelta(days=40)
        else (None if rng.random() < 0.6 else on + timedelta(days=730)),
    )
    for _ in range(rng.randint(1, 3)):
        b.add(
            NetworkContact,
            client_id=client.id,
            role=rng.choice(words.NETWORK_ROLES),
            name=f"{rng.choice(words.FINNISH_GIVEN)} {rng.choice(words.FINNISH_FAMILY)}",
            organisation="Helsingin kaupunki",
            phone=f"09 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        )


def _plan(b: _Builder, client: Client, made_on: date) -> None:
    b.add(
        Plan,
        client_id=client.id,
        made_on=made_on,
        goal="Löytää sopiva osa-aikatyö avoimilta työmarkkinoilta.",
        steps=[PlanStep(description="Päivitetään CV", owner="asiakas ja valmentaja", due_on=made_on + timedelta(14))],
        meeting_frequency="kerran viikossa",
        review_on=made_on + timedelta(days=b.rng.choice((180, 365))),
    )


def _mapping_done(b: _Builder, client: Client, start: date, end: date, until: date) -> None:
    """The mapping's results, and the plan reviewed about yearly (most of the time) up to `until`."""
    rng = b.rng
    done = b.day_between(start, end)
    sector = rng.choice(list(words.JOB_TITLES))
    b.add(
        VocationalProfile,
        client_id=client.id,
        updated_on=done,
        work_goals=f"Haluaisin töihin alalle: {sector}. Osa-aikatyö aluksi.",
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
    b.add(
        KykyviisariResult,
        client_id=client.id,
        done_on=done,
        work_ability=rng.randint(3, 9),
        mental_wellbeing=rng.randint(2, 9),
        social_participation=rng.randint(2, 9),
        physical_functioning=rng.randint(3, 10),
        skills=rng.randint(3, 9),
        everyday_life=rng.randint(3, 9),
    )
    _plan(b, client, done)
    review = done + timedelta(days=rng.randint(150, 380))
    while review <= until:
        _plan(b, client, review)
        review += timedelta(days=rng.randint(150, 380))


def _job_search_records(b: _Builder, client: Client, start: date, end: date) -> None:
    rng = b.rng
    for _ in range(rng.randint(1, 6)):
        employer = rng.choice(b.employers)
        b.add(
            EmployerContact,
            employer_id=employer.id,
            client_id=client.id,
            on=b.day_between(start, end),
            contact_person=employer.contact_persons[0].name,
            purpose="työmahdollisuuden kartoitus",
            outcome=rng.choice(("sovittiin haastattelu", "ei paikkoja nyt", "palataan keväällä")),
        )
    for _ in range(rng.randint(1, 6)):
        employer = rng.choice(b.employers)
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


def _employment(b: _Builder, client: Client, start: date, runs_until: date) -> Employment:
    """A job or a work trial (about two months) still going on at `runs_until`."""
    rng = b.rng
    employer = rng.choice(b.employers)
    trial = rng.random() < 0.3
    subsidy = not trial and rng.random() < 0.4
    job = b.add(
        Employment,
        client_id=client.id,
        start_on=start,
        end_on=max(start + timedelta(days=60), runs_until + timedelta(days=rng.randint(0, 40))) if trial else None,
        kind=EmploymentKind.WORK_TRIAL if trial else EmploymentKind.EMPLOYMENT,
        employer_id=employer.id,
        employer_name=employer.name,
        title=rng.choice(words.JOB_TITLES[employer.sector]),
        sector=employer.sector,
        hours_per_week=rng.choice((15.0, 20.0, 25.0, 30.0, 37.5)),
        pay_subsidy=subsidy,
        pay_subsidy_renewal_on=b.day_between(b.today - timedelta(days=5), b.today + timedelta(days=200))
        if subsidy
        else None,
        employer_knows_about_coaching=rng.random() < 0.6,
    )
    assert isinstance(job, Employment)
    b.add(
        SupportPlan,
        client_id=client.id,
        made_on=start,
        employment_id=job.id,
        support_at_work="Perehdytyskäynnit kahtena ensimmäisenä viikkona.",
        support_outside_work="Puhelu viikoittain.",
        who_to_call="työhönvalmentaja",
    )
    return job


def _build_client(b: _Builder, target: Phase) -> Client:
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
    start = b.today - timedelta(days=rng.randint(*age_days))
    client = _client(b, start)
    client.phase, client.phase_since, client.started_on = Phase.INTAKE, start, start
    _intake_records(b, client, start)
    final = target if target is not Phase.CLOSED else rng.choice(PROGRESSION)
    closing = b.today - timedelta(days=rng.randint(0, 60)) if target is Phase.CLOSED else None
    end_of_all = closing or b.today
    # The moves are spread over the episode, before any closing.
    span = (end_of_all - start).days
    steps = PROGRESSION.index(final)
    cut = sorted(start + timedelta(days=int(span * f)) for f in sorted(rng.random() for _ in range(steps)))
    cut = [min(max(day, start + timedelta(days=1 + i)), end_of_all) for i, day in enumerate(cut)]
    for phase, on in zip(PROGRESSION[1 : steps + 1], cut, strict=True):
        if phase is Phase.MAPPING:
            _mapping_records(b, client, on)
            _move(b, client, phase, on)
        elif phase is Phase.JOB_SEARCH:
            _mapping_done(b, client, client.phase_since, on, end_of_all)
            _move(b, client, phase, on)
        elif phase is Phase.SUPPORT:
            _job_search_records(b, client, client.phase_since, on)
            _employment(b, client, on, end_of_all)
            _move(b, client, phase, on)
        else:
            _move(b, client, phase, on, rng.choice(list(MaintenanceLevel)))
    if client.phase is Phase.JOB_SEARCH:
        _job_search_records(b, client, client.phase_since, end_of_all)
    cadence = {Phase.INTAKE: 7, Phase.MAPPING: 10, Phase.JOB_SEARCH: 10, Phase.SUPPORT: 7}.get(client.phase, 30)
    if client.maintenance_level is MaintenanceLevel.SUFFICIENT:
        cadence = 75
    elif client.maintenance_level is MaintenanceLevel.LIGHT:
        cadence = 170
    if client.phase is not Phase.INTAKE:
        _meetings(b, client.id, start + timedelta(days=7), end_of_all, cadence)
    if closing is not None:
        # The first closures take each reason once, so any caseload with nine closed clients shows them all;
        # after that "employed" is the most common, as in the pilots.
        reasons = list(ClosureReason)
        b.closed += 1
        reason = reasons[b.closed - 1] if b.closed <= len(reasons) else rng.choice([*reasons, *[reasons[0]] * 4])
        b.add(
            Closure,
            client_id=client.id,
            closed_on=closing,
            reason=reason,
            continuation_path=rng.choice(words.CONTINUATIONS),
            achieved="Työnhaun taidot vahvistuivat.",
        )
        b.add(
            PhaseChange,
            client_id=client.id,
            on=closing,
            from_phase=client.phase,
            to_phase=Phase.CLOSED,
            from_level=client.maintenance_level,
            reason=reason.value,
            by=b.coach,
        )
        client.phase, client.phase_since, client.maintenance_level = Phase.CLOSED, closing, None
    return client


def _employer_register(b: _Builder, count: int) -> None:
    rng = b.rng
    for _ in range(count):
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


def _top_up_meetings(b: _Builder, client: Client, first_record: int, wanted: int) -> None:
    """More meetings over the client's episode until they have about `wanted` (for large test caseloads)."""
    have = sum(1 for r in b.records[first_record:] if isinstance(r, Meeting))
    end = client.phase_since if client.phase is Phase.CLOSED else b.today
    for _ in range(max(0, wanted - have)):
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
    _employer_register(b, max(3, clients // 8))
    phases = list(PHASE_WEIGHTS)
    people: list[Client] = []
    for index in range(clients):
        # Every phase and level appears in any caseload of six or more.
        target = phases[index] if index < len(phases) else b.rng.choices(phases, list(PHASE_WEIGHTS.values()))[0]
        first_record = len(b.records)
        people.append(_build_client(b, target))
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
