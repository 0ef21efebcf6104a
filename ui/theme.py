"""The app's look, applied in one place: Qt's Fusion style, the palette of the appearance in use (light, dark or
high contrast, as the system asks or the coach chose), the text size (100–200 % of the system's) and the
style sheet. Everything it reads lives in ui/resources/: `palette.json`, `style.qss` and the icons (Tabler
Icons, MIT, see ui/resources/icons/LICENSE).

Widgets say what they are (`role`, `card`, `primary`, `link`, `tone` properties, set with the helpers
below) and never set fonts or colours themselves, so one change here restyles every screen."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template
from typing import TypeVar

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

RESOURCES = Path(__file__).resolve().parent / "resources"
ICONS = RESOURCES / "icons"
APPEARANCES = ("system", "light", "dark", "contrast")
TEXT_SIZES = (100, 125, 150, 175, 200)
ICON_SIZES = (16, 20, 24, 32, 48)
W = TypeVar("W", bound=QWidget)
_BASE_POINTS = 9.0  # the text size spacing and window sizes were drawn for


@dataclass(frozen=True)
class Look:
    appearance: str  # light, dark or contrast: what is in use (never "system")
    colours: dict[str, str]
    point_size: float  # the body text size in points


_current: list[Look] = []
_system_point_size: list[float] = []


@cache
def _palettes() -> dict[str, dict[str, str]]:
    loaded = json.loads((RESOURCES / "palette.json").read_text(encoding="utf-8"))
    return {name: colours for name, colours in loaded.items() if not name.startswith("_")}


def system_appearance() -> str:
    """What the system asks for: high contrast first, then dark, else light."""
    hints = QGuiApplication.styleHints()
    if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return "contrast"
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def _palette(colours: dict[str, str]) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for roles, name in (
        ((role.Window,), "window"),
        ((role.Base,), "input"),
        ((role.AlternateBase,), "alternate"),
        ((role.Button,), "surface"),
        ((role.WindowText, role.Text, role.ButtonText, role.BrightText), "text"),
        ((role.ToolTipBase,), "surface"),
        ((role.ToolTipText,), "text"),
        ((role.Highlight,), "accent"),
        ((role.HighlightedText,), "highlight_text"),
        ((role.Link,), "link"),
        ((role.PlaceholderText,), "muted"),
        ((role.Mid, role.Dark), "strong_border"),
        ((role.Light, role.Midlight), "border"),
    ):
        for each in roles:
            palette.setColor(each, QColor(colours[name]))
    for each in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, each, QColor(colours["muted"]))
    return palette


def style_sheet(colours: dict[str, str], point_size: float) -> str:
    """The style sheet for these colours and this body text size (sizes and spacing grow with the text)."""
    scale = point_size / _BASE_POINTS
    values: dict[str, object] = dict(colours)
    values |= {
        "small": round(point_size * 0.9, 1),
        "heading": round(point_size * 1.25, 1),
        "title": round(point_size * 1.6, 1),
        "display": round(point_size * 2.0, 1),
        "s0": max(1, round(2 * scale)),
        "s1": round(4 * scale),
        "s2": round(8 * scale),
        "s3": round(12 * scale),
        "s4": round(20 * scale),
        "control": round(22 * scale),
        "groupTop": round(point_size * 2.2),
    }
    return Template((RESOURCES / "style.qss").read_text(encoding="utf-8")).substitute(values)


def apply_theme(appearance: str = "system", text_size: int = 100) -> Look:
    """Style the whole application; call again when the coach changes the appearance or the text size."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not _system_point_size:  # the system's own size, before any scaling of ours
        _system_point_size.append(app.font().pointSizeF() if app.font().pointSizeF() > 0 else 9.0)
    used = system_appearance() if appearance not in _palettes() else appearance
    colours = _palettes()[used]
    point_size = round(_system_point_size[0] * max(100, min(200, text_size)) / 100, 1)
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSizeF(point_size)
    app.setFont(font)
    app.setPalette(_palette(colours))
    app.setStyleSheet(style_sheet(colours, point_size))
    look = Look(used, colours, point_size)
    _current[:] = [look]
    _icon.cache_clear()
    return look


def current_look() -> Look:
    if not _current:
        return Look("light", _palettes()["light"], 9.0)
    return _current[0]


def icon(name: str, colour: str = "text") -> QIcon:
    """A bundled icon drawn in one of the palette's colours (`text`, `accent`, `warning`, `danger`, ...)."""
    return _icon(name, current_look().colours[colour])


@cache
def _icon(name: str, colour: str) -> QIcon:
    from PySide6.QtSvg import QSvgRenderer  # first needed after unlocking: not on the start-up path

    svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in ICON_SIZES:
        for ratio in (1, 2):
            pixmap = QPixmap(size * ratio, size * ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            result.addPixmap(pixmap)
    return result


def icon_size(scale: float = 1.0) -> QSize:
    """Icons beside text: as tall as the text, growing with the text size."""
    side = round(current_look().point_size * 1.9 * scale)
    return QSize(side, side)


# --- what a widget is (read by style.qss) -------------------------------------------------------------


def restyle(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def role(widget: W, name: str) -> W:
    """Text of a kind: display, title, heading, summary, muted, small, key."""
    widget.setProperty("role", name)
    restyle(widget)
    return widget


def tone(widget: W, name: str) -> W:
    """A note that needs attention: warning, error or info (always with a word or an icon too)."""
    widget.setProperty("tone", name)
    restyle(widget)
    return widget


def card(widget: W) -> W:
    widget.setProperty("card", True)
    return widget


def primary(button: QPushButton) -> QPushButton:
    """The one main action of a screen or dialog."""
    button.setProperty("primary", True)
    return button


def link(button: QPushButton) -> QPushButton:
    """A quiet action that reads like a link (Forgot the passphrase?)."""
    button.setProperty("link", True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def with_icon(button: QPushButton, name: str, colour: str = "text") -> QPushButton:
    button.setIcon(icon(name, colour))
    button.setIconSize(icon_size(0.85))
    return button


def button(text: str, name: str, icon_name: str = "", colour: str = "text") -> QPushButton:
    """A named button, with an icon from the set when given."""
    made = QPushButton(text)
    made.setObjectName(name)
    return with_icon(made, icon_name, colour) if icon_name else made


def sized(widget: QWidget, width: int, height: int) -> None:
    """Give a window the size it was drawn for at 100 % text, grown with the text size and kept within the
    screen (a 1366 × 768 laptop at 200 % text)."""
    scale = current_look().point_size / _BASE_POINTS
    screen = widget.screen().availableGeometry()
    widget.resize(min(round(width * scale), screen.width()), min(round(height * scale), screen.height()))
