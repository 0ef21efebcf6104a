"""Moving a client to another phase, changing the maintenance level, closing, and correcting the latest move:
explicit actions whose refusal says what is missing (the process rules decide; these dialogs only ask)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import Client, Closure, ClosureDestination, ClosureReason, MaintenanceLevel, Phase, PhaseChange
from tyokykyapp.domain.dates import DateRange, today
from tyokykyapp.i18n import _
from tyokykyapp.process import ALLOWED_MOVES
from ui.dialogs.form_dialog import FormDialog
from ui.record_summary import day, summary
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.date_fields import date_edit, from_qdate, to_qdate
from ui.widgets.named import named

NONE_CHOSEN = "—"


def forward_phase(current: Phase) -> Phase:
    """The move offered first: the next phase in the process order (intake → mapping → … → closed), never a
    step back; a closed client re-opens at intake."""
    allowed = [p for p in Phase if p in ALLOWED_MOVES[current]]
    order = list(Phase)
    later = [p for p in allowed if order.index(p) > order.index(current)]
    return (later or allowed)[0]


def move_date_edit(name: str) -> QDateEdit:
    """A move happened on a day up to today (the rules refuse a later one; the editor does not offer it)."""
    edit = named(date_edit(span=DateRange.EVENT), name, _("Date"))
    edit.setMaximumDate(to_qdate(today()))
    return edit


def _buttons(dialog: FormDialog, ok_name: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName(ok_name)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


@dataclass(frozen=True)
class MoveState:
    target: Phase
    on: date
    reason: str
    level: MaintenanceLevel | None
    closure_reason: ClosureReason | None
    destination: ClosureDestination | None
    continuation: str


class PhaseMoveDialog(FormDialog):
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
        self.on = move_date_edit("moveDate")
        form.addRow(_("Date"), self.on)
        self.reason = named(QLineEdit(), "moveReason", _("Reason"))
        form.addRow(_("Reason"), self.reason)
        self.level = named(ChoiceCombo(), "moveLevel", _("Support level"))
        for level in MaintenanceLevel:
            self.level.add(level, level.label)
        self.level_label = QLabel(_("Support level"))
        form.addRow(self.level_label, self.level)
        # No reason is chosen for the coach: a wrong default would be recorded as the outcome of the service.
        self.closure_reason = named(ChoiceCombo(), "closureReason", _("Reason for ending"))
        self.closure_reason.add(None, NONE_CHOSEN)
        for reason in ClosureReason:
            self.closure_reason.add(reason, reason.label)
        self.closure_label = QLabel(_("Reason for ending"))
        form.addRow(self.closure_label, self.closure_reason)
        # No destination is chosen for the coach: the process rules ask for one.
        self.destination = named(ChoiceCombo(), "closureDestination", _("Where the client went"))
        self.destination.add(None, NONE_CHOSEN)
        for destination in ClosureDestination:
            self.destination.add(destination, destination.label)
        self.destination_label = QLabel(_("Where the client went"))
        form.addRow(self.destination_label, self.destination)
        self.continuation = named(QPlainTextEdit(), "continuationPath", _("Continuation path"))
        self.continuation.setTabChangesFocus(True)
        self.continuation_label = QLabel(_("Continuation path"))
        form.addRow(self.continuation_label, self.continuation)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "moveOkButton"))
        self.target.currentIndexChanged.connect(self._show_fields)
        self.choose(forward_phase(client.phase))
        self.mark_unchanged()

    def choose(self, phase: Phase) -> None:
        self.target.select(phase)
        self._show_fields()

    def _show_fields(self) -> None:
        target = self.target.value()
        level: tuple[QWidget, ...] = (self.level, self.level_label)
        closing: tuple[QWidget, ...] = (
            self.closure_reason,
            self.closure_label,
            self.destination,
            self.destination_label,
            self.continuation,
            self.continuation_label,
        )
        for widget in level:
            widget.setVisible(target is Phase.MAINTENANCE)
        for widget in closing:
            widget.setVisible(target is Phase.CLOSED)

    def state(self) -> MoveState:
        return MoveState(
            target=self.target.value(),
            on=from_qdate(self.on.date()),
            reason=self.reason.text(),
            level=self.level.value(),
            closure_reason=self.closure_reason.value(),
            destination=self.destination.value(),
            continuation=self.continuation.toPlainText(),
        )

    def restore(self, state: MoveState) -> None:
        self.choose(state.target)
        self.on.setDate(to_qdate(state.on))
        self.reason.setText(state.reason)
        self.level.select(state.level)
        self.closure_reason.select(state.closure_reason)
        self.destination.select(state.destination)
        self.continuation.setPlainText(state.continuation)

    def save(self) -> bool:
        state = self.state()
        closure = None
        if state.target is Phase.CLOSED and state.closure_reason is not None:
            closure = Closure(
                client_id=self.client.id,
                closed_on=state.on,
                reason=state.closure_reason,
                destination=state.destination,
                continuation_path=state.continuation,
            )
        level = state.level if state.target is Phase.MAINTENANCE else None
        return self.close_if(self.submit(state.target, state.on, state.reason, level, closure))


@dataclass(frozen=True)
class LevelState:
    level: MaintenanceLevel
    on: date
    reason: str


class LevelDialog(FormDialog):
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
        self.on = move_date_edit("levelDate")
        form.addRow(_("Date"), self.on)
        self.reason = named(QLineEdit(), "levelReason", _("Reason"))
        form.addRow(_("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "levelOkButton"))
        self.mark_unchanged()

    def state(self) -> LevelState:
        return LevelState(self.level.value(), from_qdate(self.on.date()), self.reason.text())

    def restore(self, state: LevelState) -> None:
        self.level.select(state.level)
        self.on.setDate(to_qdate(state.on))
        self.reason.setText(state.reason)

    def save(self) -> bool:
        state = self.state()
        return self.close_if(self.submit(state.level, state.on, state.reason))


@dataclass(frozen=True)
class CorrectionState:
    undo: bool
    on: date
    reason: str


class CorrectMoveDialog(FormDialog):
    """Correct the date of the latest move, or undo it; the reason is kept with the move.
    `redate(on, reason)` and `undo(reason)` return True when done."""

    def __init__(
        self,
        change: PhaseChange,
        redate: Callable[[date, str], bool],
        undo: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correctMoveDialog")
        self.setWindowTitle(_("Correct the latest move"))
        self._redate, self._undo = redate, undo
        layout = QVBoxLayout(self)
        about = named(QLabel(f"{day(change.on)}  {summary(change)}"), "latestMove")
        about.setWordWrap(True)
        layout.addWidget(QLabel(_("The latest move:")))
        layout.addWidget(about)
        self.redate_choice = named(QRadioButton(_("Correct its date")), "redateChoice")
        self.undo_choice = named(QRadioButton(_("Undo the move: the client goes back where they were")), "undoChoice")
        self.choices = QButtonGroup(self)
        for button in (self.redate_choice, self.undo_choice):
            self.choices.addButton(button)
        self.redate_choice.setChecked(True)
        form = QFormLayout()
        form.addRow(self.redate_choice)
        self.on = move_date_edit("correctedDate")
        self.on.setDate(to_qdate(min(change.on, today())))
        form.addRow(_("Correct date"), self.on)
        form.addRow(self.undo_choice)
        self.reason = named(QLineEdit(), "correctionReason", _("Why (kept in the history)"))
        form.addRow(_("Why (kept in the history)"), self.reason)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "correctOkButton"))
        self.undo_choice.toggled.connect(lambda undo: self.on.setEnabled(not undo))
        self.mark_unchanged()

    def state(self) -> CorrectionState:
        return CorrectionState(self.undo_choice.isChecked(), from_qdate(self.on.date()), self.reason.text())

    def restore(self, state: CorrectionState) -> None:
        (self.undo_choice if state.undo else self.redate_choice).setChecked(True)
        self.on.setDate(to_qdate(state.on))
        self.reason.setText(state.reason)

    def save(self) -> bool:
        state = self.state()
        return self.close_if(self._undo(state.reason) if state.undo else self._redate(state.on, state.reason))
