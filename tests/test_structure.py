"""Who-knows-whom measures: worked values, small and odd cases, an independent check."""

from __future__ import annotations

import itertools
import json
import random

import numpy as np
import pytest

from leadnet_helpers.diagnostics import ego_structure, network_structure
from leadnet_helpers.model import Contact, Profile, Tie
from leadnet_helpers.network import network_from

ANA = Profile("Ana Lima")


def people(n: int, **fields) -> list[Contact]:
    return [Contact(f"c{i}", id=i, **fields) for i in range(1, n + 1)]


def net_of(n: int, ties=(), **fields):
    return network_from(
        ANA, people(n, **fields), [Tie(a, b, s) for a, b, s in ((*t, 3)[:3] for t in ties)]
    )


CLIQUE5 = list(itertools.combinations(range(1, 6), 2))
TRIADS = [(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6)]


# --------------------------------------------------------------------------- worked values


def test_star_of_five():
    es = ego_structure(net_of(5))
    assert es.constraint == pytest.approx(0.200)
    assert es.effective_size == pytest.approx(5.0)
    assert es.efficiency == pytest.approx(1.0)
    assert es.density == 0.0
    assert (es.isolates, es.clusters, len(es.bridges), es.ties) == (5, 0, 0, 0)


def test_clique_of_five():
    es = ego_structure(net_of(5, CLIQUE5))
    assert round(es.constraint, 3) == 0.648
    assert es.effective_size == pytest.approx(1.0)
    assert es.efficiency == pytest.approx(0.2)
    assert es.density == 1.0
    assert (es.isolates, es.clusters, len(es.bridges)) == (0, 1, 0)


def test_two_separate_triads():
    es = ego_structure(net_of(6, TRIADS))
    assert round(es.constraint, 3) == 0.463
    assert es.effective_size == pytest.approx(4.0)
    assert es.density == pytest.approx(0.4)
    assert (es.clusters, es.isolates, len(es.bridges)) == (2, 0, 0)


def test_finding_reports_the_worked_values():
    f = network_structure(net_of(6, TRIADS))
    assert f.value["constraint"] == 0.463
    assert f.value["effective_size"] == 4.0
    assert f.value["density"] == 0.4
    assert f.value["clusters"] == 2
    assert f.principle and "Burt" in f.source
    json.dumps(f.to_dict(), allow_nan=False)


def test_clique_is_a_gap_and_star_is_not():
    assert network_structure(net_of(5, CLIQUE5)).is_gap
    star = network_structure(net_of(5))
    assert not star.is_gap
    assert "notebook 01" in star.reading  # no ties recorded: say how to add them


# --------------------------------------------------------------------------- small cases


def test_one_contact():
    es = ego_structure(net_of(1))
    assert es.constraint == pytest.approx(1.0)
    assert es.effective_size == pytest.approx(1.0)
    assert es.efficiency == pytest.approx(1.0)
    assert es.density is None
    f = network_structure(net_of(1))
    assert f.value["density"] is None and not f.is_gap


def test_two_contacts_apart_and_together():
    apart = ego_structure(net_of(2))
    assert apart.constraint == pytest.approx(0.5)
    assert apart.effective_size == pytest.approx(2.0)
    together = ego_structure(net_of(2, [(1, 2)]))
    # p = 1/2 each; indirect = 1/2 * 1/2; (1/2 + 1/4)^2 * 2
    assert together.constraint == pytest.approx(1.125)
    assert together.effective_size == pytest.approx(1.0)
    assert together.density == 1.0
    assert len(together.bridges) == 1  # no common contact: a local bridge


def test_no_contacts():
    es = ego_structure(network_from(ANA, []))
    assert es.constraint is None and es.effective_size is None and es.n == 0
    f = network_structure(network_from(ANA, []))
    assert f.value is None and "notebook 01" in f.reading


def test_bad_ties_are_ignored():
    ties = [Tie(1, 2), Tie(2, 1), Tie(1, 1), Tie(1, 99), Tie(77, 88)]
    es = ego_structure(network_from(ANA, people(3), ties))
    assert es.ties == 1
    assert es.effective_size == pytest.approx(3 - 2 / 3)


