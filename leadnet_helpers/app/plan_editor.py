"""Notebook 04's plan editor: the month's actions, edited, saved at once, and exported.

A :class:`PlanEditor` holds the plan being edited (:func:`~leadnet_helpers.workbook.current_plan`:
the one saved last, else one built from the gaps) and saves it after every
change (:meth:`~leadnet_helpers.store.Workspace.save_plan`). Its ``revision``
is bumped when the list of actions changes (an action removed, added or
promoted from the backlog), so a view draws its cards again; an edit of one
action bumps ``edits`` (the preview follows).

Everything done to a plan is a plain function here (:func:`apply_edit`,
:func:`remove_action`, :func:`add_own_action`, :func:`parse_due`,
:func:`parse_cadence`, :func:`parse_who`, :func:`export_plan`).

Examples
--------
>>> from leadnet_helpers.personas import open_sample
>>> ws = open_sample("ana-lucia-ferreira")
>>> editor = PlanEditor(ws, today=date(2026, 11, 21))
>>> first = editor.plan.actions[0]
>>> editor.edit(first.id, title="Call Kenji").title, editor.edits
('Call Kenji', 1)
>>> ws.latest_plan()["actions"][0]["title"]
'Call Kenji'
>>> _ = editor.remove(first.id)
>>> editor.revision, first.id in [a.id for a in editor.plan.actions]
(1, False)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from traitlets import HasTraits, Int

from ..analysis import analysis_of
from ..errors import LeadNetError
from ..export import PLAN_FILES, write_plan
from ..model import name_key
from ..plan import CADENCES, Action, Plan, custom_action, plan_to_dict

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "CADENCE_OPTIONS",
    "EXPORT_LABELS",
    "KEY_FIGURES",
    "PlanEditor",
    "add_own_action",
    "apply_edit",
    "export_figures",
    "export_plan",
    "parse_cadence",
    "parse_due",
    "parse_who",
    "remove_action",
    "who_field",
]

#: The cadence dropdown: (label, value of :data:`~leadnet_helpers.plan.CADENCES`).
CADENCE_OPTIONS = (
    ("once", ""),
    ("every week", "weekly"),
    ("every month", "monthly"),
    ("every three months", "quarterly"),
)
#: The export buttons, by format (the keys of :data:`~leadnet_helpers.export.PLAN_FILES`).
EXPORT_LABELS = {
    "html": "HTML page",
    "pdf": "PDF",
    "md": "Markdown",
    "ics": "Calendar (.ics)",
    "csv": "CSV",
}
#: The dashboard figures embedded, interactive, in the exported HTML page.
KEY_FIGURES = ("balance", "ego", "keep_warm")

_CADENCE_WORDS = dict(CADENCE_OPTIONS) | {value: value for value in CADENCES}


# --------------------------------------------------------------------------- plain functions


def parse_due(value: date | datetime | str | None) -> date:
    """Read a due date from a date picker or an ISO string.

    Raises
    ------
    LeadNetError
        When there is no date, or the text is not a date.

    Examples
    --------
    >>> parse_due("2026-12-01"), parse_due(date(2026, 12, 1))
    (datetime.date(2026, 12, 1), datetime.date(2026, 12, 1))
    >>> parse_due("1 Dec")
    Traceback (most recent call last):
    ...
    leadnet_helpers.errors.LeadNetError: '1 Dec' is not a date. Pick a date, or type it as YYYY-MM-DD.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        raise LeadNetError(
            "an action needs a due date", fix="Pick a date: a month from now is fine if unsure."
        )
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise LeadNetError(
            f"'{text}' is not a date", fix="Pick a date, or type it as YYYY-MM-DD."
        ) from None


def parse_cadence(value: str | None) -> str:
    """Read a cadence: ``""`` (once), ``weekly``, ``monthly`` or ``quarterly``.

    The words of the dropdown (``"every week"``) are accepted too.

    Examples
    --------
    >>> parse_cadence("every month"), parse_cadence("once"), parse_cadence(None)
    ('monthly', '', '')
    >>> parse_cadence("daily")
    Traceback (most recent call last):
    ...
    leadnet_helpers.errors.LeadNetError: 'daily' is not a cadence. Choose once, every week, every month or every three months.
    """
    text = "" if value is None else str(value).strip().casefold()
    if text in _CADENCE_WORDS:
        return _CADENCE_WORDS[text]
    raise LeadNetError(
        f"'{value}' is not a cadence",
        fix="Choose once, every week, every month or every three months.",
    )


def who_field(action: Action) -> str:
    """The names of an action's contacts as the "Who" field shows them.

    Examples
    --------
    >>> who_field(
    ...     Action(
    ...         "a", "t", who=[{"name": "Bo", "detail": "strategic"}, {"name": "Cy", "detail": ""}]
    ...     )
    ... )
    'Bo; Cy'
    """
    return "; ".join(str(p.get("name", "")) for p in action.who)


