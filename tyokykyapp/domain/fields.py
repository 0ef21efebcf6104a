"""What each field of a record means, declared once on the dataclass field itself.

Every record field is written as `name: type = fld(N_("Label"), ...)`. The declaration says how people read
it (label), how it is edited (long text, a reference to another record, hidden from the editor), what is
plausible (required, date range, number range), whether full-text search indexes it and whether it is
shown to the client in the access report and in history. The record editors, labels, search, the access
report, history, import validation and the save-time checks all read this one declaration, so a new field
is a one-line change (docs/fields.md).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import MISSING, dataclass
from datetime import date, datetime
from typing import Any

from tyokykyapp.domain.dates import DateRange, check_date
from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.domain.text_rules import check_text
from tyokykyapp.i18n import _, current_language

_SPEC = "tyokyky.field"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    label: str  # English msgid, marked with N_(); translated where shown
    long: bool = False  # several lines of the coach's own words
    searchable: bool = False  # indexed by full-text search (the SQL list must match: tests/core/domain)
    printed: bool = True  # shown to people (access report, history); False for ids and bookkeeping
    editable: bool = True  # in the record editor; False for ids, timestamps and process state
    required: bool = False  # must hold something (text not blank, a value not None)
    ref: str | None = None  # the record kind this id points to ("employer", "employment")
    dates: DateRange | None = None  # the plausible range of a date
    numbers: tuple[float, float] | None = None  # the plausible range of a number, inclusive


def fld(
    label: str,
    *,
    default: Any = MISSING,
    factory: Any = MISSING,
    long: bool = False,
    searchable: bool = False,
    printed: bool = True,
    editable: bool = True,
    required: bool = False,
    ref: str | None = None,
    dates: DateRange | None = None,
    numbers: tuple[float, float] | None = None,
) -> Any:
    """A dataclass field carrying its FieldSpec (typed Any, as `dataclasses.field` is, for the checker)."""
    spec = FieldSpec(label, long, searchable, printed, editable, required, ref, dates, numbers)
    metadata = {_SPEC: spec}
    if factory is not MISSING:
        return dataclasses.field(default_factory=factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


@dataclass(frozen=True, slots=True)
class Declared:
    """One field of a dataclass with its declaration and its type (Optional unwrapped)."""

    name: str
    spec: FieldSpec
    kind: Any  # the type without Optional: str, date, an Enum, list[Row], a nested dataclass ...
    optional: bool

    @property
    def label(self) -> str:
        return _(self.spec.label)

    @property
    def row_type(self) -> type | None:
        """For a list of small records (consent parties, plan steps): their dataclass."""
        if typing.get_origin(self.kind) is list:
            (row,) = typing.get_args(self.kind)
            return row if isinstance(row, type) else None
        return None

    @property
    def nested(self) -> bool:
        return isinstance(self.kind, type) and dataclasses.is_dataclass(self.kind)


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(hint))
    return hint, False


_DECLARED: dict[type, tuple[Declared, ...]] = {}


def declared_fields(cls: type) -> tuple[Declared, ...]:
    """Every init field of a dataclass with its declaration; TypeError names any field left undeclared."""
    known = _DECLARED.get(cls)
    if known is None:
        known = _DECLARED[cls] = _declare(cls)
    return known


def _declare(cls: type) -> tuple[Declared, ...]:
    hints = typing.get_type_hints(cls)
    found = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        spec = f.metadata.get(_SPEC)
        if not isinstance(spec, FieldSpec):
            raise TypeError(f"{cls.__name__}.{f.name} has no field declaration (use fld(...))")
        kind, optional = _unwrap_optional(hints[f.name])
        found.append(Declared(f.name, spec, kind, optional))
    return tuple(found)


def declared(cls: type, name: str) -> Declared:
    for d in declared_fields(cls):
        if d.name == name:
            return d
    raise KeyError(f"{cls.__name__}.{name}")


def field_label(cls: type, name: str) -> str:
    return declared(cls, name).label


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_fields(obj: Any, *, on: date | None = None) -> None:
    """The checks every declared field passes before it is stored, nested rows included: text size and
    characters, required values, plausible dates and numbers. Raises ValidationError naming the field."""
    for d in declared_fields(type(obj)):
        value = getattr(obj, d.name)
        if d.spec.required and _is_empty(value):
            raise ValidationError(d.name, _("Fill in: {field}.").format(field=d.label))
        items = value if isinstance(value, list) else [value]
        for item in items:
            _check_value(d, item, on)


def _check_value(d: Declared, value: object, on: date | None) -> None:
    if value is None or isinstance(value, bool | datetime):
        return  # datetimes are the vault's own timestamps, never typed
    if isinstance(value, str):
        check_text(d.name, value)
    elif isinstance(value, date):
        if d.spec.dates is None:
            raise TypeError(f"{d.name} is a date without a declared range")
        check_date(d.label, d.name, value, d.spec.dates, on=on)
    elif isinstance(value, int | float) and d.spec.numbers is not None:
        low, high = d.spec.numbers
        if not low <= value <= high:
            raise ValidationError(
                d.name,
                _("{field}: {value} is outside the allowed range {low}–{high}.").format(
                    field=d.label, value=format_number(value), low=format_number(low), high=format_number(high)
                ),
            )
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        check_fields(value, on=on)


def format_number(value: float) -> str:
    """A number as people read it: 20 rather than 20.0, and a decimal comma in Finnish and Swedish."""
    text = f"{value:g}"
    return text.replace(".", ",") if current_language() in ("fi", "sv") else text


def searchable_names(classes: typing.Iterable[type]) -> set[str]:
    """Names of the fields full-text search indexes, nested rows included."""
    names: set[str] = set()
    for cls in classes:
        for d in declared_fields(cls):
            if d.spec.searchable:
                names.add(d.name)
            inner = d.row_type or (d.kind if d.nested else None)
            if inner is not None:
                names |= searchable_names([inner])
    return names
