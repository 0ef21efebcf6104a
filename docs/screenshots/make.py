"""Screenshots of every screen and dialog, in Finnish, light and dark, at 100 % and 200 % text, over a demo vault
of synthetic clients: `python docs/screenshots/make.py [--only NAME ...] [--out DIR]`.

Runs the real app offscreen (no display needed) in a 1366 × 768 window, the smallest laptop screen the app
is made for. A screen that needs more room than that shows it in its picture: the window grows. The PNGs are
stored with a reduced palette to keep the repository small."""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Offscreen, on a screen the size of the smallest laptop the app is made for (screen.json: 1366 × 768).
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={HERE / 'screen.json'}")
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QBuffer, QIODevice, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.helpers.gui import wait_for_unlock  # noqa: E402
from tests.helpers.tour import STOPS, Tour, settle  # noqa: E402
from tyokykyapp.demo.caseload import generate_caseload  # noqa: E402
from tyokykyapp.domain.coach import CoachDetails  # noqa: E402
from tyokykyapp.i18n import set_language  # noqa: E402
from tyokykyapp.services import set_coach_details  # noqa: E402
from tyokykyapp.vault import Vault  # noqa: E402
from tyokykyapp.vault.keyslots import KdfParams  # noqa: E402
from ui.app import MainWindow  # noqa: E402
from ui.screens.unlock import UnlockScreen  # noqa: E402
from ui.settings import Preferences  # noqa: E402

WIDTH, HEIGHT = 1366, 768
PASSPHRASE = "kolme pientä kissaa hyppii"
SEED = 11
# Light for the key derivation: these vaults hold only synthetic clients and live for one run.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
LOOKS = (("light", 100), ("dark", 100), ("light", 200), ("dark", 200))


def open_window(folder: Path, appearance: str, text_size: int, work: Path) -> MainWindow:
    """The app over the demo vault in one look (its own settings file), unlocked."""
    prefs = Preferences(QSettings(str(work / f"{appearance}-{text_size}.ini"), QSettings.Format.IniFormat))
    prefs.set("language", "fi")
    prefs.set("appearance", appearance)
    prefs.set("text_size", text_size)
    window = MainWindow(folder, prefs)
    window.resize(WIDTH, HEIGHT)
    window.show()
    settle()
    return window


def unlock(window: MainWindow) -> None:
    screen = window.stack.currentWidget()
    if isinstance(screen, UnlockScreen):
        screen.passphrase.setText(PASSPHRASE)
        screen.try_unlock()
        wait_for_unlock(screen)  # the key is derived on a worker thread


def save(widget: QWidget, path: Path) -> tuple[int, int]:
    from PIL import Image  # Pillow comes with ReportLab

    image = widget.grab().toImage()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    # 128 colours are plenty for flat colours and text, at a fraction of the size.
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    picture.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
    return image.width(), image.height()


@contextmanager
def demo_vaults() -> Iterator[tuple[Path, Path, Path]]:
    with tempfile.TemporaryDirectory(prefix="tyokyky-shots-") as temp:
        work = Path(temp)
        folder = work / "vault"
        vault, _key = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
        with vault:
            set_coach_details(
                vault,
                CoachDetails(name="Anna Valmentaja", organisation="Esimerkkikaupungin työllisyyspalvelut"),
            )
            generate_caseload(vault, 40, seed=SEED, today=date.today(), coach="Anna Valmentaja")
        yield folder, work / "empty", work


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="screens to take (default: all)")
    parser.add_argument("--looks", nargs="*", default=None, help="e.g. light-100 dark-200 (default: all four)")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    set_language("fi")
    import tyokykyapp.vault.vault as vault_module

    vault_module.calibrated_params = lambda: FAST_KDF  # unlocking and changes of secrets in the same light way
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Light)
    names = args.only or list(STOPS)
    looks = [(a, int(t)) for a, t in (look.split("-") for look in args.looks)] if args.looks else LOOKS
    args.out.mkdir(parents=True, exist_ok=True)
    with demo_vaults() as (folder, empty, work):
        for appearance, text_size in looks:
            for name in names:
                window = open_window(folder, appearance, text_size, work)
                tour = Tour(window, unlock, empty)
                try:
                    width, height = save(tour.visit(name), args.out / f"{name}-{appearance}-{text_size}.png")
                finally:
                    tour.leave()
                    window.lock()
                    window.close()
                    window.deleteLater()
                    settle()
                wide = "  WIDER THAN THE SCREEN" if width > WIDTH else ""
                print(f"{name}-{appearance}-{text_size}: {width}×{height}{wide}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
