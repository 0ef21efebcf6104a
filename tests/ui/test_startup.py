"""What the start-up path loads: the unlock screen comes up without the vault, the work area, the PDF
libraries or Qt's namespace enums; those load while the coach types the passphrase."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["tyokykyapp.vault.vault", "ui.work_area", "ui.activity", "reportlab", "PySide6.QtPdf", "sqlcipher3"]

SCRIPT = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ui.app import PRELOAD_DELAY_MS, MainWindow
    from ui.screens.unlock import UnlockScreen
    window = MainWindow(Path(sys.argv[1])); window.show(); app.processEvents()
    heavy = {heavy!r}
    shown = [m for m in heavy if m in sys.modules]
    unlock_screen = isinstance(window.stack.currentWidget(), UnlockScreen)
    deadline = time.monotonic() + PRELOAD_DELAY_MS / 1000 + 5
    while time.monotonic() < deadline and not all(m in sys.modules for m in heavy):
        app.processEvents(); time.sleep(0.01)
    print(json.dumps({{"at_unlock_screen": shown, "later": [m for m in heavy if m in sys.modules],
                       "unlock_screen": unlock_screen}}))
""")


def test_unlock_screen_first_then_the_rest_loads_in_the_background(vault_folder: Path) -> None:
    Vault.create(vault_folder, PASSPHRASE)[0].close()
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(heavy=HEAVY), str(vault_folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=True,
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["unlock_screen"]
    assert seen["at_unlock_screen"] == []
    assert seen["later"] == HEAVY
