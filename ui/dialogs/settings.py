"""Settings, built from the declaration in ui/settings.py, plus the coach's and the organisation's details
kept in the vault (forms built from their field declarations)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails
from tyokykyapp.i18n import LANGUAGE_NAMES, _
from tyokykyapp.services import (
    ServiceTerms,
    coach_details,
    organisation_details,
    service_terms,
    set_coach_details,
    set_organisation_details,
    set_service_terms,
)
from ui.dialogs.ask import confirm
from ui.dialogs.form_dialog import FormDialog
from ui.operations import Operations
from ui.settings import SETTINGS, Preferences, Setting
from ui.widgets.named import named
from ui.widgets.record_form import RecordForm


def _editor(setting: Setting, value: Any) -> QWidget:
    if setting.choices:
        combo = QComboBox()
        for choice in setting.choices:
            combo.addItem(LANGUAGE_NAMES.get(choice, choice), choice)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        return combo
    if setting.kind is bool:
        box = QCheckBox()
        box.setChecked(bool(value))
        return box
    spin = QSpinBox()
    spin.setRange(setting.minimum, setting.maximum)
    spin.setValue(int(value))
    return spin


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    assert isinstance(widget, QSpinBox)
    return widget.value()


def _put(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))


class SettingsDialog(FormDialog):
    def __init__(self, prefs: Preferences, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings"))
        self.prefs, self.ops = prefs, ops
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.editors = {}
        for setting in SETTINGS:
            editor = named(_editor(setting, prefs.get(setting.key)), f"setting_{setting.key}", _(setting.label))
            form.addRow(_(setting.label), editor)
            self.editors[setting.key] = editor
        layout.addLayout(form)
        self.coach_form = self._details_box(
            layout, _("You and your organisation (printed on forms)"), CoachDetails, ops.query(coach_details), "coach_"
        )
        self.organisation_form = self._details_box(
            layout,
            _("Your organisation as the controller of the client records (printed on the privacy notice)"),
            OrganisationDetails,
            ops.query(organisation_details),
            "organisation_",
        )
        # How the service is run: printed on the agreement, read by the due list.
        self.terms_form = self._details_box(layout, _("The service"), ServiceTerms, ops.query(service_terms), "terms_")
        new_key = named(QPushButton(_("Make a new recovery key…")), "newRecoveryKeyButton")
        new_key.clicked.connect(self.new_recovery_key)
        layout.addWidget(new_key)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.mark_unchanged()

    @staticmethod
    def _details_box(layout: QVBoxLayout, title: str, cls: type, details: object, prefix: str) -> RecordForm:
        box = QGroupBox(title)
        form = RecordForm(cls, name_prefix=prefix)
        form.set_value(details if details is not None else cls())
        QVBoxLayout(box).addWidget(form)
        layout.addWidget(box)
        return form

    def state(self) -> dict[str, Any]:
        values = {f"pref:{key}": _value(editor) for key, editor in self.editors.items()}
        return values | {
            "coach": self.coach_form.value(),
            "organisation": self.organisation_form.value(),
            "terms": self.terms_form.value(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        for key, editor in self.editors.items():
            _put(editor, state[f"pref:{key}"])
        self.coach_form.set_value(state["coach"])
        self.organisation_form.set_value(state["organisation"])
        self.terms_form.set_value(state["terms"])

    def new_recovery_key(self) -> None:
        """Replace the recovery key (the old sheet stops working) and show the new sheet to print."""
        confirm(
            self,
            _("New recovery key"),
            _("Make a new recovery key? The old recovery sheet stops working. Print the new one for the safe."),
            self._make_recovery_key,
        )

    def _make_recovery_key(self) -> None:
        from ui.print_ops import preview_recovery_sheet

        made = self.ops.call(lambda vault: (vault.new_recovery_key(), vault.id, vault.created_at, coach_details(vault)))
        if made is not None:
            key, vault_id, created_at, coach = made
            preview_recovery_sheet(self, vault_id, created_at, key, coach, self.ops)

    def save(self) -> bool:
        if self.ops.call(set_coach_details, self.coach_form.value()) is None:
            return False
        if self.ops.call(set_organisation_details, self.organisation_form.value()) is None:
            return False
        if self.ops.call(set_service_terms, self.terms_form.value()) is None:
            return False
        for key, editor in self.editors.items():
            self.prefs.set(key, _value(editor))
        return self.close_if(True)
