"""A form for any record, built from its dataclass fields: text, long text, dates, times, numbers,
choices, yes/no, nested details and lists of rows (consent parties, plan steps, work history).

One generic form keeps every record kind editable in the same way, with the same keyboard order and
accessible names, instead of a hand-made form per kind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, time
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain.dates import today
from tyokykyapp.domain.enums import Labelled
from tyokykyapp.domain.fields import Declared, declared_fields
from tyokykyapp.i18n import _
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.date_fields import (
    DateCellDelegate,
    OptionalDateEdit,
    OptionalTimeEdit,
    date_edit,
    date_of_cell,
    from_qdate,
    set_date_cell,
    to_qdate,
)
from ui.widgets.fitted_columns import FittedColumns

NONE_TEXT = "—"

# Choices for fields that refer to other records (employer_id, employment_id): id -> label.
Choices = dict[str, list[tuple[str, str]]]


def _label(value: Enum) -> str:
    return value.label if isinstance(value, Labelled) else str(value.value)


class Editor:
    """One field's widget and how to read and write its value."""

    def __init__(self, widget: QWidget, get: Callable[[], Any], put: Callable[[Any], None]) -> None:
        self.widget, self.get, self.put = widget, get, put


def _combo(items: list[tuple[Any, str]]) -> Editor:
    combo = ChoiceCombo()
    for value, text in items:
        combo.add(value, text)
    return Editor(combo, combo.value, combo.select)


def _reference_combo(items: list[tuple[str, str]], optional: bool) -> Editor:
    """A reference to another record. One no longer listed (e.g. removed from the register) stays chosen
    under its own entry, so saving the form never drops it silently. Nothing chosen yet is "—"."""
    combo = ChoiceCombo()
    for value, text in [(None, NONE_TEXT), *items]:
        combo.add(value, text)

    def put(value: Any) -> None:
        value = value or None  # a new record's empty reference is "nothing chosen", not a lost one
        if value is not None and not combo.has(value):
            combo.add(value, _("(no longer in the register)"))
        combo.select(value)

    def get() -> Any:
        value = combo.value()
        return value if value is not None or optional else ""

    return Editor(combo, get, put)


def editor_for(d: Declared, choices: Choices) -> Editor:
    """The widget for one declared field: what it is (its type) and how it is meant (its declaration)."""
    inner, optional, spec = d.kind, d.optional, d.spec
    if spec.ref is not None:
        return _reference_combo(choices.get(d.name, []), optional)
    if inner is str and spec.long:
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the form
        text.setMinimumHeight(70)
        return Editor(text, text.toPlainText, text.setPlainText)
    if inner is str:
        line = QLineEdit()
        return Editor(line, line.text, line.setText)
    if inner is bool and optional:
        # Yes, no, or not answered yet: "not asked" must not read as "no".
        return _combo([(None, NONE_TEXT), (True, _("yes")), (False, _("no"))])
    if inner is bool:
        box = QCheckBox()
        return Editor(box, box.isChecked, box.setChecked)
    if inner is date and optional:
        optional_date = OptionalDateEdit(span=spec.dates)
        return Editor(optional_date, optional_date.value, optional_date.set_value)
    if inner is date:
        edit = date_edit(span=spec.dates)
        return Editor(edit, lambda: from_qdate(edit.date()), lambda v: edit.setDate(to_qdate(v or today())))
    if inner is time:
        optional_time = OptionalTimeEdit()
        return Editor(optional_time, optional_time.value, optional_time.set_value)
    if inner in (int, float):
        return _number_editor(inner, optional, spec.numbers)
    if isinstance(inner, type) and issubclass(inner, Enum):
        items = [(None, NONE_TEXT)] if optional else []
        return _combo(items + [(member, _label(member)) for member in inner])
    if d.row_type is not None:
        table = RowsEditor(d.row_type)
        return Editor(table, table.rows, table.set_rows)
    if d.nested:
        group = RecordForm(inner, choices, labels_above=True)  # inside a form's column: no room for two
        return Editor(group, group.value, group.set_value)
    raise TypeError(f"no editor for {d.name}: {inner}")


def _number_editor(kind: type, optional: bool, numbers: tuple[float, float] | None) -> Editor:
    """A spin box over the declared range; an optional number has an empty state ("—") below it, so a
    score or an amount starts empty rather than at a made-up 0."""
    low, high = numbers or (0, 10_000)
    spin: QSpinBox | QDoubleSpinBox
    if kind is int:
        spin = QSpinBox()
        empty: float = int(low) - 1
        spin.setRange(int(empty) if optional else int(low), int(high))
    else:
        spin = QDoubleSpinBox()
        spin.setDecimals(1)
        empty = low - 1
        spin.setRange(empty if optional else low, high)
    if optional:
        spin.setSpecialValueText(NONE_TEXT)

    def get() -> Any:
        value = spin.value()
        return None if optional and value <= empty else value

    def put(value: Any) -> None:
        spin.setValue(empty if value is None else value)  # type: ignore[arg-type]  # int for a QSpinBox

    return Editor(spin, get, put)


