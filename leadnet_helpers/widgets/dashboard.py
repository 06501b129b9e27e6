"""The gaps dashboard: filters on top, every figure with its one-line reading beneath.

Changing a filter (network type, inside or outside the organisation, tags)
narrows the network with :func:`~leadnet_helpers.network.filter_network`,
runs the diagnostics on what is left and redraws each figure in place (the
plotly ``FigureWidget`` objects are updated, not replaced, so the page does
not jump). Contacts keep their place on the who-knows-whom map when filters
change: its layout is computed once, for the whole network.

The logic the view runs (:func:`filter_summary`, :func:`tag_options`,
:func:`reading_html`, :func:`dashboard_state`) is plain functions, tested
without a browser.
"""

from __future__ import annotations

import html
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import ipywidgets as widgets
import plotly.graph_objects as go

from .. import diagnostics
from ..app.workspace import watch, workspace_model
from ..findings import Finding
from ..model import NETWORK_TYPES
from ..network import NetworkData, filter_network, load_network
from ..plots import FIGURES, build_figures, reading_of, tie_layout
from ..plots.style import NETWORK_LABELS
from ..store import Workspace
from .feedback import LABEL_STYLE, error_text, feedback_widget, guarded, message_html, show

__all__ = [
    "INSIDE_OPTIONS",
    "DashboardView",
    "Filters",
    "dashboard_state",
    "dashboard_view",
    "filter_summary",
    "reading_html",
    "tag_options",
]

#: The choices of the inside/outside filter: (label, value).
INSIDE_OPTIONS = (("inside and outside", "all"), ("inside my organisation", "inside"),
                  ("outside my organisation", "outside"))
#: The most tags offered in the tag filter (the most used first).
MAX_TAGS = 200
EMPTY_WORKSPACE = ("Your workspace has no contacts yet, so there is nothing to measure. Add "
                   "the people around your work in notebook 01_map_your_contacts, then run "
                   "this notebook again.")


@dataclass(frozen=True)
class Filters:
    """What the person chose to look at.

    ``types`` is the network types kept (all three keep every contact, the
    not-yet-classified ones too); ``inside`` is ``"all"``, ``"inside"`` or
    ``"outside"``; ``tags`` keeps contacts carrying any of them (none: all).
    """

    types: tuple[str, ...] = NETWORK_TYPES
    inside: str = "all"
    tags: tuple[str, ...] = ()

    def apply(self, net: NetworkData) -> NetworkData:
        """The part of *net* these filters keep.

        Examples
        --------
        >>> from leadnet_helpers.model import Contact, Profile
        >>> from leadnet_helpers.network import network_from
        >>> net = network_from(Profile("Ana"), [Contact("Bo", network_type="personal", id=1),
        ...                                     Contact("Cy", network_type="strategic", id=2)])
        >>> Filters(types=("strategic",)).apply(net).contacts["name"].tolist()
        ['Cy']
        """
        every_type = set(self.types) >= set(NETWORK_TYPES)
        if every_type and self.inside == "all" and not self.tags:
            return net
        inside = {"inside": True, "outside": False}.get(self.inside)
        return filter_network(net, types=None if every_type else list(self.types),
                              inside=inside, tags=list(self.tags) or None)


def tag_options(net: NetworkData, limit: int = MAX_TAGS) -> list[tuple[str, str]]:
    """The tags to filter by, as ``(label with count, tag)``: most used first, then by name.

    Tags that differ only in case are offered once (the filter ignores case).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(Profile("Ana"), [Contact("A", tags=("board", "alumni")),
    ...                                     Contact("B", tags=("Board",))])
    >>> tag_options(net)
    [('board (2)', 'board'), ('alumni (1)', 'alumni')]
    """
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for tags in net.contacts["tags"]:
        for tag in tags if isinstance(tags, tuple) else ():
            key = tag.casefold()
            first.setdefault(key, tag)
            counts[key] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(f"{first[key]} ({n:,})", first[key]) for key, n in ranked]


def filter_summary(filters: Filters, shown: int, total: int) -> str:
    """One plain sentence saying what the figures show.

    Examples
    --------
    >>> filter_summary(Filters(), 54, 54)
    'Showing all 54 contacts.'
    >>> filter_summary(Filters(types=("strategic",), inside="outside", tags=("board",)), 3, 54)
    'Showing 3 of 54 contacts: strategic network; outside your organisation; tagged board.'
    """
    if total == 0:
        return "No contacts yet."
    parts = []
    if not set(filters.types) >= set(NETWORK_TYPES):
        if filters.types:
            names = " and ".join(t for t in NETWORK_TYPES if t in filters.types)
            parts.append(f"{names} network{'s' if len(filters.types) > 1 else ''}")
        else:
            parts.append("no network type chosen")
    if filters.inside != "all":
        parts.append(f"{filters.inside} your organisation")
    if filters.tags:
        parts.append("tagged " + " or ".join(filters.tags))
    if not parts:
        return f"Showing all {total:,} contacts."
    return f"Showing {shown:,} of {total:,} contacts: {'; '.join(parts)}."


