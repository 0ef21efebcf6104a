"""A form for any record, built from its dataclass fields: text, long text, dates, times, numbers,
choices, yes/no, nested details and lists of rows (consent parties, plan steps, work history).

One generic form keeps every record kind editable in the same way, with the same keyboard order and
accessible names, instead of a hand-made form per kind.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, time
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import Record, UserError, ValidationError
from tyokykyapp.domain.enums import Labelled
from tyokykyapp.domain.labels import field_label, record_title
from tyokykyapp.i18n import _
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.date_fields import OptionalDateEdit, OptionalTimeEdit, date_edit, from_qdate, to_qdate

# Fields the coach does not edit here: identity, timestamps, and process state (moved by phase actions).
HIDDEN = frozenset(
    {"id", "created_at", "updated_at", "client_id", "phase", "maintenance_level", "phase_since", "started_on"}
)
LONG_TEXT = frozenset(
    {
        "notes",
        "note",
        "agreed_next_steps",
        "work_goals",
        "kind_of_work",
        "strengths",
        "interests",
        "good_workplace",
        "limitations_and_support",
        "daily_life",
        "benefits_situation",
        "education",
        "qualifications",
        "goal",
        "support_at_work",
        "support_outside_work",
        "employer_knows_and_gets",
        "visits_and_calls",
        "adjustments",
        "who_to_call",
        "continuation_path",
        "achieved",
        "contacts",
        "aim",
        "how_we_work",
        "coach_does",
        "client_does",
        "purpose",
        "outcome",
        "address",
    }
)
NONE_TEXT = "—"

# Choices for fields that refer to other records (employer_id, employment_id): id -> label.
Choices = dict[str, list[tuple[str, str]]]


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


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


def _reference_combo(items: list[tuple[str, str]]) -> Editor:
    """A reference to another record. One no longer listed (e.g. removed from the register) stays chosen
    under its own entry, so saving the form never drops it silently."""
    combo = ChoiceCombo()
    for value, text in [(None, NONE_TEXT), *items]:
        combo.add(value, text)

    def put(value: Any) -> None:
        if value is not None and not combo.has(value):
            combo.add(value, _("(no longer in the register)"))
        combo.select(value)

    return Editor(combo, combo.value, put)


def editor_for(name: str, hint: Any, choices: Choices) -> Editor:
    inner, optional = _unwrap_optional(hint)
    if name in choices or (name.endswith("_id") and inner is str):
        return _reference_combo(choices.get(name, []))
    if inner is str and name in LONG_TEXT:
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the form
        text.setMinimumHeight(70)
        return Editor(text, text.toPlainText, text.setPlainText)
    if inner is str:
        line = QLineEdit()
        return Editor(line, line.text, line.setText)
    if inner is bool:
        box = QCheckBox()
        return Editor(box, box.isChecked, box.setChecked)
    if inner is date and optional:
        optional_date = OptionalDateEdit()
        return Editor(optional_date, optional_date.value, optional_date.set_value)
    if inner is date:
        edit = date_edit()
        return Editor(edit, lambda: from_qdate(edit.date()), lambda v: edit.setDate(to_qdate(v or date.today())))
    if inner is time:
        optional_time = OptionalTimeEdit()
        return Editor(optional_time, optional_time.value, optional_time.set_value)
    if inner is int:
        spin = QSpinBox()
        spin.setRange(-1 if optional else 0, 10 if "_ability" in name or name in _SCORES else 10_000)
        if optional:
            spin.setSpecialValueText(NONE_TEXT)
        return Editor(
            spin,
            lambda: None if optional and spin.value() < 0 else spin.value(),
            lambda v: spin.setValue(-1 if v is None else v),
        )
    if inner is float:
        double = QDoubleSpinBox()
        double.setRange(-1 if optional else 0, 100)
        double.setDecimals(1)
        if optional:
            double.setSpecialValueText(NONE_TEXT)
        return Editor(
            double,
            lambda: None if optional and double.value() < 0 else double.value(),
            lambda v: double.setValue(-1 if v is None else v),
        )
    if isinstance(inner, type) and issubclass(inner, Enum):
        items = [(None, NONE_TEXT)] if optional else []
        return _combo(items + [(member, _label(member)) for member in inner])
    if typing.get_origin(inner) is list:
        (row_type,) = typing.get_args(inner)
        table = RowsEditor(row_type)
        return Editor(table, table.rows, table.set_rows)
    if dataclasses.is_dataclass(inner):
        group = RecordForm(inner, choices)  # type: ignore[arg-type]
        return Editor(group, group.value, group.set_value)
    raise TypeError(f"no editor for {name}: {hint}")


_SCORES = frozenset({"mental_wellbeing", "social_participation", "physical_functioning", "skills", "everyday_life"})


class RowsEditor(QWidget):
    """A list of small records as a table: one row each, add and remove buttons."""

    def __init__(self, row_type: type) -> None:
        super().__init__()
        self.row_type = row_type
        self.fields = [f for f in dataclasses.fields(row_type)]
        self.hints = typing.get_type_hints(row_type)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.fields))
        self.table.setHorizontalHeaderLabels([field_label(f.name) for f in self.fields])
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(110)
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
        for column, f in enumerate(self.fields):
            value = getattr(row, f.name) if row is not None else None
            item = QTableWidgetItem()
            if _unwrap_optional(self.hints[f.name])[0] is bool:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                default = f.default if f.default is not dataclasses.MISSING else False
                checked = value if value is not None else default
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            else:
                item.setText(
                    "" if value is None else (value.strftime("%d.%m.%Y") if isinstance(value, date) else str(value))
                )
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
        result = []
        for index in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            for column, f in enumerate(self.fields):
                item = self.table.item(index, column)
                inner, _optional = _unwrap_optional(self.hints[f.name])
                if inner is bool:
                    values[f.name] = item is not None and item.checkState() == Qt.CheckState.Checked
                else:
                    values[f.name] = _parse_cell(inner, item.text().strip() if item else "")
            if any(v for v in values.values() if not isinstance(v, bool)):
                result.append(self.row_type(**values))
        return result


def parse_date(text: str) -> date:
    """A date typed as 31.12.2026 or 2026-12-31."""
    text = text.strip()
    if "." in text:
        day, month, year = (int(part) for part in text.split(".")[:3])
        return date(year, month, day)
    return date.fromisoformat(text)


def _parse_cell(kind: Any, text: str) -> Any:
    if kind is date:
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError:
            raise ValidationError("date", _("Not a date: {text} (use e.g. 31.12.2026).").format(text=text)) from None
    return text


class RecordForm(QWidget):
    """Edits one dataclass value; `value()` returns a copy with the edits applied."""

    def __init__(self, cls: type, choices: Choices | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cls = cls
        self._initial: Any = None
        self.editors: dict[str, Editor] = {}
        hints = typing.get_type_hints(cls)
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for f in dataclasses.fields(cls):
            if f.name in HIDDEN or not f.init:
                continue
            editor = editor_for(f.name, hints[f.name], choices or {})
            editor.widget.setObjectName(f"field_{f.name}")
            editor.widget.setAccessibleName(field_label(f.name))
            if isinstance(editor.widget, RecordForm | RowsEditor):
                box = QGroupBox(field_label(f.name))
                QVBoxLayout(box).addWidget(editor.widget)
                layout.addRow(box)
            else:
                layout.addRow(field_label(f.name), editor.widget)
            self.editors[f.name] = editor

    @property
    def initial(self) -> Any:
        return self._initial

    def set_value(self, value: Any) -> None:
        self._initial = value
        for name, editor in self.editors.items():
            editor.put(getattr(value, name))

    def value(self) -> Any:
        """The edited value (ValidationError for a badly typed table cell)."""
        changes = {name: editor.get() for name, editor in self.editors.items()}
        if self._initial is None:
            return self.cls(**changes)
        return dataclasses.replace(self._initial, **changes)


class RecordDialog(QDialog):
    """Add or edit one record. `save` returns True when the record was saved (the dialog then closes);
    on a validation error the dialog stays open with the coach's text in it."""

    saved = Signal(object)

    def __init__(
        self,
        record: Record,
        save: Callable[[Record], bool],
        report: Callable[[str], None],
        choices: Choices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._report = report
        self.setWindowTitle(record_title(record.KIND))
        self.setObjectName(f"recordDialog_{record.KIND}")
        self._save = save
        self.form = RecordForm(type(record), choices)
        self.form.set_value(record)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveRecordButton")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(640, 640)

    def draft(self) -> Record:
        """What the coach has typed so far, as a record (for keeping unsaved work through a lock)."""
        value: Record = self.form.value()
        return value

    def _on_save(self) -> None:
        try:
            record = self.form.value()
        except UserError as error:
            self._report(str(error))
            return
        if self._save(record):
            self.saved.emit(record)
            self.accept()
