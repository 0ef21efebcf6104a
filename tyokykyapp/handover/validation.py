"""Checking a decrypted handover payload as a save would check it, before anything is written.

The file comes from someone else: every value is bounded (nesting, numbers, text), every record, earlier
version and employer decodes into its type with the right field types and passes `registry.validate`, the
coach block is a coach's details, every timestamp is a real UTC time, and the ids are unique. A refusal names
the client and what is wrong in one plain line.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
import uuid
from collections.abc import Iterable
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from tyokykyapp.domain import RECORD_TYPES, Client, Record, ValidationError, validate
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.domain.codec import _hints as field_types  # the codec's cached type hints
from tyokykyapp.domain.codec import from_json
from tyokykyapp.domain.records import Employer
from tyokykyapp.domain.text_rules import check_text
from tyokykyapp.handover.errors import HandoverInvalid
from tyokykyapp.i18n import _

Row = dict[str, Any]
MAX_DEPTH = 24  # a real payload nests 9 deep
MAX_INTEGER = 2**53  # what every JSON reader keeps exactly
MAX_VERSION = 2**31 - 1
MAX_KEY_LENGTH = 100
MAX_SHORT_TEXT = 200  # names of the recipient and the app version


class Problem(Exception):
    """What is wrong, as a plain sentence; the caller adds whose record it is."""


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def check_values(value: object) -> None:
    """Bounded nesting, numbers JSON readers agree on, and text a save would accept, everywhere in `value`."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise Problem(_("the data is nested too deeply"))
        if isinstance(item, dict):
            for key, inner in item.items():
                if len(key) > MAX_KEY_LENGTH:
                    raise Problem(_("a field name is too long"))
                stack.append((inner, depth + 1))
        elif isinstance(item, list):
            stack.extend((inner, depth + 1) for inner in item)
        elif isinstance(item, str):
            try:
                check_text("", item)
            except ValidationError as error:
                raise Problem(error.message) from None
        elif isinstance(item, float) and not math.isfinite(item):
            raise Problem(_("a number is not a real number"))
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) > MAX_INTEGER:
            raise Problem(_("a number is too large"))


