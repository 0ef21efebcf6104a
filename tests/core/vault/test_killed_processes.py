"""Real processes killed (SIGKILL) at random moments while they save, import, change the passphrase or make a
vault, and real write failures from the kernel (RLIMIT_FSIZE): nothing acknowledged is lost, every vault left
behind opens with exactly the secrets of before or after, and nothing is half-written.

A handful of kills per operation keeps the suite fast; each run picks new moments (the seed is in the failure
message), and the moments are aimed at the dangerous windows where the process says when it reaches them.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.factories import client
from tests.helpers.processes import command, environment, run
from tests.helpers.vaults import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Meeting
from tyokykyapp.handover import export_clients, select_clients
from tyokykyapp.vault import Vault, WrongSecret

KILLS = 4
HANDOVER = "puhelimessa kerrottava lause 2026"
SEED = random.randrange(2**32)


@pytest.fixture
def rng() -> random.Random:
    return random.Random(SEED)


@pytest.fixture
def secrets(tmp_path: Path) -> Path:
    folder = tmp_path / "secrets"
    folder.mkdir()
    for name, text in (("pass", PASSPHRASE), ("new", NEW_PASSPHRASE), ("handover", HANDOVER)):
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment()
    )


def kill(process: subprocess.Popen[str]) -> str:
    process.kill()
    out, _err = process.communicate(timeout=60)
    return out


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str], limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while not condition() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)


def test_saves_acknowledged_before_a_kill_are_never_lost(tmp_path: Path, secrets: Path, rng: random.Random) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE)[0].close()
    acknowledged: list[str] = []
    for _kill in range(KILLS):
        process = start("save", str(folder), str(secrets / "pass"), "100000")
        assert process.stdout is not None
        first = process.stdout.readline()  # saving has begun
        time.sleep(rng.uniform(0, 0.3))
        out = first + kill(process)
        acknowledged += [line for line in out.split("\n")[:-1] if line]  # a line cut by the kill is no ACK
        with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
            stored = {m.id for m in vault.repo.client_file(vault.repo.clients()[0].id).meetings}
            assert set(acknowledged) <= stored, f"seed {SEED}"
            assert vault.check() == [], f"seed {SEED}"
    assert len(acknowledged) > KILLS


def opens(folder: Path, **secret: str) -> bool:
    try:
        Vault.unlock(folder, **secret).close()
    except WrongSecret:
        return False
    return True


def test_passwd_killed_anywhere_leaves_the_old_or_the_new_passphrase(
    tmp_path: Path, secrets: Path, rng: random.Random
) -> None:
    folder = tmp_path / "vault"
    vault, recovery_key = Vault.create(folder, PASSPHRASE)
    with vault:
        generate_caseload(vault, 20, seed=5)
    keys = folder / "vault.keys"
    current, other = "pass", "new"
    for attempt in range(KILLS):
        process = start(
            "cli", "--vault", str(folder), "--passphrase-file", str(secrets / current),
            "passwd", "--new-passphrase-file", str(secrets / other),
        )  # fmt: skip
        if attempt % 2:  # aimed: once the key file holds both the old and the new slots
            wait_for(lambda: b"pending" in keys.read_bytes(), process)
            time.sleep(rng.uniform(0, 0.05))
        else:
            time.sleep(rng.uniform(0.3, 0.8))
        kill(process)
        texts = {"pass": PASSPHRASE, "new": NEW_PASSPHRASE}
        old_opens, new_opens = opens(folder, passphrase=texts[current]), opens(folder, passphrase=texts[other])
        assert old_opens != new_opens, f"seed {SEED}, attempt {attempt}"
        assert opens(folder, recovery_key=recovery_key), f"seed {SEED}"
        if new_opens:
            current, other = other, current
        with Vault.unlock(folder, recovery_key=recovery_key) as vault:
            assert vault.check() == [] and len(vault.repo.clients()) >= 15, f"seed {SEED}"
        assert b"pending" not in keys.read_bytes()  # the unlock finished or undid the change


def test_init_killed_anywhere_leaves_no_vault_or_one_whose_key_was_shown(
    tmp_path: Path, secrets: Path, rng: random.Random
) -> None:
    folder = tmp_path / "vault"
    started = time.monotonic()
    assert (
        run("cli", "--vault", str(tmp_path / "timed"), "--passphrase-file", str(secrets / "pass"), "init").returncode
        == 0
    )
    duration = time.monotonic() - started
    shutil.rmtree(tmp_path / "timed")
    for attempt in range(KILLS):
        process = start("cli", "--vault", str(folder), "--passphrase-file", str(secrets / "pass"), "init")
        assert process.stdout is not None
        if attempt % 2:  # aimed: as soon as the first line is out, before the key may be
            out = process.stdout.readline()
        else:
            time.sleep(rng.uniform(0.6, 1.0) * duration)  # Python's start-up takes the first half
            out = ""
        out += kill(process)
        if (folder / "vault.keys").exists():
            shown = [line.strip() for line in out.splitlines() if line.startswith("    ")]
            assert shown, f"a vault whose recovery key nobody saw (seed {SEED}, attempt {attempt})"
            assert opens(folder, recovery_key=shown[0]) and opens(folder, passphrase=PASSPHRASE)
            shutil.rmtree(folder)
        else:
            assert not folder.exists() or not any(folder.iterdir()), f"seed {SEED}"
        result = run("cli", "--vault", str(folder), "--passphrase-file", str(secrets / "pass"), "init")
        assert result.returncode == 0, result.stderr  # a killed init never blocks the next one
        assert sorted(p.name for p in tmp_path.iterdir()) == ["secrets", "vault"]  # no build left behind
        shutil.rmtree(folder)


def make_handover(tmp_path: Path) -> Path:
    vault, _key = Vault.create(tmp_path / "sender", NEW_PASSPHRASE)
    with vault:
        generate_caseload(vault, 15, seed=9)
        export_clients(vault, select_clients(vault), tmp_path / "h.tyokyky", HANDOVER, kdf=FAST_KDF)
    return tmp_path / "h.tyokyky"


def digest(folder: Path) -> str:
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        assert vault.check() == []
        return vault.transfer.content_digest()


def test_import_killed_anywhere_leaves_all_or_nothing(tmp_path: Path, secrets: Path, rng: random.Random) -> None:
    handover = make_handover(tmp_path)
    folder, control = tmp_path / "vault", tmp_path / "control"
    vault, _key = Vault.create(folder, PASSPHRASE)
    with vault:
        vault.repo.save(Meeting(client_id=vault.repo.save(client()).id, on=vault.created_at.date()))
    shutil.copytree(folder, control)
    arguments = ["--passphrase-file", str(secrets / "pass"), "import", str(handover), "--handover-passphrase-file"]
    started = time.monotonic()
    done = run("cli", "--vault", str(control), *arguments, str(secrets / "handover"))
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    states = {digest(folder), digest(control)}
    for _kill in range(KILLS):
        process = start("cli", "--vault", str(folder), *arguments, str(secrets / "handover"))
        time.sleep(rng.uniform(0.5, 1.0) * duration)
        kill(process)
        assert digest(folder) in states, f"seed {SEED}"


def file_size_limit(limit: int) -> Callable[[], None]:
    """The kernel refuses writes past `limit` bytes (EFBIG, as a full disk refuses with ENOSPC)."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_real_write_failures_change_nothing_and_say_so(tmp_path: Path, secrets: Path) -> None:
    handover = make_handover(tmp_path)
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE)[0].close()
    before = digest(folder)
    unlock = ["--vault", str(folder), "--passphrase-file", str(secrets / "pass")]
    refused = run(
        "cli", *unlock, "import", str(handover), "--handover-passphrase-file", str(secrets / "handover"),
        preexec=file_size_limit(64 * 1024),
    )  # fmt: skip
    assert refused.returncode == 1 and "Saving failed" in refused.stderr and refused.stderr.count("\n") == 1
    assert digest(folder) == before
    # Reading needs no room at all.
    listed = run("cli", *unlock, "clients", preexec=file_size_limit(0))
    assert listed.returncode == 0 and "0 clients" in listed.stdout, listed.stderr
    # Marking clients handed over fails after the file is written: the file goes too, and "nothing was
    # changed" is true.
    assert run("cli", *unlock, "import", str(handover), "--handover-passphrase-file", str(secrets / "handover"))
    one = select_clients_of(folder)[:1]
    export = ["export", "--client", *one, "--handover-passphrase-file", str(secrets / "handover")]
    assert run("cli", *unlock, *export, "--out", str(tmp_path / "sized.tyokyky")).returncode == 0
    room = (tmp_path / "sized.tyokyky").stat().st_size + 512  # the file fits; saving the marks does not
    marked = run(
        "cli", *unlock, *export, "--out", str(tmp_path / "out.tyokyky"), "--mark-handed-over-to", "Maija",
        preexec=file_size_limit(room),
    )  # fmt: skip
    assert marked.returncode == 1 and "Nothing was changed" in marked.stderr, marked.stderr
    assert not (tmp_path / "out.tyokyky").exists()
    assert json.loads(run("cli", *unlock, "show", one[0], "--json").stdout)["handed_over_to"] == ""


def select_clients_of(folder: Path) -> list[str]:
    with Vault.unlock(folder, passphrase=PASSPHRASE) as vault:
        return select_clients(vault)
