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

The plan, its edits and the exports are :class:`~leadnet_helpers.app.plan_editor.PlanEditor`'s;
the view shows it and observes its ``revision`` (cards) and ``edits`` (preview).
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..app.plan_editor import CADENCE_OPTIONS, EXPORT_LABELS, PlanEditor, who_field
from ..app.workspace import watch
from ..export import plan_html
from ..plan import Action, Plan
from ..store import Workspace
from .feedback import (
    LABEL_STYLE,
    MAX_DATA_URI_BYTES,
    MIME_TYPES,
    download_link,
    feedback_widget,
    guarded,
    message_html,
    show,
)

__all__ = [
    "MAX_DATA_URI_BYTES",
    "MIME_TYPES",
    "ActionCard",
    "PlanEditorView",
    "download_link",
    "plan_editor_view",
    "preview_html",
]


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
    return (
        f'<iframe class="leadnet-plan-preview-frame" sandbox="" '
        f'title="Preview of your action plan" style="width:100%;height:{html.escape(height)};'
        f'border:1px solid #ccc;background:white" srcdoc="{html.escape(page, quote=True)}">'
        "</iframe>"
    )


# --------------------------------------------------------------------------- the view


class ActionCard(widgets.VBox):
    """One action of the month: its fields, a done box and a remove button."""

    def __init__(self, view: PlanEditorView, number: int, action: Action) -> None:
        self.action_id = action.id
        about = html.escape(action.why) if action.why else "Your own action."
        cite = (
            f" <small>({html.escape(action.principle)} {html.escape(action.source)})</small>"
            if action.source
            else ""
        )
        self.heading = widgets.HTML(
            f"<h4 style='margin:2px 0'>Action {number}</h4>"
            f"<p style='margin:2px 0;line-height:1.35'><small>{about}</small>{cite}</p>"
        )
        wide = widgets.Layout(width="46em")
        self.title = widgets.Text(
            value=action.title,
            description="What to do",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=wide,
        )
        self.who = widgets.Text(
            value=who_field(action),
            description="With whom",
            placeholder="names, separated by ;",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=wide,
        )
        self.due = widgets.DatePicker(value=action.due, description="Due by", style=LABEL_STYLE)
        self.cadence = widgets.Dropdown(
            options=CADENCE_OPTIONS, value=action.cadence, description="Repeats", style=LABEL_STYLE
        )
        self.done = widgets.Checkbox(
            value=action.status == "done", description="Done", indent=False
        )
        self.remove = widgets.Button(
            description="Remove", icon="trash", tooltip=f"Remove action {number} from your plan"
        )
        for name in ("title", "who", "due", "cadence", "done", "remove"):
            getattr(self, name).add_class(f"leadnet-plan-{name}")
        super().__init__(
            [
                self.heading,
                self.title,
                self.who,
                widgets.HBox([self.due, self.cadence]),
                widgets.HBox([self.done, self.remove]),
            ],
            layout=widgets.Layout(border="1px solid #ccc", padding="6px", margin="6px 0"),
        )
        self.add_class("leadnet-plan-card")
        self.add_class(f"leadnet-plan-card-{number}")
        guard = guarded(view.feedback)
        for name in ("title", "who", "due", "cadence", "done"):
            getattr(self, name).observe(guard(self._changed(view, name)), names="value")
        self.remove.on_click(guard(lambda _b: view.remove(self.action_id)))

    def _changed(self, view: PlanEditorView, name: str):
        def on_change(change: dict) -> None:
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

    def __init__(
        self,
        ws: Workspace,
        *,
        plan: Plan | None = None,
        today: date | None = None,
        folder: str | Path | None = None,
    ) -> None:
        self.ws, self.today = ws, today
        self.model = PlanEditor(ws, plan=plan, today=today, folder=folder)
        self.feedback = feedback_widget()
        self.summary = widgets.HTML()
        self.summary.add_class("leadnet-plan-summary")
        self.cards_box = widgets.VBox()
        self.cards_box.add_class("leadnet-plan-cards")
        self.backlog = widgets.Dropdown(
            options=[],
            description="From the backlog",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="46em"),
        )
        self.backlog.add_class("leadnet-plan-backlog")
        self.promote = widgets.Button(description="Add to this month", icon="plus")
        self.promote.add_class("leadnet-plan-promote")
        self.actions_panel = widgets.VBox(
            [
                self.summary,
                self.cards_box,
                widgets.HBox([self.backlog, self.promote]),
                self.feedback,
            ]
        )
        self.actions_panel.add_class("leadnet-plan-actions")

        wide = widgets.Layout(width="46em")
        self.own = {
            "title": widgets.Text(
                description="What to do",
                style=LABEL_STYLE,
                layout=wide,
                placeholder="e.g. Lunch with the new head of strategy",
            ),
            "who": widgets.Text(
                description="With whom",
                style=LABEL_STYLE,
                layout=wide,
                placeholder="names, separated by ;",
            ),
            "due": widgets.DatePicker(description="Due by", style=LABEL_STYLE),
            "cadence": widgets.Dropdown(
                options=CADENCE_OPTIONS, value="", description="Repeats", style=LABEL_STYLE
            ),
            "first_step": widgets.Text(
                description="First step",
                style=LABEL_STYLE,
                layout=wide,
                placeholder="the first thing you will do",
            ),
        }
        for key, field in self.own.items():
            field.add_class(f"leadnet-own-{key}")
        self.add_own = widgets.Button(
            description="Add my action", button_style="primary", icon="plus"
        )
        self.add_own.add_class("leadnet-own-add")
        self.own_feedback = feedback_widget()
        self.own_panel = widgets.VBox([*self.own.values(), self.add_own, self.own_feedback])
        self.own_panel.add_class("leadnet-plan-own")

        self.preview = widgets.HTML()
        self.preview.add_class("leadnet-plan-preview")
        self.preview_panel = widgets.VBox([self.preview])

        self.export_buttons = {
            fmt: widgets.Button(
                description=label,
                icon="download",
                tooltip=f"Save your plan as {label} and offer it for download",
                layout=widgets.Layout(width="auto", min_width="9em"),
            )
            for fmt, label in EXPORT_LABELS.items()
        }
        for fmt, button in self.export_buttons.items():
            button.add_class(f"leadnet-export-{fmt}")
        # one link widget a format, so a new CSV does not resend the 5 MB HTML page
        self.links = {fmt: widgets.HTML() for fmt in EXPORT_LABELS}
        self.links_box = widgets.VBox(list(self.links.values()))
        self.links_box.add_class("leadnet-export-links")
        self.export_feedback = feedback_widget()
        self.export_panel = widgets.VBox(
            [widgets.HBox(list(self.export_buttons.values())), self.export_feedback, self.links_box]
        )
        self.export_panel.add_class("leadnet-plan-export")

        super().__init__(
            [self.actions_panel, self.own_panel, self.preview_panel, self.export_panel]
        )
        self.add_class("leadnet-plan-editor")
        self.promote.on_click(
            guarded(self.feedback)(lambda _b: self.promote_action(self.backlog.value))
        )
        self.add_own.on_click(guarded(self.own_feedback)(self._on_add_own))
        for fmt, button in self.export_buttons.items():
            button.on_click(guarded(self.export_feedback)(lambda _b, fmt=fmt: self.export(fmt)))
        self.own["due"].value = self.model.default_due()
        watch(self.model, self._render)
        watch(self.model, self._refresh_preview, names="edits")
        self._render()

    @property
    def plan(self) -> Plan:
        """The plan as edited (the model's)."""
        return self.model.plan

    @property
    def folder(self) -> Path:
        """Where exports are written."""
        return self.model.folder

    @property
    def written(self) -> dict[str, Path]:
        """Format to the path of the last file exported."""
        return self.model.written

    def __repr__(self) -> str:
        return f"PlanEditorView({len(self.plan.actions)} actions)"

    # ------------------------------------------------------------------ public

    def save(self) -> int:
        """Save the plan in the workspace; return the saved plan's id."""
        return self.model.save()

    def edit(self, action_id: str, **changes: Any) -> Action:
        """Change one action (see :func:`~leadnet_helpers.app.plan_editor.apply_edit`), saved."""
        action = self.model.edit(action_id, **changes)
        show(self.feedback, "ok", f"Saved: {action.title}.")
        return action

    def remove(self, action_id: str) -> Action:
        """Remove an action (saved; the cards are drawn again)."""
        action = self.model.remove(action_id)
        show(self.feedback, "ok", f"Removed: {action.title}.")
        return action

    def promote_action(self, action_id: str | None) -> Action:
        """Move a backlog suggestion into this month's actions (saved)."""
        action = self.model.promote(action_id)
        show(self.feedback, "ok", f"Added to this month: {action.title}.")
        return action

    def add(
        self,
        title: str,
        due: date | str | None,
        *,
        who: str = "",
        cadence: str = "",
        first_step: str = "",
    ) -> Action:
        """Add an action of the person's own (saved)."""
        return self.model.add(title, due, who=who, cadence=cadence, first_step=first_step)

    def export(self, fmt: str) -> Path:
        """Write the plan in one format and show its download link and path."""
        show(self.export_feedback, "info", f"Writing your plan as {EXPORT_LABELS[fmt]}…")
        path = self.model.export(fmt)
        self.links[fmt].value = download_link(path, fmt=fmt)
        show(
            self.export_feedback,
            "ok",
            f"Saved {path.name}: use its link below to download "
            "it, or open it from the folder shown.",
        )
        return path

    # ------------------------------------------------------------------ drawing

    def _render(self) -> None:
        self.cards_box.children = [
            ActionCard(self, i, a) for i, a in enumerate(self.plan.actions, 1)
        ]
        options = [
            (a.title if len(a.title) <= 90 else a.title[:89] + "…", a.id) for a in self.plan.backlog
        ]
        self.backlog.options = options
        self.backlog.value = options[0][1] if options else None
        self.backlog.disabled = self.promote.disabled = not options
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        self.summary.value = f'<p role="status">{html.escape(self.model.summary())}</p>'
        self.preview.value = preview_html(self.plan)

    def _on_add_own(self, _button: widgets.Button) -> None:
        values = {k: f.value for k, f in self.own.items()}
        action = self.add(
            values["title"],
            values["due"],
            who=values["who"],
            cadence=values["cadence"],
            first_step=values["first_step"],
        )
        for key in ("title", "who", "first_step"):
            self.own[key].value = ""
        self.own_feedback.value = message_html("ok", f"Added your action: {action.title}.")


def plan_editor_view(
    ws: Workspace,
    *,
    plan: Plan | None = None,
    today: date | None = None,
    folder: str | Path | None = None,
) -> PlanEditorView:
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
