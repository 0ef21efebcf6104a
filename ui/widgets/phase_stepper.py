"""The six phases in a row: the current one marked by a symbol and bold text (not colour alone); clicking a
phase shows its page. A seventh button shows the timeline."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from tyokykyapp.domain import Phase
from tyokykyapp.i18n import _

TIMELINE = "timeline"


class PhaseStepper(QWidget):
    selected = Signal(str)  # a Phase value or TIMELINE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseStepper")
        self.setAccessibleName(_("Phases of the client process"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Not an exclusive QButtonGroup: Qt lets Tab reach only the checked button of one, and every phase
        # must be reachable by keyboard. Which page is shown is kept checked by hand instead.
        self.buttons: dict[str, QPushButton] = {}
        for key in [*(p.value for p in Phase), TIMELINE]:
            button = QPushButton()
            button.setObjectName(f"step_{key}")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, k=key: self.show(k))
            layout.addWidget(button)
            self.buttons[key] = button
        self.current: Phase | None = None

    def set_current(self, phase: Phase, visited: set[Phase]) -> None:
        self.current = phase
        for p in Phase:
            button = self.buttons[p.value]
            mark = "● " if p is phase else ("✓ " if p in visited else "○ ")
            button.setText(mark + p.label)
            font = button.font()
            font.setBold(p is phase)
            button.setFont(font)
            state = _("current phase") if p is phase else (_("visited") if p in visited else _("not yet"))
            button.setAccessibleName(f"{p.label}: {state}")
        self.buttons[TIMELINE].setText("☰ " + _("Timeline"))

    def show(self, key: str) -> None:  # type: ignore[override]
        for other, button in self.buttons.items():
            button.setChecked(other == key)
        self.selected.emit(key)
