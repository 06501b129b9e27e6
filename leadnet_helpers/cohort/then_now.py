"""Then and now: how the room moved between two rounds of shares.

A participant's shares carry the same share id, so a share written at the
start of a programme and one written weeks later pair up without anyone being
named. For each measure the view shows the room's median then and now, and
how many participants moved up, down or stayed (counts of fewer than five
withheld, like everywhere in the cohort view).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from statistics import median
from typing import Any

from ..model import NETWORK_TYPES
from .measures import MEASURES
from .suppress import Suppressor

__all__ = ["latest_and_earliest", "then_and_now"]

Share = Mapping[str, Any]
#: A change smaller than this is "about the same".
SAME = 0.02


def latest_and_earliest(shares: Sequence[Share]) -> dict[str, tuple[Share, Share]]:
    """Each share id's earliest and latest share (the same one when it shared once).

    Examples
    --------
    >>> a = {"share_id": "x", "date": "2026-01-05"}
    >>> b = {"share_id": "x", "date": "2026-03-01"}
    >>> [s["date"] for s in latest_and_earliest([b, a])["x"]]
    ['2026-01-05', '2026-03-01']
    """
    by_id: dict[str, list[Share]] = defaultdict(list)
    for s in shares:
        by_id[s["share_id"]].append(s)
    return {
        sid: (min(group, key=lambda s: s["date"]), max(group, key=lambda s: s["date"]))
        for sid, group in by_id.items()
    }


#: The measures read as shares of 0 to 1 (shown as percentages).
SHARES = ("mix.operational", "mix.personal", "mix.strategic", "self_introduced", "give_share")


def _readers() -> list[tuple[str, str, Callable[[Share], float | None], str]]:
    def mix(kind: str) -> Callable[[Share], float | None]:
        def read(s: Share) -> float | None:
            value = s["network"]["mix"].get(kind)
            return None if value is None else float(value)

        return read

    def gaps(s: Share) -> float:
        return float(sum(1 for f in s["findings"] if f["is_gap"]))

    rows = [(f"mix.{k}", f"Share of the {k} network", mix(k), "") for k in NETWORK_TYPES]
    rows.append(("gaps", "Number of gaps", gaps, "down"))
    rows += [(m.key, m.title, m.read, m.better) for m in MEASURES]
    return rows


def then_and_now(shares: Sequence[Share], cells: Suppressor) -> dict[str, Any]:
    """The pairs of shares (same id, different dates) and how the room moved between them."""
    ends = latest_and_earliest(shares)
    pairs = [(a, b) for a, b in ends.values() if a["date"] != b["date"]]
    out: dict[str, Any] = {"pairs": len(pairs), "measures": {}}
    if cells.small(len(pairs)):
        cells.withhold("then_now", f"fewer than {cells.minimum} participants shared twice")
        out["pairs"] = None
        return out
    if not pairs:
        return out
    out["then_dates"] = {
        "from": min(a["date"] for a, _ in pairs),
        "to": max(a["date"] for a, _ in pairs),
    }
    out["now_dates"] = {
        "from": min(b["date"] for _, b in pairs),
        "to": max(b["date"] for _, b in pairs),
    }
    for key, title, read, better in _readers():
        both = [(read(a), read(b)) for a, b in pairs]
        values = [(x, y) for x, y in both if x is not None and y is not None]
        if cells.small(len(values)) or not values:
            cells.withhold(f"then_now.{key}", "measured twice for fewer than 5 participants")
            continue
        step = 0.5 if key in ("gaps", "losing_touch") else SAME
        up = sum(1 for x, y in values if y - x > step)
        down = sum(1 for x, y in values if x - y > step)
        out["measures"][key] = {
            "title": title,
            "better": better,
            "unit": "share" if key in SHARES else "number",
            "median_then": round(median(x for x, _ in values), 4),
            "median_now": round(median(y for _, y in values), 4),
            "up": cells.count(f"then_now.{key}.up", up),
            "down": cells.count(f"then_now.{key}.down", down),
            "same": cells.count(f"then_now.{key}.same", len(values) - up - down),
        }
    return out
