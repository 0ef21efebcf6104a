"""On Today, when any closed client is past the retention period: how many, and *Review…* to erase them."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from tyokykyapp.i18n import _, ngettext
from tyokykyapp.services.retention import past_retention
from ui.dialogs import open_dialog
from ui.operations import Operations
from ui.theme import card, role, tone
from ui.widgets.named import message_label, named
from ui.widgets.texts import at_left


class RetentionNotice(QFrame):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card(self).setObjectName("retentionNotice")
        self.ops = ops
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(role(QLabel(_("Retention period")), "heading"))
        self.text = tone(message_label("retentionText"), "warning")
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
