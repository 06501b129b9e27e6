"""What a diagnostic returns: a measure, its reading, and the theory behind it.

Every diagnostic in :mod:`leadnet_helpers.diagnostics` returns a
:class:`Finding`. The action plan (:mod:`leadnet_helpers.plan`) turns the
findings that are gaps into actions, and the exports print them. A finding
always names the principle it rests on and its source, so a student can follow
the reasoning and a coach can discuss it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["SEVERITY_LABELS", "Finding", "severity_label"]

#: Thresholds for naming a severity between 0 (none) and 1 (most severe).
SEVERITY_LABELS = ((0.0, "none"), (0.01, "low"), (0.34, "medium"), (0.67, "high"))


def severity_label(severity: float) -> str:
    """Name a severity.

    Examples
    --------
    >>> severity_label(0), severity_label(0.2), severity_label(0.5), severity_label(0.9)
    ('none', 'low', 'medium', 'high')
    """
    label = "none"
    for floor, name in SEVERITY_LABELS:
        if severity >= floor:
            label = name
    return label


@dataclass(frozen=True)
class Finding:
    """One diagnostic's result.

    Parameters
    ----------
    key : str
        A stable machine name, e.g. ``"balance"`` or ``"constraint"``.
    title : str
        A short human title, e.g. ``"Balance of the three networks"``.
    value : Any
        The headline measure (a number, or a small mapping of numbers);
        never NaN: an undefined measure is ``None`` with a reading saying why.
    reading : str
        One or two plain sentences saying what the value means for this person.
    is_gap : bool
        Whether this is something the person should act on.
    severity : float
        From 0 (no gap) to 1 (the most severe), used to rank gaps.
    principle : str
        The idea behind the measure, in plain words.
    source : str
        Where the principle comes from (author, year, title, venue).
    details : dict
        Supporting numbers and lists (e.g. the contacts losing touch).

    Examples
    --------
    >>> f = Finding("future", "Looking ahead", 0.08, "Only 8% of your network looks ahead.",
    ...             True, 0.6, "Leaders orient to the future.", "Ibarra & Hunter (2007)")
    >>> f.severity_label, f.to_dict()["key"]
    ('medium', 'future')
    """

    key: str
    title: str
    value: Any
    reading: str
    is_gap: bool
    severity: float
    principle: str
    source: str
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def severity_label(self) -> str:
        """``"none"``, ``"low"``, ``"medium"`` or ``"high"``."""
        return severity_label(self.severity if self.is_gap else 0.0)

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain JSON-ready data (with its severity label)."""
        data = asdict(self)
        data["severity_label"] = self.severity_label
        return data
