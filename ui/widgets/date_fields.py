"""Date and time inputs in the Finnish day.month.year order, bounded by the field's plausible range
(`tyokykyapp.domain.dates`), and the date editor of table cells (plan steps, consent parties ...)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QTimeEdit,
    QWidget,
)

from tyokykyapp.domain.dates import DateRange, bounds, format_date, today
from tyokykyapp.i18n import _

DATE_FORMAT = "d.M.yyyy"
# The date a table cell holds, kept beside its displayed text.
DATE_ROLE = Qt.ItemDataRole.UserRole


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date | None = None, span: DateRange | None = None) -> QDateEdit:
    """A date picker that cannot leave its field's plausible range (no year 26 for 2026)."""
    edit = QDateEdit()
    low, high = bounds(span or DateRange.PLAN)
    edit.setDateRange(to_qdate(low), to_qdate(high))
    edit.setDate(to_qdate(value or today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def set_date_cell(item: QTableWidgetItem, value: date | None) -> None:
    item.setData(DATE_ROLE, value.isoformat() if value else None)
    item.setText(format_date(value))


def date_of_cell(item: QTableWidgetItem | None) -> date | None:
    stored = item.data(DATE_ROLE) if item is not None else None
    return date.fromisoformat(stored) if stored else None


class DateCellDelegate(QStyledItemDelegate):
    """Edits a table cell with a date picker. The day before the earliest plausible date stands for "no
    date" and shows as "—", so a cell can be emptied again."""

    def __init__(self, span: DateRange | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.span = span or DateRange.PLAN

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        edit = date_edit(span=self.span)
        edit.setParent(parent)
        edit.setMinimumDate(edit.minimumDate().addDays(-1))
        edit.setSpecialValueText("—")
        edit.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return edit

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        stored = index.data(DATE_ROLE)
        editor.setDate(to_qdate(date.fromisoformat(stored)) if stored else to_qdate(today()))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QDateEdit)
        chosen = None if editor.date() == editor.minimumDate() else from_qdate(editor.date())
        model.setData(index, chosen.isoformat() if chosen else None, DATE_ROLE)
        model.setData(index, format_date(chosen), Qt.ItemDataRole.DisplayRole)


class OptionalDateEdit(QWidget):
    """A date with a check box in front: unticked means no date."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None, span: DateRange | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(_("Set"))
        self.edit = date_edit(value, span)
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
