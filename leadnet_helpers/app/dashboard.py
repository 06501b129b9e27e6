"""The gaps dashboard of notebook 03: filters -> the analysis of what they keep -> figures.

A :class:`Dashboard` holds what the person chose to look at (:class:`Filters`,
a trait views observe) over the workspace's analysis
(:func:`~leadnet_helpers.analysis.analysis_of`, read again whenever a view
changes the workspace). :meth:`Dashboard.redraw` is what a redraw computes
(:class:`Redraw`): the analysis of the part kept
(:meth:`~leadnet_helpers.analysis.Analysis.filtered`) and each figure of it, made as a
view asks for it; :func:`figure_output`
is how a view shows a figure: as a plotly figure's JSON under the mime type of
LeadNet's own renderer (:mod:`~leadnet_helpers.app.figure_renderer`: each figure
drawn once, with the plotly.js JupyterLab and Voilà load once per page), not as a
widget shipping plotly.js per figure.

Examples
--------
>>> from leadnet_helpers.personas import open_sample
>>> board = Dashboard(open_sample("ana-lucia-ferreira"), today="2026-11-21")
>>> seen = []
>>> board.observe(lambda change: seen.append(change["new"]), names="filters")
>>> board.filters = Filters(types=("strategic",))
>>> shown = board.redraw().analysis
>>> shown.network.size, len(seen), board.summary(shown.network.size)
(6, 1, 'Showing 6 of 54 contacts: strategic network.')
"""

from __future__ import annotations

import dataclasses
import json
import math
import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import numpy as np
import plotly.graph_objects as go
from traitlets import HasTraits, Instance, Int, validate

from ..analysis import Analysis, analyse, analysis_of
from ..findings import Finding
from ..model import NETWORK_TYPES
from ..network import NetworkData, filter_network
from ..plots import PLOTTED, build_figures, tie_layout
from ..plots.gaps import TITLE as GAP_TITLE
from ..plots.gaps import gap_list_html, gap_list_reading
from ..plots.style import title_in_legend
from .figure_renderer import LEADNET_FIGURE_MIME, PLOTLY_MIME, figure_mime, plotlyjs_version
from .workspace import watch, workspace_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "EMPTY_WORKSPACE",
    "INSIDE_OPTIONS",
    "KEPT_REDRAWS",
    "MAX_TAGS",
    "PLOT_CONFIG",
    "Dashboard",
    "Filters",
    "Redraw",
    "figure_output",
    "figure_spec",
    "filter_summary",
    "gap_list_output",
    "plain_json",
    "tag_options",
    "work_out_ahead",
]

#: The choices of the inside/outside filter: (label, value).
INSIDE_OPTIONS = (
    ("inside and outside", "all"),
    ("inside my organisation", "inside"),
    ("outside my organisation", "outside"),
)
#: The most tags offered in the tag filter (the most used first).
MAX_TAGS = 200
#: How many filter choices' redraws a dashboard keeps: the one shown, those one click away
#: (:meth:`Dashboard.neighbours`, which a view may work out ahead) and one more. Choosing one
#: of them again (a network switched off then on again) shows it without working it out
#: again (0.3 s at 30,000 contacts). Read again from scratch when the workspace changes.
KEPT_REDRAWS = 5
#: What the dashboard says when the workspace has no contacts.
EMPTY_WORKSPACE = (
    "Your workspace has no contacts yet, so there is nothing to measure. Add "
    "the people around your work in notebook 01_map_your_contacts, then run "
    "this notebook again."
)
#: plotly.js options of the dashboard's figures: no plotly logo. Not ``responsive``: the
#: renderer already fits a figure to its output's width when the page lays it out, and with
#: ``responsive`` a resize before the output had its height (the first figure of a page, in
#: Voilà) collapsed the figure to 0 px high.
PLOT_CONFIG = {"displaylogo": False}


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
        >>> net = network_from(
        ...     Profile("Ana"),
        ...     [
        ...         Contact("Bo", network_type="personal", id=1),
        ...         Contact("Cy", network_type="strategic", id=2),
        ...     ],
        ... )
        >>> Filters(types=("strategic",)).apply(net).contacts["name"].tolist()
        ['Cy']
        """
        every_type = set(self.types) >= set(NETWORK_TYPES)
        if every_type and self.inside == "all" and not self.tags:
            return net
        inside = {"inside": True, "outside": False}.get(self.inside)
        return filter_network(
            net,
            types=None if every_type else list(self.types),
            inside=inside,
            tags=list(self.tags) or None,
        )


def tag_options(net: NetworkData, limit: int = MAX_TAGS) -> list[tuple[str, str]]:
    """The tags to filter by, as ``(label with count, tag)``: most used first, then by name.

    Tags that differ only in case are offered once (the filter ignores case).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"), [Contact("A", tags=("board", "alumni")), Contact("B", tags=("Board",))]
    ... )
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


