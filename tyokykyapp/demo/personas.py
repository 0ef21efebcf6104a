"""The scripted clients of the demo: one coach's caseload in which every phase and support level appears, one
client came back after a closure, each closure reason is used once, and each kind of due item shows on Today
whatever the day and the seed (a long intake while waiting for a B-statement, no face-to-face employer contact in
the first month, a job that just ended, ...)."""

from __future__ import annotations

from datetime import timedelta

from tyokykyapp.demo import vocabulary as words
from tyokykyapp.demo.builder import (
    Builder,
    add_employer_contact,
    add_job_search_records,
    add_kykyviisari,
    add_meeting,
    add_meetings,
    add_plan,
)
from tyokykyapp.demo.story import Persona, close_service, make_move
from tyokykyapp.domain import (
    Client,
    ClosureReason,
    ContactMode,
    EmploymentKind,
    JobEndReason,
    MaintenanceLevel,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    Phase,
    ReferralSource,
    TrialDecider,
    TrialReason,
    Waiting,
    WaitingFor,
)
from tyokykyapp.process.calendar import add_months

# One coach's caseload: 19 open clients (IPS: at most 20) and 11 whose service has ended.
DEMO_CLIENTS = 30


# --- the scripted clients' twists: what makes each show on Today --------------------------------------------
def no_first_contact(b: Builder, client: Client) -> None:
    """No face-to-face employer contact in the first month (IPS-25 item 15); a plan step due this week."""
    add_plan(b, client, b.ago(9), step_in=13)


def _waiting_for_statement(b: Builder, client: Client) -> None:
    """A long intake: the client waits for a doctor's B-statement; the next meeting is booked."""
    b.add(
        Waiting,
        client_id=client.id,
        what=WaitingFor.B_STATEMENT,
        since=b.ago(40),
        expected_on=b.today + timedelta(days=4),
        notes=words.WAITING_NOTES[1],
    )
    add_meeting(b, client.id, b.today + timedelta(days=6), kind=MeetingKind.COACHING, mode=MeetingMode.FACE_TO_FACE)


def _visit_due(b: Builder, client: Client) -> None:
    """Active support: the last support visit was 26 days ago, the next is due within the week."""
    add_meeting(b, client.id, b.ago(26), kind=MeetingKind.WORKPLACE_VISIT, mode=MeetingMode.FACE_TO_FACE)


def _half_year_contact_due(b: Builder, client: Client) -> None:
    """Light support: the last call was almost half a year ago."""
    add_meeting(b, client.id, b.ago(178), mode=MeetingMode.PHONE)


def _missed_meeting(b: Builder, client: Client) -> None:
    """The client did not come two weeks ago, and nothing is booked: the rhythm is broken."""
    add_meeting(b, client.id, b.ago(14), status=MeetingStatus.NO_SHOW, mode=MeetingMode.FACE_TO_FACE)


def _stalled_search(b: Builder, client: Client) -> None:
    """The coach's employer contacts stopped almost a month ago."""
    assert b.file is not None
    late = [c for c in b.file.employer_contacts if c.on >= b.ago(27)]
    for contact in late:
        b.records.remove(contact)
        b.file.employer_contacts.remove(contact)
    add_employer_contact(b, client, b.ago(27), ContactMode.FACE_TO_FACE)


def _consent_ends_soon(b: Builder, client: Client) -> None:
    assert b.file is not None
    consent = b.file.consents[-1]
    consent.valid_until = b.today + timedelta(days=20)


def _new_job(b: Builder, client: Client) -> None:
    """The job began nine days ago; the last workplace visit was six days ago."""
    add_meeting(b, client.id, b.ago(6), kind=MeetingKind.WORKPLACE_VISIT, mode=MeetingMode.FACE_TO_FACE)


def _trial_ending(b: Builder, client: Client) -> None:
    assert b.file is not None
    trial = b.file.employments[-1]
    trial.kind, trial.end_on = EmploymentKind.WORK_TRIAL, b.today + timedelta(days=10)
    trial.pay_subsidy, trial.pay_subsidy_from, trial.pay_subsidy_until, trial.pay_subsidy_percent = (
        False,
        None,
        None,
        None,
    )
    trial.municipal_supplement = False
    trial.trial_reason, trial.trial_decided_by = TrialReason.LONG_GAP, TrialDecider.EMPLOYMENT_SERVICES


def _job_ended(b: Builder, client: Client) -> None:
    """A fixed-term contract ended yesterday; the last meeting was before it."""
    assert b.file is not None
    job = b.file.employments[-1]
    job.kind, job.end_on = EmploymentKind.EMPLOYMENT, b.ago(1)
    job.end_reason, job.end_details = JobEndReason.FIXED_TERM_ENDED, "Sijaisuus päättyi; työnantaja tyytyväinen."
    job.trial_reason = job.trial_decided_by = None


def _subsidy_renewal(b: Builder, client: Client) -> None:
    assert b.file is not None
    job = b.file.employments[-1]
    job.kind, job.end_on = EmploymentKind.EMPLOYMENT, None
    job.pay_subsidy, job.pay_subsidy_percent, job.municipal_supplement = True, 70, True
    job.pay_subsidy_from, job.pay_subsidy_until = add_months(b.today, -10), b.today + timedelta(days=45)
    job.trial_reason = job.trial_decided_by = None


