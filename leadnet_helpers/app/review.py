"""Notebook 05's review: log what happened, take a snapshot, compare then and now, tick actions.

A :class:`Review` does what the review's panels ask: log an interaction
(:meth:`~leadnet_helpers.store.Workspace.log_interaction`, which restarts that
contact's keeping-warm clock; the losing-touch list is the workspace's
analysis again, :func:`~leadnet_helpers.analysis.analysis_of`), take a
snapshot (:func:`~leadnet_helpers.progress.take_snapshot`), compare with one
(:func:`~leadnet_helpers.progress.progress_against`) and tick the saved plan's
actions done. Logging tells every view of the workspace.

Examples
--------
>>> from leadnet_helpers.personas import open_sample
>>> ws = open_sample("ana-lucia-ferreira")
>>> review = Review(ws, today=date(2026, 11, 21))
>>> name = losing_names(review.warm)[0]
>>> who = next(c.id for c in ws.contacts() if c.name == name)
>>> review.log(who, "met", "2026-11-20").endswith("is no longer on your losing-touch list.")
True
>>> name in losing_names(review.warm)
False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .. import progress
from ..analysis import analysis_of
from ..errors import LeadNetError
from ..findings import Finding
from ..model import Contact, normalise_text
from ..plan import Action, plan_from_dict, plan_to_dict
from .plan_editor import apply_edit
from .workspace import workspace_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "KIND_OPTIONS",
    "MAX_OPTIONS",
    "Review",
    "contact_options",
    "log_message",
    "losing_names",
    "parse_day",
    "snapshot_options",
]

#: What happened: (label, interaction kind).
KIND_OPTIONS = (("we met", "met"), ("I gave", "gave"), ("I asked", "asked"))
#: At most this many contacts are listed in the contact dropdown (search narrows it).
MAX_OPTIONS = 300
_KIND_WORDS = {"met": "met", "gave": "gave something to", "asked": "asked something of"}


# --------------------------------------------------------------------------- plain functions


def contact_options(
    contacts: Iterable[Contact], query: str = "", limit: int = MAX_OPTIONS
) -> list[tuple[str, int]]:
    """The contacts to choose from, as ``(label, id)``, filtered by *query*.

    The query matches any part of the name, organisation or role, ignoring
    case and accents. Labels that would be the same get the contact's number.

    Examples
    --------
    >>> people = [
    ...     Contact("Bo Li", organisation="Acme", id=2),
    ...     Contact("Ada", id=1),
    ...     Contact("Bo Li", organisation="Acme", id=3),
    ... ]
    >>> contact_options(people)
    [('Ada', 1), ('Bo Li · Acme (#2)', 2), ('Bo Li · Acme (#3)', 3)]
    >>> contact_options(people, "acm")[0][1]
    2
    """
    return _pick(_labelled(contacts), query, limit)


def _labelled(contacts: Iterable[Contact]) -> list[tuple[str, str, int]]:
    """Every contact with an id as ``(label, what a query searches, id)``, in list order."""
    rows = []
    for c in contacts:
        if c.id is None:
            continue
        about = ", ".join(x for x in (c.role, c.organisation) if x)
        label = f"{c.name} · {about}" if about else c.name
        haystack = normalise_text(f"{c.name} {c.organisation} {c.role}").casefold()
        rows.append((label, haystack, int(c.id)))
    rows.sort(key=lambda r: (r[0].casefold(), r[2]))
    return rows


def _pick(rows: list[tuple[str, str, int]], query: str, limit: int) -> list[tuple[str, int]]:
    """The rows of :func:`_labelled` that match *query*, numbered where labels repeat."""
    needle = normalise_text(query).casefold()
    matched = [(label, cid) for label, hay, cid in rows if not needle or needle in hay]
    counts: dict[str, int] = {}
    for label, _ in matched:
        counts[label] = counts.get(label, 0) + 1
    out = [(f"{label} (#{cid})" if counts[label] > 1 else label, cid) for label, cid in matched]
    return out[:limit]


def parse_day(value: date | datetime | str | None, today: date | None = None) -> date:
    """Read when something happened: a date, not in the future.

    Examples
    --------
    >>> parse_day("2026-11-20", today=date(2026, 11, 21))
    datetime.date(2026, 11, 20)
    >>> parse_day(date(2026, 12, 1), today=date(2026, 11, 21))
    Traceback (most recent call last):
    ...
    leadnet_helpers.errors.LeadNetError: 2026-12-01 is in the future. Log what has happened; plan what is to come in notebook 04.
    """
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        text = "" if value is None else str(value).strip()
        if not text:
            raise LeadNetError("say when it happened", fix="Pick a date (today by default).")
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise LeadNetError(
                f"'{text}' is not a date", fix="Pick a date, or type it as YYYY-MM-DD."
            ) from None
    if day > (today or date.today()):
        raise LeadNetError(
            f"{day.isoformat()} is in the future",
            fix="Log what has happened; plan what is to come in notebook 04.",
        )
    return day


def losing_names(finding: Finding | None) -> list[str]:
    """The names on the keeping-warm finding's losing-touch list."""
    if finding is None:
        return []
    rows = (finding.details or {}).get("losing_touch", [])
    return [str(r.get("name", "")) for r in rows if isinstance(r, Mapping)]


