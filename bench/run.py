"""Työkyky benchmark: every operation against the raw floor measured in the same run.

    python bench/run.py                 # 1,000 and 10,000 clients, median of 5 runs each
    python bench/run.py --sizes 1000    # one size
    python bench/run.py --smoke         # a tiny vault and one run (the test suite runs this)

Prints a Markdown table and writes bench/results/latest.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
    from tyokykyapp.vault import Vault

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark passphrase for synthetic data"
TODAY = date(2026, 11, 23)
SEARCH_WORD = "trukkikortti"
TYPING_SECONDS = 1.5


@dataclass
class Row:
    size: int
    operation: str
    app_ms: float
    floor_ms: float | None
    target: str
    passed: bool

    @property
    def ratio(self) -> float | None:
        return self.app_ms / self.floor_ms if self.floor_ms else None


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


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


def subprocess_ms(code: str, repeat: int, env: dict[str, str]) -> float:
    """Wall time of a fresh interpreter running `code`, which prints its own elapsed milliseconds."""
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, env=env
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


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


def spawn_to_window_ms(command: list[str], repeat: int, env: dict[str, str]) -> float:
    """From starting the process, as a double-click does, until its window shows the first screen: the
    program's --check-start reports the wall-clock moment the window was shown."""
    times = []
    for _ in range(repeat):
        started = time.time()
        out = subprocess.run([*command, "--check-start"], capture_output=True, text=True, check=True, env=env)
        times.append((json.loads(out.stdout.strip().splitlines()[-1])["shown_at"] - started) * 1000)
    return statistics.median(times)


# Unlocking in a fresh app, after {typing} s on the unlock screen (typing a passphrase takes longer).
UNLOCK_APP = textwrap.dedent("""
    import time
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ui.app import MainWindow
    w = MainWindow(); w.show(); app.processEvents()
    typing = time.monotonic() + {typing}
    while time.monotonic() < typing:
        app.processEvents(); time.sleep(0.005)
    screen = w.stack.currentWidget(); screen.passphrase.setText({passphrase!r})
    t = time.perf_counter()
    screen.try_unlock(); app.processEvents()
    elapsed = (time.perf_counter() - t) * 1000
    assert w.work is not None and w.work.today.isVisible()
    print(elapsed)
""")
PEAK_MEMORY = textwrap.dedent("""
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ui.app import MainWindow
    w = MainWindow(); w.show(); app.processEvents()
    screen = w.stack.currentWidget(); screen.passphrase.setText({passphrase!r}); screen.try_unlock()
    app.processEvents()
    w.work.show_section(w.work.clients); app.processEvents()
    w.work.clients.view.scrollToBottom(); app.processEvents()
    w.work.open_client(w.work.clients.model.client_id(0)); app.processEvents()
    # The high-water mark of this process image: ru_maxrss would also count the benchmark process it was
    # forked from (Linux keeps the larger of the two across exec), which made the app look ~100 MB bigger.
    status = dict(line.split(":", 1) for line in open("/proc/self/status"))
    print(int(status["VmHWM"].split()[0]) / 1024)
""")


