"""Every record kind gets a complete form: each input has an accessible name and a label, values round-trip,
and Tab moves through the fields instead of being typed into long notes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tyokykyapp.domain import RECORD_TYPES, Consent, ConsentParty
from tyokykyapp.domain.registry import blank_record
from tyokykyapp.i18n import set_language
from ui.dialogs.record import RecordDialog
from ui.qt_language import apply_language
from ui.widgets.record_form import RecordForm


@pytest.mark.parametrize("kind", sorted(k for k in RECORD_TYPES if k not in ("phase_change", "checklist_tick")))
def test_every_field_has_an_accessible_name_and_the_value_round_trips(qtbot: QtBot, kind: str) -> None:
    record = blank_record(kind, "client-1", date.today())
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


def test_a_date_cell_is_edited_with_a_bounded_date_picker(qtbot: QtBot) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit, QStyleOptionViewItem

    from tyokykyapp.domain import Plan, PlanStep
    from ui.widgets.date_fields import DateCellDelegate

    form = RecordForm(Plan)
    qtbot.addWidget(form)
    form.set_value(Plan(client_id="c", made_on=date(2026, 1, 1), steps=[PlanStep(description="CV")]))
    table = form.editors["steps"].widget.table  # type: ignore[attr-defined]
    delegate = table.itemDelegateForColumn(2)
    assert isinstance(delegate, DateCellDelegate)
    index = table.model().index(0, 2)
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QDateEdit)
    editor.setDate(QDate(2026, 12, 31))
    delegate.setModelData(editor, table.model(), index)
    assert table.item(0, 2).text() == "31.12.2026"
    assert form.value().steps[0].due_on == date(2026, 12, 31)
    # Year 26 for 2026 cannot be entered: the picker stays inside the field's plausible range.
    editor.setDate(QDate(26, 12, 31))
    delegate.setModelData(editor, table.model(), index)
    assert form.value().steps[0].due_on is None and table.item(0, 2).text() == ""


def test_qt_own_buttons_follow_the_language(qtbot: QtBot) -> None:
    apply_language("fi")
    try:
        dialog = RecordDialog(blank_record("meeting", "c", date.today()), lambda r: True, lambda m: None)
        qtbot.addWidget(dialog)
        box = dialog.findChild(QDialogButtonBox)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"Tallenna", "Peru"}
    finally:
        apply_language("en")
        set_language("en")


def test_tab_moves_from_the_notes_to_the_next_field(qtbot: QtBot) -> None:
    dialog = RecordDialog(blank_record("meeting", "c", date.today()), lambda r: True, lambda m: None)
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


def test_an_unanswered_yes_no_stays_unanswered(qtbot: QtBot) -> None:
    """A follow-up's "still working" is yes, no, or not asked yet: "not asked" never reads back as "no"."""
    from tyokykyapp.domain import FollowUp

    form = RecordForm(FollowUp)
    qtbot.addWidget(form)
    for answer in (None, True, False):
        form.set_value(FollowUp(client_id="c", on=date(2026, 3, 1), still_working=answer))
        assert form.value().still_working is answer
