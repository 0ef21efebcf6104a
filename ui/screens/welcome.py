"""First run: create the vault (passphrase twice, with a strength indicator), show the recovery key once,
ask for the coach's details, or try a demo vault first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.domain.errors import UserError
from tyokykyapp.i18n import _

if TYPE_CHECKING:
    from tyokykyapp.vault import Vault
from ui.theme import link, primary, role
from ui.widgets.busy import busy_cursor
from ui.widgets.named import message_label, named
from ui.widgets.passphrase_pair import PassphrasePair
from ui.widgets.record_form import RecordForm
from ui.widgets.texts import at_left, centred_card, paragraph, titled_page


class WelcomeScreen(QWidget):
    finished = Signal(object)  # the created Vault, after the coach's details
    demo_requested = Signal()
    restore_requested = Signal()  # a new computer: the vault comes back from a backup (a USB stick)

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.vault: Vault | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._create_page())
        self.pages.addWidget(self._recovery_page())
        self.pages.addWidget(self._details_page())
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        outer.setContentsMargins(0, 0, 0, 0)

    # 1. passphrase
    def _create_page(self) -> QWidget:
        page, layout = titled_page(_("Welcome to Työkyky"))
        layout.addWidget(
            paragraph(
                _(
                    "Your client records are kept encrypted on this computer. Choose a passphrase: several "
                    "words you remember, at least 12 characters. Nobody can open the records without it or "
                    "the recovery key."
                )
            )
        )
        self.passphrase = PassphrasePair()
        layout.addWidget(self.passphrase)
        self.create_error = message_label("createError")
        layout.addWidget(self.create_error)
        buttons = QHBoxLayout()
        self.create_button = primary(named(QPushButton(_("Create the vault")), "createVaultButton"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create)
        self.passphrase.changed.connect(lambda: self.create_button.setEnabled(self.passphrase.problem() is None))
        self.create_button.setEnabled(False)
        demo = named(QPushButton(_("Try with a demo vault first")), "demoVaultButton")
        demo.clicked.connect(self.demo_requested)
        buttons.addWidget(self.create_button)
        buttons.addStretch()
        buttons.addWidget(demo)
        layout.addLayout(buttons)
        restore = link(named(QPushButton(_("Restore from a backup…")), "welcomeRestoreButton"))
        restore.clicked.connect(self.restore_requested)
        layout.addWidget(at_left(restore))
        return centred_card(page, "welcomeCard")

    def _create(self) -> None:
        from tyokykyapp.vault import Vault

        try:
            with busy_cursor():
                self.vault, recovery_key = Vault.create(self.folder, self.passphrase.value())
        except UserError as error:
            self.create_error.setText(str(error))
            return
        self.passphrase.clear()
        self.recovery_label.setText(recovery_key)
        self.pages.setCurrentIndex(1)

    # 2. recovery key, shown once
    def _recovery_page(self) -> QWidget:
        page, layout = titled_page(_("Your recovery key"))
        layout.addWidget(
            paragraph(
                _(
                    "If the passphrase is forgotten, or you are not available, this key opens the records. It is "
                    "shown only now. Write it down or print it, and keep it in the organisation's safe, never "
                    "with the laptop. Anyone holding it can open the records."
                )
            )
        )
        self.recovery_label = role(named(QLabel(), "recoveryKeyLabel"), "key")
        self.recovery_label.setWordWrap(True)
        self.recovery_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recovery_label.setAccessibleName(_("Recovery key"))
        layout.addWidget(self.recovery_label)
        print_sheet = named(QPushButton(_("Print the recovery sheet…")), "printRecoverySheetButton")
        print_sheet.clicked.connect(self.print_recovery_sheet)
        layout.addWidget(at_left(print_sheet))
        self.stored = QCheckBox(_("I have written the recovery key down or printed it for the safe"))
        self.stored.setObjectName("recoveryStoredCheck")
        layout.addWidget(self.stored)
        next_button = primary(named(QPushButton(_("Continue")), "recoveryContinueButton"))
        next_button.setEnabled(False)
        self.stored.toggled.connect(next_button.setEnabled)
        next_button.clicked.connect(self._after_recovery)
        layout.addWidget(at_left(next_button))
        return centred_card(page, "welcomeCard")

    def print_recovery_sheet(self) -> QWidget:
        from tyokykyapp.services import coach_details
        from ui.print_ops import preview_recovery_sheet

        assert self.vault is not None
        vault = self.vault
        return preview_recovery_sheet(
            self, vault.id, vault.created_at, self.recovery_label.text(), coach_details(vault)
        )

    def _after_recovery(self) -> None:
        self.recovery_label.clear()  # the key is not kept on screen
        self.pages.setCurrentIndex(2)

    # 3. the coach's details, printed on forms
    def _details_page(self) -> QWidget:
        page, layout = titled_page(_("About you"))
        layout.addWidget(paragraph(_("These are printed on the forms you give to clients. You can change them later.")))
        self.coach_form = RecordForm(CoachDetails, name_prefix="coach_")
        self.coach_form.set_value(CoachDetails())
        layout.addWidget(self.coach_form)
        done = primary(named(QPushButton(_("Start using Työkyky")), "detailsDoneButton"))
        done.clicked.connect(self._finish)
        layout.addWidget(at_left(done))
        return centred_card(page, "welcomeCard")

    def _finish(self) -> None:
        from tyokykyapp.services import set_coach_details

        assert self.vault is not None
        try:
            set_coach_details(self.vault, self.coach_form.value())
        except UserError as error:
            self.create_error.setText(str(error))
            return
        vault, self.vault = self.vault, None
        self.finished.emit(vault)