def measure_size(size: int, folder: Path, repeat: int, work: Path) -> list[Row]:
    import shiboken6
    from PySide6.QtWidgets import QApplication

    from tyokykyapp.forms.render import FormKind, render_form
    from tyokykyapp.handover import export_clients, merge, read_handover
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
    from ui.models.client_list_model import PAGE, ClientListModel
    from ui.operations import Operations
    from ui.screens.today import TodayScreen
    from ui.screens.workspace import ClientWorkspace

    _app = QApplication.instance() or QApplication([])  # the screens below need one
    rows: list[Row] = []

    def add(operation: str, app_ms: float, floor_ms: float | None, target: str, passed: bool) -> None:
        rows.append(
            Row(size, operation, round(app_ms, 2), None if floor_ms is None else round(floor_ms, 2), target, passed)
        )

    env = app_environment(folder, work / f"home-{size}")
    today = date.today()  # what the app's Today uses

    # Cold start to the unlock window.
    floor = subprocess_ms(COLD_FLOOR, repeat, env)
    cold = subprocess_ms(COLD_APP, repeat, env)
    add("cold start to the unlock screen", cold, floor, "≤ 1.5× floor", cold <= 1.5 * floor)
    if FROZEN.exists():
        source = spawn_to_window_ms([sys.executable, "-m", "ui"], repeat, env | {"PYTHONPATH": str(ROOT)})
        frozen = spawn_to_window_ms([str(FROZEN)], repeat, env)
        add(
            "… the built program, process start to the unlock screen (floor: the same from source)",
            frozen,
            source,
            "—",
            True,
        )

    # Unlock to Today drawn, against the key derivation + opening with the raw key + one query.
    key_file = KeyFile.load(folder / "vault.keys")

    def unlock_floor() -> None:
        data_key = key_file.unwrap(PASSPHRASE_SLOT, PASSPHRASE)
        connection = connect(folder / "vault.db", data_key)
        connection.execute("SELECT count(*) FROM clients").fetchone()
        connection.close()

    floor = median_ms(unlock_floor, repeat)
    unlocked = subprocess_ms(UNLOCK_APP.format(typing=TYPING_SECONDS, passphrase=PASSPHRASE), repeat, env)
    add("unlock to Today drawn", unlocked, floor, "≤ 1.3× floor", unlocked <= 1.3 * floor)

    vault = Vault.unlock(folder, passphrase=PASSPHRASE)
    db, repo = vault.connection, vault.repo
    ops = Operations(None)  # type: ignore[arg-type]
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

    floor, listed = median_ms(list_floor, repeat), median_ms(list_app, repeat)
    add("client list shown", listed, floor, "≤ 100 ms", listed <= 100)

    # Today: the screen filled (due list, caseload, recent), against the queries it reads.
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

    floor, today_ms = median_ms(today_floor, repeat), median_ms(today_app, repeat)
    add("Today's due list", today_ms, floor, "≤ 100 ms", today_ms <= 100)
    due_ms = median_ms(lambda: due_list(vault, today), repeat)
    add("due list (core only)", due_ms, floor, "—", True)

    # The same with nothing kept, as after an upgrade of the rules or a large import: every open client's
    # facts are read and run through the rules, and the results kept. Against the facts queries alone.
    def forget_due() -> None:
        db.execute("UPDATE due_cache SET valid_until = ''")

    def recompute_floor() -> None:
        for query in (CLIENTS_SQL, ROWS_SQL):
            db.execute(query.format(only=""), params).fetchall()

    def recompute_app() -> float:
        forget_due()
        started = time.perf_counter()
        shiboken6.delete(TodayScreen(ops))
        return (time.perf_counter() - started) * 1000

    floor = median_ms(recompute_floor, repeat)
    recomputed = statistics.median(recompute_app() for _ in range(repeat))
    add("Today's due list, nothing kept (once after an upgrade)", recomputed, floor, "—", True)

    # Full-text search, against the bare FTS5 query.
    query = fts_query(SEARCH_WORD)

    def search_floor() -> None:
        # The same two full-text queries the app runs (names, then record texts), every match, no joins.
        db.execute("SELECT rowid FROM client_text WHERE client_text MATCH ?", (query,)).fetchall()
        db.execute("SELECT rowid FROM record_text WHERE record_text MATCH ?", (query,)).fetchall()

    floor, searched = median_ms(search_floor, repeat), median_ms(lambda: repo.search_clients(SEARCH_WORD), repeat)
    add("full-text search", searched, floor, "≤ 2× floor and ≤ 50 ms", searched <= 2 * floor and searched <= 50)

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

    def open_app() -> None:
        shiboken6.delete(ClientWorkspace(ops, repo.client_file(busiest)))

    floor, opened = median_ms(open_floor, repeat), median_ms(open_app, repeat)
    add("open a client's workspace", opened, floor, "≤ 50 ms", opened <= 50)

    # Forms.
    coach = coach_details(vault)
    file = repo.client_file(busiest)
    consent_ms = median_ms(lambda: render_form(FormKind.CONSENT, coach=coach, file=file, lang="fi"), repeat)
    add("consent form to PDF", consent_ms, None, "≤ 200 ms", consent_ms <= 200)
    report_ms = median_ms(lambda: render_form(FormKind.ACCESS_REPORT, coach=coach, file=file, lang="fi"), repeat)
    add("access report to PDF (busiest client)", report_ms, None, "—", True)

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

    floor, reported = median_ms(report_floor, repeat), median_ms(report_app, repeat)
    add("outcome report of twelve months", reported, floor, "≤ 1 s", reported <= 1000)

    # Handover of 50 clients, against the key derivation plus reading or writing the same rows.
    ids = [s.id for s in repo.clients(limit=min(50, size))]
    kdf = calibrated_params()
    out = work / f"bench-{size}.tyokyky"

    def export_floor() -> None:
        kdf.derive("floor", b"0" * 16)
        for client_id in ids:
            vault.transfer.client_row(client_id)
            rows_ = vault.transfer.record_rows(client_id)
            vault.transfer.revision_rows([client_id, *[r["id"] for r in rows_]])

    def export_app() -> None:
        export_clients(vault, ids, out, PASSPHRASE, kdf=kdf)

    derive_ms = median_ms(lambda: kdf.derive("x", b"0" * 16), repeat)
    floor, exported = median_ms(export_floor, repeat), median_ms(export_app, repeat)
    add("handover export of 50 clients", exported, floor, "≤ 1 s beyond key derivation", exported - derive_ms <= 1000)

    target_folder = work / f"import-target-{size}"
    receiver, _key = Vault.create(target_folder, PASSPHRASE, kdf=KdfParams(1, 8 * 1024, 1))
    handover_bytes = out.read_bytes()

    def import_floor() -> None:
        decode(open_envelope(handover_bytes, PASSPHRASE))

    def import_app() -> None:
        merge(receiver, read_handover(out, PASSPHRASE))

    floor = median_ms(import_floor, repeat)
    imported = median_ms(import_app, 1)  # the first import writes; later ones find everything present
    add("handover import of 50 clients", imported, floor, "≤ 1 s beyond key derivation", imported - derive_ms <= 1000)
    receiver.close()
    rows.extend(backup_rows(vault, folder, size, repeat, work))
    vault.close()

    # Peak resident memory with the vault open in the app.
    peak = subprocess_ms(PEAK_MEMORY.format(passphrase=PASSPHRASE), 1, env)
    add("peak memory, MB (app open, list scrolled, a client open)", peak, None, "≤ 300 MB", peak <= 300)
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        vault.connection.execute("UPDATE due_cache SET valid_until = ''")
    peak = subprocess_ms(PEAK_MEMORY.format(passphrase=PASSPHRASE), 1, env)
    add("peak memory, MB, the same with nothing kept (once after an upgrade)", peak, None, "≤ 300 MB", peak <= 300)
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

    from tyokykyapp.sheets.importing import choose_sheets, plan_import, run_import
    from tyokykyapp.sheets.reading import read_workbook
    from tyokykyapp.vault import KdfParams, Vault

    path = sheet_for(clients, work / f"caseload-{clients}.xlsx")

    def floor() -> None:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()

    times = []
    for attempt in range(repeat):
        vault, _key = Vault.create(
            work / f"sheet-import-{clients}-{attempt}", PASSPHRASE, kdf=KdfParams(1, 8 * 1024, 1)
        )
        with vault:
            started = time.perf_counter()
            sheets = choose_sheets(read_workbook(path))
            result = run_import(vault, plan_import(vault, *sheets))
            times.append((time.perf_counter() - started) * 1000)
            assert result.clients_added == clients and not result.rows_refused
    app_ms = statistics.median(times)
    operation = f"spreadsheet import (.xlsx, {SHEET_JOBS_PER_CLIENT} jobs per client over two years)"
    return [Row(clients, operation, round(app_ms, 2), round(median_ms(floor, repeat), 2), "≤ 3 s", app_ms <= 3000)]


