"""Shared pieces of the diagnostics: sources, column readers, JSON-safe results.

Nothing here is public. Every diagnostic reads the contacts table through the
small readers below, so missing, odd or empty cells are handled in one place,
and builds its :class:`~leadnet_helpers.findings.Finding` through
:func:`make_finding`, which turns numpy numbers into Python ones and NaN into
``None`` so that every result is plain JSON.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Iterable
from datetime import date, datetime
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from ..findings import Concerned, Finding
from ..network import NetworkData
from ..rules import to_timestamps

__all__: list[str] = []

# --------------------------------------------------------------------------- sources

IBARRA = (
    "Ibarra, H. & Hunter, M. (2007). How leaders create and use networks. "
    "Harvard Business Review, 85(1)."
)
BURT = (
    "Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. "
    "Harvard University Press."
)
BORGATTI = (
    "Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures. "
    "Connections, 20(1)."
)
KRACKHARDT = (
    "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational "
    "crises: an experimental simulation. Social Psychology Quarterly, 51(2)."
)
BLAU = (
    "Blau, P. M. (1977). Inequality and Heterogeneity. Free Press; Agresti, A. & "
    "Agresti, B. F. (1978). Statistical analysis of qualitative variation. "
    "Sociological Methodology, 9."
)
MCPHERSON = (
    "McPherson, M., Smith-Lovin, L. & Cook, J. M. (2001). Birds of a feather: "
    "homophily in social networks. Annual Review of Sociology, 27."
)
UZZI = "Uzzi, B. & Dunlap, S. (2005). How to build your network. Harvard Business Review, 83(12)."
GRANOVETTER = (
    "Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology, 78(6)."
)
CROSS = "Cross, R. & Thomas, R. J. (2011). A smarter way to network. Harvard Business Review, July-August 2011."
CROSS_ENERGY = (
    "Cross, R., Baker, W. & Parker, A. (2003). What creates energy in organizations? "
    "MIT Sloan Management Review, 44(4)."
)
BAKER = "Baker, W. (2000). Achieving Success Through Social Capital. Jossey-Bass."
CADENCE = (
    "Product choice (LeadNet): an ideal and a maximum interval per type and strength, "
    "after stay-in-touch requests from users of the Monica personal CRM "
    "(monicahq/monica #321, #1814); see data/keep_warm.json."
)

NETWORK_TYPES = ("operational", "personal", "strategic")
STRONG = 4  # strength >= 4 (of 1-5) counts as a strong tie
NO_CONTACTS = "No contacts yet: add some in notebook 01."

# --------------------------------------------------------------------------- JSON safety


def clean(value: Any) -> Any:
    """Return *value* as plain JSON-ready data: no numpy types, no NaN, no tuples."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray, pd.Series)):
        return [clean(v) for v in value]
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return None if pd.isna(value) else value.isoformat()[:10]
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)


def make_finding(
    key: str,
    title: str,
    value: Any,
    reading: str,
    *,
    severity: float = 0.0,
    is_gap: bool | None = None,
    principle: str,
    source: str,
    details: dict[str, Any] | None = None,
    evidence: Iterable[Concerned] = (),
) -> Finding:
    """Build a JSON-safe :class:`Finding`; a gap is any positive severity unless told."""
    severity = float(severity)
    severity = 0.0 if not math.isfinite(severity) else min(1.0, max(0.0, severity))
    gap = severity > 0 if is_gap is None else bool(is_gap)
    return Finding(
        key,
        title,
        clean(value),
        reading,
        gap,
        round(severity, 3) if gap else 0.0,
        principle,
        source.replace(".; ", "; "),
        clean(details or {}),
        tuple(evidence),
    )


def concerned(
    role: str, ref: dict[str, Any], detail: str = "", *, pair: int | None = None, note: str = ""
) -> Concerned:
    """Typed evidence from a contact reference (:meth:`View.ref`) in *role*."""
    cid = ref.get("id")
    return Concerned(
        role,
        cid if isinstance(cid, int) else None,
        str(ref.get("name") or ""),
        str(ref.get("network_type") or ""),
        detail,
        pair,
        note,
    )


def no_contacts(key: str, title: str, principle: str, source: str) -> Finding:
    """The finding of an empty network: value ``None`` and a pointer to notebook 01."""
    return make_finding(
        key, title, None, NO_CONTACTS, principle=principle, source=source, details={"contacts": 0}
    )


