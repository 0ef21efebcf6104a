from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.factories import client
from tyokykyapp.domain import (
    Client,
    Employer,
    EmployerContact,
    Meeting,
    NotFound,
    Phase,
    ValidationError,
)
from tyokykyapp.vault import Vault
from tyokykyapp.vault.repository import fts_query

D = date(2026, 3, 1)


def test_save_sets_timestamps_and_update_keeps_the_previous_version(vault: Vault) -> None:
    c = vault.repo.save(client())
    m = vault.repo.save(Meeting(client_id=c.id, on=D, notes="ensimmäinen versio"))
    assert m.created_at is not None and m.created_at.tzinfo is not None
    created = m.created_at
    later = datetime.now(UTC) + timedelta(seconds=5)
    m.notes = "toinen versio"
    vault.repo.save(m, now=later)
    assert m.created_at == created and m.updated_at == later
    history = vault.repo.history(m.id)
    assert [(r.version, r.record.notes) for r in history] == [(1, "ensimmäinen versio"), (2, "toinen versio")]
    assert history[0].saved_at == created
    assert vault.repo.get(Meeting, m.id).notes == "toinen versio"


def test_client_history_too(vault: Vault) -> None:
    c = vault.repo.save(client(phone="040 1"))
    c.phone = "040 2"
    vault.repo.save(c)
    assert [r.record.phone for r in vault.repo.history(c.id)] == ["040 1", "040 2"]  # type: ignore[attr-defined]


def test_invalid_record_is_not_saved_and_nothing_changes(vault: Vault) -> None:
    c = vault.repo.save(client())
    c.family_name = ""
    with pytest.raises(ValidationError):
        vault.repo.save(c)
    assert vault.repo.get(Client, c.id).family_name == "Virtanen"
    assert len(vault.repo.history(c.id)) == 1


def test_record_for_an_unknown_client_is_refused(vault: Vault) -> None:
    with pytest.raises(NotFound):
        vault.repo.save(Meeting(client_id="no-such-client", on=D))


def test_get_unknown_and_wrong_kind(vault: Vault) -> None:
    c = vault.repo.save(client())
    with pytest.raises(NotFound):
        vault.repo.get(Meeting, c.id)
    with pytest.raises(NotFound):
        vault.repo.get(Client, "nope")


def test_client_file_holds_every_kind_in_date_order(vault: Vault) -> None:
    c = vault.repo.save(client())
    for day in (date(2026, 3, 5), date(2026, 3, 1), date(2026, 3, 3)):
        vault.repo.save(Meeting(client_id=c.id, on=day))
    employer = vault.repo.save(Employer(name="Kahvila Kulma Oy"))
    vault.repo.save(EmployerContact(employer_id=employer.id, on=D, client_id=c.id))
    vault.repo.save(EmployerContact(employer_id=employer.id, on=D))  # no client
    file = vault.repo.client_file(c.id)
    assert [m.on.day for m in file.meetings] == [1, 3, 5]
    assert len(file.employer_contacts) == 1
    assert [e.name for e in vault.repo.employers()] == ["Kahvila Kulma Oy"]  # type: ignore[attr-defined]


def test_soft_delete_restore_and_purge(vault: Vault) -> None:
    keep = vault.repo.save(client(family_name="Aalto"))
    gone = vault.repo.save(client(family_name="Laine"))
    m = vault.repo.save(Meeting(client_id=gone.id, on=D, notes="poistettavan muistiinpano"))
    m.notes = "muutettu"
    vault.repo.save(m)
    with pytest.raises(NotFound, match="Delete the client first"):
        vault.repo.purge_client(gone.id)
    vault.repo.delete_client(gone.id)
    assert [s.family_name for s in vault.repo.clients()] == ["Aalto"]
    assert [s.family_name for s in vault.repo.clients(deleted=True)] == ["Laine"]
    assert vault.repo.search_clients("muutettu") == set()
    vault.repo.restore_client(gone.id)
    assert len(vault.repo.clients()) == 2
    assert vault.repo.search_clients("muutettu") == {gone.id}
    assert vault.repo.search_clients("poistettavan") == set()  # the earlier version is not searched
    vault.repo.delete_client(gone.id)
    vault.repo.purge_client(gone.id)
    assert vault.repo.clients(deleted=True) == []
    # Nothing the purged client's records said stays in the search index.
    assert vault.connection.execute("SELECT count(*) FROM record_text").fetchone()[0] == 0
    with pytest.raises(NotFound):
        vault.repo.history(m.id)
    rows = vault.connection.execute("SELECT count(*) FROM revisions WHERE record_id IN (?, ?)", (m.id, gone.id))
    assert rows.fetchone()[0] == 0
    assert vault.repo.get(Client, keep.id)
    assert vault.check() == []


def test_deleted_record_leaves_the_file_and_comes_back(vault: Vault) -> None:
    c = vault.repo.save(client())
    m = vault.repo.save(Meeting(client_id=c.id, on=D))
    vault.repo.delete_record(m.id)
    assert vault.repo.client_file(c.id).meetings == []
    vault.repo.restore_record(m.id)
    assert len(vault.repo.client_file(c.id).meetings) == 1


