"""Työkyky benchmark: every operation against the raw floor measured in the same run.

    python bench/run.py                 # 1,000 and 10,000 clients (every row), 50,000 (the archive rows)
    python bench/run.py --sizes 1000    # one size
    python bench/run.py --smoke         # a tiny vault and one run (the test suite runs this)

Prints a Markdown table, writes bench/results/latest.json and, after a run of the default sizes, puts the
table into bench/README.md ("Latest full run"). See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tyokykyapp.vault import Vault
    from ui.operations import Operations

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark passphrase for synthetic data"
TODAY = date(2026, 11, 23)
SEARCH_WORD = "trukkikortti"
TYPING_SECONDS = 1.5
DEFAULT_SIZES = [1000, 10000, 50000]
# An organisation's archive merged for reporting: only the rows whose cost grows with the whole vault (Today,
# the list, search, reports) are measured at this size and above.
ARCHIVE = 50000
SPREAD_LIMIT = 0.30  # a row whose runs differ more than this (max - min over the median) is run again
MAX_RERUNS = 2
README = ROOT / "bench" / "README.md"
LATEST_BEGIN, LATEST_END = "<!-- latest run: begin -->", "<!-- latest run: end -->"


@dataclass
class Runs:
    """The times of one measurement's runs (ms), kept after re-running it while their spread was too wide."""

    times: list[float]
    freezes: list[float]
    reruns: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def spread(self) -> float:
        return (max(self.times) - min(self.times)) / self.median if self.median else 0.0

    @property
    def freeze(self) -> float | None:
        return max(self.freezes) if self.freezes else None


def runs(measure: Callable[[], float | tuple[float, float]], repeat: int) -> Runs:
    """`repeat` runs of `measure` (milliseconds, or milliseconds and the freeze); all of them again, up to
    MAX_RERUNS times, while their spread is over SPREAD_LIMIT. The last set is the one reported."""
    result = Runs([], [])
    for attempt in range(MAX_RERUNS + 1):
        times, freezes = [], []
        for _ in range(repeat):
            value = measure()
            if isinstance(value, tuple):
                times.append(value[0])
                freezes.append(value[1])
            else:
                times.append(value)
        result = Runs(times, freezes, attempt)
        if repeat < 3 or result.spread <= SPREAD_LIMIT:
            break
    return result


def timed(action: Callable[[], object]) -> Callable[[], float]:
    """`action` as a measurement: its wall time in milliseconds."""

    def measure() -> float:
        started = time.perf_counter()
        action()
        return (time.perf_counter() - started) * 1000

    return measure


def median_ms(action: Callable[[], object], repeat: int) -> float:
    return runs(timed(action), repeat).median


@dataclass
class Row:
    size: int
    operation: str
    app_ms: float
    floor_ms: float | None
    target: str
    passed: bool
    low_ms: float | None = None  # the fastest and slowest of the app's runs
    high_ms: float | None = None
    freeze_ms: float | None = None  # the longest gap in the GUI event loop (GUI operations only)
    reruns: int = 0

    @property
    def ratio(self) -> float | None:
        return self.app_ms / self.floor_ms if self.floor_ms else None


def row(
    size: int,
    operation: str,
    app: Runs | float,
    floor: Runs | float | None,
    target: str,
    meets: Callable[[float, float | None], bool],
) -> Row:
    """A row of the table: `meets(app, floor)` is the target's test; a GUI operation also fails on a freeze."""
    from bench.freeze import FREEZE_TARGET_MS

    app_ms = app.median if isinstance(app, Runs) else app
    floor_ms = floor.median if isinstance(floor, Runs) else floor
    freeze = app.freeze if isinstance(app, Runs) else None
    passed = meets(app_ms, floor_ms) and (freeze is None or freeze <= FREEZE_TARGET_MS)
    many = isinstance(app, Runs) and len(app.times) > 1
    return Row(
        size,
        operation,
        round(app_ms, 2),
        None if floor_ms is None else round(floor_ms, 2),
        target,
        passed,
        low_ms=round(min(app.times), 2) if isinstance(app, Runs) and many else None,
        high_ms=round(max(app.times), 2) if isinstance(app, Runs) and many else None,
        freeze_ms=None if freeze is None else round(freeze, 1),
        reruns=app.reruns if isinstance(app, Runs) else 0,
    )


