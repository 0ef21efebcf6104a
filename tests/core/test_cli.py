"""Every command with its exit codes and JSON shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

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
