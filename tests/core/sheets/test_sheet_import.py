"""Importing a caseload: rows validated as a save, every bad cell reported, nothing written when a row is
refused (unless skipping), one transaction, the same sheet twice adding nothing, history placed as facts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.helpers.sheets import write_csv, write_ods, write_xlsx
from tyokykyapp.domain import (
    ClosureDestination,
    ClosureReason,
    Employer,
    EmploymentKind,
    MaintenanceLevel,
    Phase,
    ReferralSource,
    Sector,
)
from tyokykyapp.i18n import set_language
from tyokykyapp.sheets.importing import ImportPlan, choose_sheets, plan_import, run_import
from tyokykyapp.sheets.reading import Cell, Sheet, read_workbook
from tyokykyapp.vault import StorageFailed, Vault

CLIENTS_FI = [
    ["Asiakaslista syksy 2025"],  # a title above the headers
    [
        "Sukunimi",
        "Etunimi",
        "Henkilötunnus",
        "Aloituspäivä",
        "Lähettäjä",
        "Vaihe",
        "Päättymispäivä",
        "Jatkopolku",
        "Kengännumero",
    ],
    ["Virtanen", "Aino", "131052-308T", date(2024, 2, 1), "TYP Itä-Helsinki", "työnhaku", None, None, 42],
    ["Korhonen", "Matti", None, "15.3.2024", "Naapurin Pertti", "ylläpito", None, None, None],
    ["Mäkinen", "Liisa", None, date(2023, 5, 2), "Kela", "", date(2025, 6, 30), "Opiskelu", None],
    [None, None, None, None, None, None, None, None, None],  # an empty row is skipped
]
JOBS_FI = [
    [
        "Henkilötunnus",
        "Sukunimi",
        "Etunimi",
        "Laji",
        "Alkoi",
        "Päättyi",
        "Työnantaja",
        "Tehtävä",
        "Ala",
        "Tunnit viikossa",
    ],
    ["131052-308T", None, None, "palkkatuettu työ", date(2024, 9, 1), None, "Kauppa Oy", "Myyjä", "kauppa", "20,5"],
    [
        None,
        "Korhonen",
        "Matti",
        "työkokeilu",
        date(2024, 5, 1),
        date(2024, 7, 31),
        "kauppa oy",
        "Varastotyö",
        "H",
        None,
    ],
    [None, "Korhonen", "Matti", "työsuhde", date(2024, 8, 1), None, "Uusi Firma", "Varastotyö", "lumenluonti", 37.5],
]


def plan_of(vault: Vault, path: Path, jobs: Path | None = None, **kwargs: object) -> ImportPlan:
    clients, job_sheet = choose_sheets(read_workbook(path), read_workbook(jobs) if jobs else None)
    return plan_import(vault, clients, job_sheet, imported_by="Coach", **kwargs)  # type: ignore[arg-type]


def test_a_finnish_workbook_with_a_job_sheet_imports_clients_history_and_jobs(vault: Vault, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "lista.xlsx", {"Asiakkaat": CLIENTS_FI, "Työsuhteet": JOBS_FI})
    plan = plan_of(vault, path)
    assert plan.problems == []
    assert plan.ignored == [("Asiakkaat", "Kengännumero")]
    result = run_import(vault, plan)
    assert (result.clients_added, result.clients_matched, result.employments_added) == (3, 0, 3)
    assert result.changes.caseload and "employment" in result.changes.kinds
    by_name = {s.family_name: s for s in vault.repo.clients()}
    assert set(by_name) == {"Virtanen", "Korhonen", "Mäkinen"}

    aino = vault.repo.client_file(by_name["Virtanen"].id)
    assert aino.client.date_of_birth == date(1952, 10, 13)  # from the identity code
    assert aino.client.phase is Phase.JOB_SEARCH and aino.client.started_on == date(2024, 2, 1)
    assert [(p.from_phase, p.to_phase, p.on) for p in aino.phase_history] == [
        (None, Phase.INTAKE, date(2024, 2, 1)),
        (Phase.INTAKE, Phase.JOB_SEARCH, date(2024, 2, 1)),
    ]
    assert all(p.reason == "Imported from a spreadsheet" for p in aino.phase_history)
    assert aino.episodes[0].referral.source is ReferralSource.TYP
    (job,) = aino.employments
    assert job.kind is EmploymentKind.EMPLOYMENT and job.pay_subsidy and job.hours_per_week == 20.5
    assert job.sector is Sector.TRADE and job.title == "Myyjä"

    matti = vault.repo.client_file(by_name["Korhonen"].id)
    # In maintenance without agreement or consent: imported history is not a live move.
    assert matti.client.phase is Phase.MAINTENANCE and matti.client.maintenance_level is MaintenanceLevel.ACTIVE
    referral = matti.episodes[0].referral
    assert referral.source is ReferralSource.OTHER and referral.referrer == "Naapurin Pertti"
    trial, work = matti.employments
    assert trial.kind is EmploymentKind.WORK_TRIAL and trial.end_on == date(2024, 7, 31)
    assert work.sector is None and "lumenluonti" in work.notes
    employers = {e.name: e.id for e in vault.repo.employers() if isinstance(e, Employer)}
    assert set(employers) == {"Kauppa Oy", "Uusi Firma"}  # "kauppa oy" matched the one added before
    assert trial.employer_id == employers["Kauppa Oy"] == aino.employments[0].employer_id

    liisa = vault.repo.client_file(by_name["Mäkinen"].id)
    assert liisa.client.phase is Phase.CLOSED and liisa.client.phase_since == date(2025, 6, 30)
    (closure,) = liisa.closures
    assert closure.destination is ClosureDestination.STUDIES and closure.reason is ClosureReason.STUDIES
    assert closure.episode_id == liisa.episodes[0].id
    assert [p.to_phase for p in liisa.phase_history] == [Phase.INTAKE, Phase.CLOSED]
    notices = [n.message for n in plan.notices]
    assert any("Naapurin Pertti" in m for m in notices) and any("lumenluonti" in m for m in notices)


def test_the_same_sheet_twice_adds_nothing(vault: Vault, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "lista.xlsx", {"Asiakkaat": CLIENTS_FI, "Työsuhteet": JOBS_FI})
    run_import(vault, plan_of(vault, path))
    before = vault.connection.execute("SELECT count(*) FROM records").fetchone()[0]
    again = run_import(vault, plan_of(vault, path))
    assert (again.clients_added, again.clients_matched, again.employments_added) == (0, 3, 0)
    assert vault.connection.execute("SELECT count(*) FROM records").fetchone()[0] == before
    assert vault.repo.count_clients() == 3


def test_clients_are_matched_by_identity_code_else_name_and_birth_else_name_and_entry(
    vault: Vault, tmp_path: Path
) -> None:
    first = [
        ["Nimi", "Henkilötunnus", "Syntymäaika", "Aloituspäivä"],
        ["Aino Virtanen", "131052-308T", None, "1.2.2024"],
        ["Pekka Nieminen", None, date(1980, 1, 1), "1.2.2024"],
        ["Outi Laine", None, None, "1.2.2024"],
    ]
    run_import(vault, plan_of(vault, write_xlsx(tmp_path / "a.xlsx", {"A": first})))
    second = [
        ["Nimi", "Henkilötunnus", "Syntymäaika", "Aloituspäivä"],
        ["Aino Virtanen-Toinen", "131052-308T", None, "1.3.2025"],  # same code, name changed: the same person
        ["Pekka Nieminen", None, date(1980, 1, 1), "1.3.2025"],  # same name and birth, another entry date
        ["Outi Laine", None, None, "1.2.2024"],  # same name and entry
        ["Outi Laine", None, None, "1.3.2025"],  # the same name, entered later: someone else
    ]
    result = run_import(vault, plan_of(vault, write_xlsx(tmp_path / "b.xlsx", {"A": second})))
    assert (result.clients_added, result.clients_matched) == (1, 3)


@pytest.mark.parametrize("suffix", [".ods", ".csv"])
def test_swedish_and_english_headers_in_ods_and_csv(vault: Vault, tmp_path: Path, suffix: str) -> None:
    rows = [
        ["Efternamn", "Förnamn", "Startdatum", "Fas", "Stödnivå"],
        ["Holmström", "Åsa", date(2024, 1, 10), "Upprätthållande", "Lätt stöd"],
    ]
    jobs = [
        ["Name", "Type", "Start", "Employer", "Hours a week"],
        ["Åsa Holmström", "Work trial", date(2024, 3, 1), "Ab Oy", 10],
    ]
    if suffix == ".ods":
        path, jobs_path = write_ods(tmp_path / "a.ods", {"Klienter": rows, "Jobs": jobs}), None
    else:
        path = write_csv(tmp_path / "a.csv", rows, encoding="cp1252")
        jobs_path = write_csv(tmp_path / "jobs.csv", jobs, delimiter=",")
    plan = plan_of(vault, path, jobs_path)
    assert plan.problems == []
    run_import(vault, plan)
    (summary,) = vault.repo.clients()
    assert summary.phase is Phase.MAINTENANCE and summary.maintenance_level is MaintenanceLevel.LIGHT
    (job,) = vault.repo.client_file(summary.id).employments
    assert job.kind is EmploymentKind.WORK_TRIAL and job.hours_per_week == 10


BAD = [
    ["Nimi", "Aloituspäivä", "Syntymäaika", "Vaihe", "Sähköposti", "Henkilötunnus", "Päättymispäivä"],
    ["Aino Virtanen", "31.2.2024", None, "työnhaku", None, None, None],  # no such day
    ["Pekka Nieminen", "1.2.2024", None, "lomalla", None, None, None],  # unknown phase
    ["Outi Laine", "1.2.2024", "1.13.1980", None, "outi.example.fi", None, None],  # two bad cells
    ["Kalle Kivi", "1.2.2024", None, None, None, "131052-308X", None],  # wrong check character
    ["Ville Vaara", "1.2.2024", None, "päättynyt", None, None, None],  # closed without an end date
    ["Sanna Salo", "1.2.2024", None, None, None, None, "1.1.2024"],  # ended before it started
    ["Hyvä Rivi", "1.2.2024", None, None, None, None, None],
]


def test_every_bad_cell_is_reported_with_sheet_row_column_and_reason_and_nothing_is_written(
    vault: Vault, tmp_path: Path
) -> None:
    plan = plan_of(vault, write_xlsx(tmp_path / "bad.xlsx", {"Lista": BAD}))
    found = {(p.sheet, p.row, p.column) for p in plan.problems}
    assert found == {
        ("Lista", 2, "Aloituspäivä"),
        ("Lista", 3, "Vaihe"),
        ("Lista", 4, "Syntymäaika"),
        ("Lista", 4, "Sähköposti"),
        ("Lista", 5, "Henkilötunnus"),
        ("Lista", 6, "Vaihe"),
        ("Lista", 7, "Päättymispäivä"),
    }
    messages = {(p.row, p.column): p.message for p in plan.problems}
    assert "31.2.2024" in messages[2, "Aloituspäivä"] and "lomalla" in messages[3, "Vaihe"]
    assert "1.13.1980" in messages[4, "Syntymäaika"] and "@" in messages[4, "Sähköposti"]
    result = run_import(vault, plan)
    assert not result.written and result.clients_added == 0 and len(result.rows_refused) == 7
    assert vault.repo.count_clients() == 0


def test_skip_invalid_writes_the_rows_that_pass(vault: Vault, tmp_path: Path) -> None:
    plan = plan_of(vault, write_xlsx(tmp_path / "bad.xlsx", {"Lista": BAD}))
    result = run_import(vault, plan, skip_invalid=True)
    assert result.written and result.clients_added == 1
    assert [s.name for s in vault.repo.clients()] == ["Hyvä Rivi"]


def test_jobs_for_clients_not_in_the_sheet_or_ambiguous_names_are_refused(vault: Vault, tmp_path: Path) -> None:
    clients = [
        ["Nimi", "Aloituspäivä", "Syntymäaika"],
        ["Aino Virtanen", "1.2.2024", date(1980, 1, 1)],
        ["Aino Virtanen", "1.3.2024", date(1990, 1, 1)],
    ]
    jobs = [
        ["Nimi", "Syntymäaika", "Henkilötunnus", "Alkoi", "Laji"],
        ["Aino Virtanen", None, None, "1.5.2024", None],  # two Ainos
        ["Olli Outo", None, None, "1.5.2024", None],  # nobody
        [None, None, "010101A123N", "1.5.2024", None],  # no such code
        ["Aino Virtanen", date(1990, 1, 1), None, "1.5.2024", "lentäjä"],  # unknown kind
        ["Aino Virtanen", date(1990, 1, 1), None, "1.5.2024", "työsuhde"],
    ]
    plan = plan_of(vault, write_xlsx(tmp_path / "a.xlsx", {"Asiakkaat": clients, "Työsuhteet": jobs}))
    assert {(p.row, p.column) for p in plan.problems} == {(2, "Nimi"), (3, "Nimi"), (4, "Henkilötunnus"), (5, "Laji")}
    assert len(plan.employments) == 1


def test_a_client_twice_in_the_sheet_is_refused(vault: Vault, tmp_path: Path) -> None:
    rows = [["Nimi", "Aloituspäivä"], ["Aino Virtanen", "1.2.2024"], ["Aino Virtanen", "1.2.2024"]]
    plan = plan_of(vault, write_xlsx(tmp_path / "a.xlsx", {"A": rows}))
    assert [(p.row, p.message) for p in plan.problems] == [(3, "The same client is already on row 2.")]


def test_missing_required_columns_are_named(vault: Vault, tmp_path: Path) -> None:
    set_language("fi")
    plan = plan_of(vault, write_xlsx(tmp_path / "a.xlsx", {"A": [["Sukunimi", "Puhelin"], ["Virtanen", "040"]]}))
    assert [p.message for p in plan.problems] == ["Sarake puuttuu: Nimi, Palvelu alkoi."]


def test_unrecognised_closure_text_is_kept_and_never_refused(vault: Vault, tmp_path: Path) -> None:
    rows = [
        ["Nimi", "Aloituspäivä", "Päättymispäivä", "Jatkopolku"],
        ["Aino Virtanen", "1.2.2024", "1.2.2025", "Ei tiedossa"],
    ]
    plan = plan_of(vault, write_xlsx(tmp_path / "a.xlsx", {"A": rows}))
    run_import(vault, plan)
    (closure,) = vault.repo.client_file(vault.repo.clients()[0].id).closures
    assert closure.destination is ClosureDestination.OTHER and closure.continuation_path == "Ei tiedossa"
    assert closure.reason is ClosureReason.OTHER
    assert plan.problems == [] and len(plan.notices) == 1


def test_a_dry_run_writes_nothing(vault: Vault, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "lista.xlsx", {"Asiakkaat": CLIENTS_FI, "Työsuhteet": JOBS_FI})
    result = run_import(vault, plan_of(vault, path), dry_run=True)
    assert (result.clients_added, result.employments_added, result.written) == (3, 3, False)
    assert not result.changes.caseload
    assert vault.repo.count_clients() == 0


def test_a_failure_while_writing_leaves_nothing_written(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "lista.xlsx", {"Asiakkaat": CLIENTS_FI, "Työsuhteet": JOBS_FI})
    plan = plan_of(vault, path)
    real = vault.repo.save_in_transaction
    calls = []

    def failing(record: object, **kwargs: object) -> object:
        calls.append(record)
        if len(calls) == 12:
            raise StorageFailed()
        return real(record, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(vault.repo, "save_in_transaction", failing)
    with pytest.raises(StorageFailed):
        run_import(vault, plan)
    assert vault.connection.execute("SELECT count(*) FROM clients").fetchone()[0] == 0
    assert vault.connection.execute("SELECT count(*) FROM records").fetchone()[0] == 0


def test_progress_is_reported_up_to_the_total(vault: Vault, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "lista.xlsx", {"Asiakkaat": CLIENTS_FI, "Työsuhteet": JOBS_FI})
    plan = plan_of(vault, path)
    checked: list[tuple[int, int]] = []
    clients, jobs = choose_sheets(read_workbook(path))
    plan = plan_import(vault, clients, jobs, progress=lambda done, total: checked.append((done, total)))
    assert checked[-1] == (9, 9)  # every row of both sheets (the trailing empty row is not in the file)
    seen: list[tuple[int, int]] = []
    run_import(vault, plan, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (plan.records, plan.records)
    assert vault.connection.execute("SELECT count(*) FROM records").fetchone()[0] + 3 == plan.records


def test_the_csv_export_formula_guard_is_removed_on_import(vault: Vault, tmp_path: Path) -> None:
    rows = [["Nimi", "Aloituspäivä", "Puhelin", "Muistiinpanot"], ["Aino Virtanen", "1.2.2024", "'+358401234567", "'x"]]
    run_import(vault, plan_of(vault, write_csv(tmp_path / "a.csv", rows)))
    client = vault.repo.client_file(vault.repo.clients()[0].id).client
    assert (client.phone, client.notes) == ("+358401234567", "'x")


def test_a_hidden_sheet_is_not_taken_for_the_clients(vault: Vault, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "a.xlsx", {"Vanhat": [["x"]], "Asiakkaat": [["Nimi", "Aloituspäivä"]]})
    book = load_workbook(path)
    book["Vanhat"].sheet_state = "hidden"
    book.save(path)
    clients, jobs = choose_sheets(read_workbook(path))
    assert (clients.name, jobs) == ("Asiakkaat", None)


def test_an_employer_name_a_save_would_refuse_is_reported_at_its_cell(vault: Vault) -> None:
    clients: list[list[Cell]] = [["Nimi", "Aloituspäivä"], ["Aino Virtanen", "1.2.2024"]]
    # No file format holds a cell this long (Excel stops at 32,767): the sheet is given as read.
    jobs: list[list[Cell]] = [["Nimi", "Alkoi", "Työnantaja"], ["Aino Virtanen", "1.5.2024", "x" * 250_000]]
    plan = plan_import(vault, Sheet("Asiakkaat", clients), Sheet("Työsuhteet", jobs))
    assert [(p.sheet, p.row, p.column) for p in plan.problems] == [("Työsuhteet", 2, "Työnantaja")]
    assert plan.employers == [] and plan.employments == []
