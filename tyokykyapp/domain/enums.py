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
    """Where a face-to-face meeting was (a call or a video meeting has no place: see MeetingMode)."""

    OFFICE = "office"
    HOME = "home"
    WORKPLACE = "workplace"
    LIBRARY = "library"
    COMMUNITY = "community"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "office": N_("Office"),
            "home": N_("Client's home"),
            "workplace": N_("Workplace"),
            "library": N_("Library"),
            "community": N_("Other community place"),
        }


class MeetingMode(Labelled):
    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    VIDEO = "video"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"face_to_face": N_("Face to face"), "phone": N_("Phone"), "video": N_("Video")}


class MeetingStatus(Labelled):
    """What became of a meeting. A meeting dated after today is a booking; its status is set afterwards."""

    HELD = "held"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"held": N_("Held"), "cancelled": N_("Cancelled"), "no_show": N_("The client did not come")}


class MeetingKind(Labelled):
    COACHING = "coaching"
    FIRST_MEETING = "first_meeting"
    WORKPLACE_VISIT = "workplace_visit"
    NETWORK_MEETING = "network_meeting"
    EMPLOYER_MEETING = "employer_meeting"
    JOB_INTERVIEW = "job_interview"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "coaching": N_("Coaching meeting"),
            "first_meeting": N_("First meeting"),
            "workplace_visit": N_("Support visit at the workplace"),
            "network_meeting": N_("Network meeting"),
            "employer_meeting": N_("Meeting with the employer"),
            "job_interview": N_("Job interview"),
        }


class ContactMode(Labelled):
    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    EMAIL = "email"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"face_to_face": N_("Face to face"), "phone": N_("Phone"), "email": N_("E-mail")}


class ContactPurpose(Labelled):
    """IPS keeps apart the coach's own job development and contacts made for one client."""

    JOB_DEVELOPMENT = "job_development"
    FOR_CLIENT = "for_client"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"job_development": N_("Job development"), "for_client": N_("On behalf of a client")}


class ReferralSource(Labelled):
    WORK_ACTIVITY = "rehabilitative_work_activity"
    ADULT_SOCIAL_WORK = "adult_social_work"
    DISABILITY_SOCIAL_WORK = "disability_social_work"
    EMPLOYMENT_SERVICES = "employment_services"
    TYP = "typ"
    KELA = "kela"
    WORK_ABILITY_ASSESSMENT = "work_ability_assessment"
    WORK_ABILITY_COORDINATOR = "work_ability_coordinator"
    PSYCHOSIS_SERVICES = "psychosis_services"
    SOCIAL_REHABILITATION = "social_rehabilitation"
    NGO = "ngo"
    OTHER_PROJECT = "other_project"
    SELF = "self"
    OTHER = "other"  # kept with the referrer's name as written (e.g. an imported sheet's text matching no code)

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "rehabilitative_work_activity": N_("Rehabilitative work activity"),
            "adult_social_work": N_("Adult social work"),
            "disability_social_work": N_("Disability social work"),
            "employment_services": N_("Employment services"),
            "typ": N_("TYP (multisectoral joint service)"),
            "kela": N_("Kela"),
            "work_ability_assessment": N_("Work-ability assessment (työkykyselvitys)"),
            "work_ability_coordinator": N_("Work-ability coordinator"),
            "psychosis_services": N_("Psychosis services"),
            "social_rehabilitation": N_("Social rehabilitation team"),
            "ngo": N_("Non-governmental organisation"),
            "other_project": N_("Other project"),
            "self": N_("Self-referral"),
            "other": N_("Other referrer"),
        }


class ConsentMethod(Labelled):
    SIGNED_PAPER = "signed_paper"
    ORAL = "oral"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"signed_paper": N_("Signed on paper"), "oral": N_("Oral (one contact only)")}


