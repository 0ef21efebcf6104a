"""Unlocking: the passphrase, or the recovery key followed by a new passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from tyokykyapp.domain.errors import UserError
from tyokykyapp.i18n import _
from tyokykyapp.vault.errors import VaultError
from ui.widgets.busy import busy_cursor
from ui.widgets.named import message_label, named, secret_edit
from ui.widgets.passphrase_pair import PassphrasePair
from ui.widgets.restore_offer import RestoreOffer
from ui.widgets.texts import at_left, paragraph, titled_page


class UnlockScreen(QWidget):
    unlocked = Signal(object)  # Vault

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.pages = QStackedWidget()
        self.pages.addWidget(self._passphrase_page())  # the recovery page is built when asked for
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addWidget(self.pages)
        outer.addStretch()

    def _passphrase_page(self) -> QWidget:
        page, layout = titled_page(_("Työkyky is locked"))
        form = QFormLayout()
        self.passphrase = secret_edit("passphraseEdit", "")
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.passphrase.returnPressed.connect(self.try_unlock)
        form.addRow(_("Passphrase"), self.passphrase)
        layout.addLayout(form)
        self.message = message_label("unlockMessage")
        self.message.setAccessibleName(_("Message"))
        layout.addWidget(self.message)
        unlock = named(QPushButton(_("Unlock")), "unlockButton")
        unlock.setDefault(True)
        unlock.clicked.connect(self.try_unlock)
        layout.addWidget(at_left(unlock))
        forgot = named(QPushButton(_("Forgot the passphrase? Use the recovery key")), "forgotButton")
        forgot.setFlat(True)
        forgot.clicked.connect(self.show_recovery)
        layout.addWidget(at_left(forgot))
        self.restore_offer = RestoreOffer(self.folder, self.message)
        layout.addWidget(self.restore_offer)
        return page

    def show_recovery(self) -> None:
        if not self._recovery_built():
            self.pages.addWidget(self._recovery_page())
        self.pages.setCurrentIndex(1)
        self.recovery_key.setFocus()

    def _recovery_built(self) -> bool:
        return self.pages.count() > 1

    def _recovery_page(self) -> QWidget:
        page, layout = titled_page(_("Open with the recovery key"))
        layout.addWidget(
            paragraph(_("Type the recovery key from the sheet in the safe, then choose a new passphrase."))
        )
        form = QFormLayout()
        self.recovery_key = named(QLineEdit(), "recoveryKeyEdit")
        self.recovery_key.setAccessibleName(_("Recovery key"))
        self.recovery_key.setPlaceholderText("ABCD-EFGH-…")
        form.addRow(_("Recovery key"), self.recovery_key)
        layout.addLayout(form)
        self.new_passphrase = PassphrasePair()
        layout.addWidget(self.new_passphrase)
        self.recovery_message = message_label("recoveryMessage")
        layout.addWidget(self.recovery_message)
        button = named(QPushButton(_("Open and set the new passphrase")), "recoverButton")
        button.clicked.connect(self.try_recover)
        layout.addWidget(at_left(button))
        back = named(QPushButton(_("Back to the passphrase")), "backToPassphraseButton")
        back.setFlat(True)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        layout.addWidget(at_left(back))
        return page

    def reset(self) -> None:
        self.pages.setCurrentIndex(0)
        self.passphrase.clear()
        self.message.clear()
        if self._recovery_built():
            self.recovery_key.clear()
            self.new_passphrase.clear()
            self.recovery_message.clear()
        self.passphrase.setFocus()

    def try_unlock(self) -> None:
        from tyokykyapp.vault import Vault  # loaded on the first unlock, not at start-up

        try:
            with busy_cursor():
                vault = Vault.unlock(self.folder, passphrase=self.passphrase.text())
        except UserError as error:
            self.message.setText(str(error))
            if isinstance(error, VaultError):
                self.restore_offer.offer_for(error)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()  # the passphrase does not stay in the widget
        self.message.clear()
        self.unlocked.emit(vault)

    def try_recover(self) -> None:
        problem = self.new_passphrase.problem()
        if problem:
            self.recovery_message.setText(problem)
            return
        from tyokykyapp.vault import Vault

        try:
            with busy_cursor():
                vault = Vault.unlock(self.folder, recovery_key=self.recovery_key.text())
                try:
                    vault.change_passphrase(self.new_passphrase.value())
                except UserError:
                    vault.close()
                    raise
        except UserError as error:
            self.recovery_message.setText(str(error))
            return
        self.reset()
        self.unlocked.emit(vault)