def raw_copy(files: list[Path], into: Path) -> None:
    """The floor of a backup or a restore: the same bytes copied and flushed to the disk, nothing checked."""
    into.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, into / path.name)
        with (into / path.name).open("rb+") as handle:
            os.fsync(handle.fileno())


def backup_rows(vault: Vault, folder: Path, size: int, repeat: int, work: Path) -> list[Row]:
    """Backup (copy through the online backup API, open and check, manifest) and restore (every byte and page
    checked, copied in, the vault moved aside), each against a raw copy of the same files."""
    from tyokykyapp.backups.make import make_backup
    from tyokykyapp.backups.restore import Secret, open_backup, restore_backup

    vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the raw copy then holds everything too
    files = [folder / "vault.db", folder / "vault.keys"]
    scratch = work / f"backups-{size}"

    def fresh() -> None:
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()

    def timed(action: Callable[[], object]) -> float:
        fresh()
        started = time.perf_counter()
        action()
        return (time.perf_counter() - started) * 1000

    floor = statistics.median(timed(lambda: raw_copy(files, scratch / "raw")) for _ in range(repeat))
    backed_up = statistics.median(timed(lambda: make_backup(vault, scratch)) for _ in range(repeat))
    fresh()
    backup = make_backup(vault, work / f"kept-{size}").backup
    opened = open_backup(backup, Secret(passphrase=PASSPHRASE))  # the coach types it before choosing Restore
    restored = statistics.median(timed(lambda: restore_backup(opened, scratch / "vault")) for _ in range(repeat))
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.rmtree(backup.path, ignore_errors=True)
    return [
        Row(size, "backup: copied, opened and checked (vs a raw copy of the same files)", round(backed_up, 2),
            round(floor, 2), "≤ 2× floor", backed_up <= 2 * floor),
        Row(size, "restore: every byte and page checked, put in place (vs the same raw copy)", round(restored, 2),
            round(floor, 2), "≤ 2× floor", restored <= 2 * floor),
    ]  # fmt: skip


