"""The coach's details printed on forms are checked like a client's."""

from __future__ import annotations

import pytest

from tyokykyapp.domain import ValidationError
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.services import coach_details, set_coach_details
from tyokykyapp.vault import Vault


def test_an_e_mail_without_its_at_sign_is_refused(vault: Vault) -> None:
    with pytest.raises(ValidationError, match="@"):
        set_coach_details(vault, CoachDetails(name="Anna", email="ei-sähköpostia"))
    assert coach_details(vault).email == ""
    set_coach_details(vault, CoachDetails(name="Anna", email="anna@example.fi"))
    assert coach_details(vault).email == "anna@example.fi"
