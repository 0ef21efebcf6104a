"""No form ever fails to print: whatever the vault can hold prints, nothing runs off the page and nothing
is cut off.

Every field of every record is filled with a text longer than a page in the narrowest place it is printed
(so every field takes the path that splits it over pages), in normal and large print. Printing every
field at once at the vault's maximum length (MAX_TEXT_LENGTH) was measured to take about 80 s for all
forms on the development machine: the fields whose layout is not plain flowing text (table cells, the
names in the running header and the mark) are printed here at the maximum one at a time instead."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.factories import client
from tests.helpers.full_file import every_detail, every_field
from tests.helpers.pdf import Piece, pages, pieces, text_of
from tyokykyapp.domain import ClientFile, Meeting, Plan, PlanStep, VocationalProfile, WorkHistoryEntry
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.domain.text_rules import MAX_TEXT_LENGTH
from tyokykyapp.forms.pdf import LEFT, PAGE_WIDTH, WIDTH
from tyokykyapp.forms.render import NO_BLANK, FormKind, PrintedForm, render_form

FORMS = [k for k in FormKind if k is not FormKind.RECOVERY_SHEET]
END = "LOPPU"
# Words, a line break, and one "word" far wider than any column (a pasted address).
LONGER_THAN_A_PAGE = ("Työhönvalmennus Ŋuolja Åsa 12 " * 120 + "\n" + "x" * 1500 + " " + END)[-5000:]


def _fits_on_the_page(printed: PrintedForm) -> list[Piece]:
    """Every piece of text within the column (the letterhead and footer included); the pieces."""
    right = LEFT + WIDTH + 1
    drawn = pieces(printed)
    for piece in drawn:
        assert piece.x >= LEFT - 7 and piece.x + piece.width <= right, (piece.page, piece.text[:60])
    return drawn


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("kind", FORMS)
def test_every_field_longer_than_a_page_prints_on_every_form(kind: FormKind, large_print: bool) -> None:
    coach, organisation = every_detail(LONGER_THAN_A_PAGE)
    file = every_field(LONGER_THAN_A_PAGE)
    printed = render_form(kind, coach=coach, organisation=organisation, file=file, large_print=large_print)
    drawn = _fits_on_the_page(printed)
    assert any(END in piece.text for piece in drawn)
    last = drawn[-1].page
    assert any(piece.text == f"sivu {last} / {last}" for piece in drawn if piece.page == last)
    if kind not in NO_BLANK:
        blank = render_form(kind, coach=coach, organisation=organisation, large_print=large_print)
        _fits_on_the_page(blank)


def _profile_with(entry: WorkHistoryEntry) -> ClientFile:
    c = client(family_name="Korhonen", given_names="Liisa")
    file = ClientFile(client=c)
    file.vocational_profiles.append(
        VocationalProfile(client_id=c.id, updated_on=date(2026, 2, 1), work_history=[entry])
    )
    return file


def _words(count: int, word: str = "kahvila") -> str:
    return " ".join(f"{word}{n:05d}" for n in range(count))


@pytest.mark.parametrize("large_print", [False, True])
def test_a_1000_character_work_history_cell_prints_whole(large_print: bool) -> None:
    # It crashed the profile with LayoutError (about 700 characters in "Tasks", 400 in "When").
    tasks, period = "tiskaus " * 125, "kesä2015 " * 111 + "k"
    assert len(tasks) == len(period) == 1000
    file = _profile_with(WorkHistoryEntry(employer="Kahvila Kulma", period=period, tasks=tasks))
    text = text_of(render_form(FormKind.PROFILE, coach=CoachDetails(), file=file, large_print=large_print))
    assert text.count("tiskaus") == 125 and text.count("kesä2015") == 111 and "Kahvila Kulma" in text


def test_a_work_history_cell_at_the_maximum_length_prints_whole() -> None:
    words = _words(MAX_TEXT_LENGTH // 13)
    assert len(words) <= MAX_TEXT_LENGTH
    file = _profile_with(WorkHistoryEntry(employer="Kahvila", title="apulainen", tasks=words))
    text = text_of(render_form(FormKind.PROFILE, coach=CoachDetails(), file=file))
    assert text.count("kahvila") == MAX_TEXT_LENGTH // 13


def test_a_plan_step_at_the_maximum_length_prints_in_large_print() -> None:
    # "Who does it" at 1,000 characters crashed the plan in large print.
    c = client()
    file = ClientFile(client=c)
    owner = _words(MAX_TEXT_LENGTH // 12, "vastuu")
    step = PlanStep(description="Päivitetään CV", owner=owner, due_on=date(2026, 3, 1), done_on=date(2026, 2, 20))
    file.plans.append(Plan(client_id=c.id, made_on=date(2026, 1, 5), steps=[step, PlanStep(description="Haetaan")]))
    text = text_of(render_form(FormKind.PLAN, coach=CoachDetails(), file=file, large_print=True))
    assert text.count("vastuu") == MAX_TEXT_LENGTH // 12
    assert "Päivitetään CV" in text and "20.2.2026" in text and "Haetaan" in text


def test_names_at_the_maximum_length_head_every_page_in_two_lines_and_print_whole_in_the_body() -> None:
    name = _words(MAX_TEXT_LENGTH // 11, "Nimi")
    c = client(family_name=name, given_names="Aino")
    file = ClientFile(client=c)
    file.meetings.append(Meeting(client_id=c.id, on=date(2026, 2, 1), agreed_next_steps="Soitan."))
    coach = CoachDetails(name="Riikka", organisation=_words(5000, "Kaupunki"))
    coach_org = every_detail(_words(5000, "Peruste"))[1]
    printed = render_form(FormKind.MEETING_SUMMARY, coach=coach, organisation=coach_org, file=file)
    text = text_of(printed)
    assert text.count("Nimi") > MAX_TEXT_LENGTH // 11  # whole in the body, and the start of it in each header
    _fits_on_the_page(printed)
    header = [p for p in pieces(printed) if p.page == 2 and p.y > 740]  # above the rule under the header
    assert any(p.text.endswith("…") for p in header)
    assert sum(1 for p in header if "Nimi" in p.text) <= 2 and sum(1 for p in header if "Kaupunki" in p.text) <= 2


def test_a_realistic_organisation_name_wraps_instead_of_running_off_the_page() -> None:
    coach = CoachDetails(
        name="Riikka Räsänen",
        organisation="Helsingin kaupunki, Kaupunginkanslia, Elinkeino-osasto, Työllisyyspalvelut, "
        "Työhönvalmennus ja yksilöllinen tuki",
        phone="09 310 12345",
        email="riikka.rasanen@hel.fi",
    )
    for large_print in (False, True):
        printed = render_form(FormKind.CONSENT, coach=coach, large_print=large_print)
        _fits_on_the_page(printed)
        for page in pages(printed):
            assert "riikka.rasanen@hel.fi" in page and "Työhönvalmennus ja yksilöllinen tuki" in page
    assert PAGE_WIDTH > LEFT + WIDTH
