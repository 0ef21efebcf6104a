"""Finding clients: why each matched, names whatever their accents, and the list's sort orders."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.helpers.factories import client
from tyokykyapp.domain import Meeting, Phase
from tyokykyapp.services import add_client, save_record
from tyokykyapp.vault import Vault
from tyokykyapp.vault.search import fold, matches, snippet


def test_folding_drops_accents_and_case() -> None:
    assert fold("Mäkelä") == "makela" and fold("Čoavji") == "coavji" and fold("ÁNNÁ") == "anna"
    assert matches("makela", "Elina Mäkelä", folded=True) and not matches("makela", "Elina Mäkelä")
    assert matches("el mäk", "Elina Mäkelä") and not matches("lina", "Elina Mäkelä")  # words begin the match


def test_a_snippet_shows_the_words_around_the_match() -> None:
    text = "Alkuun puhuttiin arjesta. " * 3 + "Asiakas kiinnostui puutarhatöistä kovasti, ja hän haluaa kokeilla niitä."
    shown = snippet("puutarha", text)
    assert "puutarhatöistä" in shown and shown.startswith("…") and len(shown) <= 75
    assert snippet("xyz", "lyhyt teksti") == "lyhyt teksti"


def test_nothing_exact_then_names_whatever_their_accents(vault: Vault) -> None:
    makela, anna = client(family_name="Mäkelä", given_names="Elina"), client(family_name="Ánná", given_names="Sire")
    add_client(vault, makela)
    add_client(vault, anna)
    assert vault.repo.search_clients("makela") == set()  # the index keeps accents
    assert vault.search.by_folded_name("makela") == {makela.id}
    assert vault.search.by_folded_name("anna sire") == {anna.id}
    assert vault.search.by_folded_name("  ") == set()


def test_why_a_client_matched(vault: Vault) -> None:
    by_name = client(family_name="Puutarha")
    by_notes = client(family_name="Aalto", notes="Toivoo työtä puutarhassa tai kaupassa.")
    by_meeting = client(family_name="Berg")
    for each in (by_name, by_notes, by_meeting):
        add_client(vault, each)
    save_record(vault, Meeting(client_id=by_meeting.id, on=date(2026, 3, 2), notes="Käytiin puutarhamyymälässä."))
    found = vault.repo.search_clients("puutarha")
    assert found == {by_name.id, by_notes.id, by_meeting.id}
    why = vault.search.why("puutarha", found)
    assert why[by_name.id] == ""
    assert "puutarhassa" in why[by_notes.id]
    assert why[by_meeting.id] == "Käytiin puutarhamyymälässä."


def test_the_list_sorts_by_each_column_and_leaves_ended_services_out_when_asked(vault: Vault) -> None:
    people = [
        client(family_name="Aalto", date_of_birth=date(1990, 1, 1)),
        client(family_name="Berg", date_of_birth=None),
        client(family_name="Cajander", date_of_birth=date(1970, 5, 5)),
    ]
    for person, phase, started in zip(
        people,
        (Phase.SUPPORT, Phase.INTAKE, Phase.CLOSED),
        (date(2026, 1, 5), date(2026, 3, 1), date(2025, 1, 1)),
        strict=True,
    ):
        add_client(vault, person)
        vault.repo.save(replace(person, phase=phase, started_on=started))

    def names(**options: object) -> list[str]:
        return [s.family_name for s in vault.repo.clients(**options)]  # type: ignore[arg-type]

    assert names() == ["Aalto", "Berg", "Cajander"]
    assert names(order="name", descending=True) == ["Cajander", "Berg", "Aalto"]
    assert names(order="born") == ["Cajander", "Aalto", "Berg"]  # no date of birth: last
    assert names(order="phase") == ["Berg", "Aalto", "Cajander"]  # the process order, not the alphabet
    assert names(order="started") == ["Cajander", "Aalto", "Berg"]
    assert names(closed=False) == ["Aalto", "Berg"]
    assert vault.repo.count_clients(closed=False) == 2 and vault.repo.count_clients() == 3
    assert vault.repo.clients(ids=[people[0].id])[0].date_of_birth == date(1990, 1, 1)
