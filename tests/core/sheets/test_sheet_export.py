"""Exporting what is shown to .xlsx and .csv: real date cells, sized columns, headers in the app's language,
formula-looking text kept as text, no file but the target, and an exported client list importing back."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Employer, EmployerContact, Phase
from tyokykyapp.i18n import set_language
from tyokykyapp.services import due_list
from tyokykyapp.sheets.exporting import clients_table, due_table, employer_contacts_table, write_table
from tyokykyapp.sheets.importing import choose_sheets, plan_import, run_import
from tyokykyapp.sheets.reading import read_workbook
from tyokykyapp.vault import Vault
from tyokykyapp.vault.keyslots import KdfParams

TODAY = date(2026, 11, 23)


@pytest.fixture
def caseload(vault: Vault) -> Vault:
    generate_caseload(vault, 25, seed=3, today=TODAY, coach="Coach")
    return vault


def test_xlsx_has_real_dates_sized_columns_and_headers_in_the_app_language(caseload: Vault, tmp_path: Path) -> None:
    set_language("fi")
    shown = caseload.repo.clients(phase=Phase.JOB_SEARCH)
    assert 0 < len(shown) < caseload.repo.count_clients()
    path = tmp_path / "asiakkaat.xlsx"
    write_table(path, clients_table(shown))
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]] == [
        "Sukunimi",
        "Etunimet",
        "Syntymäaika",
        "Vaihe",
        "Tukitaso",
        "Tässä vaiheessa alkaen",
        "Palvelu alkoi",
    ]
    assert sheet.max_row == len(shown) + 1  # exactly the clients shown: the filter applied
    since = sheet.cell(row=2, column=6)
    assert since.is_date and since.value.date() == shown[0].phase_since and since.number_format == "d.m.yyyy"
    assert sheet.column_dimensions["F"].width >= len("Tässä vaiheessa alkaen")
    assert sheet.cell(row=2, column=4).value == "Työnetsintä"


def test_text_that_looks_like_a_formula_stays_text(vault: Vault, tmp_path: Path) -> None:
    employer = vault.repo.save(Employer(name='=HYPERLINK("http://x")'))
    vault.repo.save(EmployerContact(employer_id=employer.id, on=TODAY, purpose="+358 40 123", outcome="-"))
    contacts = [c for c in vault.repo.employer_contacts() if isinstance(c, EmployerContact)]
    table = employer_contacts_table(contacts, {employer.id: employer.name}, {})
    write_table(tmp_path / "c.xlsx", table)
    sheet = load_workbook(tmp_path / "c.xlsx").active
    assert sheet.cell(row=2, column=2).data_type == "s" and sheet.cell(row=2, column=2).value.startswith("=")
    write_table(tmp_path / "c.csv", table)
    text = (tmp_path / "c.csv").read_bytes().decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+358 40 123" in text
    assert text.splitlines()[1].startswith("23.11.2026;\"'=HYPERLINK")


def test_csv_is_utf8_with_bom_and_semicolons(caseload: Vault, tmp_path: Path) -> None:
    path = tmp_path / "due.csv"
    names = {s.id: s.name for s in caseload.repo.clients()}
    items = due_list(caseload, TODAY)
    write_table(path, due_table(items, names))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Due on;Overdue;What;Client" and len(lines) == len(items) + 1


def test_nothing_but_the_target_is_written(caseload: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    for name in ("a.xlsx", "a.csv"):
        write_table(out / name, clients_table(caseload.repo.clients()))
    assert sorted(os.listdir(out)) == ["a.csv", "a.xlsx"] and os.listdir(temp) == []


def test_an_exported_client_list_imports_back(caseload: Vault, tmp_path: Path) -> None:
    for suffix, language in ((".xlsx", "sv"), (".csv", "fi")):
        set_language(language)
        path = tmp_path / f"clients{suffix}"
        write_table(path, clients_table(caseload.repo.clients()))
        receiver, _key = Vault.create(
            tmp_path / f"receiver{suffix}", "yksi kaksi kolme neljä viisi", kdf=KdfParams(1, 8 * 1024, 1)
        )
        with receiver:
            set_language("en")
            clients, _jobs = choose_sheets(read_workbook(path))
            plan = plan_import(receiver, clients)
            assert plan.problems == []
            run_import(receiver, plan)

            def listed(v: Vault) -> list[tuple[object, ...]]:
                return [
                    (
                        s.family_name,
                        s.given_names,
                        s.date_of_birth,
                        s.phase,
                        s.maintenance_level,
                        s.phase_since,
                        s.started_on,
                    )
                    for s in v.repo.clients()
                ]

            assert listed(receiver) == listed(caseload)
            assert run_import(receiver, plan_import(receiver, clients)).clients_added == 0
