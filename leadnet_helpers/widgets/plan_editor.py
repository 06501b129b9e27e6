"""Notebook 04's plan editor: the month's actions, each editable, a preview, and exports.

The view shows the person's plan (:func:`~leadnet_helpers.workbook.current_plan`:
the one saved last, else one built from their gaps) as one card per action.
Each card edits the title, who, due date and cadence, ticks the action done
or removes it; a small form adds an action of the person's own, and the
backlog can promote a suggestion into the month. Every change is saved at
once (:meth:`~leadnet_helpers.store.Workspace.save_plan`) and redraws the
preview, which is the exported HTML page itself, shown in a sandboxed frame.

The export buttons write one file each with
:func:`~leadnet_helpers.export.write_plan` into
:func:`~leadnet_helpers.workbook.export_folder` and offer it as a download
link (a ``data:`` URI with the ``download`` attribute, so no server setting is
needed) beside the path it was saved to.

Everything the view does to a plan is a plain function here
(:func:`apply_edit`, :func:`remove_action`, :func:`add_own_action`,
:func:`parse_due`, :func:`parse_cadence`, :func:`parse_who`,
:func:`preview_html`, :func:`download_link`, :func:`export_plan`), tested
without a browser.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..errors import LeadNetError
from ..export import PLAN_FILES, plan_html, write_plan
from ..model import name_key
from ..plan import CADENCES, Action, Plan, custom_action, plan_to_dict
from ..store import Workspace
from .feedback import LABEL_STYLE, feedback_widget, guarded, message_html, show

__all__ = [
    "CADENCE_OPTIONS",
    "EXPORT_LABELS",
    "MAX_DATA_URI_BYTES",
    "MIME_TYPES",
    "ActionCard",
    "PlanEditorView",
    "add_own_action",
    "apply_edit",
    "download_link",
    "export_figures",
    "export_plan",
    "parse_cadence",
    "parse_due",
    "parse_who",
    "plan_editor_view",
    "preview_html",
    "remove_action",
    "who_field",
]

#: The cadence dropdown: (label, value of :data:`~leadnet_helpers.plan.CADENCES`).
CADENCE_OPTIONS = (("once", ""), ("every week", "weekly"), ("every month", "monthly"),
                   ("every three months", "quarterly"))
#: The export buttons, by format (the keys of :data:`~leadnet_helpers.export.PLAN_FILES`).
EXPORT_LABELS = {"html": "HTML page", "pdf": "PDF", "md": "Markdown",
                 "ics": "Calendar (.ics)", "csv": "CSV"}
#: The media type of each export, for its download link.
MIME_TYPES = {"html": "text/html", "pdf": "application/pdf", "md": "text/markdown",
              "ics": "text/calendar", "csv": "text/csv"}
#: Files up to this size are offered as a ``data:`` link (the HTML with plotly.js is ~5 MB).
MAX_DATA_URI_BYTES = 12_000_000
#: The dashboard figures embedded, interactive, in the exported HTML page.
KEY_FIGURES = ("balance", "ego", "keep_warm")

_CADENCE_WORDS = dict(CADENCE_OPTIONS) | {
    value: value for value in CADENCES}


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
        raise LeadNetError("an action needs a due date",
                           fix="Pick a date: a month from now is fine if unsure.")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise LeadNetError(f"'{text}' is not a date",
                           fix="Pick a date, or type it as YYYY-MM-DD.") from None


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
    raise LeadNetError(f"'{value}' is not a cadence",
                       fix="Choose once, every week, every month or every three months.")


def who_field(action: Action) -> str:
    """The names of an action's contacts as the "Who" field shows them.

    Examples
    --------
    >>> who_field(Action("a", "t", who=[{"name": "Bo", "detail": "strategic"},
    ...                                 {"name": "Cy", "detail": ""}]))
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
    >>> a = apply_edit(p, "a", title="Call Bo and Cy", due="2026-02-01", cadence="every month",
    ...                done=True)
    >>> a.title, a.due, a.cadence, a.status
    ('Call Bo and Cy', datetime.date(2026, 2, 1), 'monthly', 'done')
    """
    action = plan.get(action_id)
    changes: dict[str, Any] = {}
    if title is not None:
        text = " ".join(str(title).split())
        if not text:
            raise LeadNetError("an action needs a title",
                               fix="Say in a few words what you will do.")
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
    >>> a = add_own_action(p, "Lunch with the CFO", "2026-01-20", who="Ines Duarte",
    ...                    cadence="monthly")
    >>> a.custom, a.who[0]["name"], p.actions == [a]
    (True, 'Ines Duarte', True)
    """
    text = " ".join(str(title or "").split())
    if not text:
        raise LeadNetError("your action needs a title", fix="Say in a few words what you will do.")
    action = custom_action(text, parse_due(due), cadence=parse_cadence(cadence),
                           first_step=" ".join(first_step.split()),
                           who=[p["name"] for p in parse_who(who)])
    if any(a.id == action.id for a in plan.all_actions()):
        raise LeadNetError("this action is already in your plan",
                           fix="Change its title or date, or edit the one above.")
    plan.add(action)
    return action