class DisclosureChoice(Labelled):
    """May the coach tell an employer about the coaching and the client's support needs? Never assumed:
    a consent without a choice means the question has not been discussed yet."""

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
            "gig": N_("Jobcenter model paid work (täsmätyö) or subcontracted work"),
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
    OTHER = "other"

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
            "service_ended": N_("The project or pilot ended"),
            "other": N_("Other reason"),
        }


class ClosureDestination(Labelled):
    """Where the client went when the service ended: one destination per closure, as the Vaasa report counted
    them. The three "dropped out" values are the interruptions (keskeytti)."""

    EMPLOYED = "employed"
    WORK_TRIAL = "work_trial"
    WORK_ACTIVITY = "work_activity"
    STUDIES = "studies"
    KELA_REHABILITATION = "kela_rehabilitation"
    PENSION = "pension"
    OTHER_SERVICE = "other_service"
    DROPPED_OUT_HEALTH = "dropped_out_health"
    DROPPED_OUT_NOT_REACHED = "dropped_out_not_reached"
    DROPPED_OUT_OWN_DECISION = "dropped_out_own_decision"
    DIED = "died"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "employed": N_("Employed"),
            "work_trial": N_("Work trial"),
            "work_activity": N_("Rehabilitative work activity"),
            "studies": N_("Studies"),
            "kela_rehabilitation": N_("Kela rehabilitation or long sick leave"),
            "pension": N_("Pension"),
            "other_service": N_("Another service"),
            "dropped_out_health": N_("Dropped out: health"),
            "dropped_out_not_reached": N_("Dropped out: could not be reached"),
            "dropped_out_own_decision": N_("Dropped out: own decision"),
            "died": N_("Died"),
            "other": N_("Other destination"),
        }


class IncomeSource(Labelled):
    """The client's main income or benefit when the service began."""

    LABOUR_MARKET_SUBSIDY = "labour_market_subsidy"
    UNEMPLOYMENT_ALLOWANCE = "unemployment_allowance"
    SOCIAL_ASSISTANCE = "social_assistance"
    REHABILITATION_SUBSIDY = "rehabilitation_subsidy"
    PARTIAL_DISABILITY_PENSION = "partial_disability_pension"
    FULL_DISABILITY_PENSION = "full_disability_pension"
    WAGES = "wages"
    OTHER = "other"
    NONE = "none"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "labour_market_subsidy": N_("Labour-market subsidy"),
            "unemployment_allowance": N_("Unemployment allowance"),
            "social_assistance": N_("Social assistance"),
            "rehabilitation_subsidy": N_("Rehabilitation subsidy"),
            "partial_disability_pension": N_("Partial disability pension"),
            "full_disability_pension": N_("Full disability pension"),
            "wages": N_("Wages"),
            "other": N_("Other income"),
            "none": N_("No income of their own"),
        }


class DecisionBasis(Labelled):
    """The law a service decision for the coaching was made under (Helsinki: SHL 17 §)."""

    SOCIAL_WELFARE_ACT = "social_welfare_act"
    DISABILITY_SERVICES_ACT = "disability_services_act"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "social_welfare_act": N_("Social Welfare Act (SHL)"),
            "disability_services_act": N_("Disability Services Act"),
            "other": N_("Other law"),
        }