def vault_for(size: int, cache: Path) -> Path:
    """A synthetic vault of `size` clients with about 40 meetings each, made once and reused."""
    from tyokykyapp.demo import generate_caseload
    from tyokykyapp.services import CoachDetails, due_list, set_coach_details
    from tyokykyapp.vault import Vault

    folder = cache / f"vault-{size}"
    if not (folder / "vault.keys").exists():
        print(f"generating a {size}-client vault (once; cached in {cache}) ...", file=sys.stderr, flush=True)
        vault, _key = Vault.create(folder, PASSPHRASE)
        with vault:
            set_coach_details(vault, CoachDetails(name="Bench Coach", organisation="Bench Org"))
            generate_caseload(vault, size, seed=size, today=TODAY, meetings_per_client=40)
    # A cached vault is brought to the newest schema, and its due results computed as the app's first Today
    # after an upgrade does; the runs below then measure the everyday state ("nothing kept" is measured too).
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        due_list(vault, date.today())
    return folder


def app_environment(folder: Path, home: Path) -> dict[str, str]:
    """A fresh interpreter that finds `folder` as its default vault (as a coach's start does) and keeps its
    settings under `home`, never in the user's own folders."""
    data = home / "data"
    (data / "tyokyky").mkdir(parents=True, exist_ok=True)
    link = data / "tyokyky" / "vault"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(folder.resolve(), target_is_directory=True)
    return os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(data),
        "XDG_CONFIG_HOME": str(home / "config"),
        "TYOKYKY_VAULT": "",
    }


def subprocess_runs(code: str, repeat: int, env: dict[str, str]) -> Runs:
    """A fresh interpreter running `code` for each run; its last line is the run's milliseconds (or JSON:
    milliseconds and the freeze)."""

    def once() -> float | tuple[float, float]:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, env=env
        )
        value = json.loads(out.stdout.strip().splitlines()[-1])
        return (float(value[0]), float(value[1])) if isinstance(value, list) else float(value)

    return runs(once, repeat)


COLD_FLOOR = textwrap.dedent("""
    import time; t = time.perf_counter()
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([]); w = QWidget(); w.resize(900, 600); w.show(); app.processEvents()
    print((time.perf_counter() - t) * 1000)
""")
# The app as a coach starts it: the default vault folder, the window shown with its unlock screen.
COLD_APP = textwrap.dedent("""
    import time; t = time.perf_counter()
    import shiboken6
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ui.app import MainWindow
    w = MainWindow(); w.show(); app.processEvents()
    elapsed = (time.perf_counter() - t) * 1000
    assert type(w.stack.currentWidget()).__name__ == "UnlockScreen"
    print(elapsed)
""")
# The built program (python3 bootstrap.py installer), timed against the same start from source.
FROZEN = ROOT / "dist" / "tyokyky" / ("tyokykyapp.exe" if sys.platform == "win32" else "tyokykyapp")


def spawn_to_window(command: list[str], repeat: int, env: dict[str, str]) -> Runs:
    """From starting the process, as a double-click does, until its window shows the first screen: the
    program's --check-start reports the wall-clock moment the window was shown."""

    def once() -> float:
        started = time.time()
        out = subprocess.run([*command, "--check-start"], capture_output=True, text=True, check=True, env=env)
        return float((json.loads(out.stdout.strip().splitlines()[-1])["shown_at"] - started) * 1000)

    return runs(once, repeat)


# Unlocking in a fresh app, after {typing} s on the unlock screen (typing a passphrase takes longer): from
# pressing Enter until Today is drawn, and the longest freeze of the window meanwhile.
UNLOCK_APP = textwrap.dedent("""
    import json, time
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ui.app import MainWindow
    from bench.freeze import measure_gui
    w = MainWindow(); w.show(); app.processEvents()
    typing = time.monotonic() + {typing}
    while time.monotonic() < typing:
        app.processEvents(); time.sleep(0.005)
    screen = w.stack.currentWidget(); screen.passphrase.setText({passphrase!r})
    elapsed, freeze = measure_gui(screen.try_unlock, lambda: w.work is not None and w.work.today.isVisible())
    print(json.dumps([elapsed, freeze]))
""")
PEAK_MEMORY = textwrap.dedent("""
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ui.app import MainWindow
    w = MainWindow(); w.show(); app.processEvents()
    screen = w.stack.currentWidget(); screen.passphrase.setText({passphrase!r})
    from bench.freeze import run_until
    screen.try_unlock(); run_until(lambda: w.work is not None)
    w.work.show_section(w.work.clients); app.processEvents()
    w.work.clients.view.scrollToBottom(); app.processEvents()
    w.work.open_client(w.work.clients.model.client_id(0)); app.processEvents()
    # The high-water mark of this process image: ru_maxrss would also count the benchmark process it was
    # forked from (Linux keeps the larger of the two across exec), which made the app look ~100 MB bigger.
    status = dict(line.split(":", 1) for line in open("/proc/self/status"))
    print(int(status["VmHWM"].split()[0]) / 1024)
""")


