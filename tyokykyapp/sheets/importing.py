"""Importing a coach's caseload from a spreadsheet: plan (read, recognise, validate, match), then write
everything in one transaction, or nothing.

The import is idempotent: a client already in the vault (or earlier in the sheet) is matched by identity
code, else name and date of birth, else name and entry date, and left as it is; a job already recorded for
the client (same start, kind, employer and title) is not added again. So the same sheet twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from tyokykyapp.domain import Client, Employer, Employment, Record
from tyokykyapp.domain.client import sort_key
from tyokykyapp.domain.identity_code import normalise_identity_code
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.services.changes import Changes
from tyokykyapp.sheets.columns import Mapping, SheetKind, is_jobs_sheet, recognise
from tyokykyapp.sheets.reading import Sheet, SheetRefused, Workbook
from tyokykyapp.sheets.rows import ClientRow, Problem, RowReader, person_names, read_client, read_job
from tyokykyapp.sheets.text import folded
from tyokykyapp.vault import Vault

Progress = Callable[[int, int], None]
_HEADER_SEARCH_ROWS = 10  # a title or a blank line may stand above the headers


@dataclass
class ImportPlan:
    """What an import would write, and what it refused."""

    clients: list[ClientRow] = field(default_factory=list)  # new clients
    matched: int = 0  # client rows already in the vault
    employments: list[Employment] = field(default_factory=list)
    employers: list[Employer] = field(default_factory=list)  # new to the register
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (sheet, header) of unknown columns

    @property
    def records(self) -> int:
        per_client = sum(2 + len(c.history) + (c.closure is not None) for c in self.clients)
        return per_client + len(self.employments) + len(self.employers)


@dataclass(frozen=True)
class ImportResult:
    clients_added: int
    clients_matched: int
    employments_added: int
    rows_refused: list[Problem]
    dry_run: bool
    written: bool  # False when refused rows stopped the import, and on a dry run

    @property
    def changes(self) -> Changes:
        """What the import changed, for the screens to refresh (nothing on a dry run or when refused)."""
        if not self.written:
            return Changes()
        return Changes(caseload=True, kinds=frozenset({"client", "episode", "phase_change", "employment", "employer"}))

    def describe(self) -> str:
        added, matched, jobs = self.clients_added, self.clients_matched, self.employments_added
        parts = (
            ngettext("{n} client added", "{n} clients added", added).format(n=added),
            ngettext("{n} already in the vault", "{n} already in the vault", matched).format(n=matched),
            ngettext("{n} job added", "{n} jobs added", jobs).format(n=jobs),
        )
        return ", ".join(parts) + "."

    def to_json(self) -> dict[str, object]:
        return {
            "clients_added": self.clients_added,
            "clients_matched": self.clients_matched,
            "employments_added": self.employments_added,
            "rows_refused": [p.to_json() for p in self.rows_refused],
            "dry_run": self.dry_run,
        }


class _People:
    """Clients found so far, by each of the keys an import matches on."""

    def __init__(self) -> None:
        self.by_code: dict[str, Client] = {}
        self.by_birth: dict[tuple[str, date], Client] = {}
        self.by_start: dict[tuple[str, date], Client] = {}
        self.by_name: dict[str, list[Client]] = {}

    def add(self, client: Client) -> None:
        name = _name_key(client.family_name, client.given_names)
        if client.identity_code:
            self.by_code.setdefault(normalise_identity_code(client.identity_code), client)
        if client.date_of_birth:
            self.by_birth.setdefault((name, client.date_of_birth), client)
        self.by_start.setdefault((name, client.started_on), client)
        self.by_name.setdefault(name, []).append(client)

    def same_person(self, client: Client) -> Client | None:
        """The known client `client` is: identity code, else name and date of birth, else name and entry."""
        code = normalise_identity_code(client.identity_code)
        if code and code in self.by_code:
            return self.by_code[code]
        name = _name_key(client.family_name, client.given_names)
        found = self.by_birth.get((name, client.date_of_birth)) if client.date_of_birth else None
        found = found or self.by_start.get((name, client.started_on))
        if found is not None and code and found.identity_code and normalise_identity_code(found.identity_code) != code:
            return None  # two people of the same name and birthday
        return found


def _name_key(family: str, given: str) -> str:
    return sort_key(f"{family} {given}")


def choose_sheets(
    book: Workbook, jobs_book: Workbook | None = None, *, clients: str | None = None, jobs: str | None = None
) -> tuple[Sheet, Sheet | None]:
    """The sheet of clients (named, else the first not named like a sheet of jobs) and the sheet of jobs
    (named, else one named like Työsuhteet / Anställningar / Jobs, else the first of `jobs_book`)."""
    client_sheet = book.sheet(clients) if clients else None
    job_sheet = book.sheet(jobs) if jobs else None
    if job_sheet is None:
        job_sheet = next(
            (s for s in book.sheets if is_jobs_sheet(s.name) and s is not client_sheet and not s.hidden), None
        )
    if job_sheet is None and jobs_book is not None and jobs_book.sheets:
        job_sheet = jobs_book.sheets[0]
    if client_sheet is None:
        client_sheet = next((s for s in book.sheets if s is not job_sheet and not s.hidden), None)
    if client_sheet is None:
        raise SheetRefused(_("The file has no sheet of clients."))
    return client_sheet, job_sheet


def header_row(sheet: Sheet, kind: SheetKind, overrides: dict[str, str] | None = None) -> int:
    """The index of the row of headers: the first of the top rows where two or more are recognised, else
    the first row with anything in it."""
    for index, row in enumerate(sheet.rows[:_HEADER_SEARCH_ROWS]):
        if len(recognise(row, kind, overrides).columns) >= 2:
            return index
    return next((i for i, row in enumerate(sheet.rows) if any(_filled(c) for c in row)), 0)


def _filled(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""


def plan_import(
    vault: Vault,
    clients: Sheet,
    jobs: Sheet | None = None,
    *,
    overrides: dict[str, str] | None = None,
    imported_by: str = "",
    progress: Progress | None = None,
) -> ImportPlan:
    """Read and check every row against the vault; nothing is written. `progress(rows done, rows)`."""
    plan = ImportPlan()
    counter = _RowCounter(len(clients.rows) + (len(jobs.rows) if jobs else 0), progress)
    people = _People()
    for client in vault.repo.all_clients():
        people.add(client)
    rows_of: dict[str, int] = {}  # client id → sheet row, for clients first seen in this sheet
    for reader in _readers(plan, clients, SheetKind.CLIENTS, overrides, counter):
        found = read_client(reader, imported_by=imported_by)
        plan.problems += reader.problems
        plan.notices += reader.notices
        if found is None:
            continue
        known = people.same_person(found.client)
        if known is not None and known.id in rows_of:
            plan.problems.append(
                Problem(
                    clients.name,
                    reader.row,
                    "",
                    _("The same client is already on row {row}.").format(row=rows_of[known.id]),
                )
            )
        elif known is not None:
            plan.matched += 1
        else:
            people.add(found.client)
            rows_of[found.client.id] = reader.row
            plan.clients.append(found)
    if jobs is not None:
        _plan_jobs(vault, plan, jobs, people, overrides, counter)
    counter.finish()
    return plan


class _RowCounter:
    """Tells `progress` how many of the sheets' rows have been checked, every 100 rows."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done, self.total, self.progress = 0, max(total, 1), progress

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % 100 == 0:
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def _readers(
    plan: ImportPlan, sheet: Sheet, kind: SheetKind, overrides: dict[str, str] | None, counter: _RowCounter
) -> Iterable[RowReader]:
    top = header_row(sheet, kind, overrides)
    headers = ["" if c is None else str(c).strip() for c in (sheet.rows[top] if sheet.rows else [])]
    mapping: Mapping = recognise(headers, kind, overrides)
    plan.ignored += [(sheet.name, header) for header in mapping.ignored]
    missing = mapping.missing(kind)
    if missing:
        plan.problems.append(
            Problem(sheet.name, top + 1, "", _("No column for: {columns}.").format(columns=", ".join(missing)))
        )
        return
    for index in range(top + 1, len(sheet.rows)):
        cells = sheet.rows[index]
        counter.tick()
        if any(_filled(cell) for cell in cells):
            yield RowReader(sheet.name, index + 1, cells, mapping.columns, headers)


