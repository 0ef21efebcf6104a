"""The parts full screens are built of: a page that scrolls down (never sideways) when the window is short,
and cards holding a column of content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.theme import card
from ui.widgets.named import named


def scrolling_column(owner: QWidget, spacing: int = 10) -> tuple[QScrollArea, QVBoxLayout]:
    """Fill `owner` with one scrolling page; returns its scroll area and the column to build the page in."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    frame = QVBoxLayout(owner)
    frame.setContentsMargins(0, 0, 0, 0)
    frame.addWidget(scroll)
    page = QWidget()
    scroll.setWidget(page)
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 8, 0)
    column.setSpacing(spacing)
    return scroll, column


def card_column(name: str) -> tuple[QFrame, QVBoxLayout]:
    """A card and the column inside it."""
    frame = card(named(QFrame(), name))
    column = QVBoxLayout(frame)
    column.setContentsMargins(16, 12, 16, 12)
    return frame, column