# --------------------------------------------------------------------------- readers


# whitespace next to a value's edge, in values joined by NUL (re's \s is str.strip's whitespace)
_UNSTRIPPED = re.compile(r"^\s|\s$|\s\x00|\x00\s")


def text(frame: pd.DataFrame, column: str) -> np.ndarray:
    """A text column as an object array of stripped strings (``""`` when missing).

    Examples
    --------
    >>> text(pd.DataFrame({"c": ["a ", None, 3, "b"]}), "c").tolist()
    ['a', '', '', 'b']
    """
    if column not in frame:
        return np.full(len(frame), "", dtype=object)
    values = frame[column].tolist()
    try:  # every value text already stripped (as the store keeps them): kept as they are
        if not _UNSTRIPPED.search("\x00".join(values)) and "\x00" not in "".join(values):
            return np.array(values, dtype=object)
    except TypeError:  # missing values, numbers: one by one
        pass
    return np.array([v.strip() if isinstance(v, str) else "" for v in values], dtype=object)


def casefolded(values: np.ndarray) -> np.ndarray:
    """Text values case-folded, as an object array (one pass over the joined text).

    Examples
    --------
    >>> casefolded(np.array(["Straße", "ÉCOLE", ""], dtype=object)).tolist()
    ['strasse', 'école', '']
    """
    items = values.tolist()
    joined = "\x00".join(items)
    parts = joined.casefold().split("\x00")
    if len(parts) != len(items):  # a value held the separator itself
        parts = [v.casefold() for v in items]
    return np.array(parts, dtype=object)


def folded(frame: pd.DataFrame, column: str) -> np.ndarray:
    """A text column case-folded, for comparisons."""
    return casefolded(text(frame, column))


def strengths(frame: pd.DataFrame) -> np.ndarray:
    """Tie strength 1-5 per contact as floats; NaN when unknown or out of range."""
    if "strength" not in frame:
        return np.full(len(frame), np.nan)
    values = pd.to_numeric(frame["strength"], errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )
    values[(values < 1) | (values > 5)] = np.nan
    return values


