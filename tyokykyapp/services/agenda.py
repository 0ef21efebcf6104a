"""The agenda: the meetings booked for a day or a week, across the coach's own open clients.

A meeting is booked in one of two ways, and `agenda` is the one place that decides what is on it:
- a meeting record dated on the day (a meeting entered ahead, or one already held that day);
- the next meeting agreed at the client's latest meeting (its *Next meeting on / time / place*), unless a
  meeting record of that client already stands on that day.
A status for meetings (held, cancelled, the client did not come) would be weighed here, in `_item`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from tyokykyapp.domain import Meeting
from tyokykyapp.domain.dates import today as current_day
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.process import DueItem
from tyokykyapp.vault import Vault

MAX_DAYS = 366  # the longest agenda asked for at once (a year)


class AgendaKind(StrEnum):
    MEETING = "meeting"  # a meeting record dated that day
    NEXT_MEETING = "next_meeting"  # the next meeting agreed at the client's latest meeting


@dataclass(frozen=True, kw_only=True)
class AgendaItem:
    client_id: str
    on: date
    time: time | None
    place: str
    kind: AgendaKind
    meeting_id: str  # the meeting record, or the meeting at which the next one was agreed

    def to_json(self) -> dict[str, str | None]:
        return {
            "client_id": self.client_id,
            "on": self.on.isoformat(),
            "time": self.time.isoformat(timespec="minutes") if self.time else None,
            "place": self.place,
            "kind": self.kind.value,
        }


def _item(meeting: Meeting) -> AgendaItem:
    assert meeting.client_id is not None
    return AgendaItem(
        client_id=meeting.client_id,
        on=meeting.on,
        time=meeting.start_time,
        # The typed place, else the kind of place, else how they meet (a call or a video meeting has no address).
        place=meeting.place.strip() or (meeting.place_type or meeting.mode).label,
        kind=AgendaKind.MEETING,
        meeting_id=meeting.id,
    )


def agenda(vault: Vault, on: date, days: int = 1, *, today: date | None = None) -> list[AgendaItem]:
    """The meetings booked from `on` for `days` days, by day and time (those without a time last in their day).

    The next meeting agreed counts from the latest meeting on or before `on`, or before today when `on` is
    later: a meeting entered ahead has agreed nothing yet."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be 1 to {MAX_DAYS}")
    end = on + timedelta(days=days - 1)
    items = [_item(meeting) for meeting in vault.meetings.dated_between(on, end)]
    recorded = {(item.client_id, item.on) for item in items}
    agreed_by = min(on, today or current_day())
    for agreed in vault.meetings.agreed_between(on, end, agreed_by=agreed_by):
        if (agreed.client_id, agreed.on) not in recorded:
            items.append(
                AgendaItem(
                    client_id=agreed.client_id,
                    on=agreed.on,
                    time=agreed.time,
                    place=agreed.place.strip(),
                    kind=AgendaKind.NEXT_MEETING,
                    meeting_id=agreed.agreed_at,
                )
            )
    return sorted(items, key=lambda item: (item.on, item.time or time.max, item.client_id))


def morning_summary(items: list[AgendaItem], due: list[DueItem], today: date) -> str:
    """One line for the start of the day: '3 meetings today, 2 overdue' (what is due follows when nothing is
    overdue)."""
    meetings = sum(1 for item in items if item.on == today)
    overdue = sum(1 for item in due if item.overdue)
    parts = [
        ngettext("{n} meeting today", "{n} meetings today", meetings).format(n=meetings)
        if meetings
        else _("no meetings today")
    ]
    if overdue:
        parts.append(ngettext("{n} overdue", "{n} overdue", overdue).format(n=overdue))
    elif due:
        parts.append(ngettext("{n} due soon", "{n} due soon", len(due)).format(n=len(due)))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]
