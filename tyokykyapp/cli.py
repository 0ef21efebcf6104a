"""The command line (DESIGN §5). Exit status: 0 success, 1 a user-facing error (one plain line on stderr),
2 a usage error."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tyokykyapp import __version__
from tyokykyapp.domain import FILE_LISTS, EmployerContact, Phase, UserError
from tyokykyapp.domain.codec import to_json
from tyokykyapp.domain.dates import DateNotUnderstood, DateRange, parse_date
from tyokykyapp.domain.dates import today as today_
from tyokykyapp.hardening import disable_core_dumps
from tyokykyapp.i18n import _, current_language, ngettext
from tyokykyapp.secrets_input import prompt_secret, read_secret_file
from tyokykyapp.vault import ClientSummary, Vault, default_vault_folder

if TYPE_CHECKING:
    from tyokykyapp.backups.make import BackupMade
    from tyokykyapp.backups.restore import Secret

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2
# Runs the desktop app when no command is given: (vault folder or None, --check-start) -> exit status. The GUI
# package passes it in (ui/main.py), so the core never names the GUI.
GuiStarter = Callable[[Path | None, bool], int]
PRINTABLE_KINDS = (
    "consent",
    "agreement",
    "profile",
    "plan",
    "support_plan",
    "meeting_summary",
    "closure",
    "privacy_notice",
    "access_report",
)


@dataclass
class Context:
    args: argparse.Namespace
    folder: Path

    def secret(self, prompt: str | None = None) -> Secret | None:
        """The secret given with --recovery-key-file or --passphrase-file, else asked for with `prompt` (None
        without a prompt)."""
        from tyokykyapp.backups.restore import Secret

        if self.args.recovery_key_file:
            return Secret(recovery_key=read_secret_file(self.args.recovery_key_file))
        if self.args.passphrase_file:
            return Secret(passphrase=read_secret_file(self.args.passphrase_file))
        return Secret(passphrase=prompt_secret(prompt)) if prompt else None

    def open_vault(self) -> Vault:
        secret = self.secret(_("Passphrase: "))
        assert secret is not None
        return Vault.unlock(self.folder, passphrase=secret.passphrase, recovery_key=secret.recovery_key)


# Control characters a terminal would act on (escape sequences can retitle the window, clear the screen or
# fake a prompt), and the invisible controls that reorder text, shown as \\uXXXX instead: names come from
# files made by others. The same escape is valid inside a JSON string, so --json output stays JSON.
_CONTROLS = (*range(0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F))
_ESCAPED = {code: f"\\u{code:04x}" for code in (*_CONTROLS, *range(0x2066, 0x206A)) if code != 0x0A}


class _SafeText:
    """A text stream that never passes a control character through raw, except the line break."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(text.translate(_ESCAPED))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _safe_output() -> Iterator[None]:
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _SafeText(sys.stdout), _SafeText(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = streams


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _parse_date(text: str) -> date:
    try:
        return parse_date(text, DateRange.PLAN)
    except DateNotUnderstood:
        raise UserError(_("Not a date: {text} (use e.g. 31.12.2026 or 2026-12-31).").format(text=text)) from None


# --- commands --------------------------------------------------------------------------------------


def _write_pdf(path: Path, pdf: bytes) -> None:
    from tyokykyapp.vault.files import write_atomically

    write_atomically(path, pdf)
    print(_("Warning: {path} is an ordinary PDF file, not encrypted.").format(path=path), file=sys.stderr)


# The coach's and the organisation's details, each an option of `coach` and `init`: (which, field).
DETAIL_OPTIONS: dict[str, tuple[str, str]] = {
    "--name": ("coach", "name"),
    "--organisation": ("coach", "organisation"),
    "--phone": ("coach", "phone"),
    "--email": ("coach", "email"),
    "--address": ("coach", "address"),
    "--organisation-address": ("organisation", "address"),
    "--organisation-contact": ("organisation", "contact"),
    "--data-protection-officer": ("organisation", "data_protection_officer"),
    "--legal-basis": ("organisation", "legal_basis"),
    "--secrecy-basis": ("organisation", "secrecy_basis"),
    "--retention-years": ("organisation", "retention_years"),
}


def _detail_dest(option: str) -> str:
    return "detail_" + option.removeprefix("--").replace("-", "_")


def _set_details(ctx: Context, vault: Vault) -> bool:
    """Store the details given as options; False when none was given."""
    from dataclasses import replace

    from tyokykyapp.domain.fields import check_fields
    from tyokykyapp.services import (
        coach_details,
        organisation_details,
        set_coach_details,
        set_organisation_details,
    )

    given = {
        option: value
        for option in DETAIL_OPTIONS
        if (value := getattr(ctx.args, _detail_dest(option), None)) is not None
    }
    if not given:
        return False
    coach = replace(
        coach_details(vault), **{DETAIL_OPTIONS[o][1]: v for o, v in given.items() if DETAIL_OPTIONS[o][0] == "coach"}
    )
    organisation = replace(
        organisation_details(vault),
        **{DETAIL_OPTIONS[o][1]: v for o, v in given.items() if DETAIL_OPTIONS[o][0] == "organisation"},
    )
    check_fields(coach)  # both before anything is written
    check_fields(organisation)
    set_coach_details(vault, coach)
    set_organisation_details(vault, organisation)
    return True


def cmd_init(ctx: Context) -> int:
    if ctx.args.passphrase_file:
        passphrase = read_secret_file(ctx.args.passphrase_file)
    else:
        passphrase = prompt_secret(_("New passphrase: "), confirm=True)
    # Built beside the folder; it becomes the vault only once its recovery key has been shown or written.
    new = Vault.prepare(ctx.folder, passphrase)
    try:
        _set_details(ctx, new.vault)
        if ctx.args.recovery_sheet:
            from tyokykyapp.forms.recovery_sheet import recovery_sheet_pdf
            from tyokykyapp.services import coach_details

            _write_pdf(
                Path(ctx.args.recovery_sheet),
                recovery_sheet_pdf(
                    new.vault.id,
                    new.vault.created_at,
                    new.recovery_key,
                    coach_details(new.vault),
                    ctx.args.lang or current_language(),
                ).pdf,
            )
        else:
            print(_("Recovery key (shown only now; print it or write it down for the organisation's safe):"))
            print()
            print(f"    {new.recovery_key}")
            print()
            print(_("Anyone holding the recovery key can open the records. Never keep it with the laptop."))
            sys.stdout.flush()
    except BaseException:
        new.discard()
        raise
    new.install().close()
    if ctx.args.recovery_sheet:
        print(
            _("The recovery sheet is in {path}. Print it for the safe, then delete the file.").format(
                path=ctx.args.recovery_sheet
            )
        )
    print(_("Created a new vault in {folder}.").format(folder=ctx.folder))
    return EXIT_OK


def cmd_coach(ctx: Context) -> int:
    from tyokykyapp.domain.fields import declared_fields
    from tyokykyapp.services import coach_details, organisation_details

    with ctx.open_vault() as vault:
        changed = _set_details(ctx, vault)
        coach, organisation = coach_details(vault), organisation_details(vault)
    if ctx.args.json:
        _print_json({"coach": to_json(coach), "organisation": to_json(organisation)})
        return EXIT_OK
    for value in (coach, organisation):
        for d in declared_fields(type(value)):
            print(f"{d.label}: {getattr(value, d.name) or '—'}")
    if changed:
        print(_("The details were saved."))
    return EXIT_OK


def cmd_demo(ctx: Context) -> int:
    from tyokykyapp.demo import DEMO_CLIENTS, fill_demo
    from tyokykyapp.services import coach_details

    clients = DEMO_CLIENTS if ctx.args.clients is None else ctx.args.clients
    if clients < 1 or clients > 100_000:
        raise UserError(_("--clients must be between 1 and 100000."))
    with ctx.open_vault() as vault:
        written = fill_demo(vault, clients=clients, seed=ctx.args.seed, coach=coach_details(vault).name)
    print(_("Added {clients} synthetic clients ({records} records).").format(clients=clients, records=written))
    return EXIT_OK


def _client_row(summary: ClientSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "name": summary.name,
        "family_name": summary.family_name,
        "given_names": summary.given_names,
        "phase": summary.phase.value,
        "maintenance_level": summary.maintenance_level.value if summary.maintenance_level else None,
        "started_on": summary.started_on.isoformat(),
        "phase_since": summary.phase_since.isoformat(),
    }


def cmd_clients(ctx: Context) -> int:
    phase = Phase(ctx.args.phase) if ctx.args.phase else None
    with ctx.open_vault() as vault:
        summaries = vault.repo.clients(phase=phase)
    if ctx.args.json:
        _print_json([_client_row(s) for s in summaries])
        return EXIT_OK
    for s in summaries:
        level = f" ({s.maintenance_level.label})" if s.maintenance_level else ""
        print(f"{s.id}  {s.family_name}, {s.given_names}  —  {s.phase.label}{level}, {s.phase_since.isoformat()}")
    print(_("{n} clients").format(n=len(summaries)))
    return EXIT_OK


def cmd_show(ctx: Context) -> int:
    with ctx.open_vault() as vault:
        file = vault.repo.client_file(ctx.args.client_id)
        deleted = vault.repo.is_deleted(ctx.args.client_id)
    document: dict[str, Any] = to_json(file.client)
    document["deleted"] = deleted
    for attribute in FILE_LISTS.values():
        document[attribute] = to_json(getattr(file, attribute))
    if ctx.args.json:
        _print_json(document)
        return EXIT_OK
    client = file.client
    level = f" ({client.maintenance_level.label})" if client.maintenance_level else ""
    print(f"{client.name}  [{client.id}]")
    print(
        _("Phase: {phase}{level} since {since}").format(
            phase=client.phase.label, level=level, since=client.phase_since.isoformat()
        )
    )
    for attribute in FILE_LISTS.values():
        records = getattr(file, attribute)
        if records:
            print(f"  {attribute}: {len(records)}")
    for meeting in file.meetings[-5:]:
        print(f"  {meeting.on.isoformat()}  {meeting.where}: {meeting.notes[:70]}")
    return EXIT_OK


def cmd_due(ctx: Context) -> int:
    from tyokykyapp.services import due_list

    today = _parse_date(ctx.args.on) if ctx.args.on else today_()
    with ctx.open_vault() as vault:
        items = due_list(vault, today)
        names = {s.id: s.name for s in vault.repo.clients()}
    if ctx.args.json:
        _print_json(
            [
                {"client_id": i.client_id, "kind": i.kind.value, "due_on": i.due_on.isoformat(), "overdue": i.overdue}
                for i in items
            ]
        )
        return EXIT_OK
    for item in items:
        flag = _("OVERDUE") if item.overdue else _("due")
        print(f"{item.due_on.isoformat()}  {flag:<10} {item.kind.label:<40} {names.get(item.client_id, '')}")
    print(_("{n} items").format(n=len(items)))
    return EXIT_OK


def cmd_agenda(ctx: Context) -> int:
    from tyokykyapp.domain.dates import format_day, format_time
    from tyokykyapp.services.agenda import agenda

    on = _parse_date(ctx.args.on) if ctx.args.on else today_()
    with ctx.open_vault() as vault:
        items = agenda(vault, on, ctx.args.days)
        names = {s.id: s.name for s in vault.repo.clients(ids={item.client_id for item in items})}
    if ctx.args.json:
        _print_json([item.to_json() for item in items])
        return EXIT_OK
    shown_day = None
    for item in items:
        if item.on != shown_day:
            shown_day = item.on
            print(format_day(item.on))
        print(f"  {format_time(item.time) or '–':>5}  {names.get(item.client_id, '')}  {item.place}".rstrip())
    print(ngettext("{n} meeting", "{n} meetings", len(items)).format(n=len(items)))
    return EXIT_OK


def _days(text: str) -> int:
    from tyokykyapp.services.agenda import MAX_DAYS

    try:
        days = int(text)
    except ValueError:
        days = 0
    if not 1 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(_("give a number of days from 1 to {n}").format(n=MAX_DAYS))
    return days


def cmd_passwd(ctx: Context) -> int:
    if ctx.args.new_passphrase_file:
        new = read_secret_file(ctx.args.new_passphrase_file)
    else:
        new = prompt_secret(_("New passphrase: "), confirm=True)
    with ctx.open_vault() as vault:
        vault.change_passphrase(new)
    print(_("The passphrase was changed."))
    return EXIT_OK


def cmd_check(ctx: Context) -> int:
    with ctx.open_vault() as vault:
        problems = vault.check()
    if problems:
        for problem in problems:
            print(problem)
        raise UserError(_("The integrity check found {n} problems.").format(n=len(problems)))
    print(_("The vault is intact."))
    return EXIT_OK


def _handover_passphrase(ctx: Context, *, confirm: bool) -> str | None:
    if ctx.args.handover_passphrase_file:
        return read_secret_file(ctx.args.handover_passphrase_file)
    if confirm:
        return None  # export generates one
    return prompt_secret(_("Handover passphrase: "))


def cmd_export(ctx: Context) -> int:
    from tyokykyapp.handover import export_clients, generate_handover_passphrase, select_clients

    chosen = _handover_passphrase(ctx, confirm=True)
    passphrase = chosen or generate_handover_passphrase()
    out = Path(ctx.args.out)
    if out.exists() and not ctx.args.force:
        raise UserError(_("{path} already exists; choose another name or add --force.").format(path=out))
    phase = Phase(ctx.args.phase) if ctx.args.phase else None
    with ctx.open_vault() as vault:
        client_ids = select_clients(vault, ctx.args.client, phase)
        if not client_ids:
            raise UserError(_("No clients to hand over."))
        result = export_clients(
            vault,
            client_ids,
            out,
            passphrase,
            mark_handed_over_to=ctx.args.mark_handed_over_to,
            recipient=ctx.args.recipient,
        )
    if ctx.args.receipt:
        from tyokykyapp.handover.receipt import handover_receipt
        from tyokykyapp.vault.files import write_atomically

        receipt = handover_receipt(result.handover, receiver=result.handover.recipient or "", file_name=out.name)
        write_atomically(Path(ctx.args.receipt), receipt)
        print(
            _("Warning: the receipt {path} is not encrypted; it names the clients.").format(path=ctx.args.receipt),
            file=sys.stderr,
        )
    print(
        _("Handed over {clients} clients ({records} records) into {path}.").format(
            clients=result.clients, records=result.records, path=out
        )
    )
    if chosen is None:
        print(
            _(
                "Handover passphrase (shown only now; tell it to the receiver by phone or in person, never with "
                "the file):"
            )
        )
        print()
        print(f"    {passphrase}")
    return EXIT_OK


def cmd_import(ctx: Context) -> int:
    from tyokykyapp.handover import ConflictPolicy, merge, read_handover, summarize
    from tyokykyapp.handover.payload import local_time

    passphrase = _handover_passphrase(ctx, confirm=False)
    assert passphrase is not None
    handover = read_handover(Path(ctx.args.file), passphrase)
    with ctx.open_vault() as vault:
        summary = summarize(vault, handover)
        result = None if ctx.args.dry_run else merge(vault, handover, ConflictPolicy(ctx.args.on_conflict))
    if ctx.args.json:
        document = summary.to_json()
        if result is not None:
            document["result"] = result.to_json()
        _print_json(document)
        return EXIT_OK
    age = (
        _("today")
        if summary.age_days == 0
        else ngettext("{n} day ago", "{n} days ago", summary.age_days).format(n=summary.age_days)
    )
    print(
        _("From {coach} ({organisation}), made {created} ({age}):").format(
            coach=summary.coach or "—",
            organisation=summary.organisation or "—",
            created=local_time(summary.created_at),
            age=age,
        )
    )
    if summary.recipient:
        print(_("Made for {recipient}.").format(recipient=summary.recipient))
    for plan in summary.clients:
        notes = [ngettext("{n} new id", "{n} new ids", plan.renamed).format(n=plan.renamed)] if plan.renamed else []
        notes += [_("newer here")] if plan.replaces_newer else []
        suffix = f"  ({', '.join(notes)})" if notes else ""
        print(f"  {plan.name}  [{plan.status.value}]  {plan.meetings} " + _("meetings") + suffix)
    for warning in summary.warnings():
        print(_("Note: {warning}").format(warning=warning))
    if result is None:
        print(_("Dry run: nothing was written."))
    else:
        print(result.describe())
    return EXIT_OK


def cmd_form(ctx: Context) -> int:
    from tyokykyapp.forms.render import FormKind, render_form
    from tyokykyapp.services import coach_details, organisation_details, service_terms
    from tyokykyapp.services.employers import employer_names

    if ctx.args.kind == FormKind.RECOVERY_SHEET.value:
        raise UserError(
            _(
                "The recovery sheet is printed when the vault is made (init --recovery-sheet) or from the "
                "app when a new recovery key is made."
            )
        )
    if ctx.args.kind not in PRINTABLE_KINDS:
        raise UserError(
            _("Unknown form: {kind}. Forms: {kinds}.").format(kind=ctx.args.kind, kinds=", ".join(PRINTABLE_KINDS))
        )
    kind = FormKind(ctx.args.kind)
    if ctx.args.blank and ctx.args.client:
        raise UserError(_("Choose either --blank or --client."))
    out = Path(ctx.args.out)
    with ctx.open_vault() as vault:
        file = vault.repo.client_file(ctx.args.client) if ctx.args.client else None
        meeting = None
        if ctx.args.meeting:
            if file is None:
                raise UserError(_("--meeting needs --client."))
            meeting = next((m for m in file.meetings if m.id == ctx.args.meeting), None)
            if meeting is None:
                raise UserError(_("No such meeting for this client: {id}").format(id=ctx.args.meeting))
        if file is None and not ctx.args.blank:
            raise UserError(_("Give --client ID for a filled form, or --blank for one to fill in by hand."))
        printed = render_form(
            kind,
            coach=coach_details(vault),
            organisation=organisation_details(vault),
            file=file,
            meeting=meeting,
            lang=ctx.args.lang,
            large_print=ctx.args.large_print,
            names=employer_names(vault),
            terms=service_terms(vault),
        )
    if printed.warning:
        print(_("Warning: {warning}").format(warning=printed.warning), file=sys.stderr)
    if file is None:
        from tyokykyapp.vault.files import write_atomically

        write_atomically(out, printed.pdf)  # a blank form holds no personal data
    else:
        _write_pdf(out, printed.pdf)
    print(_("Wrote {path}.").format(path=out))
    return EXIT_OK


def cmd_import_sheet(ctx: Context) -> int:
    from tyokykyapp.services import coach_details
    from tyokykyapp.sheets.columns import SheetKind, UnknownField, known_keys, parse_overrides
    from tyokykyapp.sheets.importing import choose_sheets, plan_import, run_import
    from tyokykyapp.sheets.reading import read_workbook

    try:
        overrides = parse_overrides(ctx.args.map or [], SheetKind)
    except UnknownField as error:
        fields = ", ".join(dict.fromkeys(k for kind in SheetKind for k in known_keys(kind)))
        raise UserError(
            _("--map {pair}: use COLUMN=field with a field of: {fields}.").format(pair=error, fields=fields)
        ) from None
    book = read_workbook(Path(ctx.args.file))
    jobs_book = read_workbook(Path(ctx.args.jobs)) if ctx.args.jobs else None
    clients, jobs = choose_sheets(book, jobs_book)
    with ctx.open_vault() as vault:
        plan = plan_import(vault, clients, jobs, overrides=overrides, imported_by=coach_details(vault).name)
        result = run_import(vault, plan, skip_invalid=ctx.args.skip_invalid, dry_run=ctx.args.dry_run)
    for sheet, header in plan.ignored:
        print(_("Column ignored: {header} ({sheet})").format(header=header, sheet=sheet), file=sys.stderr)
    for notice in plan.notices:
        print(_("Row {row}: {message}").format(row=notice.row, message=notice.message), file=sys.stderr)
    refused = bool(plan.problems) and not ctx.args.skip_invalid
    if ctx.args.json:
        _print_json(result.to_json())
        return EXIT_USER_ERROR if refused else EXIT_OK
    for problem in result.rows_refused:
        column = f" [{problem.column}]" if problem.column else ""
        print(f"{problem.sheet} {problem.row}{column}: {problem.message}")
    if refused:
        raise UserError(
            _("{n} rows were refused: nothing was imported. Correct them, or add --skip-invalid.").format(
                n=len({(p.sheet, p.row) for p in plan.problems})
            )
        )
    print(result.describe())
    if ctx.args.dry_run:
        print(_("Dry run: nothing was written."))
    return EXIT_OK


def cmd_export_sheet(ctx: Context) -> int:
    from tyokykyapp.services import due_list
    from tyokykyapp.sheets.exporting import (
        ExportWhat,
        Table,
        clients_table,
        due_table,
        employer_contacts_table,
        write_table,
    )

    out = Path(ctx.args.out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise UserError(_("Choose a file name ending in .xlsx or .csv."))
    if out.exists() and not ctx.args.force:
        raise UserError(_("{path} already exists; choose another name or add --force.").format(path=out))
    what = ExportWhat(ctx.args.what)
    with ctx.open_vault() as vault:
        names = {s.id: s.name for s in vault.repo.clients()}
        table: Table
        if what is ExportWhat.CLIENTS:
            table = clients_table(vault.repo.clients(phase=Phase(ctx.args.phase) if ctx.args.phase else None))
        elif what is ExportWhat.DUE:
            table = due_table(due_list(vault, _parse_date(ctx.args.on) if ctx.args.on else today_()), names)
        else:
            employers = {e.id: getattr(e, "name", "") for e in vault.repo.employers()}
            since = _parse_date(ctx.args.since) if ctx.args.since else None
            contacts = [c for c in vault.repo.employer_contacts(since) if isinstance(c, EmployerContact)]
            table = employer_contacts_table(contacts, employers, names)
    write_table(out, table)
    print(_("Warning: {path} is an ordinary spreadsheet file, not encrypted.").format(path=out), file=sys.stderr)
    print(_("Wrote {n} rows to {path}.").format(n=len(table.rows), path=out))
    return EXIT_OK


def cmd_report(ctx: Context) -> int:
    from tyokykyapp.i18n import using_language
    from tyokykyapp.report import export_report, tally_vault
    from tyokykyapp.report.aggregate import combine, read_aggregate, write_aggregate
    from tyokykyapp.report.figures import build_report, plain_text
    from tyokykyapp.report.period import Period
    from tyokykyapp.report.printed import report_header
    from tyokykyapp.services import coach_details

    args = ctx.args
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".pdf", ".xlsx"):
        raise UserError(_("--out takes a file ending in .pdf or .xlsx."))
    if args.combine:
        if args.date_from or args.date_to or args.aggregate_out:
            raise UserError(_("--combine takes the period from the files: leave out --from, --to and --aggregate-out."))
        tally = combine([read_aggregate(Path(name)) for name in args.combine])
        organisation = coach = ""
    else:
        default = Period.default()
        period = Period(
            _parse_date(args.date_from) if args.date_from else default.first,
            _parse_date(args.date_to) if args.date_to else default.last,
        )
        with ctx.open_vault() as vault:
            tally = tally_vault(vault, period)
            details = coach_details(vault)
        organisation, coach = details.organisation, details.name
        if args.aggregate_out:
            write_aggregate(Path(args.aggregate_out), tally)
            print(_("Wrote the aggregate file {path} (counts only, no personal data).").format(path=args.aggregate_out))
    with using_language(args.lang):
        report = build_report(tally)
        if args.json:
            _print_json(report.to_json())
        elif out is None and not args.aggregate_out:
            sys.stdout.write(plain_text(report))
        if out is not None:
            from tyokykyapp.vault.files import write_atomically

            # Counts only, no names: the file needs no warning about personal data.
            write_atomically(out, export_report(report, out.suffix.lower(), report_header(report, organisation, coach)))
            print(_("Wrote {path}.").format(path=out), file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK


# --- backups, retention and erasure (docs/backups.md) -----------------------------------------------


def _stamp(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment is not None else None


def _backup_json(made: BackupMade) -> dict[str, Any]:
    second = made.second
    return {
        "path": str(made.backup.path),
        "created_at": _stamp(made.backup.created_at),
        "size": made.backup.size,
        "verified": True,
        "second_location": None
        if second is None
        else {
            "path": str(second.location),
            "reached": second.reached,
            "copy": str(second.copy) if second.copy else None,
            "problem": second.problem,
        },
        "pruned": [str(path) for path in made.pruned],
    }


def cmd_backup(ctx: Context) -> int:
    from tyokykyapp.backups.make import make_backup

    root = Path(ctx.args.to).expanduser() if ctx.args.to else None
    if root is not None and not root.is_dir():
        raise UserError(_("No such folder: {path}").format(path=root))
    with ctx.open_vault() as vault:
        made = make_backup(vault, root)
    if ctx.args.json:
        _print_json(_backup_json(made))
        return EXIT_OK
    print(_("Wrote and verified the backup {path}.").format(path=made.backup.path))
    if made.second is not None:
        if made.second.copy is not None:
            print(_("Copied to the second location: {path}.").format(path=made.second.copy))
        else:
            print(made.second.problem, file=sys.stderr)
    if made.pruned:
        print(
            ngettext("Removed {n} old backup.", "Removed {n} old backups.", len(made.pruned)).format(n=len(made.pruned))
        )
    return EXIT_OK


def _known_vault_id(folder: Path) -> str | None:
    """The vault's id from its key file, when that can be read (after a loss it may not)."""
    from tyokykyapp.vault import VaultError
    from tyokykyapp.vault.keyslots import KeyFile
    from tyokykyapp.vault.location import KEYS_NAME

    try:
        return KeyFile.load(folder / KEYS_NAME).vault_id
    except VaultError:
        return None


def cmd_backups(ctx: Context) -> int:
    from tyokykyapp.backups.listing import all_backups
    from tyokykyapp.backups.restore import NotOpened, OpenedBackup, open_backups

    found = all_backups(_known_vault_id(ctx.folder), full=True)
    secret = ctx.secret()
    opened: list[OpenedBackup | NotOpened | None] = [None] * len(found)
    if secret is not None:
        opened = list(open_backups([place.backup for place in found], secret))
    rows = []
    for place, result in zip(found, opened, strict=True):
        backup = place.backup
        damaged = isinstance(result, NotOpened) and result.damaged
        rows.append(
            {
                "path": str(backup.path),
                "location": place.where,
                "vault_id": backup.vault_id,
                "created_at": _stamp(backup.created_at),
                "size": backup.size,
                "clients": result.clients if isinstance(result, OpenedBackup) else None,
                "verified": backup.intact and not damaged,
                "problem": backup.problem or (result.reason if isinstance(result, NotOpened) else None),
            }
        )
    if ctx.args.json:
        _print_json(rows)
        return EXIT_OK
    for row in rows:
        clients = "—" if row["clients"] is None else str(row["clients"])
        state = _("verified") if row["verified"] else _("DAMAGED")
        print(f"{row['created_at']}  {row['size']:>12}  {clients:>6}  {state}  {row['path']}")
        if row["problem"]:
            print(f"    {row['problem']}")
    print(ngettext("{n} backup", "{n} backups", len(rows)).format(n=len(rows)))
    return EXIT_OK


def cmd_restore(ctx: Context) -> int:
    from tyokykyapp.backups.restore import backup_at, open_backup, restore_backup

    backup = backup_at(Path(ctx.args.backup).expanduser())
    secret = ctx.secret(_("Passphrase that was valid when the backup was made: "))
    assert secret is not None
    restored = restore_backup(open_backup(backup, secret), ctx.folder)
    if ctx.args.json:
        _print_json(
            {
                "restored_from": str(backup.path),
                "created_at": _stamp(backup.created_at),
                "vault": str(restored.folder),
                "kept_aside": str(restored.kept_aside) if restored.kept_aside else None,
                "clients": restored.clients,
            }
        )
        return EXIT_OK
    print(
        ngettext(
            "Restored the backup of {when} ({n} client) into {folder}.",
            "Restored the backup of {when} ({n} clients) into {folder}.",
            restored.clients,
        ).format(when=_stamp(backup.created_at), n=restored.clients, folder=restored.folder)
    )
    if restored.kept_aside:
        print(_("The vault that was there is kept in {path}.").format(path=restored.kept_aside))
    print(_("It opens with the passphrase or recovery key that was valid when the backup was made."))
    return EXIT_OK


def cmd_retention(ctx: Context) -> int:
    from tyokykyapp.services import organisation_details
    from tyokykyapp.services.retention import past_retention

    on = today_()
    with ctx.open_vault() as vault:
        years = organisation_details(vault).retention_years
        items = past_retention(vault, on)
    if ctx.args.json:
        _print_json(
            {
                "retention_years": years,
                "on": on.isoformat(),
                "clients": [
                    {
                        "id": item.id,
                        "name": item.name,
                        "closed_on": item.closed_on.isoformat(),
                        "kept_until": item.kept_until.isoformat(),
                        "in_bin": item.in_bin,
                    }
                    for item in items
                ],
            }
        )
        return EXIT_OK
    for item in items:
        print(f"{item.id}  {item.name}  —  {_('closed')} {item.closed_on.isoformat()}")
    print(
        ngettext(
            "{n} client is past the retention period ({years} years after the service ended).",
            "{n} clients are past the retention period ({years} years after the service ended).",
            len(items),
        ).format(n=len(items), years=years)
    )
    return EXIT_OK


def cmd_erase(ctx: Context) -> int:
    from tyokykyapp.services.retention import erase_clients

    if not ctx.args.yes:
        raise UserError(_("Erasing cannot be undone: add --yes to erase these clients for good."))
    with ctx.open_vault() as vault:
        erased = erase_clients(vault, ctx.args.client_ids)
    print(_("Erasure log"))
    print(erased.entry.describe())
    if erased.note():
        print(erased.note(), file=sys.stderr)
    return EXIT_OK


COMMANDS: dict[str, Callable[[Context], int]] = {
    "init": cmd_init,
    "coach": cmd_coach,
    "demo": cmd_demo,
    "clients": cmd_clients,
    "show": cmd_show,
    "due": cmd_due,
    "agenda": cmd_agenda,
    "passwd": cmd_passwd,
    "check": cmd_check,
    "form": cmd_form,
    "export": cmd_export,
    "import": cmd_import,
    "import-sheet": cmd_import_sheet,
    "export-sheet": cmd_export_sheet,
    "report": cmd_report,
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore": cmd_restore,
    "retention": cmd_retention,
    "erase": cmd_erase,
}


def _add_unlock_options(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument("--vault", metavar="DIR", default=default, help=_("the vault folder"))
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument(
        "--passphrase-file",
        metavar="F",
        default=default,
        help=_("read the passphrase from the first line of F ('-' for standard input)"),
    )
    secret.add_argument(
        "--recovery-key-file", metavar="F", default=default, help=_("unlock with the recovery key read from F instead")
    )


def _add_detail_options(parser: argparse.ArgumentParser) -> None:
    from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails
    from tyokykyapp.domain.fields import declared

    group = parser.add_argument_group(_("the coach's and the organisation's details, printed on forms"))
    for option, (which, key) in DETAIL_OPTIONS.items():
        d = declared(CoachDetails if which == "coach" else OrganisationDetails, key)
        group.add_argument(
            option, dest=_detail_dest(option), type=d.kind, metavar="N" if d.kind is int else "TEXT", help=d.label
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tyokykyapp", description=_("Työkyky: records for job coaches."))
    parser.add_argument("--version", action="version", version=f"tyokykyapp {__version__}")
    parser.add_argument(
        "--check-start",
        action="store_true",
        help=_("start the desktop app, report the screen it opens on, and quit (to check an installation)"),
    )
    _add_unlock_options(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Unlock options are accepted after the command too; SUPPRESS keeps the values given before it.
    common = argparse.ArgumentParser(add_help=False)
    _add_unlock_options(common, argparse.SUPPRESS)

    init = sub.add_parser("init", parents=[common], help=_("create a new vault and show its recovery key once"))
    init.add_argument(
        "--recovery-sheet", metavar="FILE.pdf", help=_("write the recovery sheet to print, instead of showing the key")
    )
    init.add_argument(
        "--lang", choices=["fi", "sv", "en"], help=_("the language of the recovery sheet (default: the app's language)")
    )
    _add_detail_options(init)
    coach = sub.add_parser(
        "coach", parents=[common], help=_("show the coach's and the organisation's details, or set them with options")
    )
    _add_detail_options(coach)
    coach.add_argument("--json", action="store_true")
    demo = sub.add_parser("demo", parents=[common], help=_("fill an empty vault with a synthetic caseload"))
    # Unset: one coach's caseload (demo.DEMO_CLIENTS), read when the command runs, not at start-up.
    demo.add_argument("--clients", type=int)
    demo.add_argument("--seed", type=int, default=1)
    clients = sub.add_parser("clients", parents=[common], help=_("list clients"))
    clients.add_argument("--phase", choices=[p.value for p in Phase])
    clients.add_argument("--json", action="store_true")
    show = sub.add_parser("show", parents=[common], help=_("everything recorded about one client"))
    show.add_argument("client_id", metavar="CLIENT_ID")
    show.add_argument("--json", action="store_true")
    due = sub.add_parser("due", parents=[common], help=_("what is due or overdue"))
    due.add_argument("--on", metavar="DATE", help=_("the day to compute for (default today)"))
    due.add_argument("--json", action="store_true")
    agenda = sub.add_parser("agenda", parents=[common], help=_("the meetings booked for a day or more"))
    agenda.add_argument("--on", metavar="DATE", help=_("the first day (default today)"))
    agenda.add_argument("--days", metavar="N", type=_days, default=1, help=_("how many days (default 1)"))
    agenda.add_argument("--json", action="store_true")
    passwd = sub.add_parser("passwd", parents=[common], help=_("change the passphrase"))
    passwd.add_argument("--new-passphrase-file", metavar="F")
    sub.add_parser("check", parents=[common], help=_("check the vault's integrity"))
    form = sub.add_parser("form", parents=[common], help=_("a printable form as PDF"))
    form.add_argument("kind", metavar="KIND", help=", ".join(PRINTABLE_KINDS))
    form.add_argument("--client", metavar="ID")
    form.add_argument("--blank", action="store_true", help=_("the blank form, to fill in by hand"))
    form.add_argument("--meeting", metavar="ID", help=_("the meeting to summarise (default: the latest)"))
    form.add_argument("--lang", choices=["fi", "sv", "en"], default="fi")
    form.add_argument("--large-print", action="store_true", help=_("14 pt text"))
    form.add_argument("--out", metavar="FILE.pdf", required=True)
    export = sub.add_parser("export", parents=[common], help=_("hand clients over in one encrypted file"))
    export.add_argument("--out", metavar="FILE", required=True)
    export.add_argument("--client", metavar="ID", action="append", help=_("a client to hand over (repeatable)"))
    export.add_argument("--phase", choices=[p.value for p in Phase], help=_("hand over the clients in a phase"))
    export.add_argument(
        "--handover-passphrase-file",
        metavar="F",
        help=_("the handover passphrase (default: generate one and show it once)"),
    )
    export.add_argument(
        "--mark-handed-over-to", metavar="NAME", help=_("mark the clients handed over to NAME (read-only here)")
    )
    export.add_argument(
        "--recipient", metavar="NAME", help=_("name the receiver in the file (default: --mark-handed-over-to)")
    )
    export.add_argument("--force", action="store_true", help=_("replace an existing file"))
    export.add_argument("--receipt", metavar="FILE.pdf", help=_("also write a printable receipt (not encrypted)"))
    imp = sub.add_parser("import", parents=[common], help=_("import a handover file"))
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--handover-passphrase-file", metavar="F")
    imp.add_argument("--dry-run", action="store_true", help=_("show what is inside; write nothing"))
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--on-conflict", choices=["keep-mine", "take-theirs", "keep-both"], default="keep-mine")
    sheet_in = sub.add_parser("import-sheet", parents=[common], help=_("import clients and jobs from a spreadsheet"))
    sheet_in.add_argument("file", metavar="FILE", help=_(".xlsx, .ods or .csv"))
    sheet_in.add_argument("--jobs", metavar="FILE", help=_("a .csv of jobs to go with a .csv of clients"))
    sheet_in.add_argument(
        "--map", metavar="COLUMN=field", action="append", help=_("read COLUMN as field (empty field: ignore it)")
    )
    sheet_in.add_argument("--dry-run", action="store_true", help=_("check everything; write nothing"))
    sheet_in.add_argument("--skip-invalid", action="store_true", help=_("import the rows that pass, leave the rest"))
    sheet_in.add_argument("--json", action="store_true")
    sheet_out = sub.add_parser("export-sheet", parents=[common], help=_("a list to a spreadsheet (not encrypted)"))
    sheet_out.add_argument("--what", choices=["clients", "due", "employer-contacts"], required=True)
    sheet_out.add_argument("--out", metavar="FILE", required=True, help=_(".xlsx or .csv"))
    sheet_out.add_argument("--phase", choices=[p.value for p in Phase], help=_("only the clients in a phase"))
    sheet_out.add_argument("--on", metavar="DATE", help=_("the day of the due list (default today)"))
    sheet_out.add_argument("--since", metavar="DATE", help=_("employer contacts from this day on"))
    sheet_out.add_argument("--force", action="store_true", help=_("replace an existing file"))
    report = sub.add_parser(
        "report", parents=[common], help=_("the outcome report of a period, or several coaches' aggregates added up")
    )
    report.add_argument("--from", dest="date_from", metavar="DATE", help=_("first day (default: 1 January this year)"))
    report.add_argument("--to", dest="date_to", metavar="DATE", help=_("last day (default: today)"))
    report.add_argument("--json", action="store_true")
    report.add_argument("--out", metavar="FILE.pdf|FILE.xlsx", help=_("save the report as PDF or a spreadsheet"))
    report.add_argument(
        "--aggregate-out", metavar="FILE", help=_("write the counts for a team report (no personal data)")
    )
    report.add_argument(
        "--combine", metavar="FILE", nargs="+", help=_("add up coaches' aggregate files (needs no vault)")
    )
    report.add_argument("--lang", choices=["fi", "sv", "en"], default="fi")
    backup = sub.add_parser("backup", parents=[common], help=_("write and verify one backup now; print its path"))
    backup.add_argument(
        "--to", metavar="DIR", help=_("write it into DIR (default: the data folder, then the second location)")
    )
    backup.add_argument("--json", action="store_true")
    backups = sub.add_parser(
        "backups",
        parents=[common],
        help=_("list the backups; with a passphrase or recovery key file, also how many clients each holds"),
    )
    backups.add_argument("--json", action="store_true")
    restore = sub.add_parser(
        "restore", parents=[common], help=_("restore a backup into the vault folder; the vault there is kept aside")
    )
    restore.add_argument("backup", metavar="BACKUP", help=_("the backup's folder, as `backups` lists it"))
    restore.add_argument("--json", action="store_true")
    retention = sub.add_parser("retention", parents=[common], help=_("clients past the retention period"))
    retention.add_argument("--json", action="store_true")
    erase = sub.add_parser(
        "erase", parents=[common], help=_("erase clients for good (past the retention period or in the bin)")
    )
    erase.add_argument("client_ids", metavar="CLIENT_ID", nargs="+")
    erase.add_argument("--yes", action="store_true", help=_("yes, erase them for good (cannot be undone)"))
    return parser


def main(argv: Sequence[str] | None = None, start_gui: GuiStarter | None = None) -> int:
    """The command line; with no command, the desktop app through `start_gui` (the `tyokykyapp` command is
    ui/main.py, which passes it; `python -m tyokykyapp` is the command line alone)."""
    disable_core_dumps()  # before anything is decrypted; also for the GUI started below
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if start_gui is None:
            parser.print_usage(sys.stderr)
            hint = _("Give a command (see --help). The desktop app starts with the tyokykyapp command or python -m ui.")
            print(f"tyokykyapp: {hint}", file=sys.stderr)
            return EXIT_USAGE
        return start_gui(Path(args.vault).expanduser() if args.vault else None, args.check_start)
    if args.check_start:
        parser.error(_("--check-start starts the desktop app: give it no command."))
    ctx = Context(args, Path(args.vault).expanduser() if args.vault else default_vault_folder())
    with _safe_output():
        return _run(ctx)


def _run(ctx: Context) -> int:
    try:
        return COMMANDS[ctx.args.command](ctx)
    except UserError as error:
        print(f"tyokykyapp: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(f"tyokykyapp: {_('Interrupted.')}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug: one line, no traceback (it could carry client data)
        print(f"tyokykyapp: {_('Internal error')} ({type(error).__name__}). {_('Please report it.')}", file=sys.stderr)
        return EXIT_USER_ERROR
