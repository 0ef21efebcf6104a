"""Record ids come from another vault: they match a record here only within the same client and kind. Any other
collision gets a fresh id, nothing of the receiving vault is touched, and nothing leaks between clients."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.vaults import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Client, Meeting
from tyokykyapp.handover import ConflictPolicy, Status, export_clients, merge, read_handover, select_clients, summarize
from tyokykyapp.handover.export import build_handover
from tyokykyapp.vault import Vault

HANDOVER = "puhelimessa kerrottava lause 2026"
TODAY = date(2026, 11, 23)


def export(vault: Vault, path: Path, ids: list[str] | None = None) -> Path:
    export_clients(vault, ids or select_clients(vault), path, HANDOVER, kdf=FAST_KDF)
    return path


def rows_of(vault: Vault, client_ids: list[str]) -> dict[str, object]:
    return {
        c: (vault.transfer.client_row(c), vault.transfer.record_rows(c), vault.transfer.revision_rows([c]))
        for c in client_ids
    }


def contents(vault: Vault, client_id: str) -> list[str]:
    """A client's records by kind and content, ids left out (a renamed record is still the same record)."""
    rows = vault.transfer.record_rows(client_id)
    return sorted(
        json.dumps([r["kind"], {k: v for k, v in r["data"].items() if not k.endswith("id")}], sort_keys=True)
        for r in rows
    )


def test_two_demo_vaults_of_one_seed_hand_over_without_losing_or_touching_anything(tmp_path: Path) -> None:
    # Demo caseloads of one seed share their random stream; a different size shifts it, so the ids of one
    # vault's clients turn up as other kinds of records in the other (the GUI demo seeds with the date).
    mine, _key = Vault.create(tmp_path / "mine", PASSPHRASE)
    theirs, _key2 = Vault.create(tmp_path / "theirs", NEW_PASSPHRASE)
    with mine, theirs:
        generate_caseload(mine, 8, seed=7, today=TODAY)
        generate_caseload(theirs, 80, seed=7, today=TODAY)  # more employers (one per 8 clients): a shifted stream
        own = select_clients(mine)
        before = rows_of(mine, own)
        handover = read_handover(export(theirs, tmp_path / "h.tyokyky"), HANDOVER)
        summary = summarize(mine, handover)
        assert summary.renamed > 10 and "new ids" in summary.warnings()[0]
        result = merge(mine, handover)
        assert result.renamed == summary.renamed
        new = [p.id for p in summary.clients if p.status is Status.NEW]
        assert len(new) == result.added > 20
        for client_id in new:  # every record arrived, with its own client
            assert contents(mine, client_id) == contents(theirs, client_id)
            assert to_names(mine, client_id) == to_names(theirs, client_id)
        assert rows_of(mine, own) == before  # nothing of mine moved, changed or vanished
        assert mine.check() == []
        # The same file again, taking theirs (which moved and broke records before): no new client changes.
        again = merge(mine, read_handover(tmp_path / "h.tyokyky", HANDOVER), ConflictPolicy.TAKE_THEIRS)
        assert again.added == 0 and again.unchanged + again.replaced == len(summary.clients) >= len(new)
        assert all(contents(mine, c) == contents(theirs, c) for c in new)
        assert mine.check() == []
        for client_id in new:
            mine.repo.client_file(client_id)  # every client shows


def to_names(vault: Vault, client_id: str) -> str:
    return vault.repo.get(Client, client_id).name


def test_a_crafted_file_reusing_another_clients_meeting_id_neither_drops_nor_moves_it(tmp_path: Path) -> None:
    victim_vault, _key = Vault.create(tmp_path / "victim", PASSPHRASE)
    crafter, _key2 = Vault.create(tmp_path / "crafter", NEW_PASSPHRASE)
    with victim_vault, crafter:
        victim = victim_vault.repo.save(Client(family_name="Uhri", given_names="Ville"))
        secret = victim_vault.repo.save(
            Meeting(client_id=victim.id, on=TODAY, notes="Asiakas kertoi, ettei halua tätä kerrottavan.")
        )
        stranger = crafter.repo.save(Client(family_name="Hyökkääjä", given_names="Testi"))
        crafter.repo.save(Meeting(id=secret.id, client_id=stranger.id, on=TODAY, notes="tiedoston teksti"))
        path = tmp_path / "collide.tyokyky"
        export(crafter, path, [stranger.id])
        victim_before = rows_of(victim_vault, [victim.id])
        for policy in (ConflictPolicy.KEEP_MINE, ConflictPolicy.TAKE_THEIRS, ConflictPolicy.TAKE_THEIRS):
            summary = summarize(victim_vault, read_handover(path, HANDOVER))
            merge(victim_vault, read_handover(path, HANDOVER), policy)
            assert rows_of(victim_vault, [victim.id]) == victim_before
            meetings = victim_vault.repo.client_file(stranger.id).meetings
            assert [m.notes for m in meetings] == ["tiedoston teksti"] and meetings[0].id != secret.id
        assert summary.clients[0].renamed == 1
        assert victim_vault.check() == []
        # Handing the stranger on carries nothing of the victim's.
        onward = build_handover(victim_vault, [stranger.id])
        assert "ettei halua" not in repr(onward.clients)


@pytest.mark.parametrize("kind", ["client", "employer"])
def test_a_record_id_that_is_a_client_or_an_employer_here_gets_a_fresh_id(tmp_path: Path, kind: str) -> None:
    receiver, _key = Vault.create(tmp_path / "receiver", PASSPHRASE)
    sender, _key2 = Vault.create(tmp_path / "sender", NEW_PASSPHRASE)
    with receiver, sender:
        generate_caseload(receiver, 1, seed=2, today=TODAY)
        taken = select_clients(receiver)[0] if kind == "client" else receiver.repo.employers()[0].id
        before = receiver.transfer.client_row(taken) or receiver.transfer.record_row(taken)
        c = sender.repo.save(Client(family_name="Lähettäjä", given_names="Liisa"))
        sender.repo.save(Meeting(id=taken, client_id=c.id, on=TODAY, notes="oma muistiinpano"))
        handover = read_handover(export(sender, tmp_path / "h.tyokyky", [c.id]), HANDOVER)
        assert summarize(receiver, handover).renamed == 1
        assert merge(receiver, handover).added == 1
        assert [m.notes for m in receiver.repo.client_file(c.id).meetings] == ["oma muistiinpano"]
        assert receiver.check() == []
        assert (receiver.transfer.client_row(taken) or receiver.transfer.record_row(taken)) == before
