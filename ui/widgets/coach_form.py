"""The coach's and the organisation's details as a form (first run and settings): printed on forms."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.i18n import N_, _
from ui.widgets.named import named

LABELS = {
    "name": N_("Your name"),
    "organisation": N_("Organisation"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "address": N_("Address"),
}


class CoachForm(QWidget):
    def __init__(self, details: CoachDetails | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        shown = details or CoachDetails()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in LABELS.items():
            edit = named(QLineEdit(getattr(shown, key)), f"coach_{key}", _(label))
            form.addRow(_(label), edit)
            self.edits[key] = edit

    def value(self) -> CoachDetails:
        return CoachDetails(**{key: edit.text().strip() for key, edit in self.edits.items()})
