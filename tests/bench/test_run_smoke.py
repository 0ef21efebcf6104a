"""The benchmark script runs end to end on a tiny vault (one repetition), so it cannot rot. Its timings are
not checked here: speed is judged by the full run, never by unit tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = {
    "cold start to the unlock screen",
    "unlock to Today drawn (floor: Argon2id",
    "client list shown",
    "Today's due list",
    "Today's due list, nothing kept (once after an upgrade)",
    "full-text search",
    "open a client's workspace",
    "consent form to PDF",
    "handover export of 50 clients",
    "handover import of 50 clients",
    "access report previewed",
    "backup: copied and every page checked",
    "restore: every byte and page checked",
    "spreadsheet import (.xlsx, 3 jobs per client over two years)",
    "outcome report of twelve months",
    "… the same counted and drawn on the Reports screen",
    "… the same through the import dialog",
}
# The GUI operations: each has the freeze column (the longest gap in the event loop while it ran).
GUI_OPERATIONS = {
    "unlock to Today drawn",
    "open a client's workspace",
    "access report previewed",
    "handover",
    "backup",
    "… the same counted and drawn",
    "… the same through the import dialog",
}


def test_smoke_run_writes_the_table_and_results(tmp_path: Path) -> None:
    out = tmp_path / "latest.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "| clients | operation |" in result.stdout
    document = json.loads(out.read_text(encoding="utf-8"))
    operations = [row["operation"] for row in document["rows"]]
    for expected in OPERATIONS:
        assert any(operation.startswith(expected) for operation in operations), expected
    for row in document["rows"]:
        if any(row["operation"].startswith(gui) for gui in GUI_OPERATIONS):
            assert row["freeze_ms"] is not None and row["freeze_ms"] >= 0, row["operation"]
    assert "freeze (ms)" in result.stdout and "spread (ms)" in result.stdout
    assert any(row["operation"].startswith("peak memory") for row in document["rows"])
    for row in document["rows"]:
        assert row["app_ms"] > 0 and isinstance(row["passed"], bool)