def argon2_parameters(folder: Path) -> str:
    """The passphrase slot's Argon2id parameters, so that unlocking runs are compared on equal terms."""
    from tyokykyapp.vault.keyslots import PASSPHRASE_SLOT, KeyFile

    slot = KeyFile.load(folder / "vault.keys").slots[PASSPHRASE_SLOT]
    return f"Argon2id t={slot['time_cost']}, m={slot['memory_kib'] // 1024} MiB, p={slot['parallelism']}"


def measure_size(size: int, folder: Path, repeat: int, work: Path) -> list[Row]:
    import shiboken6
    from PySide6.QtWidgets import QApplication, QWidget

    from bench.freeze import measure_gui
    from tyokykyapp.forms.render import FormKind, render_form
    from tyokykyapp.handover import export_clients
    from tyokykyapp.handover.envelope import open_envelope
    from tyokykyapp.handover.payload import decode
    from tyokykyapp.report import tally_vault
    from tyokykyapp.report.caseload import load_caseload, mapping_windows, meeting_windows
    from tyokykyapp.report.figures import build_report
    from tyokykyapp.report.period import Period
    from tyokykyapp.services import coach_details, due_list
    from tyokykyapp.vault import Vault, report_facts
    from tyokykyapp.vault.database import connect
    from tyokykyapp.vault.due_cache import KEPT_SQL, STALE_SQL
    from tyokykyapp.vault.due_facts import CLIENTS_SQL, ROWS_SQL
    from tyokykyapp.vault.keyslots import PASSPHRASE_SLOT, KdfParams, KeyFile, calibrated_params
    from tyokykyapp.vault.repository import fts_query
    from ui.dialogs.handover import ExportDialog, ImportDialog
    from ui.models.client_list_model import PAGE, ClientListModel
    from ui.operations import Operations
    from ui.print_ops import preview_client_form
    from ui.screens.reports import ReportsScreen
    from ui.screens.today import TodayScreen
    from ui.screens.workspace import ClientWorkspace

    _app = QApplication.instance() or QApplication([])  # the screens below need one
    rows: list[Row] = []
    archive = size >= ARCHIVE

    def add(
        operation: str,
        app: Runs | float,
        floor: Runs | float | None,
        target: str,
        meets: Callable[[float, float | None], bool] = lambda _app, _floor: True,
    ) -> None:
        rows.append(row(size, operation, app, floor, target, meets))

    env = app_environment(folder, work / f"home-{size}")
    today = date.today()  # what the app's Today uses

    if not archive:
        # Cold start to the unlock window.
        floor = subprocess_runs(COLD_FLOOR, repeat, env)
        cold = subprocess_runs(COLD_APP, repeat, env)
        add("cold start to the unlock screen", cold, floor, "≤ 1.5× floor", lambda a, f: a <= 1.5 * (f or 0))
        if FROZEN.exists():
            source = spawn_to_window([sys.executable, "-m", "ui"], repeat, env | {"PYTHONPATH": str(ROOT)})
            frozen = spawn_to_window([str(FROZEN)], repeat, env)
            add("… the built program, process start to the unlock screen (floor: the same from source)", frozen,
                source, "—")  # fmt: skip

        # Unlock to Today drawn, against the key derivation + opening with the raw key + one query.
        key_file = KeyFile.load(folder / "vault.keys")

        def unlock_floor() -> None:
            data_key = key_file.unwrap(PASSPHRASE_SLOT, PASSPHRASE)
            connection = connect(folder / "vault.db", data_key)
            connection.execute("SELECT count(*) FROM clients").fetchone()
            connection.close()

        floor = runs(timed(unlock_floor), repeat)
        unlocked = subprocess_runs(UNLOCK_APP.format(typing=TYPING_SECONDS, passphrase=PASSPHRASE), repeat, env)
        add(f"unlock to Today drawn (floor: {argon2_parameters(folder)} + opening + one query)", unlocked, floor,
            "≤ 1.15× floor", lambda a, f: a <= 1.15 * (f or 0))  # fmt: skip

    vault = Vault.unlock(folder, passphrase=PASSPHRASE)
    db, repo = vault.connection, vault.repo
    host = QWidget()  # the dialogs' and progress windows' parent, as the main window is in the app
    ops = Operations(host)
    ops.vault = vault

    # The client list: first page shown, against the count and page queries.
    def list_floor() -> None:
        db.execute("SELECT count(*) FROM clients WHERE deleted_at IS NULL").fetchone()
        db.execute(
            "SELECT id, family_name, given_names, phase, maintenance_level, phase_since, started_on, "
            "deleted_at FROM clients WHERE deleted_at IS NULL ORDER BY sort_name, seq "
            f"LIMIT {PAGE}"
        ).fetchall()

    def list_app() -> None:
        model = ClientListModel(ops)
        model.reload()
        assert model.rowCount() == min(PAGE, size)

    floor, listed = runs(timed(list_floor), repeat), runs(timed(list_app), repeat)
    add("client list shown", listed, floor, "≤ 100 ms", lambda a, _f: a <= 100)

    # Today: the screen filled (due list, meetings, caseload, recent), against the queries it reads.
    params = {"today": today.isoformat()}

    def today_floor() -> None:
        db.execute(KEPT_SQL, params).fetchall()
        db.execute(STALE_SQL, params).fetchall()
        db.execute(
            "SELECT phase, maintenance_level, count(*) FROM clients WHERE deleted_at IS NULL"
            " GROUP BY phase, maintenance_level"
        ).fetchall()

    def today_app() -> None:
        shiboken6.delete(TodayScreen(ops))

    floor, today_ms = runs(timed(today_floor), repeat), runs(timed(today_app), repeat)
    add("Today's due list", today_ms, floor, "≤ 100 ms", lambda a, _f: a <= 100)
    add("due list (core only)", runs(timed(lambda: due_list(vault, today)), repeat), floor, "—")

    # The same with nothing kept, as after an upgrade of the rules or a large import: every open client's
    # facts are read and run through the rules, and the results kept. Against the facts queries alone.
    def recompute_floor() -> None:
        for query in (CLIENTS_SQL, ROWS_SQL):
            db.execute(query.format(only=""), params).fetchall()

    def recompute_app() -> float:
        db.execute("UPDATE due_cache SET valid_until = ''")
        return timed(lambda: shiboken6.delete(TodayScreen(ops)))()

    add("Today's due list, nothing kept (once after an upgrade)", runs(recompute_app, repeat),
        runs(timed(recompute_floor), repeat), "—")  # fmt: skip

    # Full-text search, against the bare FTS5 query.
    query = fts_query(SEARCH_WORD)

    def search_floor() -> None:
        # The same two full-text queries the app runs (names, then record texts), every match, no joins.
        db.execute("SELECT rowid FROM client_text WHERE client_text MATCH ?", (query,)).fetchall()
        db.execute("SELECT rowid FROM record_text WHERE record_text MATCH ?", (query,)).fetchall()

    floor = runs(timed(search_floor), repeat)
    searched = runs(timed(lambda: repo.search_clients(SEARCH_WORD)), repeat)
    add("full-text search", searched, floor, "≤ 2× floor and ≤ 50 ms", lambda a, f: a <= 2 * (f or 0) and a <= 50)
    if archive:
        vault.close()
        return rows

    # Opening a client's workspace, against the SQL that loads that client.
    busiest = db.execute(
        "SELECT client_id FROM records WHERE kind = 'meeting' GROUP BY client_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]

    def open_floor() -> None:
        db.execute("SELECT data FROM clients WHERE id = ?", (busiest,)).fetchone()
        db.execute(
            "SELECT kind, data, created_at, updated_at FROM records WHERE client_id = ? "
            "AND deleted_at IS NULL ORDER BY on_date, seq",
            (busiest,),
        ).fetchall()

    opened: list[QWidget] = []

    def open_app() -> tuple[float, float]:
        measured = measure_gui(lambda: opened.append(ClientWorkspace(ops, repo.client_file(busiest))))
        shiboken6.delete(opened.pop())
        return measured

    floor = runs(timed(open_floor), repeat)
    add("open a client's workspace", runs(open_app, repeat), floor, "≤ 50 ms", lambda a, _f: a <= 50)

    # Forms.
    coach = coach_details(vault)
    file = repo.client_file(busiest)
    consent = runs(timed(lambda: render_form(FormKind.CONSENT, coach=coach, file=file, lang="fi")), repeat)
    add("consent form to PDF", consent, None, "≤ 200 ms", lambda a, _f: a <= 200)
    report = runs(timed(lambda: render_form(FormKind.ACCESS_REPORT, coach=coach, file=file, lang="fi")), repeat)
    add("access report to PDF (busiest client)", report, None, "—")

    # The outcome report of the last twelve months (issue 15), against the queries it runs.
    period = Period(date(today.year - 1, today.month, 1), today)

    people = load_caseload(vault, period).people
    windows = [(c, first, last) for c, p in people.items() for first, last in meeting_windows(p, period)]
    mapping = [(c, first, last) for c, p in people.items() for first, last in mapping_windows(p, period)]

    def report_floor() -> None:
        for kind in report_facts.PER_CLIENT:
            report_facts.record_rows(db, kind)
        report_facts.face_to_face_contacts(db)
        report_facts.meeting_minutes(db, period.first, period.last)
        report_facts.contact_rows(db, period.first, period.last)
        report_facts.held_meetings(db, windows)
        report_facts.meeting_counts(db, mapping)

    def report_app() -> None:
        build_report(tally_vault(vault, period))

    report_floor_runs = runs(timed(report_floor), repeat)
    add("outcome report of twelve months", runs(timed(report_app), repeat), report_floor_runs, "≤ 1 s",
        lambda a, _f: a <= 1000)  # fmt: skip

    def report_screen() -> tuple[float, float]:
        screen = ReportsScreen(ops)
        measured = measure_gui(screen.refresh, lambda: screen.tally is not None and not ops.busy)
        shiboken6.delete(screen)
        return measured

    add("… the same counted and drawn on the Reports screen", runs(report_screen, repeat), report_floor_runs,
        "≤ 1 s, freeze ≤ 100 ms", lambda a, _f: a <= 1000)  # fmt: skip

    def preview_app() -> tuple[float, float]:
        shown: list[QWidget] = []

        def start() -> None:
            dialog = preview_client_form(host, ops, FormKind.ACCESS_REPORT, busiest, large_print=False)
            assert dialog is not None
            shown.append(dialog)

        measured = measure_gui(start, lambda: bool(shown) and shown[0].ready)  # type: ignore[attr-defined]
        shiboken6.delete(shown[0])
        return measured

    add("access report previewed (busiest client; floor: the PDF alone)", runs(preview_app, repeat), report,
        "freeze ≤ 100 ms")  # fmt: skip

    # Handover of 50 clients, as the dialogs do it (on a worker thread behind a progress window), against the
    # key derivation plus reading or writing the same rows.
    ids = [s.id for s in repo.clients(limit=min(50, size))]
    kdf = calibrated_params()
    out = work / f"bench-{size}.tyokyky"
    export_clients(vault, ids, out, PASSPHRASE, kdf=kdf)  # the file the import rows read

    def export_floor() -> None:
        kdf.derive("floor", b"0" * 16)
        for client_id in ids:
            vault.transfer.client_row(client_id)
            rows_ = vault.transfer.record_rows(client_id)
            vault.transfer.revision_rows([client_id, *[r["id"] for r in rows_]])

    def export_app() -> tuple[float, float]:
        dialog = ExportDialog(ops, ids, host)
        target = work / f"exported-{size}.tyokyky"
        target.unlink(missing_ok=True)
        measured = measure_gui(lambda: dialog.export_to(target, ids), lambda: not ops.busy)
        shiboken6.delete(dialog)
        return measured

    derive_ms = median_ms(lambda: kdf.derive("x", b"0" * 16), repeat)
    floor = runs(timed(export_floor), repeat)
    add("handover export of 50 clients", runs(export_app, repeat), floor, "≤ 1 s beyond key derivation",
        lambda a, _f: a - derive_ms <= 1000)  # fmt: skip

    target_folder = work / f"import-target-{size}"
    receiver, _key = Vault.create(target_folder, PASSPHRASE, kdf=KdfParams(1, 8 * 1024, 1))
    receiving = Operations(host)
    receiving.vault = receiver
    handover_bytes = out.read_bytes()

    def import_floor() -> None:
        decode(open_envelope(handover_bytes, PASSPHRASE))

    def import_app() -> tuple[float, float]:
        dialog = ImportDialog(receiving, host)
        dialog.choose_file(out)
        dialog.passphrase.setText(PASSPHRASE)

        def start() -> None:
            dialog.check_file()

        def checked_then_imported() -> bool:
            if receiving.busy:
                return False
            if dialog.handover is not None:  # verified and summarised: the coach presses Import
                dialog.do_import()
                return False
            return True

        measured = measure_gui(start, checked_then_imported)
        shiboken6.delete(dialog)
        return measured

    floor = runs(timed(import_floor), repeat)
    imported = runs(import_app, 1)  # the first import writes; later ones find everything present
    add("handover import of 50 clients (checked, then imported)", imported, floor, "≤ 1 s beyond key derivation",
        lambda a, _f: a - derive_ms <= 1000)  # fmt: skip
    receiver.close()
    rows.extend(backup_rows(vault, ops, host, folder, size, repeat, work))
    vault.close()
    shiboken6.delete(host)

    # Peak resident memory with the vault open in the app.
    peak = subprocess_runs(PEAK_MEMORY.format(passphrase=PASSPHRASE), 1, env)
    add("peak memory, MB (app open, list scrolled, a client open)", peak, None, "≤ 300 MB", lambda a, _f: a <= 300)
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        vault.connection.execute("UPDATE due_cache SET valid_until = ''")
    peak = subprocess_runs(PEAK_MEMORY.format(passphrase=PASSPHRASE), 1, env)
    add("peak memory, MB, the same with nothing kept (once after an upgrade)", peak, None, "≤ 300 MB",
        lambda a, _f: a <= 300)  # fmt: skip
    return rows


SHEET_JOBS_PER_CLIENT = 3  # over two years


def sheet_for(clients: int, path: Path) -> Path:
    """A coach's caseload workbook: `clients` rows and a sheet of their jobs over the two years before TODAY."""
    import random
    from datetime import timedelta

    from openpyxl import Workbook

    rng = random.Random(clients)
    book = Workbook()
    sheet = book.active
    sheet.title = "Asiakkaat"
    sheet.append(
        ["Sukunimi", "Etunimi", "Syntymäaika", "Aloituspäivä", "Lähettäjä", "Vaihe", "Puhelin", "Muistiinpanot"]
    )
    jobs = book.create_sheet("Työsuhteet")
    jobs.append(["Sukunimi", "Etunimi", "Syntymäaika", "Laji", "Alkoi", "Päättyi", "Työnantaja", "Tehtävä", "Tunnit"])
    phases = ["alkukartoitus", "työnhaku", "tuki", "ylläpito"]
    for i in range(clients):
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(15_000))
        entered = TODAY - timedelta(days=730 + rng.randrange(60))
        family, given = f"Sukunimi{i}", f"Etunimi{i}"
        sheet.append(
            [
                family,
                given,
                born,
                entered,
                rng.choice(["TYP", "Kela", "kuntouttava työtoiminta"]),
                rng.choice(phases),
                "040 123 4567",
                "Tuotu vanhasta listasta.",
            ]
        )
        for j in range(SHEET_JOBS_PER_CLIENT):
            start = entered + timedelta(days=60 + 220 * j)
            jobs.append(
                [
                    family,
                    given,
                    born,
                    rng.choice(["työsuhde", "työkokeilu", "palkkatuettu työ"]),
                    start,
                    start + timedelta(days=180),
                    f"Yritys {rng.randrange(200)} Oy",
                    "Avustava työ",
                    20,
                ]
            )
    book.save(path)
    return path


