"""The privacy notice given at intake (tietosuojaseloste: information for the client, GDPR art. 13 and 14).

The controller, its data protection officer, the legal basis and the retention period come from the
organisation's details set once in Settings (or with the `coach` command). The access report repeats the
sections GDPR art. 15 asks to go with a copy of the data, from `sections` here."""

from __future__ import annotations

import dataclasses

from reportlab.platypus import Flowable

from tyokykyapp.domain import UserError
from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.blocks import Blocks
from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _, ngettext

TITLE = N_("How your information is handled")
CODE = "TK-TIETO 1/2026"
# The Office of the Data Protection Ombudsman (tietosuojavaltuutetun toimisto).
COMPLAINTS = "PL 800, 00531 Helsinki, tietosuoja@om.fi, tietosuoja.fi"


def _legal_basis(ctx: FormContext) -> str:
    return ctx.organisation.legal_basis or _(
        "Job coaching is a public service the organisation gives under the law: your information is processed "
        "to carry out that task (GDPR art. 6(1)(e) and (c)). Health information is processed only as needed "
        "to give you social and health services (art. 9(2)(h)), and it is exchanged only if you allow it."
    )


def _retention(ctx: FormContext) -> str:
    years = ctx.organisation.retention_years
    return ngettext(
        "Your information is kept for {years} year after the service ends, as the organisation's archive plan "
        "requires. Then it is erased.",
        "Your information is kept for {years} years after the service ends, as the organisation's archive plan "
        "requires. Then it is erased.",
        years,
    ).format(years=years)


def sections(ctx: FormContext) -> dict[str, tuple[str, str]]:
    """Each section of the notice: a key, its heading and its text."""
    return {
        "purposes": (
            _("Why your information is processed"),
            _("To plan and carry out your job coaching and to follow how it goes."),
        ),
        "legal_basis": (_("Legal basis"), _legal_basis(ctx)),
        "categories": (
            _("What is recorded"),
            _(
                "Your name, personal identity code and contact details; who referred you; meetings, plans, "
                "your vocational profile, job search, jobs and the support you get. Also information about your "
                "health and work ability (for example Kykyviisari results and what you tell about limitations) "
                "and about benefits and income, as far as the coaching needs it."
            ),
        ),
        "sources": (
            _("Where the information comes from"),
            _(
                "Mostly from you. With your consent also from the services and professionals you allowed, and "
                "from the service that referred you."
            ),
        ),
        "recipients": (
            _("Who may receive it"),
            _(
                "The services and professionals you allow in your consent. Authorities that have a right to the "
                "information by law. The next job coach, if your coaching moves to another coach of the "
                "organisation. The organisation's archive. Your information is not transferred outside the EU "
                "or the EEA."
            ),
        ),
        "storage": (
            _("Where it is kept and who can read it"),
            _(
                "Encrypted on your coach's computer, readable with the coach's passphrase. The organisation keeps "
                "a recovery key in a safe: with it the organisation can open the records if the coach forgets "
                "the passphrase or is not available."
            ),
        ),
        "retention": (_("How long it is kept"), _retention(ctx)),
        "rights": (
            _("Your rights"),
            _(
                "You may see your information and get a copy of it, and ask to correct it. You may ask to "
                "erase it or to restrict its use where the law allows, and object to its processing. You may "
                "withdraw a consent at any time; this does not affect what was done before. No decisions "
                "about you are made automatically."
            ),
        ),
        "voluntary": (
            _("Do you have to give your information?"),
            _(
                "No. Taking part is voluntary. Without the information the coaching needs, we cannot plan it "
                "well for you."
            ),
        ),
        "complaint": (
            _("Complaints"),
            _(
                "You have the right to lodge a complaint with the supervisory authority, the Office of the Data "
                "Protection Ombudsman: {authority}."
            ).format(authority=COMPLAINTS),
        ),
    }


def known(ctx: FormContext) -> Blocks:
    """Blocks that print what is known even on a blank form: the organisation's and coach's details are
    not about the client."""
    return dataclasses.replace(ctx.blocks, blank=False)


def controller(ctx: FormContext) -> list[Flowable]:
    """Who the controller is and how to reach it and its data protection officer; lines to write on when
    the organisation has not set them."""
    b = known(ctx)
    o = ctx.organisation
    story = b.field(_("Organisation"), ctx.coach.organisation or None)
    story += b.field(_("Address"), o.address or None)
    story += b.field(_("Phone or e-mail"), o.contact or None)
    story += b.field(_("Data protection officer"), o.data_protection_officer or None)
    return story


def build(ctx: FormContext) -> list[Flowable]:
    if not ctx.blank and not ctx.coach.organisation:
        raise UserError(
            _(
                "The privacy notice must name the organisation: set the organisation's details in Settings "
                "(or with the coach command) first."
            )
        )
    b = ctx.blocks
    story: list[Flowable] = [b.title(_(TITLE))]
    if not b.blank:
        story += b.field(_("Client"), ctx.client_name)
    story.append(b.heading(_("Controller (who is responsible for your information)")))
    story += controller(ctx)
    for heading, text in sections(ctx).values():
        story += [b.heading(heading), *b.text(text)]
    story.append(b.heading(_("Questions")))
    contact = " · ".join(p for p in (ctx.coach.name, ctx.coach.phone, ctx.coach.email) if p)
    story += known(ctx).field(_("For more information, contact"), contact or None)
    story += b.text(_("Version {code}, printed on {date}.").format(code=CODE, date=format_date(ctx.today)))
    return story
