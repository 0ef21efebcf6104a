"""The freeze metric: how long the window stopped answering during a GUI operation.

A timer asks to run every 10 ms on the GUI thread; each time it runs late, the event loop was busy (the window
could not repaint, take a key, or let the auto-lock fire) for that long. The longest such gap during an
operation is its freeze. Any bench row can wrap the GUI operation it measures:

    elapsed_ms, freeze_ms = measure_gui(start, done)

`start()` begins the operation on the GUI thread exactly as the app does (a button's slot, a dialog's method);
the event loop then runs, as in the app, until `done()` says the result is on screen. Work the app hands to a
worker thread therefore costs no freeze; work done on the GUI thread freezes the window for its whole length.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

TICK_MS = 10
FREEZE_TARGET_MS = 100  # no gap over this in any measured GUI operation


class FreezeMeter:
    """The longest gap in the GUI event loop while it is running (a `TICK_MS` timer's lateness)."""

    def __init__(self) -> None:
        self.worst_ms = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self._last) * 1000 - TICK_MS)
        self._last = now

    def __enter__(self) -> FreezeMeter:
        self._timer.start()
        self._last = time.perf_counter()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._tick()  # the gap since the last tick counts too (an operation that ends frozen)
        self._timer.stop()


def run_until(done: Callable[[], bool], timeout_s: float = 600) -> None:
    """Run the event loop, as the app's does, until `done()`; then once more, so what is on screen is drawn."""
    app = QApplication.instance()
    assert app is not None
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s

    def check() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    poll = QTimer()
    poll.setInterval(1)
    poll.timeout.connect(check)
    poll.start()
    if not done():
        loop.exec()
    poll.stop()
    if not done():
        raise TimeoutError("the GUI operation did not finish")
    app.processEvents()


def measure_gui(start: Callable[[], object], done: Callable[[], bool] = lambda: True) -> tuple[float, float]:
    """(milliseconds from `start()` until `done()` and drawn, the longest freeze meanwhile in milliseconds)."""
    app = QApplication.instance()
    assert app is not None
    app.processEvents()  # nothing left over from before is counted
    with FreezeMeter() as meter:
        started = time.perf_counter()
        start()
        run_until(done)
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, meter.worst_ms
