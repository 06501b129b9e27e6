"""Roles and energy: who gives each kind of help, and which ties give or drain energy.

Two small bar charts, stacked by network type in the workbook's colours
(:data:`~.style.NETWORK_COLOURS`). The first counts, for each of Cross and
Thomas's six kinds of help, the contacts who give it, and marks the kinds
nobody or only one person gives. The second counts the rated ties that give,
leave neutral or drain energy. Each carries the reading of its finding
(``roles``, ``energy``).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import plotly.graph_objects as go

from ..diagnostics.roles import load_roles
from ..findings import Finding
from ..model import ENERGY, HELP_KINDS
from ..network import NetworkData
from .style import (
    HIGHLIGHT,
    NETWORK_COLOURS,
    NETWORK_LABELS,
    TYPE_ORDER,
    empty_figure,
    escape,
    layout_for,
    make_figure,
    pick_finding,
)

__all__ = ["energy_figure", "roles_counts", "roles_figure"]

ROLES_TITLE = "Who gives you each kind of help"
ENERGY_TITLE = "Ties that give or drain your energy"


def _types(net: NetworkData) -> np.ndarray:
    values = net.contacts["network_type"].fillna("").astype(str).to_numpy(dtype=object)
    values[~np.isin(values, TYPE_ORDER)] = ""
    return values


def roles_counts(net: NetworkData) -> dict[str, dict[str, int]]:
    """Contacts giving each kind of help, by network type (``""``: not yet classified).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"), [Contact("Bo", id=1, network_type="personal", helps_with=("support",))]
    ... )
    >>> roles_counts(net)["support"]
    {'operational': 0, 'personal': 1, 'strategic': 0, '': 0}
    """
    counts = {k: dict.fromkeys(TYPE_ORDER, 0) for k in HELP_KINDS}
    if not net.size:
        return counts
    types = _types(net)
    for kinds, kind_type in zip(net.contacts["helps_with"].tolist(), types, strict=True):
        for kind in set(kinds if isinstance(kinds, tuple) else ()):
            if kind in counts:
                counts[kind][kind_type] += 1
    return counts


def roles_figure(net: NetworkData, findings: Iterable[Finding] | None = None) -> go.Figure:
    """Horizontal bars: for each kind of help, how many contacts give it, by network type.

    Kinds nobody gives are labelled *nobody yet*, kinds one person gives *one
    person*, in the highlight colour.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"), [Contact("Bo", id=1, network_type="personal", helps_with=("support",))]
    ... )
    >>> fig = roles_figure(net)
    >>> [t.name for t in fig.data], fig.layout.meta["figure"]
    (['Personal'], 'roles')
    """
    finding = pick_finding(findings, ("roles",))
    labels = load_roles()["kinds"]
    counts = roles_counts(net)
    totals = {k: sum(v.values()) for k, v in counts.items()}
    if not any(totals.values()):
        message = "No kinds of help recorded yet: tick them in the grid above."
        return empty_figure(ROLES_TITLE, message, key="roles", finding=finding)
    kinds = list(reversed(HELP_KINDS))  # the first kind on top
    names = [escape(labels[k]["label"]) for k in kinds]
    data: list[dict[str, object]] = []
    for kind_type in TYPE_ORDER:
        xs = [counts[k][kind_type] for k in kinds]
        if not any(xs):
            continue
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "x": xs,
                "y": names,
                "name": NETWORK_LABELS[kind_type],
                "marker": {"color": NETWORK_COLOURS[kind_type]},
                "hovertemplate": "%{y}: %{x} "
                + NETWORK_LABELS[kind_type].lower()
                + "<extra></extra>",
            }
        )
    notes = [
        {
            "x": totals[k],
            "y": name,
            "text": "nobody yet" if totals[k] == 0 else "one person",
            "showarrow": False,
            "xanchor": "left",
            "xshift": 6,
            "font": {"color": HIGHLIGHT},
        }
        for k, name in zip(kinds, names, strict=True)
        if totals[k] < 2
    ]
    layout = layout_for(
        ROLES_TITLE,
        height=360,
        barmode="stack",
        xaxis={
            "title": {"text": "contacts who give it"},
            "rangemode": "tozero",
            "dtick": 1 if max(totals.values()) < 10 else None,
        },
        yaxis={"automargin": True},
        annotations=notes,
    )
    reading = finding.reading if finding is not None else _roles_reading(totals)
    return make_figure(data, layout, reading=reading, key="roles", finding=finding)


def _roles_reading(totals: dict[str, int]) -> str:
    thin = [k for k in HELP_KINDS if totals[k] < 2]
    if not thin:
        return "At least two people give you each kind of help."
    return f"{len(thin)} of the six kinds of help rest on one person or nobody."


def energy_figure(net: NetworkData, findings: Iterable[Finding] | None = None) -> go.Figure:
    """Bars: how many rated ties give, leave neutral or drain energy, by network type.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(Profile("Ana"), [Contact("Bo", id=1, energy="drains")])
    >>> fig = energy_figure(net)
    >>> fig.data[0].x, fig.data[0].y
    (('Gives energy', 'Neutral', 'Drains energy'), (0, 0, 1))
    """
    finding = pick_finding(findings, ("energy",))
    labels = load_roles()["energy"]
    energy = net.contacts["energy"].fillna("").astype(str).str.casefold() if net.size else None
    if energy is None or not energy.isin(ENERGY).any():
        message = "No energy recorded yet: choose gives, neutral or drains in the grid above."
        return empty_figure(ENERGY_TITLE, message, key="energy", finding=finding)
    types = _types(net)
    names = [escape(labels[e]["label"]) for e in ENERGY]
    data: list[dict[str, object]] = []
    values = energy.to_numpy(dtype=object)
    for kind_type in TYPE_ORDER:
        ys = [int(((values == e) & (types == kind_type)).sum()) for e in ENERGY]
        if not any(ys):
            continue
        data.append(
            {
                "type": "bar",
                "x": names,
                "y": ys,
                "name": NETWORK_LABELS[kind_type],
                "marker": {"color": NETWORK_COLOURS[kind_type]},
                "hovertemplate": "%{x}: %{y} "
                + NETWORK_LABELS[kind_type].lower()
                + "<extra></extra>",
            }
        )
    layout = layout_for(
        ENERGY_TITLE,
        height=340,
        barmode="stack",
        yaxis={
            "title": {"text": "rated ties"},
            "rangemode": "tozero",
            "dtick": 1 if int(np.isin(values, ENERGY).sum()) < 10 else None,
        },
    )
    drains = int((values == "drains").sum())
    rated = int(np.isin(values, ENERGY).sum())
    reading = (
        finding.reading
        if finding is not None
        else f"{drains} of the {rated} ties you rated drain your energy."
    )
    return make_figure(data, layout, reading=reading, key="energy", finding=finding)
