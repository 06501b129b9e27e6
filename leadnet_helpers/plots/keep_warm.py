"""Keeping warm: days since you were last in touch, against how often each tie needs you.

Each contact has an ideal interval (after which they are due a call) and a
longest interval (after which the tie is losing touch), set by network type
and tie strength in ``data/keep_warm.json``. The figure names the contacts
most overdue, each as a dot on a line of days: the shaded span runs from the
ideal to the longest interval, and contacts past it are ringed.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..diagnostics import last_touch, load_keep_warm
from ..findings import Finding
from ..network import NetworkData
from ..rules import as_date
from .style import (
    HIGHLIGHT,
    NETWORK_COLOURS,
    NETWORK_SYMBOLS,
    TYPE_ORDER,
    empty_figure,
    escape,
    layout_for,
    make_figure,
    type_codes,
    type_label,
)

__all__ = ["KEEP_WARM_KEYS", "TOP", "keep_warm_figure", "keep_warm_table"]

#: The keys of the finding this figure reads from (the first one present wins).
KEEP_WARM_KEYS = ("keep_warm",)
#: How many contacts the figure names, the most overdue first.
TOP = 25
TITLE = "Keeping your network warm"
_BANDS = {5: "strong", 4: "strong", 3: "medium", 2: "weak", 1: "weak"}


def _settings(finding: Finding | None) -> dict[str, Any]:
    details = (finding.details or {}) if finding is not None else {}
    given = details.get("intervals")
    if isinstance(given, Mapping) and given:
        return load_keep_warm(given)
    return load_keep_warm()


def _as_date(today: date | datetime | str | None) -> pd.Timestamp:
    return pd.Timestamp(as_date(today))


def keep_warm_table(
    net: NetworkData, finding: Finding | None = None, today: date | datetime | str | None = None
) -> pd.DataFrame:
    """Per contact: days since last contact, ideal and longest interval, and status.

    The last contact is the later of the contact's ``last_contact`` and their
    latest entry in the interaction log; the intervals come from
    ``data/keep_warm.json`` (or the finding's ``details["intervals"]``, an
    override in the form :func:`~leadnet_helpers.diagnostics.load_keep_warm`
    accepts). Status is ``"warm"``, ``"due"``
    (past the ideal interval), ``"losing touch"`` (past the longest) or
    ``"no date"``.

    Returns
    -------
    DataFrame
        Columns ``id``, ``name``, ``network_type``, ``days`` (float, NaN when
        unknown), ``ideal``, ``max``, ``status``; one row per contact.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [Contact("Bo", id=1, network_type="strategic", strength=5, last_contact="2026-01-01")],
    ... )
    >>> keep_warm_table(net, today="2026-05-01")[["days", "max", "status"]].values.tolist()
    [[120.0, 60.0, 'losing touch']]
    """
    contacts = net.contacts
    settings = _settings(finding)
    intervals = settings["intervals"]
    bands = {
        int(s): band for band, values in settings.get("strength_bands", {}).items() for s in values
    } or _BANDS
    ids = contacts["id"].to_numpy(dtype="int64", na_value=-1)
    last = last_touch(net).to_numpy(dtype="datetime64[ns]")
    # datetime64 minus datetime64 is a timedelta64; numpy's stubs call it a datetime64.
    elapsed = _as_date(today).to_datetime64() - last
    days = elapsed / np.timedelta64(1, "D")  # type: ignore[operator]
    days = np.maximum(np.floor(days.astype(float)), 0.0)
    codes = type_codes(contacts).to_numpy(dtype=object)
    strength = pd.to_numeric(contacts["strength"], errors="coerce")
    # each distinct strength, then each distinct (type, band) pair, looked up once and
    # spread over the contacts
    which, distinct = pd.factorize(strength.to_numpy(dtype=float, na_value=np.nan))
    named = [bands.get(int(s), "unknown") for s in distinct] + ["unknown"]  # [-1]: no strength
    kind, kinds = pd.factorize(codes)
    pairs, where = np.unique(kind * len(named) + which % len(named), return_inverse=True)
    cells = np.empty((len(pairs), 2))
    for row, pair in enumerate(pairs.tolist()):
        t, b = kinds[pair // len(named)], named[pair % len(named)]
        cell = intervals[t or "unclassified"][b]
        cells[row] = (float(cell["ideal"]), float(cell["max"]))
    ideal, most = cells[where, 0], cells[where, 1]
    status = np.where(
        np.isnan(days),
        "no date",
        np.where(days > most, "losing touch", np.where(days > ideal, "due", "warm")),
    )
    return pd.DataFrame(
        {
            "id": ids,
            "name": contacts["name"].astype(object).fillna("").to_numpy(),
            "network_type": codes,
            "days": days,
            "ideal": ideal,
            "max": most,
            "status": status,
        }
    )


def _losing_ids(finding: Finding | None) -> set[int] | None:
    if finding is None:
        return None
    listed = (finding.details or {}).get("losing_touch")
    if not isinstance(listed, list):
        return None
    out = set()
    for item in listed:
        cid = item.get("id") if isinstance(item, Mapping) else item
        if isinstance(cid, int):
            out.add(cid)
    return out


def _summary(table: pd.DataFrame) -> str:
    counts = table["status"].value_counts()
    parts = [f"{counts.get(s, 0):,} {s}" for s in ("warm", "due", "losing touch")]
    text = "All contacts: " + ", ".join(parts)
    if counts.get("no date", 0):
        text += f"; {counts['no date']:,} with no date of last contact"
    return text


def keep_warm_figure(
    net: NetworkData,
    finding: Finding | None = None,
    today: date | datetime | str | None = None,
    top: int = TOP,
) -> go.Figure:
    """The contacts most overdue, each on a timeline of days since you were last in touch.

    Parameters
    ----------
    net : NetworkData
        The (possibly filtered) network.
    finding : Finding, optional
        The keep-warm finding: its reading goes beneath the figure; its
        ``details["intervals"]`` (if any) replace the shipped intervals and
        its ``details["losing_touch"]`` (ids or ``{"id": ..}``) mark who is
        losing touch.
    today : date, optional
        The day to count from (today when not given).
    top : int
        How many contacts to name, the most overdue (days / longest interval) first.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [Contact("Bo", id=1, network_type="strategic", strength=5, last_contact="2026-01-01")],
    ... )
    >>> [t.name for t in keep_warm_figure(net, today="2026-05-01").data]
    ['Due, then losing touch', 'Strategic', 'Losing touch (1)']
    """
    if net.size == 0:
        return empty_figure(TITLE, "No contacts yet, so nobody to keep warm.", key="keep_warm")
    table = keep_warm_table(net, finding, today)
    dated = table[~np.isnan(table["days"].to_numpy())]
    if dated.empty:
        message = (
            "No date of last contact is recorded yet: add one to your key contacts in "
            "notebook 01, or log a meeting in notebook 05."
        )
        return empty_figure(
            TITLE,
            message,
            key="keep_warm",
            finding=finding,
            reading=finding.reading if finding else message,
        )
    losing = _losing_ids(finding)
    if losing is not None:
        flagged = dated["id"].isin(list(losing)) | (dated["status"] == "losing touch")
    else:
        flagged = dated["status"] == "losing touch"
    dated = dated.assign(
        ratio=dated["days"] / dated["max"], flagged=flagged, key=dated["name"].str.casefold()
    )
    shown = dated.sort_values(["ratio", "key"], ascending=[False, True]).head(top).iloc[::-1]
    labels = [escape(n) for n in shown["name"]]
    seen: dict[str, int] = {}
    for i, label in enumerate(labels):
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            labels[i] = f"{label} ({seen[label]})"
    sx: list[float | None] = []
    sy: list[str | None] = []
    for label, lo, hi in zip(labels, shown["ideal"], shown["max"], strict=True):
        sx += [float(lo), float(hi), None]
        sy += [label, label, None]
    data: list[dict] = [
        {
            "type": "scatter",
            "x": sx,
            "y": sy,
            "mode": "lines",
            "name": "Due, then losing touch",
            "hoverinfo": "skip",
            "line": {"color": "#FBE3B4", "width": 9},
        }
    ]
    hover = [
        f"<b>{label}</b><br>{type_label(t)} network<br>{d:,.0f} days since last contact"
        f"<br>ideal every {lo:,.0f} days, at most {hi:,.0f}"
        for label, t, d, lo, hi in zip(
            labels, shown["network_type"], shown["days"], shown["ideal"], shown["max"], strict=True
        )
    ]
    hover_arr = np.array(hover, dtype=object)
    label_arr = np.array(labels, dtype=object)
    days = shown["days"].to_numpy(dtype=float)
    types = shown["network_type"].to_numpy(dtype=object)
    for t in TYPE_ORDER:
        mask = types == t
        if not mask.any():
            continue
        data.append(
            {
                "type": "scatter",
                "x": days[mask],
                "y": label_arr[mask],
                "mode": "markers",
                "name": type_label(t),
                "text": hover_arr[mask],
                "hovertemplate": "%{text}<extra></extra>",
                "marker": {
                    "color": NETWORK_COLOURS[t],
                    "symbol": NETWORK_SYMBOLS[t],
                    "size": 11,
                    "line": {"width": 0.5, "color": "white"},
                },
            }
        )
    hot = shown["flagged"].to_numpy(dtype=bool)
    if hot.any():
        data.append(
            {
                "type": "scatter",
                "x": days[hot],
                "y": label_arr[hot],
                "mode": "markers+text",
                "name": f"Losing touch ({int(dated['flagged'].sum()):,})",
                "text": ["losing touch"] * int(hot.sum()),
                "textposition": "middle right",
                "textfont": {"color": HIGHLIGHT, "size": 11},
                "hoverinfo": "skip",
                "marker": {
                    "symbol": "circle-open",
                    "size": 19,
                    "color": HIGHLIGHT,
                    "line": {"width": 2, "color": HIGHLIGHT},
                },
            }
        )
    right = float(max(shown["days"].max(), shown["max"].max())) * 1.25 + 5
    layout = layout_for(
        TITLE,
        height=max(380, 140 + 24 * len(shown)),
        # the footnote is the axis title's second line: it can never overlap the first
        xaxis={
            "title": {
                "text": "Days since last in touch<br>"
                '<span style="font-size:11px;color:#595959">'
                + "<br>".join(escape(line) for line in textwrap.wrap(_summary(table), 30))
                + "</span>"
            },
            "range": [0, right],
            "zeroline": True,
            "automargin": True,
        },
        yaxis={"automargin": True, "type": "category"},
        margin={"l": 60, "r": 20, "t": 70, "b": 80},
    )
    reading = finding.reading if finding else _fallback_reading(table)
    return make_figure(data, layout, reading=reading, key="keep_warm", finding=finding)


def _fallback_reading(table: pd.DataFrame) -> str:
    counts = table["status"].value_counts()
    losing = int(counts.get("losing touch", 0))
    due = int(counts.get("due", 0))
    return (
        f"{losing:,} contacts are losing touch and {due:,} more are due a call; "
        f"{int(counts.get('no date', 0)):,} have no date of last contact."
    )
