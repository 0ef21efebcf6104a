"""GUI tests lock and close the window often: the day's backup that locking makes (ui/backup_ops.py) runs only
in the tests marked `daily_backup`, so the others see locking as it was, at once."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "daily_backup: locking and closing make the day's backup, as in the app")


@pytest.fixture(autouse=True)
def no_daily_backup(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("daily_backup") is None:
        monkeypatch.setattr("ui.backup_ops.start_daily_backup", lambda window: False)
