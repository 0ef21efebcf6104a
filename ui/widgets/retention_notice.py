"""On Today, when any closed client is past the retention period: how many, and *Review…* to erase them."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from tyokykyapp.i18n import _, ngettext
from tyokykyapp.services.retention import past_retention
from ui.dialogs import open_dialog
from ui.operations import Operations
from ui.widgets.named import message_label, named
from ui.widgets.texts import at_left


class RetentionNotice(QGroupBox):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(_("Retention period"), parent)
        self.setObjectName("retentionNotice")
        self.ops = ops
        layout = QVBoxLayout(self)
        self.text = message_label("retentionText")
        layout.addWidget(self.text)
        review = named(QPushButton(_("Review…")), "reviewRetentionButton")
        review.clicked.connect(self.review)
        layout.addWidget(at_left(review))
        self.setVisible(False)

    def refresh(self) -> None:
        self.show_count(len(self.ops.query(past_retention) or []))

    def show_count(self, count: int) -> None:
        self.text.setText(
            ngettext(
                "{n} closed client is past the retention period and should be erased.",
                "{n} closed clients are past the retention period and should be erased.",
                count,
            ).format(n=count)
        )
        self.setVisible(count > 0)

    def review(self) -> None:
        from ui.dialogs.erase import EraseDialog  # seldom opened: not loaded with Today

        dialog = open_dialog(EraseDialog(self.ops, self))
        dialog.finished.connect(self.refresh)
