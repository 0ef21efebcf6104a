"""Handing clients over between two vaults: nothing lost, nothing overwritten silently, and no damaged or
wrong file can change a vault."""

from __future__ import annotations

import os
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.factories import client
from tests.helpers.vaults import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Client, Meeting, Phase
from tyokykyapp.domain.codec import to_json
from tyokykyapp.handover import (
    ConflictPolicy,
    EmptyHandoverFile,
    HandoverDamaged,
    HandoverTooNew,
    NotAHandoverFile,
    Status,
    WrongHandoverPassphrase,
    export_clients,
    generate_handover_passphrase,
    handover_size,
    merge,
    read_handover,
    select_clients,
    summarize,
)
from tyokykyapp.handover.envelope import MAGIC, read_header, seal
from tyokykyapp.handover.export import build_handover
from tyokykyapp.handover.payload import encode
from tyokykyapp.services import CoachDetails, save_record, set_coach_details, undo_handover, update_client
from tyokykyapp.services.guard import HandedOver
from tyokykyapp.vault import StorageFailed, Vault, WeakPassphrase

HANDOVER = "puhelimessa kerrottava lause 2026"
TODAY = date(2026, 11, 23)


@pytest.fixture
def sender(tmp_path: Path) -> Vault:
    vault, _key = Vault.create(tmp_path / "sender", PASSPHRASE)
    set_coach_details(vault, CoachDetails(name="Riikka Räsänen", organisation="Helsingin kaupunki"))
    generate_caseload(vault, 12, seed=3, today=TODAY)
    yield vault  # type: ignore[misc]
    vault.close()


@pytest.fixture
def receiver(tmp_path: Path) -> Vault:
    vault, _key = Vault.create(tmp_path / "receiver", NEW_PASSPHRASE)
    yield vault  # type: ignore[misc]
    vault.close()


def export(vault: Vault, path: Path, ids: list[str] | None = None, **kwargs: object) -> Path:
    export_clients(vault, ids or select_clients(vault), path, HANDOVER, kdf=FAST_KDF, **kwargs)  # type: ignore[arg-type]
    return path


def snapshot(vault: Vault, client_id: str) -> dict[str, object]:
    """Everything about a client as stored: rows with versions, timestamps and earlier versions."""
    rows = vault.transfer.record_rows(client_id)
    return {
        "client": vault.transfer.client_row(client_id),
        "records": rows,
        "revisions": vault.transfer.revision_rows([client_id, *[r["id"] for r in rows]]),
    }


def test_round_trip_carries_every_record_exactly(sender: Vault, receiver: Vault, tmp_path: Path) -> None:
    ids = select_clients(sender)
    first = ids[0]
    c = sender.repo.get(Client, first)
    c.notes = "versio kaksi"
    update_client(sender, c)  # a revision to carry
    file = export(sender, tmp_path / "handover.tyokyky")
    handover = read_handover(file, HANDOVER)
    assert handover.coach["name"] == "Riikka Räsänen" and handover.app_version
    result = merge(receiver, handover)
    assert result.added == len(ids)
    for client_id in ids:
        assert snapshot(receiver, client_id) == snapshot(sender, client_id)
        assert to_json(receiver.repo.client_file(client_id)) == to_json(sender.repo.client_file(client_id))
    assert len(receiver.repo.history(first)) == 2
    employers = {e.id for e in sender.repo.employers()}
    used = {e.employer_id for f in (receiver.repo.client_file(i) for i in ids) for e in f.employments}
    assert used - {None} <= {e.id for e in receiver.repo.employers()} <= employers
    assert receiver.check() == []
    # Search works over what was imported.
    assert c.id in receiver.repo.search_clients(c.family_name)


def test_importing_twice_changes_nothing(sender: Vault, receiver: Vault, tmp_path: Path) -> None:
    file = export(sender, tmp_path / "h.tyokyky")
    merge(receiver, read_handover(file, HANDOVER))
    before = receiver.transfer.content_digest()
    for policy in ConflictPolicy:
        result = merge(receiver, read_handover(file, HANDOVER), policy)
        assert result.unchanged == len(select_clients(sender)) and result.added == 0
        assert receiver.transfer.content_digest() == before


