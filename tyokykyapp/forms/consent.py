"""Consent to exchange information (suostumus tietojen vaihtamiseen): party by party, health information
separately, the employer-disclosure choice, validity, and the right to withdraw."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.domain import ConsentMethod, DisclosureChoice
from tyokykyapp.forms.blocks import day
from tyokykyapp.forms.common import client_lines
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("Consent to exchange information")
# Printed on a blank form: the usual parties, for the client to tick or strike out.
USUAL_PARTIES = (
    N_("Kela"),
    N_("Employment services"),
    N_("Work-ability coordinator"),
    N_("Social worker"),
    N_("Health station"),
    N_("Employer"),
)


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    consent = ctx.file.latest_written_consent() if ctx.file else None
    story: list[Flowable] = [b.title(_(TITLE)), *client_lines(ctx)]
    story.append(b.heading(_("Why")))
    story.append(
        b.text(
            consent.purpose
            if consent and consent.purpose
            else _("So that your job coach can plan and give you job coaching, and work with the services around you.")
        )
    )
    story.append(b.heading(_("Who may we talk with?")))
    story.append(b.text(_("Tick each one you allow. Information goes both ways: the coach may tell and ask.")))
    if consent and consent.parties:
        for party in consent.parties:
            what = f" — {party.what_may_be_exchanged}" if party.what_may_be_exchanged else ""
            role = f" ({party.role})" if party.role and party.role != party.name else ""
            story.append(b.tick(f"{party.name}{role}{what}", party.allowed))
    else:
        story += [b.tick(_(name), None) for name in USUAL_PARTIES]
        story.append(b.tick(_("Someone else:") + " " + "_" * 30, None))
    story.append(b.heading(_("Health information")))
    story.append(
        b.tick(_("Yes, health information may also be exchanged."), consent.health_information if consent else None)
    )
    story.append(b.text(_("If you do not tick this, health information is not shared.")))
    story.append(b.heading(_("May the coach tell an employer about you?")))
    choice = consent.employer_disclosure if consent else None
    for option in DisclosureChoice:
        story.append(b.tick(option.label, choice is option if choice else None))
    story.append(b.heading(_("How long")))
    if consent and not b.blank:
        until = day(consent.valid_until) if consent.valid_until else _("until the service ends")
        story.append(b.field(_("Valid"), f"{day(consent.given_on)} – {until}"))
        story.append(b.field(_("How given"), consent.method.label))
    else:
        story.append(b.field(_("Valid from"), None))
        story.append(b.tick(_("Until the service ends"), None))
        story.append(b.field(_("Or until"), None))
    story.append(
        b.text(
            _("A signed consent covers our work together. A consent given only by word of mouth covers one contact.")
            if not consent or consent.method is ConsentMethod.SIGNED_PAPER
            else _("This consent was given by word of mouth and covers one contact only.")
        )
    )
    story.append(b.heading(_("You can change your mind")))
    story.append(
        b.text(
            _(
                "You can withdraw or limit this consent at any time. Tell your coach, by phone, by "
                "e-mail or face to face. Withdrawing does not affect your service."
            )
        )
    )
    story.append(b.signatures([_("Client's signature and name in capitals"), _("Job coach's signature")]))
    return story
