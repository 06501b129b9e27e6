"""Notebook 05's review: log what happened, take a snapshot, compare then and now.

Three small panels, each wired to a package function:

* **log**: find a contact, say what happened (met, I gave, I asked), when,
  and a note; :meth:`~leadnet_helpers.store.Workspace.log_interaction` saves
  it, which restarts that contact's keeping-warm clock, and the losing-touch
  list (:func:`~leadnet_helpers.diagnostics.keep_warm`) is worked out again
  at once, so the person sees the contact leave it;
* **snapshot**: :func:`~leadnet_helpers.progress.take_snapshot` with a label;
* **compare**: pick an earlier snapshot and see
  :func:`~leadnet_helpers.progress.compare` of it against now, as sentences
  and small tables (:func:`progress_html`);
* **actions**: tick the plan's actions done (the plan saved in notebook 04).

What each panel does is :class:`~leadnet_helpers.app.review.Review`'s; the
view shows it (:func:`losing_touch_html`, :func:`progress_html`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date

import ipywidgets as widgets

from .. import progress
from ..app.review import KIND_OPTIONS, Review
from ..findings import Finding
from ..model import NETWORK_TYPES, normalise_text
from ..progress import Progress
from ..store import Workspace
from .feedback import LABEL_STYLE, feedback_widget, guarded, message_html, show
from .tables import html_table

__all__ = ["ReviewView", "losing_touch_html", "progress_html", "review_view"]


def losing_touch_html(finding: Finding | None, limit: int = 15) -> str:
    """The losing-touch list as a small table (escaped), most urgent first.

    Examples
    --------
    >>> f = Finding(
    ...     "keep_warm",
    ...     "t",
    ...     1,
    ...     "r",
    ...     True,
    ...     0.5,
    ...     "p",
    ...     "s",
    ...     {
    ...         "losing_touch": [
    ...             {
    ...                 "name": "<b>Bo</b>",
    ...                 "network_type": "strategic",
    ...                 "last_contact": "2026-04-20",
    ...                 "ago": "7 months ago",
    ...             }
    ...         ]
    ...     },
    ... )
    >>> page = losing_touch_html(f)
    >>> "&lt;b&gt;Bo&lt;/b&gt;" in page and "7 months ago" in page
    True
    """
    rows = (finding.details or {}).get("losing_touch", []) if finding is not None else []
    rows = [r for r in rows if isinstance(r, Mapping)]
    head = (
        f"<p class='leadnet-losing-count' role='status'><b>Losing touch: {len(rows)} "
        f"contact{'s' * (len(rows) != 1)}.</b></p>"
    )
    table = html_table(
        [
            ("name", "Contact"),
            ("network_type", "Network"),
            ("last_contact", "Last contact"),
            ("ago", ""),
        ],
        rows[:limit],
        caption="Losing touch, most urgent first",
        css_class="leadnet-losing-touch",
        empty=(
            finding.reading
            if finding is not None and finding.reading
            else "Nobody is losing touch."
        ),
    )
    more = f"<p><small>and {len(rows) - limit} more.</small></p>" if len(rows) > limit else ""
    return head + table + more


def _gap(flag: object) -> str:
    return "gap" if flag else ("ok" if flag is not None else "—")


def progress_html(p: progress.Progress) -> str:
    """The comparison as plain sentences and small tables (every name escaped).

    Examples
    --------
    >>> p = progress.Progress(
    ...     "June",
    ...     "2026-06-01",
    ...     "2026-11-21",
    ...     added=["<i>Cy</i>"],
    ...     mix_then={"strategic": 1},
    ...     mix_now={"strategic": 2},
    ... )
    >>> page = progress_html(p)
    >>> "&lt;i&gt;Cy&lt;/i&gt;" in page and "<i>Cy" not in page and "Network mix" in page
    True
    """
    parts = ["<div class='leadnet-progress-summary' role='status'>"]
    parts += [f"<p style='margin:2px 0'>{html.escape(line)}</p>" for line in p.summary()]
    parts.append("</div>")
    people = [
        {"change": "added", "names": ", ".join(p.added) or "nobody"},
        {"change": "dropped", "names": ", ".join(p.dropped) or "nobody"},
    ]
    parts.append(
        html_table(
            [("change", "Contacts"), ("names", "Who")],
            people,
            caption=f"Contacts added and dropped (churn {p.churn:.0%})",
            css_class="leadnet-progress-people",
        )
    )
    mix = [
        {
            "network": t,
            "then": p.mix_then.get(t, 0),
            "now": p.mix_now.get(t, 0),
            "change": f"{p.mix_now.get(t, 0) - p.mix_then.get(t, 0):+d}",
        }
        for t in NETWORK_TYPES
    ]
    parts.append(
        html_table(
            [("network", "Network"), ("then", "Then"), ("now", "Now"), ("change", "Change")],
            mix,
            caption="Network mix, then and now",
            css_class="leadnet-progress-mix",
        )
    )
    diags = [
        {
            "title": f.get("title", ""),
            "then": progress.format_value(f.get("then")),
            "now": progress.format_value(f.get("now")),
            "gap": f"{_gap(f.get('gap_then'))} → {_gap(f.get('gap_now'))}",
        }
        for f in p.findings
    ]
    parts.append(
        html_table(
            [("title", "Diagnostic"), ("then", "Then"), ("now", "Now"), ("gap", "Gap then → now")],
            diags,
            caption="Main diagnostics, then and now",
            css_class="leadnet-progress-findings",
            empty="No diagnostics were measured.",
        )
    )
    back = sorted(set(p.losing_touch_then) - set(p.losing_touch_now))
    new = sorted(set(p.losing_touch_now) - set(p.losing_touch_then))
    touch = [
        {"when": "then", "names": ", ".join(p.losing_touch_then) or "nobody"},
        {"when": "now", "names": ", ".join(p.losing_touch_now) or "nobody"},
        {"when": "back in touch", "names": ", ".join(back) or "nobody"},
        {"when": "newly losing touch", "names": ", ".join(new) or "nobody"},
    ]
    parts.append(
        html_table(
            [("when", ""), ("names", "Who")],
            touch,
            caption="Losing touch, then and now",
            css_class="leadnet-progress-touch",
        )
    )
    actions = [{"status": "done", "title": t} for t in p.actions_done] + [
        {"status": "to do", "title": t} for t in p.actions_open
    ]
    parts.append(
        html_table(
            [("status", "Status"), ("title", "Action")],
            actions,
            caption="Your plan's actions",
            css_class="leadnet-progress-actions",
            empty="No plan saved yet: build one in notebook 04.",
        )
    )
    return "".join(parts)


# --------------------------------------------------------------------------- the view


class ReviewView(widgets.VBox):
    """Log interactions, take snapshots, compare then and now, tick actions done.

    Show it whole, or show :attr:`log_panel`, :attr:`snapshot_panel`,
    :attr:`compare_panel` and :attr:`actions_panel` where the notebook
    explains each.

    Attributes
    ----------
    warm : Finding
        The keeping-warm finding as it stands now.
    progress : Progress or None
        The last comparison shown.
    """

    def __init__(self, ws: Workspace, *, today: date | None = None) -> None:
        self.ws, self.today = ws, today
        self.model = Review(ws, today=today)
        # ---- log
        self.find = widgets.Text(
            description="Find a contact",
            placeholder="part of a name",
            continuous_update=True,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        self.contact = widgets.Dropdown(
            options=[],
            description="Contact",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        self.kind = widgets.ToggleButtons(
            options=KIND_OPTIONS, value="met", description="What happened", style=LABEL_STYLE
        )
        self.when = widgets.DatePicker(
            value=self.model.day(), description="When", style=LABEL_STYLE
        )
        self.note = widgets.Text(
            description="Note",
            placeholder="optional: what about",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        self.log_button = widgets.Button(description="Log it", button_style="primary", icon="check")
        for name in ("find", "contact", "kind", "when", "note"):
            getattr(self, name).add_class(f"leadnet-log-{name}")
        self.log_button.add_class("leadnet-log-button")
        self.log_feedback = feedback_widget()
        self.losing = widgets.HTML()
        self.losing.add_class("leadnet-losing")
        self.log_panel = widgets.VBox(
            [
                self.find,
                self.contact,
                self.kind,
                self.when,
                self.note,
                self.log_button,
                self.log_feedback,
                self.losing,
            ]
        )
        self.log_panel.add_class("leadnet-review-log")
        # ---- snapshot
        self.label = widgets.Text(
            description="Label",
            placeholder="e.g. before my new role",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        self.label.add_class("leadnet-snapshot-label")
        self.snap_button = widgets.Button(description="Take a snapshot", icon="camera")
        self.snap_button.add_class("leadnet-snapshot-button")
        self.snap_feedback = feedback_widget()
        self.snapshot_panel = widgets.VBox([self.label, self.snap_button, self.snap_feedback])
        self.snapshot_panel.add_class("leadnet-review-snapshot")
        # ---- compare
        self.since = widgets.Dropdown(
            options=[],
            description="Compare now with",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        self.since.add_class("leadnet-compare-since")
        self.compare_button = widgets.Button(description="Compare", icon="exchange")
        self.compare_button.add_class("leadnet-compare-button")
        self.compare_feedback = feedback_widget()
        self.result = widgets.HTML()
        self.result.add_class("leadnet-compare-result")
        self.compare_panel = widgets.VBox(
            [self.since, self.compare_button, self.compare_feedback, self.result]
        )
        self.compare_panel.add_class("leadnet-review-compare")
        # ---- actions
        self.checks = widgets.VBox()
        self.actions_feedback = feedback_widget()
        self.actions_panel = widgets.VBox([self.checks, self.actions_feedback])
        self.actions_panel.add_class("leadnet-review-actions")
        super().__init__(
            [self.log_panel, self.snapshot_panel, self.compare_panel, self.actions_panel]
        )
        self.add_class("leadnet-review")
        self.find.observe(guarded(self.log_feedback)(self._on_find), names="value")
        self.log_button.on_click(guarded(self.log_feedback)(self._on_log))
        self.snap_button.on_click(
            guarded(self.snap_feedback)(lambda _b: self.snapshot(self.label.value))
        )
        self.compare_button.on_click(
            guarded(self.compare_feedback)(lambda _b: self.compare(self.since.value))
        )
        self._fill_contacts()
        self.losing.value = losing_touch_html(self.warm)
        self._fill_snapshots()
        self._fill_actions()

    def __repr__(self) -> str:
        return f"ReviewView({self.ws.path.name})"

    @property
    def warm(self) -> Finding | None:
        """The keeping-warm finding as it stands now."""
        return self.model.warm

    @property
    def progress(self) -> progress.Progress | None:
        """The last comparison shown."""
        return self.model.progress

    # ------------------------------------------------------------------ public

    def log(self, contact_id: int, kind: str, day: date | str | None, note: str = "") -> str:
        """Log an interaction, work out the losing-touch list again; return the message."""
        text = self.model.log(contact_id, kind, day, note)
        self.losing.value = losing_touch_html(self.warm)
        show(self.log_feedback, "ok", text)
        return text

    def snapshot(self, label: str = "") -> int:
        """Take a snapshot with today's measures; return its id."""
        sid = self.model.snapshot(label)
        self._fill_snapshots()
        self.label.value = ""
        name = f" '{normalise_text(label)}'" if normalise_text(label) else ""
        show(
            self.snap_feedback,
            "ok",
            f"Snapshot{name} taken: come back in a few weeks and compare with it below.",
        )
        return sid

    def compare(self, snapshot_id: int | None) -> Progress:
        """Compare now with an earlier snapshot and show it."""
        made = self.model.compare(snapshot_id)
        self.result.value = progress_html(made)
        self.compare_feedback.value = ""
        return made

    def mark_done(self, action_id: str, done: bool = True) -> None:
        """Tick one of the saved plan's actions done (or to do again) and save the plan."""
        action = self.model.mark_done(action_id, done)
        show(self.actions_feedback, "ok", f"{'Done' if done else 'Back to do'}: {action.title}.")

    # ------------------------------------------------------------------ helpers

    def _fill_contacts(self) -> None:
        options = self.model.contact_options(self.find.value)
        current = self.contact.value
        self.contact.options = options
        ids = [cid for _, cid in options]
        self.contact.value = current if current in ids else (ids[0] if ids else None)

    def _on_find(self, _change: dict) -> None:
        self._fill_contacts()
        if not self.contact.options:
            show(self.log_feedback, "info", f"No contact matches '{self.find.value}'.")
        else:
            self.log_feedback.value = ""

    def _on_log(self, _button: widgets.Button) -> None:
        self.log(self.contact.value, self.kind.value, self.when.value, self.note.value)
        self.note.value = ""

    def _fill_snapshots(self) -> None:
        options = self.model.snapshot_options()
        self.since.options = options
        self.since.value = options[0][1] if options else None
        self.since.disabled = self.compare_button.disabled = not options
        if not options:
            self.compare_feedback.value = message_html(
                "info",
                "No snapshot yet. Take one above; when you come back in a few weeks, "
                "compare with it here.",
            )
        else:
            self.compare_feedback.value = ""

    def _fill_actions(self) -> None:
        actions = self.model.actions()
        if actions is None:
            self.checks.children = [
                widgets.HTML(
                    message_html(
                        "info",
                        "No plan is saved yet: build yours in notebook 04, then tick its "
                        "actions here as you do them.",
                    )
                )
            ]
            return
        boxes = []
        guard = guarded(self.actions_feedback)
        for number, action in enumerate(actions, 1):
            label = f"{number}. {action.title} (due {action.due.isoformat()})"
            box = widgets.Checkbox(
                value=action.status == "done",
                description=label,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            box.add_class("leadnet-action-done")
            box.observe(
                guard(lambda change, aid=action.id: self.mark_done(aid, bool(change["new"]))),
                names="value",
            )
            boxes.append(box)
        self.checks.children = boxes


def review_view(ws: Workspace, *, today: date | None = None) -> ReviewView:
    """The review of notebook 05 for *ws*.

    Parameters
    ----------
    ws : Workspace
        The workspace.
    today : date, optional
        The day to count from (default: today).

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> view = review_view(open_sample("ana-lucia-ferreira"), today=date(2026, 11, 21))
    >>> "Losing touch:" in view.losing.value, view.since.disabled
    (True, True)
    """
    return ReviewView(ws, today=today)
