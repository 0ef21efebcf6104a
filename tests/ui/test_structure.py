"""The GUI's structure rules, checked on the source: every dialog is opened without a nested event loop, the
screens reach the core only through ui/operations.py, and dialogs live in ui/dialogs/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
SOURCES = {path.relative_to(UI).as_posix(): path.read_text(encoding="utf-8") for path in UI.rglob("*.py")}
# The printed-form preview is reworked by its own issue (the preview built off the GUI thread).
DIALOGS_ELSEWHERE = {"widgets/pdf_preview.py"}


def lines_matching(pattern: str, skip: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    found = []
    for name, text in SOURCES.items():
        if name in skip:
            continue
        found += [f"{name}: {line.strip()}" for line in text.splitlines() if re.search(pattern, line)]
    return found


def test_no_window_runs_a_nested_event_loop() -> None:
    # exec() and the static QMessageBox / QFileDialog functions run a loop that locking could delete the
    # window under (the app aborted); processEvents() ran timers, the auto-lock too, inside open transactions.
    assert lines_matching(r"\.exec\(") == ["app.py: return int(app.exec())"]
    assert lines_matching(r"QMessageBox\.(question|warning|information|critical|about)\(") == []
    assert lines_matching(r"QFileDialog\.get") == []
    # --check-start draws the window once and quits: no vault is open and no operation runs.
    assert lines_matching(r"processEvents\(", skip={"start_check.py"}) == []


def test_screens_reach_the_core_only_through_operations() -> None:
    # The door itself, the window that hands the vault to it and takes it back on lock, and the two screens that
    # open or create the vault before there is anything to hand over.
    owners = {"operations.py", "app.py", "screens/welcome.py", "screens/unlock.py"}
    assert lines_matching(r"require_vault\(|ops\.vault\b|\.vault\s*=", skip=owners) == []


def test_dialogs_live_in_ui_dialogs() -> None:
    misplaced = []
    for name, text in SOURCES.items():
        if name.startswith("dialogs/") or name in DIALOGS_ELSEWHERE:
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and any("Dialog" in ast.unparse(base) for base in node.bases):
                misplaced.append(f"{name}: {node.name}")
    assert misplaced == []


def test_language_names_come_from_i18n() -> None:
    assert lines_matching(r"^LANGUAGE_NAMES\s*=") == []
