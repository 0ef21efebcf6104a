"""The closed vocabularies of the domain. Values are stable identifiers (stored, exported, printed by
`--json`); `label` gives the translatable English name shown to people."""

from __future__ import annotations

from enum import StrEnum

from tyokykyapp.i18n import N_, _


class Labelled(StrEnum):
    """A StrEnum whose members carry a translatable label in `_LABELS`."""

    @property
    def label(self) -> str:
        return _(type(self)._labels()[self.value])

    @classmethod
    def _labels(cls) -> dict[str, str]:
        raise NotImplementedError


class Phase(Labelled):
    INTAKE = "intake"
    MAPPING = "mapping"
    JOB_SEARCH = "job_search"
    SUPPORT = "support"
    MAINTENANCE = "maintenance"
    CLOSED = "closed"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "intake": N_("Intake"),
            "mapping": N_("Initial mapping"),
            "job_search": N_("Job search"),
            "support": N_("Support"),
            "maintenance": N_("Maintenance"),
            "closed": N_("Closed"),
        }


class MaintenanceLevel(Labelled):
    ACTIVE = "active"
    SUFFICIENT = "sufficient"
    LIGHT = "light"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"active": N_("Active support"), "sufficient": N_("Sufficient support"), "light": N_("Light support")}


class Language(Labelled):
    FI = "fi"
    SV = "sv"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"fi": N_("Finnish"), "sv": N_("Swedish"), "other": N_("Other language")}


class PlaceType(Labelled):
    OFFICE = "office"
    HOME = "home"
    WORKPLACE = "workplace"
    LIBRARY = "library"
    COMMUNITY = "community"
    PHONE = "phone"
    VIDEO = "video"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "office": N_("Office"),
            "home": N_("Client's home"),
            "workplace": N_("Workplace"),
            "library": N_("Library"),
            "community": N_("Other community place"),
            "phone": N_("Phone"),
            "video": N_("Video"),
        }


class ReferralSource(Labelled):
    WORK_ACTIVITY = "rehabilitative_work_activity"
    ADULT_SOCIAL_WORK = "adult_social_work"
    DISABILITY_SOCIAL_WORK = "disability_social_work"
    EMPLOYMENT_SERVICES = "employment_services"
    KELA = "kela"
    WORK_ABILITY_COORDINATOR = "work_ability_coordinator"
    PSYCHOSIS_SERVICES = "psychosis_services"
    SOCIAL_REHABILITATION = "social_rehabilitation"
    NGO = "ngo"
    OTHER_PROJECT = "other_project"
    SELF = "self"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "rehabilitative_work_activity": N_("Rehabilitative work activity"),
            "adult_social_work": N_("Adult social work"),
            "disability_social_work": N_("Disability social work"),
            "employment_services": N_("Employment services"),
            "kela": N_("Kela"),
            "work_ability_coordinator": N_("Work-ability coordinator"),
            "psychosis_services": N_("Psychosis services"),
            "social_rehabilitation": N_("Social rehabilitation team"),
            "ngo": N_("Non-governmental organisation"),
            "other_project": N_("Other project"),
            "self": N_("Self-referral"),
        }


class ConsentMethod(Labelled):
    SIGNED_PAPER = "signed_paper"
    ORAL = "oral"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"signed_paper": N_("Signed on paper"), "oral": N_("Oral (one contact only)")}


class DisclosureChoice(Labelled):
    """May the coach tell an employer about the coaching and the client's support needs?"""

    YES = "yes"
    NO = "no"
    AGREED_EACH_TIME = "agreed_each_time"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "yes": N_("Yes, the coach may tell employers"),
            "no": N_("No, the coach stays invisible to employers"),
            "agreed_each_time": N_("Only what is agreed each time"),
        }


class EmploymentKind(Labelled):
    """Outcome coding of process.md: paid work is kept apart from trials and other outcomes."""

    EMPLOYMENT = "employment"
    WORK_TRIAL = "work_trial"
    WORK_ACTIVITY = "work_activity"
    GIG = "gig"
    EDUCATION = "education"
    REHABILITATION = "rehabilitation"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "employment": N_("Employment contract"),
            "work_trial": N_("Work trial"),
            "work_activity": N_("Rehabilitative or disability work activity"),
            "gig": N_("Job-centre or subcontracted work"),
            "education": N_("Education"),
            "rehabilitation": N_("Kela rehabilitation"),
            "other": N_("Other outcome"),
        }

    @property
    def starts_support(self) -> bool:
        """Only a job or a work trial moves a client into the support phase."""
        return self in (EmploymentKind.EMPLOYMENT, EmploymentKind.WORK_TRIAL)


class ClosureReason(Labelled):
    EMPLOYED = "employed"
    OTHER_SERVICE = "other_service"
    HEALTH = "health"
    MOVED = "moved"
    STUDIES = "studies"
    NOT_REACHED = "not_reached"
    DIED = "died"
    OWN_DECISION = "own_decision"
    SERVICE_ENDED = "service_ended"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "employed": N_("Employed and no longer needs support"),
            "other_service": N_("Moved to another service"),
            "health": N_("Health reasons or long sick leave"),
            "moved": N_("Moved to another municipality"),
            "studies": N_("Started or resumed studies"),
            "not_reached": N_("Could not be reached"),
            "died": N_("Died"),
            "own_decision": N_("The client's own decision"),
            "service_ended": N_("The service itself ended"),
        }
