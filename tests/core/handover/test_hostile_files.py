"""Handover files made by someone else, with the app's own build_handover/encode/seal around malicious content:
each class the attack report found is refused with one plain line (naming the client where there is one), costs
are bounded before any work, and the receiving vault stays byte for byte as it was."""

from __future__ import annotations

import base64
import copy
import json
import struct
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.vaults import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.domain import Client, Employer, Employment, Meeting
from tyokykyapp.handover import HandoverDamaged, merge, read_handover
from tyokykyapp.handover.envelope import MAGIC, seal
from tyokykyapp.handover.errors import (
    HandoverFromOlderApp,
    HandoverInvalid,
    HandoverTooLarge,
    WrongHandoverPassphrase,
)
from tyokykyapp.handover.export import build_handover
from tyokykyapp.handover.payload import MAX_FILE, MAX_PAYLOAD, Handover, encode
from tyokykyapp.services import CoachDetails, set_coach_details
from tyokykyapp.vault import Vault

HANDOVER = "puhelimessa kerrottava lause 2026"
TODAY = date(2026, 11, 23)
NAME = "Testi Hyökkääjä"
Change = Callable[[Handover], None]


@pytest.fixture(scope="module")
def handover(tmp_path_factory: pytest.TempPathFactory) -> Handover:
    """One client with a meeting edited once (an earlier version), a job at an employer, and the coach."""
    folder = tmp_path_factory.mktemp("sender")
    vault, _key = Vault.create(folder / "vault", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        set_coach_details(vault, CoachDetails(name="Riikka Räsänen", organisation="Helsingin kaupunki"))
        c = vault.repo.save(Client(family_name="Hyökkääjä", given_names="Testi"))
        meeting = vault.repo.save(Meeting(client_id=c.id, on=TODAY, notes="ensimmäinen versio"))
        meeting.notes = "toinen versio"
        vault.repo.save(meeting)
        employer = vault.repo.save(Employer(name="Kahvila Kulma"))
        vault.repo.save(Employment(client_id=c.id, start_on=TODAY, employer_id=employer.id))
        return build_handover(vault, [c.id])


@pytest.fixture
def receiver(tmp_path: Path) -> Vault:
    vault, _key = Vault.create(tmp_path / "receiver", NEW_PASSPHRASE)
    yield vault  # type: ignore[misc]
    vault.close()


def bundle(h: Handover) -> dict[str, object]:
    return {"client": h.clients[0].client, "records": h.clients[0].records, "revisions": h.clients[0].revisions}


def meeting_row(h: Handover) -> dict[str, object]:
    return next(r for r in h.clients[0].records if r["kind"] == "meeting")


def revision(h: Handover) -> dict[str, object]:
    return next(r for r in h.clients[0].revisions if r["kind"] == "meeting")


def as_client_record(h: Handover, kind: str) -> None:
    row = h.employers[0] if kind == "employer" else h.clients[0].client
    h.clients[0].records.append(row | {"kind": kind, "client_id": h.clients[0].client["id"], "id": row["id"]})


def nested(depth: int) -> object:
    value: object = "pohja"
    for _level in range(depth):
        value = [value]
    return value


CASES: dict[str, tuple[Change, type[Exception], str]] = {
    "record of kind client": (
        lambda h: h.clients[0].records.append(h.clients[0].client | {"kind": "client"}),
        HandoverInvalid,
        "cannot travel with a client",
    ),
    "employer row as a client record": (
        lambda h: as_client_record(h, "employer"),
        HandoverInvalid,
        "cannot travel with a client",
    ),
    "revision saved at no time": (
        lambda h: revision(h).update(saved_at="not a date"),
        HandoverInvalid,
        "is not a time",
    ),
    "revision saved at a text": (
        lambda h: revision(h).update(saved_at="Henkilötunnus 010190-123A, diagnoosi F32.1"),
        HandoverInvalid,
        "is not a time",
    ),
    "revision with a NUL": (
        lambda h: revision(h)["data"].update(notes="a\x00b"),  # type: ignore[union-attr]
        HandoverInvalid,
        "NUL",
    ),
    "revision with a huge text": (
        lambda h: revision(h)["data"].update(notes="x" * 200_001),  # type: ignore[union-attr]
        HandoverInvalid,
        "too long",
    ),
    "revision of a record not in the file": (
        lambda h: revision(h).update(record_id="6f1c6a52-4a55-4f0e-9d55-3f7c9c1f0a99"),
        HandoverInvalid,
        "no record in the file",
    ),
    "revision of another kind": (
        lambda h: revision(h).update(kind="consent"),
        HandoverInvalid,
        "another kind or client",
    ),
    "revision newer than the record": (
        lambda h: revision(h).update(version=5),
        HandoverInvalid,
        "out of order",
    ),
    "coach with a huge name": (
        lambda h: h.coach.update(name="x" * 200_001),
        HandoverInvalid,
        "too long",
    ),
    "coach not a set of fields": (
        lambda h: setattr(h, "coach", ["Riikka"]),
        HandoverInvalid,
        "sender's details",
    ),
    "coach name a number": (
        lambda h: h.coach.update(name=12),
        HandoverInvalid,
        "wrong type",
    ),
    "duplicate client": (
        lambda h: h.clients.append(copy.deepcopy(h.clients[0])),
        HandoverInvalid,
        "used twice",
    ),
    "version 2**70": (
        lambda h: meeting_row(h).update(version=2**70),
        HandoverInvalid,
        "too large",
    ),
    "huge number in a record": (
        lambda h: meeting_row(h)["data"].update(duration_minutes=10**30),  # type: ignore[union-attr]
        HandoverInvalid,
        "too large",
    ),
    "text where a number belongs": (
        lambda h: meeting_row(h)["data"].update(duration_minutes="pitkä"),  # type: ignore[union-attr]
        HandoverInvalid,
        "wrong type",
    ),
    "fields where a text belongs": (
        lambda h: meeting_row(h)["data"].update(notes={"a": 1}),  # type: ignore[union-attr]
        HandoverInvalid,
        "wrong type",
    ),
    "deep nesting inside a record": (
        lambda h: meeting_row(h)["data"].update(extra=nested(200)),  # type: ignore[union-attr]
        HandoverInvalid,
        "nested too deeply",
    ),
    "record of another client": (
        lambda h: meeting_row(h)["data"].update(client_id="6f1c6a52-4a55-4f0e-9d55-3f7c9c1f0a99"),  # type: ignore[union-attr]
        HandoverInvalid,
        "belongs to another client",
    ),
    "record carrying another id": (
        lambda h: meeting_row(h)["data"].update(id="6f1c6a52-4a55-4f0e-9d55-3f7c9c1f0a99"),  # type: ignore[union-attr]
        HandoverInvalid,
        "another id inside",
    ),
    "record a save refuses": (
        lambda h: meeting_row(h)["data"].update(duration_minutes=0),  # type: ignore[union-attr]
        HandoverInvalid,
        "Duration \\(minutes\\): 0 is outside the allowed range",
    ),
    "time without a time zone": (
        lambda h: meeting_row(h).update(updated_at="2026-11-23T10:00:00"),
        HandoverInvalid,
        "is not a time",
    ),
    "employer that is not one": (
        lambda h: h.employers[0].update(kind="meeting"),
        HandoverInvalid,
        "not an employer",
    ),
    "client without a name": (
        lambda h: h.clients[0].client["data"].update(family_name=" "),  # type: ignore[union-attr]
        HandoverInvalid,
        "Fill in: Family name",
    ),
}


def sealed(h: Handover) -> bytes:
    return seal(encode(h), HANDOVER, FAST_KDF)


@pytest.mark.parametrize("case", list(CASES))
def test_crafted_content_is_refused_naming_the_client_and_the_vault_is_unchanged(
    handover: Handover, receiver: Vault, tmp_path: Path, case: str
) -> None:
    change, error, words = CASES[case]
    crafted = copy.deepcopy(handover)
    change(crafted)
    path = tmp_path / "crafted.tyokyky"
    path.write_bytes(sealed(crafted))
    before = receiver.transfer.content_digest()
    with pytest.raises(error, match=words) as refused:
        merge(receiver, read_handover(path, HANDOVER))
    message = str(refused.value)
    assert message.startswith("The handover file was refused") and "\n" not in message
    if case not in (
        "coach with a huge name",
        "coach not a set of fields",
        "coach name a number",
        "employer that is not one",
    ):
        assert NAME.split()[0] in message
    assert receiver.transfer.content_digest() == before


def test_the_untouched_file_imports(handover: Handover, receiver: Vault, tmp_path: Path) -> None:
    """The control: everything above differs from a good file only by its one change."""
    path = tmp_path / "good.tyokyky"
    path.write_bytes(sealed(copy.deepcopy(handover)))
    assert merge(receiver, read_handover(path, HANDOVER)).added == 1
    assert receiver.check() == []


def payload_file(tmp_path: Path, payload: bytes) -> Path:
    path = tmp_path / "payload.tyokyky"
    path.write_bytes(seal(zlib.compress(payload, 9), HANDOVER, FAST_KDF))
    return path


@pytest.mark.parametrize(
    "payload",
    [b"[" * 200_000 + b"]" * 200_000, b'{"clients": [], "x": NaN}', b"null", b"", "€".encode("utf-16")],
)
def test_payloads_that_are_no_handover_are_damaged(tmp_path: Path, payload: bytes) -> None:
    with pytest.raises(HandoverDamaged):
        read_handover(payload_file(tmp_path, payload), HANDOVER)


def test_a_decompression_bomb_is_refused_at_its_limit(tmp_path: Path) -> None:
    path = payload_file(tmp_path, b" " * (MAX_PAYLOAD + 1))
    assert path.stat().st_size < 200_000
    with pytest.raises(HandoverTooLarge):
        read_handover(path, HANDOVER)


def test_a_file_larger_than_any_export_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.tyokyky"
    with path.open("wb") as handle:
        handle.write(MAGIC)
        handle.truncate(MAX_FILE + 1)  # sparse: nothing is really written
    with pytest.raises(HandoverTooLarge):
        read_handover(path, HANDOVER)


def with_header(data: bytes, change: Callable[[dict[str, object]], None]) -> bytes:
    start = len(MAGIC) + 4
    (length,) = struct.unpack(">I", data[len(MAGIC) : start])
    header = json.loads(data[start : start + length])
    change(header)
    text = json.dumps(header).encode("utf-8")
    return MAGIC + struct.pack(">I", len(text)) + text + data[start + length :]


def kdf(**values: object) -> Callable[[dict[str, object]], None]:
    return lambda header: header["kdf"].update(values)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "change",
    [
        kdf(parallelism=0),
        kdf(parallelism=10**6),
        kdf(parallelism=-1),
        kdf(memory_kib=2 * 1024 * 1024, time_cost=100),  # the 2 GiB × 100 header: minutes at 2 GB before
        kdf(memory_kib=300 * 1024, time_cost=1),  # just over the bound: would be derived, then "wrong passphrase"
        kdf(time_cost=81, memory_kib=8 * 1024),
        kdf(time_cost="3"),
        lambda header: header.update(salt=""),
        lambda header: header.update(salt=base64.b64encode(b"x" * 4).decode()),
        lambda header: header.update(format_version=True),
        lambda header: header.update(kdf="argon2id"),
    ],
)
def test_header_costs_and_values_are_bounded_before_any_derivation(
    handover: Handover, tmp_path: Path, change: Callable[[dict[str, object]], None]
) -> None:
    path = tmp_path / "header.tyokyky"
    path.write_bytes(with_header(sealed(copy.deepcopy(handover)), change))
    with pytest.raises(HandoverDamaged) as refused:
        read_handover(path, HANDOVER)
    assert not isinstance(refused.value, WrongHandoverPassphrase)


