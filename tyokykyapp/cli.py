"""The command line (DESIGN §5). Exit status: 0 success, 1 a user-facing error (one plain line on stderr),
2 a usage error."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tyokykyapp import __version__
from tyokykyapp.domain import FILE_LISTS, Phase, UserError
from tyokykyapp.domain.codec import to_json
from tyokykyapp.domain.dates import DateNotUnderstood, DateRange, parse_date
from tyokykyapp.domain.dates import today as today_
from tyokykyapp.i18n import _
from tyokykyapp.secrets_input import prompt_secret, read_secret_file
from tyokykyapp.vault import ClientSummary, Vault, default_vault_folder

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2
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

    def open_vault(self) -> Vault:
        if self.args.recovery_key_file:
            return Vault.unlock(self.folder, recovery_key=read_secret_file(self.args.recovery_key_file))
        if self.args.passphrase_file:
            return Vault.unlock(self.folder, passphrase=read_secret_file(self.args.passphrase_file))
        return Vault.unlock(self.folder, passphrase=prompt_secret(_("Passphrase: ")))


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


def cmd_init(ctx: Context) -> int:
    if ctx.args.passphrase_file:
        passphrase = read_secret_file(ctx.args.passphrase_file)
    else:
        passphrase = prompt_secret(_("New passphrase: "), confirm=True)
    vault, recovery_key = Vault.create(ctx.folder, passphrase)
    with vault:
        if ctx.args.recovery_sheet:
            from tyokykyapp.forms.recovery_sheet import recovery_sheet_pdf
            from tyokykyapp.services import coach_details

            _write_pdf(
                Path(ctx.args.recovery_sheet),
                recovery_sheet_pdf(vault.id, vault.created_at, recovery_key, coach_details(vault)),
            )
            print(
                _("The recovery sheet is in {path}. Print it for the safe, then delete the file.").format(
                    path=ctx.args.recovery_sheet
                )
            )
            return EXIT_OK
        print(_("Created a new vault in {folder}.").format(folder=ctx.folder))
        print()
        print(_("Recovery key (shown only now; print it or write it down for the organisation's safe):"))
        print()
        print(f"    {recovery_key}")
        print()
        print(_("Anyone holding the recovery key can open the records. Never keep it with the laptop."))
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
        result = export_clients(vault, client_ids, out, passphrase, mark_handed_over_to=ctx.args.mark_handed_over_to)
    if ctx.args.receipt:
        from tyokykyapp.handover.receipt import handover_receipt
        from tyokykyapp.vault.files import write_atomically

        receipt = handover_receipt(result.handover, receiver=ctx.args.mark_handed_over_to or "", file_name=out.name)
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

    passphrase = _handover_passphrase(ctx, confirm=False)
    assert passphrase is not None
    handover = read_handover(Path(ctx.args.file), passphrase)
    with ctx.open_vault() as vault:
        summary = summarize(vault, handover)
        result = None if ctx.args.dry_run else merge(vault, handover, ConflictPolicy(ctx.args.on_conflict))
    if ctx.args.json:
        document = summary.to_json()
        if result is not None:
            document["result"] = {
                "added": result.added,
                "replaced": result.replaced,
                "copied": result.copied,
                "kept_mine": result.kept_mine,
                "unchanged": result.unchanged,
                "employers_added": result.employers_added,
            }
        _print_json(document)
        return EXIT_OK
    print(
        _("From {coach} ({organisation}), made {created}:").format(
            coach=summary.coach or "—", organisation=summary.organisation or "—", created=summary.created_at
        )
    )
    for plan in summary.clients:
        print(f"  {plan.name}  [{plan.status.value}]  {plan.meetings} " + _("meetings"))
    if result is None:
        print(_("Dry run: nothing was written."))
    else:
        print(result.describe())
    return EXIT_OK


def cmd_form(ctx: Context) -> int:
    from tyokykyapp.forms.render import FormKind, render_form
    from tyokykyapp.services import coach_details, service_terms

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
        pdf = render_form(
            kind,
            coach=coach_details(vault),
            file=file,
            meeting=meeting,
            lang=ctx.args.lang,
            large_print=ctx.args.large_print,
            terms=service_terms(vault),
        )
    if file is None:
        from tyokykyapp.vault.files import write_atomically

        write_atomically(out, pdf)  # a blank form holds no personal data
    else:
        _write_pdf(out, pdf)
    print(_("Wrote {path}.").format(path=out))
    return EXIT_OK


def cmd_report(ctx: Context) -> int:
    from tyokykyapp.forms.blocks import language
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
    with language(args.lang):
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


COMMANDS: dict[str, Callable[[Context], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "clients": cmd_clients,
    "show": cmd_show,
    "due": cmd_due,
    "passwd": cmd_passwd,
    "check": cmd_check,
    "form": cmd_form,
    "export": cmd_export,
    "import": cmd_import,
    "report": cmd_report,
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tyokykyapp", description=_("Työkyky: records for job coaches."))
    parser.add_argument("--version", action="version", version=f"tyokykyapp {__version__}")
    _add_unlock_options(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Unlock options are accepted after the command too; SUPPRESS keeps the values given before it.
    common = argparse.ArgumentParser(add_help=False)
    _add_unlock_options(common, argparse.SUPPRESS)

    init = sub.add_parser("init", parents=[common], help=_("create a new vault and show its recovery key once"))
    init.add_argument(
        "--recovery-sheet", metavar="FILE.pdf", help=_("write the recovery sheet to print, instead of showing the key")
    )
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
    export.add_argument("--force", action="store_true", help=_("replace an existing file"))
    export.add_argument("--receipt", metavar="FILE.pdf", help=_("also write a printable receipt (not encrypted)"))
    imp = sub.add_parser("import", parents=[common], help=_("import a handover file"))
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--handover-passphrase-file", metavar="F")
    imp.add_argument("--dry-run", action="store_true", help=_("show what is inside; write nothing"))
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--on-conflict", choices=["keep-mine", "take-theirs", "keep-both"], default="keep-mine")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        # The GUI package is looked up by name only when it is started: the core never depends on it.
        gui = importlib.import_module("ui.app")
        return int(gui.run(Path(args.vault).expanduser() if args.vault else None))
    ctx = Context(args, Path(args.vault).expanduser() if args.vault else default_vault_folder())
    try:
        return COMMANDS[args.command](ctx)
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
