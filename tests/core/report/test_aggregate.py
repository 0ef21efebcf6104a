"""Aggregate files: counts only, checkable, refused when hostile; three coaches' files added up equal one vault
holding all three caseloads."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.caseload import Caseload
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.domain import (
    ClosureDestination,
    ClosureReason,
    ContactMode,
    DisclosureChoice,
    EmploymentKind,
    MaintenanceLevel,
    MeetingMode,
    Phase,
    PlaceType,
    ReferralSource,
    Sector,
    UserError,
)
from tyokykyapp.report import tally_vault
from tyokykyapp.report.aggregate import MAX_BYTES, aggregate_bytes, combine, read_aggregate, write_aggregate
from tyokykyapp.report.figures import build_report
from tyokykyapp.report.period import Period
from tyokykyapp.vault import Vault

H1 = Period(date(2026, 1, 1), date(2026, 6, 30))
D = date


def first_coach(c: Caseload) -> None:
    a = c.person(
        D(2025, 11, 1),
        (D(2025, 11, 20), Phase.MAPPING),
        (D(2026, 1, 15), Phase.JOB_SEARCH),
        (D(2026, 3, 1), Phase.SUPPORT),
        referral=ReferralSource.WORK_ACTIVITY,
        referred_on=D(2025, 10, 20),
    )
    c.contact(a, D(2026, 1, 20))
    c.plan(a, D(2026, 1, 10))
    c.work_pays_checked(a, D(2026, 2, 1))
    c.consent(a, D(2025, 11, 1), DisclosureChoice.YES)
    c.job(a, D(2026, 3, 1), sector=Sector.TRADE, employer_id=c.employer(), support_plan=True)
    for day in (D(2025, 12, 1), D(2026, 1, 5), D(2026, 3, 2), D(2026, 3, 9)):
        c.meeting(a, day, place=PlaceType.WORKPLACE, minutes=45)
    c.kykyviisari(a, D(2025, 12, 1), 4, skills=6)
    c.kykyviisari(a, D(2026, 5, 1), 6, skills=6)
    c.person(D(2024, 1, 1), closed=(D(2026, 2, 1), ClosureReason.STUDIES, ClosureDestination.STUDIES))
    c.contact(None, D(2026, 2, 3))


def second_coach(c: Caseload) -> None:
    b = c.person(
        D(2025, 1, 1),
        (D(2025, 2, 1), Phase.JOB_SEARCH),
        (D(2025, 5, 1), Phase.SUPPORT),
        (D(2025, 8, 1), Phase.MAINTENANCE, MaintenanceLevel.SUFFICIENT),
        referral=ReferralSource.SELF,
    )
    c.job(
        b,
        D(2025, 5, 1),
        D(2026, 4, 30),
        pay_subsidy=True,
        sector=Sector.HEALTH_AND_SOCIAL_WORK,
        employer_support_induction=True,
    )
    c.meeting(b, D(2026, 2, 1), mode=MeetingMode.PHONE, minutes=20)
    c.meeting(b, D(2026, 5, 2), place=PlaceType.HOME, minutes=60)
    c.follow_up(
        c.person(D(2025, 1, 1), closed=(D(2026, 1, 10), ClosureReason.EMPLOYED, ClosureDestination.EMPLOYED)),
        D(2026, 3, 1),
        True,
    )
    c.contact(b, D(2026, 3, 3), ContactMode.PHONE)


def third_coach(c: Caseload) -> None:
    d = c.person(D(2026, 2, 1), (D(2026, 2, 20), Phase.MAPPING), referral=ReferralSource.KELA)
    c.contact(d, D(2026, 4, 2))
    c.job(d, D(2026, 5, 1), kind=EmploymentKind.WORK_TRIAL, employer_id=c.employer())
    c.meeting(d, D(2026, 2, 25), place=PlaceType.OFFICE, minutes=90)
    c.person(D(2026, 6, 1), referral=ReferralSource.KELA)


COACHES: list[Callable[[Caseload], None]] = [first_coach, second_coach, third_coach]


def _without_per_coach(document: dict[str, Any]) -> dict[str, Any]:
    """The report less what is per coach by definition (the number of coaches, items 1 and 17)."""
    rest = {k: v for k, v in document.items() if k != "coaches"}
    rest["fidelity"] = [i for i in document["fidelity"] if i["item"] not in (1, 17)]
    return rest


def test_three_coaches_added_up_equal_one_vault_holding_all_three(tmp_path: Path) -> None:
    files = []
    everyone, _key = Vault.create(tmp_path / "all", PASSPHRASE)
    with everyone:
        for index, build in enumerate(COACHES):
            own, _key = Vault.create(tmp_path / f"coach{index}", PASSPHRASE)
            with own:
                build(Caseload(own))
                files.append(tmp_path / f"coach{index}.json")
                write_aggregate(files[-1], tally_vault(own, H1))
            build(Caseload(everyone))
        single = tally_vault(everyone, H1)
    team = combine([read_aggregate(f) for f in files])
    assert team.coaches == 3 and single.coaches == 1
    assert team.counts == single.counts and team.dists == single.dists
    assert single.counts["served"] == 6 and single.counts["job_starts"] == 2  # the caseloads count something
    team_doc, single_doc = build_report(team).to_json(), build_report(single).to_json()
    assert _without_per_coach(team_doc) == _without_per_coach(single_doc)
    per_coach = {i["item"]: i["value"] for i in team_doc["fidelity"]}
    alone = {i["item"]: i["value"] for i in single_doc["fidelity"]}
    assert per_coach[1] == round(alone[1] / 3, 1) and per_coach[17] == round(alone[17] / 3, 1)


def test_the_file_holds_counts_only(vault: Vault, tmp_path: Path) -> None:
    c = Caseload(vault)
    first_coach(c)
    text = aggregate_bytes(tally_vault(vault, H1)).decode("utf-8")
    clients = vault.repo.clients()
    for client in clients:
        assert client.id not in text and client.family_name not in text and client.given_names not in text
    for employer in c.employers:
        assert employer not in text
    document = json.loads(text)
    assert set(document) == {"format", "version", "period", "coaches", "counts", "distributions", "sha256"}
    # The only dates are the period's two ends.
    dates = [v for v in _strings(document) if len(v) == 10 and v[4] == "-" and v[7] == "-"]
    assert sorted(dates) == ["2026-01-01", "2026-06-30"]


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _reseal(document: dict[str, Any]) -> bytes:
    content = {k: v for k, v in document.items() if k != "sha256"}
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return json.dumps(content | {"sha256": hashlib.sha256(canonical).hexdigest()}).encode("utf-8")


def _valid(vault: Vault) -> dict[str, Any]:
    first_coach(Caseload(vault))
    document: dict[str, Any] = json.loads(aggregate_bytes(tally_vault(vault, H1)))
    return document


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d.pop("counts"),
        lambda d: d.update(extra=1),
        lambda d: d.update(format="something else"),
        lambda d: d.update(version=2),
        lambda d: d.update(coaches=0),
        lambda d: d.update(coaches=True),
        lambda d: d["counts"].update(served=-1),
        lambda d: d["counts"].update(served=1.5),
        lambda d: d["counts"].update(served="7"),
        lambda d: d["counts"].update(names=1),
        lambda d: d["distributions"]["by_referral"].update({"Virtanen Aino": 1}),
        lambda d: d["distributions"]["days_entry_to_first_employer_contact"].update({"99999": 1}),
        lambda d: d["distributions"]["quarter_served"].update({"2026Q5": 1}),
        lambda d: d["distributions"].update(extra={}),
        lambda d: d["period"].update({"from": "2026-13-01"}),
        lambda d: d["period"].update({"from": "2027-01-01"}),
        lambda d: d.update(period=[1, 2]),
    ],
)
def test_a_spoiled_file_is_refused_with_one_line(
    vault: Vault, tmp_path: Path, spoil: Callable[[dict[str, Any]], None]
) -> None:
    document = _valid(vault)
    spoil(document)
    path = tmp_path / "spoiled.json"
    path.write_bytes(_reseal(document))  # a valid checksum: the fields themselves are checked
    with pytest.raises(UserError) as refused:
        read_aggregate(path)
    assert "\n" not in str(refused.value) and "not an aggregate file" in str(refused.value)


def test_a_changed_file_fails_its_checksum(vault: Vault, tmp_path: Path) -> None:
    document = _valid(vault)
    document["counts"]["served"] += 1
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(UserError, match="checksum does not match"):
        read_aggregate(path)


@pytest.mark.parametrize(
    "data", [b"", b"\xff\xfe", b"[]", b"null", b"{" * 100_000, b"x" * (MAX_BYTES + 1), b'{"format": 1}']
)
def test_garbage_and_huge_files_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "garbage.json"
    path.write_bytes(data)
    with pytest.raises(UserError):
        read_aggregate(path)


def test_files_of_different_periods_are_not_added_up(vault: Vault, tmp_path: Path) -> None:
    first_coach(Caseload(vault))
    one, other = tmp_path / "h1.json", tmp_path / "q1.json"
    write_aggregate(one, tally_vault(vault, H1))
    write_aggregate(other, tally_vault(vault, Period(D(2026, 1, 1), D(2026, 3, 31))))
    with pytest.raises(UserError, match="different periods"):
        combine([read_aggregate(one), read_aggregate(other)])


def test_a_file_reads_back_as_written(vault: Vault, tmp_path: Path) -> None:
    second_coach(Caseload(vault))
    tally = tally_vault(vault, H1)
    write_aggregate(tmp_path / "a.json", tally)
    again = read_aggregate(tmp_path / "a.json")
    assert (again.period, again.coaches, again.counts) == (tally.period, 1, tally.counts)
    assert again.dists == {name: {k: n for k, n in dist.items() if n} for name, dist in tally.dists.items()}
