"""Who knows whom: density, Burt's constraint and effective size, clusters, local bridges.

The person (ego) is tied to every contact; the ``ties`` table says which
contacts know each other. All measures are computed for ego only, from the
ties among the contacts, with sparse matrices: linear in contacts plus ties,
so a 30,000-contact import costs milliseconds (an all-node structural-holes
routine would build a dense n x n matrix).

Formulas (ego = 0, contacts j, q; ``a_jq`` the weight of the tie between two
contacts, ``w_j`` that of ego's tie to j):

- proportional tie ``p_0j = w_j / sum_k w_k``, and for a contact q,
  ``p_qj = a_qj / (w_q + sum_k a_qk)``;
- constraint ``C = sum_j (p_0j + sum_q p_0q p_qj)**2``; each term is the
  contact's contribution (who constrains me most);
- effective size ``n - sum_j sum_q p_0q m_jq`` with ``m_jq = a_jq / max_k a_jk``
  (k over j's ties, ego included), which for unweighted ties is ``n - 2t/n``;
- efficiency = effective size / n; density = ``t / (n(n-1)/2)``;
- clusters: connected groups of two or more contacts; isolates: contacts
  tied to no other contact; a local bridge: a tie whose two ends share no
  contact.

References
----------
Burt, R. S. (1992). Structural Holes. Harvard University Press.
Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures. Connections 20(1).
Granovetter, M. S. (1973). The strength of weak ties. AJS 78(6).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from ..findings import Finding
from ..network import NetworkData
from ._common import (
    BORGATTI,
    BURT,
    GRANOVETTER,
    make_finding,
    no_contacts,
    plural,
    positions,
    view,
)

__all__ = ["EgoStructure", "ego_structure", "network_structure"]


@dataclass(frozen=True)
class EgoStructure:
    """Structural measures of the person's (ego's) network.

    Attributes
    ----------
    n : int
        Number of contacts.
    ties : int
        Ties among contacts (each pair once, ties to unknown contacts and
        self-ties dropped).
    density, constraint, effective_size, efficiency : float or None
        ``None`` when undefined (no contacts; density needs two).
    contribution : ndarray
        Each contact's term of the constraint (sums to ``constraint``).
    degree : ndarray
        How many other contacts each contact knows.
    component : ndarray
        Cluster label per contact (isolates get their own label).
    clusters : int
        Groups of two or more contacts who are connected.
    isolates : int
        Contacts who know none of the others.
    bridges : ndarray
        ``(k, 2)`` row positions of the local bridges, strongest tie first.
    bridge_strength : ndarray
        Strength of each local bridge.
    adjacency : scipy.sparse.csr_matrix
        Who knows whom among the contacts (row positions), with the weights used.
    """

    n: int
    ties: int
    density: float | None
    constraint: float | None
    effective_size: float | None
    efficiency: float | None
    contribution: np.ndarray = field(repr=False)
    degree: np.ndarray = field(repr=False)
    component: np.ndarray = field(repr=False)
    clusters: int
    isolates: int
    bridges: np.ndarray = field(repr=False)
    bridge_strength: np.ndarray = field(repr=False)
    adjacency: sparse.csr_matrix = field(repr=False)


def _alter_graph(net: NetworkData, weighted: bool) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """The symmetric contact-contact weight matrix, and the same holding tie strengths."""
    n = net.size
    ties = net.ties
    if ties is None or not len(ties) or n == 0 or not {"contact_a", "contact_b"} <= set(ties):
        return sparse.csr_matrix((n, n)), sparse.csr_matrix((n, n))
    a = positions(net.contacts, ties["contact_a"])
    b = positions(net.contacts, ties["contact_b"])
    if "strength" in ties:
        s = pd.to_numeric(ties["strength"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    else:
        s = np.full(len(a), np.nan)
    s = np.where(np.isfinite(s) & (s > 0), s, 3.0)
    ok = (a >= 0) & (b >= 0) & (a != b)
    lo, hi, s = np.minimum(a, b)[ok], np.maximum(a, b)[ok], s[ok]
    if not len(lo):
        return sparse.csr_matrix((n, n)), sparse.csr_matrix((n, n))
    # each pair once, keeping its strongest record
    frame = pd.DataFrame({"lo": lo, "hi": hi, "s": s}).groupby(["lo", "hi"], sort=False)["s"].max()
    lo = frame.index.get_level_values(0).to_numpy()
    hi = frame.index.get_level_values(1).to_numpy()
    s = frame.to_numpy(dtype=float)
    w = s if weighted else np.ones(len(frame))
    rows, cols = np.concatenate([lo, hi]), np.concatenate([hi, lo])
    adj = sparse.csr_matrix((np.concatenate([w, w]), (rows, cols)), shape=(n, n))
    strength = sparse.csr_matrix((np.concatenate([s, s]), (rows, cols)), shape=(n, n))
    return adj, strength


def ego_structure(net: NetworkData, *, weighted: bool = False) -> EgoStructure:
    """Compute the person's structural measures from the ties among their contacts.

    Parameters
    ----------
    net : NetworkData
        The person's network.
    weighted : bool
        Use tie strengths (ego-contact: the contact's ``strength``; contact
        pairs: the tie's ``strength``; 3 when unknown) instead of 1 for every
        tie. The classic measures, and the worked values below, are unweighted.

    Returns
    -------
    EgoStructure

    Examples
    --------
    Five contacts who know nobody, then five who all know each other:

    >>> from leadnet_helpers.model import Contact, Profile, Tie
    >>> from leadnet_helpers.network import network_from
    >>> people = [Contact(f"c{i}", id=i) for i in range(1, 6)]
    >>> star = ego_structure(network_from(Profile("Ana"), people))
    >>> round(star.constraint, 3), star.effective_size, star.isolates
    (0.2, 5.0, 5)
    >>> pairs = [Tie(i, j) for i in range(1, 6) for j in range(i + 1, 6)]
    >>> clique = ego_structure(network_from(Profile("Ana"), people, pairs))
    >>> round(clique.constraint, 3), clique.effective_size, clique.density
    (0.648, 1.0, 1.0)

    References
    ----------
    Burt (1992), ch. 2; Borgatti (1997) for ``n - 2t/n``.
    """
    v = view(net)
    cache = v.__dict__.setdefault("_structure", {})
    if weighted in cache:
        return cache[weighted]
    n = v.n
    adj, strengths = _alter_graph(net, weighted)
    t = adj.nnz // 2
    degree = np.diff(adj.indptr).astype(np.int64) if n else np.zeros(0, dtype=np.int64)
    if n == 0:
        empty = np.zeros(0)
        result = EgoStructure(
            0,
            0,
            None,
            None,
            None,
            None,
            empty,
            degree,
            degree,
            0,
            0,
            np.zeros((0, 2), dtype=np.int64),
            empty,
            adj,
        )
        cache[weighted] = result
        return result
    w0 = np.nan_to_num(v.strength, nan=3.0) if weighted else np.ones(n)
    p0 = w0 / w0.sum()
    row_total = np.asarray(adj.sum(axis=1)).ravel()
    indirect = adj @ (p0 / (w0 + row_total))
    contribution = (p0 + indirect) ** 2
    constraint = float(contribution.sum())
    if weighted:
        row_max = np.maximum(adj.max(axis=1).toarray().ravel(), w0)
        redundancy = sparse.diags(1.0 / row_max) @ adj @ p0
        effective = float(n - redundancy.sum())
    else:
        effective = float(n - 2.0 * t / n)
    density = float(t / (n * (n - 1) / 2)) if n >= 2 else None
    _, labels = connected_components(adj, directed=False)
    sizes = np.bincount(labels)
    clusters = int(np.sum(sizes >= 2))
    isolates = int(np.sum(degree == 0))
    bridges, strength = _local_bridges(adj, strengths)
    result = EgoStructure(
        n,
        t,
        density,
        constraint,
        effective,
        effective / n,
        contribution,
        degree,
        labels.astype(np.int64),
        clusters,
        isolates,
        bridges,
        strength,
        adj,
    )
    cache[weighted] = result
    return result


def _local_bridges(
    adj: sparse.csr_matrix, strengths: sparse.csr_matrix
) -> tuple[np.ndarray, np.ndarray]:
    """Ties whose two contacts have no contact in common, strongest first."""
    if adj.nnz == 0:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    upper = sparse.triu(adj, k=1).tocoo()
    lo, hi = upper.row.astype(np.int64), upper.col.astype(np.int64)
    binary = adj.copy()
    binary.data = np.ones_like(binary.data)
    used = np.flatnonzero(np.diff(binary.indptr) > 0)
    sub = binary[used][:, used]
    shared = (sub @ sub).multiply(sub).tocsr()  # common neighbours of each tied pair
    where = np.full(adj.shape[0], -1, dtype=np.int64)
    where[used] = np.arange(len(used))
    common = np.asarray(shared[where[lo], where[hi]]).ravel()
    keep = common == 0
    strength = np.asarray(strengths[lo, hi]).ravel()
    lo, hi, strength = lo[keep], hi[keep], strength[keep]
    order = np.argsort(-strength, kind="stable")
    return np.column_stack([lo[order], hi[order]]), strength[order]


def network_structure(net: NetworkData, *, weighted: bool = False) -> Finding:
    """How open your network is: density, constraint, effective size, clusters, bridges.

    A gap when the network is closed: under half of it is non-redundant
    (efficiency below 0.5) or the constraint is above 0.3, with at least
    three contacts.

    Parameters
    ----------
    net : NetworkData
        The person's network.
    weighted : bool
        Weight ties by strength (see :func:`ego_structure`).

    Returns
    -------
    Finding
        ``value`` maps ``density``, ``constraint``, ``effective_size``,
        ``efficiency``, ``clusters``, ``isolates`` and ``local_bridges`` to
        numbers; ``details`` lists the contacts who constrain you most and the
        local bridges.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile, Tie
    >>> from leadnet_helpers.network import network_from
    >>> people = [Contact(f"c{i}", id=i) for i in range(1, 7)]
    >>> triads = [Tie(1, 2), Tie(2, 3), Tie(1, 3), Tie(4, 5), Tie(5, 6), Tie(4, 6)]
    >>> f = network_structure(network_from(Profile("Ana"), people, triads))
    >>> f.value["constraint"], f.value["effective_size"], f.value["density"], f.value["clusters"]
    (0.463, 4.0, 0.4, 2)

    References
    ----------
    Burt (1992); Borgatti (1997); Granovetter (1973); Ibarra & Hunter (2007).
    """
    key, title = "structure", "Who knows whom"
    principle = (
        "Contacts who all know each other tell you the same things; contacts in "
        "separate worlds that only you connect bring new information and let you "
        "broker between them (structural holes)."
    )
    source = f"{BURT}; {BORGATTI}; {GRANOVETTER}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    es = ego_structure(net, weighted=weighted)
    # There are contacts, so ego_structure measured all of these.
    assert es.constraint is not None and es.effective_size is not None
    assert es.efficiency is not None
    value = {
        "density": None if es.density is None else round(es.density, 3),
        "constraint": round(es.constraint, 3),
        "effective_size": round(es.effective_size, 2),
        "efficiency": round(es.efficiency, 3),
        "clusters": es.clusters,
        "isolates": es.isolates,
        "local_bridges": len(es.bridges),
        "ties": es.ties,
        "contacts": es.n,
    }
    top = np.argsort(-es.contribution, kind="stable")[:10]
    constrainers = [
        v.ref(int(i))
        | {
            "contribution": round(float(es.contribution[i]), 4),
            "share": float(es.contribution[i] / es.constraint),
            "knows": int(es.degree[i]),
        }
        for i in top
    ]
    bridges = [
        {"a": v.ref(int(a)), "b": v.ref(int(b)), "strength": float(s)}
        for (a, b), s in zip(es.bridges[:100], es.bridge_strength[:100], strict=True)
    ]
    sizes = np.bincount(es.component)
    cluster_sizes = sorted((int(x) for x in sizes[sizes >= 2]), reverse=True)
    details = {
        "weighted": weighted,
        "most_constraining": constrainers,
        "local_bridges": bridges,
        "cluster_sizes": cluster_sizes[:50],
        "rule": "gap when efficiency < 0.5 or constraint > 0.3 (3+ contacts)",
    }
    if es.ties == 0:
        reading = (
            f"None of your {plural(es.n, 'contact')} is recorded as knowing another, so "
            f"each counts as a separate world (constraint {es.constraint:.3f}). Record "
            "who knows whom in notebook 01 to see how open your network really is."
        )
        return make_finding(
            key, title, value, reading, principle=principle, source=source, details=details
        )
    lonely = f" and {plural(es.isolates, 'isolate')}" if es.isolates else ""
    reading = (
        f"Your {plural(es.n, 'contact')} form {plural(es.clusters, 'cluster')}{lonely}; "
        f"effective size {es.effective_size:.1f} (efficiency {es.efficiency:.0%}), "
        f"constraint {es.constraint:.3f} (lower means more brokerage)."
    )
    severity = 0.0
    if es.n >= 3 and (es.efficiency < 0.5 or es.constraint > 0.3):
        severity = min(1.0, 0.3 + max(0.5 - es.efficiency, es.constraint - 0.3, 0.0))
        reading += (
            " Your contacts mostly know each other: a closed network echoes; add people "
            "from worlds your contacts do not reach."
        )
    elif es.isolates > es.n / 2:
        reading += (
            f" {plural(es.isolates, 'contact')} know none of the others: if they do, "
            "record it in notebook 01."
        )
    return make_finding(
        key,
        title,
        value,
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details=details,
    )
