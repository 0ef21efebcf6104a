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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QBuffer, QIODevice, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from tyokykyapp.demo.caseload import generate_caseload  # noqa: E402
from tyokykyapp.domain import Phase  # noqa: E402
from tyokykyapp.domain.coach import CoachDetails  # noqa: E402
from tyokykyapp.i18n import set_language  # noqa: E402
from tyokykyapp.services import set_coach_details  # noqa: E402
from tyokykyapp.vault import Vault  # noqa: E402
from tyokykyapp.vault.keyslots import KdfParams  # noqa: E402

WIDTH, HEIGHT = 1366, 768
PASSPHRASE = "kolme pientä kissaa hyppii"
SEED = 11
# Light for the key derivation: these vaults hold only synthetic clients and live for one run.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
LOOKS = (("light", 100), ("dark", 100), ("light", 200), ("dark", 200))

Shot = Callable[["Session"], QWidget]
SHOTS: dict[str, Shot] = {}


def shot(name: str) -> Callable[[Shot], Shot]:
    def register(make: Shot) -> Shot:
        SHOTS[name] = make
        return make

    return register


def settle() -> None:
    for _round in range(5):
        QApplication.processEvents()


class Session:
    """One look (appearance and text size): its own settings file and main window over the demo vault."""

    def __init__(self, folder: Path, empty_folder: Path, appearance: str, text_size: int, work: Path) -> None:
        from ui.app import MainWindow
        from ui.settings import Preferences

        self.folder, self.empty_folder = folder, empty_folder
        prefs = Preferences(QSettings(str(work / f"{appearance}-{text_size}.ini"), QSettings.Format.IniFormat))
        prefs.set("language", "fi")
        prefs.set("appearance", appearance)
        prefs.set("text_size", text_size)
        self.prefs = prefs
        self.window = MainWindow(folder, prefs)
        self.window.resize(WIDTH, HEIGHT)
        self.window.show()
        settle()

    def unlock(self) -> None:
        from ui.screens.unlock import UnlockScreen

        screen = self.window.stack.currentWidget()
        if isinstance(screen, UnlockScreen):
            screen.passphrase.setText(PASSPHRASE)
            screen.try_unlock()
            settle()

    @property
    def work(self):  # type: ignore[no-untyped-def]
        self.unlock()
        assert self.window.work is not None
        return self.window.work

    def client_in(self, phase: Phase) -> str:
        summary = self.window.ops.query(lambda vault: vault.repo.clients(phase=phase, limit=1))
        assert summary
        return summary[0].id

    def close(self) -> None:
        for dialog in self.window.findChildren(QDialog):
            dialog.done(0)
        self.window.lock()
        self.window.close()
        self.window.deleteLater()
        settle()


def window_shot(session: Session) -> QWidget:
    settle()
    return session.window


@shot("unlock")
def _unlock(session: Session) -> QWidget:
    session.window.lock()
    return window_shot(session)


@shot("today")
def _today(session: Session) -> QWidget:
    work = session.work
    work.show_section(work.today)
    return window_shot(session)


@shot("clients")
def _clients(session: Session) -> QWidget:
    work = session.work
    work.show_section(work.clients)
    return window_shot(session)


@shot("client-search")
def _client_search(session: Session) -> QWidget:
    work = session.work
    work.show_section(work.clients)
    work.clients.search.setText("makela")
    work.clients.apply_filter()
    return window_shot(session)


def _workspace(phase: Phase) -> Shot:
    def make(session: Session) -> QWidget:
        session.work.open_client(session.client_in(phase))
        return window_shot(session)

    return make


for _phase in (Phase.MAPPING, Phase.JOB_SEARCH, Phase.MAINTENANCE):
    shot(f"workspace-{_phase.value.replace('_', '-')}")(_workspace(_phase))


@shot("employers")
def _employers(session: Session) -> QWidget:
    work = session.work
    work.show_section(work.employers)
    return window_shot(session)


@shot("bin")
def _bin(session: Session) -> QWidget:
    work = session.work
    work.show_section(work.bin)
    return window_shot(session)


def dialog_shot(dialog: QDialog) -> QWidget:
    settle()
    return dialog


@shot("settings")
def _settings(session: Session) -> QWidget:
    return dialog_shot(session.work.open_settings())


@shot("settings-details")
def _settings_details(session: Session) -> QWidget:
    dialog = session.work.open_settings()
    dialog.tabs.setCurrentIndex(2)
    return dialog_shot(dialog)


@shot("settings-security")
def _settings_security(session: Session) -> QWidget:
    dialog = session.work.open_settings()
    dialog.tabs.setCurrentIndex(1)
    return dialog_shot(dialog)


@shot("change-passphrase")
def _change_passphrase(session: Session) -> QWidget:
    return dialog_shot(session.work.open_settings().change_passphrase())


@shot("meeting")
def _meeting(session: Session) -> QWidget:
    workspace = session.work.open_client(session.client_in(Phase.JOB_SEARCH))
    assert workspace is not None
    dialog = workspace.add_record("meeting")
    assert dialog is not None
    return dialog_shot(dialog)


@shot("new-client")
def _new_client(session: Session) -> QWidget:
    return dialog_shot(session.work.new_client())


@shot("phase-move")
def _phase_move(session: Session) -> QWidget:
    workspace = session.work.open_client(session.client_in(Phase.MAPPING))
    assert workspace is not None
    return dialog_shot(workspace.open_move_dialog())


@shot("hand-over")
def _hand_over(session: Session) -> QWidget:
    return dialog_shot(session.work.open_export([session.client_in(Phase.SUPPORT)]))


@shot("import")
def _import(session: Session) -> QWidget:
    return dialog_shot(session.work.open_import())


@shot("about")
def _about(session: Session) -> QWidget:
    session.work.open_about()
    from ui.dialogs.about import AboutDialog

    return dialog_shot(session.window.findChildren(AboutDialog)[-1])


@shot("welcome")
def _welcome(session: Session) -> QWidget:
    session.window.lock()
    session.window.folder = session.empty_folder
    session.window.show_entry_screen()
    shown = window_shot(session)
    return shown


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
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    set_language("fi")
    import tyokykyapp.vault.vault as vault_module

    vault_module.calibrated_params = lambda: FAST_KDF  # unlocking and changes of secrets in the same light way
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Light)
    names = args.only or list(SHOTS)
    looks = [(a, int(s)) for a, s in (look.split("-") for look in args.looks)] if args.looks else LOOKS
    args.out.mkdir(parents=True, exist_ok=True)
    with demo_vaults() as (folder, empty, work):
        for appearance, text_size in looks:
            for name in names:
                session = Session(folder, empty, appearance, text_size, work)
                try:
                    widget = SHOTS[name](session)
                    width, height = save(widget, args.out / f"{name}-{appearance}-{text_size}.png")
                finally:
                    session.close()
                wide = "  WIDER THAN THE SCREEN" if width > WIDTH else ""
                print(f"{name}-{appearance}-{text_size}: {width}×{height}{wide}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
