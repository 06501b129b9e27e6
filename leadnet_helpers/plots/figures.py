"""All the dashboard's figures at once, each fed the finding it reads from.

The dashboard's last panel, the gap list, is a table of text rather than a figure
(:func:`~leadnet_helpers.plots.gaps.gap_list_html`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

import plotly.graph_objects as go

from ..findings import Finding
from ..network import NetworkData
from .balance import BALANCE_KEYS, balance_figure
from .diversity import DIVERSITY_KEYS, diversity_figure
from .ego import EGO_KEYS, ego_map_figure
from .give_take import GIVE_TAKE_KEYS, give_take_figure
from .keep_warm import KEEP_WARM_KEYS, keep_warm_figure
from .style import pick_finding, scatter_type
from .who_knows_whom import TIES_KEYS, who_knows_whom_figure

__all__ = ["FIGURES", "GAP_LIST", "PLOTTED", "build_figures", "needs_webgl"]

#: The dashboard's panels in order: key and plain title.
FIGURES: dict[str, str] = {
    "balance": "Balance against your target",
    "ego": "Ego map",
    "ties": "Who knows whom",
    "keep_warm": "Keeping warm",
    "give_take": "Give and take",
    "diversity": "Diversity",
    "gaps": "Your gaps",
}
#: The panel that is a table of text, not a plotly figure (:mod:`.gaps`).
GAP_LIST = "gaps"
#: The panels drawn as plotly figures (:func:`build_figures`), in order.
PLOTTED: tuple[str, ...] = tuple(key for key in FIGURES if key != GAP_LIST)


def build_figures(
    net: NetworkData,
    findings: Iterable[Finding] = (),
    *,
    today: date | datetime | str | None = None,
    positions: dict[int, tuple[float, float]] | None = None,
    only: Iterable[str] | None = None,
) -> dict[str, go.Figure]:
    """Build every figure of the dashboard (or those named in *only*), keyed as :data:`PLOTTED`.

    Parameters
    ----------
    net : NetworkData
        The (possibly filtered) network.
    findings : iterable of Finding
        The diagnostics' findings for *net* (e.g. ``diagnostics.all_findings``);
        figures without their finding fall back to a reading of their own.
    today : date, optional
        The day the keep-warm timeline counts from.
    positions : dict, optional
        Positions for the who-knows-whom map (see ``tie_layout``).
    only : iterable of str, optional
        Build just these figures.

    Examples
    --------
    >>> from leadnet_helpers.model import Profile
    >>> from leadnet_helpers.network import network_from
    >>> list(build_figures(network_from(Profile("Ana"), []))) == list(PLOTTED)
    True
    """
    found = list(findings)
    makers: dict[str, Callable[[], go.Figure]] = {
        "balance": lambda: balance_figure(net, pick_finding(found, BALANCE_KEYS)),
        "ego": lambda: ego_map_figure(net, pick_finding(found, EGO_KEYS)),
        "ties": lambda: who_knows_whom_figure(net, pick_finding(found, TIES_KEYS), positions),
        "keep_warm": lambda: keep_warm_figure(net, pick_finding(found, KEEP_WARM_KEYS), today),
        "give_take": lambda: give_take_figure(net, pick_finding(found, GIVE_TAKE_KEYS), today),
        "diversity": lambda: diversity_figure(net, pick_finding(found, DIVERSITY_KEYS)),
    }
    wanted = list(PLOTTED) if only is None else [k for k in PLOTTED if k in set(only)]
    return {key: makers[key]() for key in wanted}


def needs_webgl(contacts: int) -> bool:
    """Whether a dashboard of *contacts* contacts draws its maps with WebGL.

    The ego map and the who-knows-whom map draw a dot per contact, with WebGL
    (``scattergl``, :func:`~.style.scatter_type`) above
    :data:`~.style.SCATTERGL_THRESHOLD` contacts; the lines between them are SVG at any
    size (:func:`~.who_knows_whom.who_knows_whom_figure`). Known before the figures are
    built, from one count: the page can get ready for them while they are worked out.

    Examples
    --------
    >>> needs_webgl(54), needs_webgl(1_200), needs_webgl(30_000)
    (False, True, True)
    """
    return scatter_type(contacts) == "scattergl"


#: The key charts embedded in the exported plan, in order.
PLAN_FIGURES = ("balance", "ego", "keep_warm")


def plan_figures(
    net: NetworkData,
    findings: Iterable[Finding] = (),
    *,
    today: date | datetime | str | None = None,
) -> dict[str, go.Figure]:
    """The key charts for the exported plan, keyed by their human titles.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(Profile("Ana"), [Contact("Bo", id=1, network_type="personal")])
    >>> list(plan_figures(net))
    ['Balance against your target', 'Ego map', 'Keeping warm']
    """
    built = build_figures(net, findings, today=today, only=PLAN_FIGURES)
    return {FIGURES[key]: built[key] for key in PLAN_FIGURES if key in built}
