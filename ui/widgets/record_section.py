"""A titled list of one kind of record with Add, Edit, Delete and History buttons."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout

from tyokykyapp.domain import Record
from tyokykyapp.domain.registry import record_title
from tyokykyapp.i18n import _
from tyokykyapp.readable import NO_NAMES
from ui.record_summary import day, summary
from ui.theme import with_icon
from ui.widgets.fitted_list import FittedList
from ui.widgets.flow_layout import flow_row


class RecordSection(QGroupBox):
    def __init__(
        self,
        kind: str,
        add: Callable[[], object],
        edit: Callable[[Record], object],
        delete: Callable[[Record], object],
        history: Callable[[Record], object],
        *,
        addable: bool = True,
    ) -> None:
        super().__init__(record_title(kind))
        self.setObjectName(f"section_{kind}")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.kind = kind
        self.addable = addable
        self.records: list[Record] = []
        layout = QVBoxLayout(self)
        # As tall as its records: the page scrolls, the list never does by itself.
        self.list = FittedList()
        self.list.setObjectName(f"list_{kind}")
        self.list.setAccessibleName(record_title(kind))
        self.list.itemActivated.connect(lambda _item: self._with_selected(edit))
        layout.addWidget(self.list)
        self.buttons: dict[str, QPushButton] = {}
        for text, name, icon_name, action in (
            (_("Add…"), "add", "plus", add),
            (_("Edit…"), "edit", "pencil", lambda: self._with_selected(edit)),
            (_("Delete"), "delete", "trash", lambda: self._with_selected(delete)),
            (_("History…"), "history", "history", lambda: self._with_selected(history)),
        ):
            button = with_icon(QPushButton(text), icon_name)
            button.setObjectName(f"{name}_{kind}")
            button.setAccessibleName(f"{text.rstrip('…')} {record_title(kind)}")
            button.clicked.connect(action)
            self.buttons[name] = button
        self.add_button = self.buttons["add"]
        self.add_button.setEnabled(addable)
        layout.addWidget(flow_row(*self.buttons.values()))

    def set_records(self, records: list[Record], names: Mapping[str, str] = NO_NAMES) -> None:
        self.records = list(records)
        self.list.clear()
        for record in reversed(self.records):  # newest first
            item = QListWidgetItem(f"{day(record.main_date())}  {summary(record, names)}")
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            self.list.addItem(item)
        if not self.records:
            empty = QListWidgetItem(_("Nothing recorded yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.list.fit()

    def set_read_only(self, reason: str) -> None:
        """For a client handed over to another coach: the records can be opened and read, not changed."""
        self.buttons["edit"].setText(_("Open…") if reason else _("Edit…"))
        for name in ("add", "delete"):
            button = self.buttons[name]
            button.setEnabled(not reason and (name != "add" or self.addable))
            button.setToolTip(reason)

    def selected(self) -> Record | None:
        item = self.list.currentItem()
        if item is None:
            return None
        record_id = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.records if r.id == record_id), None)

    def _with_selected(self, action: Callable[[Record], object]) -> None:
        record = self.selected()
        if record is None and self.records:
            self.list.setCurrentRow(0)
            record = self.selected()
        if record is not None:
            action(record)