def _job_key(employment: Employment, employer_name: str) -> tuple[object, ...]:
    return (employment.client_id, employment.start_on, employment.kind, folded(employer_name), folded(employment.title))


def _plan_jobs(
    vault: Vault,
    plan: ImportPlan,
    sheet: Sheet,
    people: _People,
    overrides: dict[str, str] | None,
    counter: _RowCounter,
) -> None:
    register = {folded(e.name): e for e in vault.repo.employers() if isinstance(e, Employer)}
    names_by_id = {e.id: e.name for e in register.values()}
    recorded = {
        _job_key(e, e.employer_name or names_by_id.get(e.employer_id or "", ""))
        for e in vault.repo.records_of_kind(Employment.KIND)
        if isinstance(e, Employment)
    }
    for reader in _readers(plan, sheet, SheetKind.JOBS, overrides, counter):
        job = read_job(reader)
        client = _whose(reader, people)
        # An employer new to the register is checked as its save would check it (a name too long ...).
        known = register.get(folded(job.employer_name)) if job and job.employer_name else None
        new = Employer(name=job.employer_name) if job and job.employer_name and known is None else None
        if new is not None and not reader.check(new):
            job = None
        plan.problems += reader.problems
        plan.notices += reader.notices
        if job is None or client is None:
            continue
        employment = job.employment
        employment.client_id = client.id
        key = _job_key(employment, job.employer_name)
        if key in recorded:
            continue
        recorded.add(key)
        if new is not None:
            register[folded(new.name)] = new
            plan.employers.append(new)
        employer = known or new
        employment.employer_id = employer.id if employer else None
        plan.employments.append(employment)