def test_clients_are_listed_in_finnish_order_and_filtered_and_paged(vault: Vault) -> None:
    for name in ("Öhman", "Aalto", "Åkerlund", "Ärölä", "Zetterberg", "Éclair"):
        vault.repo.save(client(family_name=name))
    assert [s.family_name for s in vault.repo.clients()] == [
        "Aalto",
        "Éclair",
        "Zetterberg",
        "Åkerlund",
        "Ärölä",
        "Öhman",
    ]
    assert [s.family_name for s in vault.repo.clients(limit=2, offset=2)] == ["Zetterberg", "Åkerlund"]
    assert vault.repo.clients(phase=Phase.MAPPING) == []
    assert vault.repo.caseload_counts() == {(Phase.INTAKE, None): 6}


def test_search_matches_prefixes_of_every_word_typed(vault: Vault) -> None:
    a = vault.repo.save(client(family_name="Hämäläinen", given_names="Väinö"))
    b = vault.repo.save(client(family_name="Koskinen"))
    vault.repo.save(Meeting(client_id=b.id, on=D, notes="Harjoiteltiin työhaastattelua kahvilassa"))
    assert vault.repo.search_clients("häm") == {a.id}
    assert vault.repo.search_clients("HÄMÄLÄINEN väinö") == {a.id}
    assert vault.repo.search_clients("työhaast kahvila") == {b.id}
    assert vault.repo.search_clients("haastattelu") == set()  # words are matched from their start
    assert vault.repo.search_clients('"; DROP TABLE clients; --') == set()
    assert vault.repo.search_clients("   ") == set()
    assert vault.repo.search_clients("OR AND NOT") == set()
    assert vault.repo.search_clients("häm\x00väinö") == {a.id}  # a NUL ended the query inside SQLite
    assert vault.repo.search_clients("\x00") == set()


def test_search_finds_every_matching_client_and_follows_records(vault: Vault) -> None:
    clients = [vault.repo.save(client(family_name=f"Asiakas{n:03d}")) for n in range(260)]
    meetings = [vault.repo.save(Meeting(client_id=c.id, on=D, notes="trukkikortti kurssi")) for c in clients]
    for c in clients[:3]:  # many matching records per client
        for _ in range(5):
            vault.repo.save(Meeting(client_id=c.id, on=D, notes="trukkikortti uusinta"))
    # Far more matching records than one screen: every client is found, once.
    assert vault.repo.search_clients("trukki") == {c.id for c in clients}
    vault.repo.delete_record(meetings[0].id)
    assert vault.repo.search_clients("kurssi") == {c.id for c in clients[1:]}
    vault.repo.restore_record(meetings[0].id)
    assert clients[0].id in vault.repo.search_clients("kurssi")
    meetings[1].notes = "vaihdettu teksti"
    vault.repo.save(meetings[1])
    assert clients[1].id not in vault.repo.search_clients("kurssi")
    assert vault.repo.search_clients("vaihdettu") == {clients[1].id}


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('ab "c') == '"ab"* """c"*'
    assert fts_query("- * ") is None


def test_search_text_with_a_nul_or_other_control_characters_is_searched_not_failed(vault: Vault) -> None:
    a = vault.repo.save(client(family_name="Hämäläinen", given_names="Väinö"))
    assert vault.repo.search_clients("häm\x00") == {a.id}
    assert vault.repo.search_clients("\x00häm\x1b") == {a.id}
    assert vault.repo.search_clients("\x00") == set()


def test_settings_round_trip(vault: Vault) -> None:
    assert vault.repo.setting("missing", "oletus") == "oletus"
    vault.repo.set_setting("coach", {"name": "Riikka Räsänen"})
    vault.repo.set_setting("coach", {"name": "Riikka Räsänen-Ojala"})
    assert vault.repo.setting("coach") == {"name": "Riikka Räsänen-Ojala"}


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(family=text.filter(str.strip), notes=text)
def test_any_text_is_stored_and_read_back_exactly(vault: Vault, family: str, notes: str) -> None:
    c = vault.repo.save(client(family_name=family, notes=notes))
    m = vault.repo.save(Meeting(client_id=c.id, on=D, notes=notes, agreed_next_steps=family))
    assert vault.repo.get(Client, c.id).notes == notes
    assert vault.repo.get(Client, c.id).family_name == family
    assert vault.repo.get(Meeting, m.id).notes == notes
    vault.repo.search_clients(family)  # any typed text is a safe query


def test_long_notes_emoji_and_right_to_left_text(vault: Vault) -> None:
    c = vault.repo.save(client(family_name="אברהם", given_names="😀 Zoë"))
    long = ("Pitkä muistiinpano, jossa on paljon sanoja. " * 1200)[:50_000]
    m = vault.repo.save(Meeting(client_id=c.id, on=D, notes=long + " loppusana"))
    assert len(vault.repo.get(Meeting, m.id).notes) == 50_000 + len(" loppusana")
    assert vault.repo.search_clients("loppusana") == {c.id}
    assert vault.repo.search_clients("אברהם") == {c.id}


def test_records_removed_by_the_cascade_from_their_client_leave_the_search_index(vault: Vault) -> None:
    c = vault.repo.save(client())
    vault.repo.save(Meeting(client_id=c.id, on=D, notes="arkaluonteinen asia"))
    # Purging deletes records first; a delete that relies on the foreign key's cascade must clean up too.
    vault.connection.execute("DELETE FROM clients WHERE id = ?", (c.id,))
    assert vault.connection.execute("SELECT count(*) FROM records").fetchone()[0] == 0
    assert vault.connection.execute("SELECT count(*) FROM record_text").fetchone()[0] == 0
