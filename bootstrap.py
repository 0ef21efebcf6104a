"""Set up and run Työkyky with nothing but python3 (3.11+) installed.

    python3 bootstrap.py run     create/update .venv, install the app, start it
    python3 bootstrap.py test    create/update .venv with the test tools, run the whole test suite
    python3 bootstrap.py installer   build the self-contained program and its packages into dist/, then
                                     smoke-test it (installer/build.py; see installer/README.md)

Uses only the standard library. Where the system Python has no `ensurepip` (Debian's python3 without the
python3-venv package), the virtual environment is made without pip and pip is fetched from PyPI.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".tyokyky-installed"


def _bootstrap_pip() -> None:
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as response:
        release = json.load(response)
    wheel = next(u for u in release["urls"] if u["packagetype"] == "bdist_wheel")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / wheel["filename"]
        with urllib.request.urlopen(wheel["url"], timeout=120) as response:
            data = response.read()
        if hashlib.sha256(data).hexdigest() != wheel["digests"]["sha256"]:
            raise SystemExit("bootstrap: the downloaded pip does not match PyPI's checksum")
        path.write_bytes(data)
        # A wheel is importable as a zip: run its pip to install pip into the environment.
        subprocess.run([str(PYTHON), f"{path}/pip", "install", "--quiet", str(path)], check=True)


def ensure_environment(extras: str) -> None:
    if not PYTHON.exists():
        print("bootstrap: creating .venv", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except (subprocess.CalledProcessError, OSError):
            venv.EnvBuilder(with_pip=False, clear=True).create(VENV)
            _bootstrap_pip()
    target = f".[{extras}]" if extras else "."
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + target.encode()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print(f"bootstrap: installing {target} into .venv", flush=True)
        subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT, check=True)
        STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command == "run":
        ensure_environment("")
        return subprocess.call([str(PYTHON), "-m", "ui", *rest], cwd=ROOT)
    if command == "test":
        ensure_environment("test")
        env = os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if command == "installer":
        # The test tools too: the build ends with the smoke test of the built program.
        ensure_environment("test,installer")
        env = os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        return subprocess.call([str(PYTHON), str(ROOT / "installer" / "build.py"), *rest], cwd=ROOT, env=env)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
