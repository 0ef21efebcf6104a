"""Every saved version of a record, oldest first, with what each said."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QPlainTextEdit, QVBoxLayout, QWidget

from tyokykyapp.domain.dates import format_date
from tyokykyapp.domain.registry import record_title
from tyokykyapp.i18n import _
from tyokykyapp.readable import NO_NAMES, lines
from tyokykyapp.vault import Revision
from ui.theme import sized


def readable(revision: Revision, names: Mapping[str, str] = NO_NAMES) -> str:
    """What a version said, worded as in the client's access report (labels, dates, choices, names)."""
    return "\n".join(f"{label}: {text}" for label, text in lines(revision.record, names))


class HistoryDialog(QDialog):
    def __init__(
        self, revisions: list[Revision], names: Mapping[str, str] = NO_NAMES, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        kind = revisions[-1].record.KIND
        self.setWindowTitle(_("History: {what}").format(what=record_title(kind)))
        self.revisions = revisions
        self.versions = QListWidget()
        self.versions.setObjectName("historyVersions")
        self.versions.setAccessibleName(_("Saved versions"))
        self.versions.setWordWrap(True)
        for revision in revisions:
            saved = revision.saved_at.astimezone()
            when = f"{format_date(saved.date())} {saved.hour}.{saved.minute:02d}"
            current = " (" + _("current") + ")" if revision is revisions[-1] else ""
            self.versions.addItem(_("Version {n}, saved {when}").format(n=revision.version, when=when) + current)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(_("What this version said"))
        self.versions.currentRowChanged.connect(
            lambda row: self.text.setPlainText(readable(self.revisions[row], names))
        )
        body = QHBoxLayout()
        body.addWidget(self.versions, 1)
        body.addWidget(self.text, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        self.versions.setCurrentRow(len(revisions) - 1)
        sized(self, 720, 420)