class Sector(Labelled):
    """Industry sections of the Finnish Standard Industrial Classification TOL 2008 (Statistics Finland),
    by their section letter."""

    AGRICULTURE = "A"
    MINING = "B"
    MANUFACTURING = "C"
    ENERGY = "D"
    WATER_AND_WASTE = "E"
    CONSTRUCTION = "F"
    TRADE = "G"
    TRANSPORT = "H"
    ACCOMMODATION_AND_FOOD = "I"
    INFORMATION = "J"
    FINANCE = "K"
    REAL_ESTATE = "L"
    PROFESSIONAL = "M"
    ADMINISTRATIVE_AND_SUPPORT = "N"
    PUBLIC_ADMINISTRATION = "O"
    EDUCATION = "P"
    HEALTH_AND_SOCIAL_WORK = "Q"
    ARTS_AND_RECREATION = "R"
    OTHER_SERVICES = "S"
    HOUSEHOLDS = "T"
    EXTRATERRITORIAL = "U"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "A": N_("A Agriculture, forestry and fishing"),
            "B": N_("B Mining and quarrying"),
            "C": N_("C Manufacturing"),
            "D": N_("D Electricity, gas, steam and air conditioning supply"),
            "E": N_("E Water supply, sewerage, waste management and remediation"),
            "F": N_("F Construction"),
            "G": N_("G Wholesale and retail trade; repair of motor vehicles"),
            "H": N_("H Transportation and storage"),
            "I": N_("I Accommodation and food service activities"),
            "J": N_("J Information and communication"),
            "K": N_("K Financial and insurance activities"),
            "L": N_("L Real estate activities"),
            "M": N_("M Professional, scientific and technical activities"),
            "N": N_("N Administrative and support service activities"),
            "O": N_("O Public administration and defence; compulsory social security"),
            "P": N_("P Education"),
            "Q": N_("Q Human health and social work activities"),
            "R": N_("R Arts, entertainment and recreation"),
            "S": N_("S Other service activities"),
            "T": N_("T Activities of households as employers"),
            "U": N_("U Activities of extraterritorial organisations and bodies"),
        }


class JobEndReason(Labelled):
    FIXED_TERM_ENDED = "fixed_term_ended"
    QUIT = "quit"
    DISMISSED = "dismissed"
    TRIAL_PERIOD = "trial_period"
    HEALTH = "health"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "fixed_term_ended": N_("The fixed term ended"),
            "quit": N_("The client resigned"),
            "dismissed": N_("Dismissed"),
            "trial_period": N_("Ended during the trial period"),
            "health": N_("Health reasons"),
            "other": N_("Other reason"),
        }


class TrialReason(Labelled):
    """Why a work trial was used instead of a job (the reports use a trial only with a reason)."""

    NO_WORK_HISTORY = "no_work_history"
    LONG_GAP = "long_gap"
    CHANGE_OF_FIELD = "change_of_field"
    TRY_WORK_ABILITY = "try_work_ability"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "no_work_history": N_("Little or no work history"),
            "long_gap": N_("A long time out of work"),
            "change_of_field": N_("A change of field"),
            "try_work_ability": N_("To try out work ability"),
            "other": N_("Other reason"),
        }


class TrialDecider(Labelled):
    EMPLOYMENT_SERVICES = "employment_services"
    KELA = "kela"
    PENSION_PROVIDER = "pension_provider"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "employment_services": N_("Employment services"),
            "kela": N_("Kela"),
            "pension_provider": N_("Earnings-related pension provider"),
            "other": N_("Other"),
        }


class WaitingFor(Labelled):
    DOCTOR = "doctor"
    HEALTH_CHECK = "health_check"
    B_STATEMENT = "b_statement"
    KELA_DECISION = "kela_decision"
    EMPLOYMENT_SERVICES_DECISION = "employment_services_decision"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "doctor": N_("A doctor's appointment"),
            "health_check": N_("A health check for the unemployed"),
            "b_statement": N_("A B-statement"),
            "kela_decision": N_("A Kela decision"),
            "employment_services_decision": N_("A decision of employment services"),
            "other": N_("Something else"),
        }


class MeetingInterval(Labelled):
    """How often the plan says the coach and the client meet, in days (the due list keeps to it)."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    EVERY_THREE_WEEKS = "every_three_weeks"
    MONTHLY = "monthly"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "weekly": N_("Once a week"),
            "fortnightly": N_("Every two weeks"),
            "every_three_weeks": N_("Every three weeks"),
            "monthly": N_("Once a month"),
        }

    @property
    def days(self) -> int:
        return {"weekly": 7, "fortnightly": 14, "every_three_weeks": 21, "monthly": 30}[self.value]
