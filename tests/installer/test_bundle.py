"""What the installer puts beside the code (installer/bundle.py, installer/licence_texts.py), checked without
building: the ordinary test run has these."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from installer import licence_texts
from installer.bundle import ROOT, data_files, qt_translations_unused, qt_unused, render_png
from ui.components import Component


def test_the_data_files_are_those_pyproject_declares_for_the_wheel() -> None:
    declared = data_files(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8")))
    folders = {folder for _source, folder in declared}
    assert {"tyokykyapp/vault/migrations", "tyokykyapp/forms/fonts", "ui/resources", "ui/resources/icons"} <= folders
    names = {Path(source).name for source, _folder in declared}
    assert {"0001_initial.sql", "DejaVuSans.ttf", "LICENSE_DEJAVU", "tyokyky.svg", "tyokyky.po"} <= names
    assert all(Path(source).is_file() for source, _folder in declared)


def test_a_new_file_matching_a_declared_pattern_is_picked_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pkg" / "data").mkdir(parents=True)
    (tmp_path / "pkg" / "data" / "new.sql").write_text("--", encoding="utf-8")
    monkeypatch.setattr("installer.bundle.ROOT", tmp_path)
    pyproject = {"tool": {"setuptools": {"package-data": {"pkg": ["data/*.sql"]}}}}
    assert data_files(pyproject) == [(str(tmp_path / "pkg" / "data" / "new.sql"), "pkg/data")]


def test_only_the_qt_translations_the_app_loads_are_kept() -> None:
    assert not qt_translations_unused("PySide6/Qt/translations/qtbase_fi.qm")
    assert not qt_translations_unused("PySide6\\translations\\qtbase_sv.qm")  # Windows wheel layout
    assert qt_translations_unused("PySide6/Qt/translations/qtbase_de.qm")
    assert qt_translations_unused("PySide6/Qt/translations/qtdeclarative_fi.qm")
    assert not qt_translations_unused("tyokykyapp/i18n/locale/fi/LC_MESSAGES/tyokyky.po")


def test_the_unused_qt_parts_are_left_out_on_every_platform() -> None:
    assert qt_unused("PySide6/Qt/lib/libQt6Qml.so.6")
    assert qt_unused("PySide6\\Qt6Quick.dll")
    assert qt_unused("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert qt_unused("PySide6/Qt/plugins/tls/libqopensslbackend.so")
    assert not qt_unused("PySide6/Qt/lib/libQt6Widgets.so.6")
    assert not qt_unused("PySide6/Qt/plugins/imageformats/libqsvg.so")
    assert not qt_unused("PySide6/Qt/plugins/platforms/libqxcb.so")


def test_the_icon_is_drawn_for_windows_and_macos(tmp_path: Path) -> None:
    image = QImage(str(render_png(tmp_path / "icon.png")))
    assert image.width() == image.height() == 256
    assert image.pixelColor(128, 128).alpha() == 255  # the drawing, not an empty canvas


def test_a_component_without_any_licence_text_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with_text = Component("DejaVu", "fonts", "Bitstream-Vera", texts=("tyokykyapp/forms/fonts/LICENSE_DEJAVU",))
    from_metadata = Component("platformdirs", "folders", "MIT", ("platformdirs",))
    monkeypatch.setattr(licence_texts, "COMPONENTS", (with_text, from_metadata))
    licence_texts.write_licences(tmp_path / "ok")
    assert (tmp_path / "ok" / "DejaVu" / "LICENSE_DEJAVU").is_file()
    assert (tmp_path / "ok" / "platformdirs" / "platformdirs-LICENSE").is_file()
    assert (tmp_path / "ok" / licence_texts.APP_LICENCE_FILE).is_file()
    monkeypatch.setattr(licence_texts, "COMPONENTS", (Component("Qt", "windows", "LGPL-3.0-only", ("shiboken6",)),))
    with pytest.raises(SystemExit, match="no licence text for Qt"):
        licence_texts.write_licences(tmp_path / "missing")
