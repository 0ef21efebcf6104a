"""The wait cursor while something runs on the GUI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtGui import QGuiApplication


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    # Imported here: PySide builds the whole Qt namespace's enums (~13 ms) on first import, which the
    # start-up path to the unlock screen otherwise never needs.
    from PySide6.QtCore import Qt

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
