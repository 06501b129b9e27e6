"""The overview of notebook 02: every contact grouped by network, to check and override.

The view shows the workspace's :class:`~leadnet_helpers.app.board.BoardModel`
(shared with the triage cards) and observes its ``revision``: one page per
group (ten contacts each by default), reusing the same row widgets from page
to page. Filtering, paging and the bulk confirm are the model's plain functions.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from ..app.board import (
    CONFIDENCE_FILTERS,
    DECIDED_REASON,
    NETWORK_JOB,
    PAGE_SIZE,
    WHERE_FILTERS,
    board_model,
    confidence_words,
    filter_board,
    group_counts,
    group_page,
    high_confidence_ids,
    summary_text,
)
from ..app.workspace import watch
from ..errors import LeadNetError
from ..model import NETWORK_TYPES
from ..rules import NETWORK_STYLES
from ..store import Workspace
from .feedback import badge_html, empty_message, error_text, feedback_widget, guarded, show

__all__ = ["OverviewView", "badge_html", "empty_message", "overview_view"]


def _row_detail(row: Mapping[Any, Any]) -> str:
    where = {"inside": "inside", "outside": "outside"}.get(str(row["where"]), "")
    bits = [str(x) for x in (row["organisation"], row["role"]) if x]
    words = confidence_words(
        float(row["confidence"]), bool(row["needs_review"]), str(row["decided_by"])
    )
    reasons = [r for r in row["reasons"] if r != DECIDED_REASON]
    first = reasons[0] if reasons else ""
    text = " · ".join(x for x in (", ".join(bits), where, words, first) if x)
    return f'<span style="line-height:1.35">{html.escape(text)}</span>'


# --------------------------------------------------------------------------- the view


class _Group(widgets.VBox):
    """One network's section: heading, a page of rows (reused), previous/next."""

    def __init__(self, network_type: str, size: int) -> None:
        self.network_type, self.page = network_type, 1
        colour = NETWORK_STYLES[network_type].colour
        self.heading = widgets.HTML()
        self.previous = widgets.Button(description="Previous", tooltip="Previous page")
        self.next = widgets.Button(description="Next", tooltip="Next page")
        self.rows: list[tuple[widgets.HBox, widgets.Dropdown, widgets.HTML]] = []
        self.ids: list[int | None] = [None] * size
        # the rows share one style and layout per kind of widget, given when made: each
        # widget model (a default replaced afterwards too) is one more for the browser
        choice_style = DescriptionStyle(description_width="15em")
        choice_layout, detail_layout = widgets.Layout(width="29em"), widgets.Layout()
        detail_style = HTMLStyle()
        for _ in range(size):
            choice = widgets.Dropdown(
                options=[(f"{NETWORK_STYLES[t].glyph} {t}", t) for t in NETWORK_TYPES],
                description="",
                style=choice_style,
                layout=choice_layout,
            )
            choice.add_class("leadnet-overview-choice")
            detail = widgets.HTML(style=detail_style, layout=detail_layout)
            box = widgets.HBox([choice, detail], layout=widgets.Layout(display="none"))
            box.add_class("leadnet-overview-row")
            self.rows.append((box, choice, detail))
        pager = widgets.HBox([self.previous, self.next])
        super().__init__(
            [self.heading, *(r[0] for r in self.rows), pager],
            layout=widgets.Layout(
                border_left=f"6px solid {colour}", padding="0 0 0 10px", margin="8px 0"
            ),
        )
        self.add_class("leadnet-overview-group")
        self.add_class(f"leadnet-overview-group-{network_type}")
        self.pager = pager


