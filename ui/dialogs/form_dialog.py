"""What every dialog the coach types into shares:

- closing it with typed changes (Esc, Cancel, the window's close button) asks "Discard the changes?";
- Ctrl+S and Ctrl+Enter save; Enter in a one-line field does not (no button is a default button);
- when the app locks, what was typed is kept in memory as a draft and the dialog comes back after unlocking.
  The dialog knows what was typed (`state`); whoever opened it knows where it belongs (`reopen`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from ui.dialogs.ask import ask_to_discard
from ui.theme import primary

if TYPE_CHECKING:
    from ui.work_area import WorkArea

SAVE_KEYS = ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter")
# A kept draft: called with the work area built after unlocking, it opens the dialog again as it was.
Draft = Callable[["WorkArea"], object]
# How to open a dialog again in a new work area with a kept state.
Reopen = Callable[["WorkArea", Any], object]


class FormDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reopen: Reopen | None = None
        self._unchanged: Any = None
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)

    # --- what each dialog provides -------------------------------------------------------------------

    def save(self) -> bool:
        """The dialog's Save (or OK): True when done, and the dialog has closed."""
        raise NotImplementedError

    def state(self) -> Any:
        """What was typed, in memory only (never a passphrase), to restore after unlocking."""
        raise NotImplementedError

    # --- shared behaviour --------------------------------------------------------------------------

    def mark_unchanged(self) -> None:
        """What the dialog shows now counts as nothing typed (called once it is filled)."""
        self._unchanged = self.state()

    def is_dirty(self) -> bool:
        """Whether anything was typed or chosen that closing would lose."""
        return bool(self.state() != self._unchanged)

    def close_if(self, done: bool) -> bool:
        """Close once the work is done; stay open with what was typed when it was refused."""
        if done:
            self.accept()
        return done

    def draft(self) -> Draft | None:
        """The typed work to bring back after unlocking; None when there is nothing to lose."""
        if self.reopen is None or not self.is_dirty():
            return None
        reopen, state = self.reopen, self.state()
        return lambda work: reopen(work, state)

    def reject(self) -> None:
        if self.is_dirty():
            ask_to_discard(self, self.discard)
        else:
            self.discard()

    def discard(self) -> None:
        """Close without saving and without asking."""
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        # Qt makes a dialog's first button the default, so Enter in any one-line field would press Save.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        # Save / OK is the dialog's primary action, drawn as such.
        for box in self.findChildren(QDialogButtonBox):
            for each in box.buttons():
                if box.buttonRole(each) == QDialogButtonBox.ButtonRole.AcceptRole and isinstance(each, QPushButton):
                    primary(each)
                    each.style().unpolish(each)
                    each.style().polish(each)
        # Wide enough for its labels and fields at any text size: about 60 letters at least.
        self.setMinimumWidth(max(self.minimumWidth(), 60 * self.fontMetrics().averageCharWidth()))
        super().showEvent(event)
