"""The printable handover receipt: what was handed over, when, from whom to whom. Never the passphrase."""

from __future__ import annotations

from html import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from tyokykyapp.domain import Phase
from tyokykyapp.forms.pdf import PageFrame, build_pdf, listing_table, styles
from tyokykyapp.handover.payload import Handover, local_time
from tyokykyapp.i18n import _


def _phase_label(value: str) -> str:
    try:
        return Phase(value).label
    except ValueError:
        return value


def handover_receipt(handover: Handover, *, receiver: str, file_name: str, large_print: bool = False) -> bytes:
    s = styles(large_print)
    coach = handover.coach
    header = " — ".join(part for part in (coach.get("organisation", ""), coach.get("name", "")) if part)
    rows = [[_("Client"), _("Phase"), _("Meetings"), _("Records")]]
    for bundle in handover.clients:
        rows.append(
            [
                Paragraph(escape(bundle.name), s.small),
                Paragraph(escape(_phase_label(str(bundle.client["data"].get("phase", "")))), s.small),
                str(bundle.count("meeting")),
                str(len(bundle.records)),
            ]
        )
    table = listing_table(rows, [70 * mm, 50 * mm, 25 * mm, 25 * mm], s.small.fontSize)
    story: list[Flowable] = [
        Paragraph(escape(_("Handover receipt")), s.title),
        Paragraph(
            escape(
                _("From: {coach}, {organisation}").format(
                    coach=coach.get("name", "") or "—", organisation=coach.get("organisation", "") or "—"
                )
            ),
            s.body,
        ),
        Paragraph(escape(_("To: {receiver}").format(receiver=receiver or "—")), s.body),
        Paragraph(escape(_("Made: {when}").format(when=local_time(handover.created_at))), s.body),
        Paragraph(escape(_("File: {name} (handover {id})").format(name=file_name, id=handover.export_id)), s.body),
        Paragraph(escape(_("{n} clients were handed over:").format(n=len(handover.clients))), s.heading),
        table,
        Spacer(0, 8 * mm),
        Paragraph(escape(_("The passphrase of the file is not on this receipt. It was given separately.")), s.body),
        Spacer(0, 14 * mm),
        Paragraph(escape(_("Handed over by (signature and date)")) + " ____________________________", s.body),
        Spacer(0, 10 * mm),
        Paragraph(escape(_("Received by (signature and date)")) + " ____________________________", s.body),
    ]
    frame = PageFrame(letterhead=[header])
    return build_pdf(story, title=_("Handover receipt"), frame=frame, large_print=large_print)
