"""The ego map: you in the centre, rings by tie strength, sectors by network type.

The layout is fixed and takes time in proportion to the number of contacts
(one sort, then arithmetic), so it draws 30,000 contacts as quickly as 30:
the closest ties (strength 5) on the inner ring, strength 1 on the fifth, and
contacts of unknown strength on an outer ring; each network type owns a
sector whose angle is proportional to its size.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..findings import Finding
from ..network import NetworkData
from .style import (
    NETWORK_COLOURS,
    NETWORK_SYMBOLS,
    TYPE_ORDER,
    empty_figure,
    hover_who,
    layout_for,
    make_figure,
    map_points,
    point_hovertemplate,
    scatter_type,
    type_codes,
    type_label,
)

__all__ = ["EGO_KEYS", "RING_OF_STRENGTH", "ego_layout", "ego_map_figure", "fill_cells"]

#: The keys of the finding this figure reads from (the first one present wins).
EGO_KEYS = ("strong_ties",)
#: Ring number (1 = innermost) of each tie strength; unknown strength goes on ring 6.
RING_OF_STRENGTH = {5: 1, 4: 2, 3: 3, 2: 4, 1: 5}
UNKNOWN_RING = 6
TITLE = "Your ego map: closeness and network type"
_GAP = 0.06  # radians left empty between sectors
_TOP_GAP = 0.32  # radians left empty at the top, where the rings are labelled
_MIN_SHARE = 0.06  # the smallest sector, as a share of the circle, for a non-empty type
_SPACING = 0.075  # the distance aimed for between neighbours (ring width is 1)


def fill_cells(
    cell: np.ndarray, r0: np.ndarray, r1: np.ndarray, a0: np.ndarray, a1: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Spread points evenly over annular cells, in O(n) after grouping.

    Each point belongs to *cell* (an integer label, points of a cell
    contiguous in the input order) and is given a radius between ``r0`` and
    ``r1`` and an angle between ``a0`` and ``a1`` (per point arrays). Points
    fill rows along the arc, as many rows as needed to keep neighbours about
    :data:`_SPACING` apart.

    Returns
    -------
    (radius, angle) : tuple of ndarray

    Examples
    --------
    >>> r, a = fill_cells(
    ...     np.array([0, 0]),
    ...     np.array([1.0, 1.0]),
    ...     np.array([2.0, 2.0]),
    ...     np.zeros(2),
    ...     np.array([1.0, 1.0]),
    ... )
    >>> r.round(2).tolist(), a.round(2).tolist()
    ([1.5, 1.5], [0.25, 0.75])
    """
    n = len(cell)
    if n == 0:
        return np.zeros(0), np.zeros(0)
    starts = np.r_[0, np.flatnonzero(np.diff(cell)) + 1]
    sizes = np.diff(np.r_[starts, n])
    size = np.repeat(sizes, sizes)
    rank = np.arange(n) - np.repeat(starts, sizes)
    arc = np.maximum(np.abs(a1 - a0) * (r0 + r1) / 2, 1e-9)
    per_row_cap = np.maximum(1, np.floor(arc / _SPACING))
    rows = np.maximum(1, np.ceil(size / per_row_cap))
    per_row = np.ceil(size / rows)
    row = rank // per_row
    pos = rank % per_row
    in_row = np.minimum(per_row, size - row * per_row)
    radius = r0 + (row + 0.5) / rows * (r1 - r0)
    stagger = np.where(row % 2 == 1, 0.25, 0.0) * (in_row < per_row)
    angle = a0 + (pos + 0.5 + stagger) / in_row * (a1 - a0)
    return radius, angle