def flags(frame: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
    """A yes/no column as two boolean arrays: is it known-True, is it known-False."""
    if column not in frame:
        empty = np.zeros(len(frame), dtype=bool)
        return empty, empty.copy()
    values = frame[column].tolist()
    yes = np.fromiter(
        (v is True or (isinstance(v, np.bool_) and bool(v)) for v in values),
        dtype=bool,
        count=len(values),
    )
    no = np.fromiter(
        (v is False or (isinstance(v, np.bool_) and not bool(v)) for v in values),
        dtype=bool,
        count=len(values),
    )
    return yes, no


def types(frame: pd.DataFrame) -> np.ndarray:
    """The network type in force per contact (``""`` when unclassified)."""
    values = folded(frame, "network_type")
    values[~np.isin(values, NETWORK_TYPES)] = ""
    return values


def tuples(frame: pd.DataFrame, column: str) -> list[tuple[str, ...]]:
    """A multi-value column as tuples of case-folded strings."""
    if column not in frame:
        return [() for _ in range(len(frame))]
    out = []
    for v in frame[column].tolist():
        if isinstance(v, (tuple, list, set, frozenset, np.ndarray)):
            out.append(tuple(str(x).strip().casefold() for x in v if isinstance(x, str)))
        elif isinstance(v, str) and v.strip():
            out.append(
                tuple(p.strip().casefold() for p in v.replace(",", ";").split(";") if p.strip())
            )
        else:
            out.append(())
    return out


def names(frame: pd.DataFrame) -> np.ndarray:
    """Contact names (``"contact N"`` when a name is missing)."""
    raw = text(frame, "name")
    return np.array([n or f"contact {i + 1}" for i, n in enumerate(raw)], dtype=object)


def ids(frame: pd.DataFrame) -> np.ndarray:
    """Contact ids as floats (NaN when missing), for mapping ties and log entries."""
    if "id" not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame["id"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def positions(frame: pd.DataFrame, wanted: pd.Series | np.ndarray) -> np.ndarray:
    """Row positions of the contacts whose ids are *wanted* (``-1`` when unknown).

    When an id appears twice, the first row wins.
    """
    known = ids(frame)
    lookup = pd.Series(np.arange(len(frame)), index=known)
    lookup = lookup[~pd.isna(lookup.index)]
    lookup = lookup[~lookup.index.duplicated(keep="first")]
    keys = pd.to_numeric(pd.Series(np.asarray(wanted, dtype=object)), errors="coerce")
    found = keys.map(lookup)
    return found.fillna(-1).to_numpy(dtype=np.int64)


def pct(share: float) -> str:
    """A share as a rounded percentage, e.g. ``'8%'``; never ``'0%'`` for a tiny share."""
    value = 100 * share
    if 0 < value < 1:
        return "under 1%"
    return f"{round(value):.0f}%"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``'1 contact'``, ``'3 contacts'``."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def stage_label(net: NetworkData) -> str:
    """The person's career stage, or a neutral phrase."""
    stage = (net.profile.career_stage or "").strip() if net.profile else ""
    return stage


# --------------------------------------------------------------------------- one view per network


class View:
    """Arrays read once from a network's contacts table, shared by all diagnostics.

    Attributes are computed on first use and cached. Use :func:`view` to get
    the (cached) view of a :class:`NetworkData`. The cache assumes the
    network's tables are not changed in place (build a new NetworkData, e.g.
    with :func:`dataclasses.replace` or ``filter_network``, instead).
    """

    def __init__(self, net: NetworkData) -> None:
        self.net = net
        self.frame = net.contacts if net.contacts is not None else pd.DataFrame()
        self.n = len(self.frame)

    @cached_property
    def ids(self) -> np.ndarray:
        """Contact ids as floats (NaN when missing)."""
        return ids(self.frame)

    @cached_property
    def names(self) -> np.ndarray:
        """Contact names."""
        return names(self.frame)

    @cached_property
    def types(self) -> np.ndarray:
        """Network type in force (``""`` when unclassified)."""
        return types(self.frame)

    @cached_property
    def strength(self) -> np.ndarray:
        """Strength 1-5 (NaN when unknown)."""
        return strengths(self.frame)

    @cached_property
    def inside(self) -> tuple[np.ndarray, np.ndarray]:
        """(inside, outside) the person's organisation, by :func:`~leadnet_helpers.rules.location`."""
        if "location" not in self.frame:
            return flags(self.frame, "inside_org")
        where = self.frame["location"].to_numpy(dtype=object)
        return where == "inside", where == "outside"

    @cached_property
    def gives_me(self) -> list[tuple[str, ...]]:
        """What each contact gives the person."""
        return tuples(self.frame, "gives_me")

    @cached_property
    def i_give(self) -> list[tuple[str, ...]]:
        """What the person gives each contact."""
        return tuples(self.frame, "i_give")

    def column(self, name: str) -> np.ndarray:
        """A text column, stripped (cached per column)."""
        cache = self.__dict__.setdefault("_text", {})
        if name not in cache:
            cache[name] = text(self.frame, name)
        return cache[name]

    def folded(self, name: str) -> np.ndarray:
        """A text column, case-folded (cached per column)."""
        cache = self.__dict__.setdefault("_folded", {})
        if name not in cache:
            cache[name] = casefolded(self.column(name))
        return cache[name]

    def concerned(
        self, role: str, i: int, detail: str = "", *, pair: int | None = None, note: str = ""
    ) -> Concerned:
        """Contact row *i* as typed evidence in *role* (see :data:`~..findings.ROLES`)."""
        cid = self.ids[i]
        return Concerned(
            role,
            None if math.isnan(cid) else int(cid),
            str(self.names[i]),
            str(self.types[i]),
            detail,
            pair,
            note,
        )

    def ref(self, i: int) -> dict[str, Any]:
        """A small JSON-ready reference to contact row *i*: id, name, network type."""
        cid = self.ids[i]
        return {
            "id": None if math.isnan(cid) else int(cid),
            "name": str(self.names[i]),
            "network_type": str(self.types[i]) or None,
        }

    @cached_property
    def log(self) -> pd.DataFrame:
        """The interaction log with a row position per entry (unknown contacts dropped)."""
        log = self.net.interactions
        if log is None or not len(log) or "contact_id" not in log:
            return pd.DataFrame(
                {
                    "pos": np.zeros(0, dtype=np.int64),
                    "date": pd.to_datetime(pd.Series([], dtype=object)),
                    "kind": pd.Series([], dtype=object),
                }
            )
        pos = positions(self.frame, log["contact_id"])
        if "date" in log:
            dates = to_timestamps(log["date"]).to_numpy(dtype="datetime64[ns]")
        else:
            dates = np.full(len(log), np.datetime64("NaT"), dtype="datetime64[ns]")
        raw = log.get("kind", pd.Series([""] * len(log))).tolist()
        kinds = np.array(
            [k.strip().casefold() if isinstance(k, str) else "" for k in raw], dtype=object
        )
        out = pd.DataFrame({"pos": pos, "date": dates, "kind": kinds})
        return out[out["pos"] >= 0].reset_index(drop=True)

    def counts(self, kind: str) -> np.ndarray:
        """How many logged interactions of *kind* each contact has."""
        log = self.log
        picked = log["pos"].to_numpy()[log["kind"].to_numpy() == kind]
        return np.bincount(picked, minlength=self.n)[: self.n]


_VIEWS: dict[int, tuple[weakref.ref, View]] = {}


def view(net: NetworkData) -> View:
    """The cached :class:`View` of *net* (one per live network object)."""
    key = id(net)
    hit = _VIEWS.get(key)
    if hit is not None and hit[0]() is net:
        return hit[1]
    made = View(net)
    if len(_VIEWS) > 16:
        for k in [k for k, (r, _) in _VIEWS.items() if r() is None] or list(_VIEWS)[:8]:
            _VIEWS.pop(k, None)
    _VIEWS[key] = (weakref.ref(net), made)
    return made


def carry_view(old: NetworkData, new: NetworkData) -> None:
    """Let *new* reuse the contact arrays of *old*'s view (the same contacts table).

    For a network rebuilt with other ties or another log but the very same
    contacts table (a log entry in notebook 05): the arrays read from the
    contacts are not read again. Nothing happens when the tables differ.
    """
    hit = _VIEWS.get(id(old))
    if hit is None or hit[0]() is not old or new.contacts is not old.contacts:
        return
    made = view(new)
    for key, value in hit[1].__dict__.items():
        if key not in ("net", "frame", "n", "log"):
            made.__dict__.setdefault(key, value)


# The view's arrays that each hold one value per contact, worked out from that contact's own
# row: a part of the network can take them row by row. (``names`` is not one: a contact with no
# name is called after its row number.)
_ROW_ARRAYS = ("ids", "types", "strength")
_ROW_LISTS = ("gives_me", "i_give")
_ROW_COLUMNS = ("_text", "_folded")


def carry_view_part(whole: NetworkData, part: NetworkData) -> None:
    """Let *part* (some of *whole*'s contacts, e.g. :func:`~leadnet_helpers.network.filter_network`'s)
    reuse, row by row, the contact arrays *whole*'s view has read.

    A dashboard filter analyses part of the network: its text columns, types and
    strengths are those of the whole network's rows it keeps, not read again. Nothing
    happens when *whole* has no view yet, or when its contacts' ids do not each name one
    row.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import filter_network, network_from
    >>> whole = network_from(
    ...     Profile("Ana"),
    ...     [Contact("Bo", id=1, role="CFO "), Contact("Cy", id=2, network_type="strategic")],
    ... )
    >>> _ = view(whole).column("role")
    >>> part = filter_network(whole, types=["strategic"])
    >>> carry_view_part(whole, part)
    >>> view(part).__dict__["_text"]["role"].tolist() == view(part).column("role").tolist() == [""]
    True
    """
    hit = _VIEWS.get(id(whole))
    if hit is None or hit[0]() is not whole or part.contacts is None or not len(part.contacts):
        return
    have = hit[1].__dict__
    if not any(name in have for name in (*_ROW_ARRAYS, *_ROW_LISTS, *_ROW_COLUMNS, "inside")):
        return
    known = ids(whole.contacts)
    if np.isnan(known).any() or len(np.unique(known)) != len(known):
        return  # a row without an id, or an id on two rows: rows cannot be matched
    rows = positions(whole.contacts, part.contacts["id"])
    if (rows < 0).any():
        return
    made = view(part).__dict__
    for name in _ROW_ARRAYS:
        if name in have:
            made.setdefault(name, have[name][rows])
    if "inside" in have:
        made.setdefault("inside", tuple(flag[rows] for flag in have["inside"]))
    for name in _ROW_LISTS:
        if name in have:
            made.setdefault(name, [have[name][i] for i in rows.tolist()])
    for name in _ROW_COLUMNS:
        if name in have:
            made.setdefault(name, {column: values[rows] for column, values in have[name].items()})