def preview_html(plan: Plan, *, height: str = "34em") -> str:
    """The exported HTML page of *plan*, shown in a sandboxed frame (no script runs).

    The page is :func:`~leadnet_helpers.export.plan_html` (static charts), so
    the preview is what the HTML export and the PDF will look like; the frame
    keeps its styles from leaking into the notebook.

    Examples
    --------
    >>> p = Plan("Ana", date(2026, 1, 5), [], [Action("a", "<b>Call</b> Bo")])
    >>> frame = preview_html(p)
    >>> frame.startswith("<iframe") and "&amp;lt;b&amp;gt;Call" in frame and "<b>" not in frame
    True
    """
    page = plan_html(plan)
    return (f'<iframe class="leadnet-plan-preview-frame" sandbox="" '
            f'title="Preview of your action plan" style="width:100%;height:{html.escape(height)};'
            f'border:1px solid #ccc;background:white" srcdoc="{html.escape(page, quote=True)}">'
            "</iframe>")


def download_link(path: str | Path, *, fmt: str | None = None,
                  max_bytes: int = MAX_DATA_URI_BYTES) -> str:
    """A download link for a saved file, and where it was saved (HTML, escaped).

    The file travels inside the link (a ``data:`` URI with the ``download``
    attribute), so the browser saves it without asking the Jupyter server.
    A file larger than *max_bytes* shows its path only.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "plan.md"
    >>> _ = path.write_text("# Plan", encoding="utf-8")
    >>> link = download_link(path)
    >>> 'download="plan.md"' in link and "data:text/markdown;base64,IyBQbGFu" in link
    True
    """
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".")
    mime = MIME_TYPES.get(fmt, "application/octet-stream")
    where = (f'<span class="leadnet-export-path">saved to <code>{html.escape(str(path))}'
             "</code></span>")
    size = path.stat().st_size
    if size > max_bytes:
        return (f'<div class="leadnet-export-file" data-format="{html.escape(fmt)}">'
                f"{html.escape(path.name)} ({size / 1e6:.1f} MB) is too large to offer here: "
                f"{where}</div>")
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    label = f"Download {path.name}"
    kb = max(1, round(size / 1000))
    return (f'<div class="leadnet-export-file" data-format="{html.escape(fmt)}">'
            f'<a class="leadnet-download" download="{html.escape(path.name)}" '
            'style="color:#0b57d0;text-decoration:underline;font-weight:bold" '
            f'href="data:{mime};base64,{data}">{html.escape(label)}</a> ({kb:,} KB), '
            f"{where}</div>")


def export_figures(ws: Workspace, today: date | None = None) -> dict[str, Any]:
    """The key charts of the dashboard (plotly figures) to embed in the HTML export.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> sorted(export_figures(open_sample("ana-lucia-ferreira")))
    ['Balance against your target', 'Ego map', 'Keeping warm']
    """
    from ..diagnostics import all_findings
    from ..network import load_network
    from ..plots import FIGURES, build_figures

    net = load_network(ws)
    figures = build_figures(net, all_findings(net, today), today=today, only=KEY_FIGURES)
    return {FIGURES[key]: fig for key, fig in figures.items()}


