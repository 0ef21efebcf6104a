"""Build the desktop app as a self-contained program, package it, and smoke-test the result.

    python3 bootstrap.py installer                 (runs this file in .venv with PyInstaller installed)
    python installer/build.py [--no-smoke] [--maintainer "Name <email>"]

Writes dist/tyokyky/, the program folder (one-folder build: nothing is unpacked anywhere at start). On Linux
also dist/tyokyky-VERSION-linux-ARCH.tar.gz (the folder with a menu entry, icon and licences) and, where
dpkg-deb exists, dist/tyokyky_VERSION_ARCH.deb (installs under /opt with a menu entry). On Windows, where
Inno Setup's iscc is on PATH, a per-user installer from installer/windows/tyokyky.iss. Then it runs the
smoke test (tests/installer/, pytest marker `frozen`) on the built program; a failure fails the build.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from installer.licence_texts import write_licences  # noqa: E402
from tyokykyapp import __version__  # noqa: E402

DIST = ROOT / "dist"
WORK = ROOT / "build" / "installer"
APP_FOLDER = DIST / "tyokyky"
EXECUTABLE = APP_FOLDER / ("tyokykyapp.exe" if sys.platform == "win32" else "tyokykyapp")
LINUX = ROOT / "installer" / "linux"
ICON_SVG = ROOT / "ui" / "resources" / "tyokyky.svg"
# Libraries the built program takes from the system rather than carrying them (read off with ldd): OpenGL and
# the display servers' client libraries belong to the machine. Qt's xcb plugin needs the two xcb helpers.
DEB_DEPENDS = (
    "libgl1, libegl1, libxcb1, libxcb-icccm4, libxcb-keysyms1, libwayland-client0, libwayland-cursor0, "
    "libwayland-egl1, libdrm2"
)
DEB_ARCHES = {"x86_64": "amd64", "aarch64": "arm64"}


def run_pyinstaller() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(ROOT / "installer" / "tyokyky.spec"),
        ],
        cwd=ROOT,
        check=True,
    )


def add_linux_files() -> None:
    """The menu entry, its icon and the per-user menu installer, beside the program."""
    shutil.copyfile(LINUX / "tyokyky.desktop", APP_FOLDER / "tyokyky.desktop")
    shutil.copyfile(ICON_SVG, APP_FOLDER / "tyokyky.svg")
    shutil.copy2(LINUX / "install-menu-entry.sh", APP_FOLDER / "install-menu-entry.sh")


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def tarball() -> Path:
    out = DIST / f"tyokyky-{__version__}-linux-{platform.machine()}.tar.gz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(out, "w:gz", compresslevel=6) as archive:
        archive.add(APP_FOLDER, arcname=f"tyokyky-{__version__}", filter=owned_by_root)
    return out


def deb(maintainer: str) -> Path | None:
    if shutil.which("dpkg-deb") is None:
        print("build: no dpkg-deb on this machine (it comes with dpkg on Debian and Ubuntu): .deb skipped")
        return None
    arch = DEB_ARCHES.get(platform.machine(), platform.machine())
    stage = WORK / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(APP_FOLDER, stage / "opt" / "tyokyky", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "tyokykyapp").symlink_to("/opt/tyokyky/tyokykyapp")
    (stage / "usr" / "share" / "applications").mkdir(parents=True)
    shutil.copyfile(LINUX / "tyokyky.desktop", stage / "usr" / "share" / "applications" / "tyokyky.desktop")
    icons = stage / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copyfile(ICON_SVG, icons / "tyokyky.svg")
    glibc = platform.libc_ver()[1]  # the bundled libraries were taken from this system: no older glibc
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: tyokyky\n"
        f"Version: {__version__}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {maintainer}\n"
        f"Installed-Size: {folder_bytes(stage) // 1024}\n"
        f"Depends: libc6 (>= {glibc}), {DEB_DEPENDS}\n"
        f"Section: misc\n"
        f"Priority: optional\n"
        f"Description: encrypted client records and process guide for IPS job coaches\n"
        f" Työkyky keeps a job coach's client records in one encrypted vault on the\n"
        f" coach's computer and guides the six phases of IPS supported employment.\n"
        f" Offline: it never uses the network. Installed under /opt/tyokyky.\n",
        encoding="utf-8",
    )
    out = DIST / f"tyokyky_{__version__}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(stage), str(out)], check=True)
    contents = subprocess.run(["dpkg-deb", "--contents", str(out)], capture_output=True, text=True, check=True)
    if "./opt/tyokyky/tyokykyapp\n" not in contents.stdout:
        raise SystemExit("build: the .deb has no /opt/tyokyky/tyokykyapp")
    return out


def windows_installer() -> Path | None:
    iscc = shutil.which("iscc")
    if iscc is None:
        print("build: Inno Setup's iscc is not on PATH: the Windows installer is skipped (the folder is built)")
        return None
    script = ROOT / "installer" / "windows" / "tyokyky.iss"
    subprocess.run(
        [iscc, f"/DAppVersion={__version__}", f"/DSourceDir={APP_FOLDER}", f"/O{DIST}", str(script)], check=True
    )
    return DIST / f"tyokyky-{__version__}-setup.exe"


def smoke_test() -> int:
    env = os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    command = [sys.executable, "-m", "pytest", "-m", "frozen", "-p", "no:cacheprovider", "tests/installer"]
    return subprocess.call(command, cwd=ROOT, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-smoke", action="store_true", help="build and package only")
    parser.add_argument("--maintainer", default="Työkyky <tyokyky@example.invalid>", help="the .deb's Maintainer field")
    args = parser.parse_args(argv)
    started = time.monotonic()
    shutil.rmtree(DIST, ignore_errors=True)
    run_pyinstaller()
    write_licences(APP_FOLDER / "licences")
    packages: list[Path | None] = []
    if sys.platform.startswith("linux"):
        add_linux_files()
        packages += [tarball(), deb(args.maintainer)]
    elif sys.platform == "win32":
        packages.append(windows_installer())
    print(f"build: {APP_FOLDER} ({folder_bytes(APP_FOLDER) / 2**20:.0f} MiB) in {time.monotonic() - started:.0f} s")
    for package in filter(None, packages):
        print(f"build: {package} ({package.stat().st_size / 2**20:.0f} MiB)")
    return 0 if args.no_smoke else smoke_test()


if __name__ == "__main__":
    sys.exit(main())