def measure_sheet_import(clients: int, repeat: int, work: Path) -> list[Row]:
    """Importing a caseload from a workbook into an empty vault (read, check, match, write), against
    calamine reading the same workbook into Python lists."""
    import python_calamine
    import shiboken6
    from PySide6.QtWidgets import QWidget

    from bench.freeze import measure_gui
    from tyokykyapp.sheets.importing import choose_sheets, plan_import, run_import
    from tyokykyapp.sheets.reading import read_workbook
    from tyokykyapp.vault import KdfParams, Vault
    from ui.dialogs.sheet_import import COLUMNS_PAGE, DONE_PAGE, REPORT_PAGE, SheetImportDialog
    from ui.operations import Operations

    path = sheet_for(clients, work / f"caseload-{clients}.xlsx")

    def floor() -> None:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()

    attempts = iter(range(10 * repeat))  # every run into a vault of its own (re-runs included)

    def imported() -> float:
        vault, _key = Vault.create(
            work / f"sheet-import-{clients}-{next(attempts)}", PASSPHRASE, kdf=KdfParams(1, 8 * 1024, 1)
        )
        with vault:
            started = time.perf_counter()
            sheets = choose_sheets(read_workbook(path))
            result = run_import(vault, plan_import(vault, *sheets))
            elapsed = (time.perf_counter() - started) * 1000
            assert result.clients_added == clients and not result.rows_refused
        return elapsed

    def dialog_imported() -> tuple[float, float]:
        """The same through the import dialog, as a coach does it: read, check, import (each on a worker
        thread, the dialog's pages shown between them); the time is the three steps', the freeze the worst."""
        host = QWidget()
        ops = Operations(host)
        ops.vault, _key = Vault.create(
            work / f"sheet-dialog-{clients}-{next(attempts)}", PASSPHRASE, kdf=KdfParams(1, 8 * 1024, 1)
        )
        dialog = SheetImportDialog(ops, host)
        dialog.file.setText(str(path))
        steps = ((dialog.read_file, COLUMNS_PAGE), (dialog.check_rows, REPORT_PAGE), (dialog.do_import, DONE_PAGE))
        total = worst = 0.0
        for step, page in steps:
            elapsed, freeze = measure_gui(step, lambda page=page: dialog.pages.currentIndex() == page and not ops.busy)
            total, worst = total + elapsed, max(worst, freeze)
        assert ops.vault.repo.count_clients() == clients
        ops.vault.close()
        shiboken6.delete(host)
        return total, worst

    operation = f"spreadsheet import (.xlsx, {SHEET_JOBS_PER_CLIENT} jobs per client over two years)"
    floor_runs = runs(timed(floor), repeat)
    through_dialog = "… the same through the import dialog"

    def meets(app: float, _floor: float | None) -> bool:
        return app <= 3000

    return [
        row(clients, operation, runs(imported, repeat), floor_runs, "≤ 3 s", meets),
        row(clients, through_dialog, runs(dialog_imported, repeat), floor_runs, "≤ 3 s, freeze ≤ 100 ms", meets),
    ]


