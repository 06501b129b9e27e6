"""The room at a glance: counts and distributions over the latest share of each participant.

Every figure here is a count of participants or a quartile over at least
:data:`~.suppress.MIN_GROUP` of them; a count of fewer is withheld
(:class:`~.suppress.Suppressor`). The principles behind each measure are the
workbook's own (the findings of :mod:`leadnet_helpers.diagnostics`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from statistics import median, quantiles
from typing import Any

from ..model import CAREER_STAGES, NETWORK_TYPES
from ..share.offers import load_choices
from ..share.schema import finding_titles
from .measures import MEASURES
from .suppress import Suppressor

__all__ = ["NEAR_TARGET", "quartiles", "room_summary"]

#: A share of a network within this of its target counts as "near the target".
NEAR_TARGET = 0.05

Share = Mapping[str, Any]


def quartiles(values: Sequence[float]) -> dict[str, float]:
    """The lower quartile, median and upper quartile (never the smallest or largest value).

    Examples
    --------
    >>> quartiles([1, 2, 3, 4, 5, 6, 7, 8])
    {'q1': 2.75, 'median': 4.5, 'q3': 6.25}
    """
    q1, mid, q3 = quantiles(values, n=4, method="inclusive")
    return {"q1": round(q1, 4), "median": round(mid, 4), "q3": round(q3, 4)}


def _stages(shares: Sequence[Share], cells: Suppressor) -> dict[str, int | None]:
    counts = Counter(s["career_stage"] or "not given" for s in shares)
    order = [*CAREER_STAGES, "not given"]
    return {
        stage: cells.count(f"career_stage.{stage}", counts[stage])
        for stage in order
        if counts[stage]
    }


def _mix(shares: Sequence[Share], cells: Suppressor) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in NETWORK_TYPES:
        pairs = [
            (float(s["network"]["mix"][kind]), (s["network"]["target"] or {}).get(kind))
            for s in shares
            if kind in s["network"]["mix"]
        ]
        shares_of = [p[0] for p in pairs]
        targets = [float(t) for _, t in pairs if t is not None]
        below = sum(1 for v, t in pairs if t is not None and v < t - NEAR_TARGET)
        above = sum(1 for v, t in pairs if t is not None and v > t + NEAR_TARGET)
        near = len(targets) - below - above
        entry: dict[str, Any] = {"measured": len(pairs)}
        if cells.small(len(pairs)):
            cells.withhold(f"mix.{kind}", "measured for fewer than 5 participants")
        elif pairs:
            entry["share"] = quartiles(shares_of)
            entry["target_median"] = round(median(targets), 4) if len(targets) >= 5 else None
            entry["below_target"] = cells.count(f"mix.{kind}.below_target", below)
            entry["near_target"] = cells.count(f"mix.{kind}.near_target", near)
            entry["above_target"] = cells.count(f"mix.{kind}.above_target", above)
        out[kind] = entry
    return out


def _gaps(shares: Sequence[Share], cells: Suppressor) -> list[dict[str, Any]]:
    titles = finding_titles()
    counts: Counter[str] = Counter()
    for s in shares:
        counts.update(f["key"] for f in s["findings"] if f["is_gap"])
    ranked = sorted(titles, key=lambda k: (-counts[k], list(titles).index(k)))
    return [
        {"key": k, "title": titles[k], "participants": cells.count(f"gaps.{k}", counts[k])}
        for k in ranked
    ]


def _distributions(shares: Sequence[Share], cells: Suppressor) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in MEASURES:
        values = [v for v in (m.read(s) for s in shares) if v is not None]
        entry: dict[str, Any] = {"title": m.title, "meaning": m.meaning, "measured": len(values)}
        if cells.small(len(values)):
            cells.withhold(f"distributions.{m.key}", "measured for fewer than 5 participants")
        elif values:
            entry["quartiles"] = quartiles(values)
            bands = Counter(m.band(v) for v in values)
            entry["bands"] = {
                label: cells.count(f"distributions.{m.key}.{label}", bands[label])
                for _, label in m.bands
            }
        out[m.key] = entry
    return out


def _give_ask(shares: Sequence[Share], cells: Suppressor) -> dict[str, Any]:
    kinds = [k["id"] for k in load_choices()["kinds"]]
    out: dict[str, Any] = {}
    for side in ("offers", "asks"):
        people = Counter(kind for s in shares for kind in {c["kind"] for c in s[side]})
        out[side] = {k: cells.count(f"give_ask.{side}.{k}", people[k]) for k in kinds if people[k]}
    with_any = sum(1 for s in shares if s["offers"] or s["asks"])
    out["participants_taking_part"] = cells.count("give_ask.participants_taking_part", with_any)
    return out


def room_summary(shares: Sequence[Share], cells: Suppressor) -> dict[str, Any]:
    """Everything the room view shows about the latest shares (one per participant).

    Examples
    --------
    >>> room_summary([], Suppressor())["gaps"][0]["participants"]
    0
    """
    return {
        "career_stages": _stages(shares, cells),
        "mix": _mix(shares, cells),
        "gaps": _gaps(shares, cells),
        "distributions": _distributions(shares, cells),
        "give_ask": _give_ask(shares, cells),
    }