class OverviewView(widgets.VBox):
    """Contacts grouped by network, filters, a dropdown per contact and a bulk confirm."""

    def __init__(self, ws: Workspace, page_size: int = PAGE_SIZE) -> None:
        self.ws, self.page_size = ws, page_size
        self.model = board_model(ws)  # shared with the triage cards of the same workspace
        self.board = pd.DataFrame()
        self.shown = pd.DataFrame()
        self.feedback = feedback_widget()
        self.empty = widgets.HTML()
        self.empty.add_class("leadnet-overview-empty")
        style = {"description_width": "7em"}
        self.type_filter = widgets.Dropdown(
            options=[("all three networks", "all"), *[(t, t) for t in NETWORK_TYPES]],
            description="Network",
            style=style,
            layout=widgets.Layout(width="19em"),
        )
        self.confidence_filter = widgets.Dropdown(
            options=[(label, key) for key, label in CONFIDENCE_FILTERS.items()],
            description="Confidence",
            style=style,
            layout=widgets.Layout(width="21em"),
        )
        self.where_filter = widgets.Dropdown(
            options=[(label, key) for key, label in WHERE_FILTERS.items()],
            description="Where",
            style=style,
            layout=widgets.Layout(width="21em"),
        )
        self.find = widgets.Text(
            description="Find",
            placeholder="name, organisation, role",
            continuous_update=False,
            style=style,
            layout=widgets.Layout(width="21em"),
        )
        for name in ("type_filter", "confidence_filter", "where_filter", "find"):
            getattr(self, name).add_class(f"leadnet-overview-{name.replace('_', '-')}")
        self.summary = widgets.HTML()
        self.summary.add_class("leadnet-overview-summary")
        self.bulk = widgets.Button(
            description="Confirm high-confidence suggestions",
            button_style="primary",
            layout=widgets.Layout(width="auto", min_width="22em"),
        )
        self.bulk.add_class("leadnet-overview-bulk")
        self.groups = {t: _Group(t, page_size) for t in NETWORK_TYPES}
        self.body = widgets.VBox(
            [
                widgets.HBox([self.type_filter, self.confidence_filter]),
                widgets.HBox([self.where_filter, self.find]),
                self.summary,
                self.bulk,
                *self.groups.values(),
            ]
        )
        super().__init__([self.empty, self.body, self.feedback])
        self.add_class("leadnet-overview-view")
        guard = guarded(self.feedback)
        for field in (self.type_filter, self.confidence_filter, self.where_filter, self.find):
            field.observe(guard(self._on_filter), names="value")
        self.bulk.on_click(guard(self._on_bulk))
        for group in self.groups.values():
            group.previous.on_click(guard(lambda _b, g=group: self._turn(g, -1)))
            group.next.on_click(guard(lambda _b, g=group: self._turn(g, +1)))
            for index, (_box, choice, _detail) in enumerate(group.rows):
                choice.observe(
                    guard(lambda change, g=group, i=index: self._on_choice(g, i, change)),
                    names="value",
                )
        watch(self.model, self.refresh)
        self.refresh()

    # ----------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Read the shared board again and show the current pages."""
        try:
            self.board = self.model.board
            self._apply_filters()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def _apply_filters(self) -> None:
        if self.board.empty:
            self.empty.value = empty_message()
            self.body.layout.display = "none"
            return
        self.empty.value = ""
        self.body.layout.display = ""
        self.shown = filter_board(
            self.board,
            network_type=self.type_filter.value,
            confidence=self.confidence_filter.value,
            where=self.where_filter.value,
            query=self.find.value,
        )
        for group in self.groups.values():  # first: the status line below says they are drawn
            self._show_group(group)
        self.summary.value = (
            f"<p role='status'>{html.escape(summary_text(self.shown, len(self.board)))}"
            + ("" if len(self.shown) else " No contact matches these filters.")
            + "</p>"
        )
        ready = len(high_confidence_ids(self.shown))
        self.bulk.description = (
            f"Confirm {ready:,} high-confidence suggestion{'' if ready == 1 else 's'}"
            if ready
            else "No high-confidence suggestions to confirm"
        )
        self.bulk.tooltip = (
            "Keep the suggestion of every contact shown whose confidence is "
            "high and who is not yet decided; each becomes your decision"
        )
        self.bulk.disabled = ready == 0

    def _show_group(self, group: _Group) -> None:
        wanted = self.type_filter.value
        group.layout.display = "" if wanted in ("all", group.network_type) else "none"
        rows, group.page, pages = group_page(
            self.shown, group.network_type, group.page, self.page_size
        )
        total = group_counts(self.shown)[group.network_type]
        heading = (
            f"<h4 style='margin:4px 0'>{badge_html(group.network_type)} "
            f"<span>{html.escape(NETWORK_JOB[group.network_type])}: "
            f"{total:,} contact{'' if total == 1 else 's'}"
        )
        if pages > 1:
            heading += f", page {group.page:,} of {pages:,}"
        group.heading.value = (
            heading
            + "</span></h4>"
            + ("" if total else "<p>No contacts here with these filters.</p>")
        )
        group.pager.layout.display = "" if pages > 1 else "none"
        group.previous.disabled = group.page <= 1
        group.next.disabled = group.page >= pages
        records = rows.to_dict("records") if len(rows) else []
        for index, (box, choice, detail) in enumerate(group.rows):
            if index < len(records):
                row = records[index]
                group.ids[index] = int(row["contact_id"])  # before the value: see _on_choice
                choice.description = str(row["name"])  # plain text, not HTML
                choice.tooltip = f"Network for {row['name']}"
                choice.value = str(row["network_type"])
                detail.value = _row_detail(row)
                box.layout.display = ""
            else:
                group.ids[index] = None
                box.layout.display = "none"

    # ----------------------------------------------------------------- events
    def _on_filter(self, _change: dict) -> None:
        for group in self.groups.values():
            group.page = 1
        self._apply_filters()

    def _turn(self, group: _Group, step: int) -> None:
        group.page += step
        self._show_group(group)

    def _on_choice(self, group: _Group, index: int, change: dict) -> None:
        contact_id = group.ids[index]
        if contact_id is None or change["new"] is None:
            return
        if change["new"] == self.model.row(contact_id)["network_type"]:
            return  # the view showing the board, not the person choosing
        name = self.model.decide(contact_id, change["new"])  # the model tells every view
        show(self.feedback, "ok", f"{name} is now in your {change['new']} network (your decision).")

    def _on_bulk(self, _button: widgets.Button) -> None:
        ids = high_confidence_ids(self.shown)
        if not ids:
            raise LeadNetError(
                "there are no high-confidence suggestions to confirm here",
                fix="Change the filters, or review contacts one at a time.",
            )
        done = self.model.decide_many(ids)
        show(
            self.feedback,
            "ok",
            f"Confirmed {done:,} suggestion{'' if done == 1 else 's'} "
            "as your decisions. You can still change any of them with its dropdown.",
        )


def overview_view(ws: Workspace, page_size: int = PAGE_SIZE) -> OverviewView:
    """Show every contact of *ws* grouped by network, with filters and overrides.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> view = overview_view(open_sample())
    >>> view.summary.value.startswith("<p role='status'>Showing 54 of 54 contacts")
    True
    """
    return OverviewView(ws, page_size)