def raw_copy(files: list[Path], into: Path) -> None:
    """The floor of a backup or a restore: the same bytes copied and flushed to the disk, nothing checked."""
    into.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, into / path.name)
        with (into / path.name).open("rb+") as handle:
            os.fsync(handle.fileno())


def backup_rows(vault: Vault, ops: Operations, host: QWidget, folder: Path, size: int, repeat: int,
                work: Path) -> list[Row]:  # fmt: skip
    """Backup (the encrypted bytes copied, every page checked beside, the manifest), as the app makes it on a
    worker thread behind a progress window, and restore (every byte and page checked, copied in, the vault
    moved aside), each against a raw copy of the same files."""
    from bench.freeze import measure_gui
    from tyokykyapp.backups.make import make_backup
    from tyokykyapp.backups.restore import Secret, open_backup, restore_backup

    vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the raw copy then holds everything too
    files = [folder / "vault.db", folder / "vault.keys"]
    scratch = work / f"backups-{size}"

    def fresh() -> None:
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()

    def on_scratch(action: Callable[[], object]) -> Callable[[], float]:
        def measure() -> float:
            fresh()
            return timed(action)()

        return measure

    def backup_app() -> tuple[float, float]:
        fresh()
        job = ops.run_in_background(host, "backup", make_backup, scratch, on_done=lambda _made: None)
        assert job is not None
        return measure_gui(lambda: None, lambda: not ops.busy)

    floor = runs(on_scratch(lambda: raw_copy(files, scratch / "raw")), repeat)
    backed_up = runs(backup_app, repeat)
    fresh()
    backup = make_backup(vault, work / f"kept-{size}").backup
    opened = open_backup(backup, Secret(passphrase=PASSPHRASE))  # the coach types it before choosing Restore
    restored = runs(on_scratch(lambda: restore_backup(opened, scratch / "vault")), repeat)
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.rmtree(backup.path, ignore_errors=True)
    return [
        row(size, "backup: copied and every page checked (vs a raw copy of the same files)", backed_up, floor,
            "≤ 2× floor", lambda a, f: a <= 2 * (f or 0)),
        row(size, "restore: every byte and page checked, put in place (vs the same raw copy)", restored, floor,
            "≤ 2× floor", lambda a, f: a <= 2 * (f or 0)),
    ]  # fmt: skip