def sector_spans(counts: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Start and end angle (radians) of each non-empty type's sector, clockwise from the top.

    Examples
    --------
    >>> spans = sector_spans({"operational": 1, "strategic": 1})
    >>> sorted(spans), round(spans["operational"][0], 3)
    (['operational', 'strategic'], 1.411)
    """
    present = [t for t in TYPE_ORDER if counts.get(t, 0) > 0]
    if not present:
        return {}
    total = sum(counts[t] for t in present)
    raw = {t: max(counts[t] / total, _MIN_SHARE) for t in present}
    scale = sum(raw.values())
    usable = 2 * math.pi - _TOP_GAP - _GAP * (len(present) - 1)
    spans, start = {}, math.pi / 2 - _TOP_GAP / 2 + _GAP / 2
    for t in present:
        width = usable * raw[t] / scale
        # clockwise: angles decrease
        spans[t] = (start - _GAP / 2, start - _GAP / 2 - width)
        start -= width + _GAP
    return spans


def type_counts(codes: Iterable[object]) -> dict[str, int]:
    """How many contacts have each type code, most common first (for :func:`sector_spans`).

    Examples
    --------
    >>> type_counts(["strategic", "personal", "strategic"])
    {'strategic': 2, 'personal': 1}
    """
    return {str(t): int(n) for t, n in pd.Series(list(codes)).value_counts().items()}


def ego_layout(contacts: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """x and y of each contact (in the frame's order) on the ego map; ego is at (0, 0).

    Examples
    --------
    >>> frame = pd.DataFrame(
    ...     {
    ...         "name": ["A", "B"],
    ...         "strength": [5, None],
    ...         "network_type": ["operational", "strategic"],
    ...     }
    ... )
    >>> x, y = ego_layout(frame)
    >>> [round(float(np.hypot(a, b)), 1) for a, b in zip(x, y)]
    [1.0, 6.0]
    """
    n = len(contacts)
    if n == 0:
        return np.zeros(0), np.zeros(0)
    codes = type_codes(contacts).to_numpy(dtype=object)
    strength = pd.to_numeric(contacts["strength"], errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )
    ring = np.full(n, UNKNOWN_RING, dtype=float)
    for value, number in RING_OF_STRENGTH.items():
        ring[strength == value] = number
    type_pos = {t: i for i, t in enumerate(TYPE_ORDER)}
    type_index = pd.Series(codes).map(type_pos).to_numpy(dtype=int)
    names = (
        contacts["name"].astype(str).str.casefold().to_numpy()
        if "name" in contacts
        else np.zeros(n)
    )
    order = np.lexsort((names, ring, type_index))
    spans = sector_spans(type_counts(codes))
    present = [t for t in TYPE_ORDER if t in spans]
    sector_of_type = np.zeros(len(TYPE_ORDER), dtype=int)
    for k, t in enumerate(present):
        sector_of_type[type_pos[t]] = k
    start = np.array([spans[t][0] for t in present])
    end = np.array([spans[t][1] for t in present])
    sector = sector_of_type[type_index[order]]
    ring_sorted = ring[order]
    cell = sector * 10 + ring_sorted.astype(int)
    radius, angle = fill_cells(
        cell, ring_sorted - 0.4, ring_sorted + 0.4, start[sector], end[sector]
    )
    x, y = np.empty(n), np.empty(n)
    x[order] = radius * np.cos(angle)
    y[order] = radius * np.sin(angle)
    return x, y


def _strength_text(contacts: pd.DataFrame) -> np.ndarray:
    """Each contact's tie strength as its hover says it, after "tie strength"."""
    strength = pd.to_numeric(contacts["strength"], errors="coerce")
    which, distinct = pd.factorize(strength.to_numpy(dtype=float, na_value=np.nan))
    said = [f"{int(s)} of 5" for s in distinct] + ["unknown"]  # [-1]: no strength
    return np.array(said, dtype=str)[which]


def _fallback_reading(contacts: pd.DataFrame) -> str:
    strength = pd.to_numeric(contacts["strength"], errors="coerce")
    close = int((strength >= 4).sum())
    unknown = int(strength.isna().sum())
    text = f"{close:,} of your {len(contacts):,} contacts are close ties (strength 4 or 5)."
    if unknown:
        text += f" {unknown:,} have no strength recorded yet: they sit on the outer ring."
    return text


def ego_map_figure(net: NetworkData, finding: Finding | None = None) -> go.Figure:
    """Contacts around you: rings by tie strength, sectors by network type.

    One trace per network type (its colour, symbol and name in the legend),
    WebGL above :data:`~leadnet_helpers.plots.style.SCATTERGL_THRESHOLD`
    contacts; faint circles mark the rings and labels name the sectors.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"), [Contact("Bo", id=1, strength=5, network_type="personal")]
    ... )
    >>> [t.name for t in ego_map_figure(net).data]
    ['You', 'Personal (1)']
    """
    contacts = net.contacts
    if len(contacts) == 0:
        return empty_figure(TITLE, "No contacts to place on the map yet.", key="ego")
    x, y = map(map_points, ego_layout(contacts))
    codes = type_codes(contacts).to_numpy(dtype=object)
    text = hover_who(contacts)
    strength = _strength_text(contacts)
    kind = scatter_type(len(contacts))
    data: list[dict] = [
        {
            "type": "scatter",
            "x": [0.0],
            "y": [0.0],
            "mode": "markers+text",
            "name": "You",
            "text": ["You"],
            "textposition": "bottom center",
            "hoverinfo": "skip",
            "marker": {"symbol": "star", "size": 18, "color": "black"},
            "showlegend": False,
        }
    ]
    spans = sector_spans(type_counts(codes))
    size = 9 if len(contacts) <= 300 else (6 if len(contacts) <= 3000 else 3)
    for t in TYPE_ORDER:
        mask = codes == t
        if not mask.any():
            continue
        data.append(
            {
                "type": kind,
                "x": x[mask],
                "y": y[mask],
                "mode": "markers",
                "name": f"{type_label(t)} ({int(mask.sum()):,})",
                "marker": {
                    "color": NETWORK_COLOURS[t],
                    "symbol": NETWORK_SYMBOLS[t],
                    "size": size,
                    "line": {"width": 0.5, "color": "white"},
                },
                "text": text[mask],
                "customdata": strength[mask],
                "hovertemplate": point_hovertemplate(t, "tie strength %{customdata}"),
            }
        )
    rings = sorted(
        set(RING_OF_STRENGTH.values())
        | (
            {UNKNOWN_RING}
            if pd.to_numeric(contacts["strength"], errors="coerce").isna().any()
            else set()
        )
    )
    shapes = [
        {
            "type": "circle",
            "xref": "x",
            "yref": "y",
            "x0": -r - 0.5,
            "y0": -r - 0.5,
            "x1": r + 0.5,
            "y1": r + 0.5,
            "line": {"color": "#d9d9d9", "width": 1},
            "layer": "below",
        }
        for r in rings
    ]
    ring_names = {v: f"strength {k}" for k, v in RING_OF_STRENGTH.items()}
    ring_names[UNKNOWN_RING] = "unknown"
    annotations = [
        {
            "x": 0,
            "y": r,
            "text": ring_names[r],
            "showarrow": False,
            "font": {"size": 10, "color": "#595959"},
        }
        for r in rings
    ]
    outer = max(rings) + 0.9
    for t, (a0, a1) in spans.items():
        mid = (a0 + a1) / 2
        annotations.append(
            {
                "x": outer * math.cos(mid),
                "y": outer * math.sin(mid),
                "text": f"<b>{type_label(t)}</b>",
                "showarrow": False,
                "font": {"color": NETWORK_COLOURS[t], "size": 13},
            }
        )
    lim = outer + 0.6
    layout = layout_for(
        TITLE,
        height=560,
        shapes=shapes,
        annotations=annotations,
        xaxis={"visible": False, "range": [-lim, lim]},
        yaxis={"visible": False, "range": [-lim, lim], "scaleanchor": "x", "scaleratio": 1},
    )
    reading = finding.reading if finding else _fallback_reading(contacts)
    return make_figure(data, layout, reading=reading, key="ego", finding=finding)
