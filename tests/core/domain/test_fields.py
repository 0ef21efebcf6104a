"""Every record field is declared once, and the save-time checks, search, labels and the editors all read
that declaration."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from tyokykyapp.domain import (
    RECORD_TYPES,
    Client,
    Employment,
    KykyviisariResult,
    Meeting,
    NetworkContact,
    Plan,
    PlanStep,
    ValidationError,
    validate,
)
from tyokykyapp.domain.fields import Declared, declared_fields, field_label, fld, searchable_names
from tyokykyapp.domain.registry import blank_record
from tyokykyapp.i18n import N_, set_language
from tyokykyapp.vault import Vault

TODAY = date(2026, 11, 23)


def _every_declared_type() -> set[type]:
    found: set[type] = set()
    todo: list[type] = list(RECORD_TYPES.values())
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found.add(cls)
        for d in declared_fields(cls):
            inner = d.row_type or (d.kind if d.nested else None)
            if inner is not None:
                todo.append(inner)
    return found


def test_every_field_of_every_record_and_row_is_declared_with_what_its_type_needs() -> None:
    types = _every_declared_type()
    assert len(types) > len(RECORD_TYPES)  # rows and nested details are included
    for cls in types:
        for d in declared_fields(cls):  # raises TypeError for a field without fld(...)
            assert d.spec.label, f"{cls.__name__}.{d.name}"
            if d.kind is date:
                assert d.spec.dates is not None, f"{cls.__name__}.{d.name} needs a plausible range"
            if d.kind in (int, float):
                assert d.spec.numbers is not None, f"{cls.__name__}.{d.name} needs a range"
            if d.name.endswith("_id") and d.name not in ("business_id",):
                assert d.spec.ref is not None, f"{cls.__name__}.{d.name} is a reference: declare its target"
    assert declared_fields(type(blank_record("employer", None, TODAY)))[0].spec.printed is False  # the id


def test_an_undeclared_field_is_named() -> None:
    @dataclasses.dataclass
    class Half:
        label: str = fld(N_("Name"), default="")
        forgotten: str = ""

    with pytest.raises(TypeError, match=r"Half\.forgotten"):
        declared_fields(Half)


def test_a_business_id_is_text_not_a_reference() -> None:
    from tyokykyapp.domain import Employer

    d = next(d for d in declared_fields(Employer) if d.name == "business_id")
    assert d.spec.ref is None and d.kind is str


def test_search_indexes_exactly_the_declared_fields(vault: Vault) -> None:
    in_sql = {row[0] for row in vault.connection.execute("SELECT name FROM searchable_fields")}
    records = [cls for kind, cls in RECORD_TYPES.items() if kind != "client"]
    assert searchable_names(records) == in_sql
    # The client table has its own index: names and notes (migration 0002).
    assert {d.name for d in declared_fields(Client) if d.spec.searchable} == {"family_name", "given_names", "notes"}


def test_labels_are_translated_per_field() -> None:
    set_language("fi")
    assert field_label(Meeting, "on") == "Päivämäärä"
    assert field_label(Plan, "review_on") == "Tarkistetaan"


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (Meeting(client_id="c", on=date(1901, 1, 1)), "on"),
        (Meeting(client_id="c", on=date(26, 12, 31)), "on"),
        (Meeting(client_id="c", on=date(2026, 1, 1), duration_minutes=0), "duration_minutes"),
        (Plan(client_id="c", made_on=TODAY, steps=[PlanStep(description="CV", due_on=date(26, 12, 31))]), "due_on"),
        (Plan(client_id="c", made_on=TODAY, steps=[PlanStep(description="")]), "description"),
        (Client(family_name="Aho", given_names="Anna", date_of_birth=date(1899, 12, 31)), "date_of_birth"),
        (Client(family_name="Aho", given_names="Anna", date_of_birth=date(2020, 1, 1)), "date_of_birth"),
        (Client(family_name=" ", given_names="Anna"), "family_name"),
        (Employment(client_id="c", start_on=TODAY, hours_per_week=81), "hours_per_week"),
        (KykyviisariResult(client_id="c", done_on=TODAY), "work_ability"),
        (KykyviisariResult(client_id="c", done_on=TODAY, work_ability=5, skills=11), "skills"),
        (NetworkContact(client_id="c"), "role"),
    ],
)
def test_implausible_values_are_refused_naming_the_field(record: object, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate(record)  # type: ignore[arg-type]
    assert refused.value.field == field


def test_the_message_names_the_field_in_the_coachs_language() -> None:
    set_language("fi")
    with pytest.raises(ValidationError, match=r"Päivämäärä: 31\.12\.26 ei ole uskottava päivämäärä"):
        validate(Meeting(client_id="c", on=date(26, 12, 31)))


def test_plausible_values_pass() -> None:
    validate(Meeting(client_id="c", on=TODAY, duration_minutes=60))
    validate(Client(family_name="Aho", given_names="Anna", date_of_birth=date(1960, 5, 1)))
    validate(KykyviisariResult(client_id="c", done_on=TODAY, work_ability=0))


def test_a_blank_record_starts_empty_not_with_made_up_values() -> None:
    score = blank_record("kykyviisari", "c", TODAY)
    assert isinstance(score, KykyviisariResult) and score.work_ability is None and score.done_on == TODAY
    contact = blank_record("employer_contact", None, TODAY)
    assert contact.employer_id == ""  # type: ignore[attr-defined]


def test_declared_is_cached_and_in_field_order() -> None:
    names = [d.name for d in declared_fields(Meeting)]
    assert names[:2] == ["id", "created_at"] and "notes" in names
    assert declared_fields(Meeting) is declared_fields(Meeting)
    assert all(isinstance(d, Declared) for d in declared_fields(Meeting))
