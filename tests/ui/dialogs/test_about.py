"""*Tietoja* (About): the version, the licence, and every component with its licence; the components list
covers every package the app runs on."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

import tyokykyapp
from tests.helpers.gui import unlocked_new_vault
from ui.components import COMPONENTS
from ui.dialogs.about import AboutDialog


def open_about(qtbot: QtBot, tmp_path: Path, language: str) -> AboutDialog:
    window = unlocked_new_vault(qtbot, tmp_path / "vault", tmp_path, language)
    button = window.findChild(QPushButton, "aboutButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_about_shows_the_version_the_licence_and_each_component_with_its_licence(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_about(qtbot, tmp_path, "fi")
    assert dialog.windowTitle() == "Tietoja Työkyvystä"
    assert dialog.findChild(QLabel, "aboutVersion").text() == f"Työkyky {tyokykyapp.__version__}"
    assert "EUPL-1.2" in dialog.findChild(QLabel, "aboutLicence").text()
    shown = {row[0]: row for row in rows(dialog.findChild(QTableWidget, "componentsTable"))}
    assert shown["Qt 6, PySide6, Shiboken6"][2] == "LGPL-3.0-only"
    assert shown["SQLCipher"] == ("SQLCipher", "salattu tietokanta", "BSD-3-Clause")
    assert shown["ReportLab"][2] == "BSD-3-Clause"
    assert shown["DejaVu Sans"][2] == "Bitstream-Vera"
    assert dialog.findChild(QLabel, "aboutLicenceFolder") is None  # run from source: no licences folder


def test_the_about_button_is_named_tietoja_in_finnish(qtbot: QtBot, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, tmp_path / "vault", tmp_path, "fi")
    assert window.findChild(QPushButton, "aboutButton").text() == "Tietoja"


def test_an_installed_build_names_its_licences_folder(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog(licences=tmp_path / "licences")
    qtbot.addWidget(dialog)
    assert str(tmp_path / "licences") in dialog.findChild(QLabel, "aboutLicenceFolder").text()


def runtime_distributions() -> set[str]:
    """Every distribution tyokykyapp needs at run time, followed through their own requirements."""
    seen: set[str] = set()
    todo = ["tyokykyapp"]
    while todo:
        distribution = importlib.metadata.distribution(todo.pop())
        name = canonicalize_name(distribution.metadata["Name"])
        if name in seen:
            continue
        seen.add(name)
        for line in distribution.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen - {"tyokykyapp"}


def test_every_package_the_app_runs_on_is_listed_with_its_licence() -> None:
    listed = {canonicalize_name(d) for component in COMPONENTS for d in component.distributions}
    assert runtime_distributions() - listed == set()
    # PyInstaller is in the built program only (its launcher), never a run-time requirement.
    assert listed - runtime_distributions() == {"pyinstaller"}
