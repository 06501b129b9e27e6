"""The measures the cohort view summarises, read from a share, and their bands.

Each measure names the finding it comes from and how to read it, and cuts its
range into a few bands in words ("mostly inside", "balanced"), so the room is
shown as how many participants fall in each band, never as anyone's value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["MEASURES", "Measure", "finding_value"]


def finding_value(share: Mapping[str, Any], key: str) -> Any:
    """The value of the finding *key* in *share* (None when absent).

    Examples
    --------
    >>> finding_value({"findings": [{"key": "keep_warm", "value": 3}]}, "keep_warm")
    3
    """
    return next((f["value"] for f in share["findings"] if f["key"] == key), None)


def _part(key: str, part: str) -> Callable[[Mapping[str, Any]], float | None]:
    def read(share: Mapping[str, Any]) -> float | None:
        value = finding_value(share, key)
        got = value.get(part) if isinstance(value, Mapping) else None
        return None if got is None else float(got)

    return read


def _whole(key: str) -> Callable[[Mapping[str, Any]], float | None]:
    def read(share: Mapping[str, Any]) -> float | None:
        value = finding_value(share, key)
        return None if value is None or isinstance(value, Mapping) else float(value)

    return read


@dataclass(frozen=True)
class Measure:
    """One measure of the room: where it comes from, what it means, its bands.

    ``bands`` are ``(upper bound, label)`` pairs in increasing order; a value
    falls in the first band whose bound it does not exceed (the last bound is
    ``inf``).
    """

    key: str
    title: str
    meaning: str
    read: Callable[[Mapping[str, Any]], float | None]
    bands: tuple[tuple[float, str], ...]
    better: str  # "up", "down" or "" (no direction is better)

    def band(self, value: float) -> str:
        """The band *value* falls in.

        Examples
        --------
        >>> MEASURES[0].band(-0.5), MEASURES[0].band(0.0)
        ('mostly inside (below -0.33)', 'a mix (-0.33 to 0.33)')
        """
        return next(label for bound, label in self.bands if value <= bound)


_INF = float("inf")

#: The distributions the cohort view shows, in order.
MEASURES: tuple[Measure, ...] = (
    Measure(
        "inside_outside",
        "Inside and outside the organisation",
        "Krackhardt's E-I index of each network: -1 all inside, +1 all outside.",
        _whole("inside_outside"),
        (
            (-0.33, "mostly inside (below -0.33)"),
            (0.33, "a mix (-0.33 to 0.33)"),
            (_INF, "mostly outside (above 0.33)"),
        ),
        "",
    ),
    Measure(
        "constraint",
        "Constraint (Burt)",
        "How much each network closes in on itself: high when the contacts all know each other.",
        _part("structure", "constraint"),
        (
            (0.1, "open (below 0.1)"),
            (0.3, "some closure (0.1 to 0.3)"),
            (_INF, "closed (above 0.3)"),
        ),
        "down",
    ),
    Measure(
        "self_introduced",
        "Contacts met on one's own",
        "The share of key contacts each participant introduced themself to; above 65% "
        "suggests a network built of people like them (Uzzi & Dunlap, 2005).",
        _whole("brokers"),
        (
            (0.5, "half or fewer"),
            (0.65, "51% to 65%"),
            (_INF, "more than 65%"),
        ),
        "down",
    ),
    Measure(
        "losing_touch",
        "Ties losing touch",
        "How many ties each participant is losing touch with.",
        _whole("keep_warm"),
        ((0, "none"), (5, "1 to 5"), (10, "6 to 10"), (_INF, "more than 10")),
        "down",
    ),
    Measure(
        "give_share",
        "Give and ask",
        "The share of logged exchanges in which each participant gave rather than asked.",
        _part("give_and_take", "give_share"),
        (
            (0.4, "mostly asking (below 40%)"),
            (0.6, "balanced (40% to 60%)"),
            (_INF, "mostly giving"),
        ),
        "up",
    ),
)