def export_plan(plan: Plan, folder: str | Path, fmt: str,
                figures: Mapping[str, Any] | None = None) -> Path:
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
        raise LeadNetError(f"unknown export format '{fmt}'",
                           fix=f"Use any of {', '.join(PLAN_FILES)}.")
    return write_plan(plan, folder, figures if fmt == "html" else None, formats=[fmt])[fmt]


# --------------------------------------------------------------------------- the view


class ActionCard(widgets.VBox):
    """One action of the month: its fields, a done box and a remove button."""

    def __init__(self, view: PlanEditorView, number: int, action: Action) -> None:
        self.action_id = action.id
        about = html.escape(action.why) if action.why else "Your own action."
        cite = (f" <small>({html.escape(action.principle)} "
                f"{html.escape(action.source)})</small>" if action.source else "")
        self.heading = widgets.HTML(
            f"<h4 style='margin:2px 0'>Action {number}</h4>"
            f"<p style='margin:2px 0;line-height:1.35'><small>{about}</small>{cite}</p>")
        wide = widgets.Layout(width="46em")
        self.title = widgets.Text(value=action.title, description="What to do",
                                  continuous_update=False, style=LABEL_STYLE, layout=wide)
        self.who = widgets.Text(value=who_field(action), description="With whom",
                                placeholder="names, separated by ;", continuous_update=False,
                                style=LABEL_STYLE, layout=wide)
        self.due = widgets.DatePicker(value=action.due, description="Due by",
                                      style=LABEL_STYLE)
        self.cadence = widgets.Dropdown(options=CADENCE_OPTIONS, value=action.cadence,
                                        description="Repeats", style=LABEL_STYLE)
        self.done = widgets.Checkbox(value=action.status == "done", description="Done",
                                     indent=False)
        self.remove = widgets.Button(description="Remove", icon="trash",
                                     tooltip=f"Remove action {number} from your plan")
        for name in ("title", "who", "due", "cadence", "done", "remove"):
            getattr(self, name).add_class(f"leadnet-plan-{name}")
        super().__init__([self.heading, self.title, self.who,
                          widgets.HBox([self.due, self.cadence]),
                          widgets.HBox([self.done, self.remove])],
                         layout=widgets.Layout(border="1px solid #ccc", padding="6px",
                                               margin="6px 0"))
        self.add_class("leadnet-plan-card")
        self.add_class(f"leadnet-plan-card-{number}")
        guard = guarded(view.feedback)
        for name in ("title", "who", "due", "cadence", "done"):
            getattr(self, name).observe(guard(self._changed(view, name)), names="value")
        self.remove.on_click(guard(lambda _b: view.remove(self.action_id)))

    def _changed(self, view: PlanEditorView, name: str):
        def on_change(change: dict) -> None:
            if view.quiet:
                return
            view.edit(self.action_id, **{name: change["new"]})
        return on_change