def reading_html(key: str, reading: str, finding: Finding | None = None) -> str:
    """The reading printed beneath a figure, escaped, with the gap's severity if any.

    Examples
    --------
    >>> reading_html("ego", "Mostly <inside>.")
    '<p class="leadnet-reading" data-figure="ego">Mostly &lt;inside&gt;.</p>'
    >>> f = Finding("balance", "t", 0.1, "Thin.", True, 0.8, "p", "s")
    >>> "gap, high" in reading_html("balance", "Thin.", f)
    True
    """
    text = html.escape(reading)
    if finding is not None and finding.is_gap:
        text = (f'<span class="leadnet-severity" style="font-weight:bold">'
                f"gap, {finding.severity_label}:</span> {text}")
    return f'<p class="leadnet-reading" data-figure="{html.escape(key)}">{text}</p>'


def dashboard_state(net: NetworkData, filters: Filters, *, today: date | None = None,
                    positions: dict[int, tuple[float, float]] | None = None,
                    ) -> tuple[NetworkData, list[Finding], dict[str, go.Figure]]:
    """Filter *net*, run the diagnostics and build every figure (what a redraw computes).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(Profile("Ana"), [Contact("Bo", network_type="strategic", id=1)])
    >>> shown, findings, figures = dashboard_state(net, Filters(types=("personal",)))
    >>> shown.size, sorted(figures) == sorted(FIGURES)
    (0, True)
    """
    shown = filters.apply(net)
    findings = diagnostics.all_findings(shown, today)
    figures = build_figures(shown, findings, today=today, positions=positions)
    return shown, findings, figures


def _finding_for(figure: go.Figure, findings: Sequence[Finding]) -> Finding | None:
    meta = figure.layout.meta
    key = meta.get("finding") if isinstance(meta, dict) else None
    return next((f for f in findings if f.key == key), None)


class _Panel(widgets.VBox):
    """One figure and its reading (a cheap ``repr``: no figure data)."""

    def __repr__(self) -> str:
        return f"Panel({self.key!r})"

    def __init__(self, key: str, figure: go.FigureWidget, reading: widgets.HTML) -> None:
        super().__init__([figure, reading], layout=widgets.Layout(margin="0 0 18px 0"))
        self.key = key
        self.add_class("leadnet-panel")
        self.add_class(f"leadnet-panel-{key}")


