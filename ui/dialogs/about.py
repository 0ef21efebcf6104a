"""*Tietoja* (About): the version, Työkyky's licence, and the components the program is built from with their
licences (declared in ui/components.py). In an installed build the licence texts are in the `licences`
folder beside the program, which the dialog names."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp import __version__
from tyokykyapp.i18n import _
from ui.components import APP_LICENCE, COMPONENTS
from ui.theme import sized
from ui.widgets.fitted_columns import FittedColumns
from ui.widgets.named import named


def licence_folder() -> Path | None:
    """The built program's folder of licence texts (written by the installer); None when run from source."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent / "licences"
    return folder if folder.is_dir() else None


def _text(text: str, name: str) -> QLabel:
    label = named(QLabel(text), name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, licences: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About Työkyky"))
        layout = QVBoxLayout(self)
        version = _text(f"Työkyky {__version__}", "aboutVersion")
        font = version.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        version.setFont(font)
        layout.addWidget(version)
        layout.addWidget(_text(_("Encrypted client records and a process guide for IPS job coaches."), "aboutSummary"))
        layout.addWidget(
            _text(_("Licence: {licence} (European Union Public Licence).").format(licence=APP_LICENCE), "aboutLicence")
        )
        layout.addWidget(_text(_("Built with these components, each under its own licence:"), "componentsIntro"))
        table = named(QTableWidget(len(COMPONENTS), 3), "componentsTable", _("Components and their licences"))
        table.setHorizontalHeaderLabels([_("Component"), _("Used for"), _("Licence")])
        for row, component in enumerate(COMPONENTS):
            for column, text in enumerate((component.name, _(component.purpose), component.licence)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        FittedColumns(table, stretch=(1,))
        layout.addWidget(table)
        layout.addWidget(
            _text(
                _(
                    "Qt and PySide6 are used under the GNU LGPL version 3: they are separate libraries in the "
                    "program's folder and may be replaced with other builds of the same version."
                ),
                "aboutQtNote",
            )
        )
        folder = licences or licence_folder()
        if folder is not None:
            layout.addWidget(
                _text(_("The licence texts are in the folder {folder}.").format(folder=folder), "aboutLicenceFolder")
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        sized(self, 720, 560)
