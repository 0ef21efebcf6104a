"""A combo box whose choices are Python values kept on the Python side.

Qt turns item data into QVariants, and a StrEnum comes back as a plain str, so comparisons like
`phase is Phase.CLOSED` would silently fail. This combo returns exactly the object that was added.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget


class ChoiceCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[Any] = []
        # The longest choice must not widen the form past a small screen at 200 % text: the box asks for about
        # 20 letters, grows with the room it is given, and its list still shows every choice in full.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)

    def add(self, value: Any, text: str) -> None:
        self._values.append(value)
        self.addItem(text)
        self.setItemData(self.count() - 1, text, Qt.ItemDataRole.ToolTipRole)  # in full when the box is narrow

    def showPopup(self) -> None:
        view = self.view()  # measured when opened, not on every choice added (an employer list can be long)
        view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, self.screen().availableGeometry().width()))
        super().showPopup()

    def clear(self) -> None:
        self._values.clear()
        super().clear()

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def has(self, value: Any) -> bool:
        return any(
            candidate is value or (type(candidate) is type(value) and candidate == value) for candidate in self._values
        )

    def select(self, value: Any) -> None:
        for index, candidate in enumerate(self._values):
            if candidate is value or (type(candidate) is type(value) and candidate == value):
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(0 if self._values else -1)
