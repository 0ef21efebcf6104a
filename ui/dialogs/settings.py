"""Settings, in tabs: the app's preferences (built from the declaration in ui/settings.py), the vault's
secrets (change the passphrase, make a new recovery key), and the coach's and the organisation's details
kept in the vault (forms built from their field declarations, each label above its field).

Another part adds its own section as a tab with `add_tab` (e.g. backups)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails
from tyokykyapp.i18n import _
from tyokykyapp.services import (
    ServiceTerms,
    coach_details,
    organisation_details,
    service_terms,
    set_coach_details,
    set_organisation_details,
    set_service_terms,
)
from ui.backup_ops import open_backups
from ui.dialogs import open_dialog
from ui.dialogs.ask import confirm
from ui.dialogs.form_dialog import FormDialog
from ui.operations import Operations
from ui.settings import SETTINGS, Preferences, Setting
from ui.theme import primary, role, sized, with_icon
from ui.widgets.named import named
from ui.widgets.record_form import RecordForm
from ui.widgets.texts import at_left, paragraph


def _editor(setting: Setting, value: Any) -> QWidget:
    if setting.choices:
        combo = QComboBox()
        for choice in setting.choices:
            label = setting.choice_labels.get(choice, str(choice))
            combo.addItem(label if setting.key == "language" else _(label), choice)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        return combo
    if setting.kind is bool:
        box = QCheckBox(_(setting.label))
        box.setChecked(bool(value))
        return box
    spin = QSpinBox()
    spin.setRange(setting.minimum, setting.maximum)
    spin.setSuffix(_(setting.suffix) if setting.suffix else "")
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


def _scrolled(widget: QWidget) -> QScrollArea:
    """A tab's page that scrolls down when the window is short (large text on a small screen)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    return scroll


class SettingsDialog(FormDialog):
    def __init__(self, prefs: Preferences, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings"))
        self.prefs, self.ops = prefs, ops
        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "settingsTabs", _("Settings"))
        layout.addWidget(self.tabs)
        self.editors: dict[str, QWidget] = {}
        self.add_tab(self._general_page(), _("General"), "settingsGeneral")
        self.add_tab(self._security_page(), _("Passphrase and recovery key"), "settingsSecurity")
        details = QWidget()
        column = QVBoxLayout(details)
        self.coach_form = self._details_box(
            column, _("You and your organisation (printed on forms)"), CoachDetails, ops.query(coach_details), "coach_"
        )
        self.organisation_form = self._details_box(
            column,
            _("Your organisation as the controller of the client records (printed on the privacy notice)"),
            OrganisationDetails,
            ops.query(organisation_details),
            "organisation_",
        )
        # How the service is run: printed on the agreement, read by the due list.
        self.terms_form = self._details_box(column, _("The service"), ServiceTerms, ops.query(service_terms), "terms_")
        column.addStretch()
        self.add_tab(details, _("You and your organisation"), "settingsDetails")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        primary(named(ok, "settingsOkButton"))
        layout.addWidget(buttons)
        sized(self, 720, 620)
        self.mark_unchanged()

    def add_tab(self, page: QWidget, title: str, name: str) -> None:
        page.setObjectName(name)
        self.tabs.addTab(_scrolled(page), title)

    def _general_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for setting in SETTINGS:
            editor = named(_editor(setting, self.prefs.get(setting.key)), f"setting_{setting.key}", _(setting.label))
            if isinstance(editor, QCheckBox):
                form.addRow(editor)  # a tick box carries its own label
            else:
                label = QLabel(_(setting.label))
                label.setWordWrap(True)
                label.setBuddy(editor)
                form.addRow(label, editor)
            self.editors[setting.key] = editor
        return page

    def _security_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(
            paragraph(
                _(
                    "Change the passphrase when someone may have seen it. The records are re-encrypted under a "
                    "new key, so an old copy of the key file no longer opens them."
                )
            )
        )
        change = named(with_icon(QPushButton(_("Change the passphrase…")), "key"), "changePassphraseButton")
        change.clicked.connect(lambda: self.change_passphrase())
        column.addWidget(at_left(change))
        column.addSpacing(12)
        column.addWidget(
            paragraph(
                _(
                    "Make a new recovery key when the recovery sheet is lost, or when the person keeping it "
                    "leaves. The old sheet stops working; print the new one for the organisation's safe."
                )
            )
        )
        new_key = named(with_icon(QPushButton(_("Make a new recovery key…")), "printer"), "newRecoveryKeyButton")
        new_key.clicked.connect(self.new_recovery_key)
        column.addWidget(at_left(new_key))
        column.addSpacing(12)
        backups = named(with_icon(QPushButton(_("Backups and restoring…")), "restore"), "openBackupsButton")
        backups.clicked.connect(lambda: open_backups(self))
        column.addWidget(at_left(backups))
        column.addStretch()
        return page

    @staticmethod
    def _details_box(layout: QVBoxLayout, title: str, cls: type, details: object, prefix: str) -> RecordForm:
        # A heading that wraps (a group box's title cannot, and would widen the dialog at large text).
        heading = role(QLabel(title), "heading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = RecordForm(cls, name_prefix=prefix, labels_above=True)
        form.set_value(details if details is not None else cls())
        layout.addWidget(form)
        layout.addSpacing(12)
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

    def change_passphrase(self) -> QWidget:
        from ui.dialogs.change_passphrase import ChangePassphraseDialog

        return open_dialog(ChangePassphraseDialog(self.ops, self))

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

        def made(result: tuple[str, str, Any, CoachDetails]) -> None:
            key, vault_id, created_at, coach = result
            preview_recovery_sheet(self, vault_id, created_at, key, coach, self.ops)

        # Re-encrypting a large vault takes a while: on a worker thread, with its progress shown.
        self.ops.run_in_background(
            self,
            _("Making a new recovery key…"),
            lambda vault, progress: (
                vault.new_recovery_key(progress=progress),
                vault.id,
                vault.created_at,
                coach_details(vault),
            ),
            on_done=made,
        )

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