def log_message(
    name: str, kind: str, day: date, before: Finding | None, after: Finding | None
) -> str:
    """What the person is told after logging an interaction (plain text).

    Examples
    --------
    >>> was = Finding(
    ...     "keep_warm", "t", 1, "r", True, 0.5, "p", "s", {"losing_touch": [{"name": "Bo"}]}
    ... )
    >>> now = Finding("keep_warm", "t", 0, "r", False, 0.0, "p", "s", {"losing_touch": []})
    >>> log_message("Bo", "met", date(2026, 11, 20), was, now)
    'Logged: you met Bo on 2026-11-20. Bo is no longer on your losing-touch list.'
    """
    text = f"Logged: you {_KIND_WORDS.get(kind, kind)} {name} on {day.isoformat()}."
    was, still = name in losing_names(before), name in losing_names(after)
    if was and not still:
        text += f" {name} is no longer on your losing-touch list."
    elif still:
        text += (
            f" {name} is still losing touch: this date is older than their keeping-warm interval."
        )
    return text


def snapshot_options(snapshots: Sequence[Mapping[str, Any]]) -> list[tuple[str, int]]:
    """The snapshots to compare with, newest first, as ``(label, id)``.

    Examples
    --------
    >>> snapshot_options(
    ...     [
    ...         {"id": 1, "taken_at": "2026-06-01T09:00:00", "label": "June"},
    ...         {"id": 2, "taken_at": "2026-09-01T10:30:00", "label": ""},
    ...     ]
    ... )
    [('2026-09-01 10:30', 2), ('2026-06-01 09:00 · June', 1)]
    """
    out = []
    for snap in reversed(list(snapshots)):
        when = str(snap.get("taken_at", ""))[:16].replace("T", " ")
        label = str(snap.get("label") or "")
        out.append((f"{when} · {label}" if label else when, int(snap["id"])))
    return out


def _same(a: list[Contact], b: list[Contact]) -> bool:
    """Whether two lists hold the very same contact objects (none was read again)."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


class Review:
    """The review of one workspace: the log, the snapshots, the comparison, the actions.

    Attributes
    ----------
    warm : Finding or None
        The keeping-warm finding as it stands now.
    progress : Progress or None
        The last comparison.
    """

    def __init__(self, ws: Workspace, *, today: date | None = None) -> None:
        self.ws, self.today = ws, today
        self.workspace = workspace_model(ws)
        self.progress: progress.Progress | None = None
        self._labelled: tuple[list[Contact], list[tuple[str, str, int]]] | None = None
        self.warm = self.keep_warm()

    def day(self) -> date:
        """The day the review counts from."""
        return self.today or date.today()

    def keep_warm(self) -> Finding | None:
        """The keeping-warm finding of the workspace's analysis now."""
        return analysis_of(self.ws, self.day()).finding("keep_warm")

    def contact_options(self, query: str = "") -> list[tuple[str, int]]:
        """The contacts to pick from (:func:`contact_options`).

        The labels are made and sorted once per change of the contacts (a log
        entry leaves them as they were); a query only filters them.
        """
        contacts = self.workspace.contacts()
        kept = self._labelled
        if kept is None or not _same(kept[0], contacts):
            kept = self._labelled = (contacts, _labelled(contacts))
        return _pick(kept[1], query, MAX_OPTIONS)

    def log(self, contact_id: int | None, kind: str, day: date | str | None, note: str = "") -> str:
        """Log an interaction, work out the losing-touch list again; return the message."""
        if contact_id is None:
            raise LeadNetError(
                "choose a contact first",
                fix="Type part of a name in Find a contact, then pick them.",
            )
        when = parse_day(day, self.day())
        name = self.ws.contact(int(contact_id)).name
        self.ws.log_interaction(int(contact_id), kind, when.isoformat(), note)
        before, self.warm = self.warm, self.keep_warm()
        self.workspace.changed()
        return log_message(name, kind, when, before, self.warm)

    def snapshot(self, label: str = "") -> int:
        """Take a snapshot with today's measures; return its id."""
        return progress.take_snapshot(self.ws, normalise_text(label), self.today)

    def snapshot_options(self) -> list[tuple[str, int]]:
        """The snapshots to compare with, newest first."""
        return snapshot_options(self.ws.snapshots())

    def compare(self, snapshot_id: int | None) -> progress.Progress:
        """Compare now with an earlier snapshot."""
        if snapshot_id is None:
            raise LeadNetError(
                "there is no snapshot to compare with yet",
                fix="Take a snapshot above, then come back after a few weeks.",
            )
        self.progress = progress.progress_against(self.ws, int(snapshot_id), self.today)
        return self.progress

    def actions(self) -> list[Action] | None:
        """The saved plan's actions (``None`` when no plan is saved)."""
        saved = self.ws.latest_plan()
        return None if saved is None else plan_from_dict(saved).actions

    def mark_done(self, action_id: str, done: bool = True) -> Action:
        """Tick one of the saved plan's actions done (or to do again) and save the plan."""
        saved = self.ws.latest_plan()
        if saved is None:
            raise LeadNetError("no plan is saved yet", fix="Build your plan in notebook 04.")
        plan = plan_from_dict(saved)
        action = apply_edit(plan, action_id, done=done)
        self.ws.save_plan(plan_to_dict(plan))
        return action
