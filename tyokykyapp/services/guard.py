"""A client handed over to another coach is read-only in the sender's vault."""

from __future__ import annotations

from tyokykyapp.domain import Client, UserError
from tyokykyapp.domain.dates import format_date
from tyokykyapp.i18n import _
from tyokykyapp.vault import Vault


class HandedOver(UserError):
    pass


def ensure_editable(vault: Vault, client_id: str | None) -> None:
    if client_id is None:
        return
    client = vault.repo.get(Client, client_id)
    if client.handed_over_on is not None:
        raise HandedOver(
            _("{name} was handed over to {to} on {date}: these records are read-only here.").format(
                name=client.name, to=client.handed_over_to or "—", date=format_date(client.handed_over_on)
            )
        )
