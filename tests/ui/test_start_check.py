"""`tyokykyapp --check-start` (ui/main.py, ui/start_check.py): the window comes up as a coach starts it and
the one-line report says what came up. Run in a fresh process, as the installer's smoke test runs the built
program, so Qt's translations installed by the app do not leak into other tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import tyokykyapp
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.vault import Vault

ROOT = Path(__file__).resolve().parents[2]


def check_start(vault: Path, code: str = "") -> tuple[int, dict[str, object]]:
    script = f"{code}\nfrom ui.main import main\nraise SystemExit(main(['--vault', {str(vault)!r}, '--check-start']))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    return result.returncode, json.loads(result.stdout.strip().splitlines()[-1])


def test_an_existing_vault_opens_on_the_unlock_screen_with_icon_and_qt_translation(vault_folder: Path) -> None:
    Vault.create(vault_folder, PASSPHRASE)[0].close()
    code, report = check_start(vault_folder)
    assert code == 0
    assert report["screen"] == "UnlockScreen"
    assert report["icon"] is True and report["qt_translation"] is True  # Finnish by default: qtbase_fi loaded
    assert report["version"] == tyokykyapp.__version__


def test_a_first_start_opens_on_the_welcome_screen(vault_folder: Path) -> None:
    code, report = check_start(vault_folder)
    assert code == 0 and report["screen"] == "WelcomeScreen"


def test_a_missing_icon_fails_the_check(vault_folder: Path) -> None:
    code, report = check_start(vault_folder, "import pathlib, ui.app\nui.app.ICON = pathlib.Path('missing.svg')")
    assert code == 1 and report["icon"] is False
