"""Changing the passphrase: the current one, then the new one twice. The records are re-encrypted on a worker
thread with the progress shown. Nothing typed here is kept through a lock (passphrases never are)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from tyokykyapp.i18n import _
from tyokykyapp.services.secrets import change_passphrase
from ui.dialogs.ask import tell
from ui.operations import Operations
from ui.theme import primary, tone
from ui.widgets.named import message_label, named, secret_edit
from ui.widgets.passphrase_pair import PassphrasePair
from ui.widgets.texts import paragraph


class ChangePassphraseDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(_("Change the passphrase"))
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_("Type the passphrase you use now, then the new one twice.")))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.current = secret_edit("currentPassphraseEdit", _("Current passphrase"))
        label = QLabel(_("Current passphrase"))
        label.setBuddy(self.current)
        form.addRow(label, self.current)
        layout.addLayout(form)
        self.new = PassphrasePair()
        layout.addWidget(self.new)
        self.message = tone(message_label("changePassphraseMessage"), "error")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change_button = primary(
            named(buttons.addButton(_("Change"), QDialogButtonBox.ButtonRole.AcceptRole), "changePassphraseOk")
        )
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def change(self) -> None:
        if not self.current.text():
            self.message.setText(_("Type the passphrase you use now."))
            self.current.setFocus()
            return
        problem = self.new.problem()
        if problem:
            self.message.setText(problem)
            return
        current, new = self.current.text(), self.new.value()
        self.message.clear()
        self.ops.run_in_background(
            self,
            _("Changing the passphrase…"),
            change_passphrase,
            current,
            new,
            on_done=lambda _result: self._done(),
            on_error=self._refused,
        )

    def _done(self) -> None:
        self.current.clear()
        self.new.clear()
        parent = self.parentWidget() or self
        self.accept()
        tell(parent, _("Change the passphrase"), _("The passphrase was changed. Use the new one from now on."))

    def _refused(self, message: str) -> None:
        self.message.setText(message)
        self.current.selectAll()
        self.current.setFocus()
