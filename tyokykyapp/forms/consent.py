"""Consent to exchange information (suostumus tietojen vaihtamiseen): party by party (the service and the
professional, and what may be exchanged), health information separately, the employer-disclosure choice,
validity, and the right to withdraw. A withdrawn consent prints as withdrawn, without signature lines."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain import Consent, DisclosureChoice
from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.blocks import BOX_EMPTY, BOX_TICKED
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Consent to exchange information")
CODE = "TK-SUOST 1/2026"
# Printed on a blank form: the usual parties, for the client to tick and name the professional. Employers
# are not among them: the question about employers below decides that.
USUAL_PARTIES = (
    N_("Kela"),
    N_("Employment services"),
    N_("Work-ability coordinator"),
    N_("Social services"),
    N_("Mental health services"),
    N_("Health station"),
    N_("Occupational health care"),
    N_("Debt counselling"),
    N_("Housing support"),
    N_("School or college"),
    N_("Family member or other close person"),
)
OTHER_ROWS = 2
DATE_TO_WRITE = "____.____.20____"


def withdrawn_notice(consent: Consent) -> str:
    return _("WITHDRAWN on {date}. This consent no longer allows any exchange of information.").format(
        date=format_date(consent.withdrawn_on)
    )


def parties_table(ctx: FormContext, consent: Consent | None) -> list[Flowable]:
    b = ctx.blocks
    if consent and consent.parties:
        rows = []
        for party in consent.parties:
            role = f" ({party.role})" if party.role and party.role != party.name else ""
            allowed = f"{BOX_TICKED} {_('yes')}" if party.allowed else f"{BOX_EMPTY} {_('no, refused')}"
            rows.append([allowed, f"{party.name}{role}", party.what_may_be_exchanged])
        header = [_("Allowed"), _("Service or professional"), _("What may be exchanged")]
        return b.table(header, rows, [0.2, 0.4, 0.4])
    rows = [[BOX_EMPTY, _(name), "", ""] for name in USUAL_PARTIES]
    rows += [[BOX_EMPTY, _("Other, who:"), "", ""] for _row in range(OTHER_ROWS)]
    header = ["", _("Service"), _("Professional (name)"), _("What may be exchanged")]
    return b.table(header, rows, [0.06, 0.42, 0.24, 0.28], blank_rows=0)


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    consent = ctx.file.latest_written_consent() if ctx.file else None
    withdrawn = consent is not None and consent.withdrawn_on is not None
    story: list[Flowable] = [b.title(_(TITLE))]
    if consent and withdrawn:
        story.append(b.notice(withdrawn_notice(consent)))
    story += client_lines(ctx, identity_code=True)
    story.append(b.heading(_("Why")))
    story += b.text(
        consent.purpose
        if consent and consent.purpose
        else _(
            "So that your job coach can plan and give you job coaching, and work with the services that support you."
        )
    )
    story.append(b.heading(_("Who may the coach exchange information with?")))
    story += b.text(
        _(
            "Tick the services and professionals the coach may exchange information with. Information goes "
            "both ways: the coach may tell and ask."
        )
    )
    story += parties_table(ctx, consent)
    health = b.tick(
        _("Yes, health information may also be exchanged with those I allowed above."),
        consent.health_information if consent else None,
    )
    unticked = b.text(_("If you do not tick this, health information is not shared."))
    story.append(b.together([health, *unticked]))
    choice = consent.employer_disclosure if consent else None
    employer = b.ticks([(option.label, choice is option if choice else None) for option in DisclosureChoice])
    story.append(b.together([b.heading(_("May the coach tell an employer about you?")), *employer]))
    how_long = [b.heading(_("How long it is in force, and withdrawing it"))]
    if consent and not b.blank:
        ended = consent.withdrawn_on or consent.valid_until  # a withdrawn consent ended on that day
        until = format_date(ended) if ended else _("until the service ends")
        how_long += b.field(_("In force"), f"{format_date(consent.given_on)} – {until}")
        if consent.withdrawn_on:
            how_long += b.field(_("Withdrawn on"), format_date(consent.withdrawn_on))
        how_long += b.field(_("How given"), consent.method.label)
    else:
        how_long += b.field(_("In force from"), None)
        how_long += b.ticks(
            [(_("until the service ends"), None), (_("or until {date}").format(date=DATE_TO_WRITE), None)]
        )
    story.append(b.together(how_long))
    if consent and withdrawn:
        story.append(b.notice(withdrawn_notice(consent)))
        return story
    closing = [
        *b.text(
            _(
                "This consent is in force for as long as we work together, or until the date above. You can "
                "withdraw or limit it at any time: tell your coach by phone, by e-mail or face to face. "
                "Withdrawing does not affect the service you get, nor information already exchanged."
            )
        ),
        b.tick(_("I have received a copy of this consent."), None),
    ]
    story += b.signed(closing, [_("Client's signature and name in capitals"), _("Job coach's signature")])
    return story
