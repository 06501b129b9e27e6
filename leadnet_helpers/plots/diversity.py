"""Diversity: how varied your contacts are, attribute by attribute (Blau's index, IQV)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ..diagnostics.diversity import blau
from ..findings import Finding
from ..network import NetworkData
from .style import NEUTRAL, empty_figure, escape, layout_for, make_figure

__all__ = ["ATTRIBUTES", "DIVERSITY_KEYS", "blau", "diversity_figure", "diversity_table"]

#: The keys of the finding this figure reads from (the first one present wins).
DIVERSITY_KEYS = ("diversity",)
#: The attributes measured, with the words the figure uses for them.
ATTRIBUTES = {
    "organisation": "Organisation",
    "function": "Function",
    "industry": "Industry",
    "seniority": "Seniority",
    "inside_org": "Inside or outside",
}
TITLE = "How varied your contacts are"


def _spread(values: pd.Series) -> tuple[float, float, int, int]:
    """Blau's index and IQV of a column (:func:`~leadnet_helpers.diagnostics.blau`), kinds, known."""
    known = values[values.notna()].astype(str).str.strip()
    known = known[known != ""].str.casefold()
    counts = known.value_counts().to_numpy()
    index, iqv = blau(counts)
    return round(index or 0.0, 4), round(iqv or 0.0, 4), len(counts), len(known)


def diversity_table(net: NetworkData, finding: Finding | None = None) -> pd.DataFrame:
    """One row per attribute: ``attribute``, ``label``, ``blau``, ``iqv``, ``kinds``, ``known``.

    Uses the finding's per-attribute numbers when it carries them (under
    ``details["attributes"]``, a mapping from attribute to ``{"blau", "iqv",
    "categories", "known"}``), else computes them.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(Profile("Ana"), [Contact("A", industry="x"), Contact("B", industry="y")])
    >>> diversity_table(net).set_index("attribute").loc["industry", "iqv"]
    np.float64(1.0)
    """
    given: Mapping = {}
    if finding is not None:
        details = finding.details or {}
        attributes = details.get("attributes")
        given = attributes if isinstance(attributes, Mapping) else {}
    rows = []
    for column, label in ATTRIBUTES.items():
        if column not in net.contacts:
            continue
        extra = given.get(column)
        if isinstance(extra, Mapping) and "known" in extra:
            index = float(extra.get("blau") or 0.0)
            iqv = float(extra.get("iqv") or 0.0)
            kinds = int(extra.get("categories") or 0)
            known = int(extra.get("known") or 0)
        else:
            index, iqv, kinds, known = _spread(net.contacts[column])
        rows.append(
            {
                "attribute": column,
                "label": label,
                "blau": index,
                "iqv": iqv,
                "kinds": kinds,
                "known": known,
            }
        )
    return pd.DataFrame(rows, columns=["attribute", "label", "blau", "iqv", "kinds", "known"])


def _fallback_reading(table: pd.DataFrame) -> str:
    known = table[table["known"] > 0]
    if known.empty:
        return "No organisation, function, industry or seniority is recorded yet."
    low = known.sort_values("iqv").iloc[0]
    high = known.sort_values("iqv").iloc[-1]
    return (
        f"Your contacts are most alike in {low['label'].lower()} (IQV {low['iqv']:.2f}) "
        f"and most varied in {high['label'].lower()} (IQV {high['iqv']:.2f})."
    )


def diversity_figure(net: NetworkData, finding: Finding | None = None) -> go.Figure:
    """Horizontal bars of the IQV (0 = all alike, 1 = evenly spread) per attribute.

    Each bar is labelled with its value, Blau's index and how many kinds and
    known values it rests on, so a bar built on two contacts is not mistaken
    for a measure of the whole network.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(Profile("Ana"), [Contact("A", function="x"), Contact("B")])
    >>> fig = diversity_figure(net)
    >>> list(fig.data[0].y)[-1]
    'Organisation'
    """
    if net.size == 0:
        return empty_figure(TITLE, "No contacts to compare yet.", key="diversity")
    table = diversity_table(net, finding).iloc[::-1]
    # pandas-stubs types a row's fields as any scalar, bytes included; these are numbers.
    text = [
        f"IQV {r.iqv:.2f} · Blau {r.blau:.2f} · {r.kinds:,} kinds, {r.known:,} known"  # type: ignore[str-bytes-safe]
        if r.known
        else "not recorded"
        for r in table.itertuples()
    ]
    data = [
        {
            "type": "bar",
            "y": [escape(v) for v in table["label"]],
            "x": table["iqv"].astype(float).tolist(),
            "orientation": "h",
            "marker": {"color": NEUTRAL},
            "text": text,
            "textposition": "outside",
            "cliponaxis": False,
            "name": "Diversity (IQV)",
            "hovertemplate": "%{y}: %{text}<extra></extra>",
        }
    ]
    layout = layout_for(
        TITLE,
        height=360,
        legend=False,
        xaxis={
            "title": {"text": "Diversity (IQV):<br>0 = all alike, 1 = evenly spread"},
            "range": [0, 1.9],
            "tickvals": [0, 0.25, 0.5, 0.75, 1],
        },
        yaxis={"automargin": True},
    )
    reading = finding.reading if finding else _fallback_reading(table)
    return make_figure(data, layout, reading=reading, key="diversity", finding=finding)
