"""The gaps dashboard: filters on top, every figure with its one-line reading beneath.

Changing a filter (network type, inside or outside the organisation, tags)
narrows the network with :func:`~leadnet_helpers.network.filter_network`,
runs the diagnostics on what is left and redraws each figure in its place:
each panel is a :class:`~leadnet_helpers.widgets.figure_panel.FigurePanel` that
holds the figure's JSON (:func:`~leadnet_helpers.app.dashboard.figure_output`),
drawn by LeadNet's renderer with the plotly.js JupyterLab and Voilà load once per
page, and updated where it stands at a filter change
(:mod:`~leadnet_helpers.app.figure_renderer`). (Not
plotly ``FigureWidget`` objects: each shipped its own 5 MB copy of plotly.js,
and Voilà showed them empty.) Contacts keep their place on the who-knows-whom
map when filters change: its layout is computed once, for the whole network.
The last panel, the gap list, is an HTML table
(:func:`~leadnet_helpers.app.dashboard.gap_list_output`), which a screen reader reads.

The logic the view runs (:func:`filter_summary`, :func:`tag_options`,
:func:`reading_html`) is plain functions, tested
without a browser.
"""

from __future__ import annotations

import html
import time
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date

import ipywidgets as widgets
import plotly.graph_objects as go

from ..app.dashboard import (
    EMPTY_WORKSPACE,
    INSIDE_OPTIONS,
    KEPT_REDRAWS,
    Dashboard,
    Filters,
    figure_output,
    gap_list_output,
)
from ..app.idle_steps import IdleSteps
from ..app.workspace import watch
from ..findings import Finding
from ..model import NETWORK_TYPES
from ..network import NetworkData
from ..plots import FIGURES, PLOTTED, gap_list_reading, reading_of
from ..plots.style import NETWORK_LABELS
from ..store import Workspace
from .feedback import LABEL_STYLE, error_text, feedback_widget, guarded, message_html, show
from .figure_panel import FigurePanel, OutputPanel, panel_for

__all__ = [
    "AHEAD_AFTER",
    "DRAWN_PER_SECOND",
    "DashboardView",
    "Filters",
    "dashboard_view",
    "reading_html",
]

#: Seconds after a redraw before the kernel starts working out the filter choices one click
#: away (:meth:`DashboardView.work_ahead`), plus a second per :data:`DRAWN_PER_SECOND`
#: characters of figure JSON sent: the page draws the figures just sent first (on a 2-core
#: machine the kernel's work would hold the page's drawing up).
AHEAD_AFTER = 0.3
#: About how much figure JSON a page draws in a second (headless Chromium, 2 cores: the
#: 30,000-contact dashboard, 3.2 MB, drawn in 0.5-1.5 s).
DRAWN_PER_SECOND = 3_000_000


def reading_html(key: str, reading: str, finding: Finding | None = None, basis: str = "") -> str:
    """The reading printed beneath a figure, escaped, with the gap's severity if any, and
    on how many decided and guessed contacts it rests (*basis*, :mod:`leadnet_helpers.basis`).

    Examples
    --------
    >>> reading_html("ego", "Mostly <inside>.")
    '<p class="leadnet-reading" data-figure="ego">Mostly &lt;inside&gt;.</p>'
    >>> f = Finding("balance", "t", 0.1, "Thin.", True, 0.8, "p", "s")
    >>> "gap, high" in reading_html("balance", "Thin.", f)
    True
    >>> reading_html("ego", "Mostly inside.", basis="Rests on 3 contacts: 3 decided, 0 guessed.")
    ... # doctest: +ELLIPSIS
    '<p ...>Mostly inside.<br><span class="leadnet-reading-basis">Rests on 3 contacts: ...</span></p>'
    """
    text = html.escape(reading)
    if finding is not None and finding.is_gap:
        text = (
            f'<span class="leadnet-severity" style="font-weight:bold">'
            f"gap, {finding.severity_label}:</span> {text}"
        )
    if basis:
        text += f'<br><span class="leadnet-reading-basis">{html.escape(basis)}</span>'
    return f'<p class="leadnet-reading" data-figure="{html.escape(key)}">{text}</p>'