def figure_output(figure: go.Figure) -> dict[str, Any]:
    """*figure* as one notebook output: the figure's JSON, with its title as plain text.

    Sent under :func:`~leadnet_helpers.app.figure_renderer.figure_mime` (LeadNet's
    renderer, or plotly's own where LeadNet's is not installed): JupyterLab and Voilà
    load plotly.js once per page. A view shows it by setting an ``ipywidgets.Output``'s
    ``outputs`` (redrawn when the filters change). The figure's own dict made plain
    (:func:`plain_json`): no ``plotly.io`` renderers (nbformat, jsonschema: seconds), and
    several times faster than ``fig.to_json()`` at 30,000 contacts.

    LeadNet's renderer gets the JSON as one string of text (:func:`figure_spec` reads
    it back): the widget messages and the page's output models then carry and copy one
    string, where a 30,000-contact map would be hundreds of thousands of values, each
    walked by ipywidgets in the kernel and copied by the page. plotly's own renderer
    gets the JSON itself. The output's metadata tells LeadNet's renderer which plotly.js
    version the figure was made for (:func:`~leadnet_helpers.app.figure_renderer.plotlyjs_version`).

    Examples
    --------
    >>> fig = go.Figure({"data": [{"type": "bar", "y": [1, 2]}], "layout": {"title": "Mix <b>"}})
    >>> out = figure_output(fig)
    >>> out["output_type"], out["data"]["text/plain"], figure_spec(out)["data"][0]["y"]
    ('display_data', 'Figure: Mix <b>', [1, 2])
    >>> figure_spec(out)["config"]["displaylogo"]
    False
    """
    # the figure's own dicts, not to_plotly_json()'s deep copy of them: plain_json copies
    spec = plain_json({"data": figure._data, "layout": figure._layout})
    title = spec.get("layout", {}).get("title", {})
    text = title.get("text", "") if isinstance(title, dict) else str(title)
    title_in_legend(spec)  # pages may be narrow: a wrapping legend must not meet the title
    spec["config"] = dict(PLOT_CONFIG)
    mime = figure_mime()
    sent: Any = spec
    metadata: dict[str, Any] = {}
    if mime == LEADNET_FIGURE_MIME:
        sent = json.dumps(spec, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        # the plotly.js the figure was made for: the renderer's basic build draws it only if
        # that is the build's version
        metadata[mime] = {"plotlyjs": plotlyjs_version()}
    return {
        "output_type": "display_data",
        "metadata": metadata,
        "data": {mime: sent, "text/plain": f"Figure: {text}".rstrip(": ")},
    }


def gap_list_output(findings: Iterable[Finding]) -> dict[str, Any]:
    """The gap list as one notebook output: its HTML table, and its reading as plain text.

    Examples
    --------
    >>> out = gap_list_output([])
    >>> "leadnet-gap-list" in out["data"]["text/html"], out["data"]["text/plain"]
    (True, 'Your gaps, the most severe first: no gaps found in the contacts shown.')
    """
    found = list(findings)
    said = gap_list_reading(found)
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {
            "text/html": gap_list_html(found),
            "text/plain": f"{GAP_TITLE}: {said[0].lower()}{said[1:]}",
        },
    }