def _type_ok(hint: Any, value: object) -> bool:
    """Whether a decoded field value has its declared type (the codec converts but does not check)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return value is None or any(_type_ok(arg, value) for arg in typing.get_args(hint) if arg is not type(None))
    if origin is list:
        (inner,) = typing.get_args(hint)
        return isinstance(value, list) and all(_type_ok(inner, item) for item in value)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is date:
        return isinstance(value, date) and not isinstance(value, datetime)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return isinstance(value, hint) and _fields_ok(value)
    if isinstance(hint, type) and issubclass(hint, str | bool | datetime | time | Enum):
        return isinstance(value, hint)
    return True


def _fields_ok(obj: object) -> bool:
    hints = field_types(type(obj))  # type: ignore[arg-type]
    return all(_type_ok(hints[f.name], getattr(obj, f.name)) for f in dataclasses.fields(obj))  # type: ignore[arg-type]


def decoded(cls: type[Record], data: object) -> Record:
    """`data` as a record of `cls`, with every field of its type and passing the save-time checks."""
    if not isinstance(data, dict):
        raise Problem(_("a record is not a set of fields"))
    try:
        record = from_json(cls, data)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise Problem(_("a record of kind “{kind}” does not read as one").format(kind=cls.KIND)) from None
    if not _fields_ok(record):
        raise Problem(_("a record of kind “{kind}” has a field of the wrong type").format(kind=cls.KIND))
    try:
        validate(record)
    except ValidationError as error:
        raise Problem(error.message) from None
    return record


def utc_time(value: object) -> datetime:
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is not None:
                return moment
    raise Problem(_("“{value}” is not a time").format(value=_short(value)))


def _version(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_VERSION:
        raise Problem(_("“{value}” is not a version number").format(value=_short(value)))
    return value


def check_text_field(value: object, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > MAX_SHORT_TEXT:
        raise Problem(_("“{value}” is not a short text").format(value=_short(value)))
    return value


def check_uuid(value: object) -> str:
    if isinstance(value, str):
        try:
            uuid.UUID(value)
        except ValueError:
            pass
        else:
            return value
    raise Problem(_("“{value}” is not an id").format(value=_short(value)))


def check_row(row: object, cls: type[Record]) -> tuple[Row, Record]:
    """A stored row: id, the record in `data`, version and timestamps."""
    if not isinstance(row, dict):
        raise Problem(_("a record is not a set of fields"))
    try:
        record_id = check_uuid(row["id"])
        record = decoded(cls, row["data"])
        if record.id != record_id:
            raise Problem(_("the record {id} carries another id inside").format(id=record_id))
        _version(row["version"])
        utc_time(row["created_at"])
        utc_time(row["updated_at"])
        if row["deleted_at"] is not None:
            utc_time(row["deleted_at"])
    except KeyError as missing:
        raise Problem(_("a record lacks “{field}”").format(field=_short(missing.args[0]))) from None
    return row, record


def check_revisions(revisions: object, current: dict[str, tuple[Row, Record]], client_id: str | None) -> None:
    """Earlier versions: each of a record travelling with it, of the same kind and owner, valid as a save would
    be, older than the current version, saved at a real time, none twice."""
    if not isinstance(revisions, list):
        raise Problem(_("the earlier versions are not a list"))
    seen: set[tuple[str, int]] = set()
    for revision in revisions:
        if not isinstance(revision, dict):
            raise Problem(_("an earlier version is not a set of fields"))
        try:
            record_id = str(revision["record_id"])
            if record_id not in current:
                raise Problem(_("an earlier version belongs to no record in the file"))
            row, record = current[record_id]
            version = _version(revision["version"])
            if revision["kind"] != record.KIND or revision["client_id"] != client_id:
                raise Problem(_("an earlier version of {id} is of another kind or client").format(id=record_id))
            if version >= row["version"] or (record_id, version) in seen:
                raise Problem(_("the earlier versions of {id} are out of order").format(id=record_id))
            seen.add((record_id, version))
            earlier = decoded(type(record), revision["data"])
            if earlier.id != record_id:
                raise Problem(_("the record {id} carries another id inside").format(id=record_id))
            utc_time(revision["saved_at"])
        except KeyError as missing:
            raise Problem(_("an earlier version lacks “{field}”").format(field=_short(missing.args[0]))) from None


def check_bundle(item: object) -> tuple[Row, list[Row], list[Row]]:
    """One client with its records and earlier versions: (client row, record rows, revision rows)."""
    if not isinstance(item, dict) or not {"client", "records", "revisions"} <= item.keys():
        raise Problem(_("a client's part of the file is incomplete"))
    check_values(item)
    client_row, client = check_row(item["client"], Client)
    records = item["records"]
    if not isinstance(records, list):
        raise Problem(_("the records are not a list"))
    current: dict[str, tuple[Row, Record]] = {client.id: (client_row, client)}
    for row in records:
        kind = row.get("kind") if isinstance(row, dict) else None
        cls = RECORD_TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None or cls in (Client, Employer):
            raise Problem(_("a record of kind “{kind}” cannot travel with a client").format(kind=_short(kind)))
        row, record = check_row(row, cls)
        if row.get("client_id") != client.id or record.owner_client_id() != client.id:
            raise Problem(_("the record {id} belongs to another client").format(id=record.id))
        if record.id in current:
            raise Problem(_("the id {id} is used twice").format(id=record.id))
        current[record.id] = (row, record)
    check_revisions(item["revisions"], current, client.id)
    return client_row, records, item["revisions"]


def bundle_name(item: object) -> str:
    """The client's name as the file gives it, for a refusal ("—" when there is none to show)."""
    try:
        data = item["client"]["data"]  # type: ignore[index]
        name = f"{data.get('given_names', '')} {data.get('family_name', '')}".strip()
    except (TypeError, KeyError, AttributeError):
        return "—"
    return _short(name) if name else "—"


def check_coach(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Problem(_("the sender's details are not a set of fields"))
    check_values(value)
    try:
        details = from_json(CoachDetails, value)
    except TypeError:
        raise Problem(_("the sender's details do not read as such")) from None
    if not _fields_ok(details):
        raise Problem(_("the sender's details have a field of the wrong type"))
    return value


def check_employers(employers: object, revisions: object) -> list[Row]:
    if not isinstance(employers, list):
        raise Problem(_("the employers are not a list"))
    check_values(employers)
    check_values(revisions)
    current: dict[str, tuple[Row, Record]] = {}
    for row in employers:
        if not isinstance(row, dict) or row.get("kind") != Employer.KIND or row.get("client_id") is not None:
            raise Problem(_("an employer is not an employer"))
        row, record = check_row(row, Employer)
        if record.id in current:
            raise Problem(_("the id {id} is used twice").format(id=record.id))
        current[record.id] = (row, record)
    check_revisions(revisions, current, None)
    return employers


def check_unused(ids: Iterable[str], seen: set[str]) -> None:
    """None of `ids` among the ids of the file `seen` so far."""
    for record_id in ids:
        if record_id in seen:
            raise Problem(_("the id {id} is used twice").format(id=record_id))


def refused(problem: Problem, client: str | None = None) -> HandoverInvalid:
    problem = Problem(str(problem).rstrip("."))
    if client is None:
        return HandoverInvalid(_("The handover file was refused: {problem}.").format(problem=problem))
    return HandoverInvalid(
        _("The handover file was refused: client “{name}”: {problem}.").format(name=client, problem=problem)
    )
