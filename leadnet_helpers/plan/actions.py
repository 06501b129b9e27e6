"""Actions and plans as plain data: what to do, why, with whom, when, and the month's few.

An :class:`Action` is one thing to do with the gap it closes, its principle
and source, the people it names, a first step, a due date, a cadence and a
measure of success; a :class:`Plan` holds the month's actions and a backlog.

References
----------
.. [1] Ibarra, H. & Hunter, M. (2007). How leaders create and use networks.
   Harvard Business Review, 85(1).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..errors import LeadNetError
from ..rules import parse_date

__all__ = [
    "CADENCES",
    "RRULES",
    "STATUSES",
    "Action",
    "Plan",
    "Who",
    "custom_action",
    "who_entry",
    "who_text",
]


#: How often an action repeats: not at all, weekly, monthly or quarterly.
CADENCES = ("", "weekly", "monthly", "quarterly")
#: The iCalendar rule (RFC 5545 RRULE parts) for each cadence. A repeating
#: action repeats for about a quarter (weekly), half a year (monthly) or a year
#: (quarterly): long enough to become a habit, short enough to be reviewed.
RRULES: dict[str, dict[str, Any]] = {
    "weekly": {"FREQ": "WEEKLY", "COUNT": 12},
    "monthly": {"FREQ": "MONTHLY", "COUNT": 6},
    "quarterly": {"FREQ": "MONTHLY", "INTERVAL": 3, "COUNT": 4},
}
#: An action is still to do, or done.
STATUSES = ("todo", "done")
#: Version of the plain-data form written by :func:`plan_to_dict`.
PLAN_FORMAT = 1
#: At most this many weekly actions go into one month (the rest wait in the backlog).
MAX_WEEKLY = 2
#: Backlog actions are dated this many days later than they would be in the month's plan.
BACKLOG_DELAY = 28

#: A named contact of an action: ``contact_id``, ``name`` and ``detail`` (why them).
Who = dict[str, Any]


@dataclass
class Action:
    """One thing to do, with why, who, the first step, when and how to tell it worked.

    Parameters
    ----------
    id : str
        Stable within a plan (the calendar uses it for the event's UID).
    title : str
        What to do, in a line.
    why : str
        The gap it closes and the reasoning.
    gap_key : str
        The key of the finding it answers (``""`` for a custom action).
    principle, source : str
        The idea behind it and where it comes from.
    who : list of dict
        Named contacts: ``{"contact_id": int | None, "name": str, "detail": str}``.
    first_step : str
        The first concrete step.
    due : date
        When it is due.
    cadence : str
        ``""`` (once), ``"weekly"``, ``"monthly"`` or ``"quarterly"``.
    success_measure : str
        How the person will know it worked.
    status : str
        ``"todo"`` or ``"done"``.
    custom : bool
        Written by the person rather than suggested.
    template : str
        The template it came from (``""`` for a custom action).
    score : float
        Its rank: the gap's severity times the template's weight.

    Examples
    --------
    >>> a = Action("a1", "Call Bo", due=date(2026, 1, 5), cadence="weekly")
    >>> a.rrule
    {'FREQ': 'WEEKLY', 'COUNT': 12}
    """

    id: str
    title: str
    why: str = ""
    gap_key: str = ""
    principle: str = ""
    source: str = ""
    who: list[dict[str, Any]] = field(default_factory=list)
    first_step: str = ""
    due: date = field(default_factory=date.today)
    cadence: str = ""
    success_measure: str = ""
    status: str = "todo"
    custom: bool = False
    template: str = ""
    score: float = 0.0

    def __post_init__(self) -> None:
        if self.cadence not in CADENCES:
            raise LeadNetError(
                f"the cadence '{self.cadence}' is not one of weekly, monthly, quarterly",
                fix="Leave it empty for a one-off action.",
            )
        if self.status not in STATUSES:
            raise LeadNetError(f"the status '{self.status}' should be todo or done")
        if isinstance(self.due, datetime):
            self.due = self.due.date()
        elif isinstance(self.due, str):
            self.due = parse_date(self.due, "due")

    @property
    def rrule(self) -> dict[str, Any] | None:
        """The RFC 5545 recurrence rule of its cadence, or ``None`` for a one-off."""
        rule = RRULES.get(self.cadence)
        return dict(rule) if rule else None


@dataclass
class Plan:
    """A person's action plan: the month's few actions and a backlog.

    Parameters
    ----------
    person : str
        Whose plan it is.
    created : date
        When it was made.
    findings : list of dict
        The diagnostics it answers, as ``key``, ``title``, ``reading``,
        ``severity`` (label), ``score`` (0-1), ``is_gap``, ``principle``,
        ``source`` and ``value`` (numbers only).
    actions : list of Action
        This month's actions.
    backlog : list of Action
        The other suggestions, ready to promote.
    limit : int
        How many actions the month holds.
    basis : str
        A label over the gaps when they rest mostly on the classifier's guesses
        (:meth:`~leadnet_helpers.analysis.Analysis.gaps_label`), else ``""``.

    Examples
    --------
    >>> p = Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo")], [Action("b", "Write")])
    >>> p.promote("b")
    >>> [a.id for a in p.actions], p.backlog
    (['a', 'b'], [])
    """

    person: str
    created: date
    findings: list[dict[str, Any]] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    backlog: list[Action] = field(default_factory=list)
    limit: int = 5
    basis: str = ""  # a label over the gaps when they rest mostly on guesses

    def all_actions(self) -> list[Action]:
        """The month's actions then the backlog."""
        return [*self.actions, *self.backlog]

    def get(self, action_id: str) -> Action:
        """The action with this id (raises :class:`LeadNetError` when there is none)."""
        for action in self.all_actions():
            if action.id == action_id:
                return action
        raise LeadNetError(f"there is no action '{action_id}' in this plan")

    def promote(self, action_id: str) -> None:
        """Move a backlog action into the month (the person decides; no cap applies)."""
        action = self.get(action_id)
        if action in self.backlog:
            self.backlog.remove(action)
            self.actions.append(action)

    def demote(self, action_id: str) -> None:
        """Move one of the month's actions back to the top of the backlog."""
        action = self.get(action_id)
        if action in self.actions:
            self.actions.remove(action)
            self.backlog.insert(0, action)

    def add(self, action: Action, *, backlog: bool = False) -> None:
        """Add an action (e.g. a custom one) to the month or the backlog."""
        if any(a.id == action.id for a in self.all_actions()):
            raise LeadNetError(
                f"an action with id '{action.id}' is already in the plan",
                fix="Give the new action another id.",
            )
        (self.backlog if backlog else self.actions).append(action)

    @property
    def gaps(self) -> list[dict[str, Any]]:
        """The findings that are gaps, most severe first."""
        return [f for f in self.findings if f.get("is_gap")]


def who_entry(item: Mapping[str, Any]) -> Who:
    """A named contact as an action stores it: ``contact_id``, ``name``, ``detail``.

    Examples
    --------
    >>> who_entry({"id": 3.0, "name": "Bo", "extra": 1})
    {'contact_id': 3, 'name': 'Bo', 'detail': ''}
    """
    cid = item.get("contact_id", item.get("id"))
    try:
        cid = None if cid is None or (isinstance(cid, float) and math.isnan(cid)) else int(cid)
    except (TypeError, ValueError):
        cid = None
    return {
        "contact_id": cid,
        "name": str(item.get("name", "") or ""),
        "detail": str(item.get("detail", "") or ""),
    }


def custom_action(
    title: str,
    due: date | str,
    *,
    first_step: str = "",
    cadence: str = "",
    success_measure: str = "",
    why: str = "",
    who: Iterable[str | Mapping[str, Any]] = (),
    gap_key: str = "",
) -> Action:
    """An action the person wrote, with a stable id made from its title and date.

    Examples
    --------
    >>> a = custom_action("Lunch with the CFO", "2026-02-03", who=["Ines Duarte"])
    >>> a.custom, a.id.startswith("custom-"), a.who[0]["name"]
    (True, True, 'Ines Duarte')
    """
    due_date = parse_date(due, "due") if isinstance(due, str) else due
    digest = hashlib.sha256(f"{title}\x00{due_date.isoformat()}".encode()).hexdigest()[:12]
    people = [
        {"contact_id": None, "name": str(p), "detail": ""} if isinstance(p, str) else who_entry(p)
        for p in who
    ]
    return Action(
        f"custom-{digest}",
        title,
        why=why,
        gap_key=gap_key,
        who=people,
        first_step=first_step,
        due=due_date,
        cadence=cadence,
        success_measure=success_measure,
        custom=True,
    )


def who_text(action: Action) -> str:
    """The action's named contacts in a line, each with its detail.

    Examples
    --------
    >>> who_text(
    ...     Action(
    ...         "a",
    ...         "t",
    ...         who=[
    ...             {
    ...                 "contact_id": 1,
    ...                 "name": "Robert Hale",
    ...                 "detail": "strategic, last contact 7 months ago",
    ...             }
    ...         ],
    ...     )
    ... )
    'Robert Hale (strategic, last contact 7 months ago)'
    """
    parts = []
    for person in action.who:
        name = str(person.get("name", ""))
        detail = str(person.get("detail", ""))
        parts.append(f"{name} ({detail})" if detail else name)
    return "; ".join(parts)