def _kykyviisari_half_year(b: Builder, client: Client) -> None:
    """The last Kykyviisari was almost six months ago."""
    assert b.file is not None
    for result in [r for r in b.file.kykyviisari_results if r.done_on > b.ago(175)]:
        b.records.remove(result)
        b.file.kykyviisari_results.remove(result)
    add_kykyviisari(b, client, b.ago(175))


def _plan_year_old(b: Builder, client: Client) -> None:
    """The plan was made almost a year ago and no review date is nearer."""
    assert b.file is not None
    for plan in list(b.file.plans):
        b.records.remove(plan)
        b.file.plans.remove(plan)
    add_plan(b, client, b.ago(350))
    b.file.plans[-1].review_on = None


CAME_BACK_CLOSED = 400


def _came_back(b: Builder, client: Client) -> None:
    """Closed over a year ago on the client's own decision; came back ten days ago (a second episode). The old
    agreement and consent ended with the first episode: new ones are still to be signed."""
    add_job_search_records(b, client, b.ago(440), b.ago(CAME_BACK_CLOSED + 1))
    add_meetings(b, client, b.ago(CAME_BACK_CLOSED), 0)
    close_service(b, client, b.ago(CAME_BACK_CLOSED), ClosureReason.OWN_DECISION)
    make_move(b, client, Phase.INTAKE, b.ago(10))
    add_meeting(b, client.id, b.ago(10), kind=MeetingKind.FIRST_MEETING, mode=MeetingMode.FACE_TO_FACE)


IN, MA, JS, SU, MT, CL = Phase.INTAKE, Phase.MAPPING, Phase.JOB_SEARCH, Phase.SUPPORT, Phase.MAINTENANCE, Phase.CLOSED


ACTIVE, SUFFICIENT, LIGHT = MaintenanceLevel.ACTIVE, MaintenanceLevel.SUFFICIENT, MaintenanceLevel.LIGHT


R = ClosureReason


# The first six cover every phase, so a small test caseload does too.
PERSONAS: tuple[Persona, ...] = (
    Persona(IN, 520, (505, 440), closed=CAME_BACK_CLOSED, quiet=10, twist=_came_back),
    Persona(MA, 40, (30,), twist=no_first_contact, source=ReferralSource.DISABILITY_SOCIAL_WORK, first_contact=False),
    Persona(JS, 120, (110, 70), quiet=28, twist=_missed_meeting),
    Persona(SU, 150, (140, 100, 9), quiet=7, twist=_new_job),
    Persona(MT, 500, (480, 400, 300, 200), ACTIVE, quiet=26, twist=_visit_due),
    Persona(CL, 700, (690, 600, 450, 380), SUFFICIENT, reason=R.EMPLOYED, closed=120),
    Persona(IN, 58, quiet=20, twist=_waiting_for_statement),
    Persona(MA, 25, (18,), source=ReferralSource.TYP),
    Persona(JS, 200, (190, 150), twist=_stalled_search),
    Persona(SU, 200, (190, 140, 50), twist=_trial_ending),
    Persona(MT, 700, (680, 600, 450, 350), ACTIVE, twist=_subsidy_renewal),
    Persona(CL, 400, (390, 300), reason=R.OTHER_SERVICE, closed=90),
    Persona(MA, 60, (50,), source=ReferralSource.WORK_ABILITY_ASSESSMENT),
    Persona(JS, 160, (150, 100), twist=_consent_ends_soon),
    Persona(SU, 220, (210, 160, 80), quiet=5, twist=_job_ended),
    Persona(MT, 800, (780, 700, 520, 420), SUFFICIENT, twist=_kykyviisari_half_year),
    Persona(CL, 500, (490, 420, 300), reason=R.HEALTH, closed=150),
    Persona(JS, 90, (80, 45)),
    Persona(MT, 600, (590, 500, 420, 360), SUFFICIENT, twist=_plan_year_old),
    Persona(CL, 300, (290,), reason=R.MOVED, closed=200),
    Persona(JS, 300, (280, 200)),
    Persona(MT, 900, (880, 800, 650, 500), LIGHT, quiet=178, twist=_half_year_contact_due),
    Persona(CL, 450, (440, 380), reason=R.STUDIES, closed=60),
    Persona(JS, 75, (60, 30)),
    Persona(CL, 250, (240,), reason=R.NOT_REACHED, closed=100),
    Persona(CL, 600, (590, 500, 400), reason=R.DIED, closed=40),
    Persona(CL, 350, (340, 280), reason=R.OWN_DECISION, closed=30),
    Persona(CL, 900, (890, 800, 700), reason=R.SERVICE_ENDED, closed=300),
    Persona(CL, 800, (790, 700, 560, 460), LIGHT, reason=R.EMPLOYED, closed=200),
    Persona(CL, 650, (640, 560, 420, 330), ACTIVE, reason=R.EMPLOYED, closed=15),
)


assert len(PERSONAS) == DEMO_CLIENTS
