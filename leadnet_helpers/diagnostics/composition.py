"""Who is in the network: the three-network balance, inside/outside, future, depth.

These diagnostics read only the contacts table (one row per contact), so
they are linear in the number of contacts.

References
----------
Ibarra, H. & Hunter, M. (2007). How leaders create and use networks. HBR, 85(1).
Krackhardt, D. & Stern, R. N. (1988). Social Psychology Quarterly, 51(2).
Granovetter, M. S. (1973). The strength of weak ties. AJS, 78(6).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from ..basis import basis_of
from ..findings import Concerned, Finding
from ..network import NetworkData
from ._common import (
    CROSS,
    GRANOVETTER,
    IBARRA,
    KRACKHARDT,
    NETWORK_TYPES,
    STRONG,
    View,
    concerned,
    make_finding,
    no_contacts,
    pct,
    plural,
    stage_label,
    view,
)
from .targets import target_for

__all__ = [
    "balance",
    "ei_index",
    "future_orientation",
    "inside_outside",
    "strong_ties",
]

_FREQ_PER_YEAR = {"weekly": 52.0, "monthly": 12.0, "quarterly": 4.0, "yearly": 1.0, "rarely": 0.5}


def ei_index(external: float, internal: float) -> float | None:
    """Krackhardt and Stern's E-I index, ``(E - I) / (E + I)``; ``None`` when both are 0.

    Examples
    --------
    >>> ei_index(1, 3)
    -0.5
    >>> ei_index(0, 0) is None
    True
    """
    total = external + internal
    return None if total <= 0 else float((external - internal) / total)


def _share_words(share: float) -> str:
    named = {0.25: "a quarter", 0.2: "a fifth", 1 / 3: "a third", 0.5: "half", 0.1: "a tenth"}
    for value, words in named.items():
        if abs(share - value) < 0.005:
            return words
    return f"about {pct(share)}"


# --------------------------------------------------------------------------- balance


def balance(net: NetworkData, targets: str | Path | Mapping[str, Any] | None = None) -> Finding:
    """Balance of the operational, personal and strategic networks against a target mix.

    Shares are taken over the contacts that have a network type. A type is
    under-used when its share falls short of the target for the person's
    career stage by at least 5 points (and a fifth of the target); strategic
    under-use is named first, as Ibarra and Hunter found it in almost every
    manager.

    Parameters
    ----------
    net : NetworkData
        The person's network.
    targets : str, Path or mapping, optional
        An edited target-mix file, a dict overriding part of it, or one mix
        ``{"operational": .., "personal": .., "strategic": ..}``
        (see :func:`~leadnet_helpers.diagnostics.load_target_mixes`).

    Returns
    -------
    Finding
        ``value`` maps each type to its share; ``details`` holds counts,
        targets, shortfalls, ``under_used``, ``over_weight`` and
        ``strategic_underuse``.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> people = [Contact(f"c{i}", id=i, network_type="operational") for i in range(9)]
    >>> net = network_from(
    ...     Profile("Ana", career_stage="business leader"),
    ...     people + [Contact("s", id=9, network_type="strategic")],
    ... )
    >>> f = balance(net)
    >>> f.value["strategic"], f.is_gap, f.details["strategic_underuse"]
    (0.1, True, True)

    References
    ----------
    Ibarra & Hunter (2007), HBR 85(1).
    """
    key, title = "balance", "Balance of the three networks"
    principle = (
        "Leaders need all three networks: operational to get today's work done, "
        "personal for development and referrals, strategic to see and shape what "
        "comes next. Almost all managers under-use the strategic one."
    )
    if net.size == 0:
        return no_contacts(key, title, principle, IBARRA)
    v = view(net)
    stage, target = target_for(stage_label(net), targets)
    counts = {t: int(np.sum(v.types == t)) for t in NETWORK_TYPES}
    classified = sum(counts.values())
    details: dict[str, Any] = {
        "contacts": v.n,
        "counts": counts,
        "unclassified": v.n - classified,
        "stage": stage,
        "target": {t: target[t] for t in NETWORK_TYPES},
        "target_reasoning": target.get("reasoning", ""),
        "target_source": target.get("source", ""),
        "under_used": [],
        "over_weight": [],
        "strategic_underuse": False,
    }
    if classified == 0:
        reading = (
            f"None of your {plural(v.n, 'contact')} has a network type yet: "
            "classify them in notebook 02 to see the balance."
        )
        return make_finding(
            key, title, None, reading, principle=principle, source=IBARRA, details=details
        )
    shares = {t: counts[t] / classified for t in NETWORK_TYPES}
    short = {t: target[t] - shares[t] for t in NETWORK_TYPES}
    under = [t for t in NETWORK_TYPES if short[t] >= max(0.05, 0.2 * target[t]) and target[t] > 0]
    under.sort(key=lambda t: (t != "strategic", -short[t]))
    over = [t for t in NETWORK_TYPES if -short[t] >= max(0.10, 0.3 * target[t])]
    details.update(
        shares=shares,
        shortfall=short,
        under_used=under,
        over_weight=over,
        strategic_underuse="strategic" in under,
    )
    who = f"a {stage}" if stage and stage[0] not in "aeiou" else f"an {stage}"
    if under:
        first = under[0]
        reading = (
            f"Only {pct(shares[first])} of your network is {first}; {who} usually "
            f"needs about {pct(target[first])}."
        )
        extra = [f"{t} is also low ({pct(shares[t])} against {pct(target[t])})" for t in under[1:]]
        extra += [f"{t} is heavy ({pct(shares[t])} against {pct(target[t])})" for t in over]
        if extra:
            reading += " " + "; ".join(extra).capitalize() + "."
        severity = max(min(1.0, short[t] / target[t]) for t in under)
        if "strategic" in under:
            severity = max(severity, min(1.0, 0.3 + short["strategic"] / target["strategic"]))
    elif over:
        reading = (
            f"Your mix leans {over[0]} ({pct(shares[over[0]])} against about "
            f"{pct(target[over[0]])} for {who}), though no network is clearly missing."
        )
        severity = min(0.5, 0.5 * (-short[over[0]]) / max(target[over[0]], 0.1))
    else:
        reading = (
            f"Your mix ({', '.join(f'{pct(shares[t])} {t}' for t in NETWORK_TYPES)}) "
            f"is close to what {who} usually needs."
        )
        severity = 0.0
    if details["unclassified"]:
        reading += f" {plural(details['unclassified'], 'contact')} still need a type."
    rests = basis_of(net.contacts)
    details.update(decided=rests.decided, guessed=rests.guessed, mostly_guessed=False)
    if rests.mostly_guessed:
        # A mix of guesses reflects where the contacts came from, not the network: no gap.
        details.update(mostly_guessed=True, under_used=[], strategic_underuse=False)
        reading = (
            f"Mostly guessed: {rests.guessed:,} of these {rests.contacts:,} types are the "
            "classifier's guesses, so this mix is not yet yours and raises no gap. "
            f"As guessed: {reading}"
        )
        severity = 0.0
    evidence = _personal_future(v) + _cross_function(v, net)
    return make_finding(
        key,
        title,
        shares,
        reading,
        severity=severity,
        is_gap=None if not rests.mostly_guessed else False,
        principle=principle,
        source=IBARRA,
        details=details,
        evidence=evidence,
    )


def _personal_future(v: View, limit: int = 20) -> list[Concerned]:
    """Personal contacts who look ahead or sit outside: the bridge to a strategic network.

    Ibarra & Hunter: a personal network turns strategic when its contacts are
    asked about what is coming, not only about today.
    """
    where = v.inside[1]
    ahead = np.isin(v.folded("orientation"), ("future", "both"))
    pick = np.flatnonzero((v.types == "personal") & (ahead | where))
    score = ahead[pick] * 2 + where[pick] + np.nan_to_num(v.strength[pick]) / 5
    out = []
    for i in pick[np.argsort(-score, kind="stable")][:limit]:
        bits = (
            ["personal"]
            + (["outside your organisation"] if where[i] else [])
            + (["looks ahead"] if ahead[i] else [])
        )
        out.append(v.concerned("personal_future", int(i), ", ".join(bits)))
    return out


def _cross_function(v: View, net: NetworkData, limit: int = 20) -> list[Concerned]:
    """Peers and seniors inside the organisation in another function (lateral ties).

    The strategic network is built from lateral and vertical relationships
    with managers of other functions (Ibarra & Hunter).
    """
    own = (net.profile.function or "").strip().casefold() if net.profile else ""
    func = v.folded("function")
    level = v.folded("seniority")
    pick = np.flatnonzero(v.inside[0] & (func != "") & (func != own) & (level != "junior"))
    score = np.isin(level[pick], ("peer", "senior")) * 2 - np.abs(
        np.nan_to_num(v.strength[pick]) - 2.5
    )
    out = []
    for i in pick[np.argsort(-score, kind="stable")][:limit]:
        detail = ", ".join(
            p
            for p in (v.column("function")[i], v.column("seniority")[i], "inside your organisation")
            if p
        )
        out.append(v.concerned("cross_function", int(i), detail))
    return out


# --------------------------------------------------------------------------- inside/outside


def inside_outside(net: NetworkData) -> Finding:
    """Inside versus outside the organisation: Krackhardt and Stern's E-I index.

    ``E - I`` over ``E + I``, where E counts contacts outside the person's
    organisation and I those inside; -1 is wholly internal, +1 wholly
    external. Also computed weighted by how often the person is in touch
    (``frequency``), i.e. where their time goes, and within the strategic
    network, which needs both sides.

    Returns
    -------
    Finding
        ``value`` is the E-I index over contacts (``None`` when no contact says
        inside or outside).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [
    ...         Contact("a", id=1, inside_org=True),
    ...         Contact("b", id=2, inside_org=True),
    ...         Contact("c", id=3, inside_org=True),
    ...         Contact("d", id=4, inside_org=False),
    ...     ],
    ... )
    >>> inside_outside(net).value
    -0.5

    References
    ----------
    Krackhardt & Stern (1988); Ibarra & Hunter (2007).
    """
    key, title = "inside_outside", "Inside and outside your organisation"
    principle = (
        "Managers network mostly inside; leaders link inside and outside. As a manager "
        "moves into leadership, the network must reorient outward and toward the future."
    )
    source = f"{KRACKHARDT}; {IBARRA}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    inside, outside = v.inside
    n_in, n_out = int(inside.sum()), int(outside.sum())
    ei = ei_index(n_out, n_in)
    per_year = np.array([_FREQ_PER_YEAR.get(f, 0.0) for f in v.folded("frequency")])
    ei_time = ei_index(float(per_year[outside].sum()), float(per_year[inside].sum()))
    strat = v.types == "strategic"
    ei_strategic = ei_index(int((outside & strat).sum()), int((inside & strat).sum()))
    strong = v.strength >= STRONG
    details = {
        "inside": n_in,
        "outside": n_out,
        "unknown": v.n - n_in - n_out,
        "ei_time": ei_time,
        "ei_strategic": ei_strategic,
        "ei_strong": ei_index(int((outside & strong).sum()), int((inside & strong).sum())),
        "share_inside": n_in / (n_in + n_out) if n_in + n_out else None,
    }
    if ei is None:
        reading = (
            "For none of your contacts is it known whether they work inside or outside "
            "your organisation: add your organisation to your profile, or fill in "
            "organisation or inside_org for your contacts."
        )
        return make_finding(
            key, title, None, reading, principle=principle, source=source, details=details
        )
    share_in = n_in / (n_in + n_out)
    reading = (
        f"{pct(share_in)} of your contacts work inside your organisation "
        f"(E-I index {ei:+.2f}, where -1 is wholly internal)."
    )
    severity = 0.0
    if ei <= -0.3:
        severity = min(1.0, 0.3 + (-ei - 0.3))
    if ei_time is not None and ei_time <= -0.5:
        reading += (
            f" Weighted by how often you are in touch it is {ei_time:+.2f}: most of "
            "your networking time stays inside."
        )
        severity = max(severity, min(1.0, 0.3 + (-ei_time - 0.5)))
    if ei_strategic is not None and abs(ei_strategic) == 1 and int(strat.sum()) >= 3:
        side = "inside" if ei_strategic < 0 else "outside"
        reading += f" All your strategic contacts are {side}; strategy needs both sides."
        severity = max(severity, 0.35)
    if severity == 0:
        reading += " That mix of inside and outside suits a leader."
    return make_finding(
        key,
        title,
        ei,
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details=details,
    )


# --------------------------------------------------------------------------- future


def future_orientation(
    net: NetworkData, targets: str | Path | Mapping[str, Any] | None = None
) -> Finding:
    """The share of contacts oriented to the future, against the stage's target.

    A contact marked ``future`` counts fully, ``both`` counts half, ``current``
    not at all; contacts with no orientation are left out.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> people = [Contact(f"c{i}", id=i, orientation="current") for i in range(11)]
    >>> net = network_from(
    ...     Profile("Ana", career_stage="functional manager stepping up to business leader"),
    ...     people + [Contact("f", id=11, orientation="future")],
    ... )
    >>> f = future_orientation(net)
    >>> round(f.value, 3), f.is_gap
    (0.083, True)
    >>> f.reading.split(";")[0]
    'Only 8% of your network looks to the future'

    References
    ----------
    Ibarra & Hunter (2007): the strategic network is oriented to the future.
    """
    key, title = "future", "Looking to the future"
    principle = (
        "Strategic networking is about figuring out future priorities and challenges; "
        "a network that only serves today's work leaves a leader without the outside "
        "view of what is coming."
    )
    if net.size == 0:
        return no_contacts(key, title, principle, IBARRA)
    v = view(net)
    stage, target = target_for(stage_label(net), targets)
    orient = v.folded("orientation")
    counts = {o: int(np.sum(orient == o)) for o in ("future", "both", "current")}
    known = sum(counts.values())
    goal = float(target.get("future_share", 0.2))
    details = {
        **counts,
        "unknown": v.n - known,
        "target": goal,
        "stage": stage,
        "rule": "future counts 1, both counts 0.5, current 0",
    }
    if known == 0:
        reading = (
            "None of your contacts says whether the relationship is about today's work "
            "or the future yet: fill in orientation to see this."
        )
        return make_finding(
            key, title, None, reading, principle=principle, source=IBARRA, details=details
        )
    share = (counts["future"] + 0.5 * counts["both"]) / known
    who = f"a {stage}" if stage and stage[0] not in "aeiou" else f"an {stage}"
    if share < goal:
        reading = (
            f"Only {pct(share)} of your network looks to the future; {who} usually "
            f"needs {_share_words(goal)} or more."
        )
        severity = min(1.0, (goal - share) / goal) if goal else 0.0
    else:
        reading = (
            f"{pct(share)} of your network looks to the future; {who} usually "
            f"needs {_share_words(goal)} or more, so this is on track."
        )
        severity = 0.0
    return make_finding(
        key,
        title,
        share,
        reading,
        severity=severity,
        principle=principle,
        source=IBARRA,
        details=details,
    )


# --------------------------------------------------------------------------- quality


def strong_ties(net: NetworkData) -> Finding:
    """Quality over quantity: strong ties (strength 4 or 5) in each network.

    Gaps: an operational network without depth (under a third of its
    contacts strong), weak operational ties across functions (the contacts in
    other functions who can block or support your work average under 2.5),
    or strategic contacts with no strong tie among them.

    Returns
    -------
    Finding
        ``value`` maps each network type to its number of strong ties.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [
    ...         Contact("a", id=1, strength=5, network_type="operational"),
    ...         Contact("b", id=2, strength=2, network_type="personal"),
    ...     ],
    ... )
    >>> strong_ties(net).value
    {'operational': 1, 'personal': 0, 'strategic': 0}

    References
    ----------
    Cross & Thomas (2011); Granovetter (1973); Ibarra & Hunter (2007).
    """
    key, title = "strong_ties", "Strong ties in each network"
    principle = (
        "Effective leaders' networks are not the biggest but hold the right strong "
        "relationships: depth in the operational network, and real ties (not names) "
        "in the strategic one."
    )
    source = f"{CROSS}; {IBARRA}; {GRANOVETTER}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    s = v.strength
    known = ~np.isnan(s)
    strong = known & (s >= STRONG)
    per: dict[str, Any] = {}
    for t in NETWORK_TYPES:
        m = v.types == t
        k = int((m & known).sum())
        per[t] = {
            "contacts": int(m.sum()),
            "rated": k,
            "strong": int((m & strong).sum()),
            "strong_share": (m & strong).sum() / k if k else None,
            "mean_strength": float(s[m & known].mean()) if k else None,
        }
    value = {t: per[t]["strong"] for t in NETWORK_TYPES}
    own_function = (net.profile.function or "").strip().casefold() if net.profile else ""
    func = v.folded("function")
    cross = (v.types == "operational") & known & (func != "") & (func != own_function)
    cross_mean = float(s[cross].mean()) if cross.any() and own_function else None
    weak_cross = (
        [
            v.ref(i) | {"strength": int(s[i]), "function": v.column("function")[i]}
            for i in np.flatnonzero(cross & (s <= 2))[:50]
        ]
        if own_function
        else []
    )
    details = {
        "networks": per,
        "strong_total": int(strong.sum()),
        "rated": int(known.sum()),
        "operational_other_functions": int(cross.sum()) if own_function else None,
        "operational_other_functions_mean": cross_mean,
        "weak_cross_functional": weak_cross,
    }
    problems: list[tuple[float, str]] = []
    op = per["operational"]
    if cross_mean is not None and cross.sum() >= 3 and cross_mean < 2.5:
        why = (
            f"your operational ties outside {net.profile.function} are weak "
            f"(average strength {cross_mean:.1f} of 5 across "
            f"{plural(int(cross.sum()), 'contact')}): these are the people who can "
            "block or support your work"
        )
        problems.append((min(1.0, 0.4 + (2.5 - cross_mean) / 2), why))
    if op["rated"] >= 3 and op["strong_share"] < 1 / 3:
        why = (
            f"only {op['strong']} of {op['rated']} operational contacts are strong "
            "ties; the operational network's strength is depth"
        )
        problems.append((0.4 + (1 / 3 - op["strong_share"]), why))
    st = per["strategic"]
    if st["rated"] >= 2 and st["strong"] == 0:
        problems.append((0.45, f"none of your {st['rated']} strategic contacts is a strong tie"))
    if int(known.sum()) >= 5 and not strong.any():
        problems.append((0.5, "none of your contacts is a strong tie (4 or 5 of 5)"))
    if not known.any():
        reading = (
            "No contact has a strength yet (1 to 5): rate your key contacts to see "
            "where your network has depth."
        )
        return make_finding(
            key, title, value, reading, principle=principle, source=source, details=details
        )
    counts = ", ".join(f"{value[t]} {t}" for t in NETWORK_TYPES)
    if problems:
        problems.sort(key=lambda p: -p[0])
        text = "; ".join(p[1] for p in problems[:2])
        reading = f"Strong ties: {counts}. {text[0].upper()}{text[1:]}."
        severity = problems[0][0]
    else:
        reading = f"Strong ties: {counts}; your key networks have depth."
        severity = 0.0
    return make_finding(
        key,
        title,
        value,
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details=details,
        evidence=_to_deepen(v, weak_cross),
    )


def _to_deepen(v: View, weak_cross: list[dict[str, Any]], limit: int = 20) -> list[Concerned]:
    """Ties worth deepening: weak operational ties across functions, else middling
    strategic and personal ones (strategic first, then the stronger)."""
    if weak_cross:
        return [
            concerned(
                "to_deepen",
                r,
                ", ".join(
                    p
                    for p in (
                        r.get("network_type") or "",
                        r["function"],
                        f"strength {r['strength']} of 5",
                    )
                    if p
                ),
            )
            for r in weak_cross[:limit]
        ]
    s = v.strength
    pick = np.flatnonzero(np.isin(v.types, ("strategic", "personal")) & (s >= 2) & (s <= 3))
    order = sorted(pick, key=lambda i: (v.types[i] != "strategic", -s[i]))
    return [
        v.concerned("to_deepen", int(i), f"{v.types[i]}, strength {int(s[i])} of 5")
        for i in order[:limit]
    ]
