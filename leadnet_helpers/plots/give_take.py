"""Give and take: what you give each contact against what you ask of them."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..findings import Finding
from ..network import NetworkData
from ..rules import to_timestamps
from .style import (
    HIGHLIGHT,
    NEUTRAL,
    empty_figure,
    escape,
    layout_for,
    make_figure,
    type_codes,
    type_label,
)

__all__ = ["GIVE_TAKE_KEYS", "TOP", "WINDOW_DAYS", "give_take_counts", "give_take_figure"]

#: The keys of the finding this figure reads from (the first one present wins).
GIVE_TAKE_KEYS = ("give_and_take",)
#: How many contacts the figure names, the busiest first.
TOP = 15
#: The days of the log counted, up to today (as the give-and-take diagnostic does).
WINDOW_DAYS = 365
TITLE = "Give and take"
GAVE, ASKED = "I gave", "I asked"
GAVE_COLOUR, ASKED_COLOUR = NEUTRAL, HIGHLIGHT


def give_take_counts(
    net: NetworkData, today: date | datetime | str | None = None, window_days: int = WINDOW_DAYS
) -> tuple[pd.DataFrame, str]:
    """Per contact, how often you gave and how often you asked; and where that came from.

    From the interaction log of the last *window_days* up to *today* (the
    window the give-and-take diagnostic uses) when it has any "gave" or
    "asked" entries;
    otherwise from what the contacts table says you give each contact
    (``i_give``) and what they give you (``gives_me``).

    Returns
    -------
    (DataFrame, str)
        Columns ``id``, ``name``, ``network_type``, ``gave``, ``asked``
        (contacts with neither left out), and ``"log"`` or ``"profile"``.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Interaction, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [Contact("Bo", id=1)],
    ...     interactions=[Interaction(1, "2026-01-02", "asked")],
    ... )
    >>> frame, origin = give_take_counts(net, today="2026-06-01")
    >>> frame[["name", "gave", "asked"]].values.tolist(), origin
    ([['Bo', 0, 1]], 'log')
    """
    contacts = net.contacts
    base = pd.DataFrame(
        {
            "id": contacts["id"].to_numpy(dtype="int64", na_value=-1),
            "name": contacts["name"].astype(object).fillna("").to_numpy(),
            "network_type": type_codes(contacts).to_numpy(dtype=object),
        }
    )
    log = net.interactions
    if len(log):
        end = pd.Timestamp(str(today)[:10]) if today is not None else pd.Timestamp(date.today())
        dates = to_timestamps(log["date"])
        log = log[(dates > end - pd.Timedelta(days=window_days)) & (dates <= end)]
    kinds = log["kind"].astype(str).str.casefold() if len(log) else pd.Series([], dtype=object)
    if len(log) and kinds.isin(["gave", "asked"]).any():
        ids = log["contact_id"].to_numpy(dtype="int64", na_value=-1)
        gave = pd.Series(ids[(kinds == "gave").to_numpy()]).value_counts()
        asked = pd.Series(ids[(kinds == "asked").to_numpy()]).value_counts()
        base["gave"] = base["id"].map(gave).fillna(0).astype(int)
        base["asked"] = base["id"].map(asked).fillna(0).astype(int)
        origin = "log"
    else:
        base["gave"] = (
            contacts["i_give"]
            .map(lambda v: len(v) if isinstance(v, tuple) else 0)
            .to_numpy(dtype=int)
        )
        base["asked"] = (
            contacts["gives_me"]
            .map(lambda v: len(v) if isinstance(v, tuple) else 0)
            .to_numpy(dtype=int)
        )
        origin = "profile"
    busy = base[(base["gave"] + base["asked"]) > 0]
    return busy.reset_index(drop=True), origin


def _fallback_reading(frame: pd.DataFrame, origin: str) -> str:
    gave, asked = int(frame["gave"].sum()), int(frame["asked"].sum())
    if origin == "log":
        only_ask = int(((frame["asked"] > 0) & (frame["gave"] == 0)).sum())
        return (
            f"In the last year your log shows {gave:,} gives and {asked:,} asks; "
            f"{only_ask:,} contacts only hear from you when you need something."
        )
    return (
        f"By your own notes you give {gave:,} kinds of help across your contacts and "
        f"receive {asked:,}."
    )


def give_take_figure(
    net: NetworkData,
    finding: Finding | None = None,
    today: date | datetime | str | None = None,
    top: int = TOP,
) -> go.Figure:
    """Bars of giving and asking: overall on the left, the busiest contacts on the right.

    Parameters
    ----------
    net : NetworkData
        The (possibly filtered) network.
    finding : Finding, optional
        The give-and-take finding; its reading goes beneath the figure and its
        ``details["window_days"]`` sets how much of the log counts.
    today : date, optional
        The end of the window (today when not given).
    top : int
        How many contacts to name, those you gave to or asked most first.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Interaction, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [Contact("Bo", id=1)],
    ...     interactions=[Interaction(1, "2026-01-02", "gave")],
    ... )
    >>> [t.name for t in give_take_figure(net, today="2026-03-01").data]
    ['I gave', 'I gave', 'I asked', 'I asked']
    """
    if net.size == 0:
        return empty_figure(TITLE, "No contacts yet, so nothing given or asked.", key="give_take")
    window = WINDOW_DAYS
    if finding is not None and isinstance((finding.details or {}).get("window_days"), int):
        window = finding.details["window_days"]
    frame, origin = give_take_counts(net, today, window)
    if frame.empty:
        message = (
            "Nothing given or asked is recorded yet: log what you give and ask in "
            "notebook 05, or note it on each contact in notebook 01."
        )
        return empty_figure(
            TITLE,
            message,
            key="give_take",
            finding=finding,
            reading=finding.reading if finding else message,
        )
    frame = frame.assign(total=frame["gave"] + frame["asked"], key=frame["name"].str.casefold())
    shown = frame.sort_values(["total", "key"], ascending=[False, True]).head(top)
    shown = shown.iloc[::-1]  # the busiest at the top of a horizontal bar chart
    labels = [
        f"{escape(n)} · {type_label(t).lower()}" if t else escape(n)
        for n, t in zip(shown["name"], shown["network_type"], strict=True)
    ]
    # the same name twice would merge two bars: make labels unique
    seen: dict[str, int] = {}
    for i, label in enumerate(labels):
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            labels[i] = f"{label} ({seen[label]})"
    verb_gave = "gave" if origin == "log" else "kinds of help I give"
    verb_asked = "asked" if origin == "log" else "kinds of help I get"
    totals = [int(frame["gave"].sum()), int(frame["asked"].sum())]
    data: list[dict] = []
    for name, colour, pattern, value, column in (
        (GAVE, GAVE_COLOUR, "", totals[0], "gave"),
        (ASKED, ASKED_COLOUR, "x", totals[1], "asked"),
    ):
        marker = {"color": colour, "pattern": {"shape": pattern, "fgcolor": "white"}}
        data.append(
            {
                "type": "bar",
                "x": [name],
                "y": [value],
                "name": name,
                "marker": marker,
                "legendgroup": name,
                "text": [f"{value:,}"],
                "textposition": "outside",
                "cliponaxis": False,
                "xaxis": "x",
                "yaxis": "y",
                "hovertemplate": f"{name}: %{{y:,}}<extra></extra>",
            }
        )
        values = shown[column].to_numpy(dtype=int)
        verb = verb_gave if column == "gave" else verb_asked
        data.append(
            {
                "type": "bar",
                "y": labels,
                "x": values,
                "orientation": "h",
                "name": name,
                "marker": marker,
                "legendgroup": name,
                "showlegend": False,
                "text": [f"{v:,}" if v else "" for v in values],
                "textposition": "outside",
                "cliponaxis": False,
                "xaxis": "x2",
                "yaxis": "y2",
                "hovertemplate": f"%{{y}}<br>{verb}: %{{x:,}}<extra></extra>",
            }
        )
    axis = "Times" if origin == "log" else "Kinds of help"
    most = float(np.max(shown[["gave", "asked"]].to_numpy()))
    layout = layout_for(
        TITLE,
        height=max(400, 140 + 26 * len(shown)),
        barmode="group",
        bargap=0.25,
        # what each part shows is its x-axis title (titles above the parts met the legend)
        xaxis={"domain": [0, 0.2], "anchor": "y", "title": {"text": "Overall"}},
        yaxis={"title": {"text": axis}, "range": [0, max(totals) * 1.25 + 1], "anchor": "x"},
        xaxis2={
            "domain": [0.45, 1],
            "anchor": "y2",
            "title": {"text": f"{axis}: the {len(shown)} contacts you gave to or asked most"},
            "range": [0, most * 1.2 + 1],
        },
        yaxis2={"anchor": "x2", "automargin": True, "type": "category"},
        margin={"l": 60, "r": 20, "t": 90, "b": 50},
    )
    reading = finding.reading if finding else _fallback_reading(frame, origin)
    return make_figure(data, layout, reading=reading, key="give_take", finding=finding)