def figure_spec(output: dict[str, Any]) -> dict[str, Any]:
    """The figure JSON (data, layout, config) of a :func:`figure_output` output, whichever
    renderer it was sent to.

    Examples
    --------
    >>> out = figure_output(go.Figure({"data": [{"type": "bar", "y": [3]}]}))
    >>> figure_spec(out)["data"][0]["y"]
    [3]
    """
    data = output["data"]
    sent = data.get(LEADNET_FIGURE_MIME, data.get(PLOTLY_MIME))
    if sent is None:
        raise KeyError("not a figure output: it holds no figure JSON")
    return json.loads(sent) if isinstance(sent, str) else sent


def plain_json(value: Any) -> Any:
    """*value* (a figure's dict) as plain JSON values, as ``json.loads(fig.to_json())`` reads.

    Arrays become lists, NaN and infinities ``None``, dates ISO text.

    Examples
    --------
    >>> plain_json({"x": np.array([1.0, np.nan]), "d": [date(2026, 1, 2)], "n": np.int64(3)})
    {'x': [1.0, None], 'd': ['2026-01-02'], 'n': 3}
    >>> plain_json(np.array(["<b>Bo</b>", ""], dtype=str))
    ['<b>Bo</b>', '']
    """
    if isinstance(value, dict):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "iubU" or (value.dtype.kind == "f" and np.isfinite(value).all()):
            return value.tolist()
        if value.dtype.kind == "f":  # gaps (NaN) become null, all at once
            kept = value.astype(object)
            kept[~np.isfinite(value)] = None
            return kept.tolist()
        items = value.tolist()
        if value.dtype.kind == "O" and all(type(item) is str for item in items):
            return items  # names and hover text: already plain, no walk item by item
        return [plain_json(item) for item in items]
    if isinstance(value, (list, tuple)):
        return [plain_json(item) for item in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "tolist"):  # numpy scalars, pandas series and indexes
        return plain_json(value.tolist())
    return value


# The whole dashboard of a workspace worked out ahead (:func:`work_out_ahead`): the analysis
# it was worked out from, the ties figure's positions and every figure; the workspaces whose
# first dashboard was made (nothing more to do ahead for them); the lock held meanwhile.
_ahead: weakref.WeakKeyDictionary[Any, tuple[Analysis, dict, dict[str, go.Figure]]] = (
    weakref.WeakKeyDictionary()
)
_made: weakref.WeakSet[Any] = weakref.WeakSet()
_ahead_lock = threading.Lock()


def work_out_ahead(ws: Workspace) -> bool:
    """Work the dashboard of *ws* out ahead, for the first :class:`Dashboard` made of it.

    The kernel of notebook 03 calls it in its preload thread (:mod:`.preload`) while the
    page loads, with everything shown: the analysis of today
    (:func:`~leadnet_helpers.analysis.analysis_of`), the ties figure's positions and every
    figure. The :class:`Dashboard` takes them only if they were worked out from the very
    analysis it reads (the same object, which :func:`~leadnet_helpers.analysis.analysis_of`
    hands back until the workspace changes): a contact added or a decision made meanwhile,
    from any notebook, and it works everything out again. A Dashboard made while this runs
    waits for it. Returns whether it did the work (not when a dashboard of *ws* was made
    already).

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample("ana-lucia-ferreira")
    >>> work_out_ahead(ws)
    True
    >>> figures = _ahead[ws][2]
    >>> made = Dashboard(ws).redraw().made  # taken, not worked out again
    >>> all(made[key] is figures[key] for key in figures)
    True
    >>> work_out_ahead(ws)  # its dashboard was made: nothing to do ahead
    False
    """
    with _ahead_lock:
        if ws in _made:
            return False
        analysis = analysis_of(ws)
        positions = tie_layout(analysis.network)
        figures = build_figures(
            analysis.network, list(analysis.findings), today=analysis.today, positions=positions
        )
        _ahead[ws] = (analysis, positions, figures)
        return True


