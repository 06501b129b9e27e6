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

__all__ = ["ROLES", "SEVERITY_LABELS", "Concerned", "Finding", "severity_label"]

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


#: The roles a person can play in a finding, and what each means.
ROLES: dict[str, str] = {
    "losing_touch": "a tie past its longest interval without contact",
    "due": "a tie past its ideal interval, not yet losing touch",
    "asked_only": "approached only to ask, or giving without anything recorded in return",
    "relied_on": "the one source, or most of one, of something the person receives",
    "constrains": "a contact whose ties to the others constrain the person most (Burt)",
    "introducer": "someone who introduced the person to several contacts (a broker)",
    "pair": "one of two contacts who would gain from being introduced to each other",
    "to_deepen": "a strategic or personal tie of middling strength worth deepening",
    "personal_future": "a personal contact who looks ahead or sits outside the organisation",
    "mentor": "a senior contact, not the person's own manager, who could advise",
    "cross_function": "a peer or senior inside the organisation in another function",
    "sole_helper": "the only contact giving the person one kind of help (Cross & Thomas)",
    "drains_relied_on": "a draining tie among the people the person relies on most",
    "drains": "a tie the person finds draining (Cross, Baker & Parker)",
}


@dataclass(frozen=True)
class Concerned:
    """A person a finding is about, and the role they play in it (typed evidence).

    Parameters
    ----------
    role : str
        One of :data:`ROLES`.
    contact_id : int or None
        The contact's id (``None`` for someone not in the workspace, e.g. an
        introducer named only in ``introduced_by``).
    name : str
        The contact's name.
    network_type : str
        The type in force (``""`` when unclassified).
    detail : str
        Why this person is concerned, in plain words ("strategic, last contact
        7 months ago").
    pair : int or None
        For ``role="pair"``: which suggested pair (both sides share it).
    note : str
        What the action needs besides the person: the resource relied on, the
        reason a pair would gain from meeting.

    Examples
    --------
    >>> Concerned("losing_touch", 4, "Robert Hale", "strategic", "last contact 7 months ago").role
    'losing_touch'
    """

    role: str
    contact_id: int | None
    name: str
    network_type: str = ""
    detail: str = ""
    pair: int | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; use one of {', '.join(ROLES)}")


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
        Supporting numbers and lists for tables and figures.
    evidence : tuple of Concerned
        The people the finding names, each with its role; the action plan
        reads only these (:meth:`people`).

    Examples
    --------
    >>> f = Finding(
    ...     "future",
    ...     "Looking ahead",
    ...     0.08,
    ...     "Only 8% of your network looks ahead.",
    ...     True,
    ...     0.6,
    ...     "Leaders orient to the future.",
    ...     "Ibarra & Hunter (2007)",
    ... )
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
    evidence: tuple[Concerned, ...] = ()

    def people(self, role: str) -> list[Concerned]:
        """The people this finding names in *role*, in the finding's order.

        Examples
        --------
        >>> f = Finding(
        ...     "keep_warm",
        ...     "t",
        ...     1,
        ...     "r",
        ...     True,
        ...     0.5,
        ...     "p",
        ...     "s",
        ...     evidence=(Concerned("losing_touch", 1, "Bo"),),
        ... )
        >>> [p.name for p in f.people("losing_touch")], f.people("due")
        (['Bo'], [])
        """
        return [p for p in self.evidence if p.role == role]

    @property
    def severity_label(self) -> str:
        """``"none"``, ``"low"``, ``"medium"`` or ``"high"``."""
        return severity_label(self.severity if self.is_gap else 0.0)

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain JSON-ready data (with its severity label)."""
        data = asdict(self)
        data["severity_label"] = self.severity_label
        return data
