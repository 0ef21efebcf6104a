"""Small builders for records in tests."""

from __future__ import annotations

from datetime import date

from tyokykyapp.domain import (
    Agreement,
    Client,
    ClientFile,
    Consent,
    ConsentParty,
    Employment,
    EmploymentKind,
    Phase,
    VocationalProfile,
)


def client(**values: object) -> Client:
    defaults: dict[str, object] = {"family_name": "Virtanen", "given_names": "Aino"}
    return Client(**(defaults | values))  # type: ignore[arg-type]


def file_in(phase: Phase, since: date = date(2026, 1, 1), **lists: object) -> ClientFile:
    return ClientFile(client=client(phase=phase, phase_since=since), **lists)  # type: ignore[arg-type]


def signed_consent(client_id: str, on: date, **values: object) -> Consent:
    return Consent(
        client_id=client_id,
        given_on=on,
        parties=[ConsentParty(name="Kela", role="Kela")],
        **values,  # type: ignore[arg-type]
    )


def agreement(client_id: str, on: date) -> Agreement:
    return Agreement(client_id=client_id, signed_on=on)


def profile(client_id: str, on: date) -> VocationalProfile:
    return VocationalProfile(client_id=client_id, updated_on=on, work_goals="keittiötyö")


def job(
    client_id: str,
    start: date,
    end: date | None = None,
    kind: EmploymentKind = EmploymentKind.EMPLOYMENT,
    **values: object,
) -> Employment:
    return Employment(client_id=client_id, start_on=start, end_on=end, kind=kind, **values)  # type: ignore[arg-type]
