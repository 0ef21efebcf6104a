"""Fitted columns: contents measured once per change, a resize only shares the room out again, and a view not
on screen is fitted when it is shown."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from ui.widgets.fitted_columns import FittedColumns


def table(qtbot: QtBot, rows: int = 5) -> tuple[QTableView, FittedColumns, list[int]]:
    model = QStandardItemModel(0, 2)
    for n in range(rows):
        model.appendRow([QStandardItem(f"row {n}"), QStandardItem("a longer text " * 3)])
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    columns = FittedColumns(view, stretch=(1,))
    measured: list[int] = []
    real = columns._natural
    columns._natural = lambda column: measured.append(column) or real(column)  # type: ignore[method-assign]
    return view, columns, measured


def test_a_hidden_view_is_fitted_when_it_is_shown(qtbot: QtBot) -> None:
    view, columns, measured = table(qtbot)
    columns.fit()
    assert measured == []  # nothing on screen: nothing measured
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    assert measured  # measured on show
    header = view.horizontalHeader()
    assert header.sectionSize(0) + header.sectionSize(1) == view.viewport().width()


def test_a_resize_shares_the_room_out_without_measuring_again(qtbot: QtBot) -> None:
    view, columns, measured = table(qtbot)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    columns.fit()
    measured.clear()
    view.resize(900, 300)
    qtbot.waitUntil(lambda: view.viewport().width() > 800)
    header = view.horizontalHeader()
    assert measured == []
    assert header.sectionSize(0) + header.sectionSize(1) == view.viewport().width()
    view.model().appendRow([QStandardItem("a much longer first column text " * 2), QStandardItem("x")])
    qtbot.waitUntil(lambda: bool(measured))  # new contents are measured again