def table(rows: list[Row]) -> str:
    lines = [
        "| clients | operation | app (ms) | spread (ms) | floor (ms) | ratio | freeze (ms) | target | result |",
        "|---:|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        floor = f"{r.floor_ms:.1f}" if r.floor_ms is not None else "—"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        spread = f"{r.low_ms:.1f}–{r.high_ms:.1f}" if r.low_ms is not None and r.high_ms is not None else "—"
        if r.reruns:
            spread += f" (run {r.reruns + 1}×)"
        freeze = f"{r.freeze_ms:.0f}" if r.freeze_ms is not None else "—"
        lines.append(
            f"| {r.size} | {r.operation} | {r.app_ms:.1f} | {spread} | {floor} | {ratio} | {freeze} | {r.target} | "
            f"{'pass' if r.passed else 'FAIL'} |"
        )
    return "\n".join(lines)


def growth(rows: list[Row]) -> str:
    """How each operation's cost grows with the vault, from its smallest to its largest size measured: the
    exponent k of time ∝ clients^k (below 0.3 constant, up to 1.3 linear, above that worse)."""
    by_operation: dict[str, list[Row]] = {}
    for r in rows:
        by_operation.setdefault(r.operation, []).append(r)
    lines = ["| operation | sizes | app (ms) | grows | k |", "|---|---|---|---|---:|"]
    for operation, measured in by_operation.items():
        measured.sort(key=lambda r: r.size)
        small, large = measured[0], measured[-1]
        if len(measured) < 2 or small.app_ms <= 0 or operation.startswith("peak memory"):
            continue
        k = math.log(large.app_ms / small.app_ms) / math.log(large.size / small.size)
        kind = "constant" if k < 0.3 else "linear" if k <= 1.3 else "worse than linear"
        sizes = " → ".join(f"{r.size:,}" for r in measured)
        times = " → ".join(f"{r.app_ms:.1f}" for r in measured)
        lines.append(f"| {operation} | {sizes} | {times} | {kind} | {k:.2f} |")
    return "\n".join(lines)


def report(rows: list[Row], load: str) -> str:
    """The table as the README shows it: the machine and its load, every row (missed ones stay, as missed),
    and how the cost grows."""
    missed = [r for r in rows if not r.passed]
    verdict = (
        "Every target is met in this run."
        if not missed
        else f"{len(missed)} of {len(rows)} rows miss their target: "
        + "; ".join(f"{r.operation} at {r.size:,}" for r in missed)
        + "."
    )
    return "\n\n".join(
        [
            f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.system()}, offscreen; "
            f"load before the run: {load}. Run on {date.today().isoformat()}.",
            table(rows),
            verdict,
            "How the cost grows with the vault (time ∝ clients^k between the sizes measured):",
            growth(rows),
        ]
    )


