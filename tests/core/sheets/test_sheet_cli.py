"""The command line: import-sheet's --json shape and exit codes, --dry-run, --skip-invalid, --map, --jobs;
export-sheet's warning and formats."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.sheets import write_csv, write_xlsx
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp import cli

CLIENTS = [
    ["Sukunimi", "Etunimi", "Aloituspäivä", "Vaihe", "Hattu"],
    ["Virtanen", "Aino", date(2024, 2, 1), "työnhaku", "musta"],
    ["Korhonen", "Matti", date(2024, 3, 1), "tuki", None],
]
Call = Callable[..., tuple[int, str, str]]
JOBS = [["Sukunimi", "Etunimi", "Laji", "Alkoi"], ["Korhonen", "Matti", "työsuhde", date(2024, 6, 1)]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Call:
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    folder = tmp_path / "vault"

    def call(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--vault", str(folder), "--passphrase-file", str(secret), *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert call("init")[0] == 0
    return call


def test_import_sheet_json_shape_and_idempotency(run: Call, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"Asiakkaat": CLIENTS, "Työsuhteet": JOBS})
    code, out, err = run("import-sheet", str(path), "--json")
    assert code == 0
    assert json.loads(out) == {
        "clients_added": 2,
        "clients_matched": 0,
        "employments_added": 1,
        "rows_refused": [],
        "dry_run": False,
    }
    assert "Hattu" in err  # the unknown column is listed
    code, out, _err = run("import-sheet", str(path), "--json")
    assert json.loads(out)["clients_matched"] == 2 and json.loads(out)["clients_added"] == 0


def test_refused_rows_in_json_exit_1_and_write_nothing_unless_skipped(run: Call, tmp_path: Path) -> None:
    bad = [*CLIENTS, ["Mäkinen", "Liisa", "huomenna", None, None]]
    path = write_xlsx(tmp_path / "a.xlsx", {"Lista": bad})
    code, out, _err = run("import-sheet", str(path), "--json")
    document = json.loads(out)
    assert code == 1 and document["clients_added"] == 0
    assert document["rows_refused"] == [
        {"sheet": "Lista", "row": 4, "column": "Aloituspäivä", "message": "Not a date: huomenna (use e.g. 31.12.2026)."}
    ]
    code, out, _err = run("clients", "--json")
    assert json.loads(out) == []
    code, out, _err = run("import-sheet", str(path), "--skip-invalid", "--dry-run", "--json")
    assert code == 0 and json.loads(out)["clients_added"] == 2 and json.loads(out)["dry_run"] is True
    assert json.loads(run("clients", "--json")[1]) == []
    code, out, _err = run("import-sheet", str(path), "--skip-invalid")
    assert code == 0 and len(json.loads(run("clients", "--json")[1])) == 2


def test_refused_rows_without_json_are_listed_and_end_in_one_error_line(run: Call, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"Lista": [*CLIENTS, ["X", "Y", "31.2.2024", None, None]]})
    code, out, err = run("import-sheet", str(path))
    assert code == 1 and "Lista 4 [Aloituspäivä]: Not a date: 31.2.2024" in out
    assert err.strip().splitlines()[-1].startswith("tyokykyapp: 1 rows were refused")


def test_csv_with_jobs_file_and_map(run: Call, tmp_path: Path) -> None:
    clients = write_csv(
        tmp_path / "c.csv", [["Asiakas", "Tulopäivä"], ["Aino Virtanen", "1.2.2024"]], encoding="cp1252"
    )
    jobs = write_csv(tmp_path / "j.csv", [["Asiakas", "Alkoi"], ["Aino Virtanen", "1.3.2024"]], delimiter=",")
    code, out, _err = run(
        "import-sheet",
        str(clients),
        "--jobs",
        str(jobs),
        "--map",
        "Tulopäivä=started_on",
        "--map",
        "Asiakas=name",
        "--json",
    )
    assert code == 0 and json.loads(out)["employments_added"] == 1
    code, _out, err = run("import-sheet", str(clients), "--map", "Tulopäivä=kengännumero")
    assert code == 1 and "started_on" in err and len(err.strip().splitlines()) == 1


def test_a_hostile_file_is_one_plain_line(run: Call, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    code, out, err = run("import-sheet", str(path))
    assert code == 1 and out == "" and err.strip() == "tyokykyapp: The file is damaged or not a spreadsheet."


@pytest.mark.parametrize("what", ["clients", "due", "employer-contacts"])
def test_export_sheet_writes_the_file_and_warns_it_is_not_encrypted(run: Call, tmp_path: Path, what: str) -> None:
    assert run("demo", "--clients", "8")[0] == 0
    out_path = tmp_path / f"{what}.xlsx"
    code, _out, err = run("export-sheet", "--what", what, "--out", str(out_path))
    assert code == 0 and out_path.exists() and "not encrypted" in err
    code, _out, err = run("export-sheet", "--what", what, "--out", str(out_path))
    assert code == 1 and "already exists" in err
    code, _out, err = run("export-sheet", "--what", what, "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and ".xlsx or .csv" in err


def test_export_sheet_applies_the_phase_filter(run: Call, tmp_path: Path) -> None:
    assert run("demo", "--clients", "12")[0] == 0
    listed = json.loads(run("clients", "--phase", "job_search", "--json")[1])
    out_path = tmp_path / "c.csv"
    assert run("export-sheet", "--what", "clients", "--phase", "job_search", "--out", str(out_path))[0] == 0
    lines = out_path.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == len(listed) + 1
