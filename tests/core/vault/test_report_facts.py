"""report_records (migration 0011): each column a declared field of its record kind, kept by the triggers as
records are saved, edited, put in the bin and erased, with the field's own default for an old record."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from tests.fixtures import make_vault_v10
from tests.helpers.caseload import Caseload
from tyokykyapp.domain import (
    ClosureDestination,
    ClosureReason,
    DisclosureChoice,
    Employment,
    EmploymentKind,
    MaintenanceLevel,
    Phase,
    ReferralSource,
    Sector,
)
from tyokykyapp.domain.fields import declared
from tyokykyapp.vault import Vault
from tyokykyapp.vault.report_facts import FIELDS, PER_CLIENT, record_rows

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "vault_v10"


def _resolve(cls: type[Any], path: str) -> Any:
    head, _dot, rest = path.partition(".")
    declared(cls, head)  # KeyError for a field that is not declared
    if not rest:
        return next(f for f in dataclasses.fields(cls) if f.name == head)
    nested = next(f for f in dataclasses.fields(cls) if f.name == head).default_factory  # type: ignore[misc]
    return _resolve(type(nested()), rest)


def test_columns_are_declared_fields_read_by_their_names(vault: Vault) -> None:
    columns = [row[1] for row in vault.connection.execute("PRAGMA table_info(report_records)")]
    assert columns[:6] == ["kind", "live", "on_date", "seq", "client_id", "record_id"]
    named = {column for pairs in FIELDS.values() for column, _path in pairs}
    assert set(columns[6:]) == named
    view = vault.connection.execute("SELECT sql FROM sqlite_master WHERE name = 'report_source'").fetchone()[0]
    for cls, pairs in FIELDS.items():
        for _column, path in pairs:
            field = _resolve(cls, path)
            assert f"WHEN '{cls.KIND}' THEN json_extract(data, '$.{path}')" in view or (
                f"WHEN '{cls.KIND}' THEN coalesce(json_extract(data, '$.{path}'), " in view
            ), (cls.__name__, path)
            # A default written into the view is the field's own.
            start = f"WHEN '{cls.KIND}' THEN coalesce(json_extract(data, '$.{path}'), "
            if start in view:
                given = view.split(start, 1)[1].split(")", 1)[0]
                default = field.default.value if isinstance(field.default, Enum) else field.default
                expected = f"'{default}'" if isinstance(default, str) else str(int(default))
                assert given == expected, (cls.__name__, path, given)


def test_rows_follow_the_records(vault: Vault) -> None:
    c = Caseload(vault)
    person = c.person(
        date(2026, 1, 5),
        (date(2026, 2, 1), Phase.JOB_SEARCH),
        (date(2026, 3, 1), Phase.MAINTENANCE, MaintenanceLevel.LIGHT),
        referral=ReferralSource.KELA,
        referred_on=date(2025, 12, 1),
        closed=(date(2026, 5, 1), ClosureReason.EMPLOYED, ClosureDestination.EMPLOYED),
    )
    job_id = c.job(
        person,
        date(2026, 3, 1),
        date(2026, 4, 1),
        sector=Sector.TRADE,
        employer_id=c.employer(),
        pay_subsidy=True,
        employer_support_induction=True,
        support_plan=True,
    )
    c.consent(person, date(2026, 1, 5), DisclosureChoice.AGREED_EACH_TIME)
    c.kykyviisari(person, date(2026, 1, 20), 6, skills=3)
    rows = {cls: record_rows(vault.connection, cls) for cls in PER_CLIENT}
    (episode,) = rows[next(k for k in PER_CLIENT if k.KIND == "episode")]
    assert episode[2:] == ("2026-01-05", "kela", "2025-12-01")
    (job,) = rows[Employment]
    assert job[1:] == (job_id, "2026-03-01", "2026-04-01", "employment", 1, 1, "G", c.employers[0], 0, 1, 0)
    changes = rows[next(k for k in PER_CLIENT if k.KIND == "phase_change")]
    assert [r[3:] for r in changes] == [
        (None, "intake", None),
        ("intake", "job_search", None),
        ("job_search", "maintenance", "light"),
        ("maintenance", "closed", None),
    ]
    # Edited, in the bin, back, erased with the client.
    employment = vault.repo.get(Employment, job_id)
    employment.kind, employment.pay_subsidy = EmploymentKind.WORK_TRIAL, False
    vault.repo.save(employment)
    assert record_rows(vault.connection, Employment)[0][4:7] == ("work_trial", 1, 0)
    vault.repo.delete_record(job_id)
    assert record_rows(vault.connection, Employment) == []
    vault.repo.restore_record(job_id)
    assert len(record_rows(vault.connection, Employment)) == 1
    vault.repo.delete_client(person)
    assert all(record_rows(vault.connection, cls) == [] for cls in PER_CLIENT)
    vault.repo.purge_client(person)
    assert vault.connection.execute("SELECT count(*) FROM report_records WHERE client_id IS NOT NULL").fetchone() == (
        0,
    )


def test_an_old_record_reads_as_its_fields_defaults(vault: Vault) -> None:
    c = Caseload(vault)
    job_id = c.job(c.person(date(2026, 1, 5)), date(2026, 2, 1), open_labour_market=True)
    # A record written before these fields existed: the JSON lacks them.
    vault.connection.execute(
        "UPDATE records SET data = json_remove(data, '$.kind', '$.open_labour_market', '$.pay_subsidy') WHERE id = ?",
        (job_id,),
    )
    (row,) = record_rows(vault.connection, Employment)
    assert row[4:7] == ("employment", 1, 0)


def test_migration_0011_fills_the_table_from_a_version_10_vault(tmp_path: Path) -> None:
    folder = tmp_path / "v10"
    shutil.copytree(FIXTURE, folder)
    with Vault.unlock(folder, passphrase=make_vault_v10.V10_PASSPHRASE) as vault:
        kinds = ", ".join(f"'{cls.KIND}'" for cls in FIELDS)
        expected = vault.connection.execute(
            f"SELECT count(*) FROM records WHERE kind IN ({kinds}) AND on_date IS NOT NULL"
        ).fetchone()[0]
        assert expected > 5
        assert vault.connection.execute("SELECT count(*) FROM report_records").fetchone()[0] == expected
        episodes = record_rows(vault.connection, next(k for k in PER_CLIENT if k.KIND == "episode"))
        assert len(episodes) == 2 and {r[0] for r in episodes} == {make_vault_v10.V10_CLIENT_ID}
