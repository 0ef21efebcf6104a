"""Moving a client to another phase, changing the maintenance level, or closing: an explicit action whose
refusal says what is missing (the process rules decide; this dialog only asks)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import Client, Closure, ClosureDestination, ClosureReason, MaintenanceLevel, Phase
from tyokykyapp.i18n import _
from tyokykyapp.process import ALLOWED_MOVES
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.date_fields import date_edit, from_qdate
from ui.widgets.named import named


class PhaseMoveDialog(QDialog):
    """`submit(to, on, reason, level, closure)` returns True when the move was made."""

    def __init__(
        self,
        client: Client,
        submit: Callable[[Phase, date, str, MaintenanceLevel | None, Closure | None], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phaseMoveDialog")
        self.setWindowTitle(_("Move to another phase"))
        self.client, self.submit = client, submit
        form = QFormLayout()
        form.addRow(_("Now"), QLabel(client.phase.label))
        self.target = named(ChoiceCombo(), "moveTarget", _("Move to"))
        for phase in Phase:
            if phase in ALLOWED_MOVES[client.phase]:
                self.target.add(phase, phase.label)
        form.addRow(_("Move to"), self.target)
        self.on = named(date_edit(), "moveDate", _("Date"))
        form.addRow(_("Date"), self.on)
        self.reason = named(QLineEdit(), "moveReason", _("Reason"))
        form.addRow(_("Reason"), self.reason)
        self.level = named(ChoiceCombo(), "moveLevel", _("Support level"))
        for level in MaintenanceLevel:
            self.level.add(level, level.label)
        self.level_label = QLabel(_("Support level"))
        form.addRow(self.level_label, self.level)
        self.closure_reason = named(ChoiceCombo(), "closureReason", _("Reason for ending"))
        for reason in ClosureReason:
            self.closure_reason.add(reason, reason.label)
        self.closure_label = QLabel(_("Reason for ending"))
        form.addRow(self.closure_label, self.closure_reason)
        # No destination is chosen for the coach: the process rules ask for one.
        self.destination = named(ChoiceCombo(), "closureDestination", _("Where the client went"))
        self.destination.add(None, "—")
        for destination in ClosureDestination:
            self.destination.add(destination, destination.label)
        self.destination_label = QLabel(_("Where the client went"))
        form.addRow(self.destination_label, self.destination)
        self.continuation = named(QPlainTextEdit(), "continuationPath", _("Continuation path"))
        self.continuation.setTabChangesFocus(True)
        self.continuation_label = QLabel(_("Continuation path"))
        form.addRow(self.continuation_label, self.continuation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("moveOkButton")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.target.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    def choose(self, phase: Phase) -> None:
        self.target.select(phase)

    def _show_fields(self) -> None:
        target = self.target.value()
        level_widgets: tuple[QWidget, ...] = (self.level, self.level_label)
        for widget in level_widgets:
            widget.setVisible(target is Phase.MAINTENANCE)
        closure_widgets: tuple[QWidget, ...] = (
            self.closure_reason,
            self.closure_label,
            self.destination,
            self.destination_label,
            self.continuation,
            self.continuation_label,
        )
        for widget in closure_widgets:
            widget.setVisible(target is Phase.CLOSED)

    def _accept(self) -> None:
        target: Phase = self.target.value()
        on = from_qdate(self.on.date())
        closure = None
        if target is Phase.CLOSED:
            closure = Closure(
                client_id=self.client.id,
                closed_on=on,
                reason=self.closure_reason.value(),
                destination=self.destination.value(),
                continuation_path=self.continuation.toPlainText(),
            )
        level = self.level.value() if target is Phase.MAINTENANCE else None
        if self.submit(target, on, self.reason.text(), level, closure):
            self.accept()


class LevelDialog(QDialog):
    def __init__(
        self, client: Client, submit: Callable[[MaintenanceLevel, date, str], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("levelDialog")
        self.setWindowTitle(_("Change the support level"))
        self.submit = submit
        form = QFormLayout()
        self.level = named(ChoiceCombo(), "newLevel", _("Support level"))
        for level in MaintenanceLevel:
            if level is not client.maintenance_level:
                self.level.add(level, level.label)
        form.addRow(_("Support level"), self.level)
        self.on = named(date_edit(), "levelDate", _("Date"))
        form.addRow(_("Date"), self.on)
        self.reason = named(QLineEdit(), "levelReason", _("Reason"))
        form.addRow(_("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.submit(self.level.value(), from_qdate(self.on.date()), self.reason.text()):
            self.accept()