class RowsEditor(QWidget):
    """A list of small records as a table: one row each, add and remove buttons. Dates are picked with a
    date editor bounded by the field's declared range, so no cell can hold an unreadable or implausible date."""

    def __init__(self, row_type: type) -> None:
        super().__init__()
        self.row_type = row_type
        self.fields = declared_fields(row_type)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.fields))
        self.table.setHorizontalHeaderLabels([d.label for d in self.fields])
        for column, d in enumerate(self.fields):
            if d.kind is date:
                self.table.setItemDelegateForColumn(column, DateCellDelegate(d.spec.dates, self.table))
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(110)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Every column shares the width, so no heading is cut to its middle ("ä tietoja saa vaih").
        FittedColumns(self.table, stretch=range(len(self.fields)))
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        add, remove = QPushButton(_("Add row")), QPushButton(_("Remove row"))
        add.clicked.connect(lambda: self._append(None))
        remove.clicked.connect(self._remove)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout.addLayout(buttons)

    def _append(self, row: Any) -> None:
        index = self.table.rowCount()
        self.table.insertRow(index)
        defaults = row if row is not None else None
        for column, d in enumerate(self.fields):
            value = getattr(defaults, d.name) if defaults is not None else None
            item = QTableWidgetItem()
            if d.kind is bool:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = value if value is not None else _default_of(self.row_type, d.name)
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            elif d.kind is date:
                set_date_cell(item, value)
            else:
                item.setText("" if value is None else str(value))
            self.table.setItem(index, column, item)

    def _remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows or [self.table.rowCount() - 1]:
            if row >= 0:
                self.table.removeRow(row)

    def set_rows(self, rows: list[Any]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            self._append(row)

    def rows(self) -> list[Any]:
        """The rows that hold anything; an empty row (e.g. added by mistake) is left out."""
        result = []
        for index in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            for column, d in enumerate(self.fields):
                item = self.table.item(index, column)
                if d.kind is bool:
                    values[d.name] = item is not None and item.checkState() == Qt.CheckState.Checked
                elif d.kind is date:
                    values[d.name] = date_of_cell(item)
                else:
                    values[d.name] = item.text().strip() if item else ""
            if any(v for v in values.values() if not isinstance(v, bool)):
                result.append(self.row_type(**values))
        return result


def _default_of(cls: type, name: str) -> Any:
    for f in dataclasses.fields(cls):
        if f.name == name:
            return f.default if f.default is not dataclasses.MISSING else False
    return False


LABEL_LETTERS = 24  # the label column: about this many letters wide, at any text size


def _fit_label(label: QLabel) -> None:
    """Give a wrapped label its column's width and the height of all its lines: a form layout sizes a row by
    the label's one-line hint, so a label wrapping to three lines would overlap the next row."""
    label.ensurePolished()
    # At most a quarter of the screen, so that a field keeps its room on a small screen at 200 % text.
    width = min(label.fontMetrics().averageCharWidth() * LABEL_LETTERS, label.screen().availableGeometry().width() // 4)
    label.setFixedWidth(width)
    label.setMinimumHeight(label.heightForWidth(width))


class RecordForm(QWidget):
    """Edits one dataclass value; `value()` returns a copy with the edits applied."""

    def __init__(
        self,
        cls: type,
        choices: Choices | None = None,
        parent: QWidget | None = None,
        name_prefix: str = "field_",
        *,
        labels_above: bool = False,
    ) -> None:
        """`labels_above`: every label on its own line over its field (long labels in a narrow column)."""
        super().__init__(parent)
        self.cls = cls
        self._initial: Any = None
        self.editors: dict[str, Editor] = {}
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows if labels_above else QFormLayout.RowWrapPolicy.WrapLongRows
        )
        for d in declared_fields(cls):
            if not d.spec.editable:
                continue
            editor = editor_for(d, choices or {})
            editor.widget.setObjectName(f"{name_prefix}{d.name}")
            editor.widget.setAccessibleName(d.label)
            if isinstance(editor.widget, RecordForm | RowsEditor):
                box = QGroupBox(d.label)
                QVBoxLayout(box).addWidget(editor.widget)
                layout.addRow(box)
            else:
                label = QLabel(d.label + (" *" if d.spec.required else ""))
                label.setWordWrap(True)  # a long label wraps rather than squeezing its field
                label.setBuddy(editor.widget)
                if not labels_above:
                    _fit_label(label)
                layout.addRow(label, editor.widget)
            self.editors[d.name] = editor

    @property
    def initial(self) -> Any:
        return self._initial

    def set_value(self, value: Any, shown: Any = None) -> None:
        """Edit `value`; the editors show `shown` instead when given (a draft typed before a lock)."""
        self._initial = value
        for name, editor in self.editors.items():
            editor.put(getattr(value if shown is None else shown, name))

    def value(self) -> Any:
        """The edited value."""
        changes = {name: editor.get() for name, editor in self.editors.items()}
        if self._initial is None:
            return self.cls(**changes)
        return dataclasses.replace(self._initial, **changes)
