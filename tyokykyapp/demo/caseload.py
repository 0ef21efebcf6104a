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
from datetime import date

from tyokykyapp.demo import vocabulary as words
from tyokykyapp.demo.builder import Builder, add_episode, add_meeting, make_client
from tyokykyapp.demo.personas import DEMO_CLIENTS, PERSONAS
from tyokykyapp.demo.story import PHASE_WEIGHTS, PROGRESSION, Persona, random_path, tell_story
from tyokykyapp.domain import (
    Client,
    ClientFile,
    ContactMode,
    ContactPurpose,
    Employer,
    EmployerContact,
    EmployerPerson,
    Meeting,
    Phase,
)
from tyokykyapp.domain.errors import UserError
from tyokykyapp.i18n import _
from tyokykyapp.vault import Vault


def _build_client(b: Builder, index: int) -> Client:
    client = make_client(b)
    persona: Persona | None
    if index < len(PERSONAS):
        persona = PERSONAS[index]
        start = b.ago(persona.entered)
        path = [(phase, b.ago(days)) for phase, days in zip(PROGRESSION[1:], persona.moves, strict=False)]
    else:
        phases = list(PHASE_WEIGHTS)
        target = b.rng.choices(phases, list(PHASE_WEIGHTS.values()))[0]
        start, path, persona = random_path(b, target)
    client.phase, client.phase_since, client.started_on = Phase.INTAKE, start, start
    b.file = ClientFile(client=client)
    add_episode(b, client, start, persona.source if persona else None)
    tell_story(b, client, start, path, persona)
    b.file = None
    return client


def _employer_register(b: Builder, count: int) -> None:
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


def _top_up_meetings(b: Builder, client: Client, first_record: int, wanted: int) -> None:
    """More meetings over the client's episode until they have about `wanted` (for large test caseloads)."""
    have = sum(1 for r in b.records[first_record:] if isinstance(r, Meeting))
    end = client.phase_since if client.phase is Phase.CLOSED else b.today
    for _meeting_index in range(max(0, wanted - have)):
        add_meeting(b, client.id, b.day_between(client.started_on, end))


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
    b = Builder(random.Random(seed), today or date.today(), coach, [])
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