def table(rows: list[Row]) -> str:
    lines = [
        "| clients | operation | app (ms) | floor (ms) | ratio | target | result |",
        "|---:|---|---:|---:|---:|---|---|",
    ]
    for r in rows:
        floor = f"{r.floor_ms:.1f}" if r.floor_ms is not None else "—"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        lines.append(
            f"| {r.size} | {r.operation} | {r.app_ms:.1f} | {floor} | {ratio} | {r.target} | "
            f"{'pass' if r.passed else 'FAIL'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="a tiny vault, one run each: checks the script works")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    parser.add_argument("--cache", type=Path, default=ROOT / "bench" / ".cache")
    args = parser.parse_args(argv)
    sizes, repeat = ([20], 1) if args.smoke else (args.sizes, max(5, args.repeat))
    cache = Path(tempfile.mkdtemp(prefix="tyokyky-bench-")) if args.smoke else args.cache
    cache.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="tyokyky-bench-work-") as work:
        for size in sizes:
            rows += measure_size(size, vault_for(size, cache), repeat, Path(work))
        rows += measure_sheet_import(20 if args.smoke else 1000, repeat, Path(work))
    print(table(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "machine": {"python": platform.python_version(), "system": platform.platform(), "cpus": os.cpu_count()},
                "repeat": repeat,
                "rows": [asdict(r) | {"ratio": r.ratio} for r in rows],
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return 0 if args.smoke or all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
