"""Scripts the embedded font cannot print right are named before printing, instead of empty boxes."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from tests.helpers.factories import client
from tests.helpers.pdf import text_of
from tyokykyapp.domain import ClientFile, Meeting
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.forms.glyphs import unprintable
from tyokykyapp.forms.render import FormKind, render_form

COACH = CoachDetails(name="Riikka Räsänen", organisation="Helsingin kaupunki")


def summary_for(family_name: str, agreed: str = "Soitan.") -> ClientFile:
    c = client(family_name=family_name, given_names="Aino")
    file = ClientFile(client=c)
    file.meetings.append(Meeting(client_id=c.id, on=date(2026, 2, 1), agreed_next_steps=agreed))
    return file


@pytest.mark.parametrize(
    ("name", "flagged"),
    [
        ("王小明", "小明王"),
        ("محمد", "دحمم"),
        ("Rainbow 🌈", "🌈"),
    ],
)
def test_characters_the_font_cannot_print_are_named_with_a_warning(name: str, flagged: str) -> None:
    printed = render_form(FormKind.MEETING_SUMMARY, coach=COACH, file=summary_for(name), lang="en")
    assert set(printed.unprintable) == set(flagged)
    assert printed.warning.startswith("The printed form cannot show these characters correctly")
    assert all(ch in printed.warning for ch in flagged)


def test_finnish_swedish_sami_and_other_european_names_print_without_a_warning() -> None:
    names = "Äijö Åström Čuđe-Šŧžå Ǩiõll Ǥǯʹ Nguyễn Иванова Ωμέγα"
    printed = render_form(FormKind.MEETING_SUMMARY, coach=COACH, file=summary_for(names, "Rivinvaihto\nja\ttab"))
    assert printed.unprintable == "" and printed.warning == ""


def test_a_name_pasted_in_decomposed_form_prints_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Äino")
    assert len(decomposed) == 5
    text = text_of(render_form(FormKind.MEETING_SUMMARY, coach=COACH, file=summary_for(decomposed), lang="en"))
    assert "Aino Äino" in text and "\u0308" not in text


def test_the_check_looks_at_what_is_printed_only() -> None:
    file = summary_for("Virtanen")
    file.meetings[0].notes = "王"  # the coach's notes are not on the take-home summary
    assert render_form(FormKind.MEETING_SUMMARY, coach=COACH, file=file).unprintable == ""
    assert unprintable("a王") == "王"
