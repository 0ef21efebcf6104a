"""Every command with its exit codes and JSON shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import tyokykyapp
from tests.helpers.vaults import NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp import cli
from tyokykyapp.vault import Vault


@pytest.fixture
def secrets_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "secrets"
    folder.mkdir()
    (folder / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (folder / "new").write_text(NEW_PASSPHRASE + "\r\n", encoding="utf-8")
    (folder / "wrong").write_text("tämä ei ole oikea tunnuslause\n", encoding="utf-8")
    (folder / "weak").write_text("salasana1234\n", encoding="utf-8")
    (folder / "empty").write_text("", encoding="utf-8")
    return folder


class Run:
    def __init__(self, folder: Path, secrets: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder, self.secrets, self.capsys = folder, secrets, capsys

    def __call__(self, *args: str, secret: str | None = "pass") -> tuple[int, str, str]:
        argv = ["--vault", str(self.folder)]
        if secret:
            argv += ["--passphrase-file", str(self.secrets / secret)]
        code = cli.main([*argv, *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def run(vault_folder: Path, secrets_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(vault_folder, secrets_dir, capsys)


@pytest.fixture
def demo_run(run: Run) -> Run:
    assert run("init")[0] == 0
    assert run("demo", "--clients", "30", "--seed", "4")[0] == 0
    return run


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def recovery_key_from(out: str) -> str:
    return next(line.strip() for line in out.splitlines() if line.startswith("    "))


def test_init_prints_the_recovery_key_once_and_it_opens_the_vault(run: Run, secrets_dir: Path) -> None:
    code, out, err = run("init")
    assert code == 0 and err == ""
    key = recovery_key_from(out)
    (secrets_dir / "recovery").write_text(key + "\n", encoding="utf-8")
    code, out, _err = run("--recovery-key-file", str(secrets_dir / "recovery"), "clients", secret=None)
    assert code == 0 and "0 clients" in out
    code, _out, err = run("init")
    assert code == 1 and "already exists" in one_line_error(err)


def test_init_refuses_a_weak_passphrase_and_says_why(run: Run, vault_folder: Path) -> None:
    code, _out, err = run("init", secret="weak")
    assert code == 1 and "easy to guess" in one_line_error(err)
    assert not (vault_folder / "vault.keys").exists()


def test_clients_json_shape(demo_run: Run) -> None:
    code, out, _err = demo_run("clients", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 30
    for row in rows:
        assert {"id", "name", "phase", "maintenance_level", "started_on"} <= set(row)
        assert (row["maintenance_level"] is None) == (row["phase"] != "maintenance")
        date.fromisoformat(row["started_on"])
    code, out, _err = demo_run("clients", "--phase", "maintenance", "--json")
    assert {row["phase"] for row in json.loads(out)} == {"maintenance"}


def test_clients_text(demo_run: Run) -> None:
    code, out, _err = demo_run("clients")
    assert code == 0 and out.strip().endswith("30 clients")


def test_show_json_has_everything_recorded(demo_run: Run) -> None:
    rows = json.loads(demo_run("clients", "--json")[1])
    in_support = next(r for r in rows if r["phase"] in ("support", "maintenance"))
    code, out, _err = demo_run("show", in_support["id"], "--json")
    document = json.loads(out)
    assert code == 0 and document["id"] == in_support["id"]
    for key in ("meetings", "employments", "consents", "phase_history", "plans", "job_applications"):
        assert isinstance(document[key], list)
    assert document["employments"] and document["consents"] and document["phase_history"]
    assert document["phase_history"][-1]["to_phase"] == document["phase"]
    code, out, _err = demo_run("show", in_support["id"])
    assert code == 0 and in_support["name"] in out


def test_agenda_json_shape_and_days(demo_run: Run) -> None:
    code, out, _err = demo_run("agenda", "--days", "7", "--json")
    items = json.loads(out)
    assert code == 0 and items  # the demo books meetings for the coming days
    for item in items:
        assert set(item) == {"client_id", "on", "time", "place", "kind"}
        assert item["kind"] in ("meeting", "next_meeting")
        assert 0 <= (date.fromisoformat(item["on"]) - date.today()).days < 7
    assert [i["on"] for i in items] == sorted(i["on"] for i in items)
    code, out, _err = demo_run("agenda", "--on", date.today().isoformat(), "--json")
    assert json.loads(out) == [i for i in items if i["on"] == date.today().isoformat()]
    code, out, _err = demo_run("agenda", "--days", "7")
    assert code == 0 and out.strip().endswith(f"{len(items)} meetings")
    with pytest.raises(SystemExit) as caught:
        demo_run("agenda", "--days", "0")
    assert caught.value.code == 2 and "1 to 366" in demo_run.capsys.readouterr().err


def test_show_unknown_client(demo_run: Run) -> None:
    code, _out, err = demo_run("show", "00000000-0000-0000-0000-000000000000")
    assert code == 1 and "No such" in one_line_error(err)


def test_due_json_shape_and_date(demo_run: Run) -> None:
    code, out, _err = demo_run("due", "--json")
    items = json.loads(out)
    assert code == 0 and items
    for item in items:
        assert set(item) == {"client_id", "kind", "due_on", "overdue"}
        assert isinstance(item["overdue"], bool)
        assert item["overdue"] == (date.fromisoformat(item["due_on"]) < date.today())
    code, out, _err = demo_run("due", "--on", "2030-01-01", "--json")
    assert code == 0 and all(item["overdue"] for item in json.loads(out))
    code, _out, err = demo_run("due", "--on", "2026-02-30")
    assert code == 1 and "Not a date" in one_line_error(err)


def test_due_text(demo_run: Run) -> None:
    code, out, _err = demo_run("due")
    assert code == 0 and out.strip().endswith("items")


def test_demo_refuses_a_vault_with_clients(demo_run: Run) -> None:
    code, _out, err = demo_run("demo", "--clients", "3")
    assert code == 1 and "already has clients" in one_line_error(err)
    code, _out, err = demo_run("demo", "--clients", "0")
    assert code == 1


def test_passwd_and_wrong_passphrase(demo_run: Run, secrets_dir: Path) -> None:
    code, _out, err = demo_run("passwd", "--new-passphrase-file", str(secrets_dir / "weak"))
    assert code == 1 and "easy to guess" in one_line_error(err)
    code, out, _err = demo_run("passwd", "--new-passphrase-file", str(secrets_dir / "new"))
    assert code == 0 and "changed" in out
    code, _out, err = demo_run("clients")
    assert code == 1 and one_line_error(err) == "tyokykyapp: Wrong passphrase."
    (secrets_dir / "pass").write_text(NEW_PASSPHRASE, encoding="utf-8")
    assert demo_run("clients")[0] == 0


def test_check(demo_run: Run) -> None:
    code, out, _err = demo_run("check")
    assert code == 0 and "intact" in out


def test_unreadable_and_empty_secret_files(run: Run, secrets_dir: Path) -> None:
    run("init")
    code, _out, err = run("clients", secret="empty")
    assert code == 1 and "empty" in one_line_error(err)
    code, _out, err = run("clients", secret="does-not-exist")
    assert code == 1 and "Cannot read" in one_line_error(err)


def test_no_vault_yet(run: Run) -> None:
    code, _out, err = run("clients")
    assert code == 1 and "no vault" in one_line_error(err).lower()


def test_usage_errors_exit_2(run: Run) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--vault", str(run.folder), "frobnicate"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        cli.main(["clients", "--phase", "nonsense"])
    assert caught.value.code == 2


def test_check_start_with_a_command_is_a_usage_error(run: Run) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--check-start", "clients"], start_gui=lambda _vault, _check: 0)
    assert caught.value.code == 2


def test_no_command_starts_the_gui_it_is_given(tmp_path: Path) -> None:
    started: list[tuple[Path | None, bool]] = []

    def start_gui(vault: Path | None, check_start: bool) -> int:
        started.append((vault, check_start))
        return 7

    assert cli.main([], start_gui=start_gui) == 7
    assert cli.main(["--vault", str(tmp_path), "--check-start"], start_gui=start_gui) == 7
    assert started == [(None, False), (tmp_path, True)]


def test_no_command_and_no_gui_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    # `python -m tyokykyapp` is the command line alone: the core does not reach up into the GUI package.
    assert cli.main([]) == 2
    assert "tyokykyapp command or python -m ui" in capsys.readouterr().err


def test_version_is_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"tyokykyapp {tyokykyapp.__version__}"


def test_options_after_the_command(run: Run, secrets_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run("init")
    code = cli.main(["clients", "--vault", str(run.folder), "--passphrase-file", str(secrets_dir / "pass")])
    assert code == 0 and "0 clients" in capsys.readouterr().out


# --- real processes: exit codes, stdin secrets, no traceback --------------------------------------


def run_process(*args: str, stdin: str = "", language: str | None = "en") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TYOKYKY_LANG"}
    if language:
        env["TYOKYKY_LANG"] = language
    return subprocess.run(
        [sys.executable, "-m", "tyokykyapp", *args], input=stdin, capture_output=True, text=True, timeout=120, env=env
    )


def test_finnish_is_the_default_language_whatever_the_system_locale(vault_folder: Path) -> None:
    Vault.create(vault_folder, PASSPHRASE)[0].close()
    result = subprocess.run(
        [sys.executable, "-m", "tyokykyapp", "--vault", str(vault_folder), "--passphrase-file", "-", "clients"],
        input="väärä tunnuslause\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "TYOKYKY_LANG"} | {"LANG": "en_US.UTF-8"},
    )
    assert result.returncode == 1 and result.stderr.strip() == "tyokykyapp: Väärä tunnuslause."
    swedish = run_process(
        "--vault", str(vault_folder), "--passphrase-file", "-", "clients", stdin="fel\n", language="sv"
    )
    assert swedish.stderr.strip() == "tyokykyapp: Fel lösenfras."


def test_processes_exit_with_the_documented_codes(vault_folder: Path, secrets_dir: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    vault.close()
    ok = run_process(
        "--vault", str(vault_folder), "--passphrase-file", "-", "clients", "--json", stdin=PASSPHRASE + "\n"
    )
    assert ok.returncode == 0 and json.loads(ok.stdout) == []
    wrong = run_process("--vault", str(vault_folder), "--passphrase-file", "-", "clients", stdin="väärä\n")
    assert wrong.returncode == 1 and wrong.stderr.strip() == "tyokykyapp: Wrong passphrase."
    no_secret = run_process("--vault", str(vault_folder), "clients")
    assert no_secret.returncode == 1 and "--passphrase-file" in no_secret.stderr
    assert "Traceback" not in no_secret.stderr
    usage = run_process("--vault", str(vault_folder), "clients", "--bogus")
    assert usage.returncode == 2
    database = vault_folder / "vault.db"
    intact = database.read_bytes()
    database.write_bytes(b"\x00" * len(intact))
    damaged_db = run_process("--vault", str(vault_folder), "--passphrase-file", str(secrets_dir / "pass"), "check")
    # One line from the app; nothing from SQLCipher's own log.
    assert damaged_db.returncode == 1 and damaged_db.stderr.count("\n") == 1
    assert "damaged" in damaged_db.stderr
    database.write_bytes(intact)
    (vault_folder / "vault.keys").write_text("{", encoding="utf-8")
    damaged = run_process("--vault", str(vault_folder), "--passphrase-file", str(secrets_dir / "pass"), "check")
    assert damaged.returncode == 1 and "damaged" in damaged.stderr and "Traceback" not in damaged.stderr


def test_export_and_import_through_the_cli(demo_run: Run, secrets_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "handover.tyokyky"
    code, stdout, _err = demo_run("export", "--out", str(out), "--phase", "job_search")
    assert code == 0 and out.exists()
    passphrase = stdout.strip().splitlines()[-1].strip()
    (secrets_dir / "handover").write_text(passphrase.lower() + "\n", encoding="utf-8")
    code, _out, err = demo_run("export", "--out", str(out))
    assert code == 1 and "already exists" in one_line_error(err)

    receiver = Run(tmp_path / "receiver", secrets_dir, demo_run.capsys)
    receiver("init", secret="new")
    args = ["import", str(out), "--handover-passphrase-file", str(secrets_dir / "handover")]
    code, stdout, _err = receiver(*args, "--dry-run", "--json", secret="new")
    summary = json.loads(stdout)
    assert code == 0 and summary["new_clients"] == len(summary["clients"]) > 0 and "result" not in summary
    assert {c["status"] for c in summary["clients"]} == {"new"}
    assert json.loads(receiver("clients", "--json", secret="new")[1]) == []  # the dry run wrote nothing
    code, stdout, _err = receiver(*args, "--json", secret="new")
    assert code == 0 and json.loads(stdout)["result"]["added"] == summary["new_clients"]
    code, stdout, _err = receiver(*args, "--on-conflict", "take-theirs", "--json", secret="new")
    assert json.loads(stdout)["result"]["unchanged"] == summary["new_clients"]
    (secrets_dir / "wrong-handover").write_text("väärä tunnuslause tässä\n", encoding="utf-8")
    code, _out, err = receiver(
        "import", str(out), "--handover-passphrase-file", str(secrets_dir / "wrong-handover"), secret="new"
    )
    assert code == 1 and "wrong" in one_line_error(err)
    code, _out, err = receiver(
        "import",
        str(tmp_path / "missing.tyokyky"),
        "--handover-passphrase-file",
        str(secrets_dir / "handover"),
        secret="new",
    )
    assert code == 1 and "Cannot read" in one_line_error(err)
    with pytest.raises(SystemExit) as caught:
        cli.main(["--vault", str(receiver.folder), "import", str(out), "--on-conflict", "overwrite"])
    assert caught.value.code == 2


def test_export_with_a_weak_chosen_passphrase_or_nothing_to_export(
    demo_run: Run, secrets_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "h.tyokyky"
    code, _out, err = demo_run("export", "--out", str(out), "--handover-passphrase-file", str(secrets_dir / "weak"))
    assert code == 1 and "easy to guess" in one_line_error(err) and not out.exists()
    code, _out, err = demo_run("export", "--out", str(out), "--client", "no-such-id")
    assert code == 1 and "No such" in one_line_error(err)


def test_form_command(demo_run: Run, tmp_path: Path) -> None:
    from pypdf import PdfReader

    client_id = json.loads(demo_run("clients", "--json")[1])[0]["id"]
    out = tmp_path / "consent.pdf"
    code, _out, err = demo_run("form", "consent", "--client", client_id, "--lang", "sv", "--out", str(out))
    assert code == 0 and "not encrypted" in err
    assert "Samtycke till utbyte av uppgifter" in PdfReader(str(out)).pages[0].extract_text()
    code, _out, err = demo_run("form", "plan", "--blank", "--large-print", "--out", str(tmp_path / "plan.pdf"))
    assert code == 0 and err == "" and (tmp_path / "plan.pdf").exists()
    for args, message in (
        (["form", "nonsense", "--blank"], "Unknown form"),
        (["form", "consent", "--client", "no-such-client"], "No such"),
        (["form", "consent"], "--blank"),
        (["form", "recovery_sheet", "--blank"], "init --recovery-sheet"),
        (["form", "access_report", "--blank"], "only filled"),
        (["form", "meeting_summary", "--client", client_id, "--meeting", "nope"], "No such meeting"),
    ):
        code, _out, err = demo_run(*args, "--out", str(tmp_path / "x.pdf"))
        assert code == 1 and message in one_line_error(err), (args, err)
    code, _out, err = demo_run("form", "consent", "--blank", "--out", str(tmp_path / "missing" / "x.pdf"))
    assert code == 1 and "Saving failed" in one_line_error(err)


def test_init_writes_the_recovery_sheet(run: Run, tmp_path: Path, secrets_dir: Path) -> None:
    from pypdf import PdfReader

    sheet = tmp_path / "sheet.pdf"
    code, out, err = run("init", "--recovery-sheet", str(sheet))
    assert code == 0 and "not encrypted" in err and "    " not in out  # the key is on the sheet, not the screen
    text = PdfReader(str(sheet)).pages[0].extract_text()
    key = next(line for line in text.splitlines() if line.count("-") == 6)
    (secrets_dir / "recovery").write_text(key, encoding="utf-8")
    code, _out, _err = run("--recovery-key-file", str(secrets_dir / "recovery"), "check", secret=None)
    assert code == 0


# --- hostile input, interrupted or failing writes --------------------------------------------------


def test_core_dumps_are_off_from_start_up() -> None:
    """cli.main (which also starts the GUI) turns core dumps off before anything else."""
    probe = (
        "import ctypes, resource, sys\n"
        "from tyokykyapp.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "dumpable = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) if sys.platform.startswith('linux') else 0\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE)[0], dumpable)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split()[-2:] == ["0", "0"]


def test_names_never_reach_the_terminal_with_their_control_characters(
    run: Run, secrets_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers.vaults import FAST_KDF
    from tyokykyapp.domain import Client
    from tyokykyapp.handover import export_clients
    from tyokykyapp.services import CoachDetails, set_coach_details

    escape = "\x1b]0;PWNED\x07\x1b[2J\u202e"
    sender, _key = Vault.create(tmp_path / "sender", NEW_PASSPHRASE)
    with sender:
        set_coach_details(sender, CoachDetails(name=f"Valmentaja{escape}"))
        c = sender.repo.save(Client(family_name=f"Nimi{escape}", given_names="Testi"))
        export_clients(sender, [c.id], tmp_path / "h.tyokyky", "puhelimessa kerrottava lause", kdf=FAST_KDF)
    (secrets_dir / "handover").write_text("puhelimessa kerrottava lause\n", encoding="utf-8")
    run("init")
    args = ["import", str(tmp_path / "h.tyokyky"), "--handover-passphrase-file", str(secrets_dir / "handover")]
    code, out, _err = run(*args)
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Valmentaja\\u001b]0;PWNED\\u0007" in out and "Nimi\\u001b" in out
    for command in (["clients"], ["show", c.id], ["clients", "--json"]):
        code, out, _err = run(*command)
        assert code == 0 and "\x1b" not in out and "\\u001b" in out, command
    assert json.loads(run("clients", "--json")[1])[0]["family_name"] == f"Nimi{escape}"


def test_import_shows_sender_recipient_age_and_warnings(demo_run: Run, secrets_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "h.tyokyky"
    (secrets_dir / "handover").write_text("puhelimessa kerrottava lause\n", encoding="utf-8")
    secret = ["--handover-passphrase-file", str(secrets_dir / "handover")]
    code, _out, _err = demo_run("export", "--out", str(out), "--phase", "intake", "--recipient", "Maija M", *secret)
    assert code == 0
    receiver = Run(tmp_path / "receiver", secrets_dir, demo_run.capsys)
    receiver("init", secret="new")
    code, stdout, _err = receiver("import", str(out), *secret, secret="new")
    assert code == 0 and "(today)" in stdout and "Made for Maija M." in stdout
    client_id = json.loads(receiver("clients", "--json", secret="new")[1])[0]["id"]
    with Vault.unlock(receiver.folder, passphrase=NEW_PASSPHRASE) as vault:
        from tyokykyapp.domain import Client
        from tyokykyapp.services import update_client

        mine = vault.repo.get(Client, client_id)
        mine.notes = "muutettu täällä"
        update_client(vault, mine)
    code, stdout, _err = receiver("import", str(out), *secret, "--dry-run", secret="new")
    assert "newer here" in stdout and "Note:" in stdout and "newer records with older ones" in stdout
    document = json.loads(receiver("import", str(out), *secret, "--dry-run", "--json", secret="new")[1])
    assert document["recipient"] == "Maija M" and document["age_days"] == 0 and document["renamed"] == 0


def test_init_with_an_unwritable_recovery_sheet_leaves_no_vault(run: Run, vault_folder: Path, tmp_path: Path) -> None:
    code, _out, err = run("init", "--recovery-sheet", str(tmp_path / "no-such-folder" / "sheet.pdf"))
    assert code == 1 and "Nothing was changed" in one_line_error(err)
    assert not vault_folder.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["secrets"]
    code, out, _err = run("init")
    assert code == 0 and recovery_key_from(out)


def test_an_empty_database_is_refused_not_made_a_new_vault(demo_run: Run, vault_folder: Path) -> None:
    (vault_folder / "vault.db").write_bytes(b"")
    for command in (["clients"], ["check"], ["demo", "--clients", "3"]):
        code, _out, err = demo_run(*command)
        assert code == 1 and "is empty" in one_line_error(err), command
    assert (vault_folder / "vault.db").read_bytes() == b""


def test_check_verifies_the_key_file(demo_run: Run, vault_folder: Path) -> None:
    path = vault_folder / "vault.keys"
    document = json.loads(path.read_text(encoding="utf-8"))
    salt = document["slots"]["recovery"]["salt"]
    document["slots"]["recovery"]["salt"] = ("B" if salt[0] == "A" else "A") + salt[1:]
    path.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = demo_run("check")
    assert code == 1 and "damaged in the part that the recovery key opens" in out
    assert "found 1 problems" in one_line_error(err)


def test_coach_command_shows_and_sets_the_details_printed_on_forms(run: Run, tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert run("init")[0] == 0
    code, out, _err = run("coach", "--json")
    assert code == 0 and json.loads(out)["coach"]["organisation"] == ""
    assert json.loads(out)["organisation"]["retention_years"] == 10
    code, out, err = run(
        "coach",
        "--name",
        "Riikka Räsänen",
        "--organisation",
        "Vaasan kaupunki",
        "--data-protection-officer",
        "tietosuoja@vaasa.fi",
        "--retention-years",
        "12",
    )
    assert code == 0 and err == "" and "Organisation: Vaasan kaupunki" in out and "The details were saved." in out
    code, out, _err = run("coach", "--phone", "040 123", "--json")
    details = json.loads(out)
    assert details["coach"] == {
        "name": "Riikka Räsänen",
        "organisation": "Vaasan kaupunki",
        "phone": "040 123",
        "email": "",
        "address": "",
    }
    assert details["organisation"]["data_protection_officer"] == "tietosuoja@vaasa.fi"
    assert details["organisation"]["retention_years"] == 12
    code, _out, err = run("coach", "--retention-years", "0")
    assert code == 1 and "0 is outside the allowed range 1–120" in one_line_error(err)
    assert json.loads(run("coach", "--json")[1])["organisation"]["retention_years"] == 12
    notice = tmp_path / "notice.pdf"
    assert run("form", "privacy_notice", "--blank", "--lang", "en", "--out", str(notice))[0] == 0
    text = " ".join(PdfReader(str(notice)).pages[0].extract_text().split())
    assert "Organisation: Vaasan kaupunki" in text and "Data protection officer: tietosuoja@vaasa.fi" in text


def test_init_with_details_writes_a_recovery_sheet_that_names_them_in_the_chosen_language(
    run: Run, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    sheet = tmp_path / "sheet.pdf"
    code, _out, _err = run(
        "init", "--recovery-sheet", str(sheet), "--lang", "sv", "--name", "Riikka", "--organisation", "Vasa stad"
    )
    assert code == 0
    text = " ".join(PdfReader(str(sheet)).pages[0].extract_text().split())
    assert "Återställningsnyckel" in text and "Organisation: Vasa stad" in text and "Jobbcoach: Riikka" in text
    assert "SEKRETESSBELAGD" in text


def test_a_filled_privacy_notice_needs_the_organisation_and_unprintable_names_are_warned_about(
    demo_run: Run, tmp_path: Path, vault_folder: Path
) -> None:
    from tests.helpers.factories import client
    from tyokykyapp.services import add_client

    client_id = json.loads(demo_run("clients", "--json")[1])[0]["id"]
    out = str(tmp_path / "x.pdf")
    code, _out, err = demo_run("form", "privacy_notice", "--client", client_id, "--lang", "en", "--out", out)
    assert code == 1 and "must name the organisation" in one_line_error(err)
    code, _out, err = demo_run("form", "consent", "--client", client_id, "--lang", "en", "--out", out)
    assert code == 0 and "cannot show" not in err
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        chinese = client(family_name="王", given_names="小明")
        add_client(vault, chinese)
    code, _out, err = demo_run("form", "consent", "--client", chinese.id, "--lang", "en", "--out", out)
    assert code == 0 and "Warning: The printed form cannot show these characters correctly" in err
    assert "王" in err and "not encrypted" in err
