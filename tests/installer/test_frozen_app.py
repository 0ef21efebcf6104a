"""The built program (dist/tyokyky, made by `python3 bootstrap.py installer`) runs every step a coach or IT
depends on: the version, the command line end to end (migrations, catalogs and fonts found), the window up
to the unlock screen, every declared data file and licence text present, and nothing written to the temp
folder. Run as a stranger's machine would: no Python, no source folder, no environment of ours.

Marked `frozen`: the ordinary test run leaves these out (the build takes a minute or two); the installer
build runs them, and .ci/run runs the build after the tests."""

from __future__ import annotations

import io
import json
import os
import subprocess
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from installer.build import APP_FOLDER, EXECUTABLE
from installer.bundle import ROOT, data_files
from installer.licence_texts import APP_LICENCE_FILE, folder_name
from tyokykyapp import __version__
from ui.components import COMPONENTS

pytestmark = pytest.mark.frozen
PASSPHRASE = "kolme pientä kissaa hyppii\n"


class FrozenApp:
    """The built program run in a bare environment with its own home, settings and temp folders."""

    def __init__(self, home: Path) -> None:
        if not EXECUTABLE.exists():
            pytest.fail(f"{EXECUTABLE} is missing: build it first with `python3 bootstrap.py installer`")
        self.home = home
        self.temp = home / "tmp"
        self.temp.mkdir()
        (home / "pass").write_text(PASSPHRASE, encoding="utf-8")
        # Nothing of ours: no PYTHONPATH, no virtual environment (Windows needs its system folder named).
        windows = {key: value for key, value in os.environ.items() if key.upper() in ("SYSTEMROOT", "WINDIR")}
        self.env = windows | {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "TMPDIR": str(self.temp),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",  # as on any desktop; Qt warns without a UTF-8 locale
        }

    def __call__(self, *args: str, vault: str = "vault", lang: str = "fi") -> str:
        command = [str(EXECUTABLE), "--vault", str(self.home / vault), "--passphrase-file", str(self.home / "pass")]
        result = subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            cwd=self.home,
            env=self.env | {"TYOKYKY_LANG": lang},
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert list(self.temp.iterdir()) == [], "the app wrote to the temp folder"
        return result.stdout


@pytest.fixture
def app(tmp_path: Path) -> FrozenApp:
    return FrozenApp(tmp_path)


def test_version(app: FrozenApp) -> None:
    assert app("--version").strip() == f"tyokykyapp {__version__}"


def test_the_command_line_from_a_new_vault_to_a_handover_and_back(app: FrozenApp) -> None:
    assert "Palautusavain" in app("init")  # the Finnish catalog is found
    assert "5" in app("demo", "--clients", "5")
    clients = json.loads(app("clients", "--json"))
    assert len(clients) == 5
    pdf = app.home / "consent.pdf"
    app("form", "consent", "--client", clients[0]["id"], "--out", str(pdf))
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert "Suostumus tietojen vaihtamiseen" in reader.pages[0].extract_text()  # fonts and texts in place
    assert reader.metadata is not None and reader.metadata.creator == f"Työkyky {__version__}"
    assert app("check").strip() == "Tietovarasto on eheä."
    assert app("check", lang="sv").strip() == "Datavalvet är intakt."  # the Swedish catalog too
    handover = app.home / "clients.tyokyky"
    app("export", "--out", str(handover), "--handover-passphrase-file", str(app.home / "pass"))
    app("init", vault="receiver")
    merged = json.loads(
        app("import", str(handover), "--handover-passphrase-file", str(app.home / "pass"), "--json", vault="receiver")
    )
    assert merged["result"]["added"] == 5
    assert app("check", vault="receiver").strip() == "Tietovarasto on eheä."


def test_the_window_opens_on_the_unlock_screen(app: FrozenApp) -> None:
    app("init")
    report = json.loads(app("--check-start").strip().splitlines()[-1])
    assert report["screen"] == "UnlockScreen"
    assert report["icon"] is True and report["qt_translation"] is True
    assert report["version"] == __version__


def test_every_declared_data_file_is_in_the_build() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    internal = APP_FOLDER / "_internal"
    declared = data_files(pyproject)
    assert declared
    missing = [source for source, folder in declared if not (internal / folder / Path(source).name).is_file()]
    assert missing == []


def test_every_component_has_its_licence_texts_beside_the_program() -> None:
    licences = APP_FOLDER / "licences"
    assert (licences / APP_LICENCE_FILE).read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE")
    for component in COMPONENTS:
        assert any((licences / folder_name(component)).iterdir()), component.name
