"""A fitted list is as tall as its rows, and a list filled row by row is measured once, not after each row."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.widgets.fitted_list import FittedList


def test_a_list_filled_row_by_row_is_measured_once_and_fits_every_row(qtbot: QtBot) -> None:
    view = FittedList()
    qtbot.addWidget(view)
    measured: list[int] = []
    real = view.sizeHintForRow
    view.sizeHintForRow = lambda row: measured.append(row) or real(row)  # type: ignore[method-assign]
    for n in range(200):
        view.addItem(f"Tapaaminen {n}")
    QApplication.processEvents()
    assert len(measured) == 200  # each row once (row by row it was 200 * 201 / 2)
    rows = sum(real(row) for row in range(view.count()))
    assert view.height() >= rows
    view.addItem("Vielä yksi")
    QApplication.processEvents()
    assert view.height() >= rows + real(200)