def conflicted(sender: Vault, receiver: Vault, tmp_path: Path) -> tuple[Path, str]:
    """The receiver holds an older copy of a client the sender has since edited."""
    client_id = select_clients(sender)[0]
    merge(receiver, read_handover(export(sender, tmp_path / "old.tyokyky", [client_id]), HANDOVER))
    mine = receiver.repo.get(Client, client_id)
    mine.phone = "040 MINUN"
    update_client(receiver, mine)
    theirs = sender.repo.get(Client, client_id)
    theirs.phone = "050 HEIDÄN"
    update_client(sender, theirs)
    save_record(sender, Meeting(client_id=client_id, on=TODAY, notes="uusi tapaaminen lähettäjällä"))
    return export(sender, tmp_path / "new.tyokyky", [client_id]), client_id


def test_conflict_keep_mine(sender: Vault, receiver: Vault, tmp_path: Path) -> None:
    file, _client_id = conflicted(sender, receiver, tmp_path)
    handover = read_handover(file, HANDOVER)
    assert [c.status for c in summarize(receiver, handover).clients] == [Status.CONFLICT]
    before = receiver.transfer.content_digest()
    assert merge(receiver, handover, ConflictPolicy.KEEP_MINE).kept_mine == 1
    assert receiver.transfer.content_digest() == before


def test_conflict_take_theirs_keeps_mine_in_the_history(sender: Vault, receiver: Vault, tmp_path: Path) -> None:
    file, client_id = conflicted(sender, receiver, tmp_path)
    assert merge(receiver, read_handover(file, HANDOVER), ConflictPolicy.TAKE_THEIRS).replaced == 1
    assert receiver.repo.get(Client, client_id).phone == "050 HEIDÄN"
    assert "040 MINUN" in [r.record.phone for r in receiver.repo.history(client_id)]  # type: ignore[attr-defined]
    notes = [m.notes for m in receiver.repo.client_file(client_id).meetings]
    assert "uusi tapaaminen lähettäjällä" in notes


def test_conflict_keep_both_makes_a_separate_copy_once(sender: Vault, receiver: Vault, tmp_path: Path) -> None:
    file, client_id = conflicted(sender, receiver, tmp_path)
    result = merge(receiver, read_handover(file, HANDOVER), ConflictPolicy.KEEP_BOTH)
    assert result.copied == 1
    (copy_id,) = result.client_ids
    assert copy_id != client_id
    assert receiver.repo.get(Client, client_id).phone == "040 MINUN"
    copy = receiver.repo.client_file(copy_id)
    assert copy.client.phone == "050 HEIDÄN"
    assert all(m.client_id == copy_id for m in copy.meetings)
    assert {m.id for m in copy.meetings}.isdisjoint({m.id for m in receiver.repo.client_file(client_id).meetings})
    for plan in copy.support_plans:
        assert plan.employment_id in {e.id for e in copy.employments}
    again = merge(receiver, read_handover(file, HANDOVER), ConflictPolicy.KEEP_BOTH)
    assert again.copied == 0 and again.unchanged == 1
    assert receiver.check() == []


