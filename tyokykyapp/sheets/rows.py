"""One spreadsheet row read into the records it stands for, every bad cell reported.

A client row becomes the client, their service episode, their phase history placed as recorded facts
(entry → the phase in the sheet → closure, each marked as imported) and, when the service ended, the
closure. A job row becomes an Employment. Each record passes `registry.validate`, the check every save
runs; the rules of a live phase move (agreement, consent ...) do not apply to history already lived.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tyokykyapp.domain import (
    Client,
    Closure,
    ClosureDestination,
    ClosureReason,
    Employment,
    EmploymentKind,
    Episode,
    MaintenanceLevel,
    Phase,
    PhaseChange,
    Record,
    Referral,
    ReferralSource,
    Sector,
    ValidationError,
    validate,
)
from tyokykyapp.domain.dates import DateRange
from tyokykyapp.i18n import _
from tyokykyapp.sheets import codes
from tyokykyapp.sheets.cells import CellError, cell_date, cell_number, cell_text
from tyokykyapp.sheets.reading import Cell

# The column (by key) that holds what a record field says, for pointing at the cell a check refused.
FIELD_COLUMNS = {
    "family_name": ("family_name", "name"),
    "given_names": ("given_names", "name"),
    "maintenance_level": ("support_level", "phase"),
    "referrer": ("referral",),
    "source": ("referral",),
    "referred_on": ("referral",),
    "destination": ("closure",),
    "reason": ("closure",),
    "continuation_path": ("closure",),
    "employer_id": ("employer",),
    "employer_name": ("employer",),
    "name": ("employer", "name"),  # an Employer's name
    "pay_subsidy": ("kind",),
    "end_reason": ("end_on",),
}


@dataclass(frozen=True)
class Problem:
    """A cell (or a row, when `column` is empty) the import refused or wants the coach to know about."""

    sheet: str
    row: int  # as the spreadsheet numbers it, from 1
    column: str  # the header as written in the sheet
    message: str

    def to_json(self) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class RowReader:
    """Reads one row's cells by column key and collects what is wrong with them."""

    sheet: str
    row: int
    cells: list[Cell]
    columns: dict[str, int]
    headers: list[str]
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)

    def cell(self, key: str) -> Cell:
        index = self.columns.get(key)
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def header(self, key: str) -> str:
        index = self.columns.get(key)
        return self.headers[index] if index is not None else ""

    def refuse(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.sheet, self.row, self.header(key), message))

    def notice(self, key: str, message: str) -> None:
        self.notices.append(Problem(self.sheet, self.row, self.header(key), message))

    def text(self, key: str) -> str:
        return cell_text(self.cell(key))

    def day(self, key: str, span: DateRange = DateRange.EVENT) -> date | None:
        try:
            return cell_date(self.cell(key), span)
        except CellError as error:
            self.refuse(key, str(error))
            return None

    def number(self, key: str) -> float | None:
        try:
            return cell_number(self.cell(key))
        except CellError as error:
            self.refuse(key, str(error))
            return None

    def check(self, record: Record) -> bool:
        """registry.validate, a refusal pointed at the cell behind the field it names."""
        try:
            validate(record)
        except ValidationError as error:
            keys = FIELD_COLUMNS.get(error.field, (error.field,))
            self.refuse(next((k for k in keys if k in self.columns), keys[0]), error.message)
            return False
        return True


def split_name(text: str) -> tuple[str, str]:
    """(family name, first names) of "Virtanen, Aino" or "Aino Virtanen" (the app writes names first name
    first; a comma puts the family name first)."""
    if "," in text:
        family, _sep, given = text.partition(",")
        return family.strip(), given.strip()
    words = text.split()
    return (words[-1], " ".join(words[:-1])) if words else ("", "")


def person_names(reader: RowReader) -> tuple[str, str]:
    family, given = reader.text("family_name"), reader.text("given_names")
    if not family and not given:
        family, given = split_name(reader.text("name"))
    return family, given


@dataclass
class ClientRow:
    """A client row read and checked: the records to write for a new client."""

    row: int
    client: Client
    episode: Episode
    history: list[PhaseChange]
    closure: Closure | None


def read_client(reader: RowReader, *, imported_by: str) -> ClientRow | None:
    """The records of one client row, or None when a cell was refused (reader.problems says why)."""
    family, given = person_names(reader)
    client = Client(
        family_name=family,
        given_names=given,
        date_of_birth=reader.day("date_of_birth", DateRange.BIRTH),
        identity_code=reader.text("identity_code"),
        phone=reader.text("phone"),
        email=reader.text("email"),
        notes=reader.text("notes"),
    )
    started = reader.day("started_on")
    if started is None and not reader.problems:
        reader.refuse("started_on", _("Fill in: {field}.").format(field=_("Service started on")))
    phase = _phase(reader)
    level = _level(reader, phase)
    since = reader.day("phase_since")
    closed_on = reader.day("closed_on")
    # The client's own checks run even when a cell was refused, so the report names every bad cell at once.
    if not reader.check(client) or reader.problems or started is None or phase is None:
        return None
    return _placed(reader, client, started, phase, level, since, closed_on, imported_by)


def _phase(reader: RowReader) -> Phase | None:
    text = reader.text("phase")
    if not text:
        return Phase.INTAKE
    found = codes.match_exact(Phase, codes.PHASE_WORDS, text)
    if found is None:
        reader.refuse("phase", _("Unknown phase: {text}.").format(text=text))
    return found


