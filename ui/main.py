"""The desktop program's entry point: the `tyokykyapp` command, the `tyokyky` launcher (a GUI script: no
console window on Windows), `python -m ui` and the frozen app's script (installer/tyokyky.spec). With no
command it opens the window, with one it is the command line. Both go through `tyokykyapp.cli.main`, so
start-up hardening placed at its start covers the desktop app too."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tyokykyapp import cli


def start_gui(vault: Path | None, check_start: bool) -> int:
    if check_start:
        from ui.start_check import check_start as report_start

        return report_start(vault)
    from ui.app import run

    return run(vault)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, start_gui=start_gui)


if __name__ == "__main__":
    raise SystemExit(main())
