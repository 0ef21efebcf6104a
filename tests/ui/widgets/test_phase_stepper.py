"""Every phase of the stepper (and the timeline) is reached with Tab, not only the one shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tyokykyapp.domain import Phase
from ui.widgets.phase_stepper import PhaseStepper


def test_tab_goes_through_every_phase_button(qtbot: QtBot) -> None:
    window = QWidget()
    stepper = PhaseStepper()
    QVBoxLayout(window).addWidget(stepper)
    qtbot.addWidget(window)
    stepper.set_current(Phase.JOB_SEARCH, {Phase.INTAKE, Phase.MAPPING})
    shown: list[str] = []
    stepper.selected.connect(shown.append)
    stepper.show("job_search")
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = stepper.buttons["intake"]
    first.setFocus()
    reached = [QApplication.focusWidget()]
    for _ in range(len(stepper.buttons) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == list(stepper.buttons.values())
    qtbot.keyClick(stepper.buttons["support"], Qt.Key.Key_Space)
    assert shown == ["job_search", "support"]
    assert [key for key, b in stepper.buttons.items() if b.isChecked()] == ["support"]
