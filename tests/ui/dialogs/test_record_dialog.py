"""The record editor never loses what was typed without asking, and is driven by the keyboard: Ctrl+S and
Ctrl+Enter save, Enter in a one-line field does not."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot

from tests.helpers.gui import answer
from tyokykyapp.domain import Meeting, Record
from tyokykyapp.domain.registry import blank_record
from ui.dialogs.record import RecordDialog


def meeting_dialog(qtbot: QtBot, saved: list[Record]) -> RecordDialog:
    def save(record: Record) -> bool:
        saved.append(record)
        return True

    dialog = RecordDialog(blank_record("meeting", "c", date(2026, 3, 1)), save, lambda _message: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_escape_with_typed_text_asks_before_discarding(qtbot: QtBot) -> None:
    dialog = meeting_dialog(qtbot, [])
    dialog.form.editors["notes"].put("2000 merkin muistiinpano " * 80)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # not closed: the question is open
    assert "Discard the changes?" in answer(QMessageBox.StandardButton.Cancel)
    assert dialog.isVisible() and dialog.form.editors["notes"].get().startswith("2000 merkin")
    dialog.reject()  # Cancel / the close button ask the same
    answer(QMessageBox.StandardButton.Discard)
    assert not dialog.isVisible()


def test_an_untouched_form_closes_without_a_question(qtbot: QtBot) -> None:
    dialog = meeting_dialog(qtbot, [])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_ctrl_s_and_ctrl_enter_save_and_enter_in_a_line_does_not(qtbot: QtBot) -> None:
    saved: list[Record] = []
    dialog = meeting_dialog(qtbot, saved)
    place = dialog.form.editors["place"].widget
    place.setFocus()
    qtbot.keyClicks(place, "Kahvila")
    qtbot.keyClick(place, Qt.Key.Key_Return)
    assert dialog.isVisible() and saved == []  # Enter finished the line, it did not save
    qtbot.keyClick(place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible() and isinstance(saved[0], Meeting) and saved[0].place == "Kahvila"
    second = meeting_dialog(qtbot, saved)
    notes = second.form.editors["notes"].widget
    notes.setFocus()
    qtbot.keyClicks(notes, "muistio")
    qtbot.keyClick(notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not second.isVisible() and saved[1].notes == "muistio"


def test_a_draft_shows_what_was_typed_and_is_still_unsaved_work(qtbot: QtBot) -> None:
    stored = blank_record("meeting", "c", date(2026, 3, 1))
    typed = Meeting(id=stored.id, client_id="c", on=date(2026, 3, 1), notes="kesken jäänyt")
    dialog = RecordDialog(stored, lambda _r: True, lambda _m: None, typed=typed)
    qtbot.addWidget(dialog)
    assert dialog.form.editors["notes"].get() == "kesken jäänyt"
    assert dialog.is_dirty() and dialog.state() == (stored, typed)


def test_kykyviisari_scores_start_empty_not_at_zero(qtbot: QtBot) -> None:
    dialog = RecordDialog(blank_record("kykyviisari", "c", date(2026, 3, 1)), lambda _r: True, lambda _m: None)
    qtbot.addWidget(dialog)
    score = dialog.form.editors["work_ability"]
    assert score.get() is None
    assert isinstance(score.widget, QSpinBox) and score.widget.text() == "—"
