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


def message_label(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setWordWrap(True)
    return label