def _finding_for(figure: go.Figure, findings: Sequence[Finding]) -> Finding | None:
    meta = figure.layout.meta
    key = meta.get("finding") if isinstance(meta, dict) else None
    return next((f for f in findings if f.key == key), None)


class _Reading:
    """The reading shown beneath a figure (its HTML, as :func:`reading_html` writes it)."""

    def __init__(self) -> None:
        self.value = ""


class DashboardView(widgets.VBox):
    """Filters and the dashboard's figures (see :data:`~leadnet_helpers.plots.FIGURES`).

    Show it whole, or show :attr:`filters` and each :meth:`panel` where the
    notebook explains it; all views stay in step.

    Attributes
    ----------
    figures : dict of go.Figure
        The figures drawn last, by key (every panel but the gap list, a table of text).
    panels : dict of FigurePanel or OutputPanel
        Where each figure and its reading are drawn (the same widgets from redraw to
        redraw; each panel's ``outputs`` is what it shows, as two outputs).
    readings : dict
        Each figure's reading, as HTML (``.value``).
    last_redraw : float
        Seconds the last redraw took (filter, diagnostics, figures, update).
    """

    def __init__(
        self,
        ws: Workspace | None = None,
        *,
        net: NetworkData | None = None,
        today: date | None = None,
    ) -> None:
        if ws is None and net is None:
            raise ValueError("give a workspace or a network")
        self.ws = ws
        self.today = today
        self.model = Dashboard(ws, net=net, today=today)
        self.last_redraw = 0.0
        # each figure's output, kept while the model keeps the figure (a filter choice made
        # again is sent without turning its figures into JSON again)
        self._sent: OrderedDict[int, tuple[go.Figure, dict]] = OrderedDict()
        self._ahead = IdleSteps()  # the filter choices one click away, worked out ahead
        self.current: NetworkData = self.net
        self.findings: list[Finding] = []
        self.feedback = feedback_widget()
        self.status = widgets.HTML()
        self.status.add_class("leadnet-dashboard-status")
        self.type_buttons = {
            t: widgets.ToggleButton(
                value=True,
                description=NETWORK_LABELS[t],
                icon="check",
                tooltip=f"Show or hide your {t} network",
                layout=widgets.Layout(width="auto", min_width="9em"),
            )
            for t in NETWORK_TYPES
        }
        for t, button in self.type_buttons.items():
            button.add_class("leadnet-type-toggle")
            button.add_class(f"leadnet-type-{t}")
        self.inside = widgets.Dropdown(
            options=INSIDE_OPTIONS,
            value="all",
            description="Inside or outside",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="30em"),
        )
        self.inside.add_class("leadnet-dashboard-inside")
        self.tags = widgets.SelectMultiple(
            options=[],
            rows=5,
            description="Tags",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="30em"),
        )
        self.tags.add_class("leadnet-dashboard-tags")
        self.reset = widgets.Button(
            description="Show everyone",
            tooltip="Clear every filter",
            layout=widgets.Layout(width="12em", margin="4px 0 0 11em"),
        )
        self.reset.add_class("leadnet-dashboard-reset")
        type_row = widgets.HBox(
            [
                widgets.Label("Networks", layout=widgets.Layout(width="11em")),
                *self.type_buttons.values(),
            ]
        )
        self.filters = widgets.VBox(
            [type_row, self.inside, self.tags, self.reset, self.status, self.feedback]
        )
        self.filters.add_class("leadnet-dashboard-filters")
        self.figures: dict[str, go.Figure] = {}
        self.readings: dict[str, _Reading] = {key: _Reading() for key in FIGURES}
        spaced = widgets.Layout(margin="0 0 18px 0")  # one layout model for every panel
        # one widget per panel, not a box of a figure and an HTML widget: every widget is a
        # model the page loads from the kernel (Voilà loads them all before it draws)
        self.panels: dict[str, FigurePanel | OutputPanel] = {
            key: panel_for(key, spaced, figure=key in PLOTTED) for key in FIGURES
        }
        super().__init__([self.filters, *self.panels.values()])
        self.add_class("leadnet-dashboard")
        guard = guarded(self.feedback)
        for t, button in self.type_buttons.items():
            button.observe(
                guard(lambda change, t=t: self._on_type(t, change["new"])), names="value"
            )
        self.inside.observe(
            guard(lambda change: self.model.change(inside=change["new"])), names="value"
        )
        self.tags.observe(
            guard(lambda change: self.model.change(tags=tuple(change["new"]))), names="value"
        )
        self.reset.on_click(guard(lambda _b: self.model.reset()))
        # the view follows the model: a change of the filters redraws (once), a change of
        # the workspace reads the analysis again
        watch(self.model, self._on_filters, names="filters")
        watch(self.model, self.refresh)
        self._setup_filters()
        self.redraw()

    @property
    def net(self) -> NetworkData:
        """The whole network shown (the model's)."""
        return self.model.net

    @property
    def positions(self) -> dict[int, tuple[float, float]]:
        """Where the ties figure puts each contact (kept from redraw to redraw)."""
        return self.model.positions

    def __repr__(self) -> str:
        return f"DashboardView({self.net.size:,} contacts)"

    @property
    def outputs(self) -> dict[str, FigurePanel | OutputPanel]:
        """The panels (:attr:`panels`), by the name each panel's ``outputs`` goes with."""
        return self.panels

    # ------------------------------------------------------------------ public

    def panel(self, key: str) -> FigurePanel | OutputPanel:
        """The figure *key* (one of :data:`~leadnet_helpers.plots.FIGURES`) with its reading."""
        if key not in self.panels:
            raise KeyError(f"no figure called {key!r}: choose one of {', '.join(FIGURES)}")
        return self.panels[key]

    @property
    def chosen(self) -> Filters:
        """The filters as currently set."""
        return self.model.filters

    def set_filters(self, filters: Filters) -> None:
        """Set every filter at once (one redraw), e.g. from a test or a coach's script."""
        self.model.filters = filters

    def refresh(self) -> None:
        """Show the workspace's analysis again (after a change elsewhere) and redraw."""
        try:
            self._setup_filters()
            self.redraw()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def redraw(self) -> None:
        """Apply the filters, run the diagnostics and draw every figure again, in its place."""
        started = time.perf_counter()
        filters = self.chosen
        for t, button in self.type_buttons.items():
            button.icon = "check" if t in filters.types else ""
        made = self.model.redraw()
        shown, findings = made.analysis.network, list(made.analysis.findings)
        self.current, self.findings = shown, findings
        self._show_status(shown)
        basis = made.analysis.basis.line()  # on how many decided and guessed contacts each rests
        sent = 0  # characters of figure JSON sent
        # each panel is sent as soon as its figure is made: the page draws it while the
        # kernel makes the next one
        for key in FIGURES:
            figure = made.figure(key) if key in PLOTTED else None
            if figure is not None:
                said, shown_as = reading_of(figure), self._output_of(figure)
                reading = reading_html(key, said, _finding_for(figure, findings), basis)
                sent += sum(len(v) for v in shown_as["data"].values() if isinstance(v, str))
            else:  # the gap list: a table of text
                said, shown_as = gap_list_reading(findings), gap_list_output(findings)
                reading = reading_html(key, said, None, basis)
            self.readings[key].value = reading
            self.panels[key].show(
                shown_as,
                {
                    "output_type": "display_data",
                    "metadata": {},
                    "data": {"text/html": reading, "text/plain": f"{said}\n{basis}"},
                },
            )
        self.figures = made.figures()  # all made by now
        self.feedback.value = ""
        self.last_redraw = time.perf_counter() - started
        # in a kernel: while the person looks, work out what one more click would show
        self._ahead.start(self.work_ahead, delay=AHEAD_AFTER + sent / DRAWN_PER_SECOND)

    def work_ahead(self) -> bool:
        """Make one figure (and its output) of a filter choice one click away
        (:meth:`~leadnet_helpers.app.dashboard.Dashboard.neighbours`): the first click on a
        network then only sends what is made. Returns whether more is left to make.

        A redraw runs it in a kernel, a step at a time while the kernel is idle
        (:class:`~leadnet_helpers.app.idle_steps.IdleSteps`): a click waits for one figure
        at most.

        Examples
        --------
        >>> from leadnet_helpers.personas import open_sample
        >>> view = dashboard_view(open_sample("ana-lucia-ferreira"), today=date(2026, 11, 21))
        >>> steps = 0
        >>> while view.work_ahead():
        ...     steps += 1
        >>> steps  # three networks to switch off, six figures each
        18
        >>> ahead = view.model.redraw(Filters(types=("personal", "strategic"))).made["ego"]
        >>> view.set_filters(Filters(types=("personal", "strategic")))
        >>> view.figures["ego"] is ahead  # made ahead: only sent
        True
        """
        if self.net.size == 0:
            return False
        for filters in self.model.neighbours():
            made = self.model.redraw(filters)
            for key in PLOTTED:
                figure = made.made.get(key)
                kept = None if figure is None else self._sent.get(id(figure))
                if kept is None or kept[0] is not figure:
                    self._output_of(made.figure(key))
                    return True
        return False

    def _show_status(self, shown: NetworkData) -> None:
        """Say what the figures show (first: the figures follow)."""
        if self.net.size == 0:
            self.status.value = message_html("info", EMPTY_WORKSPACE)
        elif shown.size == 0:
            self.status.value = message_html(
                "info",
                self.model.summary(0)
                + " No contact matches: loosen a filter, or press Show everyone.",
            )
        else:
            self.status.value = (
                f'<p class="leadnet-filter-summary" role="status">'
                f"{html.escape(self.model.summary(shown.size))}"
                "</p>"
            )

    def _output_of(self, figure: go.Figure) -> dict:
        """:func:`figure_output` of *figure*, made once per figure the model keeps."""
        kept = self._sent.get(id(figure))
        if kept is None or kept[0] is not figure:
            kept = self._sent[id(figure)] = (figure, figure_output(figure))
        self._sent.move_to_end(id(figure))
        while len(self._sent) > len(FIGURES) * KEPT_REDRAWS:
            self._sent.popitem(last=False)
        return kept[1]

    # ------------------------------------------------------------------ callbacks

    def _setup_filters(self) -> None:
        """Show the model's filters and the tags there are (the handlers see no change)."""
        options = self.model.tag_options()
        if list(self.tags.options) != options:
            self.tags.options = options
        self._show_filters()
        empty = self.net.size == 0
        for control in (*self.type_buttons.values(), self.inside, self.tags, self.reset):
            control.disabled = empty
        self.tags.layout.display = "none" if not options else ""

    def _show_filters(self) -> None:
        filters = self.model.filters
        for t, button in self.type_buttons.items():
            button.value = t in filters.types
        self.inside.value = filters.inside
        self.tags.value = filters.tags

    def _on_type(self, network_type: str, shown: bool) -> None:
        kept = set(self.model.filters.types) - {network_type} | ({network_type} if shown else set())
        self.model.change(types=tuple(t for t in NETWORK_TYPES if t in kept))

    def _on_filters(self) -> None:
        try:
            self._show_filters()
            self.redraw()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))


def dashboard_view(
    ws: Workspace | None = None, *, net: NetworkData | None = None, today: date | None = None
) -> DashboardView:
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
