"""The vault's one-query due facts agree with the facts read off each loaded client, on a demo caseload,
for days across the caseload's life."""

from __future__ import annotations

from datetime import date, timedelta

from tyokykyapp.demo import generate_caseload
from tyokykyapp.process import facts_from_file
from tyokykyapp.vault import Vault

TODAY = date(2026, 6, 15)


def test_sql_facts_equal_python_facts(vault: Vault) -> None:
    generate_caseload(vault, 60, seed=11, today=TODAY)
    for day in (TODAY - timedelta(days=200), TODAY, TODAY + timedelta(days=45)):
        from_sql = {f.client_id: f for f in vault.repo.due_facts(day)}
        open_clients = {s.id for s in vault.repo.clients() if s.phase.value != "closed"}
        assert set(from_sql) == open_clients
        for client_id in open_clients:
            assert from_sql[client_id] == facts_from_file(vault.repo.client_file(client_id), day), client_id
