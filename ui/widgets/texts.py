"""Headings and paragraphs of the full-window pages (welcome, unlock, handover), the centred card they sit in,
and keeping a button at its natural width on the left of a column."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import card, role

CARD_WIDTH_EM = 44  # the card of a full-window page: about 34 letters wide, growing with the text size


def heading(text: str) -> QLabel:
    label = role(QLabel(text), "title")
    label.setWordWrap(True)
    return label


def paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def at_left(widget: QWidget) -> QWidget:
    """In a column, keep `widget` at its natural width on the left. (A size policy rather than an alignment
    flag: the unlock screen is on the start-up path and Qt's alignment enums cost PySide ~13 ms to load.)"""
    widget.setSizePolicy(QSizePolicy.Policy.Maximum, widget.sizePolicy().verticalPolicy())
    return widget


def titled_page(title: str) -> tuple[QWidget, QVBoxLayout]:
    """A full-window page and its column, the heading already in it."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(heading(title))
    return page, layout


def centred_card(content: QWidget, name: str) -> QWidget:
    """A full-window page with `content` on a card in its middle, as wide as a comfortable column of text."""
    page = QWidget()
    grid = QGridLayout(page)
    frame = card(QFrame())
    frame.setObjectName(name)
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(28, 24, 28, 24)
    inner.addWidget(content)
    em = frame.fontMetrics().averageCharWidth()
    frame.setMaximumWidth(CARD_WIDTH_EM * em * 3)
    frame.setMinimumWidth(min(CARD_WIDTH_EM * em, 1000))
    frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    grid.addWidget(frame, 1, 1)
    grid.setRowStretch(0, 1)
    grid.setRowStretch(2, 2)
    grid.setColumnStretch(0, 1)
    grid.setColumnStretch(2, 1)
    return page
