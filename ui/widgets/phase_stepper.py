"""The six phases as numbered steps: the current one filled and marked ●, the ones passed ticked ✓, the ones
ahead dashed ○ (shape and word, not colour alone); clicking a phase shows its page. A last button shows the
timeline. The steps wrap onto a second line when the window is narrow."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from tyokykyapp.domain import Phase
from tyokykyapp.i18n import _
from ui.theme import icon, icon_size
from ui.widgets.flow_layout import FlowLayout

TIMELINE = "timeline"


class PhaseStepper(QWidget):
    selected = Signal(str)  # a Phase value or TIMELINE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseStepper")
        self.setAccessibleName(_("Phases of the client process"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QWidget()
        layout = FlowLayout(row, spacing=6)
        outer.addWidget(row)
        # Not an exclusive QButtonGroup: Qt lets Tab reach only the checked button of one, and every phase
        # must be reachable by keyboard. Which page is shown is kept checked by hand instead.
        self.buttons: dict[str, QPushButton] = {}
        for key in [*(p.value for p in Phase), TIMELINE]:
            button = QPushButton()
            button.setObjectName(f"step_{key}")
            button.setCheckable(True)
            button.setIconSize(icon_size(0.8))
            button.clicked.connect(lambda _checked=False, k=key: self.show(k))
            layout.addWidget(button)
            self.buttons[key] = button
        self.current: Phase | None = None

    def set_current(self, phase: Phase, visited: set[Phase]) -> None:
        self.current = phase
        for number, p in enumerate(Phase, start=1):
            button = self.buttons[p.value]
            if p is phase:
                step, mark, icon_name, colour = "current", "●", "circle-dot", "accent_text"
                state = _("current phase")
            elif p in visited:
                step, mark, icon_name, colour = "done", "✓", "check", "accent"
                state = _("visited")
            else:
                step, mark, icon_name, colour = "todo", "○", "circle", "muted"
                state = _("not yet")
            button.setText(f"{number}. {p.label}")
            button.setIcon(icon(icon_name, colour))
            button.setProperty("step", step)
            button.setToolTip(f"{mark} {p.label}: {state}")
            button.setAccessibleName(f"{number}. {p.label}: {state}")
            button.style().unpolish(button)
            button.style().polish(button)
        timeline = self.buttons[TIMELINE]
        timeline.setText(_("Timeline"))
        timeline.setIcon(icon("timeline"))
        timeline.setAccessibleName(_("Timeline"))

    def show(self, key: str) -> None:  # type: ignore[override]
        for other, button in self.buttons.items():
            button.setChecked(other == key)
        self.selected.emit(key)
