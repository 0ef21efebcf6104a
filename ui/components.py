"""What the desktop program is built from, with each part's licence: shown in the About dialog, and the
installer copies each part's licence texts into the built program's `licences` folder. A test checks that
every package the app depends on is listed here."""

from __future__ import annotations

from dataclasses import dataclass

from tyokykyapp.i18n import N_

APP_LICENCE = "EUPL-1.2"


@dataclass(frozen=True)
class Component:
    name: str
    purpose: str  # marked with N_(), translated where shown
    licence: str  # an SPDX licence expression: the terms this program uses it under
    # The Python distributions that carry it: the installer copies their licence files.
    distributions: tuple[str, ...] = ()
    # Licence texts no distribution carries, as paths in the source tree.
    texts: tuple[str, ...] = ()


COMPONENTS: tuple[Component, ...] = (
    Component("Python", N_("the programming language"), "PSF-2.0", texts=("installer/licences/Python.txt",)),
    Component(
        "Qt 6, PySide6, Shiboken6",
        N_("the windows and buttons"),
        "LGPL-3.0-only",
        ("PySide6-Essentials", "PySide6-Addons", "shiboken6"),
        ("installer/licences/LGPL-3.0.txt", "installer/licences/GPL-3.0.txt"),
    ),
    Component("SQLCipher", N_("the encrypted database"), "BSD-3-Clause", texts=("installer/licences/SQLCipher.txt",)),
    Component("sqlcipher3", N_("SQLCipher for Python"), "Zlib", ("sqlcipher3",)),
    Component(
        "OpenSSL 3",
        N_("the encryption inside SQLCipher and cryptography"),
        "Apache-2.0",
        texts=("installer/licences/Apache-2.0.txt",),
    ),
    Component("cryptography", N_("the encrypted handover file"), "Apache-2.0 OR BSD-3-Clause", ("cryptography",)),
    Component(
        "argon2-cffi, Argon2",
        N_("turning the passphrase into a key (Argon2id)"),
        "MIT AND (CC0-1.0 OR Apache-2.0)",  # the bindings carry the Argon2 reference code
        ("argon2-cffi", "argon2-cffi-bindings"),
    ),
    Component("cffi, pycparser", N_("calling C code from Python"), "MIT-0 AND BSD-3-Clause", ("cffi", "pycparser")),
    Component("ReportLab", N_("the printed forms (PDF)"), "BSD-3-Clause", ("reportlab",)),
    Component(
        "Pillow, charset-normalizer",
        N_("images and text encodings for ReportLab"),
        "MIT-CMU AND MIT",
        ("pillow", "charset-normalizer"),
    ),
    Component(
        "DejaVu Sans",
        N_("the font of the printed forms"),
        "Bitstream-Vera",
        texts=("tyokykyapp/forms/fonts/LICENSE_DEJAVU",),
    ),
    Component(
        "Tabler Icons 3.31.0",
        N_("the icons"),
        "MIT",
        texts=("ui/resources/icons/LICENSE",),
    ),
    Component("python-calamine", N_("reading spreadsheets (.xlsx, .ods) for import"), "MIT", ("python-calamine",)),
    Component(
        "openpyxl, et-xmlfile",
        N_("writing spreadsheets (.xlsx): exports and the outcome report"),
        "MIT AND PSF-2.0",  # et-xmlfile carries code from Python's standard library
        ("openpyxl", "et-xmlfile"),
    ),
    Component("platformdirs", N_("finding the per-user data folder"), "MIT", ("platformdirs",)),
    Component(
        "PyInstaller",
        N_("the installed program's launcher"),
        "GPL-2.0-or-later WITH Bootloader-exception",
        ("pyinstaller",),
    ),
)
