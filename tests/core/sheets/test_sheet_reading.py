"""Reading spreadsheet files: every format and encoding a coach's file comes in, and every hostile file
refused with one plain line before a reader builds anything."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.sheets import rewrite_member, write_csv, write_ods, write_xlsx
from tyokykyapp.sheets import reading
from tyokykyapp.sheets.reading import SheetRefused, read_workbook

ROWS = [["Nimi", "Aloituspäivä"], ["Äijälä Öhman", date(2025, 3, 1)]]


def test_xlsx_and_ods_give_their_sheets_with_date_cells(tmp_path: Path) -> None:
    for path in (
        write_xlsx(tmp_path / "a.xlsx", {"Asiakkaat": ROWS}),
        write_ods(tmp_path / "a.ods", {"Asiakkaat": ROWS}),
    ):
        book = read_workbook(path)
        assert [s.name for s in book.sheets] == ["Asiakkaat"]
        assert book.sheets[0].rows == [["Nimi", "Aloituspäivä"], ["Äijälä Öhman", date(2025, 3, 1)]]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_in_utf8_with_or_without_bom_or_windows_1252_with_either_delimiter(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = write_csv(
        tmp_path / "a.csv", [*ROWS, ["Virtanen, Aino", "1.2.2025"]], encoding=encoding, delimiter=delimiter
    )
    rows = read_workbook(path).sheets[0].rows
    assert rows == [["Nimi", "Aloituspäivä"], ["Äijälä Öhman", "1.3.2025"], ["Virtanen, Aino", "1.2.2025"]]


def test_a_formula_cell_gives_the_value_the_file_stored_and_is_never_calculated(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "f.xlsx", {"Asiakkaat": [["Nimi", "Aloituspäivä"], ["=1+1", "x"]]})
    # openpyxl writes no cached value; give the formula one that differs from its result, and an external link.
    rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<c r="A2"><f>1+1</f><v />', b'<c r="A2" t="str"><f>[1]Sheet1!A1</f><v>Stored</v>'),
        extra={"xl/externalLinks/externalLink1.xml": b"<externalLink/>"},
    )
    assert read_workbook(path).sheets[0].rows[1][0] == "Stored"


def test_a_sheet_claiming_a_cell_far_away_is_refused_before_reading(tmp_path: Path) -> None:
    # calamine would allocate the whole A1:XFD1048576 range at once and abort the process.
    path = write_xlsx(tmp_path / "huge.xlsx", {"Asiakkaat": [["Nimi"]]})
    rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(
            b"</row>", b'</row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>', 1
        ),
    )
    with pytest.raises(SheetRefused, match="larger than"):
        read_workbook(path)


def test_too_many_columns_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wide.xlsx", {"Asiakkaat": [["x"] * (reading.MAX_COLUMNS + 1)]})
    with pytest.raises(SheetRefused, match="larger than"):
        read_workbook(path)


def test_an_ods_row_repeated_past_the_limit_with_content_is_refused_but_trailing_empty_rows_are_not(
    tmp_path: Path,
) -> None:
    path = write_ods(tmp_path / "rep.ods", {"Asiakkaat": ROWS})
    # LibreOffice ends each sheet with about a million repeated empty rows: that is normal.
    rewrite_member(
        path,
        "content.xml",
        lambda xml: xml.replace(
            b"</table:table>",
            b'<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>'
            b"</table:table>",
        ),
    )
    assert len(read_workbook(path).sheets[0].rows) == 2
    rewrite_member(
        path,
        "content.xml",
        lambda xml: xml.replace(
            b"<table:table-cell/></table:table-row></table:table>",
            b'<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
            b"</table:table>",
        ),
    )
    with pytest.raises(SheetRefused, match="larger than"):
        read_workbook(path)


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bomb.xlsx", {"Asiakkaat": ROWS})
    rewrite_member(path, "docProps/app.xml", lambda _xml: b" " * (5 * 1024 * 1024))
    with pytest.raises(SheetRefused, match="larger than"):
        read_workbook(path)


def test_a_zip_unpacking_past_the_total_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_xlsx(tmp_path / "big.xlsx", {"Asiakkaat": ROWS})
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(SheetRefused, match="larger than"):
        read_workbook(path)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "a.csv", ROWS)
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 10)
    with pytest.raises(SheetRefused, match="larger than"):
        read_workbook(path)


def test_too_many_csv_rows_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "a.csv", ROWS * 3)
    monkeypatch.setattr(reading, "MAX_ROWS", 4)
    with pytest.raises(SheetRefused, match="larger than"):
        read_workbook(path)


def test_a_csv_cell_past_the_field_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('Nimi;Aloituspäivä\n"' + "x" * 200_000 + '";1.1.2025\n', encoding="utf-8")
    with pytest.raises(SheetRefused, match="damaged"):
        read_workbook(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.xlsx", b"not a zip at all", "damaged"),
        ("a.ods", b"PK\x03\x04broken", "damaged"),
        ("a.csv", b"Nimi;\x00\x01\x02", "damaged"),
        ("a.csv", b"Nimi;\x81\x8d", "not text"),
        ("a.pdf", b"%PDF-1.7", "Choose an .xlsx"),
        ("a.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "password"),
    ],
)
def test_what_is_not_a_spreadsheet_is_refused_in_one_line(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SheetRefused, match=message) as refused:
        read_workbook(path)
    assert "\n" not in str(refused.value)


def test_a_damaged_sheet_inside_a_sound_zip_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bad.xlsx", {"Asiakkaat": ROWS})
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])
    with pytest.raises(SheetRefused, match="damaged"):
        read_workbook(path)


def test_a_missing_file_is_refused_plainly(tmp_path: Path) -> None:
    with pytest.raises(SheetRefused, match="could not be read"):
        read_workbook(tmp_path / "missing.xlsx")


def test_the_zip_checks_see_every_worksheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "two.xlsx", {"A": ROWS, "B": [["x"] * (reading.MAX_COLUMNS + 1)]})
    with zipfile.ZipFile(path) as archive:
        assert "xl/worksheets/sheet2.xml" in archive.namelist()
    with pytest.raises(SheetRefused):
        read_workbook(path)
