"""Building the desktop app as a self-contained program (PyInstaller) and its Linux packages: see README.md
beside this file."""
