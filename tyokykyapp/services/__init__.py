"""Core services: the operations the GUI and the CLI call. Each validates, writes in one transaction
and returns the Changes it made."""

from typing import TYPE_CHECKING

from tyokykyapp.lazy import lazy_exports

if TYPE_CHECKING:
    from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails
    from tyokykyapp.domain.service_terms import ServiceTerms
    from tyokykyapp.services.changes import Changes
    from tyokykyapp.services.clients import (
        add_client,
        delete_client,
        mark_handed_over,
        purge_client,
        restore_client,
        undo_handover,
        update_client,
    )
    from tyokykyapp.services.coach import (
        coach_details,
        organisation_details,
        service_terms,
        set_coach_details,
        set_organisation_details,
        set_service_terms,
    )
    from tyokykyapp.services.due import due_list
    from tyokykyapp.services.phases import advance_phase, change_level, redate_last_move, undo_last_move
    from tyokykyapp.services.records import (
        delete_record,
        restore_record,
        save_record,
        tick_checklist_item,
        untick_checklist_item,
    )

_EXPORTS = {
    "Changes": "tyokykyapp.services.changes",
    "CoachDetails": "tyokykyapp.domain.coach",
    "OrganisationDetails": "tyokykyapp.domain.coach",
    "ServiceTerms": "tyokykyapp.domain.service_terms",
    "add_client": "tyokykyapp.services.clients",
    "advance_phase": "tyokykyapp.services.phases",
    "change_level": "tyokykyapp.services.phases",
    "coach_details": "tyokykyapp.services.coach",
    "delete_client": "tyokykyapp.services.clients",
    "delete_record": "tyokykyapp.services.records",
    "due_list": "tyokykyapp.services.due",
    "mark_handed_over": "tyokykyapp.services.clients",
    "organisation_details": "tyokykyapp.services.coach",
    "purge_client": "tyokykyapp.services.clients",
    "redate_last_move": "tyokykyapp.services.phases",
    "restore_client": "tyokykyapp.services.clients",
    "restore_record": "tyokykyapp.services.records",
    "save_record": "tyokykyapp.services.records",
    "service_terms": "tyokykyapp.services.coach",
    "set_coach_details": "tyokykyapp.services.coach",
    "set_organisation_details": "tyokykyapp.services.coach",
    "set_service_terms": "tyokykyapp.services.coach",
    "tick_checklist_item": "tyokykyapp.services.records",
    "undo_handover": "tyokykyapp.services.clients",
    "undo_last_move": "tyokykyapp.services.phases",
    "untick_checklist_item": "tyokykyapp.services.records",
    "update_client": "tyokykyapp.services.clients",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "Changes",
    "CoachDetails",
    "OrganisationDetails",
    "ServiceTerms",
    "add_client",
    "advance_phase",
    "change_level",
    "coach_details",
    "delete_client",
    "delete_record",
    "due_list",
    "mark_handed_over",
    "organisation_details",
    "purge_client",
    "redate_last_move",
    "restore_client",
    "restore_record",
    "save_record",
    "service_terms",
    "set_coach_details",
    "set_organisation_details",
    "set_service_terms",
    "tick_checklist_item",
    "undo_handover",
    "undo_last_move",
    "untick_checklist_item",
    "update_client",
]
