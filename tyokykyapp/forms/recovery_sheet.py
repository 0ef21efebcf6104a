"""The recovery sheet (palautusavain), printed when the vault is made and for every new recovery key.
Only a filled version exists."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Spacer

from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.context import FormContext
from tyokykyapp.forms.pdf import BOLD, WIDTH
from tyokykyapp.i18n import N_, _

if TYPE_CHECKING:
    from tyokykyapp.forms.render import PrintedForm

TITLE = N_("Recovery key")
CODE = "TK-AVAIN 1/2026"


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks  # only a filled sheet exists
    key = ctx.extra.get("recovery_key", "")
    # As large as fits on one line: a key broken at a dash is easy to copy wrong.
    size = 24.0
    while size > 12 and pdfmetrics.stringWidth(key, BOLD, size) > WIDTH:
        size -= 1
    big = ParagraphStyle("key", parent=ctx.styles.body, fontName=BOLD, fontSize=size, leading=size * 1.5)
    # Unknown details get a line to write them on: a safe holds many sheets, each must say whose it is.
    story: list[Flowable] = [
        b.title(_(TITLE)),
        *b.field(_("Organisation"), ctx.coach.organisation or None),
        *b.field(_("Job coach"), ctx.coach.name or None),
        *b.field(_("Computer"), None),
        *b.field(_("Vault"), ctx.extra.get("vault_id", "")),
        *b.field(_("Made on"), ctx.extra.get("created", "")),
        Spacer(0, 12),
        Paragraph(b.markup(key), big),
        Spacer(0, 12),
        b.heading(_("What it is for")),
        *b.text(
            _(
                "This key opens the coach's client records if the passphrase is forgotten or the coach is not "
                "available. Then a new passphrase is set."
            )
        ),
        b.heading(_("Where to keep it")),
        *b.text(_("In the organisation's safe. Never with the laptop.")),
        b.heading(_("Anyone holding this sheet can open the records")),
        *b.text(
            _(
                "Keep it locked away. If it is lost, make a new recovery key in the app at once: the old one then "
                "stops working."
            )
        ),
        *b.text(_("The key has no 0, O, 1, l or I, so no letter can be mistaken for a number.")),
    ]
    return story


def recovery_sheet_pdf(
    vault_id: str, created_at: datetime, recovery_key: str, coach: CoachDetails, lang: str = "fi"
) -> PrintedForm:
    """The sheet for a vault's (new) recovery key, in memory."""
    from tyokykyapp.forms.render import FormKind, render_form

    extra = {"recovery_key": recovery_key, "vault_id": vault_id, "created": format_date(created_at.astimezone().date())}
    return render_form(FormKind.RECOVERY_SHEET, coach=coach, lang=lang, extra=extra)
