"""`tyokykyapp --check-start`: the window started as a coach starts it, a one-line report of what came up,
and quit. The installer's smoke test runs it on the built program (a data file left out of the build shows
up here, not on a coach's first day) and the benchmark times start-up with it."""

from __future__ import annotations

import importlib
import json
import time
from pathlib import Path

from tyokykyapp import __version__
from ui.app import PRELOADED, MainWindow, application
from ui.qt_language import qt_translation_loaded

EXPECTED_SCREENS = ("UnlockScreen", "WelcomeScreen")


def check_start(vault_path: Path | None) -> int:
    app = application()
    window = MainWindow(vault_path)
    window.show()
    app.processEvents()
    # Wall-clock time, so that whoever started the process can tell how long it took to get here.
    shown_at = time.time()
    report = {
        "version": __version__,
        "screen": type(window.stack.currentWidget()).__name__,
        "icon": not window.windowIcon().pixmap(64, 64).isNull(),
        "qt_translation": qt_translation_loaded(),
        "shown_at": shown_at,
    }
    # What unlocking loads while the passphrase is typed: a module left out of a build fails here.
    for module in PRELOADED:
        importlib.import_module(module)
    window.close()
    print(json.dumps(report))
    ok = report["screen"] in EXPECTED_SCREENS and report["icon"] and report["qt_translation"]
    return 0 if ok else 1
