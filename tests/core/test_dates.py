"""Dates and times as they are written in Finland, and a language for one thread only."""

from __future__ import annotations

import threading
from datetime import date, time

from tyokykyapp.domain.dates import format_date, format_time
from tyokykyapp.i18n import _, current_language, using_language


def test_no_leading_zeros() -> None:
    assert format_date(date(1966, 3, 8)) == "8.3.1966"
    assert format_date(date(2026, 12, 31)) == "31.12.2026"
    assert format_date(None) == ""
    assert format_time(time(9, 5)) == "9.05"
    assert format_time(time(0, 0)) == "0.00"
    assert format_time(None) == ""


def test_a_language_for_one_thread_leaves_the_others_alone() -> None:
    assert current_language() == "en"
    inside: list[str] = []
    entered, release = threading.Event(), threading.Event()

    def build() -> None:
        with using_language("fi"):
            entered.set()
            release.wait(10)
            inside.append(_("Client"))

    worker = threading.Thread(target=build)
    worker.start()
    entered.wait(10)
    assert current_language() == "en" and _("Client") == "Client"  # the window's language is unchanged
    release.set()
    worker.join(10)
    assert inside == ["Asiakas"]
    with using_language("sv"):
        assert _("Client") == "Klient"
    assert current_language() == "en"
