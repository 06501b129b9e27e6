"""The plan as an iCalendar file (RFC 5545, written by the ``icalendar`` library).

One all-day event per action, with a UID stable for the person and the
action, so importing a newer plan updates the same events.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta

from ..plan import Action, Plan, who_text

__all__ = ["plan_ics"]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")


def one_line(text: str) -> str:
    """*text* fit for a single-line property: line breaks and control characters become spaces.

    Examples
    --------
    >>> one_line("Ana\\r\\nSUMMARY:pwned\\x1b[2J")
    'Ana SUMMARY:pwned [2J'
    """
    return " ".join(_CONTROL.sub(" ", _BREAKS.sub(" ", text)).split())


def _lines(text: str) -> str:
    """*text* for a multi-line property: ``\\n`` line ends, no other control characters."""
    lines = _BREAKS.split(text.replace("\t", " "))
    return "\n".join(_CONTROL.sub(" ", line).rstrip() for line in lines)


def _uid(plan: Plan, action: Action) -> str:
    digest = hashlib.sha256(f"{plan.person}\x00{action.id}".encode()).hexdigest()[:32]
    return f"{digest}@leadnet.invalid"


def _description(action: Action) -> str:
    parts = [f"Why: {action.why}"] if action.why else []
    if action.who:
        parts.append(f"Who: {who_text(action)}")
    if action.first_step:
        parts.append(f"First step: {action.first_step}")
    if action.success_measure:
        parts.append(f"It worked when: {action.success_measure}")
    if action.source:
        parts.append(f"Source: {action.source}")
    return _lines("\n\n".join(parts))


def plan_ics(plan: Plan, *, include_backlog: bool = False, stamp: datetime | None = None) -> bytes:
    """The plan as an iCalendar file (RFC 5545): one all-day event per action.

    Each event sits on the action's due date, repeats by its cadence
    (:data:`~leadnet_helpers.plan.RRULES`), carries the why, who, first step
    and success measure in its description, reminds at 9:00 that day, and
    does not block time (``TRANSP:TRANSPARENT``). Its UID is stable for the
    person and the action, so importing a newer plan updates the same events.

    Parameters
    ----------
    plan : Plan
        The plan.
    include_backlog : bool
        Add the backlog's actions too.
    stamp : datetime, optional
        The ``DTSTAMP`` (UTC); defaults to now.

    Returns
    -------
    bytes
        The calendar, CRLF line ends, folded by the library.

    Examples
    --------
    >>> from datetime import date
    >>> from icalendar import Calendar
    >>> p = Plan(
    ...     "Ana",
    ...     date(2026, 1, 5),
    ...     [],
    ...     [Action("a", "Call Bo", due=date(2026, 1, 9), cadence="monthly")],
    ... )
    >>> event = Calendar.from_ical(plan_ics(p)).walk("VEVENT")[0]
    >>> str(event["SUMMARY"]), event["RRULE"]["FREQ"]
    ('Call Bo', ['MONTHLY'])
    """
    from icalendar import Alarm, Calendar, Event

    moment = (stamp or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", "-//LeadNet//Action plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(f"LeadNet action plan: {plan.person}").rstrip(": "))
    for action in plan.actions + (plan.backlog if include_backlog else []):
        event = Event()
        event.add("uid", _uid(plan, action))
        event.add("dtstamp", moment)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + timedelta(days=1))
        summary = action.title if action.status != "done" else f"Done: {action.title}"
        event.add("summary", one_line(summary))
        description = _description(action)
        if description:
            event.add("description", description)
        event.add("categories", ["LeadNet"])
        event.add("transp", "TRANSPARENT")
        event.add("class", "PRIVATE")
        if action.rrule:
            event.add("rrule", {k.lower(): v for k, v in action.rrule.items()})
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", one_line(action.title))
        alarm.add("trigger", timedelta(hours=9))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