def test_local_bridges_and_most_constraining():
    # 1 knows everyone (a hub); 2-3 also know each other; 5-6 a pair apart from the rest
    ties = [(1, 2), (1, 3), (1, 4), (2, 3), (5, 6)]
    net = net_of(6, ties)
    es = ego_structure(net)
    bridges = {tuple(sorted((int(a) + 1, int(b) + 1))) for a, b in es.bridges}
    assert bridges == {(1, 4), (5, 6)}
    assert int(np.argmax(es.contribution)) == 0  # contact 1, the hub
    assert es.contribution.sum() == pytest.approx(es.constraint)
    f = network_structure(net)
    assert f.details["most_constraining"][0]["name"] == "c1"
    assert {b["a"]["name"] for b in f.details["local_bridges"]} == {"c1", "c5"}


def test_weighted_with_equal_weights_matches_unweighted():
    net = net_of(6, [(a, b, 3) for a, b in TRIADS], strength=3)
    assert ego_structure(net, weighted=True).constraint == pytest.approx(
        ego_structure(net).constraint
    )
    assert ego_structure(net, weighted=True).effective_size == pytest.approx(4.0)


def test_weighted_hand_computed():
    # ego-contact strengths 1 and 3; the two contacts know each other with strength 2
    net = network_from(
        ANA, [Contact("a", id=1, strength=1), Contact("b", id=2, strength=3)], [Tie(1, 2, 2)]
    )
    es = ego_structure(net, weighted=True)
    # p = (.25, .75); totals a: 1+2, b: 3+2; indirect a = 2*.75/5, b = 2*.25/3
    expected = (0.25 + 0.3) ** 2 + (0.75 + 0.5 / 3) ** 2
    assert es.constraint == pytest.approx(expected)
    # m_ab = 2/max(2,1) = 1, m_ba = 2/max(2,3); ES = 2 - (.75*1 + .25*2/3)
    assert es.effective_size == pytest.approx(2 - 0.75 - 0.25 * 2 / 3)


# --------------------------------------------------------------------------- independent check


@pytest.mark.parametrize("seed", range(12))
def test_matches_an_independent_implementation(seed):
    nx = pytest.importorskip("networkx")
    rng = random.Random(seed)
    n = rng.randint(1, 11)
    pairs = [p for p in itertools.combinations(range(1, n + 1), 2) if rng.random() < 0.35]
    es = ego_structure(net_of(n, pairs))
    g = nx.Graph()
    g.add_edges_from(("ego", i) for i in range(1, n + 1))
    g.add_edges_from(pairs)
    assert es.constraint == pytest.approx(nx.constraint(g, nodes=["ego"])["ego"])
    assert es.effective_size == pytest.approx(nx.effective_size(g, nodes=["ego"])["ego"])
    alters = g.subgraph(range(1, n + 1))
    expected = {tuple(sorted(e)) for e in nx.local_bridges(alters, with_span=False)}
    got = {tuple(sorted((int(a) + 1, int(b) + 1))) for a, b in es.bridges}
    assert got == expected
    assert es.clusters == sum(1 for c in nx.connected_components(alters) if len(c) > 1)


def test_weighted_matches_an_independent_implementation():
    nx = pytest.importorskip("networkx")
    rng = random.Random(7)
    n = 8
    strengths = {i: rng.randint(1, 5) for i in range(1, n + 1)}
    pairs = [
        (a, b, rng.randint(1, 5))
        for a, b in itertools.combinations(range(1, n + 1), 2)
        if rng.random() < 0.4
    ]
    net = network_from(
        ANA,
        [Contact(f"c{i}", id=i, strength=s) for i, s in strengths.items()],
        [Tie(a, b, s) for a, b, s in pairs],
    )
    es = ego_structure(net, weighted=True)
    g = nx.Graph()
    g.add_weighted_edges_from(("ego", i, s) for i, s in strengths.items())
    g.add_weighted_edges_from(pairs)
    assert es.constraint == pytest.approx(nx.constraint(g, nodes=["ego"], weight="weight")["ego"])
    assert es.effective_size == pytest.approx(
        nx.effective_size(g, nodes=["ego"], weight="weight")["ego"]
    )
