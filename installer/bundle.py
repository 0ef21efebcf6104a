"""What goes into the built program besides the code: the packages' data files, Qt's translations the app
uses, and the icon for platforms whose executables carry one. Used by tyokyky.spec at build time."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from tyokykyapp.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
ICON_SVG = ROOT / "ui" / "resources" / "tyokyky.svg"
ICON_PIXELS = 256


def data_files(pyproject: dict[str, Any]) -> list[tuple[str, str]]:
    """(source file, folder in the build) for every file matched by the package-data globs of pyproject.toml,
    the same declaration that puts them in the wheel."""
    found = []
    for package, patterns in pyproject["tool"]["setuptools"]["package-data"].items():
        folder = ROOT.joinpath(*package.split("."))
        for pattern in patterns:
            for path in sorted(folder.glob(pattern)):
                if path.is_file():
                    found.append((str(path), str(path.parent.relative_to(ROOT))))
    return found


def qt_translations_unused(destination: str) -> bool:
    """Qt's own translation files other than those ui/qt_language.py loads (qtbase_<language>.qm)."""
    path = PurePosixPath(destination.replace("\\", "/"))
    if path.suffix != ".qm" or path.parent.name != "translations":
        return False
    return path.name not in {f"qtbase_{language}.qm" for language in LANGUAGES}


# Qt parts the app never uses, matched in a file's path in the build (the same on Linux, Windows and macOS):
# the on-screen virtual keyboard with the Qt Quick and QML engine it alone pulls in (~18 MB), and the network
# plugins (the app never goes on the network).
UNUSED_QT = ("qtvirtualkeyboardplugin", "Qt6VirtualKeyboard", "Qt6Quick", "Qt6Qml", "/networkinformation/", "/tls/")


def qt_unused(destination: str) -> bool:
    path = "/" + destination.replace("\\", "/")
    return any(part in path for part in UNUSED_QT)


def icon_for(platform: str, workpath: Path) -> str | None:
    """The icon the executable carries: a PNG drawn from the SVG, which PyInstaller turns into .ico (Windows)
    or .icns (macOS) with Pillow. Linux executables carry none: the .desktop entry names the SVG."""
    if platform not in ("win32", "darwin"):
        return None
    return str(render_png(workpath / "tyokyky.png"))


def render_png(out: Path, pixels: int = ICON_PIXELS) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICON_SVG)).render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise OSError(f"could not write {out}")
    return out
