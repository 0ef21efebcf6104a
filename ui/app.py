"""The QApplication and the main window. (The screens arrive with the desktop-app issue; this window
already opens on the vault it will unlock, without touching client data.)"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from tyokykyapp.i18n import _
from tyokykyapp.vault import default_vault_folder, vault_exists

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "tyokyky.svg"


class MainWindow(QMainWindow):
    def __init__(self, vault_path: Path | None = None) -> None:
        super().__init__()
        self.vault_path = vault_path or default_vault_folder()
        # The title never names a client: it is visible in the taskbar and to screen sharing.
        self.setWindowTitle("Työkyky")
        if ICON.exists():
            self.setWindowIcon(QIcon(str(ICON)))
        if vault_exists(self.vault_path):
            text = _("The vault is locked.")
        else:
            text = _("Welcome to Työkyky. No vault has been created yet.")
        status = QLabel(text)
        status.setObjectName("statusLabel")
        status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(status)
        self.resize(960, 640)


def run(vault_path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Työkyky")
    window = MainWindow(vault_path)
    window.show()
    return int(app.exec())
