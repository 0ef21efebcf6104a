"""Unlocking: a card in the middle of the window with the logo, the passphrase, a Caps Lock warning and the
Unlock button; the recovery key (followed by a new passphrase) behind a link.

Other parts add their own way in under the recovery link with `add_link` (e.g. restoring from a backup)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain.errors import UserError
from tyokykyapp.i18n import _
from tyokykyapp.vault.errors import VaultError
from ui.operations import Worker
from ui.theme import link, primary, role, tone
from ui.widgets.busy import busy_cursor
from ui.widgets.named import message_label, named, secret_edit
from ui.widgets.passphrase_pair import PassphrasePair
from ui.widgets.restore_offer import RestoreOffer
from ui.widgets.texts import at_left, centred_card, paragraph

if TYPE_CHECKING:
    from tyokykyapp.vault import Vault

LOGO = Path(__file__).resolve().parents[1] / "resources" / "tyokyky.svg"


def caps_lock_on(event: QKeyEvent) -> bool | None:
    """Whether a typed letter shows Caps Lock on (upper case without Shift, lower case with it); None when the
    key says nothing about it (a digit, a space). Qt cannot ask the keyboard itself on every system."""
    text = event.text()
    if len(text) != 1 or not text.isalpha() or text.lower() == text.upper():
        return None
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


class UnlockScreen(QWidget):
    """Unlocking runs on a worker thread (the key derivation takes a good part of a second, and SQLCipher and
    Argon2 let the GUI thread run meanwhile): the window keeps drawing and answering while it runs."""

    started = Signal()  # the passphrase is being tried on the worker thread
    unlocked = Signal(object, object)  # Vault, what `prepare` read from it (None without one)
    settled = Signal()  # an unlock begun has ended, the vault opened or not

    def __init__(
        self, folder: Path, parent: QWidget | None = None, *, prepare: Callable[[Vault], object] | None = None
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self._prepare = prepare
        self.worker: Worker | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._passphrase_page())  # the recovery page is built when asked for
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    def _passphrase_page(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        top = QHBoxLayout()
        logo = QLabel()
        side = round(self.fontMetrics().height() * 3)
        logo.setPixmap(QIcon(str(LOGO)).pixmap(QSize(side, side)))
        logo.setAccessibleName(_("Työkyky logo"))
        top.addWidget(logo)
        titles = QVBoxLayout()
        titles.addWidget(role(QLabel("Työkyky"), "title"))
        titles.addWidget(role(QLabel(_("Työkyky is locked")), "muted"))
        top.addLayout(titles, 1)
        layout.addLayout(top)
        self.note = tone(named(QLabel(), "unlockNote"), "info")  # e.g. the demo's passphrase
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        label = QLabel(_("Passphrase"))
        self.passphrase = secret_edit("passphraseEdit", _("Passphrase"))
        label.setBuddy(self.passphrase)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.passphrase.installEventFilter(self)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        self.caps_lock = tone(named(QLabel("⇪ " + _("Caps Lock is on")), "capsLockWarning"), "warning")
        self.caps_lock.hide()
        layout.addWidget(self.caps_lock)
        self.message = tone(message_label("unlockMessage"), "error")
        self.message.setAccessibleName(_("Message"))
        layout.addWidget(self.message)
        self.unlock_button = primary(named(QPushButton(_("Unlock")), "unlockButton"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        layout.addWidget(self.unlock_button)
        # Other ways in; none of them while an unlock is under way (its result would open the vault as well).
        self.links_box = QWidget()
        self.links = QVBoxLayout(self.links_box)
        self.links.setContentsMargins(0, 0, 0, 0)
        forgot = link(named(QPushButton(_("Forgot the passphrase? Use the recovery key")), "forgotButton"))
        forgot.clicked.connect(self.show_recovery)
        self.links.addWidget(at_left(forgot))
        self.restore_offer = RestoreOffer(self.folder, self.message)
        self.links.addWidget(self.restore_offer)
        layout.addWidget(self.links_box)
        return centred_card(column, "unlockCard")

    def add_link(self, button: QPushButton) -> None:
        """Another way in, under the recovery key's link (shown as a link too)."""
        self.links.addWidget(at_left(link(button)))

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.passphrase and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_CapsLock:
                self.caps_lock.setVisible(not self.caps_lock.isVisible())
            else:
                on = caps_lock_on(event)
                if on is not None:
                    self.caps_lock.setVisible(on)
        return super().eventFilter(watched, event)

    def show_recovery(self) -> None:
        if not self._recovery_built():
            self.pages.addWidget(self._recovery_page())
        self.pages.setCurrentIndex(1)
        self.recovery_key.setFocus()

    def _recovery_built(self) -> bool:
        return self.pages.count() > 1

    def _recovery_page(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(role(QLabel(_("Open with the recovery key")), "title"))
        layout.addWidget(
            paragraph(_("Type the recovery key from the sheet in the safe, then choose a new passphrase."))
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.recovery_key = named(QLineEdit(), "recoveryKeyEdit")
        self.recovery_key.setAccessibleName(_("Recovery key"))
        self.recovery_key.setPlaceholderText("ABCD-EFGH-…")
        form.addRow(_("Recovery key"), self.recovery_key)
        layout.addLayout(form)
        self.new_passphrase = PassphrasePair()
        layout.addWidget(self.new_passphrase)
        self.recovery_message = tone(message_label("recoveryMessage"), "error")
        layout.addWidget(self.recovery_message)
        button = primary(named(QPushButton(_("Open and set the new passphrase")), "recoverButton"))
        button.clicked.connect(self.try_recover)
        layout.addWidget(button)
        back = link(named(QPushButton(_("Back to the passphrase")), "backToPassphraseButton"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        layout.addWidget(at_left(back))
        return centred_card(column, "recoveryCard")

    def reset(self) -> None:
        self.pages.setCurrentIndex(0)
        self.passphrase.clear()
        self.message.clear()
        if self._recovery_built():
            self.recovery_key.clear()
            self.new_passphrase.clear()
            self.recovery_message.clear()
        self.passphrase.setFocus()

    @property
    def busy(self) -> bool:
        """Whether an unlock is under way."""
        return self.worker is not None

    def try_unlock(self) -> None:
        if self.busy:
            return
        if not self.passphrase.text():
            self.message.setText(_("Type your passphrase first."))
            self.passphrase.setFocus()
            return
        folder, passphrase, prepare = self.folder, self.passphrase.text(), self._prepare

        def work() -> tuple[Vault, object]:
            from tyokykyapp.vault import Vault  # loaded before Enter is pressed (MainWindow's preload)

            vault = Vault.unlock(folder, passphrase=passphrase)
            try:
                return vault, prepare(vault) if prepare is not None else None
            except BaseException:
                vault.close()
                raise

        self.worker = Worker(work, self)
        self.worker.finished.connect(self._unlock_ended)
        self._waiting(True)
        self.worker.start()
        self.started.emit()

    def _waiting(self, waiting: bool) -> None:
        self.passphrase.setReadOnly(waiting)
        self.unlock_button.setEnabled(not waiting)
        self.links_box.setEnabled(not waiting)
        self.message.setText(_("Unlocking…") if waiting else "")

    def _unlock_ended(self) -> None:
        worker, self.worker = self.worker, None
        assert worker is not None
        worker.deleteLater()
        self._waiting(False)
        try:
            if isinstance(worker.error, UserError):
                self._refused(worker.error)
            elif worker.error is not None:
                raise worker.error
            else:
                vault, prepared = worker.result
                self.passphrase.clear()  # the passphrase does not stay in the widget
                self.unlocked.emit(vault, prepared)
        finally:
            self.settled.emit()

    def _refused(self, error: UserError) -> None:
        self.message.setText("✗ " + str(error))
        if isinstance(error, VaultError):
            self.restore_offer.offer_for(error)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def try_recover(self) -> None:
        if self.busy:  # the passphrase is being tried: one way in at a time
            return
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
            self.recovery_message.setText("✗ " + str(error))
            return
        self.reset()
        self.unlocked.emit(vault, None)
