"""When the app meets a bug: a plain message instead of a traceback the coach never sees, and nothing
about a client written anywhere.

An exception's message can quote what was being handled (a name, a note), so only its type and the code
locations it passed through are written to the error stream. Qt's own messages are Qt's texts about its
widgets and are passed on; a critical one also shows the plain message. Saved records are safe: every
write is one transaction, and an exception inside one rolls it back.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QMessageBox, QWidget

from tyokykyapp.i18n import _

_shown: list[QMessageBox] = []


def describe(kind: type[BaseException], trace: TracebackType | None) -> str:
    """The bug without its message: the exception's type and where it went, for the developers."""
    frames = traceback.extract_tb(trace)
    where = "\n".join(f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames)
    return f"Työkyky: unexpected {kind.__module__}.{kind.__qualname__}\n{where}\n"


def show_plain_message(parent: QWidget | None) -> QMessageBox | None:
    """'Something went wrong. Saved records are safe.', once at a time (a bug repeating on every repaint
    must not stack boxes)."""
    if any(box.isVisible() for box in _shown):
        return None
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        _("Työkyky"),
        _("Something went wrong. Saved records are safe.")
        + "\n\n"
        + _("If it happens again, tell the app's support what you were doing (not who you were working with)."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("crashMessage")
    box.finished.connect(lambda _result: _shown.remove(box))
    _shown.append(box)
    box.open()
    return box


def install_crash_handler(window: QWidget, stream: TextIO | None = None) -> Callable[..., None]:
    """Route uncaught exceptions (in slots too: PySide hands them to sys.excepthook) and Qt's messages here."""
    out = stream or sys.stderr

    def handle(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        out.write(describe(kind, trace))
        out.flush()
        show_plain_message(window)

    def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        out.write(f"Qt: {message}\n")
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            show_plain_message(window)

    sys.excepthook = handle
    qInstallMessageHandler(qt_message)
    return handle
