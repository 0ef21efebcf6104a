"""A new passphrase typed twice, with a live verdict in words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from tyokykyapp.i18n import _
from tyokykyapp.vault.passphrase_policy import passphrase_problem
from ui.widgets.named import named, secret_edit


class PassphrasePair(QWidget):
    """New passphrase typed twice, with a live verdict in words (not colour alone)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = secret_edit("newPassphraseEdit", "")
        self.second = secret_edit("repeatPassphraseEdit", "")
        self.first.setAccessibleName(_("New passphrase"))
        self.second.setAccessibleName(_("New passphrase again"))
        self.verdict = named(QLabel(), "passphraseStrength")
        self.verdict.setWordWrap(True)
        form.addRow(_("New passphrase"), self.first)
        form.addRow(_("Again"), self.second)
        form.addRow("", self.verdict)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def problem(self) -> str | None:
        problem = passphrase_problem(self.first.text())
        if problem:
            return problem
        if self.first.text() != self.second.text():
            return _("The two passphrases differ.")
        return None

    def _update(self) -> None:
        problem = self.problem() if self.first.text() else _("Use several words, at least 12 characters.")
        self.verdict.setText(("✗ " + problem) if problem else ("✓ " + _("A good passphrase.")))
        self.changed.emit()

    def value(self) -> str:
        return str(self.first.text())

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
