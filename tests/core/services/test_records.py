from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.factories import client
from tyokykyapp.domain import Meeting, ValidationError
from tyokykyapp.process import checklist
from tyokykyapp.services import (
    add_client,
    delete_client,
    delete_record,
    purge_client,
    restore_client,
    restore_record,
    save_record,
    tick_checklist_item,
    untick_checklist_item,
)
from tyokykyapp.vault import Vault

D = date(2026, 3, 1)


def test_save_delete_restore_record_report_their_changes(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=D)
    m = Meeting(client_id=c.id, on=D)
    assert save_record(vault, m).kinds == {"meeting"}
    assert delete_record(vault, m).client_ids == {c.id}
    assert vault.repo.client_file(c.id).meetings == []
    restore_record(vault, m)
    assert len(vault.repo.client_file(c.id).meetings) == 1
    with pytest.raises(TypeError):
        save_record(vault, c)


def test_ticking_records_the_date_and_unticking_removes_it(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=D)
    tick_checklist_item(vault, c.id, "privacy_notice_given", D)
    item = next(i for i in checklist(vault.repo.client_file(c.id), c.phase, D) if i.key == "privacy_notice_given")
    assert item.done and item.done_on == D
    untick_checklist_item(vault, c.id, "privacy_notice_given")
    item = next(i for i in checklist(vault.repo.client_file(c.id), c.phase, D) if i.key == "privacy_notice_given")
    assert not item.done
    with pytest.raises(ValidationError, match="Unknown checklist item"):
        tick_checklist_item(vault, c.id, "no_such_item", D)


def test_client_bin(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=D)
    delete_client(vault, c.id)
    assert vault.repo.is_deleted(c.id)
    restore_client(vault, c.id)
    assert not vault.repo.is_deleted(c.id)
    delete_client(vault, c.id)
    assert purge_client(vault, c.id).caseload
    assert vault.repo.clients(deleted=True) == []