class PlanEditorView(widgets.VBox):
    """The plan editor: the month's actions, your own action, a preview and exports.

    Show it whole, or show :attr:`actions_panel`, :attr:`own_panel`,
    :attr:`preview_panel` and :attr:`export_panel` where the notebook explains
    each; they all work on the same plan.

    Attributes
    ----------
    plan : Plan
        The plan as edited (saved after every change).
    folder : Path
        Where exports are written.
    written : dict
        Format to the path of the last file exported.
    links : dict of ipywidgets.HTML
        Format to its download link and saved path.
    """

    def __init__(self, ws: Workspace, *, plan: Plan | None = None, today: date | None = None,
                 folder: str | Path | None = None) -> None:
        from ..workbook import current_plan, export_folder

        self.ws, self.today = ws, today
        self.quiet = False
        fresh = plan is None and ws.latest_plan() is None
        self.plan = plan if plan is not None else current_plan(ws, today)
        self.folder = Path(folder) if folder is not None else export_folder(ws)
        self.written: dict[str, Path] = {}
        self.feedback = feedback_widget()
        self.summary = widgets.HTML()
        self.summary.add_class("leadnet-plan-summary")
        self.cards_box = widgets.VBox()
        self.cards_box.add_class("leadnet-plan-cards")
        self.backlog = widgets.Dropdown(options=[], description="From the backlog",
                                        style=LABEL_STYLE, layout=widgets.Layout(width="46em"))
        self.backlog.add_class("leadnet-plan-backlog")
        self.promote = widgets.Button(description="Add to this month", icon="plus")
        self.promote.add_class("leadnet-plan-promote")
        self.actions_panel = widgets.VBox([self.summary, self.cards_box,
                                           widgets.HBox([self.backlog, self.promote]),
                                           self.feedback])
        self.actions_panel.add_class("leadnet-plan-actions")

        wide = widgets.Layout(width="46em")
        self.own = {
            "title": widgets.Text(description="What to do", style=LABEL_STYLE, layout=wide,
                                  placeholder="e.g. Lunch with the new head of strategy"),
            "who": widgets.Text(description="With whom", style=LABEL_STYLE, layout=wide,
                                placeholder="names, separated by ;"),
            "due": widgets.DatePicker(description="Due by", style=LABEL_STYLE),
            "cadence": widgets.Dropdown(options=CADENCE_OPTIONS, value="",
                                        description="Repeats", style=LABEL_STYLE),
            "first_step": widgets.Text(description="First step", style=LABEL_STYLE,
                                       layout=wide, placeholder="the first thing you will do"),
        }
        for key, field in self.own.items():
            field.add_class(f"leadnet-own-{key}")
        self.add_own = widgets.Button(description="Add my action", button_style="primary",
                                      icon="plus")
        self.add_own.add_class("leadnet-own-add")
        self.own_feedback = feedback_widget()
        self.own_panel = widgets.VBox([*self.own.values(), self.add_own, self.own_feedback])
        self.own_panel.add_class("leadnet-plan-own")

        self.preview = widgets.HTML()
        self.preview.add_class("leadnet-plan-preview")
        self.preview_panel = widgets.VBox([self.preview])

        self.export_buttons = {
            fmt: widgets.Button(description=label, icon="download",
                                tooltip=f"Save your plan as {label} and offer it for download",
                                layout=widgets.Layout(width="auto", min_width="9em"))
            for fmt, label in EXPORT_LABELS.items()}
        for fmt, button in self.export_buttons.items():
            button.add_class(f"leadnet-export-{fmt}")
        # one link widget a format, so a new CSV does not resend the 5 MB HTML page
        self.links = {fmt: widgets.HTML() for fmt in EXPORT_LABELS}
        self.links_box = widgets.VBox(list(self.links.values()))
        self.links_box.add_class("leadnet-export-links")
        self.export_feedback = feedback_widget()
        self.export_panel = widgets.VBox([widgets.HBox(list(self.export_buttons.values())),
                                          self.export_feedback, self.links_box])
        self.export_panel.add_class("leadnet-plan-export")

        super().__init__([self.actions_panel, self.own_panel, self.preview_panel,
                          self.export_panel])
        self.add_class("leadnet-plan-editor")
        self.promote.on_click(guarded(self.feedback)(lambda _b: self.promote_action(
            self.backlog.value)))
        self.add_own.on_click(guarded(self.own_feedback)(self._on_add_own))
        for fmt, button in self.export_buttons.items():
            button.on_click(guarded(self.export_feedback)(
                lambda _b, fmt=fmt: self.export(fmt)))
        self.own["due"].value = self._default_due()
        self._render()
        if fresh:
            self.save()

    def __repr__(self) -> str:
        return f"PlanEditorView({len(self.plan.actions)} actions)"

    # ------------------------------------------------------------------ public

    def save(self) -> int:
        """Save the plan in the workspace; return the saved plan's id."""
        return self.ws.save_plan(plan_to_dict(self.plan))

    def edit(self, action_id: str, **changes: Any) -> Action:
        """Change one action (see :func:`apply_edit`), save and redraw the preview."""
        if "due" in changes and changes["due"] is None:
            parse_due(None)  # a cleared date picker: say so rather than keep the old date
        action = apply_edit(self.plan, action_id, **changes)
        self.save()
        self._refresh_preview()
        show(self.feedback, "ok", f"Saved: {action.title}.")
        return action

    def remove(self, action_id: str) -> Action:
        """Remove an action, save and redraw."""
        action = remove_action(self.plan, action_id)
        self.save()
        self._render()
        show(self.feedback, "ok", f"Removed: {action.title}.")
        return action

    def promote_action(self, action_id: str | None) -> Action:
        """Move a backlog suggestion into this month's actions, save and redraw."""
        if not action_id:
            raise LeadNetError("the backlog is empty", fix="Add an action of your own below.")
        self.plan.promote(action_id)
        self.save()
        self._render()
        action = self.plan.get(action_id)
        show(self.feedback, "ok", f"Added to this month: {action.title}.")
        return action

    def add(self, title: str, due: date | str | None, *, who: str = "", cadence: str = "",
            first_step: str = "") -> Action:
        """Add an action of the person's own (see :func:`add_own_action`), save and redraw."""
        action = add_own_action(self.plan, title, due, who=who, cadence=cadence,
                                first_step=first_step)
        self.save()
        self._render()
        return action

    def export(self, fmt: str) -> Path:
        """Write the plan in one format and show its download link and path."""
        show(self.export_feedback, "info", f"Writing your plan as {EXPORT_LABELS[fmt]}…")
        figures = export_figures(self.ws, self.today) if fmt == "html" else None
        path = export_plan(self.plan, self.folder, fmt, figures)
        self.written[fmt] = path
        self.links[fmt].value = download_link(path, fmt=fmt)
        show(self.export_feedback, "ok", f"Saved {path.name}: use its link below to download "
             "it, or open it from the folder shown.")
        return path

    # ------------------------------------------------------------------ drawing

    def _default_due(self) -> date:
        return (self.today or date.today()) + timedelta(days=14)

    def _render(self) -> None:
        self.quiet = True
        try:
            self.cards_box.children = [ActionCard(self, i, a)
                                       for i, a in enumerate(self.plan.actions, 1)]
            options = [(a.title if len(a.title) <= 90 else a.title[:89] + "…", a.id)
                       for a in self.plan.backlog]
            self.backlog.options = options
            self.backlog.value = options[0][1] if options else None
            self.backlog.disabled = self.promote.disabled = not options
        finally:
            self.quiet = False
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        count = len(self.plan.actions)
        done = sum(a.status == "done" for a in self.plan.actions)
        text = (f"{count} action{'s' * (count != 1)} this month ({done} done), "
                f"{len(self.plan.backlog)} in the backlog. Changes are saved as you make them.")
        if count > self.plan.limit:
            text += (f" That is more than {self.plan.limit}: a plan you can finish beats a long "
                     "one.")
        self.summary.value = f'<p role="status">{html.escape(text)}</p>'
        self.preview.value = preview_html(self.plan)

    def _on_add_own(self, _button: widgets.Button) -> None:
        values = {k: f.value for k, f in self.own.items()}
        action = self.add(values["title"], values["due"], who=values["who"],
                          cadence=values["cadence"], first_step=values["first_step"])
        for key in ("title", "who", "first_step"):
            self.own[key].value = ""
        self.own_feedback.value = message_html("ok", f"Added your action: {action.title}.")


def plan_editor_view(ws: Workspace, *, plan: Plan | None = None, today: date | None = None,
                     folder: str | Path | None = None) -> PlanEditorView:
    """The plan editor of notebook 04 for *ws*.

    Parameters
    ----------
    ws : Workspace
        The workspace (its latest plan is edited, or a new one built from its gaps).
    plan : Plan, optional
        Edit this plan instead.
    today : date, optional
        The day a new plan starts from (default: today).
    folder : str or Path, optional
        Where exports go (default :func:`~leadnet_helpers.workbook.export_folder`).

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample("ana-lucia-ferreira")
    >>> view = plan_editor_view(ws, today=date(2026, 11, 21))
    >>> first = view.plan.actions[0]
    >>> _ = view.edit(first.id, title="Call Kenji")
    >>> ws.latest_plan()["actions"][0]["title"], "Call Kenji" in view.preview.value
    ('Call Kenji', True)
    """
    return PlanEditorView(ws, plan=plan, today=today, folder=folder)
