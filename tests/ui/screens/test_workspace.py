"""A whole client journey in the GUI, from referral to closure, without touching the CLI."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.factories import client
from tests.helpers.gui import answer, last_dialog, set_field, take_error, unlocked_new_vault, unlocked_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.domain import (
    ClosureDestination,
    ClosureReason,
    DisclosureChoice,
    Employer,
    EmploymentKind,
    JobApplication,
    MaintenanceLevel,
    Meeting,
    Phase,
    Referral,
    ReferralSource,
)
from tyokykyapp.services import save_record
from ui.app import MainWindow
from ui.dialogs.checklist_date import ChecklistDateDialog
from ui.dialogs.phase_move import PhaseMoveDialog
from ui.dialogs.record import RecordDialog
from ui.screens.workspace import ClientWorkspace
from ui.widgets.date_fields import to_qdate


def click(qtbot: QtBot, parent: object, name: str) -> None:
    button = parent.findChild(QPushButton, name)  # type: ignore[attr-defined]
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(qtbot: QtBot, workspace: ClientWorkspace, record_kind: str, **values: object) -> None:
    click(qtbot, workspace, f"add_{record_kind}")
    dialog = last_dialog(workspace)
    for name, value in values.items():
        set_field(dialog, name, value)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), take_error()


def move(qtbot: QtBot, workspace: ClientWorkspace, to: Phase, on: date, **extra: object) -> str:
    """Open the move dialog, choose `to`, confirm; returns the error shown ('' when the move was made)."""
    take_error()
    click(qtbot, workspace, "advancePhaseButton")
    dialog = workspace.findChildren(PhaseMoveDialog)[-1]
    dialog.choose(to)
    dialog.on.setDate(to_qdate(on))
    if "reason" in extra:
        dialog.reason.setText(str(extra["reason"]))
    if "level" in extra:
        dialog.level.select(extra["level"])
    if "closure" in extra:
        dialog.closure_reason.select(extra["closure"])
        dialog.destination.select(extra["destination"])
        dialog.continuation.setPlainText("Aloittaa ammatilliset opinnot syksyllä.")
    qtbot.mouseClick(dialog.findChild(QPushButton, "moveOkButton"), Qt.MouseButton.LeftButton)
    error = take_error()
    if dialog.isVisible():
        dialog.discard()
    return error


def open_new_client(qtbot: QtBot, window: MainWindow, referred_on: date | None = None) -> ClientWorkspace:
    """A new client, then their first service period: the referral, and the entry date when it was earlier."""
    assert window.work is not None
    window.work.show_section(window.work.clients)
    click(qtbot, window.work, "newClientButton")
    dialog = last_dialog(window.work)
    set_field(dialog, "family_name", "Hämäläinen")
    set_field(dialog, "given_names", "Väinö")
    set_field(dialog, "phone", "040 123 4567")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.work is not None and window.work.workspace is not None)
    workspace = window.work.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: any(d.isVisible() for d in workspace.findChildren(RecordDialog)))
    episode = last_dialog(workspace)
    assert episode.objectName() == "recordDialog_episode"
    set_field(
        episode,
        "referral",
        Referral(source=ReferralSource.WORK_ACTIVITY, referrer="työvalmentaja", referred_on=referred_on),
    )
    if referred_on is not None:
        set_field(episode, "started_on", referred_on)
    qtbot.mouseClick(episode.save_button, Qt.MouseButton.LeftButton)
    assert not episode.isVisible(), take_error()
    return workspace


def test_whole_journey_from_referral_to_closure(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    start = date.today() - timedelta(days=200)
    workspace = open_new_client(qtbot, window, referred_on=start)
    assert workspace.file is not None and workspace.file.client.phase is Phase.INTAKE
    assert workspace.stepper.buttons["intake"].property("step") == "current"
    assert workspace.stepper.buttons["intake"].accessibleName() == "1. Intake: current phase"

    # Intake -> mapping is refused until agreement and consent exist; the message says what is missing.
    error = move(qtbot, workspace, Phase.MAPPING, date.today())
    assert "signed job-coaching agreement" in error and "written consent" in error
    save(qtbot, workspace, "meeting", on=start, notes="Ensitapaaminen työtoimintakeskuksessa")
    save(qtbot, workspace, "agreement", signed_on=start)
    save(qtbot, workspace, "consent", given_on=start)
    assert move(qtbot, workspace, Phase.MAPPING, date.today() - timedelta(days=190)) == ""

    save(
        qtbot,
        workspace,
        "vocational_profile",
        updated_on=date.today() - timedelta(days=170),
        work_goals="Keittiötyö osa-aikaisesti",
    )
    assert move(qtbot, workspace, Phase.JOB_SEARCH, date.today() - timedelta(days=160)) == ""

    error = move(qtbot, workspace, Phase.SUPPORT, date.today() - timedelta(days=100))
    assert "work trial that has started" in error
    save(
        qtbot,
        workspace,
        "employment",
        kind=EmploymentKind.WORK_TRIAL,
        start_on=date.today() - timedelta(days=100),
        title="keittiöapulainen",
        employer_name="Kahvila Kulma",
    )
    assert move(qtbot, workspace, Phase.SUPPORT, date.today() - timedelta(days=100)) == ""
    assert (
        move(qtbot, workspace, Phase.MAINTENANCE, date.today() - timedelta(days=60), level=MaintenanceLevel.SUFFICIENT)
        == ""
    )
    assert workspace.file.client.maintenance_level is MaintenanceLevel.SUFFICIENT
    assert "Sufficient support" in workspace.status_label.text()
    error = move(qtbot, workspace, Phase.CLOSED, date.today(), closure=ClosureReason.STUDIES, destination=None)
    assert "where the client went" in error
    assert (
        move(
            qtbot,
            workspace,
            Phase.CLOSED,
            date.today(),
            closure=ClosureReason.STUDIES,
            destination=ClosureDestination.STUDIES,
        )
        == ""
    )

    file = window.ops.require_vault().repo.client_file(workspace.client_id)
    assert file.client.phase is Phase.CLOSED
    assert [p.to_phase for p in file.phase_history] == [
        Phase.INTAKE,
        Phase.MAPPING,
        Phase.JOB_SEARCH,
        Phase.SUPPORT,
        Phase.MAINTENANCE,
        Phase.CLOSED,
    ]
    assert file.closures[0].continuation_path.startswith("Aloittaa")
    assert workspace.stepper.buttons["closed"].property("step") == "current"
    assert all(workspace.stepper.buttons[p.value].property("step") == "done" for p in Phase if p is not Phase.CLOSED)

    # Re-opening keeps the history and starts a second service period.
    assert move(qtbot, workspace, Phase.INTAKE, date.today(), reason="palasi palveluun") == ""
    again = window.ops.require_vault().repo.client_file(workspace.client_id)
    assert len(again.phase_history) == 7 and len(again.service_periods()) == 2
    assert again.service_periods()[0].started_on == start


def test_checklist_tick_records_the_date_and_timeline_lists_everything(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    workspace = open_new_client(qtbot, window)
    checklist = workspace.phase_pages[Phase.INTAKE].checklist
    row = next(i for i in range(checklist.count()) if "Privacy notice" in checklist.item(i).text())
    checklist.item(row).setCheckState(Qt.CheckState.Checked)
    # Ticking asks for the day the work was done: an earlier day can be given.
    asked = workspace.findChildren(ChecklistDateDialog)[-1]
    assert checklist.item(row).checkState() == Qt.CheckState.Unchecked  # nothing stored before the answer
    asked.on.setDate(to_qdate(date.today() - timedelta(days=3)))
    qtbot.mouseClick(asked.findChildren(QPushButton)[0], Qt.MouseButton.LeftButton)
    ticks = window.ops.require_vault().repo.client_file(workspace.client_id).checklist_ticks
    assert [(t.item, t.ticked_on) for t in ticks] == [("privacy_notice_given", date.today() - timedelta(days=3))]
    checklist = workspace.phase_pages[Phase.INTAKE].checklist
    assert checklist.item(row).checkState() == Qt.CheckState.Checked
    # Unticking asks first: the date would be lost.
    checklist.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert "not done" in answer(QMessageBox.StandardButton.No)
    assert window.ops.require_vault().repo.client_file(workspace.client_id).checklist_ticks
    save(qtbot, workspace, "meeting", notes="Aikajanalla näkyvä tapaaminen")
    workspace.stepper.show("timeline")
    texts = [workspace.timeline.item(i).text() for i in range(workspace.timeline.count())]
    assert any("Aikajanalla" in t for t in texts) and any("Phase change" in t for t in texts)


def test_invalid_input_keeps_the_form_open_with_the_text(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    workspace = open_new_client(qtbot, window)
    workspace.stepper.show("job_search")  # pages are built when opened
    click(qtbot, workspace, "add_employment")
    dialog = last_dialog(workspace)
    set_field(dialog, "start_on", date(2026, 5, 1))
    set_field(dialog, "end_on", date(2026, 4, 1))
    set_field(dialog, "title", "varastotyöntekijä")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "end date is before the start date" in take_error()
    assert dialog.form.editors["title"].get() == "varastotyöntekijä"
    long_note = "Pitkä muistiinpano 😀 " * 2500
    click(qtbot, workspace, "add_meeting")
    meeting = last_dialog(workspace)
    set_field(meeting, "notes", long_note)
    qtbot.mouseClick(meeting.save_button, Qt.MouseButton.LeftButton)
    assert window.ops.require_vault().repo.client_file(workspace.client_id).meetings[0].notes == long_note


def test_delete_record_can_be_undone_and_client_goes_to_the_bin(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    workspace = open_new_client(qtbot, window)
    save(qtbot, workspace, "meeting", notes="poistettava")
    workspace.phase_pages[Phase.INTAKE].sections["meeting"].list.setCurrentRow(0)
    click(qtbot, workspace, "delete_meeting")
    answer(QMessageBox.StandardButton.Yes)
    repo = window.ops.require_vault().repo
    assert repo.client_file(workspace.client_id).meetings == []
    click(qtbot, workspace, "undoDeleteButton")
    assert len(repo.client_file(workspace.client_id).meetings) == 1
    client_id = workspace.client_id
    click(qtbot, workspace, "deleteClientButton")
    answer(QMessageBox.StandardButton.Yes)
    assert window.work is not None and window.work.workspace is None
    QApplication.processEvents()
    assert repo.is_deleted(client_id)
    window.work.show_section(window.work.bin)
    assert window.work.bin.model.rowCount() == 1
    window.work.bin.view.selectRow(0)
    click(qtbot, window.work.bin, "restoreClientButton")
    assert not repo.is_deleted(client_id)


def test_an_employer_from_the_register_is_named_in_lists_timeline_and_choices(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    from tyokykyapp.domain import Employer, EmployerContact, Employment, JobApplication
    from tyokykyapp.services import add_client, save_record
    from tyokykyapp.vault import Vault

    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    c = client()
    add_client(vault, c)
    save_record(vault, Employer(name="Kiinteistöhuolto Satama Oy"))
    satama = vault.repo.employers()[0]
    on = date.today()
    save_record(vault, JobApplication(client_id=c.id, applied_on=on, position="myyjä", employer_id=satama.id))
    save_record(vault, Employment(client_id=c.id, start_on=on, title="huoltomies", employer_id=satama.id))
    save_record(vault, EmployerContact(client_id=c.id, employer_id=satama.id, on=on, purpose="tutustuminen"))
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    workspace = window.work.open_client(c.id)
    assert workspace is not None
    workspace.stepper.show("job_search")
    page = workspace.phase_pages[Phase.JOB_SEARCH]
    for kind in ("job_application", "employment", "employer_contact"):
        assert "Kiinteistöhuolto Satama Oy" in page.sections[kind].list.item(0).text(), kind
    assert "myyjä / Kiinteistöhuolto Satama Oy" in page.sections["job_application"].list.item(0).text()
    assert [label for _id, label in workspace.choices()["employment_id"]] == ["huoltomies / Kiinteistöhuolto Satama Oy"]
    workspace.stepper.show("timeline")
    texts = [workspace.timeline.item(i).text() for i in range(workspace.timeline.count())]
    assert sum("Kiinteistöhuolto Satama Oy" in t for t in texts) == 3


def test_history_shows_labels_and_dates_never_raw_codes(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    from tyokykyapp.domain import Meeting, PlaceType
    from tyokykyapp.services import add_client, save_record
    from tyokykyapp.vault import Vault

    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    c = client(interpreter_needed=False)
    add_client(vault, c)
    save_record(vault, Meeting(client_id=c.id, on=date(2026, 3, 1), place_type=PlaceType.WORKPLACE))
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    workspace = window.work.open_client(c.id)
    assert workspace is not None
    history = workspace.show_history(workspace.file.meetings[0])
    assert history is not None
    text = history.text.toPlainText()
    assert "1.3.2026" in text and PlaceType.WORKPLACE.label in text and "workplace" not in text
    details = workspace.show_history(workspace.file.client)
    assert details is not None
    assert "False" not in details.text.toPlainText() and "{" not in details.text.toPlainText()


def test_a_meeting_summary_for_a_client_without_meetings_says_so_without_an_empty_preview(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    from tyokykyapp.forms.render import FormKind
    from ui.widgets.pdf_preview import PdfPreviewDialog

    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    workspace = open_new_client(qtbot, window)
    assert workspace.print_form(FormKind.MEETING_SUMMARY) is None
    assert "no meetings" in take_error()
    assert not [d for d in workspace.findChildren(PdfPreviewDialog) if d.isVisible()]


def test_an_empty_network_contact_is_refused_and_the_form_stays_open(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    workspace = open_new_client(qtbot, window)
    workspace.stepper.show("mapping")
    click(qtbot, workspace, "add_network_contact")
    dialog = last_dialog(workspace)
    set_field(dialog, "organisation", "Kela")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "role or name" in take_error()
    assert window.ops.require_vault().repo.client_file(workspace.client_id).network_contacts == []
    dialog.discard()


def test_a_timeline_line_opens_its_record(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    from ui.dialogs.record import RecordDialog

    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    workspace = open_new_client(qtbot, window)
    window.ops.call(save_record, Meeting(client_id=workspace.client_id, on=date.today(), notes="Ensitapaaminen"))
    workspace.stepper.show("timeline")
    line = next(
        workspace.timeline.item(row)
        for row in range(workspace.timeline.count())
        if "Ensitapaaminen" in workspace.timeline.item(row).text()
    )
    workspace.timeline.itemActivated.emit(line)
    opened = [d for d in workspace.findChildren(RecordDialog) if d.isVisible()]
    assert opened and opened[-1].form.value().notes == "Ensitapaaminen"
    opened[-1].discard()


def test_an_empty_vault_says_where_to_begin(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    assert "Add the first one" in window.work.today.summary.text()


def test_a_contact_against_the_clients_choice_is_pointed_out_after_saving(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    """The contact is saved all the same; the coach reads once what the consent says."""
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    workspace = open_new_client(qtbot, window)
    vault = window.ops.require_vault()
    employer = vault.repo.save(Employer(name="Kahvila Kulma Oy"))
    save(qtbot, workspace, "consent", given_on=date.today(), employer_disclosure=DisclosureChoice.NO)
    workspace.stepper.show("job_search")
    window.ops.last_notice = ""
    save(qtbot, workspace, "employer_contact", employer_id=employer.id, on=date.today())
    assert "invisible to employers" in window.ops.last_notice
    assert len(vault.repo.client_file(workspace.client_id).employer_contacts) == 1
    boxes = [b for b in window.findChildren(QMessageBox, "noticeBox") if b.isVisible()]
    assert boxes and "invisible to employers" in boxes[-1].text()


def test_the_service_terms_are_set_in_the_settings(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    from tyokykyapp.services import service_terms
    from ui.dialogs.settings import SettingsDialog

    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    settings = SettingsDialog(window.prefs, window.ops, window)
    qtbot.addWidget(settings)
    settings.terms_form.editors["pay_subsidy_lead_days"].put(45)
    settings.terms_form.editors["project_ends_on"].put(date(2027, 12, 31))
    settings.save()
    terms = service_terms(window.ops.require_vault())
    assert (terms.pay_subsidy_lead_days, terms.project_ends_on) == (45, date(2027, 12, 31))


def test_a_short_page_is_not_as_tall_as_a_long_timeline(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    """The timeline grows to all its lines; a phase page shown after it ends where its content ends."""
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    workspace = open_new_client(qtbot, window)
    for days in range(250):  # job applications: on the timeline and the job search page, not on intake
        applied = date.today() - timedelta(days=days)
        window.ops.call(save_record, JobApplication(client_id=workspace.client_id, applied_on=applied))
    workspace.stepper.show("timeline")
    QApplication.processEvents()
    tall = workspace.timeline.minimumHeight()
    page = workspace.page_for(Phase.INTAKE)
    workspace.stepper.show(Phase.INTAKE.value)
    QApplication.processEvents()
    assert workspace.pages.currentWidget() is page
    assert page.sizeHint().height() < tall / 2  # the premise: this page is much shorter than the timeline
    assert workspace.pages.minimumSizeHint().height() < tall / 2
    assert workspace.pages.sizeHint().height() < tall / 2
