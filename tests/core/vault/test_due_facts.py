"""The vault's one-query due facts agree with the facts read off each loaded client, on a demo caseload,
for days across the caseload's life."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from enum import StrEnum

from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import PlanStep
from tyokykyapp.domain.fields import declared
from tyokykyapp.process import facts_from_file
from tyokykyapp.vault import Vault
from tyokykyapp.vault.due_facts import COLUMNS, KINDS

TODAY = date(2026, 6, 15)


def test_sql_facts_equal_python_facts(vault: Vault) -> None:
    generate_caseload(vault, 60, seed=11, today=TODAY)
    for day in (TODAY - timedelta(days=400), TODAY - timedelta(days=200), TODAY, TODAY + timedelta(days=45)):
        from_sql = {f.client_id: f for f in vault.repo.due_facts(day)}
        open_clients = {s.id for s in vault.repo.clients() if s.phase.value != "closed"}
        assert set(from_sql) == open_clients
        for client_id in open_clients:
            assert from_sql[client_id] == facts_from_file(vault.repo.client_file(client_id), day), client_id


def test_due_records_columns_are_declared_fields_of_their_record_kinds(vault: Vault) -> None:
    """The table the due list reads has a named column per value (no a, b, c, d), each a declared field of the
    record kind it comes from, read by that field's name (with the field's own default where an old record
    lacks it): renaming or dropping a field the rules read fails here."""
    columns = [row[1] for row in vault.connection.execute("PRAGMA table_info(due_records)")]
    assert columns[:6] == ["client_id", "kind", "live", "on_date", "seq", "part"]
    assert columns[6:] == list(COLUMNS)
    view = vault.connection.execute("SELECT sql FROM sqlite_master WHERE name = 'due_source'").fetchone()[0]
    for sources in COLUMNS.values():
        for cls, name in sources:
            declared(cls, name)  # KeyError for a field that is not declared
            path = f"json_extract(data, '$.{name}')" if cls is not PlanStep else f"json_extract(s.value, '$.{name}')"
            assert path in view, (cls.__name__, name)
            field_default = next(f.default for f in dataclasses.fields(cls) if f.name == name)
            kind = getattr(cls, "KIND", "")
            for given in re.findall(rf"WHEN '{kind}' THEN coalesce\({re.escape(path)}, '(\w+)'\)", view):
                assert isinstance(field_default, StrEnum) and given == field_default.value, (cls.__name__, name)
    assert {cls.KIND for cls in KINDS} | {"plan_step"} >= {
        row[0] for row in vault.connection.execute("SELECT DISTINCT kind FROM due_records")
    }


def test_the_facts_leave_out_an_earlier_episode(vault: Vault) -> None:
    """A client who came back: the first episode's consent, plan and Kykyviisari do not count."""
    generate_caseload(vault, 1, seed=3, today=TODAY)  # the first scripted client came back ten days ago
    (summary,) = vault.repo.clients()
    file = vault.repo.client_file(summary.id)
    assert len(file.service_periods()) == 2
    (facts,) = vault.repo.due_facts(TODAY)
    assert facts == facts_from_file(file, TODAY)
    assert (facts.consent_valid_until, facts.plan_made_on, facts.kykyviisari_on, facts.last_meeting_on) == (
        None,
        None,
        None,
        TODAY - timedelta(days=10),
    )
