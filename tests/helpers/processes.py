"""Running the app as a real process, as the tests that kill it or limit it need.

`python -m tests.helpers.processes cli ARGS...` is the command line with the cheap test KDF (the real one
spends half a second and 64 MiB per derivation); `... save VAULT PASSFILE N` saves N meetings one by one,
printing each id once its transaction has committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "tests.helpers.processes", *args]


def environment() -> dict[str, str]:
    return os.environ | {"TYOKYKY_LANG": "en", "PYTHONPATH": str(ROOT)}


def run(
    *args: str, preexec: Callable[[], None] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment(),
        cwd=ROOT,
        preexec_fn=preexec,
    )


def _save_loop(folder: Path, passphrase_file: Path, count: int) -> None:
    from tyokykyapp.domain import Client, Meeting
    from tyokykyapp.vault import Vault

    with Vault.unlock(folder, passphrase=passphrase_file.read_text(encoding="utf-8").strip()) as vault:
        client_id = (
            vault.repo.clients()[0].id
            if vault.repo.clients()
            else vault.repo.save(Client(family_name="Tallentaja", given_names="Tiina")).id
        )
        for n in range(count):
            meeting = vault.repo.save(Meeting(client_id=client_id, on=date(2026, 11, 23), notes=f"tallennus {n}"))
            print(meeting.id, flush=True)


def main(argv: Sequence[str]) -> int:
    import tyokykyapp.vault.vault as vault_module
    from tests.helpers.vaults import FAST_KDF

    vault_module.calibrated_params = lambda: FAST_KDF  # type: ignore[assignment]
    import tyokykyapp.handover.export as export_module

    export_module.calibrated_params = lambda: FAST_KDF  # type: ignore[assignment]
    kind, *rest = argv
    if kind == "save":
        _save_loop(Path(rest[0]), Path(rest[1]), int(rest[2]))
        return 0
    from tyokykyapp.cli import main as cli_main

    return cli_main(rest)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