def _level(reader: RowReader, phase: Phase | None) -> MaintenanceLevel | None:
    text = reader.text("support_level")
    if not text:
        return MaintenanceLevel.ACTIVE if phase is Phase.MAINTENANCE else None
    found = codes.match_exact(MaintenanceLevel, codes.LEVEL_WORDS, text)
    if found is None:
        reader.refuse("support_level", _("Unknown support level: {text}.").format(text=text))
    elif phase is not Phase.MAINTENANCE:
        reader.refuse("support_level", _("Only a client in maintenance has a support level."))
    return found


def _referral(reader: RowReader) -> Referral:
    text = reader.text("referral")
    source = codes.match_within(ReferralSource, codes.REFERRAL_WORDS, text) if text else None
    if text and source is None:  # never refused: counted under "other", the text kept as the referrer
        source = ReferralSource.OTHER
        reader.notice(
            "referral", _("Referrer kept as written under “{other}”: {text}.").format(other=source.label, text=text)
        )
    return Referral(source=source, referrer=text if source is ReferralSource.OTHER else "", referred_on=None)


def _placed(
    reader: RowReader,
    client: Client,
    started: date,
    phase: Phase,
    level: MaintenanceLevel | None,
    since: date | None,
    closed_on: date | None,
    imported_by: str,
) -> ClientRow | None:
    if phase is Phase.CLOSED and closed_on is None:
        # A closed client's "in this phase since" (as the client list exports it) is the day the service ended.
        closed_on, since = since, None
    if phase is Phase.CLOSED and closed_on is None:
        reader.refuse("phase", _("A closed client needs the date the service ended."))
        return None
    last = phase if phase is not Phase.CLOSED else Phase.INTAKE
    since = since or started
    if since < started:
        reader.refuse("phase_since", _("The phase cannot begin before the service started."))
        return None
    if closed_on is not None and closed_on < since:
        reader.refuse("closed_on", _("The service cannot end before it started or before the phase began."))
        return None
    reason = _("Imported from a spreadsheet")
    episode = Episode(client_id=client.id, started_on=started, referral=_referral(reader))
    history = [
        PhaseChange(
            client_id=client.id, on=started, from_phase=None, to_phase=Phase.INTAKE, reason=reason, by=imported_by
        )
    ]
    if last is not Phase.INTAKE:
        history.append(
            PhaseChange(
                client_id=client.id,
                on=since,
                from_phase=Phase.INTAKE,
                to_phase=last,
                to_level=level,
                reason=reason,
                by=imported_by,
            )
        )
    client.started_on, client.phase, client.phase_since, client.maintenance_level = started, last, since, level
    closure = None
    if closed_on is not None:
        closure = _closure(reader, client, episode, closed_on)
        history.append(
            PhaseChange(
                client_id=client.id,
                on=closed_on,
                from_phase=last,
                to_phase=Phase.CLOSED,
                from_level=level,
                reason=reason,
                by=imported_by,
            )
        )
        client.phase, client.phase_since, client.maintenance_level = Phase.CLOSED, closed_on, None
    records: list[Record] = [client, episode, *history, *([closure] if closure else [])]
    if not all(reader.check(record) for record in records):
        return None
    return ClientRow(reader.row, client, episode, history, closure)


def _closure(reader: RowReader, client: Client, episode: Episode, closed_on: date) -> Closure:
    """Where the client went, matched to a destination or a reason; text matching neither is recorded under
    "other" (reason and destination) and kept as written as the continuation path (the report says so)."""
    text = reader.text("closure")
    destination = codes.match_within(ClosureDestination, codes.DESTINATION_WORDS, text) if text else None
    reason = codes.REASON_OF_DESTINATION[destination] if destination else None
    if reason is None and text:
        reason = codes.match_within(ClosureReason, {}, text)
    kept = text if destination is None else ""
    if reason is None:
        reason = ClosureReason.OTHER
        destination = ClosureDestination.OTHER if text else None  # where they went is unknown without text
        reader.notice(
            "closure",
            _("No reason for the closure recognised: recorded as “{reason}”; the text is kept as written.").format(
                reason=reason.label
            ),
        )
    return Closure(
        client_id=client.id,
        closed_on=closed_on,
        reason=reason,
        destination=destination,
        continuation_path=kept,
        episode_id=episode.id,
    )


@dataclass
class JobRow:
    row: int
    employment: Employment  # client_id and employer_id are set when the client and employer are known
    employer_name: str


def read_job(reader: RowReader) -> JobRow | None:
    text = reader.text("kind")
    kind = codes.match_within(EmploymentKind, codes.KIND_WORDS, text) if text else EmploymentKind.EMPLOYMENT
    subsidised = bool(text) and codes.mentions(codes.PAY_SUBSIDY_WORDS, text)
    if subsidised and kind is None:
        kind = EmploymentKind.EMPLOYMENT
    if kind is None:
        reader.refuse("kind", _("Unknown kind of job: {text}.").format(text=text))
    start = reader.day("start_on")
    if start is None and not reader.problems:
        reader.refuse("start_on", _("Fill in: {field}.").format(field=_("Start date")))
    end = reader.day("end_on", DateRange.PLAN)
    hours = reader.number("hours_per_week")
    sector_text = reader.text("sector")
    sector = codes.match_within(Sector, codes.SECTOR_WORDS, sector_text) if sector_text else None
    notes = ""
    if sector_text and sector is None:
        notes = _("Sector as written in the spreadsheet: {text}").format(text=sector_text)
        reader.notice("sector", _("Sector not recognised, kept in the notes: {text}.").format(text=sector_text))
    if reader.problems or kind is None or start is None:
        return None
    employment = Employment(
        client_id="",
        start_on=start,
        end_on=end,
        kind=kind,
        title=reader.text("title"),
        sector=sector,
        hours_per_week=hours,
        pay_subsidy=subsidised,
        notes=notes,
    )
    if not reader.check(employment):
        return None
    return JobRow(reader.row, employment, reader.text("employer"))
