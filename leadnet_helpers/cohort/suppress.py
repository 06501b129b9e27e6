"""Small-cell suppression: no count of fewer than five participants is shown.

In a room of twenty, "two people have no strategic contact" points at two
people. A count from 1 to 4 is therefore replaced by ``None`` and the place it
would have been is listed, with the reason, under ``suppressed``; the view says
so in words. Zero is shown (it names nobody), and so is the room's own size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["MIN_GROUP", "Suppressor"]

#: The smallest group the cohort view shows a breakdown of.
MIN_GROUP = 5


@dataclass
class Suppressor:
    """Counts shown or withheld, and the list of what was withheld.

    Examples
    --------
    >>> s = Suppressor()
    >>> s.count("gaps.keep_warm", 3), s.count("gaps.balance", 7), s.count("gaps.future", 0)
    (None, 7, 0)
    >>> s.suppressed
    [{'what': 'gaps.keep_warm', 'reason': 'fewer than 5 participants'}]
    """

    minimum: int = MIN_GROUP
    suppressed: list[dict[str, str]] = field(default_factory=list)

    def small(self, n: int) -> bool:
        """Whether a group of *n* is too small to show (1 to ``minimum - 1``)."""
        return 0 < n < self.minimum

    def count(self, what: str, n: int) -> int | None:
        """*n*, or None (and *what* listed) when it is a small cell."""
        if self.small(n):
            self.withhold(what, f"fewer than {self.minimum} participants")
            return None
        return n

    def withhold(self, what: str, reason: str) -> None:
        """List *what* as withheld for *reason*."""
        self.suppressed.append({"what": what, "reason": reason})
