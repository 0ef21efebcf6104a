"""Settings, built from the declaration in ui/settings.py, plus the coach's details kept in the vault."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import ServiceTerms
from tyokykyapp.i18n import _
from tyokykyapp.services import CoachDetails, coach_details, service_terms, set_coach_details, set_service_terms
from tyokykyapp.vault import Vault
from ui.operations import Operations
from ui.settings import SETTINGS, Preferences, Setting
from ui.widgets.named import named
from ui.widgets.record_form import RecordForm

LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}


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


class SettingsDialog(QDialog):
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
        vault: Vault = ops.require_vault()
        details = coach_details(vault)
        box = QGroupBox(_("You and your organisation (printed on forms)"))
        coach_form = QFormLayout(box)
        self.coach = {}
        for key, label in (
            ("name", _("Your name")),
            ("organisation", _("Organisation")),
            ("phone", _("Phone")),
            ("email", _("E-mail")),
            ("address", _("Address")),
        ):
            edit = named(QLineEdit(getattr(details, key)), f"coach_{key}", label)
            coach_form.addRow(label, edit)
            self.coach[key] = edit
        layout.addWidget(box)
        # How the service is run: printed on the agreement, read by the due list.
        terms_box = QGroupBox(_("The service"))
        self.terms = named(RecordForm(ServiceTerms), "serviceTerms", _("The service"))
        self.terms.set_value(service_terms(vault))
        QVBoxLayout(terms_box).addWidget(self.terms)
        layout.addWidget(terms_box)
        new_key = named(QPushButton(_("Make a new recovery key…")), "newRecoveryKeyButton")
        new_key.clicked.connect(self.new_recovery_key)
        layout.addWidget(new_key)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def new_recovery_key(self) -> QWidget | None:
        """Replace the recovery key (the old sheet stops working) and show the new sheet to print."""
        from ui.print_ops import preview_recovery_sheet

        answer = QMessageBox.question(
            self,
            _("New recovery key"),
            _("Make a new recovery key? The old recovery sheet stops working. Print the new one for the safe."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        vault = self.ops.require_vault()
        key = self.ops.call(lambda v: v.new_recovery_key())
        if key is None:
            return None
        return preview_recovery_sheet(self, vault, key, coach_details(vault), self.ops)

    def _accept(self) -> None:
        details = CoachDetails(**{key: edit.text().strip() for key, edit in self.coach.items()})
        if self.ops.call(set_coach_details, details) is None:
            return
        if self.ops.call(set_service_terms, self.terms.value()) is None:
            return
        for key, editor in self.editors.items():
            self.prefs.set(key, _value(editor))
        self.accept()
