"""A client file with every field of every record filled, whatever fields the records have (read from the
dataclasses, so a field added later is filled too): for the forms' limits."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar

from tyokykyapp.domain import FILE_LISTS, RECORD_TYPES, Client, ClientFile
from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails

T = TypeVar("T")


def _value(hint: Any, text: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _value(inner, text)
    if origin is list:
        return [_value(typing.get_args(hint)[0], text)]
    simple: dict[Any, Any] = {
        str: text,
        bool: True,
        int: 5,
        float: 20.0,
        date: date(2026, 1, 5),
        time: time(9, 5),
        datetime: datetime(2026, 1, 5, 9, 5),
    }
    if hint in simple:
        return simple[hint]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return next(iter(hint))
    if dataclasses.is_dataclass(hint):
        return filled(hint, text)  # type: ignore[arg-type]
    raise AssertionError(f"no value for {hint}")


def filled(cls: type[T], text: str) -> T:
    hints = typing.get_type_hints(cls)
    values = {f.name: _value(hints[f.name], text) for f in dataclasses.fields(cls) if f.init}  # type: ignore[arg-type]
    return cls(**values)


def every_field(text: str) -> ClientFile:
    """One record of every kind, every field holding `text` (a consent in force, so it can be signed)."""
    client = filled(Client, text)
    file = ClientFile(client=client)
    for kind, attribute in FILE_LISTS.items():
        record = filled(RECORD_TYPES[kind], text)
        getattr(file, attribute).append(record)
    file.consents[0].withdrawn_on = None
    return file


def every_detail(text: str) -> tuple[CoachDetails, OrganisationDetails]:
    coach = filled(CoachDetails, text)
    organisation = dataclasses.replace(filled(OrganisationDetails, text), retention_years=10)
    return coach, organisation
