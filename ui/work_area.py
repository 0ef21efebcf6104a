"""Everything shown while the vault is open: the bar, the sections, and the client workspace. Loaded
when the vault is unlocked, not at start-up, and destroyed on lock."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import Client, Record
from tyokykyapp.domain.dates import today
from tyokykyapp.domain.registry import blank_record
from tyokykyapp.forms.render import FormKind, form_title
from tyokykyapp.i18n import LANGUAGE_NAMES, _, current_language
from tyokykyapp.services import add_client
from tyokykyapp.services.recent import remember_opened
from ui.dialogs import open_dialog
from ui.dialogs.choose_client import ChooseClientDialog
from ui.dialogs.handover import ExportDialog, ExportState, ImportDialog
from ui.dialogs.record import RecordDialog
from ui.dialogs.settings import SettingsDialog
from ui.print_ops import BLANK_FORMS, preview_blank_form
from ui.screens.bin import BinScreen
from ui.screens.client_list import ClientListScreen
from ui.screens.employers import EmployersScreen
from ui.screens.reports import ReportsScreen
from ui.screens.today import TodayScreen
from ui.screens.workspace import ClientWorkspace
from ui.theme import icon, icon_size, primary, role, tone, with_icon
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.named import named
from ui.widgets.pdf_preview import PdfPreviewDialog

if TYPE_CHECKING:
    from tyokykyapp.services.morning import Morning
    from ui.app import MainWindow
    from ui.dialogs.sheet_import import SheetImportDialog

T = TypeVar("T")


class WorkArea(QWidget):
    """Everything shown while the vault is open. Built on unlock, destroyed on lock: no client data
    survives in any widget or model once locked."""

    def __init__(self, window: MainWindow, facts: Morning | None = None, *, in_steps: bool = False) -> None:
        """Built at once; or, `in_steps`, one part per `build_step()` (each short enough that the window keeps
        answering: the app builds it so while the vault is being unlocked, then calls `fill`)."""
        super().__init__()
        self.window_ = window
        self.ops = window.ops
        self.workspace: ClientWorkspace | None = None
        self._steps = self._build(window, facts)
        if not in_steps:
            self.finish_building()

    def build_step(self) -> bool:
        """Build the next part; False once every part is built."""
        return next(self._steps, False) is None  # each part yields None; False is the end

    def finish_building(self) -> None:
        while self.build_step():
            pass

    def _build(self, window: MainWindow, facts: Morning | None) -> Iterator[None]:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._sidebar(window))
        main = QVBoxLayout()
        main.setContentsMargins(16, 12, 16, 12)
        main.setSpacing(10)
        main.addWidget(self._action_bar())
        self.content = named(QStackedWidget(), "screens")
        yield
        self.today = TodayScreen(self.ops, large_print=lambda: bool(window.prefs.get("large_print")), facts=facts)
        yield
        self.clients = ClientListScreen(self.ops)
        yield
        self.employers = EmployersScreen(self.ops)
        self.bin = BinScreen(self.ops)
        self.reports = ReportsScreen(self.ops)
        yield
        for title, icon_name, screen in (
            (_("Today"), "calendar-event", self.today),
            (_("Clients"), "users", self.clients),
            (_("Employers"), "building", self.employers),
            (_("Reports"), "chart-bar", self.reports),
            (_("Bin"), "trash", self.bin),
        ):
            self.nav.addItem(QListWidgetItem(icon(icon_name), title))
            self.content.addWidget(screen)
        self.nav.setIconSize(icon_size(0.7))
        # Wide enough for the longest section name at any text size (200 % included).
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 32)
        self.nav.setFixedHeight(self.nav.sizeHintForRow(0) * self.nav.count() + 16)
        self.nav.currentRowChanged.connect(self._show_section)
        main.addWidget(self.content, 1)
        layout.addLayout(main, 1)

        self.today.open_client.connect(self.open_client)
        self.today.filter_requested.connect(self._filter_clients)
        self.clients.open_client.connect(self.open_client)
        self.clients.new_client.connect(self.new_client)
        self.clients.import_sheet.connect(self.open_sheet_import)
        self.nav.setCurrentRow(0)

    def fill(self, facts: Morning | None) -> None:
        """Built before the vault was open (while the key was derived): now show what is in it."""
        self.finish_building()
        if facts is None:
            self.today.refresh_now()
        else:
            self.today.show_facts(facts)
        # The list is not on view at first: filled on the next turn of the event loop, after Today is drawn.
        QTimer.singleShot(0, self.clients, self.clients.apply_filter)

    def _sidebar(self, window: MainWindow) -> QWidget:
        """The app's name, the sections, and what concerns the whole app (language, settings, locking)."""
        sidebar = named(QFrame(), "sidebar")
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(12, 16, 12, 16)
        name = role(QLabel("Työkyky"), "title")
        name.setAccessibleName("Työkyky")
        column.addWidget(name)
        column.addSpacing(8)
        self.nav = named(QListWidget(), "navigation", _("Sections"))
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.nav)
        column.addStretch()
        if window.demo:
            banner = tone(named(QLabel("⚑ " + _("Demo vault: synthetic clients only")), "demoBanner"), "info")
            banner.setWordWrap(True)
            column.addWidget(banner)
            leave = with_icon(named(QPushButton(_("Leave the demo")), "leaveDemoButton"), "logout")
            leave.clicked.connect(window.leave_demo)
            column.addWidget(leave)
        self.language = named(QComboBox(), "languageCombo", _("Language"))
        for code, language in LANGUAGE_NAMES.items():
            self.language.addItem(language, code)
        self.language.setCurrentIndex(self.language.findData(window.prefs.get("language")))
        self.language.currentIndexChanged.connect(lambda: window.switch_language(self.language.currentData()))
        column.addWidget(self.language)
        for text, name_, icon_name, action in (
            (_("Settings…"), "settingsButton", "settings", lambda: self.open_settings()),
            (_("About"), "aboutButton", "info-circle", self.open_about),
            (_("Lock"), "lockButton", "lock", window.lock),
        ):
            button = with_icon(named(QPushButton(text), name_), icon_name)
            button.setToolTip(text + (" (Ctrl+L)" if name_ == "lockButton" else ""))
            button.clicked.connect(action)
            column.addWidget(button)
        return sidebar

    def _action_bar(self) -> QWidget:
        """The everyday actions, on every section (wrapping onto a second line when the window is narrow)."""
        bar = named(QWidget(), "actionBar")
        row = FlowLayout(bar)
        self.new_meeting = primary(
            with_icon(named(QPushButton(_("New meeting")), "newMeetingButton"), "calendar-plus", "accent_text")
        )
        self.new_meeting.setToolTip(_("New meeting") + " (Ctrl+M)")
        self.new_meeting.clicked.connect(self.new_meeting_anywhere)
        new_client = with_icon(named(QPushButton(_("New client")), "newClientBarButton"), "user-plus")
        new_client.setToolTip(_("New client") + " (Ctrl+N)")
        new_client.clicked.connect(lambda: self.new_client())
        forms = with_icon(named(QPushButton(_("Blank forms")), "blankFormsButton"), "file-text")
        forms_menu = QMenu(forms)
        for kind in BLANK_FORMS:
            forms_menu.addAction(form_title(kind, current_language()), functools.partial(self.print_blank, kind))
        forms.setMenu(forms_menu)
        hand_over = with_icon(named(QPushButton(_("Hand over…")), "handOverButton"), "send")
        hand_over.clicked.connect(lambda: self.open_export())
        receive = with_icon(named(QPushButton(_("Import…")), "openImportButton"), "file-import")
        receive.clicked.connect(self.open_import)
        for button in (self.new_meeting, new_client, forms, hand_over, receive):
            row.addWidget(button)
        return bar

    def _show_section(self, row: int) -> None:
        if row >= 0:
            self.content.setCurrentIndex(row)

    def show_section(self, screen: QWidget) -> None:
        self.nav.setCurrentRow(self.content.indexOf(screen))

    def _filter_clients(self, phase: object, level: object) -> None:
        self.clients.show_filter(phase, level)  # type: ignore[arg-type]
        self.show_section(self.clients)

    def open_client(self, client_id: str) -> ClientWorkspace | None:
        """The client's workspace, shown; None when the client cannot be read (the reason was shown)."""
        if self.workspace is not None:
            if self.workspace.client_id == client_id:
                self.nav.setCurrentRow(-1)  # so choosing any section again switches back
                self.content.setCurrentWidget(self.workspace)
                return self.workspace
            self.close_client()
        file = self.ops.query(lambda vault: vault.repo.client_file(client_id))
        if file is None:
            return None
        self.workspace = ClientWorkspace(self.ops, file, large_print=self.window_.prefs.get("large_print"))
        self.workspace.closed.connect(self.close_client)
        self.content.addWidget(self.workspace)
        self.nav.setCurrentRow(-1)  # so choosing any section again switches back
        self.content.setCurrentWidget(self.workspace)
        self.ops.call(remember_opened, client_id)
        self.today.refresh_recent()
        return self.workspace

    def reopen_for_client(self, client_id: str, action: Callable[[ClientWorkspace], T]) -> T | None:
        """After unlocking: open the client again and bring back a form kept for them."""
        workspace = self.open_client(client_id)
        return action(workspace) if workspace is not None else None

    def close_client(self) -> None:
        if self.workspace is not None:
            self.content.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self.show_section(self.clients)

    def new_client(self, typed: Record | None = None) -> RecordDialog:
        def save(record: Record) -> bool:
            assert isinstance(record, Client)
            if self.ops.call(add_client, record) is None:
                return False
            QTimer.singleShot(0, lambda: self._open_new_client(record.id))
            return True

        blank = blank_record(Client.KIND, None, today())
        dialog = RecordDialog(blank, save, self.ops.show_error, None, self, typed=typed)
        dialog.reopen = lambda work, state: work.new_client(state[1])
        return open_dialog(dialog)

    def _open_new_client(self, client_id: str) -> None:
        """The new client's workspace, with their service period open for the referral and the entry date."""
        workspace = self.open_client(client_id)
        episode = workspace.file.current_episode() if workspace is not None and workspace.file else None
        if workspace is not None and episode is not None:
            workspace.edit(episode)

    def new_meeting_anywhere(self) -> RecordDialog | ChooseClientDialog | None:
        """A new meeting for the client on view, or the one selected in the list; else asks which client."""
        if self.workspace is not None and self.content.currentWidget() is self.workspace:
            return self.workspace.add_record("meeting")
        rows = self.clients.view.selectionModel().selectedRows()
        if rows and self.content.currentWidget() is self.clients:
            return self.new_meeting_for(self.clients.model.client_id(rows[0].row()))
        return open_dialog(ChooseClientDialog(self.ops, _("Whose meeting is it?"), self.new_meeting_for, self))

    def new_meeting_for(self, client_id: str) -> RecordDialog | None:
        workspace = self.open_client(client_id)
        return workspace.add_record("meeting") if workspace is not None else None

    def print_blank(self, kind: FormKind) -> PdfPreviewDialog:
        return preview_blank_form(self, self.ops, kind, large_print=self.window_.prefs.get("large_print"))

    def selected_clients(self) -> list[str]:
        if self.workspace is not None and self.content.currentWidget() is self.workspace:
            return [self.workspace.client_id]
        rows = self.clients.view.selectionModel().selectedRows()
        return [self.clients.model.client_id(index.row()) for index in rows]

    def open_export(self, selected: list[str] | None = None, state: ExportState | None = None) -> ExportDialog:
        chosen = self.selected_clients() if selected is None else selected
        dialog = ExportDialog(self.ops, chosen, self)
        if state is not None:
            dialog.restore(state)
        dialog.reopen = lambda work, kept: work.open_export(chosen, kept)
        return open_dialog(dialog)

    def open_import(self) -> ImportDialog:
        return open_dialog(ImportDialog(self.ops, self))

    def open_sheet_import(self) -> SheetImportDialog:
        from ui.dialogs.sheet_import import SheetImportDialog  # seldom opened: not loaded with the work area

        return open_dialog(SheetImportDialog(self.ops, self))

    def open_about(self) -> None:
        from ui.dialogs.about import AboutDialog  # seldom opened: not loaded with the work area

        open_dialog(AboutDialog(self))

    def open_settings(self, state: dict[str, object] | None = None) -> SettingsDialog:
        dialog = SettingsDialog(self.window_.prefs, self.ops, self)
        if state is not None:
            dialog.restore(state)
        dialog.accepted.connect(self.window_.apply_preferences)
        dialog.reopen = lambda work, kept: work.open_settings(kept)
        return open_dialog(dialog)
