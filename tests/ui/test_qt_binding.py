"""The Qt binding must not corrupt Python's reference counts: PySide6 6.12.0 over-released None on every
void call under Python 3.11, which aborted the app after enough clicks. This catches such a release."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot


def test_void_calls_and_signals_keep_reference_counts(qtbot: QtBot) -> None:
    box = QCheckBox()
    qtbot.addWidget(box)
    box.toggled.connect(lambda _checked: None)
    none_before, true_before, false_before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(500):
        box.toggle()
        box.setChecked(True)
        box.isChecked()
    # Small drift from unrelated objects is fine; a leak per call would be about -1000.
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
    assert abs(sys.getrefcount(False) - false_before) < 50