def parse_who(text: str, current: Sequence[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
    """Read the "Who" field: names separated by ``;``.

    A name already named by the action keeps its contact id and detail
    (matched ignoring case and accents); a new name is a person of the
    person's own, without an id.

    Examples
    --------
    >>> parse_who("Bo;  Zoë ", [{"contact_id": 3, "name": "bo", "detail": "weak tie"}])
    [{'contact_id': 3, 'name': 'bo', 'detail': 'weak tie'}, {'contact_id': None, 'name': 'Zoë', 'detail': ''}]
    """
    known = {name_key(str(p.get("name", ""))): dict(p) for p in current}
    people: list[dict[str, Any]] = []
    seen: set[str] = set()
    for raw in str(text or "").replace("\n", ";").split(";"):
        name = " ".join(raw.split())
        key = name_key(name) if name else ""
        if not name or key in seen:
            continue
        seen.add(key)
        people.append(known.get(key) or {"contact_id": None, "name": name, "detail": ""})
    return people


def apply_edit(
    plan: Plan,
    action_id: str,
    *,
    title: str | None = None,
    who: str | None = None,
    due: date | str | None = None,
    cadence: str | None = None,
    done: bool | None = None,
    first_step: str | None = None,
) -> Action:
    """Change one action of *plan*; only the fields given change.

    Everything is checked before anything changes, so a bad date leaves the
    action as it was.

    Parameters
    ----------
    plan : Plan
        The plan (changed in place).
    action_id : str
        Which action.
    title, who, due, cadence, first_step : str, optional
        The new values (``who`` as names separated by ``;``).
    done : bool, optional
        Mark the action done (or to do again).

    Returns
    -------
    Action
        The changed action.

    Raises
    ------
    LeadNetError
        When the action is unknown, the title empty, the date or cadence invalid.

    Examples
    --------
    >>> p = Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo")])
    >>> a = apply_edit(
    ...     p, "a", title="Call Bo and Cy", due="2026-02-01", cadence="every month", done=True
    ... )
    >>> a.title, a.due, a.cadence, a.status
    ('Call Bo and Cy', datetime.date(2026, 2, 1), 'monthly', 'done')
    """
    action = plan.get(action_id)
    changes: dict[str, Any] = {}
    if title is not None:
        text = " ".join(str(title).split())
        if not text:
            raise LeadNetError(
                "an action needs a title", fix="Say in a few words what you will do."
            )
        changes["title"] = text
    if who is not None:
        changes["who"] = parse_who(who, action.who)
    if due is not None:
        changes["due"] = parse_due(due)
    if cadence is not None:
        changes["cadence"] = parse_cadence(cadence)
    if done is not None:
        changes["status"] = "done" if done else "todo"
    if first_step is not None:
        changes["first_step"] = " ".join(str(first_step).split())
    for name, value in changes.items():
        setattr(action, name, value)
    return action


def remove_action(plan: Plan, action_id: str) -> Action:
    """Take an action out of *plan* (the month's or the backlog) and return it.

    Examples
    --------
    >>> p = Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo"), Action("b", "Write")])
    >>> remove_action(p, "a").title, [a.id for a in p.actions]
    ('Call Bo', ['b'])
    """
    action = plan.get(action_id)
    for group in (plan.actions, plan.backlog):
        if action in group:
            group.remove(action)
    return action


def add_own_action(
    plan: Plan,
    title: str,
    due: date | str | None,
    *,
    who: str = "",
    cadence: str = "",
    first_step: str = "",
) -> Action:
    """Add an action the person wrote to this month's plan.

    Raises
    ------
    LeadNetError
        When the title is empty, the date or cadence invalid, or the same
        action (title and date) is already in the plan.

    Examples
    --------
    >>> p = Plan("Ana", date(2026, 1, 5))
    >>> a = add_own_action(
    ...     p, "Lunch with the CFO", "2026-01-20", who="Ines Duarte", cadence="monthly"
    ... )
    >>> a.custom, a.who[0]["name"], p.actions == [a]
    (True, 'Ines Duarte', True)
    """
    text = " ".join(str(title or "").split())
    if not text:
        raise LeadNetError("your action needs a title", fix="Say in a few words what you will do.")
    action = custom_action(
        text,
        parse_due(due),
        cadence=parse_cadence(cadence),
        first_step=" ".join(first_step.split()),
        who=[p["name"] for p in parse_who(who)],
    )
    if any(a.id == action.id for a in plan.all_actions()):
        raise LeadNetError(
            "this action is already in your plan",
            fix="Change its title or date, or edit the one above.",
        )
    plan.add(action)
    return action


def export_figures(ws: Workspace, today: date | None = None) -> dict[str, Any]:
    """The key charts of the dashboard (plotly figures) to embed in the HTML export.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> sorted(export_figures(open_sample("ana-lucia-ferreira")))
    ['Balance against your target', 'Ego map', 'Keeping warm']
    """
    from ..plots import FIGURES, build_figures

    made = analysis_of(ws, today)
    figures = build_figures(made.network, list(made.findings), today=made.today, only=KEY_FIGURES)
    return {FIGURES[key]: fig for key, fig in figures.items()}


def export_plan(
    plan: Plan, folder: str | Path, fmt: str, figures: Mapping[str, Any] | None = None
) -> Path:
    """Write the plan in one format (``html``, ``pdf``, ``md``, ``ics`` or ``csv``).

    Examples
    --------
    >>> import tempfile
    >>> p = Plan("Ana", date(2026, 1, 5), [], [Action("a", "=Call Bo")])
    >>> out = export_plan(p, tempfile.mkdtemp(), "csv")
    >>> out.name, "'=Call Bo" in out.read_text(encoding="utf-8-sig")
    ('plan.csv', True)
    """
    if fmt not in PLAN_FILES:
        raise LeadNetError(
            f"unknown export format '{fmt}'", fix=f"Use any of {', '.join(PLAN_FILES)}."
        )
    return write_plan(plan, folder, figures if fmt == "html" else None, formats=[fmt])[fmt]


class PlanEditor(HasTraits):
    """The plan being edited, saved after every change.

    Attributes
    ----------
    plan : Plan
        The plan as edited.
    folder : Path
        Where exports are written.
    written : dict
        Format to the path of the last file exported.
    revision : int
        Bumped when the list of actions changed (draw the cards again).
    edits : int
        Bumped when one action changed (draw the preview again).
    """

    revision = Int(0, help="bumped when actions were removed, added or promoted")
    edits = Int(0, help="bumped when an action was edited")

    def __init__(
        self,
        ws: Workspace,
        *,
        plan: Plan | None = None,
        today: date | None = None,
        folder: str | Path | None = None,
    ) -> None:
        from ..workbook import current_plan, export_folder

        super().__init__()
        self.ws, self.today = ws, today
        fresh = plan is None and ws.latest_plan() is None
        self.plan = plan if plan is not None else current_plan(ws, today)
        self.folder = Path(folder) if folder is not None else export_folder(ws)
        self.written: dict[str, Path] = {}
        if fresh:
            self.save()

    def save(self) -> int:
        """Save the plan in the workspace; return the saved plan's id."""
        return self.ws.save_plan(plan_to_dict(self.plan))

    def default_due(self) -> date:
        """The date an action of the person's own is due by, unless they say (two weeks)."""
        return (self.today or date.today()) + timedelta(days=14)

    def edit(self, action_id: str, **changes: Any) -> Action:
        """Change one action (see :func:`apply_edit`) and save."""
        if "due" in changes and changes["due"] is None:
            parse_due(None)  # a cleared date picker: say so rather than keep the old date
        action = apply_edit(self.plan, action_id, **changes)
        self.save()
        self.edits += 1
        return action

    def remove(self, action_id: str) -> Action:
        """Remove an action and save."""
        action = remove_action(self.plan, action_id)
        self.save()
        self.revision += 1
        return action

    def promote(self, action_id: str | None) -> Action:
        """Move a backlog suggestion into this month's actions and save."""
        if not action_id:
            raise LeadNetError("the backlog is empty", fix="Add an action of your own below.")
        self.plan.promote(action_id)
        self.save()
        self.revision += 1
        return self.plan.get(action_id)

    def add(
        self,
        title: str,
        due: date | str | None,
        *,
        who: str = "",
        cadence: str = "",
        first_step: str = "",
    ) -> Action:
        """Add an action of the person's own (see :func:`add_own_action`) and save."""
        action = add_own_action(
            self.plan, title, due, who=who, cadence=cadence, first_step=first_step
        )
        self.save()
        self.revision += 1
        return action

    def export(self, fmt: str) -> Path:
        """Write the plan in one format; the file written."""
        figures = export_figures(self.ws, self.today) if fmt == "html" else None
        path = export_plan(self.plan, self.folder, fmt, figures)
        self.written[fmt] = path
        return path

    def summary(self) -> str:
        """One line on the plan: actions, done, backlog, and a word when it is too long."""
        count = len(self.plan.actions)
        done = sum(a.status == "done" for a in self.plan.actions)
        text = (
            f"{count} action{'s' * (count != 1)} this month ({done} done), "
            f"{len(self.plan.backlog)} in the backlog. Changes are saved as you make them."
        )
        if count > self.plan.limit:
            text += f" That is more than {self.plan.limit}: a plan you can finish beats a long one."
        return text
