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


def test_a_name_keeps_a_quarter_of_a_narrow_table_and_the_table_never_scrolls_sideways(qtbot: QtBot) -> None:
    model = QStandardItemModel(0, 4)
    for n in range(5):
        model.appendRow(
            [QStandardItem(f"Kärkkäinen-Virtanen, Anna-Maria {n}")]
            + [QStandardItem("Ylläpitovaihe " * 2) for _column in range(3)]
        )
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    FittedColumns(view, stretch=(0,))
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    room = view.viewport().width()
    assert header.sectionSize(0) >= room // 4
    assert sum(header.sectionSize(c) for c in range(4)) <= room


def test_in_a_narrow_table_dates_and_states_stay_whole_and_the_long_texts_give_way(qtbot: QtBot) -> None:
    """Today's due list at 200 % text: the date and the state are read whole, the task and the client shortened."""
    model = QStandardItemModel(0, 4)
    for n in range(5):
        model.appendRow(
            [
                QStandardItem("10.10.2026"),
                QStandardItem("⚠ Myöhässä"),
                QStandardItem(f"Ensimmäinen työnantajakontakti kuukauden kuluessa {n}"),
                QStandardItem("Salminen, Sanna-Maria (s. 21.7.1967)"),
            ]
        )
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    columns = FittedColumns(view, stretch=(2, 3))
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    room = view.viewport().width()
    whole = [columns._natural(c) for c in range(4)]
    assert sum(whole) > room  # too narrow for everything
    assert [header.sectionSize(c) for c in (0, 1)] == whole[:2]  # the date and the state are whole
    assert header.sectionSize(2) < whole[2] and header.sectionSize(3) < whole[3]
    assert sum(header.sectionSize(c) for c in range(4)) == room
