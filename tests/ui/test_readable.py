"""Readable at any size: every screen and dialog (the tour of tests/helpers/tour.py) fits a 1366 × 768 laptop
without scrolling sideways, cuts no label or button text, and names every control for a screen reader, at
200 % text and in the pseudo-locale that makes every text 40 % longer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.helpers.gui import make_window, unlock
from tests.helpers.tour import STOPS, Tour, settle
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.demo import generate_caseload
from tyokykyapp.i18n import set_pseudo
from tyokykyapp.vault import Vault

WIDTH, HEIGHT = 1366, 768
INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QPlainTextEdit)
# Parts Qt builds inside other controls, named through the control they belong to.
INNER_PARTS = (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar, QLineEdit)


@pytest.fixture
def pseudo() -> Iterator[None]:
    set_pseudo(True)
    yield
    set_pseudo(False)


def shown_widgets(top: QWidget) -> list[QWidget]:
    return [w for w in top.findChildren(QWidget) if w.isVisible()]


def nameless(top: QWidget) -> list[str]:
    found = []
    for widget in shown_widgets(top):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget.parentWidget(), INNER_PARTS):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.text(QAccessible.Text.Name).strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def one_line_text(widget: QWidget) -> str:
    """The text of a label that does not wrap, or of a button (neither can wrap to make room)."""
    if isinstance(widget, QLabel) and not widget.wordWrap() and widget.pixmap().isNull():
        return widget.text()
    return widget.text() if isinstance(widget, QPushButton) else ""


def cut(top: QWidget) -> list[str]:
    """Labels and buttons narrower than their text."""
    found = []
    for widget in shown_widgets(top):
        text = one_line_text(widget)
        if text and widget.sizeHint().width() > widget.width() + 1:
            found.append(f"{text!r}: {widget.width()} of {widget.sizeHint().width()} px")
    return found


def sideways(top: QWidget) -> list[str]:
    found = []
    if top.width() > WIDTH:
        found.append(f"{top.objectName() or type(top).__name__} is {top.width()} px wide")
    for widget in shown_widgets(top):
        if isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().maximum() > 0:
            found.append(f"{type(widget).__name__} {widget.objectName()!r} scrolls sideways")
    return found


def walk(qtbot: QtBot, vault_folder: Path, tmp_path: Path, text_size: int) -> dict[str, list[str]]:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    generate_caseload(vault, 40, seed=3)
    vault.close()
    window = make_window(qtbot, vault_folder, tmp_path, language="fi")
    window.prefs.set("text_size", text_size)
    window.apply_preferences()
    window.resize(WIDTH, HEIGHT)
    unlock(window)
    tour = Tour(window, unlock, tmp_path / "empty")
    problems: dict[str, list[str]] = {}
    for name in STOPS:
        shown = tour.visit(name)
        if isinstance(shown, QDialog):  # as large as a 1366 × 768 screen allows, no larger
            shown.resize(min(shown.width(), WIDTH), min(shown.height(), HEIGHT))
            settle()
        found = nameless(shown) + cut(shown) + sideways(shown)
        if found:
            problems[name] = found
        tour.leave()
    return problems


def test_at_200_percent_every_screen_fits_reads_whole_and_names_its_controls(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    assert walk(qtbot, vault_folder, tmp_path, 200) == {}


@pytest.mark.usefixtures("pseudo")
def test_texts_40_percent_longer_are_not_cut(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    assert walk(qtbot, vault_folder, tmp_path, 100) == {}
