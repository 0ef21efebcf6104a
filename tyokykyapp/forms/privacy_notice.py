"""The privacy notice given at intake (tietosuojaseloste: information for the client)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from tyokykyapp.forms.context import FormContext
from tyokykyapp.i18n import N_, _

TITLE = N_("How your information is handled")


def build(ctx: FormContext) -> list[Flowable]:
    b = ctx.blocks
    organisation = ctx.coach.organisation or _("the organisation that provides your job coaching")
    story: list[Flowable] = [b.title(_(TITLE))]
    if not b.blank:
        story.append(b.field(_("For"), ctx.client_name))
    sections = [
        (
            _("Who keeps your information"),
            _("{organisation} keeps your information. Your job coach uses it.").format(organisation=organisation),
        ),
        (_("Why"), _("To plan and give you job coaching and to follow how it goes.")),
        (_("What is recorded"), _("Your contact details, meetings, plans, job search, jobs and the support you get.")),
        (_("Where it is kept"), _("Encrypted on your coach's computer. Nobody can read it without the coach's key.")),
        (_("Who it is shared with"), _("Only the people and services you allow in your consent.")),
        (_("How long"), _("As long as the law requires after the service ends. Then it is erased.")),
        (
            _("Your rights"),
            _(
                "You may see your information and ask to correct it. You may ask to erase it where "
                "the law allows. You may complain to the Data Protection Ombudsman (tietosuoja.fi)."
            ),
        ),
    ]
    for heading, text in sections:
        story += [b.heading(heading), b.text(text)]
    story.append(
        b.field(
            _("Ask more from"), " · ".join(p for p in (ctx.coach.name, ctx.coach.phone, ctx.coach.email) if p) or None
        )
    )
    return story
