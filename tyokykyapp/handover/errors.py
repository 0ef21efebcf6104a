"""Why a handover file was refused; every refusal leaves the vault untouched."""

from __future__ import annotations

from tyokykyapp.domain.errors import ExplainedError
from tyokykyapp.i18n import _


class HandoverError(ExplainedError):
    def default_message(self) -> str:
        return _("The handover file could not be used.")


class NotAHandoverFile(HandoverError):
    def default_message(self) -> str:
        return _("This is not a Työkyky handover file.")


class EmptyHandoverFile(NotAHandoverFile):
    def default_message(self) -> str:
        return _("The handover file is empty.")


class HandoverDamaged(HandoverError):
    def default_message(self) -> str:
        return _("The handover file is damaged or incomplete. Ask the sender for a new copy.")


class WrongHandoverPassphrase(HandoverError):
    def default_message(self) -> str:
        # AES-GCM cannot tell a wrong passphrase from a changed byte; both fail the same check.
        return _("The handover passphrase is wrong, or the file has been changed or damaged.")


class HandoverTooNew(HandoverError):
    def default_message(self) -> str:
        return _("This handover file was made by a newer version of Työkyky. Update the app to import it.")


class HandoverInvalid(HandoverDamaged):
    """Decrypted and intact, but holding something a save would refuse (the message says what and whose)."""


class HandoverFromOlderApp(HandoverInvalid):
    def default_message(self) -> str:
        return _(
            "This handover file was made by an older version of Työkyky whose records this version no longer reads."
            " Ask the sender to update Työkyky and make the file again."
        )


class HandoverTooLarge(HandoverError):
    def default_message(self) -> str:
        return _(
            "The handover file is larger than any file Työkyky makes, so it was not opened. Ask the sender to hand"
            " the clients over in smaller parts."
        )
