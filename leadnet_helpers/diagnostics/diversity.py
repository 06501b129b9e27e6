"""How varied the network is: Blau's index and IQV, and homophily against the person.

References
----------
Blau, P. M. (1977). Inequality and Heterogeneity. Free Press.
Agresti, A. & Agresti, B. F. (1978). Statistical analysis of qualitative variation.
Sociological Methodology, 9.
McPherson, M., Smith-Lovin, L. & Cook, J. M. (2001). Birds of a feather. Annual Review of
Sociology, 27.
Uzzi, B. & Dunlap, S. (2005). How to build your network. HBR 83(12).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..findings import Finding
from ..model import SENIORITY
from ..network import NetworkData
from ._common import (
    BLAU,
    KRACKHARDT,
    MCPHERSON,
    UZZI,
    make_finding,
    no_contacts,
    pct,
    view,
)
from .composition import ei_index

__all__ = ["blau", "diversity", "homophily"]


def blau(counts: Any, k: int | None = None) -> tuple[float | None, float | None]:
    """Blau's heterogeneity ``1 - sum(p**2)`` and its normalised IQV ``H / (1 - 1/K)``.

    Parameters
    ----------
    counts : array-like of int
        How many contacts fall in each category (unknowns left out).
    k : int, optional
        The number of possible categories; by default those observed.

    Returns
    -------
    (float or None, float or None)
        Blau's index and the IQV; ``(None, None)`` with no known values, and an
        IQV of 0 when only one category is possible.

    Examples
    --------
    >>> blau([5, 5])
    (0.5, 1.0)
    >>> blau([10])
    (0.0, 0.0)
    >>> h, iqv = blau([1, 1, 1, 1], k=4)
    >>> round(h, 3), round(iqv, 3)
    (0.75, 1.0)
    """
    values = np.asarray(counts, dtype=float)
    values = values[values > 0]
    total = values.sum()
    if total <= 0:
        return None, None
    h = float(1.0 - np.sum((values / total) ** 2))
    k = max(int(k if k is not None else len(values)), len(values))
    iqv = 0.0 if k <= 1 else min(1.0, h / (1.0 - 1.0 / k))
    return h, iqv


# --------------------------------------------------------------------------- diversity

_ATTRIBUTES = ("organisation", "function", "industry", "seniority")


def diversity(net: NetworkData) -> Finding:
    """Diversity of organisations, functions, industries and seniority (Blau, IQV).

    For each attribute, Blau's index ``1 - sum(p_k**2)`` over the known values
    and the IQV normalising it by its maximum ``1 - 1/K`` (K = the four
    seniority levels, or the number of distinct values seen for the others).
    A gap when the IQV of function or industry is under 0.5: most contacts
    are alike.

    Returns
    -------
    Finding
        ``value`` maps each attribute to its IQV (``None`` when unknown).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [Contact("a", id=1, function="Finance"), Contact("b", id=2, function="Sales")],
    ... )
    >>> diversity(net).value["function"]
    1.0

    References
    ----------
    Blau (1977); Agresti & Agresti (1978); Uzzi & Dunlap (2005).
    """
    key, title = "diversity", "Diversity of your contacts"
    principle = (
        "A diverse network (other organisations, functions, industries and levels) "
        "brings private information and different skills; we tend to fill our networks "
        "with people like us and people nearby."
    )
    source = f"{BLAU}; {UZZI}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    value: dict[str, float | None] = {}
    per: dict[str, Any] = {}
    for attr in _ATTRIBUTES:
        raw = v.folded(attr)
        known = raw[raw != ""]
        if attr == "seniority":
            known = known[np.isin(known, SENIORITY)]
        cats: np.ndarray | list[str]
        counts: np.ndarray | list[int]
        cats, counts = np.unique(known.astype(str), return_counts=True) if len(known) else ([], [])
        h, iqv = blau(counts, k=len(SENIORITY) if attr == "seniority" else None)
        value[attr] = iqv
        top = None
        if len(counts):
            i = int(np.argmax(counts))
            shown = v.column(attr)[raw == cats[i]][0]
            top = {"value": shown, "share": counts[i] / len(known)}
        per[attr] = {
            "blau": h,
            "iqv": iqv,
            "categories": len(cats),
            "known": len(known),
            "most_common": top,
        }
    narrow = [
        a
        for a in ("function", "industry")
        if (iqv_a := value[a]) is not None and iqv_a < 0.5 and per[a]["known"] >= 3
    ]
    if all(x is None for x in value.values()):
        reading = (
            "Your contacts have no organisation, function, industry or seniority yet: "
            "add them to see how diverse your network is."
        )
        return make_finding(
            key,
            title,
            value,
            reading,
            principle=principle,
            source=source,
            details={"attributes": per},
        )
    if narrow:
        a = narrow[0]
        top = per[a]["most_common"]
        reading = (
            f"Your contacts are alike in {a}: {pct(top['share'])} are in "
            f"{top['value']} (diversity {value[a]:.2f} on a 0-1 scale). Look for people "
            "in other functions and industries."
        )
        severity = min(1.0, 0.3 + (0.5 - min(value[x] or 0 for x in narrow)))
    else:
        shown = ", ".join(f"{a} {value[a]:.2f}" for a in _ATTRIBUTES if value[a] is not None)
        reading = f"Your network is varied (diversity from 0 to 1: {shown})."
        severity = 0.0
    return make_finding(
        key,
        title,
        value,
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details={"attributes": per},
    )


def homophily(net: NetworkData) -> Finding:
    """How much your contacts are like you: an E-I index per attribute of your profile.

    For organisation, function, industry and seniority, ``(different - same) /
    (different + same)`` against the person's own profile (seniority is
    recorded relative to the person, so ``peer`` is "same"). -1 means everyone
    is like you. A gap when function or industry is at -0.5 or below.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana", function="Finance"),
    ...     [
    ...         Contact("a", id=1, function="finance"),
    ...         Contact("b", id=2, function="Finance"),
    ...         Contact("c", id=3, function="Finance"),
    ...         Contact("d", id=4, function="Sales"),
    ...     ],
    ... )
    >>> homophily(net).value["function"]
    -0.5

    References
    ----------
    McPherson, Smith-Lovin & Cook (2001); Uzzi & Dunlap (2005); Krackhardt & Stern (1988).
    """
    key, title = "homophily", "People like you"
    principle = (
        "The self-similarity trap: we pick contacts who share our background, so "
        "we hear what we already know. Leaders reach across functions and sectors."
    )
    source = f"{UZZI}; {MCPHERSON}; {KRACKHARDT}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    prof = net.profile
    value: dict[str, float | None] = {}
    per: dict[str, Any] = {}
    for attr in _ATTRIBUTES:
        col = v.folded(attr)
        if attr == "seniority":
            known = np.isin(col, SENIORITY)
            same = known & (col == "peer")
        else:
            own = (getattr(prof, attr, "") or "").strip().casefold() if prof else ""
            known = col != ""
            if not own:
                value[attr] = None
                per[attr] = {
                    "same": None,
                    "different": None,
                    "ei": None,
                    "note": f"your profile has no {attr}",
                }
                continue
            elif attr == "organisation":  # one rule: rules.location
                inside, outside = v.inside
                known, same = inside | outside, inside
            else:
                same = known & (col == own)
        n_same = int(same.sum())
        n_diff = int(known.sum()) - n_same
        value[attr] = ei_index(n_diff, n_same)
        per[attr] = {"same": n_same, "different": n_diff, "ei": value[attr]}
    alike = [
        a
        for a in ("function", "industry")
        if (ei_a := value[a]) is not None
        and ei_a <= -0.5
        and per[a]["same"] + per[a]["different"] >= 3
    ]
    if alike:
        a = alike[0]
        same_share = per[a]["same"] / (per[a]["same"] + per[a]["different"])
        reading = (
            f"{pct(same_share)} of your contacts share your {a} (E-I {value[a]:+.2f}): "
            "your network may echo what you already know."
        )
        severity = min(1.0, 0.3 + (-min(value[x] or 0 for x in alike) - 0.5))
    elif all(x is None for x in value.values()):
        reading = (
            "Not enough is known about your contacts or your profile to compare them with you yet."
        )
        severity = 0.0
    else:
        shown = ", ".join(f"{a} {value[a]:+.2f}" for a in _ATTRIBUTES if value[a] is not None)
        reading = (
            f"Your contacts are not mostly like you (E-I from -1 alike to +1 unlike: {shown})."
        )
        severity = 0.0
    return make_finding(
        key,
        title,
        value,
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details={"attributes": per},
    )
