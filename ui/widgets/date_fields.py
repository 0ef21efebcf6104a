"""Date and time inputs that may be left empty, in the Finnish day.month.year order."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QTimeEdit, QWidget

from tyokykyapp.i18n import _

DATE_FORMAT = "d.M.yyyy"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(value or date.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


class OptionalDateEdit(QWidget):
    """A date with a check box in front: unticked means no date."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(_("Set"))
        self.edit = date_edit(value)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.set_value(value)

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.enabled.isChecked() else None

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.enabled.setAccessibleName(_("{field}: set a date").format(field=name))


class OptionalTimeEdit(QWidget):
    def __init__(self, value: time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(_("Set"))
        self.edit = QTimeEdit()
        self.edit.setDisplayFormat("H.mm")
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.set_value(value)

    def set_value(self, value: time | None) -> None:
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setTime(QTime(value.hour, value.minute))

    def value(self) -> time | None:
        qt = self.edit.time()
        return time(qt.hour(), qt.minute()) if self.enabled.isChecked() else None

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