class DashboardView(widgets.VBox):
    """Filters and the dashboard's figures (see :data:`~leadnet_helpers.plots.FIGURES`).

    Show it whole, or show :attr:`filters` and each :meth:`panel` where the
    notebook explains it; all views stay in step.

    Attributes
    ----------
    figures : dict of go.FigureWidget
        The live figures, by key.
    last_redraw : float
        Seconds the last redraw took (filter, diagnostics, figures, update).
    """

    def __init__(self, ws: Workspace | None = None, *, net: NetworkData | None = None,
                 today: date | None = None) -> None:
        if ws is None and net is None:
            raise ValueError("give a workspace or a network")
        self.ws = ws
        self.today = today
        self.net = net if net is not None else load_network(ws)
        self.positions = tie_layout(self.net)
        self.last_redraw = 0.0
        self.current: NetworkData = self.net
        self.findings: list[Finding] = []
        self.feedback = feedback_widget()
        self.status = widgets.HTML()
        self.status.add_class("leadnet-dashboard-status")
        self.type_buttons = {
            t: widgets.ToggleButton(value=True, description=NETWORK_LABELS[t], icon="check",
                                    tooltip=f"Show or hide your {t} network",
                                    layout=widgets.Layout(width="auto", min_width="9em"))
            for t in NETWORK_TYPES}
        for t, button in self.type_buttons.items():
            button.add_class("leadnet-type-toggle")
            button.add_class(f"leadnet-type-{t}")
        self.inside = widgets.Dropdown(options=INSIDE_OPTIONS, value="all",
                                       description="Inside or outside", style=LABEL_STYLE,
                                       layout=widgets.Layout(width="30em"))
        self.inside.add_class("leadnet-dashboard-inside")
        self.tags = widgets.SelectMultiple(options=[], rows=5, description="Tags",
                                           style=LABEL_STYLE, layout=widgets.Layout(width="30em"))
        self.tags.add_class("leadnet-dashboard-tags")
        self.reset = widgets.Button(description="Show everyone", tooltip="Clear every filter",
                                    layout=widgets.Layout(width="12em", margin="4px 0 0 11em"))
        self.reset.add_class("leadnet-dashboard-reset")
        type_row = widgets.HBox([widgets.Label("Networks", layout=widgets.Layout(width="11em")),
                                 *self.type_buttons.values()])
        self.filters = widgets.VBox([type_row, self.inside, self.tags, self.reset, self.status,
                                     self.feedback])
        self.filters.add_class("leadnet-dashboard-filters")
        self.figures: dict[str, go.FigureWidget] = {}
        self.readings: dict[str, widgets.HTML] = {}
        self.panels: dict[str, _Panel] = {}
        for key in FIGURES:
            self.figures[key] = go.FigureWidget()
            self.readings[key] = widgets.HTML()
            self.panels[key] = _Panel(key, self.figures[key], self.readings[key])
        super().__init__([self.filters, *self.panels.values()])
        self.add_class("leadnet-dashboard")
        guard = guarded(self.feedback)
        for button in self.type_buttons.values():
            button.observe(guard(self._on_filter), names="value")
        self.inside.observe(guard(self._on_filter), names="value")
        self.tags.observe(guard(self._on_filter), names="value")
        self.reset.on_click(guard(self._on_reset))
        self._quiet = False
        if ws is not None:
            watch(workspace_model(ws), self.refresh)
        self._setup_filters()
        self.redraw()

    def __repr__(self) -> str:
        return f"DashboardView({self.net.size:,} contacts)"

    # ------------------------------------------------------------------ public

    def panel(self, key: str) -> widgets.VBox:
        """The figure *key* (one of :data:`~leadnet_helpers.plots.FIGURES`) with its reading."""
        if key not in self.panels:
            raise KeyError(f"no figure called {key!r}: choose one of {', '.join(FIGURES)}")
        return self.panels[key]

    @property
    def chosen(self) -> Filters:
        """The filters as currently set."""
        return Filters(types=tuple(t for t, b in self.type_buttons.items() if b.value),
                       inside=self.inside.value, tags=tuple(self.tags.value))

    def set_filters(self, filters: Filters) -> None:
        """Set every filter at once (one redraw), e.g. from a test or a coach's script."""
        self._quiet = True
        try:
            for t, button in self.type_buttons.items():
                button.value = t in filters.types
            self.inside.value = filters.inside
            valid = {value for _, value in self.tags.options}
            self.tags.value = tuple(t for t in filters.tags if t in valid)
        finally:
            self._quiet = False
        self.redraw()

    def refresh(self) -> None:
        """Reload the workspace (after a change elsewhere) and redraw."""
        if self.ws is None:
            return
        try:
            self.net = load_network(self.ws)
            self.positions = tie_layout(self.net)
            self._setup_filters()
            self.redraw()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def redraw(self) -> None:
        """Apply the filters, run the diagnostics and update every figure in place."""
        started = time.perf_counter()
        filters = self.chosen
        for t, button in self.type_buttons.items():
            button.icon = "check" if t in filters.types else ""
        shown, findings, figures = dashboard_state(self.net, filters, today=self.today,
                                                   positions=self.positions)
        self.current, self.findings = shown, findings
        for key, figure in figures.items():
            live = self.figures[key]
            with live.batch_update():
                live.update(data=figure.data, layout=figure.layout, overwrite=True)
            self.readings[key].value = reading_html(key, reading_of(figure),
                                                    _finding_for(figure, findings))
        if self.net.size == 0:
            self.status.value = message_html("info", EMPTY_WORKSPACE)
        elif shown.size == 0:
            self.status.value = message_html(
                "info", filter_summary(filters, 0, self.net.size)
                + " No contact matches: loosen a filter, or press Show everyone.")
        else:
            self.status.value = (f'<p class="leadnet-filter-summary" role="status">'
                                 f"{html.escape(filter_summary(filters, shown.size, self.net.size))}"
                                 "</p>")
        self.feedback.value = ""
        self.last_redraw = time.perf_counter() - started

    # ------------------------------------------------------------------ callbacks

    def _setup_filters(self) -> None:
        self._quiet = True
        try:
            options = tag_options(self.net)
            kept = tuple(t for t in self.tags.value if t in {v for _, v in options})
            self.tags.options = options
            self.tags.value = kept
            empty = self.net.size == 0
            for control in (*self.type_buttons.values(), self.inside, self.tags, self.reset):
                control.disabled = empty
            self.tags.layout.display = "none" if not options else ""
        finally:
            self._quiet = False

    def _on_filter(self, _change: dict) -> None:
        if not self._quiet:
            self.redraw()

    def _on_reset(self, _button: widgets.Button) -> None:
        self.set_filters(Filters())


def dashboard_view(ws: Workspace | None = None, *, net: NetworkData | None = None,
                   today: date | None = None) -> DashboardView:
    """The gaps dashboard of *ws* (or of a ready-made *net*).

    Parameters
    ----------
    ws : Workspace, optional
        The workspace to read (kept in step with changes made in other views).
    net : NetworkData, optional
        A network to show instead (e.g. a filtered or hand-made one).
    today : date, optional
        The day time-based measures count from (default: today).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(Profile("Ana"), [Contact("Bo", network_type="strategic", id=1)])
    >>> view = dashboard_view(net=net)
    >>> view.set_filters(Filters(types=("personal",)))
    >>> view.current.size, "Showing 0 of 1" in view.status.value
    (0, True)
    """
    return DashboardView(ws, net=net, today=today)
