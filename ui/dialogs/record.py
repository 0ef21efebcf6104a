"""Adding, editing or viewing one record, in the form built from its declared fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from tyokykyapp.domain import Record, UserError
from tyokykyapp.domain.registry import record_title
from ui.dialogs.form_dialog import FormDialog
from ui.theme import sized
from ui.widgets.named import message_label, named
from ui.widgets.record_form import Choices, RecordForm


class RecordDialog(FormDialog):
    """`save` returns True when the record was saved (the dialog then closes); on a refusal the dialog stays
    open with the coach's text in it. With `read_only` (the reason) the form can be read but not changed."""

    def __init__(
        self,
        record: Record,
        save: Callable[[Record], bool],
        report: Callable[[str], None],
        choices: Choices | None = None,
        parent: QWidget | None = None,
        *,
        about: str = "",
        typed: Record | None = None,
        read_only: str = "",
    ) -> None:
        super().__init__(parent)
        self._report = report
        self._save = save
        self.read_only = bool(read_only)
        self.setWindowTitle(record_title(record.KIND) + (f" — {about}" if about else ""))
        self.setObjectName(f"recordDialog_{record.KIND}")
        layout = QVBoxLayout(self)
        self.notice = message_label("recordDialogNotice")
        self.notice.setText(read_only)
        self.notice.setVisible(bool(read_only))
        layout.addWidget(self.notice)
        self.form = RecordForm(type(record), choices)
        self.form.set_value(record, typed)
        self.form.setEnabled(not read_only)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll)
        if read_only:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
            self.save_button = named(buttons.button(QDialogButtonBox.StandardButton.Save), "saveRecordButton")
            buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        sized(self, 640, 640)

    def typed(self) -> Record:
        """What the coach has typed so far, as a record (never validated here: kept exactly as typed)."""
        value: Record = self.form.value()
        return value

    def is_dirty(self) -> bool:
        return not self.read_only and self.typed() != self.form.initial

    def state(self) -> tuple[Record, Record]:
        return self.form.initial, self.typed()

    def save(self) -> bool:
        if self.read_only:
            return False
        try:
            record = self.form.value()
        except UserError as error:
            self._report(str(error))
            return False
        return self.close_if(self._save(record))
