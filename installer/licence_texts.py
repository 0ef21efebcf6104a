"""The built program's `licences` folder: Työkyky's own licence and every component's licence texts (the
components and their licences are listed once, in ui/components.py)."""

from __future__ import annotations

import importlib.metadata
import re
import shutil
from pathlib import Path

from ui.components import APP_LICENCE, COMPONENTS, Component

ROOT = Path(__file__).resolve().parent.parent
APP_LICENCE_FILE = f"Tyokyky-{APP_LICENCE}.txt"


def folder_name(component: Component) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", component.name).strip("-")


def distribution_licence_files(name: str) -> list[Path]:
    """The licence files a distribution ships in its metadata folder (*.dist-info)."""
    distribution = importlib.metadata.distribution(name)
    declared = set(distribution.metadata.get_all("License-File") or [])
    return [
        Path(str(distribution.locate_file(file)))
        for file in distribution.files or []
        if file.parts[0].endswith(".dist-info") and ("licenses" in file.parts or file.name in declared)
    ]


def write_licences(folder: Path) -> None:
    """Copy every licence text into `folder`; a component left without any is an error, not a silent gap."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "LICENSE", folder / APP_LICENCE_FILE)
    for component in COMPONENTS:
        target = folder / folder_name(component)
        target.mkdir(exist_ok=True)
        for distribution in component.distributions:
            for path in distribution_licence_files(distribution):
                shutil.copyfile(path, target / f"{distribution}-{path.name}")
        for text in component.texts:
            shutil.copyfile(ROOT / text, target / Path(text).name)
        if not any(target.iterdir()):
            raise SystemExit(f"build: no licence text for {component.name}")
