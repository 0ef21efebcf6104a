"""Ticking a checklist item: the day the work was done (today unless the coach picks an earlier day)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from tyokykyapp.i18n import _
from ui.dialogs.phase_move import move_date_edit
from ui.widgets.date_fields import from_qdate


class ChecklistDateDialog(QDialog):
    """`done(on)` records the tick; cancelling leaves the item open."""

    def __init__(self, item: str, done: Callable[[date], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistDateDialog")
        self.setWindowTitle(_("Mark done"))
        self._done = done
        layout = QVBoxLayout(self)
        label = QLabel(item)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.on = move_date_edit("doneOn")
        self.on.setAccessibleName(_("Done on"))
        form.addRow(_("Done on"), self.on)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self._done(from_qdate(self.on.date())):
            self.accept()