def refusals(file: Path) -> list[tuple[str, bytes, type[Exception]]]:
    data = file.read_bytes()
    cases = [
        ("empty", b"", EmptyHandoverFile),
        ("not a handover file", b"PK\x03\x04 a zip file" + data[20:], NotAHandoverFile),
        ("truncated", data[: len(data) // 2], WrongHandoverPassphrase),
        ("truncated header", data[: len(MAGIC) + 10], HandoverDamaged),
        ("newer version", data.replace(b'"format_version": 2', b'"format_version": 9'), HandoverTooNew),
    ]
    return cases


def test_every_refusal_leaves_the_vault_byte_for_byte_unchanged(sender: Vault, receiver: Vault, tmp_path: Path) -> None:
    file = export(sender, tmp_path / "h.tyokyky")
    save_record(receiver, Meeting(client_id=receiver.repo.save(client()).id, on=TODAY))
    before = receiver.transfer.content_digest()
    with pytest.raises(WrongHandoverPassphrase):
        read_handover(file, "väärä lause")
    for name, data, error in refusals(file):
        bad = tmp_path / f"{name}.tyokyky"
        bad.write_bytes(data)
        with pytest.raises(error):
            read_handover(bad, HANDOVER)
        assert receiver.transfer.content_digest() == before, name


def test_any_single_flipped_byte_is_refused(sender: Vault, tmp_path: Path) -> None:
    file = export(sender, tmp_path / "h.tyokyky", select_clients(sender)[:1])
    data = file.read_bytes()
    bad = tmp_path / "bad.tyokyky"
    step = max(1, len(data) // 60)
    for position in [*range(0, 80), *range(80, len(data), step), len(data) - 1]:
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        bad.write_bytes(bytes(flipped))
        with pytest.raises((NotAHandoverFile, HandoverDamaged, WrongHandoverPassphrase, HandoverTooNew)):
            read_handover(bad, HANDOVER)


def test_the_file_hides_what_its_payload_shows(sender: Vault, tmp_path: Path) -> None:
    """A test that can fail: the names and notes are in the payload the file carries (positive control), the
    only plain part of the file is a header of five known fields, and the rest shares no 12-byte run with the
    compressed payload, which it would if the payload were stored compressed but unencrypted."""
    ids = select_clients(sender)
    handover = build_handover(sender, ids)
    payload = encode(handover)
    text = zlib.decompress(payload).decode("utf-8")
    files = [sender.repo.client_file(client_id) for client_id in ids]
    needles = [t for f in files for t in (f.client.family_name, *(m.notes for m in f.meetings)) if len(t) > 5]
    assert needles and all(needle in text for needle in needles)
    data = seal(payload, HANDOVER, FAST_KDF)
    header, _associated, ciphertext = read_header(data)
    assert set(header) == {"cipher", "format_version", "kdf", "nonce", "salt"}
    assert len(ciphertext) == len(payload) + 16
    runs = {payload[i : i + 12] for i in range(0, len(payload) - 12, 7)}
    assert not any(run in ciphertext for run in runs)
    assert all(needle.encode("utf-8") not in data for needle in needles)


def test_a_write_error_leaves_no_partial_file(sender: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tyokykyapp.vault.files as files

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(StorageFailed):
        export(sender, out / "h.tyokyky")
    assert list(out.iterdir()) == []
    with pytest.raises(StorageFailed):
        export(sender, tmp_path / "no-such-folder" / "h.tyokyky")


def test_weak_chosen_passphrase_is_refused_and_generated_ones_pass(sender: Vault, tmp_path: Path) -> None:
    with pytest.raises(WeakPassphrase):
        export_clients(sender, select_clients(sender), tmp_path / "h.tyokyky", "salasana1234", kdf=FAST_KDF)
    generated = generate_handover_passphrase()
    assert len(generated.replace("-", "")) == 20
    export_clients(sender, select_clients(sender)[:1], tmp_path / "g.tyokyky", generated, kdf=FAST_KDF)
    dictated = generated.lower().replace("-", " ")
    assert read_handover(tmp_path / "g.tyokyky", dictated).clients


def test_handed_over_clients_become_read_only(sender: Vault, tmp_path: Path) -> None:
    ids = select_clients(sender, phase=Phase.JOB_SEARCH)
    export(sender, tmp_path / "h.tyokyky", ids, mark_handed_over_to="Maija Meikäläinen")
    c = sender.repo.get(Client, ids[0])
    assert c.handed_over_on == date.today() and c.handed_over_to == "Maija Meikäläinen"
    with pytest.raises(HandedOver, match="Maija Meikäläinen"):
        save_record(sender, Meeting(client_id=ids[0], on=TODAY))
    with pytest.raises(HandedOver):
        update_client(sender, replace(c, phone="1"))


def test_exporting_a_phase_or_selection(sender: Vault) -> None:
    in_phase = select_clients(sender, phase=Phase.MAINTENANCE)
    assert in_phase and all(sender.repo.get(Client, i).phase is Phase.MAINTENANCE for i in in_phase)
    assert select_clients(sender, [in_phase[0], in_phase[0]]) == [in_phase[0]]


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(family=text.filter(str.strip), notes=text, meetings=st.lists(text, max_size=4))
def test_random_records_round_trip(tmp_path: Path, family: str, notes: str, meetings: list[str]) -> None:
    folder = tmp_path / os.urandom(6).hex()
    source, _key = Vault.create(folder / "a", PASSPHRASE)
    target, _key2 = Vault.create(folder / "b", PASSPHRASE)
    with source, target:
        c = source.repo.save(client(family_name=family, notes=notes))
        for note in meetings:
            source.repo.save(Meeting(client_id=c.id, on=TODAY, notes=note))
        export(source, folder / "h.tyokyky", [c.id])
        merge(target, read_handover(folder / "h.tyokyky", HANDOVER))
        assert snapshot(target, c.id) == snapshot(source, c.id)


def test_the_summary_shows_sender_recipient_date_and_age(sender: Vault, receiver: Vault, tmp_path: Path) -> None:
    file = export(sender, tmp_path / "h.tyokyky", recipient="Maija Meikäläinen")
    summary = summarize(receiver, read_handover(file, HANDOVER))
    assert (summary.coach, summary.organisation) == ("Riikka Räsänen", "Helsingin kaupunki")
    assert summary.recipient == "Maija Meikäläinen" and summary.age_days == 0
    assert summary.to_json()["recipient"] == "Maija Meikäläinen" and summary.warnings() == []
    marked = export(sender, tmp_path / "m.tyokyky", select_clients(sender)[:1], mark_handed_over_to="Matti")
    assert read_handover(marked, HANDOVER).recipient == "Matti"


def test_an_older_copy_that_would_replace_newer_records_is_flagged(
    sender: Vault, receiver: Vault, tmp_path: Path
) -> None:
    client_id = select_clients(sender)[0]
    file = export(sender, tmp_path / "old.tyokyky", [client_id])
    merge(receiver, read_handover(file, HANDOVER))
    mine = receiver.repo.get(Client, client_id)
    mine.phone = "040 UUSI NUMERO"
    update_client(receiver, mine)
    summary = summarize(receiver, read_handover(file, HANDOVER))
    assert [(p.status, p.replaces_newer) for p in summary.clients] == [(Status.CONFLICT, True)]
    assert "newer records with older ones" in summary.warnings()[0]
    newer_file, _id = conflicted(sender, receiver, tmp_path)  # the file's copy is the newer one: no warning
    assert not summarize(receiver, read_handover(newer_file, HANDOVER)).replaces_newer


def test_an_empty_choice_names_no_one_and_the_size_counts_what_goes(sender: Vault) -> None:
    everyone = select_clients(sender)
    assert select_clients(sender, []) == []  # never "everyone"
    two = everyone[:2]
    assert handover_size(sender, two) == (2, sum(len(sender.transfer.record_rows(c)) for c in two))


def test_the_handed_over_mark_is_undone_and_the_history_keeps_it(sender: Vault, tmp_path: Path) -> None:
    client_id = select_clients(sender)[0]
    export(sender, tmp_path / "h.tyokyky", [client_id], mark_handed_over_to="Maija Meikäläinen")
    with pytest.raises(HandedOver):
        update_client(sender, sender.repo.get(Client, client_id))
    changes = undo_handover(sender, client_id)
    assert changes.caseload and client_id in changes.client_ids
    update_client(sender, sender.repo.get(Client, client_id))  # editable again
    marks = [v.record.handed_over_to for v in sender.repo.history(client_id) if isinstance(v.record, Client)]
    assert "Maija Meikäläinen" in marks and marks[-1] == ""