def _take_ahead(ws: Workspace, analysis: Analysis) -> tuple[dict, dict[str, go.Figure]] | None:
    """What :func:`work_out_ahead` made of *ws*, if made from *analysis*; once."""
    with _ahead_lock:  # waits for a preload working it out now
        _made.add(ws)
        ahead = _ahead.pop(ws, None)
    if ahead is None or ahead[0] is not analysis:
        return None
    return ahead[1], ahead[2]


class Redraw:
    """What the dashboard shows for one choice of filters: the analysis of the part kept,
    and its figures, each made the first time it is asked for.

    A view sends each figure as soon as it is made (:meth:`figure`), so the page draws the
    first ones while the kernel works the next ones out; a choice made again finds them
    all made.

    Parameters
    ----------
    analysis : Analysis
        The analysis of the part the filters keep.
    positions : dict
        Where the who-knows-whom map puts each contact (those of the whole network).
    figures : dict of go.Figure, optional
        Figures already made (e.g. worked out ahead), by key.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> made = Redraw(analysis_of(open_sample("ana-lucia-ferreira"), "2026-11-21"), {})
    >>> made.figure("balance") is made.figure("balance"), sorted(made.made)
    (True, ['balance'])
    >>> list(made.figures()) == list(PLOTTED)
    True
    """

    def __init__(
        self,
        analysis: Analysis,
        positions: dict[int, tuple[float, float]],
        figures: dict[str, go.Figure] | None = None,
    ) -> None:
        self.analysis = analysis
        self.positions = positions
        self.made: dict[str, go.Figure] = dict(figures or {})

    def figure(self, key: str) -> go.Figure:
        """The figure *key* (one of :data:`~leadnet_helpers.plots.PLOTTED`), made once."""
        made = self.made.get(key)
        if made is None:
            shown = self.analysis
            made = self.made[key] = build_figures(
                shown.network,
                list(shown.findings),
                today=shown.today,
                positions=self.positions,
                only=(key,),
            )[key]
        return made

    def figures(self) -> dict[str, go.Figure]:
        """Every figure, in the dashboard's order (those not made yet made now)."""
        return {key: self.figure(key) for key in PLOTTED}


