"""Hand-built caseloads for the report's tests: each person's service episodes, phase moves and records written
straight into a vault, so every number a test expects can be counted from the test itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tyokykyapp.domain import (
    ChecklistTick,
    Client,
    Closure,
    ClosureDestination,
    ClosureReason,
    Consent,
    ConsentParty,
    ContactMode,
    DisclosureChoice,
    Employer,
    EmployerContact,
    Employment,
    EmploymentKind,
    Episode,
    FollowUp,
    KykyviisariResult,
    MaintenanceLevel,
    Meeting,
    MeetingMode,
    Phase,
    PhaseChange,
    PlaceType,
    Plan,
    Referral,
    ReferralSource,
    SupportPlan,
    VocationalProfile,
)
from tyokykyapp.vault import Vault

Move = tuple[date, Phase] | tuple[date, Phase, MaintenanceLevel]


@dataclass
class Caseload:
    """Writes people and their records into `vault`; names are made up and never counted."""

    vault: Vault
    employers: list[str] = field(default_factory=list)

    def employer(self) -> str:
        employer = self.vault.repo.save(Employer(name=f"Työnantaja {len(self.employers) + 1}"))
        self.employers.append(employer.id)
        return employer.id

    def person(
        self,
        entered: date,
        *moves: Move,
        referral: ReferralSource | None = None,
        referred_on: date | None = None,
        closed: tuple[date, ClosureReason, ClosureDestination | None] | None = None,
        again: date | None = None,
    ) -> str:
        """A client who entered on `entered` (intake), moved as `moves` say, and was perhaps closed (and perhaps
        came back `again`, a second episode at intake)."""
        client = Client(family_name="Qwerty-Zyx", given_names=f"Xavi {entered.isoformat()}")
        repo = self.vault.repo
        phase, level, since = Phase.INTAKE, None, entered
        client.started_on = entered
        client.phase, client.phase_since = phase, since
        repo.save(client)
        episode = repo.save(
            Episode(
                client_id=client.id, started_on=entered, referral=Referral(source=referral, referred_on=referred_on)
            )
        )
        repo.save(PhaseChange(client_id=client.id, on=entered, from_phase=None, to_phase=Phase.INTAKE))
        for move in moves:
            to_level = move[2] if len(move) == 3 else None
            repo.save(
                PhaseChange(
                    client_id=client.id,
                    on=move[0],
                    from_phase=phase,
                    to_phase=move[1],
                    from_level=level,
                    to_level=to_level,
                )
            )
            phase, level, since = move[1], to_level, move[0]
        if closed is not None:
            on, reason, destination = closed
            repo.save(
                PhaseChange(client_id=client.id, on=on, from_phase=phase, to_phase=Phase.CLOSED, from_level=level)
            )
            repo.save(
                Closure(
                    client_id=client.id, closed_on=on, reason=reason, destination=destination, episode_id=episode.id
                )
            )
            phase, level, since = Phase.CLOSED, None, on
        if again is not None:
            repo.save(Episode(client_id=client.id, started_on=again))
            repo.save(PhaseChange(client_id=client.id, on=again, from_phase=Phase.CLOSED, to_phase=Phase.INTAKE))
            phase, level, since = Phase.INTAKE, None, again
            client.started_on = again
        client.phase, client.maintenance_level, client.phase_since = phase, level, since
        repo.save(client)
        return client.id

    def job(
        self,
        client_id: str,
        start: date,
        end: date | None = None,
        kind: EmploymentKind = EmploymentKind.EMPLOYMENT,
        *,
        support_plan: bool = False,
        **values: object,
    ) -> str:
        job = self.vault.repo.save(
            Employment(client_id=client_id, start_on=start, end_on=end, kind=kind, **values)  # type: ignore[arg-type]
        )
        if support_plan:
            self.vault.repo.save(SupportPlan(client_id=client_id, made_on=start, employment_id=job.id))
        return job.id

    def meeting(
        self,
        client_id: str,
        on: date,
        *,
        mode: MeetingMode = MeetingMode.FACE_TO_FACE,
        place: PlaceType | None = PlaceType.OFFICE,
        minutes: int | None = 60,
        **values: object,
    ) -> None:
        self.vault.repo.save(
            Meeting(
                client_id=client_id,
                on=on,
                mode=mode,
                place_type=place if mode is MeetingMode.FACE_TO_FACE else None,
                duration_minutes=minutes,
                **values,  # type: ignore[arg-type]
            )
        )

    def contact(self, client_id: str | None, on: date, mode: ContactMode | None = ContactMode.FACE_TO_FACE) -> None:
        employer = self.employers[0] if self.employers else self.employer()
        self.vault.repo.save(EmployerContact(employer_id=employer, on=on, mode=mode, client_id=client_id))

    def plan(self, client_id: str, on: date) -> None:
        self.vault.repo.save(Plan(client_id=client_id, made_on=on))

    def consent(self, client_id: str, on: date, disclosure: DisclosureChoice | None) -> None:
        self.vault.repo.save(
            Consent(
                client_id=client_id, given_on=on, parties=[ConsentParty(name="Kela")], employer_disclosure=disclosure
            )
        )

    def work_pays_checked(self, client_id: str, on: date) -> None:
        self.vault.repo.save(VocationalProfile(client_id=client_id, updated_on=on, work_pays_checked_on=on))

    def benefits_ticked(self, client_id: str, on: date) -> None:
        self.vault.repo.save(ChecklistTick(client_id=client_id, item="benefits_counselling", ticked_on=on))

    def kykyviisari(self, client_id: str, on: date, work_ability: int, **scores: int) -> None:
        self.vault.repo.save(KykyviisariResult(client_id=client_id, done_on=on, work_ability=work_ability, **scores))

    def follow_up(self, client_id: str, on: date, still_working: bool) -> None:
        self.vault.repo.save(FollowUp(client_id=client_id, on=on, still_working=still_working))
