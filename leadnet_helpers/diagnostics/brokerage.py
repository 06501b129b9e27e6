"""Brokers and introductions: who built your network, and whom you could connect.

References
----------
Uzzi, B. & Dunlap, S. (2005). How to build your network. HBR 83(12).
Burt, R. S. (1992). Structural Holes. Harvard University Press.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, cast

import numpy as np
import pandas as pd
from scipy import sparse

from ..findings import Finding
from ..model import name_key
from ..network import NetworkData
from ..rules import is_self_introduced
from ._common import (
    BURT,
    IBARRA,
    STRONG,
    UZZI,
    concerned,
    make_finding,
    no_contacts,
    pct,
    plural,
    view,
)
from .structure import EgoStructure, ego_structure

__all__ = ["SELF_INTRODUCED_LIMIT", "brokers", "introductions"]

#: Above this share of self-introduced key contacts a network is probably inbred (Uzzi & Dunlap).
SELF_INTRODUCED_LIMIT = 0.65
#: How many of the strongest contacts are searched for introductions (never quadratic in n).
CANDIDATES = 200


def brokers(net: NetworkData) -> Finding:
    """The share of key contacts you introduced yourself to, and who introduced you most.

    Key contacts are those whose ``introduced_by`` is recorded; ``me`` (or your
    own name) means you met them yourself. Over 65% suggests a network built
    on self-similarity and proximity, probably inbred. The people who
    introduced you most are your brokers: invest in them first.

    Returns
    -------
    Finding
        ``value`` is the self-introduced share (``None`` when no introducer is
        recorded); ``details`` holds counts and ``brokers`` (name, contact,
        introductions).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> people = [Contact(f"c{i}", id=i, introduced_by="me") for i in range(7)]
    >>> people += [
    ...     Contact("d1", id=7, introduced_by="c1"),
    ...     Contact("d2", id=8, introduced_by="c1"),
    ...     Contact("d3", id=9, introduced_by="Zed"),
    ... ]
    >>> f = brokers(network_from(Profile("Ana"), people))
    >>> f.value, f.is_gap, f.details["brokers"][0]["name"]
    (0.7, True, 'c1')

    References
    ----------
    Uzzi & Dunlap (2005), the 65% rule of thumb.
    """
    key, title = "brokers", "Who built your network"
    principle = (
        "If you introduced yourself to most of your key contacts, your network was "
        "probably built by self-similarity and proximity and may be inbred; contacts "
        "introduced by brokers bring people unlike you."
    )
    if net.size == 0:
        return no_contacts(key, title, principle, UZZI)
    v = view(net)
    intro = v.column("introduced_by")
    known = intro != ""
    own = net.profile.name if net.profile else ""
    mine = np.array([is_self_introduced(x, own) for x in intro], dtype=bool)
    n_known, n_self = int(known.sum()), int(mine.sum())
    by_key: dict[str, int] = {}
    for i, nm in enumerate(v.names):
        by_key.setdefault(name_key(str(nm)), i)
    tally = Counter(name_key(x) for x in intro[known & ~mine])
    shown: dict[str, str] = {}
    for x in intro[known & ~mine]:
        shown.setdefault(name_key(x), x)
    broker_rows: list[dict[str, Any]] = []
    for k, count in tally.most_common(20):
        at = by_key.get(k)
        row = v.ref(at) if at is not None else {"id": None, "name": shown[k], "network_type": None}
        broker_rows.append(row | {"introductions": count, "in_network": at is not None})
    details: dict[str, Any] = {
        "key_contacts": n_known,
        "self_introduced": n_self,
        "introduced_by_others": n_known - n_self,
        "limit": SELF_INTRODUCED_LIMIT,
        "brokers": broker_rows,
    }
    if n_known == 0:
        reading = (
            "No contact records who introduced you yet: fill in introduced_by (a name, "
            "or 'me') for your key contacts."
        )
        return make_finding(
            key, title, None, reading, principle=principle, source=UZZI, details=details
        )
    share = n_self / n_known
    reading = f"You met {pct(share)} of your key contacts yourself ({n_self} of {n_known})"
    severity = 0.0
    if share > SELF_INTRODUCED_LIMIT and n_known >= 3:
        reading += "; above 65% a network is probably built on people like you and may be inbred."
        severity = min(1.0, 0.4 + 0.6 * (share - SELF_INTRODUCED_LIMIT) / 0.35)
    else:
        reading += ", under the 65% that signals an inbred network."
    if broker_rows:
        top = broker_rows[0]
        reading += (
            f" Your best broker is {top['name']} "
            f"({plural(top['introductions'], 'introduction')}): ask them for more."
        )
    introducers = [
        concerned("introducer", r, f"introduced you to {r['introductions']} of your contacts")
        for r in broker_rows
    ]
    return make_finding(
        key,
        title,
        share,
        reading,
        severity=severity,
        principle=principle,
        source=UZZI,
        details=details,
        evidence=introducers,
    )


def _codes(values: np.ndarray) -> np.ndarray:
    codes, _ = pd.factorize(pd.Series(values, dtype=object))
    codes = codes.astype(np.int64)
    codes[values == ""] = -1
    return codes


def introductions(
    net: NetworkData, *, limit: int = 10, structure: EgoStructure | None = None
) -> Finding:
    """Pairs of your strong contacts who do not know each other but would gain from meeting.

    Only the strongest contacts (strength 4 or 5; at most the 200 strongest)
    are paired, so the search is never quadratic in the size of the network.
    A pair qualifies when the two are not tied, share common ground (function,
    industry, a tag, a future orientation) and sit in different worlds
    (inside and outside your organisation, different organisations,
    functions, or separate clusters of your network).

    Returns
    -------
    Finding
        ``value`` is the number of suggestions; ``details["suggestions"]``
        lists ``a``, ``b``, ``reason`` and ``score``. A (low) gap when there are
        suggestions and you record giving no introductions.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> a = Contact("Oluwaseun", id=1, strength=5, function="Supply chain", inside_org=True)
    >>> b = Contact("Mariana", id=2, strength=4, function="supply chain", inside_org=False)
    >>> f = introductions(network_from(Profile("Ana"), [a, b]))
    >>> f.details["suggestions"][0]["reason"]
    'Both work in Supply chain; one inside, one outside your organisation.'

    References
    ----------
    Burt (1992): brokering across structural holes; Uzzi & Dunlap (2005); Ibarra & Hunter (2007).
    """
    key, title = "introductions", "Introductions you could make"
    principle = (
        "Connecting people in your network who would gain from knowing each other "
        "creates value, builds goodwill and makes you the broker between worlds."
    )
    source = f"{BURT}; {UZZI}; {IBARRA}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    es = structure if structure is not None else ego_structure(net)
    strong = np.flatnonzero(v.strength >= STRONG)
    order = np.argsort(-v.strength[strong], kind="stable")
    cand = strong[order][:CANDIDATES]
    gives_intros = sum("introductions" in x for x in v.i_give)
    details: dict[str, Any] = {
        "candidates": len(cand),
        "suggestions": [],
        "you_give_introductions": int(gives_intros),
    }
    if len(cand) < 2:
        reading = (
            "Rate your strongest contacts (strength 4 or 5) to get suggestions of "
            "people to introduce to each other."
        )
        return make_finding(
            key, title, 0, reading, principle=principle, source=source, details=details
        )
    m = len(cand)
    ii, jj = np.triu_indices(m, 1)
    a, b = cand[ii], cand[jj]
    tied = np.asarray(es.adjacency[a, b]).ravel() != 0 if es.ties else np.zeros(len(a), bool)
    func = _codes(v.folded("function")[cand])
    ind = _codes(v.folded("industry")[cand])
    org = _codes(v.folded("organisation")[cand])
    inside, outside = v.inside
    fut = np.isin(v.folded("orientation")[cand], ("future", "both"))
    same_func = (func[ii] >= 0) & (func[ii] == func[jj])
    same_ind = (ind[ii] >= 0) & (ind[ii] == ind[jj])
    raw_tags: list[object] = [v.frame["tags"].iat[i] if "tags" in v.frame else () for i in cand]
    tag_lists = [
        tuple(t.casefold() for t in x if isinstance(t, str) and t.strip())
        if isinstance(x, (tuple, list))
        else ()
        for x in raw_tags
    ]
    vocab = {t: k for k, t in enumerate(sorted({t for x in tag_lists for t in x}))}
    if vocab:
        rows = [r for r, x in enumerate(tag_lists) for _ in x]
        cols = [vocab[t] for x in tag_lists for t in x]
        inc = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(m, len(vocab)))
        # CSR times CSR is CSR; the stubs allow for BSR, which cannot be indexed.
        both_tagged = cast(sparse.csr_matrix, inc @ inc.T)
        shared_tags = np.asarray(both_tagged[ii, jj]).ravel() > 0
    else:
        shared_tags = np.zeros(len(ii), dtype=bool)
    both_future = fut[ii] & fut[jj]
    in_out = (inside[a] & outside[b]) | (outside[a] & inside[b])
    diff_org = (org[ii] >= 0) & (org[jj] >= 0) & (org[ii] != org[jj]) & ~in_out
    diff_func = (func[ii] >= 0) & (func[jj] >= 0) & (func[ii] != func[jj])
    apart = (es.component[a] != es.component[b]) & (es.degree[a] > 0) & (es.degree[b] > 0)
    common = 2.0 * same_func + 1.0 * same_ind + 2.0 * shared_tags + 1.5 * both_future
    differ = 2.0 * in_out + 1.0 * diff_org + 0.5 * diff_func + 1.5 * apart
    ok = ~tied & (common > 0) & (differ > 0)
    score = common + differ + (v.strength[a] + v.strength[b]) / 10.0
    picked = np.flatnonzero(ok)
    picked = picked[np.argsort(-score[picked], kind="stable")]
    # keyed only for the pairs the loop reaches (it stops at `limit` suggestions); name_key
    # keeps the keys it has made
    introducers, names = v.column("introduced_by"), v.names
    suggestions: list[dict[str, Any]] = []
    used: Counter[int] = Counter()
    for p in picked:
        i, j = int(a[p]), int(b[p])
        one_way = name_key(introducers[i]) == name_key(str(names[j]))
        if one_way or name_key(introducers[j]) == name_key(str(names[i])):
            continue  # one introduced you to the other: they already know each other
        if used[i] >= 2 or used[j] >= 2:
            continue  # spread the suggestions over more people
        why = []
        if same_func[p]:
            why.append(f"Both work in {v.column('function')[i]}")
        elif same_ind[p]:
            why.append(f"Both are in {v.column('industry')[i]}")
        elif shared_tags[p]:
            tag = min(set(tag_lists[ii[p]]) & set(tag_lists[jj[p]]))
            why.append(f"You tagged both '{tag}'")
        elif both_future[p]:
            why.append("Both look to the future")
        if in_out[p]:
            why.append("one inside, one outside your organisation")
        elif diff_org[p]:
            why.append(
                f"they work at {v.column('organisation')[i]} and {v.column('organisation')[j]}"
            )
        elif apart[p]:
            why.append("they sit in separate clusters of your network")
        elif diff_func[p]:
            why.append(f"one in {v.column('function')[i]}, one in {v.column('function')[j]}")
        suggestions.append(
            {
                "a": v.ref(i),
                "b": v.ref(j),
                "reason": "; ".join(why) + ".",
                "score": round(float(score[p]), 2),
            }
        )
        used[i] += 1
        used[j] += 1
        if len(suggestions) >= limit:
            break
    details["suggestions"] = suggestions
    details["qualifying_pairs"] = int(ok.sum())
    if not suggestions:
        reading = (
            "No pair of your strong contacts stands out as needing an introduction: "
            "they either know each other or have little in common."
        )
        return make_finding(
            key, title, 0, reading, principle=principle, source=source, details=details
        )
    first = suggestions[0]
    reading = (
        f"{plural(len(suggestions), 'pair')} of your strong contacts could gain from an "
        f"introduction; first {first['a']['name']} and {first['b']['name']}: "
        f"{first['reason'][0].lower()}{first['reason'][1:]}"
    )
    severity = 0.25 if gives_intros == 0 else 0.0
    if severity:
        reading += " You record giving no introductions yet."
    pairs = [
        concerned("pair", side, side.get("network_type") or "", pair=k, note=item["reason"])
        for k, item in enumerate(suggestions)
        for side in (item["a"], item["b"])
    ]
    return make_finding(
        key,
        title,
        len(suggestions),
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details=details,
        evidence=pairs,
    )
