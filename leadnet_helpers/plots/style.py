"""What every figure shares: the palette, marker symbols, labels, escaping, readings.

Colours follow the Okabe-Ito palette, which readers with the common forms of
colour blindness can tell apart; each network type also has its own marker
symbol and its name written on the figure, so colour is never the only cue.

A figure carries its one-line reading (from the matching
:class:`~leadnet_helpers.findings.Finding`) in ``layout.meta["reading"]``; the
dashboard prints it beneath the figure.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..findings import Finding
from ..model import NETWORK_TYPES
from ..rules import NETWORK_STYLES, badge_html

__all__ = [
    "HIGHLIGHT",
    "MAP_DECIMALS",
    "NETWORK_COLOURS",
    "NETWORK_LABELS",
    "NETWORK_SYMBOLS",
    "NEUTRAL",
    "SCATTERGL_THRESHOLD",
    "TEMPLATE",
    "TYPE_ORDER",
    "badge_html",
    "empty_figure",
    "escape",
    "escape_series",
    "hover_who",
    "layout_for",
    "make_figure",
    "map_points",
    "pick_finding",
    "point_hovertemplate",
    "reading_of",
    "scatter_type",
    "title_in_legend",
    "type_label",
    "with_reading",
]

#: The network types in the order the figures show them ("" = not yet classified).
TYPE_ORDER: tuple[str, ...] = (*NETWORK_TYPES, "")

#: One colour per network type (Okabe-Ito), grey for "not yet classified" (from
#: :data:`leadnet_helpers.rules.NETWORK_STYLES`, the one home of the network style).
NETWORK_COLOURS: dict[str, str] = {t: st.colour for t, st in NETWORK_STYLES.items()}

#: One marker symbol per network type (all available in WebGL scatter plots too).
NETWORK_SYMBOLS: dict[str, str] = {t: st.symbol for t, st in NETWORK_STYLES.items()}

#: How each network type is named on figures.
NETWORK_LABELS: dict[str, str] = {t: st.label for t, st in NETWORK_STYLES.items()}

#: The colour that marks what needs attention (Okabe-Ito vermillion).
HIGHLIGHT = "#D55E00"
#: The colour of measures that belong to no network type (Okabe-Ito sky blue).
NEUTRAL = "#56B4E9"
_GRID = {
    "gridcolor": "#EBEBEB",
    "linecolor": "#BFBFBF",
    "zerolinecolor": "#D9D9D9",
    "ticks": "",
    "automargin": True,
}
#: The plotly template of every figure: a small white one (plotly's own templates
#: describe every trace type and cost tens of milliseconds to copy into each figure).
TEMPLATE = go.layout.Template(
    layout={
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "font": {"family": "Arial, Helvetica, sans-serif", "color": "#262626"},
        "colorway": [NETWORK_COLOURS[t] for t in ("operational", "personal", "strategic")]
        + ["#56B4E9", "#D55E00", "#CC79A7", "#F0E442", "#000000"],
        "xaxis": _GRID,
        "yaxis": _GRID,
        "hovermode": "closest",
    }
)
#: Above this many points, scatter plots use WebGL (``go.Scattergl``).
SCATTERGL_THRESHOLD = 1000


def type_label(network_type: str) -> str:
    """The name of a network type as shown on figures.

    Examples
    --------
    >>> type_label("strategic"), type_label("")
    ('Strategic', 'Not yet classified')
    """
    return NETWORK_LABELS.get(network_type, NETWORK_LABELS[""])


def escape(text: object) -> str:
    """Make *text* safe to show in a plotly label or hover (``&``, ``<``, ``>``).

    Plotly renders a small subset of HTML in text, so a contact called
    ``<b>Bo</b>`` would otherwise show in bold (or worse).

    Examples
    --------
    >>> escape("<b>Bo</b> & Co")
    '&lt;b&gt;Bo&lt;/b&gt; &amp; Co'
    """
    return html.escape("" if text is None else str(text), quote=False)


def escape_series(values: pd.Series) -> pd.Series:
    """:func:`escape` applied to a whole column (vectorised; missing values become ``""``).

    Examples
    --------
    >>> escape_series(pd.Series(["a<b", None])).tolist()
    ['a&lt;b', '']
    """
    # the whole column joined, escaped and split again: three replaces in C, where pandas'
    # string methods took ~0.3 s per column at 30,000 contacts (at every filter change)
    texts = values.astype(object).where(values.notna(), "").tolist()
    try:
        joined = "\x00".join(texts)
    except TypeError:  # not all text (numbers, say)
        texts = [str(text) for text in texts]
        joined = "\x00".join(texts)
    escaped = joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    parts = escaped.split("\x00") if texts else []
    if len(parts) != len(texts):  # a value held the separator itself
        parts = [escape(text) for text in texts]
    return pd.Series(parts, index=values.index, dtype=object)


def scatter_type(points: int) -> str:
    """``"scattergl"`` (WebGL) above :data:`SCATTERGL_THRESHOLD` points, else ``"scatter"``.

    Examples
    --------
    >>> scatter_type(10), scatter_type(5000)
    ('scatter', 'scattergl')
    """
    return "scattergl" if points > SCATTERGL_THRESHOLD else "scatter"


#: Decimals kept of a point's place on the ego map and the who-knows-whom map (their
#: units span about 10 across a figure some hundreds of pixels wide: 1/10,000 of a unit
#: is far below a pixel). Full floats made up a third of those figures' JSON at 30,000
#: contacts, sent to the browser and parsed there at every redraw.
MAP_DECIMALS = 4


def map_points(values: np.ndarray) -> np.ndarray:
    """*values* (places on a map) rounded to :data:`MAP_DECIMALS`, for a figure's JSON.

    Examples
    --------
    >>> map_points(np.array([0.80734570913, -4.028913934607]))
    array([ 0.8073, -4.0289])
    """
    return np.round(np.asarray(values, dtype=float), MAP_DECIMALS)


def pick_finding(findings: Iterable[Finding] | None, keys: Sequence[str]) -> Finding | None:
    """The first finding whose key is one of *keys* (in the order of *keys*).

    Examples
    --------
    >>> f = Finding("balance", "Balance", 0.1, "Thin strategic network.", True, 0.5, "p", "s")
    >>> pick_finding([f], ("balance",)).reading
    'Thin strategic network.'
    >>> pick_finding([f], ("diversity",)) is None
    True
    """
    by_key = {f.key: f for f in findings or ()}
    for key in keys:
        if key in by_key:
            return by_key[key]
    return None


def with_reading(
    fig: go.Figure, reading: str, *, key: str = "", finding: Finding | None = None
) -> go.Figure:
    """Attach the one-line reading (and the finding's key) to *fig* and return it.

    Examples
    --------
    >>> reading_of(with_reading(go.Figure(), "Most of your ties are inside."))
    'Most of your ties are inside.'
    """
    fig.update_layout(meta=_meta(reading, key, finding))
    return fig


def _meta(reading: str, key: str, finding: Finding | None) -> dict[str, str]:
    meta = {"reading": reading, "figure": key}
    if finding is not None:
        meta.update(finding=finding.key, severity=finding.severity_label)
    return meta


def reading_of(fig: go.Figure) -> str:
    """The one-line reading a figure carries (``""`` when it has none).

    Examples
    --------
    >>> reading_of(go.Figure())
    ''
    """
    meta = fig.layout.meta
    if isinstance(meta, dict):
        return str(meta.get("reading", ""))
    return ""


#: The size of a figure's title (plotly's default title size).
TITLE_SIZE = 17
#: The longest line of a title heading a legend (:func:`title_in_legend`), in characters.
TITLE_WRAP = 30


def layout_for(
    title: str, *, height: int = 420, legend: bool = True, **extra: object
) -> dict[str, object]:
    """The shared look as a layout dict: plain title, white template, legend above the plot.

    Keyword arguments are added to (or replace) the top-level layout entries.
    (Shown on a page that may be narrow, see :func:`title_in_legend`.)

    Examples
    --------
    >>> layout_for("Balance", height=300)["height"]
    300
    """
    layout: dict[str, object] = {
        "template": TEMPLATE,
        "title": {"text": escape(title), "x": 0, "xanchor": "left"},
        "height": height,
        "margin": {"l": 60, "r": 20, "t": 70, "b": 50},
        "showlegend": legend,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "xanchor": "left"},
        "font": {"size": 13},
        "hoverlabel": {"align": "left"},
    }
    layout.update(extra)
    return layout


def title_in_legend(spec: dict[str, Any]) -> dict[str, Any]:
    """A figure's JSON (``fig.to_plotly_json()`` or parsed ``fig.to_json()``) with its
    title heading its legend, when it has one above the plot.

    A horizontal legend above the plot wraps onto more rows on a narrow page
    and grows up into the title (plotly keeps no room between them); as the
    legend's own title (on top) it pushes the plot down instead. *spec* is
    changed in place and returned.

    Examples
    --------
    >>> spec = make_figure(
    ...     [{"type": "bar", "y": [1], "name": "a"}], layout_for("Mix"), reading="r", key="k"
    ... ).to_plotly_json()
    >>> layout = title_in_legend(spec)["layout"]
    >>> layout["legend"]["title"]["text"], layout["title"]["text"]
    ('Mix', '')
    >>> spec = make_figure(
    ...     [{"type": "bar", "y": [1]}],
    ...     layout_for("Your three networks against the target mix"),
    ...     reading="r",
    ...     key="k",
    ... ).to_plotly_json()
    >>> title_in_legend(spec)["layout"]["legend"]["title"]["text"]
    'Your three networks against<br>the target mix'
    >>> no_legend = {"layout": {"showlegend": False, "title": {"text": "T"}}}
    >>> title_in_legend(no_legend)["layout"]["title"]["text"]
    'T'
    """
    layout = spec.get("layout", {})
    title = layout.get("title") or {}
    legend = layout.get("legend") or {}
    text = title.get("text", "") if isinstance(title, dict) else str(title)
    if (
        not text
        or layout.get("showlegend") is False
        or legend.get("orientation") != "h"
        or legend.get("yanchor") != "bottom"
        or legend.get("title")
    ):
        return spec
    # plotly never wraps a title: two short lines fit a narrow page (the text is escaped)
    text = "<br>".join(textwrap.wrap(text, TITLE_WRAP, break_on_hyphens=False)) or text
    layout["legend"] = {
        **legend,
        "title": {"text": text, "side": "top", "font": {"size": TITLE_SIZE}},
    }
    layout["title"] = {**title, "text": ""}
    return spec


def make_figure(
    data: list[dict[str, object]],
    layout: dict[str, object],
    *,
    reading: str,
    key: str,
    finding: Finding | None = None,
) -> go.Figure:
    """Build the figure in one step, without plotly's validation (the dashboard redraws
    every figure at each filter change, and validating them cost more than building
    them; ``check_figure`` in ``tests/test_plots.py`` validates every figure instead).

    Examples
    --------
    >>> fig = make_figure([{"type": "bar", "y": [1]}], layout_for("T"), reading="r", key="k")
    >>> fig.data[0].type, reading_of(fig)
    ('bar', 'r')
    """
    return go.Figure(
        {"data": data, "layout": {**layout, "meta": _meta(reading, key, finding)}}, _validate=False
    )


def empty_figure(
    title: str,
    message: str,
    *,
    key: str = "",
    height: int = 320,
    reading: str | None = None,
    finding: Finding | None = None,
) -> go.Figure:
    """A figure with no data, only *message* in the middle (e.g. an empty workspace).

    Examples
    --------
    >>> fig = empty_figure("Balance", "No contacts yet.")
    >>> fig.layout.annotations[0].text, len(fig.data)
    ('No contacts yet.', 0)
    """
    layout = layout_for(
        title,
        height=height,
        legend=False,
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[
            {
                "text": escape(message),
                "showarrow": False,
                "x": 0.5,
                "y": 0.5,
                "xref": "paper",
                "yref": "paper",
                "font": {"size": 15},
            }
        ],
    )
    return make_figure(
        [], layout, reading=message if reading is None else reading, key=key, finding=finding
    )


def type_codes(contacts: pd.DataFrame) -> pd.Series:
    """The network type of each contact, with anything unknown as ``""``."""
    if "network_type" not in contacts:
        return pd.Series("", index=contacts.index, dtype=object)
    types = contacts["network_type"].astype(object).where(contacts["network_type"].notna(), "")
    return types.where(types.isin(NETWORK_TYPES), "")


def hover_who(contacts: pd.DataFrame) -> np.ndarray:
    """Escaped first lines of each contact's hover text: the name in bold, role and organisation.

    The lines every point of a trace shares (its network type, the wording around a
    number) are in the trace's :func:`point_hovertemplate`, sent once rather than once per
    point: at 30,000 contacts that is a third of the maps' JSON.

    Examples
    --------
    >>> frame = pd.DataFrame({"name": ["Bo <3"], "role": ["CFO"], "organisation": ["Acme"]})
    >>> hover_who(frame).tolist()
    ['<b>Bo &lt;3</b><br>CFO, Acme']
    """
    name = escape_series(contacts["name"]).tolist()
    blank = [""] * len(name)
    role = escape_series(contacts["role"]).tolist() if "role" in contacts else blank
    org = escape_series(contacts["organisation"]).tolist() if "organisation" in contacts else blank
    # one pass of plain strings (pandas' string arithmetic and .str are slower); "role,
    # organisation", or whichever of the two there is. Fixed-width text, not Python objects:
    # plotly copies a figure's arrays when it is built, and copies an array of objects one
    # by one (0.1 s per map at 30,000 contacts)
    return np.array(
        [
            f"<b>{n}</b><br>" + f"{r}, {o}".strip(", ")
            for n, r, o in zip(name, role, org, strict=True)
        ],
        dtype=str,
    )


def point_hovertemplate(network_type: str, line: str) -> str:
    """The hover of a contact's point: who (:func:`hover_who`, the point's ``text``), the
    network type of the trace, then *line* (a plotly template of the point, e.g. with
    ``%{customdata}``).

    Examples
    --------
    >>> point_hovertemplate("strategic", "knows %{customdata:,} of your other contacts")
    '%{text}<br>Strategic network<br>knows %{customdata:,} of your other contacts<extra></extra>'
    >>> point_hovertemplate("", "tie strength %{customdata}")
    '%{text}<br>Not yet classified<br>tie strength %{customdata}<extra></extra>'
    """
    kind = f"{type_label(network_type)} network" if network_type else type_label(network_type)
    return f"%{{text}}<br>{escape(kind)}<br>{line}<extra></extra>"


def finite(values: Iterable[float], default: float = 0.0) -> list[float]:
    """*values* as floats with NaN and infinities replaced by *default*."""
    out = []
    for value in values:
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = default
        out.append(number if np.isfinite(number) else default)
    return out