class Dashboard(HasTraits):
    """The dashboard's state: the filters chosen, over the workspace's analysis.

    Attributes
    ----------
    filters : Filters
        What the person chose to look at (observe it to redraw).
    revision : int
        Bumped when the analysis was read again after a change of the workspace.
    analysis : Analysis
        The analysis of the whole network.
    """

    filters = Instance(Filters, args=())
    revision = Int(0, help="bumped when the workspace's analysis was read again")

    def __init__(
        self,
        ws: Workspace | None = None,
        *,
        net: NetworkData | None = None,
        today: date | str | None = None,
    ) -> None:
        if ws is None and net is None:
            raise ValueError("give a workspace or a network")
        super().__init__()
        self.ws, self.today = ws, today
        if net is not None:
            self.analysis: Analysis = analyse(net, today)
        else:
            assert ws is not None  # checked above
            self.analysis = analysis_of(ws, today)
        # the latest redraws (:meth:`redraw`), by filters, the newest last
        self._redraws: OrderedDict[Filters, Redraw] = OrderedDict()
        ahead = None if ws is None else _take_ahead(ws, self.analysis)
        if ahead is not None:  # worked out from this very analysis: current
            self.positions: dict[int, tuple[float, float]] = ahead[0]
            self._redraws[Filters()] = Redraw(self.analysis, self.positions, ahead[1])
        else:
            self.positions = tie_layout(self.analysis.network)
        if ws is not None:
            watch(workspace_model(ws), self.reload)

    @property
    def net(self) -> NetworkData:
        """The whole network."""
        return self.analysis.network

    def reload(self) -> None:
        """Read the workspace's analysis again (after a change); keep the filters that still apply."""
        if self.ws is None:
            return
        self.analysis = analysis_of(self.ws, self.today)
        self.positions = tie_layout(self.analysis.network)
        self._redraws.clear()
        self.filters = self._known(self.filters)
        self.revision += 1

    @validate("filters")
    def _valid(self, proposal: Any) -> Filters:
        return self._known(proposal["value"])

    def _known(self, filters: Filters) -> Filters:
        """*filters* with its types in their usual order (the same choice compares equal, so
        it draws once) and without the tags no contact carries (any more)."""
        types = tuple(t for t in NETWORK_TYPES if t in filters.types)
        if types != filters.types:
            filters = dataclasses.replace(filters, types=types)
        if not filters.tags or not hasattr(self, "analysis"):
            return filters
        offered = {value for _, value in self.tag_options()}
        return dataclasses.replace(filters, tags=tuple(t for t in filters.tags if t in offered))

    def tag_options(self) -> list[tuple[str, str]]:
        """The tags to filter by (:func:`tag_options`)."""
        return tag_options(self.net)

    def change(self, **fields: Any) -> None:
        """Change some filters (``types``, ``inside``, ``tags``); no change, no redraw."""
        self.filters = dataclasses.replace(self.filters, **fields)

    def reset(self) -> None:
        """Show everyone again."""
        self.filters = Filters()

    def shown(self, filters: Filters | None = None) -> Analysis:
        """The analysis of the part the filters (or *filters*) keep."""
        f = self.filters if filters is None else filters
        every_type = set(f.types) >= set(NETWORK_TYPES)
        if every_type and f.inside == "all" and not f.tags:
            return self.analysis
        return self.analysis.filtered(
            types=None if every_type else list(f.types),
            inside={"inside": True, "outside": False}.get(f.inside),
            tags=list(f.tags) or None,
        )

    def redraw(self, filters: Filters | None = None) -> Redraw:
        """What a redraw of the filters chosen (or of *filters*, e.g. one click away, worked
        out ahead) shows: the analysis of the part kept, and its figures as they are asked
        for (:class:`Redraw`).

        The last :data:`KEPT_REDRAWS` filter choices' are kept (until the workspace
        changes), the one chosen always: the same choice again gives the same analysis and
        figures, at once.

        Examples
        --------
        >>> from leadnet_helpers.personas import open_sample
        >>> board = Dashboard(open_sample("ana-lucia-ferreira"), today="2026-11-21")
        >>> first = board.redraw()
        >>> board.change(types=("personal",))
        >>> board.redraw().analysis.network.size
        11
        >>> board.reset()
        >>> board.redraw() is first
        True
        >>> board.redraw(Filters(types=("personal",))).analysis.network.size  # kept: at once
        11
        """
        key = self.filters if filters is None else self._known(filters)
        made = self._redraws.get(key)
        if made is None:
            made = self._redraws[key] = Redraw(self.shown(key), self.positions)
        self._redraws.move_to_end(key)
        if key != self.filters and self.filters in self._redraws:
            self._redraws.move_to_end(self.filters)  # the one shown is the last dropped
        while len(self._redraws) > KEPT_REDRAWS:
            self._redraws.popitem(last=False)
        return made

    def neighbours(self) -> list[Filters]:
        """The filter choices one click away: each network switched off (or on again), and
        every filter cleared (Show everyone); what a view may work out ahead.

        Examples
        --------
        >>> from leadnet_helpers.personas import open_sample
        >>> board = Dashboard(open_sample("ana-lucia-ferreira"), today="2026-11-21")
        >>> [f.types for f in board.neighbours()]
        [('personal', 'strategic'), ('operational', 'strategic'), ('operational', 'personal')]
        >>> board.change(types=("personal", "strategic"))
        >>> [f.types for f in board.neighbours()]  # operational on again, or one more off
        [('operational', 'personal', 'strategic'), ('strategic',), ('personal',)]
        """
        f = self.filters
        toggled = [
            dataclasses.replace(
                f, types=tuple(t for t in NETWORK_TYPES if (t in f.types) != (t == o))
            )
            for o in NETWORK_TYPES
        ]
        near = [c for c in toggled if c.types] + [Filters()]
        return [c for c in dict.fromkeys(near) if c != f]

    def summary(self, shown: int) -> str:
        """One plain sentence saying what the figures show (:func:`filter_summary`)."""
        return filter_summary(self.filters, shown, self.net.size)
