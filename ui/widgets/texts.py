"""Headings and paragraphs of the full-window pages (welcome, unlock, handover), and keeping a button at its
natural width on the left of a column."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
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
