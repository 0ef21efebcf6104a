"""The auto-lock firing while a modal window is open, run in a child process per scenario.

    python -m tests.helpers.lock_scenario FOLDER [SCENARIO ...]

For each scenario a forked child builds a vault, opens the app, opens one kind of modal window (and types
into it where it is a form), lets the auto-lock fire, unlocks again and checks that the typed text is back
in the same kind of window. A crash (Qt aborting on a window deleted under its own event loop) ends only
that child. The parent prints one JSON line: scenario -> the child's exit status (0: fine; 1: the draft did
not come back; 2: timed out; 4: an exception reached the event loop; negative: killed by that signal, e.g.
-6 for an abort).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

TYPED = "Kirjoitettu ennen lukitusta"


def _vault(folder: Path) -> dict[str, str]:
    from tests.helpers.factories import agreement, client, job, signed_consent
    from tests.helpers.vaults import FAST_KDF, PASSPHRASE
    from tyokykyapp.domain import Employer, Meeting, Phase
    from tyokykyapp.services import add_client, advance_phase, save_record
    from tyokykyapp.vault import Vault

    vault, _key = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        c = client(family_name="Lukkonen", given_names="Aino")
        add_client(vault, c, on=date(2026, 1, 5))
        save_record(vault, signed_consent(c.id, date(2026, 1, 5)))
        save_record(vault, agreement(c.id, date(2026, 1, 5)))
        save_record(vault, Meeting(client_id=c.id, on=date(2026, 1, 5), notes="ensimmäinen"))
        save_record(vault, job(c.id, date(2026, 2, 1)))
        advance_phase(vault, c.id, Phase.MAPPING, date(2026, 1, 12))
        employer = save_record(vault, Employer(name="Kahvila Kuppi"))
        other = client(family_name="Poistettu", given_names="Pekka")
        add_client(vault, other)
        vault.repo.delete_client(other.id)
    return {"client": c.id, "employer": str(employer)}


Step = Callable[[Any, dict[str, str]], object]


def _workspace(window: Any, ids: dict[str, str]) -> Any:
    return window.work.open_client(ids["client"])


def _meeting_form(window: Any, ids: dict[str, str]) -> None:
    dialog = _workspace(window, ids).add_record("meeting")
    dialog.form.editors["notes"].put(TYPED)


def _discard_question(window: Any, ids: dict[str, str]) -> None:
    dialog = _workspace(window, ids).add_record("meeting")
    dialog.form.editors["notes"].put(TYPED)
    dialog.reject()  # Esc: "Discard the changes?" is open when the lock comes


def _delete_meeting(window: Any, ids: dict[str, str]) -> None:
    workspace = _workspace(window, ids)
    workspace.delete_record(workspace.file.meetings[0])


def _move_to_bin(window: Any, ids: dict[str, str]) -> None:
    _workspace(window, ids).confirm_delete()


def _erase(window: Any, ids: dict[str, str]) -> None:
    bin_screen = window.work.bin
    window.work.show_section(bin_screen)
    bin_screen.view.selectRow(0)
    bin_screen.erase()


def _error_box(window: Any, ids: dict[str, str]) -> None:
    window.ops.show_error("Virheilmoitus asiakkaasta")


def _pdf_warning(window: Any, ids: dict[str, str]) -> None:
    from tyokykyapp.forms.render import FormKind

    _workspace(window, ids).print_form(FormKind.CONSENT).save_as()


def _pdf_file_dialog(window: Any, ids: dict[str, str]) -> None:
    from tyokykyapp.forms.render import FormKind

    window.work.print_blank(FormKind.CONSENT).save_as()


def _print_dialog(window: Any, ids: dict[str, str]) -> None:
    from tyokykyapp.forms.render import FormKind

    window.work.print_blank(FormKind.CONSENT).print_dialog()


def _phase_move(window: Any, ids: dict[str, str]) -> None:
    _workspace(window, ids).open_move_dialog().reason.setText(TYPED)


def _correct_move(window: Any, ids: dict[str, str]) -> None:
    _workspace(window, ids).open_correct_dialog().reason.setText(TYPED)


def _checklist_date(window: Any, ids: dict[str, str]) -> None:
    _workspace(window, ids).ask_done_on("Tietosuojaseloste annettu", "privacy_notice_given")


def _new_client(window: Any, ids: dict[str, str]) -> None:
    window.work.new_client().form.editors["notes"].put(TYPED)


def _employer(window: Any, ids: dict[str, str]) -> None:
    window.work.show_section(window.work.employers)
    window.work.employers.new_employer().form.editors["name"].put(TYPED)


def _settings(window: Any, ids: dict[str, str]) -> None:
    window.work.open_settings().coach_form.editors["name"].widget.setText(TYPED)


def _recovery_key(window: Any, ids: dict[str, str]) -> None:
    window.work.open_settings().new_recovery_key()


def _export(window: Any, ids: dict[str, str]) -> None:
    window.work.open_export().receiver.setText(TYPED)


def _export_file_dialog(window: Any, ids: dict[str, str]) -> None:
    dialog = window.work.open_export()
    dialog.scope_all.setChecked(True)
    dialog.receiver.setText(TYPED)
    dialog.save()  # asks for the file


def _import_file_dialog(window: Any, ids: dict[str, str]) -> None:
    window.work.open_import().browse()


def _history(window: Any, ids: dict[str, str]) -> None:
    workspace = _workspace(window, ids)
    workspace.show_history(workspace.file.client)


def _long_work(window: Any, ids: dict[str, str]) -> None:
    """The lock comes while a job on a worker thread uses the vault: it waits for the job, then locks."""
    import time

    def work(vault: Any, progress: Any) -> int:
        time.sleep(0.8)
        return int(vault.repo.count_clients())  # fails if the vault was closed under the job

    window.ops.run_in_background(window, "Työ", work, on_done=lambda _count: None)


# What is open when the lock fires, and the typed text to find again after unlocking (None: nothing typed).
SCENARIOS: dict[str, tuple[Step, str | None]] = {
    "record_form": (_meeting_form, TYPED),
    "discard_question": (_discard_question, TYPED),
    "delete_question": (_delete_meeting, None),
    "bin_question": (_move_to_bin, None),
    "erase_question": (_erase, None),
    "error_box": (_error_box, None),
    "pdf_warning": (_pdf_warning, None),
    "pdf_file_dialog": (_pdf_file_dialog, None),
    "print_dialog": (_print_dialog, None),
    "phase_move": (_phase_move, TYPED),
    "correct_move": (_correct_move, TYPED),
    "checklist_date": (_checklist_date, None),
    "new_client": (_new_client, TYPED),
    "employer": (_employer, TYPED),
    "settings": (_settings, TYPED),
    "recovery_key_question": (_recovery_key, None),
    "export": (_export, TYPED),
    "export_file_dialog": (_export_file_dialog, TYPED),
    "import_file_dialog": (_import_file_dialog, None),
    "history": (_history, None),
    "long_work": (_long_work, None),
}


def _texts(window: Any) -> str:
    from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit

    found = []
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            found += [e.text() for e in dialog.findChildren(QLineEdit)]
            found += [e.toPlainText() for e in dialog.findChildren(QPlainTextEdit)]
    return "\n".join(found)


def run_one(folder: Path, name: str) -> int:
    """In the child: the scenario, ending with the exit status."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    import tyokykyapp.vault.vault
    from tests.helpers.vaults import FAST_KDF, PASSPHRASE
    from ui.app import MainWindow
    from ui.settings import Preferences

    tyokykyapp.vault.vault.calibrated_params = lambda: FAST_KDF  # type: ignore[assignment]
    ids = _vault(folder / "vault")
    app = QApplication([])
    prefs = Preferences(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    prefs.set("language", "en")
    window = MainWindow(folder / "vault", prefs)
    window.show()
    window.stack.currentWidget().passphrase.setText(PASSPHRASE)
    window.stack.currentWidget().try_unlock()
    step, typed = SCENARIOS[name]
    outcome = {"status": 2}
    errors: list[BaseException] = []

    def excepthook(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        traceback.print_exception(kind, error, trace)
        errors.append(error)

    sys.excepthook = excepthook

    def after_unlock() -> None:
        texts = _texts(window)
        outcome["status"] = 0 if typed is None or typed in texts else 1
        app.exit(0)

    def wait_for_lock() -> None:
        if window.ops.vault is not None:
            QTimer.singleShot(20, wait_for_lock)
            return
        screen = window.stack.currentWidget()
        screen.passphrase.setText(PASSPHRASE)
        screen.try_unlock()
        QTimer.singleShot(200, after_unlock)

    def start() -> None:
        window.auto_lock.setInterval(300)
        window.auto_lock.start()
        QTimer.singleShot(20, wait_for_lock)
        step(window, ids)

    QTimer.singleShot(0, start)
    QTimer.singleShot(15_000, lambda: app.exit(0))
    app.exec()
    return 4 if errors else outcome["status"]


def main(folder: Path, names: list[str]) -> dict[str, int]:
    results = {}
    for name in names:
        sub = folder / name
        sub.mkdir(parents=True)
        pid = os.fork()
        if pid == 0:  # the child: nothing of it may run the parent's clean-up
            code = 3
            try:
                code = run_one(sub, name)
            finally:
                sys.stdout.flush()
                os._exit(code)
        _pid, status = os.waitpid(pid, 0)
        results[name] = os.waitstatus_to_exitcode(status)
    return results


if __name__ == "__main__":
    # The heavy modules load once, before forking, so each child only builds its window.
    import PySide6.QtPdf
    import PySide6.QtWidgets  # noqa: F401
    import reportlab  # noqa: F401

    import tyokykyapp.forms.render  # noqa: F401
    import ui.app
    import ui.work_area  # noqa: F401

    chosen = sys.argv[2:] or list(SCENARIOS)
    print(json.dumps(main(Path(sys.argv[1]), chosen)))
