"""Locking (here the auto-lock) with each kind of window open: the app never crashes, and what was typed
into a form comes back after unlocking. Each case runs in its own child process (tests/helpers/
lock_scenario.py), because the failure this guards against is Qt aborting the whole process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.lock_scenario import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    folder = tmp_path_factory.mktemp("lock")
    run = subprocess.run(
        [sys.executable, "-m", "tests.helpers.lock_scenario", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results: dict[str, int] = json.loads(run.stdout.strip().splitlines()[-1])
    if any(results.values()):
        print(run.stderr[-5000:])
    return results


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_locking_with_a_window_open_keeps_the_app_and_the_typed_text(outcomes: dict[str, int], scenario: str) -> None:
    # 0: no crash and the draft back; 1: the typed text was lost; 4: an exception; negative: a crash signal.
    assert outcomes[scenario] == 0
