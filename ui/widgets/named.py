"""Giving widgets their stable object names (test hooks, accessibility) in one expression."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, accessible: str = "") -> W:
    widget.setObjectName(name)
    if accessible:
        widget.setAccessibleName(accessible)
    return widget


def secret_edit(name: str, accessible: str) -> QLineEdit:
    edit = named(QLineEdit(), name, accessible)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class MessageLabel(QLabel):
    """A message that takes room only while it says something."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


def message_label(name: str) -> QLabel:
    label = named(MessageLabel(), name)
    label.setWordWrap(True)
    label.hide()
    return label