def _whose(reader: RowReader, people: _People) -> Client | None:
    """The client a job row names: by identity code, else name and date of birth, else a name only one
    client has."""
    code = normalise_identity_code(reader.text("identity_code"))
    if code:
        found = people.by_code.get(code)
        if found is None:
            reader.refuse("identity_code", _("No client with this identity code in the sheet or the vault."))
        return found
    family, given = person_names(reader)
    name = _name_key(family, given)
    born = reader.day("date_of_birth")
    if born is not None:
        found = people.by_birth.get((name, born))
        if found is None:
            reader.refuse("name", _("No client with this name and date of birth in the sheet or the vault."))
        return found
    named = people.by_name.get(name, [])
    if len(named) > 1:
        reader.refuse("name", _("Several clients have this name: add the date of birth or the identity code."))
    elif not named:
        reader.refuse(
            "name",
            _("No client with this name in the sheet or the vault: {name}.").format(name=f"{given} {family}".strip()),
        )
    return named[0] if len(named) == 1 else None


def run_import(
    vault: Vault,
    plan: ImportPlan,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the plan in one transaction. With refused rows nothing is written unless `skip_invalid`."""
    refused = bool(plan.problems) and not skip_invalid
    if refused:
        return ImportResult(0, plan.matched, 0, plan.problems, dry_run, written=False)
    if not dry_run:
        _write(vault, plan, progress)
    return ImportResult(len(plan.clients), plan.matched, len(plan.employments), plan.problems, dry_run, not dry_run)


def _write(vault: Vault, plan: ImportPlan, progress: Progress | None) -> None:
    total, done = plan.records, 0
    with vault.transaction() as repo:

        def save(record: Record) -> None:
            nonlocal done
            repo.save_in_transaction(record)
            done += 1
            if progress is not None and done % 50 == 0:
                progress(done, total)

        for row in plan.clients:
            for record in (row.client, row.episode, *row.history, *([row.closure] if row.closure else [])):
                save(record)
        for employer in plan.employers:
            save(employer)
        for employment in plan.employments:
            save(employment)
    if progress is not None:
        progress(total, total)
