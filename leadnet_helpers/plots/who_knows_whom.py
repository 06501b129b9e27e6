"""Who knows whom: your contacts, linked where they know each other.

You are left out of the picture (you know everyone, so you would only add a
line to every dot). Contacts with recorded ties are placed by a seeded spring
layout while there are few of them (:data:`SPRING_LIMIT`); above that, by a
fixed grouped layout: a sector per network type, the best-connected contacts
nearest the centre. Contacts with no recorded tie sit on an outer ring. No
step takes time quadratic in the number of contacts, and the same data always
gives the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..findings import Finding
from ..network import NetworkData
from .ego import fill_cells, sector_spans, type_counts
from .style import (
    HIGHLIGHT,
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

__all__ = ["SPRING_LIMIT", "TIES_KEYS", "tie_layout", "who_knows_whom_figure"]

#: The keys of the finding this figure reads from (the first one present wins).
TIES_KEYS = ("structure", "constraint", "structural_holes")
#: Up to this many contacts with ties, a seeded spring layout; above it, the grouped layout.
SPRING_LIMIT = 300
SEED = 7
TITLE = "Who knows whom among your contacts"
_CORE = 1.0  # radius of the area for contacts with ties
_ISOLATE_RING = (1.2, 1.45)  # the band for contacts without ties


def _ids(contacts: pd.DataFrame) -> np.ndarray:
    return contacts["id"].to_numpy(dtype="int64", na_value=-1)


def _spring(ids: np.ndarray, ties: pd.DataFrame) -> dict[int, tuple[float, float]]:
    # the largest cluster in the middle; smaller ones around it, so none flies off
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(int(i) for i in sorted(ids))
    graph.add_weighted_edges_from(
        (int(a), int(b), float(s))
        for a, b, s in ties[["contact_a", "contact_b", "strength"]].itertuples(index=False)
    )
    parts = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    out: dict[int, tuple[float, float]] = {}
    main_scale = _CORE if len(parts) == 1 else 0.62 * _CORE
    weight = sum(len(p) for p in parts[1:])
    turned = 0.0
    for k, part in enumerate(parts):
        if k == 0:
            centre, scale = (0.0, 0.0), main_scale
        else:
            share = len(part) / weight
            angle = math.pi / 2 - 2 * math.pi * (turned + share / 2)
            turned += share
            centre = (0.86 * _CORE * math.cos(angle), 0.86 * _CORE * math.sin(angle))
            scale = min(0.05 + 0.035 * math.sqrt(len(part)), math.pi * 0.86 * share)
        pos: Mapping[int, tuple[float, float] | np.ndarray]
        if len(part) == 2:
            pos = {part[0]: (-1.0, 0.0), part[1]: (1.0, 0.0)}
        else:
            pos = nx.spring_layout(
                graph.subgraph(part), seed=SEED, weight="weight", k=2.0 / math.sqrt(len(part))
            )
        xy = np.array([pos[node] for node in part], dtype=float)
        xy -= xy.mean(axis=0)
        xy /= max(float(np.hypot(xy[:, 0], xy[:, 1]).max()), 1e-9)  # within a unit circle
        for node, (x, y) in zip(part, xy, strict=True):
            out[int(node)] = (centre[0] + scale * float(x), centre[1] + scale * float(y))
    return out


def _grouped(
    ids: np.ndarray, codes: np.ndarray, degree: np.ndarray
) -> dict[int, tuple[float, float]]:
    # a sector per type; inside it, a sunflower spiral from the best connected outwards
    frame = pd.DataFrame({"id": ids, "type": codes, "degree": degree})
    frame["t"] = frame["type"].map({t: i for i, t in enumerate(TYPE_ORDER)})
    frame = frame.sort_values(["t", "degree", "id"], ascending=[True, False, True])
    spans = sector_spans(type_counts(frame["type"]))
    out: dict[int, tuple[float, float]] = {}
    golden = (math.sqrt(5) - 1) / 2
    for t, group in frame.groupby("t", sort=True):
        # t is the int column "t"; pandas-stubs types a group key as any scalar.
        a0, a1 = spans[TYPE_ORDER[int(t)]]  # type: ignore[arg-type]
        k = len(group)
        rank = np.arange(k)
        radius = _CORE * np.sqrt((rank + 0.5) / k) * 0.95 + 0.05
        angle = a0 + ((rank * golden) % 1.0) * (a1 - a0)
        for cid, x, y in zip(
            group["id"], radius * np.cos(angle), radius * np.sin(angle), strict=True
        ):
            out[int(cid)] = (float(x), float(y))
    return out


def tie_layout(net: NetworkData) -> dict[int, tuple[float, float]]:
    """A position for every contact: tied contacts inside, the others on an outer ring.

    Compute it once for the whole network and pass it to
    :func:`who_knows_whom_figure` when drawing a filtered view, so contacts
    keep their place when filters change.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile, Tie
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [Contact("A", id=1), Contact("B", id=2), Contact("C", id=3)],
    ...     [Tie(1, 2)],
    ... )
    >>> pos = tie_layout(net)
    >>> sorted(pos), round(float(np.hypot(*pos[3])), 2) > 1
    ([1, 2, 3], True)
    """
    contacts = net.contacts
    if len(contacts) == 0:
        return {}
    ids = _ids(contacts)
    codes = type_codes(contacts).to_numpy(dtype=object)
    ties = net.ties
    tied_ids = pd.unique(
        np.r_[ties["contact_a"].to_numpy(dtype="int64"), ties["contact_b"].to_numpy(dtype="int64")]
    )
    tied = np.isin(ids, tied_ids)
    pos: dict[int, tuple[float, float]] = {}
    if tied.any():
        if tied.sum() <= SPRING_LIMIT:
            pos.update(_spring(ids[tied], ties))
        else:
            degree = pd.concat([ties["contact_a"], ties["contact_b"]]).value_counts()
            deg = pd.Series(ids[tied]).map(degree).fillna(0).to_numpy()
            pos.update(_grouped(ids[tied], codes[tied], deg))
    lonely = ~tied
    if lonely.any():
        ids_l, codes_l = ids[lonely], codes[lonely]
        names = contacts.loc[lonely, "name"].astype(str).str.casefold().to_numpy()
        type_index = pd.Series(codes_l).map({t: i for i, t in enumerate(TYPE_ORDER)})
        order = np.lexsort((names, type_index.to_numpy()))
        k = len(order)
        r, a = fill_cells(
            np.zeros(k, dtype=int),
            np.full(k, _ISOLATE_RING[0]),
            np.full(k, _ISOLATE_RING[1]),
            np.full(k, math.pi / 2),
            np.full(k, math.pi / 2 - 2 * math.pi),
        )
        for cid, x, y in zip(ids_l[order], r * np.cos(a), r * np.sin(a), strict=True):
            pos[int(cid)] = (float(x), float(y))
    return pos


def _placed(positions: Mapping[int, tuple[float, float]] | None) -> tuple[pd.Index, np.ndarray]:
    """*positions* as an index of contact ids and an array of their places (one row each,
    rounded by :func:`~.style.map_points`): looked up for a whole column of ids at once.

    Examples
    --------
    >>> ids, places = _placed({4: (0.123456, 1.0), 2: (0.5, -0.25)})
    >>> ids.tolist(), places.tolist()
    ([4, 2], [[0.1235, 1.0], [0.5, -0.25]])
    """
    if not positions:
        return pd.Index([], dtype="int64"), np.empty((0, 2))
    ids = pd.Index(np.fromiter(positions.keys(), dtype="int64", count=len(positions)))
    values = np.array(list(positions.values()), dtype=float).reshape(-1, 2)
    return ids, map_points(values)


def _tie_path(ties: pd.DataFrame, placed: pd.Index, places: np.ndarray) -> str:
    """The tie lines as one SVG path in the map's coordinates: for each tie whose two ends
    are placed (*placed*, *places*: :func:`_placed`), a move to one end and a line to the
    other.

    One path, drawn by the map as a shape beneath the dots: as a trace with a gap between
    ties, plotly.js draws each tie as an element (SVG) or a line (WebGL) of its own
    (5,318 ties in headless Chromium: 0.35-0.45 s to redraw, against 0.02 s as one path).

    Examples
    --------
    >>> ties = pd.DataFrame({"contact_a": [1, 1], "contact_b": [2, 9]})
    >>> _tie_path(ties, *_placed({1: (0.0, 0.5), 2: (1.0, 1.5)}))
    'M0.0,0.5L1.0,1.5'
    """
    a = placed.get_indexer(pd.Index(ties["contact_a"].to_numpy(dtype="int64")))
    b = placed.get_indexer(pd.Index(ties["contact_b"].to_numpy(dtype="int64")))
    both = (a >= 0) & (b >= 0)
    ends = np.hstack([places[a[both]], places[b[both]]]).tolist()
    return "".join([f"M{x0!r},{y0!r}L{x1!r},{y1!r}" for x0, y0, x1, y1 in ends])


def _fallback_reading(net: NetworkData, tied: int) -> str:
    n, t = net.size, len(net.ties)
    if t == 0:
        return (
            "No who-knows-whom links are recorded for these contacts yet: add some in "
            "notebook 01 to see whether your contacts form one group or several."
        )
    return (
        f"{t:,} links among {tied:,} of your {n:,} contacts; "
        f"{n - tied:,} have no recorded link and sit on the outer ring."
    )


def who_knows_whom_figure(
    net: NetworkData,
    finding: Finding | None = None,
    positions: dict[int, tuple[float, float]] | None = None,
) -> go.Figure:
    """Your contacts as dots, a line where two of them know each other.

    The dots are a trace per network type (WebGL above
    :data:`~.style.SCATTERGL_THRESHOLD` contacts); the lines are one path beneath them
    (:func:`_tie_path`), a shape, whose legend entry is an empty line trace.

    Parameters
    ----------
    net : NetworkData
        The (possibly filtered) network.
    finding : Finding, optional
        The structure finding: its reading goes beneath the figure, and the
        contacts it names as constraining you most (``details["most_constraining"]``)
        are ringed.
    positions : dict, optional
        Positions from :func:`tie_layout` (e.g. of the unfiltered network);
        computed from *net* when missing or when a contact has none.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile, Tie
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [Contact("A", id=1, network_type="strategic"), Contact("B", id=2)],
    ...     [Tie(1, 2)],
    ... )
    >>> fig = who_knows_whom_figure(net)
    >>> [s.type for s in fig.layout.shapes], [t.name for t in fig.data]
    (['path'], ['Knows each other (1)', 'Strategic (1)', 'Not yet classified (1)'])
    """
    contacts = net.contacts
    if len(contacts) == 0:
        return empty_figure(TITLE, "No contacts to show yet.", key="ties")
    ids = _ids(contacts)
    placed, places = _placed(positions)
    where = placed.get_indexer(pd.Index(ids))
    if (where < 0).any():
        placed, places = _placed(tie_layout(net))
        where = placed.get_indexer(pd.Index(ids))
    xy = places[where]
    codes = type_codes(contacts).to_numpy(dtype=object)
    degree = pd.concat([net.ties["contact_a"], net.ties["contact_b"]]).value_counts()
    deg = pd.Series(ids).map(degree).fillna(0).astype(int).to_numpy()
    text = hover_who(contacts)
    n = len(contacts)
    kind = scatter_type(n)
    data: list[dict] = []
    path = _tie_path(net.ties, placed, places)
    shapes = []
    if path:
        line = {"color": "#a6a6a6", "width": 1}
        shapes.append(
            {
                "type": "path",
                "path": path,
                "xref": "x",
                "yref": "y",
                "layer": "below",
                "line": line,
                "legendgroup": "ties",
                "showlegend": False,
            }
        )
        # the lines' legend entry, a line (a shape's own shows a polygon); a click on it
        # hides and shows the lines: they share its legend group
        data.append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "lines",
                "line": line,
                "name": f"Knows each other ({len(net.ties):,})",
                "legendgroup": "ties",
                "hoverinfo": "skip",
            }
        )
    size = 10 if n <= 300 else (6 if n <= 3000 else 3)
    for t in TYPE_ORDER:
        mask = codes == t
        if not mask.any():
            continue
        data.append(
            {
                "type": kind,
                "x": xy[mask, 0],
                "y": xy[mask, 1],
                "mode": "markers",
                "name": f"{type_label(t)} ({int(mask.sum()):,})",
                "marker": {
                    "color": NETWORK_COLOURS[t],
                    "symbol": NETWORK_SYMBOLS[t],
                    "size": size + np.minimum(deg[mask], 8) if n <= 300 else size,
                    "line": {"width": 0.5, "color": "white"},
                },
                "text": text[mask],
                "customdata": deg[mask],
                "hovertemplate": point_hovertemplate(
                    t, "knows %{customdata:,} of your other contacts"
                ),
            }
        )
    top = _constrainers(finding, ids, deg)
    if top.any():
        data.append(
            {
                "type": "scatter",
                "x": xy[top, 0],
                "y": xy[top, 1],
                "mode": "markers",
                "name": f"Constrain you most ({int(top.sum())})",
                "hoverinfo": "skip",
                "marker": {
                    "symbol": "circle-open",
                    "size": 22,
                    "color": HIGHLIGHT,
                    "line": {"width": 2, "color": HIGHLIGHT},
                },
            }
        )
    lim = _ISOLATE_RING[1] + 0.1
    annotations = []
    tied = int((deg > 0).sum())
    if tied < n:
        annotations.append(
            {
                "x": 0,
                "y": -lim,
                "showarrow": False,
                "yanchor": "top",
                "text": f"outer ring: {n - tied:,} contacts with no recorded link",
                "font": {"size": 11, "color": "#595959"},
            }
        )
    layout = layout_for(
        TITLE,
        height=600,
        annotations=annotations,
        shapes=shapes,
        xaxis={"visible": False, "range": [-lim, lim]},
        yaxis={"visible": False, "range": [-lim - 0.12, lim], "scaleanchor": "x", "scaleratio": 1},
    )
    reading = finding.reading if finding else _fallback_reading(net, tied)
    return make_figure(data, layout, reading=reading, key="ties", finding=finding)


def _constrainers(
    finding: Finding | None, ids: np.ndarray, degree: np.ndarray, most: int = 3
) -> np.ndarray:
    # the contacts the structure finding names as constraining you most (who know others)
    listed = (finding.details or {}).get("most_constraining") if finding is not None else None
    wanted = []
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), int) and item.get("knows"):
            wanted.append(item["id"])
    return np.isin(ids, wanted[:most]) & (degree > 0)
