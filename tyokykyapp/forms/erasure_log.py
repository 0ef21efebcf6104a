"""The printable erasure log (GDPR art. 5(2): the controller can show that records were erased in time): each
erasure's date, how many clients, records and earlier versions, and who erased them. It never names a client,
so it may be kept on paper or as a file without protection."""

from __future__ import annotations

from html import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.domain.dates import format_moment
from tyokykyapp.forms.pdf import PageFrame, build_pdf, listing_table, styles
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.services.retention import ErasureEntry


def erasure_log_pdf(
    entries: list[ErasureEntry], *, coach: CoachDetails, retention_years: int, large_print: bool = False
) -> bytes:
    s = styles(large_print)
    rows: list[list[object]] = [[_("Erased on"), _("Clients"), _("Records"), _("Earlier versions"), _("Erased by")]]
    for entry in entries:
        rows.append(
            [
                format_moment(entry.erased_at),
                str(entry.clients),
                str(entry.records),
                str(entry.earlier_versions),
                Paragraph(escape(entry.by or "—"), s.small),
            ]
        )
    table = listing_table(rows, [35 * mm, 22 * mm, 22 * mm, 30 * mm, 61 * mm], s.small.fontSize)
    period = ngettext(
        "Closed clients' records are kept {n} year after the service ended, then erased.",
        "Closed clients' records are kept {n} years after the service ended, then erased.",
        retention_years,
    ).format(n=retention_years)
    story: list[Flowable] = [
        Paragraph(escape(_("Erasure log")), s.title),
        Paragraph(escape(_("Organisation: {name}").format(name=coach.organisation or "—")), s.body),
        Paragraph(escape(_("Job coach: {name}").format(name=coach.name or "—")), s.body),
        Paragraph(escape(period), s.body),
        Spacer(0, 4 * mm),
        table if entries else Paragraph(escape(_("Nothing has been erased.")), s.body),
        Spacer(0, 6 * mm),
        Paragraph(
            escape(
                _(
                    "Each client was erased with every record and every earlier version of them. The log names"
                    " no one. Backups made before an erasure are removed as they age out (at most about a year)."
                )
            ),
            s.body,
        ),
        Spacer(0, 14 * mm),
        Paragraph(escape(_("Checked by (signature and date)")) + " ____________________________", s.body),
    ]
    header = " — ".join(part for part in (coach.organisation, coach.name) if part)
    return build_pdf(story, title=_("Erasure log"), frame=PageFrame(letterhead=[header]), large_print=large_print)
