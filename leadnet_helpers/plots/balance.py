"""The balance of the three networks against the target mix for the person's stage."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ..findings import Finding
from ..network import NetworkData
from .style import (
    NETWORK_COLOURS,
    TYPE_ORDER,
    empty_figure,
    layout_for,
    make_figure,
    type_codes,
    type_label,
)

__all__ = ["BALANCE_KEYS", "balance_figure", "target_mix"]

#: The keys of the finding this figure reads from (the first one present wins).
BALANCE_KEYS = ("balance",)
TITLE = "Your three networks against the target mix"


def target_mix(finding: Finding | None) -> dict[str, float]:
    """The target share (0-1) of each network type named in a balance finding.

    Looks for a mapping under ``details["target"]`` (or ``"target_mix"``,
    ``"targets"``); shares given in percent are scaled to 0-1.

    Examples
    --------
    >>> f = Finding(
    ...     "balance",
    ...     "Balance",
    ...     0.1,
    ...     "r",
    ...     True,
    ...     0.4,
    ...     "p",
    ...     "s",
    ...     {"target": {"operational": 40, "personal": 30, "strategic": 30}},
    ... )
    >>> target_mix(f)["strategic"]
    0.3
    >>> target_mix(None)
    {}
    """
    if finding is None:
        return {}
    details = finding.details or {}
    raw: Mapping[str, object] = next(
        (
            details[k]
            for k in ("target", "target_mix", "targets")
            if isinstance(details.get(k), Mapping)
        ),
        {},
    )
    mix: dict[str, float] = {}
    for key, value in raw.items():
        if key in TYPE_ORDER and isinstance(value, int | float):
            mix[key] = float(value)
    if mix and sum(mix.values()) > 1.5:
        mix = {k: v / 100 for k, v in mix.items()}
    return mix


def _fallback_reading(counts: pd.Series, total: int) -> str:
    share = {t: counts.get(t, 0) / total for t in TYPE_ORDER[:3]}
    biggest = max(share, key=share.__getitem__)
    return (
        f"{share[biggest]:.0%} of your {total:,} contacts are in your "
        f"{biggest} network; {share['strategic']:.0%} are strategic."
    )


def balance_figure(net: NetworkData, finding: Finding | None = None) -> go.Figure:
    """Bars of the share of contacts in each network, beside the target share.

    Parameters
    ----------
    net : NetworkData
        The (possibly filtered) network.
    finding : Finding, optional
        The balance finding: its reading goes beneath the figure and its
        ``details["target"]`` draws the target bars.

    Returns
    -------
    plotly.graph_objects.Figure
        One bar trace for the person's mix (coloured per type) and, when a
        target is known, one hatched trace for the target.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(Profile("Ana"), [Contact("Bo", id=1, network_type="personal")])
    >>> fig = balance_figure(net)
    >>> float(fig.data[0].y[1])
    100.0
    """
    total = net.size
    if total == 0:
        return empty_figure(TITLE, "No contacts to count yet.", key="balance")
    codes = type_codes(net.contacts)
    counts = codes.value_counts()
    shown = [t for t in TYPE_ORDER if t or counts.get("", 0)]
    labels = [type_label(t) for t in shown]
    share = [100.0 * counts.get(t, 0) / total for t in shown]
    colours = [NETWORK_COLOURS[t] for t in shown]
    data: list[dict] = [
        {
            "type": "bar",
            "x": labels,
            "y": share,
            "name": "Your network",
            "marker": {"color": colours},
            "text": [f"{s:.0f}% ({counts.get(t, 0):,})" for s, t in zip(share, shown, strict=True)],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": "%{x}: %{y:.0f}% of your contacts<extra></extra>",
        }
    ]
    target = target_mix(finding)
    if target:
        tshare = [100.0 * target.get(t, 0.0) for t in shown]
        data.append(
            {
                "type": "bar",
                "x": labels,
                "y": tshare,
                "name": "Target for your stage",
                "marker": {
                    "color": "white",
                    "line": {"color": colours, "width": 2},
                    "pattern": {"shape": "/", "fgcolor": colours, "size": 8},
                },
                "text": [f"target {s:.0f}%" for s in tshare],
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{x}: target %{y:.0f}%<extra></extra>",
            }
        )
    top = max([*share, *(100.0 * v for v in target.values()), 10.0])
    layout = layout_for(
        TITLE,
        barmode="group",
        bargap=0.3,
        yaxis={
            "title": {"text": "Share of your contacts (%)"},
            "range": [0, min(115.0, top * 1.2)],
        },
        xaxis={"title": {"text": "Network"}},
    )
    reading = finding.reading if finding else _fallback_reading(counts, total)
    return make_figure(data, layout, reading=reading, key="balance", finding=finding)
