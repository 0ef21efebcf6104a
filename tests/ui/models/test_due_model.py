"""The due table formats rows and looks up client names a screenful at a time, not for every item."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from pytestqt.qtbot import QtBot

from tyokykyapp.process import DueItem, DueKind
from ui.models.due_model import DueModel


def test_rows_are_formatted_and_named_in_batches(qtbot: QtBot) -> None:
    asked: list[set[str]] = []

    def names_of(ids: Collection[str]) -> dict[str, str]:
        asked.append(set(ids))
        return {client_id: f"Asiakas {client_id}" for client_id in ids}

    items = [
        DueItem(client_id=str(n), kind=DueKind.PLAN_REVIEW, due_on=date(2026, 11, 1 + n % 28), overdue=n % 2 == 0)
        for n in range(250)
    ]
    model = DueModel()
    model.set_items(items, names_of)
    assert model.rowCount() == 250 and asked == []
    assert [model.data(model.index(3, c)) for c in range(4)] == ["4.11.2026", "Due", "Plan review", "Asiakas 3"]
    assert model.data(model.index(4, 1)).startswith("⚠")  # overdue in words and a sign, not colour alone
    assert model.data(model.index(99, 3)) == "Asiakas 99"
    assert asked == [{str(n) for n in range(100)}]
    assert model.data(model.index(249, 3)) == "Asiakas 249"
    assert len(asked) == 2 and asked[1] == {str(n) for n in range(200, 250)}
    assert model.data(model.index(249, 0), DueModel.ID_ROLE) == "249"
