"""What flows through the network: give and take, over-reliance, coverage.

Two records feed these diagnostics: what each contact gives the person and
what the person gives them (``gives_me``, ``i_give``: any of support,
feedback, insight, resources), and the interaction log (``met``, ``gave``,
``asked``).

References
----------
Ibarra, H. & Hunter, M. (2007). How leaders create and use networks. HBR 85(1).
Baker, W. (2000). Achieving Success Through Social Capital. Jossey-Bass.
Cross, R. & Thomas, R. J. (2011). A smarter way to network. HBR, July-August.
Burt, R. S. (1992). Structural Holes. Harvard University Press.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from ..findings import Concerned, Finding
from ..model import GIVES
from ..network import NetworkData
from ..rules import as_date
from ._common import (
    BAKER,
    BURT,
    CROSS,
    IBARRA,
    NETWORK_TYPES,
    View,
    concerned,
    flags,
    make_finding,
    no_contacts,
    pct,
    plural,
    view,
)
from .structure import EgoStructure, ego_structure

__all__ = ["coverage", "give_and_take", "over_reliance"]

#: What each network is for, in the resources it should supply (Ibarra & Hunter's exhibit).
EXPECTED = {
    "operational": ("resources",),
    "personal": ("support", "feedback"),
    "strategic": ("insight",),
}


def _window(net: NetworkData, today: date | None, window_days: int) -> np.ndarray:
    """Which log rows fall in the window ending today (undated rows count)."""
    log = view(net).log
    if not len(log):
        return np.zeros(0, dtype=bool)
    end = np.datetime64(as_date(today), "D")
    start = end - np.timedelta64(int(window_days), "D")
    dates = log["date"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    return np.isnat(dates) | ((dates > start) & (dates <= end))


def _counts(net: NetworkData, keep: np.ndarray) -> dict[str, np.ndarray]:
    v = view(net)
    log = v.log
    pos = log["pos"].to_numpy()[keep] if len(log) else np.zeros(0, dtype=np.int64)
    kind = log["kind"].to_numpy()[keep] if len(log) else np.zeros(0, dtype=object)
    return {k: np.bincount(pos[kind == k], minlength=v.n)[: v.n] for k in ("met", "gave", "asked")}


def give_and_take(net: NetworkData, today: date | None = None, window_days: int = 365) -> Finding:
    """What I give against what I receive and ask, per contact and overall.

    From the log (the last *window_days* up to *today*): gives against asks;
    contacts approached only to ask (asked, never gave or met). From the
    contact records: contacts who give me something while I give them nothing.

    Returns
    -------
    Finding
        ``value`` is ``{"gave", "asked", "give_share"}`` with ``give_share =
        gave / (gave + asked)`` (``None`` with neither); ``details`` holds the
        per-contact table (``contacts``), ``ask_only`` and ``receive_only``.

    Examples
    --------
    >>> from datetime import date
    >>> from leadnet_helpers.model import Contact, Interaction, Profile
    >>> from leadnet_helpers.network import network_from
    >>> log = [
    ...     Interaction(1, "2026-10-01", "asked"),
    ...     Interaction(1, "2026-10-09", "asked"),
    ...     Interaction(2, "2026-10-02", "asked"),
    ...     Interaction(2, "2026-11-01", "gave"),
    ... ]
    >>> net = network_from(Profile("Ana"), [Contact("Bo", id=1), Contact("Cy", id=2)], (), log)
    >>> f = give_and_take(net, today=date(2026, 11, 21))
    >>> f.value, [c["name"] for c in f.details["ask_only"]]
    ({'gave': 1, 'asked': 3, 'give_share': 0.25}, ['Bo'])

    References
    ----------
    Ibarra & Hunter (2007), "Give and take continually"; Baker (2000).
    """
    key, title = "give_and_take", "Give and take"
    principle = (
        "Networking is a two-way street: the best networkers give and receive "
        "continually, not only when they need something; give before you get."
    )
    source = f"{IBARRA}; {BAKER}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    keep = _window(net, today, window_days)
    c = _counts(net, keep)
    gave, asked, met = int(c["gave"].sum()), int(c["asked"].sum()), int(c["met"].sum())
    receives = np.fromiter((len(x) for x in v.gives_me), dtype=np.int64, count=v.n)
    gives = np.fromiter((len(x) for x in v.i_give), dtype=np.int64, count=v.n)
    ask_only = (c["asked"] > 0) & (c["gave"] == 0) & (c["met"] == 0)
    receive_only = (receives > 0) & (gives == 0)
    active = np.flatnonzero((c["asked"] + c["gave"] + c["met"] + receives + gives) > 0)
    tilt = (c["asked"] - c["gave"])[active] * 10 + (receives - gives)[active]
    table = []
    for i in active[np.argsort(-tilt, kind="stable")][:200]:
        table.append(
            v.ref(int(i))
            | {
                "gave": int(c["gave"][i]),
                "asked": int(c["asked"][i]),
                "met": int(c["met"][i]),
                "gives_me": list(v.gives_me[i]),
                "i_give": list(v.i_give[i]),
                "balance": int(c["gave"][i] - c["asked"][i]),
            }
        )
    value = {
        "gave": gave,
        "asked": asked,
        "give_share": gave / (gave + asked) if gave + asked else None,
    }
    ask_rows = [
        v.ref(int(i)) | {"asked": int(c["asked"][i])}
        for i in np.flatnonzero(ask_only)[np.argsort(-c["asked"][ask_only], kind="stable")][:100]
    ]
    takers = [
        v.ref(int(i)) | {"gives_me": list(v.gives_me[i])}
        for i in np.flatnonzero(receive_only)[:100]
    ]
    evidence = [
        concerned("asked_only", r, f"you asked {r['asked']} time{'s' * (r['asked'] != 1)}, gave 0")
        for r in ask_rows
    ]
    evidence += [
        concerned(
            "asked_only", r, f"gives you {', '.join(r['gives_me'])}; nothing recorded in return"
        )
        for r in takers
    ]
    with_receipts = int((receives > 0).sum())
    details = {
        "window_days": window_days,
        "met": met,
        "contacts": table,
        "ask_only": ask_rows,
        "ask_only_count": int(ask_only.sum()),
        "receive_only": takers,
        "receive_only_count": int(receive_only.sum()),
        "give_me_something": with_receipts,
        "declared_gives": int(gives.sum()),
        "declared_receives": int(receives.sum()),
    }
    parts: list[str] = []
    severity = 0.0
    if gave + asked:
        share = value["give_share"]
        assert share is not None  # gave + asked > 0
        if asked >= 3 and asked >= 2 * gave:
            per = f"{asked / gave:.0f} times for each time you give" if gave else "and never give"
            parts.append(
                f"In the last year you logged {asked} asks and {gave} gives: you ask {per}."
            )
            severity = max(severity, min(1.0, 0.35 + (1 / 3 - share) * 1.5))
        else:
            parts.append(
                f"In the last year you logged {gave} gives and {asked} asks: a two-way balance."
            )
    if ask_only.sum():
        n = int(ask_only.sum())
        parts.append(f"{plural(n, 'contact')} only hear from you when you need something.")
        if n >= 2:
            severity = max(severity, min(0.7, 0.25 + 0.05 * n))
    if with_receipts >= 5 and receive_only.sum() / with_receipts >= 0.5:
        parts.append(
            f"Of {with_receipts} contacts who give you something, "
            f"{int(receive_only.sum())} get nothing recorded back."
        )
        severity = max(severity, 0.3 + 0.3 * (receive_only.sum() / with_receipts - 0.5))
    if not parts:
        parts.append(
            "Nothing is recorded yet about what you give and get: log gives and asks "
            "in notebook 05, or fill in gives_me and i_give."
        )
    return make_finding(
        key,
        title,
        value,
        " ".join(parts[:2]),
        severity=severity,
        principle=principle,
        source=source,
        details=details,
        evidence=evidence,
    )


def over_reliance(
    net: NetworkData,
    today: date | None = None,
    window_days: int = 365,
    structure: EgoStructure | None = None,
) -> Finding:
    """How concentrated what I receive is on my top few contacts, and who constrains me most.

    What a contact gives is counted as the kinds of help they give
    (``gives_me``) plus the times I asked them in the log. The measure is the
    share of it all that comes from the top three contacts; a gap at half or
    more. The contact with the largest term of Burt's constraint is named too.

    Returns
    -------
    Finding
        ``value`` is the top-three share (``None`` when nothing is received);
        ``details`` holds ``top`` (contacts and shares), ``hhi`` (Herfindahl
        index of the shares) and ``most_constraining``.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> people = [
    ...     Contact("Bo", id=1, gives_me=("support", "feedback", "insight", "resources")),
    ...     Contact("Cy", id=2),
    ...     Contact("Di", id=3),
    ...     Contact("Ed", id=4, gives_me=("support",)),
    ... ]
    >>> f = over_reliance(network_from(Profile("Ana"), people))
    >>> f.value, f.is_gap
    (1.0, True)

    References
    ----------
    Cross & Thomas (2011); Burt (1992).
    """
    key, title = "over_reliance", "Relying on a few people"
    principle = (
        "Relying on the same few people for everything makes you fragile and "
        "overloads them; effective networks spread what you need across several "
        "people and groups."
    )
    source = f"{CROSS}; {BURT}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    keep = _window(net, today, window_days)
    asked = _counts(net, keep)["asked"]
    receives = np.fromiter((len(x) for x in v.gives_me), dtype=np.int64, count=v.n) + asked
    total = int(receives.sum())
    es = structure if structure is not None else ego_structure(net)
    most = None
    if es.ties and es.constraint:
        i = int(np.argmax(es.contribution))
        most = v.ref(i) | {
            "contribution": float(es.contribution[i]),
            "share": float(es.contribution[i] / es.constraint),
            "knows": int(es.degree[i]),
        }
    details: dict[str, Any] = {
        "most_constraining": most,
        "sources": int((receives > 0).sum()),
        "total": total,
    }
    if total == 0:
        reading = (
            "Nothing is recorded yet about what your contacts give you: fill in "
            "gives_me, or log your asks."
        )
        return make_finding(
            key, title, None, reading, principle=principle, source=source, details=details
        )
    order = np.argsort(-receives, kind="stable")
    shares = receives / total
    top3 = float(shares[order[:3]].sum())
    details["hhi"] = float(np.sum(shares**2))
    details["top"] = [
        v.ref(int(i)) | {"share": float(shares[i]), "receives": int(receives[i])}
        for i in order[:5]
        if receives[i] > 0
    ]
    names = ", ".join(t["name"] for t in details["top"][:3])
    reading = f"{pct(top3)} of what you receive comes from three people ({names})."
    severity = 0.0
    if top3 >= 0.5:
        severity = min(1.0, 0.3 + (top3 - 0.5))
        reading += " Spread your asks: find a second source for each kind of help."
    if most is not None and most["share"] >= 0.25 and es.n >= 4:
        reading += (
            f" {most['name']} constrains you most ({pct(most['share'])} of your "
            "constraint): many of your contacts go through them."
        )
        severity = max(severity, min(0.6, 0.2 + most["share"] / 2))
    relied = [
        concerned("relied_on", t, f"{round(100 * t['share'])}% of what you receive")
        for t in details["top"][:3]
    ]
    return make_finding(
        key,
        title,
        top3,
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details=details,
        evidence=relied,
    )


def coverage(net: NetworkData) -> Finding:
    """Which of support, feedback, insight and resources each network supplies.

    Gaps: something nobody gives you; a network that does not supply what it
    is for (operational: resources; personal: support and feedback;
    strategic: insight); something only one person gives you.

    Returns
    -------
    Finding
        ``value`` maps each of the four to the number of contacts who give it;
        ``details`` holds the table per network, ``missing``,
        ``missing_by_network`` and ``single_source``.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> people = [
    ...     Contact("Bo", id=1, gives_me=("support",), network_type="personal"),
    ...     Contact("Cy", id=2, gives_me=("support", "insight"), network_type="strategic"),
    ... ]
    >>> f = coverage(network_from(Profile("Ana"), people))
    >>> f.value, f.details["missing"]
    ({'support': 2, 'feedback': 0, 'insight': 1, 'resources': 0}, ['feedback', 'resources'])

    References
    ----------
    Ibarra & Hunter (2007); Cross & Thomas (2011).
    """
    key, title = "coverage", "What your network gives you"
    principle = (
        "Networking builds a fabric of contacts who provide support, feedback, insight "
        "and resources; each network has its own job, and a missing strand leaves a "
        "gap you will feel in a transition."
    )
    source = f"{IBARRA}; {CROSS}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    has = {g: np.fromiter((g in x for x in v.gives_me), dtype=bool, count=v.n) for g in GIVES}
    value = {g: int(has[g].sum()) for g in GIVES}
    table = {t: {g: int((has[g] & (v.types == t)).sum()) for g in GIVES} for t in NETWORK_TYPES}
    missing = [g for g in GIVES if value[g] == 0]
    present = {t: int((v.types == t).sum()) for t in NETWORK_TYPES}
    by_net = {t: [g for g in EXPECTED[t] if table[t][g] == 0] for t in NETWORK_TYPES if present[t]}
    by_net = {t: gs for t, gs in by_net.items() if gs}
    single = [v.ref(int(np.flatnonzero(has[g])[0])) | {"gives": g} for g in GIVES if value[g] == 1]
    details = {
        "by_network": table,
        "missing": missing,
        "missing_by_network": by_net,
        "single_source": single,
        "expected": {t: list(g) for t, g in EXPECTED.items()},
    }
    if not any(value.values()):
        reading = (
            "Nothing is recorded yet about what your contacts give you: fill in gives_me "
            "(support, feedback, insight, resources) for your key contacts."
        )
        return make_finding(
            key, title, value, reading, principle=principle, source=source, details=details
        )
    parts, severity = [], 0.0
    if missing:
        parts.append(f"Nobody in your network gives you {' or '.join(missing)}.")
        severity = min(1.0, 0.5 + 0.1 * len(missing))
    for t, gs in by_net.items():
        parts.append(f"Your {t} network gives you no {' or '.join(gs)}.")
        severity = max(severity, 0.4)
    if single:
        who = "; ".join(f"{s['gives']} only from {s['name']}" for s in single)
        parts.append(f"Single sources: {who}.")
        severity = max(severity, 0.3)
    if not parts:
        parts.append(
            "Each of support, feedback, insight and resources comes from several "
            "people, and each network supplies what it is for."
        )
    evidence = [
        concerned("relied_on", s, f"gives you {s['gives']}", note=s["gives"]) for s in single
    ] + _mentors(v)
    return make_finding(
        key,
        title,
        value,
        " ".join(parts[:2]),
        severity=severity,
        principle=principle,
        source=source,
        details=details,
        evidence=evidence,
    )


#: Relationships that name the person's own line manager (not a mentor candidate).
_OWN_MANAGER = frozenset({"my manager", "manager", "boss", "line manager"})


def _mentors(v: View, limit: int = 10) -> list[Concerned]:
    """Senior contacts other than one's own manager, strongest first: who could advise.

    Ibarra & Hunter's personal network is where leaders find coaching and
    referrals; a senior contact outside the reporting line can give both.
    """
    level = v.folded("seniority")
    rel = v.folded("relationship")
    pick = np.flatnonzero(
        np.isin(level, ("senior", "executive")) & ~np.isin(rel, list(_OWN_MANAGER))
    )
    if not len(pick):
        return []
    disc, _ = flags(v.frame, "discretionary")
    score = np.nan_to_num(v.strength[pick]) + disc[pick]
    out = []
    for i in pick[np.argsort(-score, kind="stable")][:limit]:
        detail = ", ".join(
            p for p in (v.column("seniority")[i], v.types[i], v.column("organisation")[i]) if p
        )
        out.append(v.concerned("mentor", int(i), detail))
    return out
