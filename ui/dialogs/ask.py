"""Questions to the coach ("Delete this?", "Discard the changes?") that never block: the box is opened with
`open()` and the answer arrives in a callback. A box closed without an answer (the app locking) calls
nothing. A blocking `exec()` would run a nested event loop that locking could pull its window out from under.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from tyokykyapp.i18n import _

Answer = QMessageBox.StandardButton
Yes, No, Cancel, Save, Discard = Answer.Yes, Answer.No, Answer.Cancel, Answer.Save, Answer.Discard


def ask(
    parent: QWidget,
    title: str,
    text: str,
    on_answer: Callable[[Answer], object],
    buttons: Sequence[Answer] = (Yes, No),
    *,
    texts: Mapping[Answer, str] | None = None,
    default: Answer | None = None,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """Open the question; `on_answer(button)` runs once the coach has clicked one (Esc picks the escape
    button, as Qt chooses it: No or Cancel)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("question")
    for button in buttons:
        added = box.addButton(button)
        if texts and button in texts:
            added.setText(texts[button])
    if default is not None:
        box.setDefaultButton(default)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        if clicked is not None:
            choice = box.standardButton(clicked)
            # Acted on once the box has finished closing, and only while its window is still there: the answer
            # may close that window (PySide crashed when it did so from inside the box's own signal).
            QTimer.singleShot(0, parent, lambda: on_answer(choice))

    box.finished.connect(answered)
    box.open()
    return box


def confirm(
    parent: QWidget, title: str, text: str, on_yes: Callable[[], object], *, destructive: bool = False
) -> QMessageBox:
    """A yes/no question; `on_yes` runs only on Yes. A destructive one defaults to No."""
    return ask(
        parent,
        title,
        text,
        lambda answer: on_yes() if answer == Yes else None,
        (Yes, No),
        default=No if destructive else Yes,
        icon=QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
    )


def inform(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A plain notice with an OK button, also opened without blocking."""
    return ask(parent, title, text, lambda _answer: None, (Answer.Ok,), icon=QMessageBox.Icon.Information)


def ask_to_discard(parent: QWidget, on_discard: Callable[[], object]) -> QMessageBox:
    """Before a form with typed changes closes without saving."""
    return ask(
        parent,
        _("Unsaved changes"),
        _("Discard the changes?"),
        lambda answer: on_discard() if answer == Discard else None,
        (Discard, Cancel),
        texts={Discard: _("Discard the changes"), Cancel: _("Keep editing")},
        default=Cancel,
    )


def tell(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A note the coach acknowledges with OK ("The passphrase was changed.")."""
    return ask(parent, title, text, lambda _answer: None, (Answer.Ok,), icon=QMessageBox.Icon.Information)
