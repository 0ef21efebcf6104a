"""The app's preferences, declared once with their types, defaults and labels. The settings dialog and
validation come from this declaration. Only non-sensitive preferences live here (QSettings); anything
about clients or the organisation lives in the vault."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QSettings

from tyokykyapp.i18n import LANGUAGE_NAMES, LANGUAGES, N_


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: Any
    label: str
    minimum: int = 0
    maximum: int = 0
    choices: tuple[Any, ...] = ()
    # How each choice reads: marked with N_() and translated where shown (language names never are).
    choice_labels: dict[Any, str] = field(default_factory=dict)
    suffix: str = ""  # after a number: its unit


TEXT_SIZES = (100, 125, 150, 175, 200)
SETTINGS: tuple[Setting, ...] = (
    Setting("language", str, "fi", N_("Language"), choices=LANGUAGES, choice_labels=LANGUAGE_NAMES),
    Setting(
        "appearance",
        str,
        "system",
        N_("Appearance"),
        choices=("system", "light", "dark", "contrast"),
        choice_labels={
            "system": N_("As the computer is set"),
            "light": N_("Light"),
            "dark": N_("Dark"),
            "contrast": N_("High contrast"),
        },
    ),
    Setting(
        "text_size",
        int,
        100,
        N_("Text size"),
        choices=TEXT_SIZES,
        choice_labels={size: f"{size} %" for size in TEXT_SIZES},
    ),
    Setting("auto_lock_minutes", int, 5, N_("Lock after this long without use"), 1, 120, suffix=N_(" min")),
    Setting("large_print", bool, False, N_("Large print on forms")),
)
_BY_KEY = {s.key: s for s in SETTINGS}


class Preferences:
    """Typed access to the declared settings; values outside the declaration fall back to the default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings("Tyokyky", "Tyokyky")

    def get(self, key: str) -> Any:
        setting = _BY_KEY[key]
        raw = self._store.value(key, setting.default)
        try:
            value = setting.kind(raw) if setting.kind is not bool else raw in (True, "true", "1", 1)
        except (TypeError, ValueError):
            return setting.default
        if setting.choices and value not in setting.choices:
            return setting.default
        if setting.kind is int and not setting.choices and not setting.minimum <= value <= setting.maximum:
            return setting.default
        return value

    def set(self, key: str, value: Any) -> None:
        _BY_KEY[key]  # unknown keys are a bug
        self._store.setValue(key, value)