def update_readme(text: str, readme: Path = README) -> None:
    """Replace the README's latest run (between its two markers) with `text`."""
    content = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(LATEST_BEGIN) + ".*?" + re.escape(LATEST_END), re.DOTALL)
    if not pattern.search(content):
        raise SystemExit(f"{readme} has no {LATEST_BEGIN} … {LATEST_END} section")
    readme.write_text(pattern.sub(lambda _m: f"{LATEST_BEGIN}\n{text}\n{LATEST_END}", content), encoding="utf-8")


def load_average() -> str:
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="a tiny vault, one run each: checks the script works")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    parser.add_argument("--cache", type=Path, default=ROOT / "bench" / ".cache")
    parser.add_argument("--no-readme", action="store_true", help="leave bench/README.md as it is")
    args = parser.parse_args(argv)
    sizes, repeat = ([20], 1) if args.smoke else (args.sizes, max(5, args.repeat))
    cache = Path(tempfile.mkdtemp(prefix="tyokyky-bench-")) if args.smoke else args.cache
    cache.mkdir(parents=True, exist_ok=True)
    load = load_average()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="tyokyky-bench-work-") as work:
        for size in sizes:
            rows += measure_size(size, vault_for(size, cache), repeat, Path(work))
        rows += measure_sheet_import(20 if args.smoke else 1000, repeat, Path(work))
    text = report(rows, load)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "machine": {"python": platform.python_version(), "system": platform.platform(), "cpus": os.cpu_count()},
                "load": load,
                "repeat": repeat,
                "rows": [asdict(r) | {"ratio": r.ratio} for r in rows],
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    if not args.smoke and not args.no_readme and sorted(sizes) == DEFAULT_SIZES:
        update_readme(text)
    return 0 if args.smoke or all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
