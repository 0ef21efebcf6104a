"""Every record kind gets a complete form: each input has an accessible name and a label, values round-trip,
and Tab moves through the fields instead of being typed into long notes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tyokykyapp.domain import RECORD_TYPES, Consent, ConsentParty, ValidationError
from tyokykyapp.i18n import set_language
from ui.qt_language import apply_language
from ui.screens.workspace import blank_record
from ui.widgets.record_form import RecordDialog, RecordForm, parse_date


@pytest.mark.parametrize("kind", sorted(k for k in RECORD_TYPES if k not in ("phase_change", "checklist_tick")))
def test_every_field_has_an_accessible_name_and_the_value_round_trips(qtbot: QtBot, kind: str) -> None:
    record = blank_record(kind, "client-1")
    form = RecordForm(type(record))
    qtbot.addWidget(form)
    form.set_value(record)
    assert form.editors
    for name, editor in form.editors.items():
        assert editor.widget.accessibleName(), name
        if isinstance(editor.widget, QPlainTextEdit):
            assert editor.widget.tabChangesFocus()
    assert form.value() == record


def test_rows_table_reads_back_parties_and_dates(qtbot: QtBot) -> None:
    consent = Consent(
        client_id="c",
        given_on=date(2026, 1, 2),
        parties=[ConsentParty(name="Kela", allowed=False), ConsentParty(name="TE-palvelut")],
    )
    form = RecordForm(Consent)
    qtbot.addWidget(form)
    form.set_value(consent)
    assert form.value().parties == consent.parties


def test_dates_typed_the_finnish_way() -> None:
    assert parse_date("31.12.2026") == date(2026, 12, 31) == parse_date("2026-12-31")
    with pytest.raises(ValueError):
        parse_date("31.2.2026")


def test_bad_date_in_a_table_cell_is_a_plain_message(qtbot: QtBot) -> None:
    from tyokykyapp.domain import Plan, PlanStep

    form = RecordForm(Plan)
    qtbot.addWidget(form)
    form.set_value(Plan(client_id="c", made_on=date(2026, 1, 1), steps=[PlanStep(description="CV")]))
    table = form.editors["steps"].widget.table  # type: ignore[attr-defined]
    table.item(0, 2).setText("huomenna")
    with pytest.raises(ValidationError, match="Not a date"):
        form.value()


def test_qt_own_buttons_follow_the_language(qtbot: QtBot) -> None:
    apply_language("fi")
    try:
        dialog = RecordDialog(blank_record("meeting", "c"), lambda r: True, lambda m: None)
        qtbot.addWidget(dialog)
        box = dialog.findChild(QDialogButtonBox)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"Tallenna", "Peru"}
    finally:
        apply_language("en")
        set_language("en")


def test_tab_moves_from_the_notes_to_the_next_field(qtbot: QtBot) -> None:
    dialog = RecordDialog(blank_record("meeting", "c"), lambda r: True, lambda m: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    notes = dialog.form.editors["notes"].widget
    notes.setFocus()
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.form.editors["agreed_next_steps"].widget
    assert dialog.form.editors["notes"].get() == ""


def test_a_reference_no_longer_listed_is_kept(qtbot: QtBot) -> None:
    from tyokykyapp.domain import Employment

    job = Employment(client_id="c", start_on=date(2026, 1, 1), employer_id="employer-since-deleted")
    form = RecordForm(Employment, {"employer_id": [("other", "Toinen Oy")]})
    qtbot.addWidget(form)
    form.set_value(job)
    assert form.value().employer_id == "employer-since-deleted"
