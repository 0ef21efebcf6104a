"""The handover payload: canonical JSON of the exported rows, compressed, built and read in memory only.

Reading checks everything before anything is written (`validation`): every record, earlier version and
employer as a save would check it, each record belonging to the client it travels with, every id once.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tyokykyapp import __version__
from tyokykyapp.domain import UserError
from tyokykyapp.handover.errors import HandoverDamaged, HandoverFromOlderApp, HandoverTooLarge
from tyokykyapp.handover.validation import (
    Problem,
    bundle_name,
    check_bundle,
    check_coach,
    check_employers,
    check_text_field,
    check_unused,
    check_uuid,
    refused,
    utc_time,
)
from tyokykyapp.i18n import _

Row = dict[str, Any]
# A real export of 200 clients is 5.6 MB of JSON (0.6 MB compressed): these allow about 2,000 clients, and
# refuse a decompression bomb or a huge file before it costs memory.
MAX_PAYLOAD = 64 * 1024 * 1024
MAX_FILE = 16 * 1024 * 1024
# The schema migration that last changed the shape of the records (0009: episodes and coded facts). A file
# without it, or with an earlier one, was written by an app whose records may no longer decode here.
RECORDS_VERSION = 9


@dataclass
class ClientBundle:
    client: Row
    records: list[Row] = field(default_factory=list)
    revisions: list[Row] = field(default_factory=list)

    @property
    def name(self) -> str:
        data = self.client["data"]
        return f"{data.get('given_names', '')} {data.get('family_name', '')}".strip()

    def count(self, kind: str) -> int:
        return sum(1 for r in self.records if r["kind"] == kind and r["deleted_at"] is None)


@dataclass
class Handover:
    export_id: str
    app_version: str
    created_at: str
    coach: dict[str, Any]
    clients: list[ClientBundle]
    employers: list[Row]
    employer_revisions: list[Row]
    recipient: str | None = None  # format 2: whom the sender made the file for, if they said


def encode(handover: Handover) -> bytes:
    document = {
        "export_id": handover.export_id,
        "records_version": RECORDS_VERSION,
        "app_version": handover.app_version,
        "created_at": handover.created_at,
        "recipient": handover.recipient,
        "coach": handover.coach,
        "clients": [{"client": b.client, "records": b.records, "revisions": b.revisions} for b in handover.clients],
        "employers": handover.employers,
        "employer_revisions": handover.employer_revisions,
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    if len(text) > MAX_PAYLOAD:  # the receiving app would refuse it
        raise UserError(
            _("These {n} clients are too many for one handover file. Hand them over in parts, e.g. by phase.").format(
                n=len(handover.clients)
            )
        )
    return zlib.compress(text, 9)


def _decompress(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_PAYLOAD)
    except zlib.error:
        raise HandoverDamaged() from None
    if inflater.unconsumed_tail:
        raise HandoverTooLarge()
    if not inflater.eof or inflater.unused_data:
        raise HandoverDamaged()
    return out


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def decode(data: bytes) -> Handover:
    """Parse and verify a decrypted payload. HandoverDamaged: it is not a payload at all; HandoverInvalid (a
    kind of it): it holds something a save would refuse, named in the message."""
    try:
        document = json.loads(_decompress(data).decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise HandoverDamaged() from None
    if not isinstance(document, dict) or not isinstance(document.get("clients"), list):
        raise HandoverDamaged()
    try:
        return _checked(document)
    except HandoverDamaged:
        # Records in an older shape (a free-text sector, a meeting "by phone" as a place) fail the checks:
        # say why in one line rather than name the first field a migration would have converted.
        version = document.get("records_version")
        if isinstance(version, int) and not isinstance(version, bool) and version >= RECORDS_VERSION:
            raise
        raise HandoverFromOlderApp() from None


def _checked(document: dict[str, Any]) -> Handover:
    try:
        utc_time(document["created_at"])
        handover = Handover(
            export_id=check_uuid(document["export_id"]),
            app_version=str(check_text_field(document["app_version"])),
            created_at=document["created_at"],
            coach=check_coach(document["coach"]),
            clients=[],
            employers=check_employers(document["employers"], document["employer_revisions"]),
            employer_revisions=document["employer_revisions"],
            recipient=check_text_field(document.get("recipient"), optional=True),
        )
    except KeyError:
        raise HandoverDamaged() from None
    except Problem as problem:
        raise refused(problem) from None
    seen = {e["id"] for e in handover.employers}
    for item in document["clients"]:
        try:
            client, records, revisions = check_bundle(item)
            ids = [client["id"], *(r["id"] for r in records)]
            check_unused(ids, seen)
        except Problem as problem:
            raise refused(problem, bundle_name(item)) from None
        seen.update(ids)
        handover.clients.append(ClientBundle(client, records, revisions))
    return handover


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def local_time(stamp: str) -> str:
    """A stored UTC timestamp as the coach reads it: local time, day.month.year hours.minutes."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d.%m.%Y %H.%M")
    except ValueError:
        return stamp


APP_VERSION = __version__
