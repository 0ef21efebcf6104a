"""One phase of a client's workspace: what to keep in view, the checklist (ticking asks for the day the
work was done), the forms to print and the phase's records."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from tyokykyapp.domain import FILE_LISTS, ClientFile, Phase
from tyokykyapp.forms.render import FormKind, form_title
from tyokykyapp.i18n import _, current_language
from tyokykyapp.process import checklist
from ui.record_summary import day
from ui.theme import tone, with_icon
from ui.widgets.fitted_list import FittedList
from ui.widgets.flow_layout import flow_row
from ui.widgets.named import named
from ui.widgets.record_section import RecordSection

if TYPE_CHECKING:
    from ui.screens.workspace import ClientWorkspace

# Which records each phase page shows (the quality criteria's work of that phase).
PHASE_SECTIONS: dict[Phase, tuple[str, ...]] = {
    Phase.INTAKE: ("episode", "meeting", "consent", "agreement", "waiting"),
    Phase.MAPPING: ("vocational_profile", "kykyviisari", "plan", "network_contact", "meeting", "waiting"),
    Phase.JOB_SEARCH: ("job_application", "employer_contact", "employment", "meeting", "waiting"),
    Phase.SUPPORT: ("employment", "support_plan", "meeting", "waiting"),
    Phase.MAINTENANCE: ("employment", "meeting", "plan", "kykyviisari"),
    Phase.CLOSED: ("closure", "follow_up", "meeting"),
}
# The forms each phase page offers to print.
PHASE_FORMS: dict[Phase, tuple[FormKind, ...]] = {
    Phase.INTAKE: (FormKind.CONSENT, FormKind.AGREEMENT, FormKind.PRIVACY_NOTICE),
    Phase.MAPPING: (FormKind.PROFILE, FormKind.PLAN),
    Phase.JOB_SEARCH: (FormKind.CONSENT, FormKind.MEETING_SUMMARY),
    Phase.SUPPORT: (FormKind.SUPPORT_PLAN, FormKind.MEETING_SUMMARY),
    Phase.MAINTENANCE: (FormKind.PLAN, FormKind.MEETING_SUMMARY),
    Phase.CLOSED: (FormKind.CLOSURE, FormKind.ACCESS_REPORT),
}
# Closures and service episodes are made by the moves that end and start them, not added by hand.
NOT_ADDABLE = frozenset({"closure", "episode"})


class PhasePage(QWidget):
    def __init__(self, phase: Phase, workspace: ClientWorkspace) -> None:
        super().__init__()
        self.phase = phase
        self.setObjectName(f"page_{phase.value}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.info = tone(named(QLabel(), f"info_{phase.value}"), "info")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.info)
        checklist_box = QGroupBox(_("Checklist"))
        checklist_box.setObjectName(f"checklistBox_{phase.value}")
        box_layout = QVBoxLayout(checklist_box)
        self.checklist = named(FittedList(), f"checklist_{phase.value}", _("Checklist"))
        self.checklist.setWordWrap(True)
        self.checklist.itemChanged.connect(workspace.on_checklist_changed)
        box_layout.addWidget(self.checklist)
        prints = []
        for form in PHASE_FORMS[phase]:
            button = with_icon(
                named(
                    QPushButton(_("Print: {form}…").format(form=form_title(form, current_language()))),
                    f"print_{phase.value}_{form.value}",
                ),
                "printer",
            )
            button.clicked.connect(functools.partial(workspace.print_form, form))
            prints.append(button)
        box_layout.addWidget(flow_row(*prints))
        layout.addWidget(checklist_box)
        self.sections: dict[str, RecordSection] = {}
        for kind in PHASE_SECTIONS[phase]:
            add: Callable[[], object] = functools.partial(workspace.add_record, kind)
            section = RecordSection(
                kind,
                add=add,
                edit=workspace.edit,
                delete=workspace.delete_record,
                history=workspace.show_history,
                addable=kind not in NOT_ADDABLE,
            )
            self.sections[kind] = section
            layout.addWidget(section)
        layout.addStretch()

    def fill(self, file: ClientFile, today: date, info: str, names: Mapping[str, str], read_only: str) -> None:
        self.info.setText(info)
        self.info.setVisible(bool(info))
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for item in checklist(file, self.phase, today):
            done = f" — {day(item.done_on)}" if item.done and item.done_on else ""
            source = " (" + _("from the records") + ")" if item.source == "record" else ""
            entry = QListWidgetItem(f"{item.label}{done}{source}")
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            flags = Qt.ItemFlag.ItemIsEnabled
            # A record-backed item is changed by editing the record; a handed-over client's not at all.
            if item.source != "record" and not read_only:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            entry.setFlags(flags)
            entry.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            if read_only:
                entry.setToolTip(read_only)
            self.checklist.addItem(entry)
        self.checklist.fit()
        self.checklist.blockSignals(False)
        for kind, section in self.sections.items():
            section.set_records(getattr(file, FILE_LISTS[kind]), names)
            section.set_read_only(read_only)
