"""The handover payload: canonical JSON of the exported rows, compressed, built and read in memory only.

Reading checks everything before anything is written: every record must decode into its type and pass
validation, and every record must belong to the client it travels with.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tyokykyapp import __version__
from tyokykyapp.domain import RECORD_TYPES, Client, UserError, validate
from tyokykyapp.domain.codec import from_json
from tyokykyapp.handover.errors import HandoverDamaged
from tyokykyapp.i18n import _

Row = dict[str, Any]
MAX_PAYLOAD = 2 * 1024 * 1024 * 1024  # a decompression bomb is refused, not swallowed


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


def encode(handover: Handover) -> bytes:
    document = {
        "export_id": handover.export_id,
        "app_version": handover.app_version,
        "created_at": handover.created_at,
        "coach": handover.coach,
        "clients": [{"client": b.client, "records": b.records, "revisions": b.revisions} for b in handover.clients],
        "employers": handover.employers,
        "employer_revisions": handover.employer_revisions,
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 9)


def _decompress(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_PAYLOAD)
    except zlib.error:
        raise HandoverDamaged() from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise HandoverDamaged()
    return out


def _check_row(row: Row, kind: str) -> None:
    record = from_json(RECORD_TYPES[kind], row["data"])
    if record.id != row["id"]:
        raise ValueError("record id does not match its row")
    validate(record)
    datetime.fromisoformat(row["created_at"])
    datetime.fromisoformat(row["updated_at"])
    if row["deleted_at"] is not None:
        datetime.fromisoformat(row["deleted_at"])
    if int(row["version"]) < 1:
        raise ValueError("bad version")


def decode(data: bytes) -> Handover:
    """Parse and verify a decrypted payload; HandoverDamaged says it can't be trusted."""
    try:
        document = json.loads(_decompress(data).decode("utf-8"))
        clients = []
        for item in document["clients"]:
            bundle = ClientBundle(item["client"], list(item["records"]), list(item["revisions"]))
            _check_row(bundle.client, Client.KIND)
            for record in bundle.records:
                _check_row(record, record["kind"])
                if record["client_id"] != bundle.client["id"]:
                    raise ValueError("a record travels with the wrong client")
            known = {bundle.client["id"]} | {r["id"] for r in bundle.records}
            for revision in bundle.revisions:
                from_json(RECORD_TYPES[revision["kind"]], revision["data"])
                if revision["record_id"] not in known:
                    raise ValueError("a revision of an unknown record")
            clients.append(bundle)
        employers = list(document["employers"])
        for employer in employers:
            if employer["kind"] != "employer":
                raise ValueError("not an employer")
            _check_row(employer, "employer")
        return Handover(
            export_id=str(document["export_id"]),
            app_version=str(document["app_version"]),
            created_at=str(document["created_at"]),
            coach=dict(document["coach"]),
            clients=clients,
            employers=employers,
            employer_revisions=list(document["employer_revisions"]),
        )
    except HandoverDamaged:
        raise
    except UserError as error:
        raise HandoverDamaged(
            _("The handover file holds a record that is not valid: {reason}").format(reason=error)
        ) from None
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise HandoverDamaged() from None


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def local_time(stamp: str) -> str:
    """A stored UTC timestamp as the coach reads it: local time, day.month.year hours.minutes."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d.%m.%Y %H.%M")
    except ValueError:
        return stamp


APP_VERSION = __version__