def test_a_file_of_format_1_still_imports(
    handover: Handover, receiver: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of format 1 (no recipient in the payload) as version 0.1 wrote it."""
    document = json.loads(zlib.decompress(encode(copy.deepcopy(handover))))
    del document["recipient"], document["records_version"]  # neither was written then
    payload = zlib.compress(json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8"), 9)
    monkeypatch.setattr("tyokykyapp.handover.envelope.FORMAT_VERSION", 1)
    data = seal(payload, HANDOVER, FAST_KDF)
    monkeypatch.undo()
    assert b'"format_version": 1' in data[:200]
    path = tmp_path / "v1.tyokyky"
    path.write_bytes(data)
    read = read_handover(path, HANDOVER)
    assert read.recipient is None
    assert merge(receiver, read).added == 1


def older_shapes(document: dict[str, Any]) -> None:
    """The records as an app before migration 0009 wrote them: a free-text sector, a call as a meeting place,
    the pay-subsidy renewal under its old name, and no records_version."""
    del document["records_version"]
    document["employers"][0]["data"]["sector"] = "ravintola-ala"
    records = document["clients"][0]["records"]
    meeting = next(r for r in records if r["kind"] == "meeting")
    meeting["data"].pop("mode", None)
    meeting["data"]["place_type"] = "phone"
    job = next(r for r in records if r["kind"] == "employment")
    job["data"].pop("pay_subsidy_until", None)
    job["data"]["pay_subsidy_renewal_on"] = "2026-12-31"


def test_a_file_of_an_older_app_with_records_in_older_shapes_is_refused_in_one_line(
    handover: Handover, receiver: Vault, tmp_path: Path
) -> None:
    document = json.loads(zlib.decompress(encode(copy.deepcopy(handover))))
    older_shapes(document)
    payload = zlib.compress(json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8"), 9)
    path = tmp_path / "older.tyokyky"
    path.write_bytes(seal(payload, HANDOVER, FAST_KDF))
    before = receiver.transfer.content_digest()
    with pytest.raises(HandoverFromOlderApp) as refused:
        read_handover(path, HANDOVER)
    message = str(refused.value)
    assert "older version of Työkyky" in message and "\n" not in message
    assert receiver.transfer.content_digest() == before
    # A file of the current shapes that says so keeps its precise refusal (which client, what is wrong).
    document = json.loads(zlib.decompress(encode(copy.deepcopy(handover))))
    next(r for r in document["clients"][0]["records"] if r["kind"] == "meeting")["data"]["place_type"] = "phone"
    payload = zlib.compress(json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8"), 9)
    path.write_bytes(seal(payload, HANDOVER, FAST_KDF))
    with pytest.raises(HandoverInvalid, match="Testi") as precise:
        read_handover(path, HANDOVER)
    assert not isinstance(precise.value, HandoverFromOlderApp)
