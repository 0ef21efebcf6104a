"""Records as people read them: each printed field as (label, text), with dates as day.month.year, choices
by their label, yes / no, references by the name of what they point to, and checklist items by their
wording. The access report, the record history and summaries all use this, so the client and the coach
read the same words and never a raw code."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, time
from enum import Enum
from typing import Any

from tyokykyapp.domain.dates import format_date, format_time
from tyokykyapp.domain.enums import Labelled
from tyokykyapp.domain.fields import declared_fields, format_number
from tyokykyapp.i18n import _
from tyokykyapp.process import CHECKLISTS
from tyokykyapp.process.checklists import RETIRED_ITEMS

CHECKLIST_LABELS = {spec.key: spec.label for specs in CHECKLISTS.values() for spec in specs} | RETIRED_ITEMS
NO_NAMES: Mapping[str, str] = {}


def readable(value: object, names: Mapping[str, str] = NO_NAMES) -> str:
    """One stored value as a person reads it."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Labelled):
        return value.label
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return format_time(value)
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, list):
        return "; ".join(readable(item, names) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return ", ".join(text for _label, text in lines(value, names))
    return str(value)


def lines(record: Any, names: Mapping[str, str] = NO_NAMES) -> list[tuple[str, str]]:
    """(label, text) for each printed field that holds something. A reference (e.g. to an employer in the
    register) is shown by the name `names` gives for its id, and left out when no name is known."""
    found = []
    for d in declared_fields(type(record)):
        value = getattr(record, d.name)
        if not d.spec.printed or value in (None, "", []) or value is False:
            continue
        if d.spec.ref is not None:
            text = names.get(str(value), "")
        elif d.name == "item" and isinstance(value, str):
            text = _(CHECKLIST_LABELS.get(value, value))
        else:
            text = readable(value, names)
        if text:
            found.append((d.label, text))
    return found


def employer_of(record: Any, names: Mapping[str, str] = NO_NAMES) -> str:
    """The employer of a job, application or contact as people read it: the name in the register when one
    is chosen (and still known), else the name typed beside it."""
    chosen = names.get(getattr(record, "employer_id", None) or "", "")
    return chosen or str(getattr(record, "employer_name", "") or "")
