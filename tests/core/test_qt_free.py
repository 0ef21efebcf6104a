"""The core never imports Qt: checked in a fresh interpreter that imports every core module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import tyokykyapp

CORE = Path(tyokykyapp.__file__).parent


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        "tyokykyapp." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__main__.py"
    )
    modules = [m.removesuffix(".__init__") for m in modules]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'ui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_no_core_source_names_qt_or_the_gui() -> None:
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "PyQt" not in text, path
        # Not even by name, as importlib.import_module("ui.app") did: the GUI passes itself in (ui/main.py).
        assert '"ui.' not in text and "'ui." not in text and "from ui" not in text and "import ui" not in text, path
