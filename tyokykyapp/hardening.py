"""Process hardening done first thing at start-up (`cli.main`, which also starts the GUI).

An unlocked app holds decrypted records and the raw data key in memory; a core dump would put them on disk in
plain text (desktop Linux keeps cores through systemd-coredump or apport). So core dumps are turned off before
anything is read:

- Linux: `RLIMIT_CORE` 0 (no core file) and `prctl(PR_SET_DUMPABLE, 0)` (no core through a pipe handler such
  as systemd-coredump, which ignores the limit, and no ptrace attach or /proc/PID/mem read by other
  processes of the same user).
- macOS and other POSIX systems: `RLIMIT_CORE` 0. (macOS writes cores only when that limit allows.)
- Windows: nothing is needed by default. Windows Error Reporting keeps a full memory dump only when an
  administrator has configured "LocalDumps" for the program; such machines should exclude Työkyky.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import sys

_PR_SET_DUMPABLE = 4


def disable_core_dumps() -> None:
    """Best effort: a platform that refuses leaves the app working, as before."""
    if sys.platform == "win32":
        return
    import resource

    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
