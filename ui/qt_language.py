"""Switching the language of the core catalogs and of Qt's own dialogs together."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from tyokykyapp.i18n import current_language, set_language

_installed: list[QTranslator] = []


def apply_language(language: str) -> None:
    set_language(language)
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        _installed.append(translator)


def qt_translation_loaded() -> bool:
    """Whether Qt's own buttons follow the current language (English needs no translation)."""
    return current_language() == "en" or bool(_installed)
