"""`report`: the --json shape, PDF and XLSX files, aggregate files and --combine without a vault."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.helpers.caseload import Caseload
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp import cli
from tyokykyapp.domain import EmploymentKind, Phase, ReferralSource
from tyokykyapp.services import CoachDetails, set_coach_details
from tyokykyapp.vault import Vault

REQUIRED = [
    "period.from",
    "period.to",
    "clients.served",
    "clients.new",
    "clients.by_referral",
    "outcomes.employed_people",
    "outcomes.work_trial_only_people",
    "outcomes.employed_or_trial_people",
    "outcomes.employed_or_trial_rate",
    "outcomes.employment_episodes",
    "outcomes.work_trial_episodes",
    "closures.by_destination",
    "durations.median_days_entry_to_first_employer_contact",
    "fidelity",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    vault, _key = Vault.create(tmp_path / "vault", PASSPHRASE)
    with vault:
        set_coach_details(vault, CoachDetails(name="Coach Kallio", organisation="Helsingin kaupunki"))
        c = Caseload(vault)
        a = c.person(date(2026, 1, 5), (date(2026, 2, 1), Phase.JOB_SEARCH), referral=ReferralSource.SELF)
        c.contact(a, date(2026, 1, 20))
        c.job(a, date(2026, 3, 1))
        b = c.person(date(2025, 6, 1))
        c.job(b, date(2026, 4, 1), kind=EmploymentKind.WORK_TRIAL)
    (tmp_path / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    return tmp_path


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--vault", str(folder / "vault"), "--passphrase-file", str(folder / "pass"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_promised_keys(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(folder, capsys, "report", "--from", "1.1.2026", "--to", "2026-06-30", "--json")
    assert code == 0
    document = json.loads(out)
    for key in REQUIRED:
        value = document
        for part in key.split("."):
            value = value[part]
    assert document["period"] == {"from": "2026-01-01", "to": "2026-06-30"}
    assert document["clients"]["served"] == 2 and document["clients"]["by_referral"] == {"self": 1, "unknown": 1}
    assert document["outcomes"]["employed_or_trial_rate"] == 1.0
    assert document["durations"]["median_days_entry_to_first_employer_contact"] == 15.0
    assert [set(item) for item in document["fidelity"]] == [{"item", "name", "value", "unit", "score", "basis"}] * 25
    assert {i["item"]: i["unit"] for i in document["fidelity"]}[15] == "days"
    assert "Kallio" not in out and "Qwerty" not in out


def test_text_report_by_default(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(folder, capsys, "report", "--from", "2026-01-01", "--to", "2026-06-30", "--lang", "en")
    assert code == 0 and "Clients served" in out and "IPS-25 fidelity items from the records" in out


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_pdf_in_each_language_names_no_client(folder: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    out = folder / f"report-{lang}.pdf"
    code, _out, _err = run(
        folder, capsys, "report", "--to", "2026-06-30", "--from", "2026-01-01", "--out", str(out), "--lang", lang
    )
    assert code == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    assert total >= 3
    marker = {"fi": "sivu", "sv": "sida", "en": "page"}[lang]
    for number, text in enumerate(pages, start=1):
        assert f"{marker} {number} / {total}" in text
        assert "Helsingin kaupunki" in text and "Qwerty" not in text and "Xavi" not in text
    title = {"fi": "Tuloksellisuusraportti", "sv": "Resultatrapport", "en": "Outcome report"}[lang]
    assert title in pages[0]


def test_xlsx_has_a_sheet_per_table_with_numbers(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = folder / "report.xlsx"
    code, _out, _err = run(
        folder, capsys, "report", "--from", "2026-01-01", "--to", "2026-06-30", "--out", str(out), "--lang", "en"
    )
    assert code == 0
    book = load_workbook(out)
    assert len(book.sheetnames) >= 10
    sheet = book[book.sheetnames[0]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[4][:2] == ["People served (a service episode on some day of the period)", 2]


def test_aggregates_combine_without_a_vault(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    aggregate = tmp_path / "coach.json"
    code, out, _err = run(
        folder, capsys, "report", "--from", "2026-01-01", "--to", "2026-06-30", "--aggregate-out", str(aggregate)
    )
    assert code == 0 and aggregate.exists()
    code = cli.main(
        ["--vault", str(tmp_path / "nowhere"), "report", "--combine", str(aggregate), str(aggregate), "--json"]
    )
    out, _err = capsys.readouterr()
    document = json.loads(out)
    assert code == 0 and document["coaches"] == 2 and document["clients"]["served"] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "report.txt"], ".pdf or .xlsx"),
        (["--combine", "missing.json"], "Cannot read"),
        (["--combine", "a.json", "--from", "2026-01-01"], "takes the period from the files"),
        (["--from", "2026-07-01", "--to", "2026-06-30"], "ends before it begins"),
        (["--from", "someday"], "Not a date"),
    ],
)
def test_refusals_are_one_plain_line(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _out, err = run(folder, capsys, "report", *args)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1 and message in lines[0]
