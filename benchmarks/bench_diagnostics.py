"""Time every gap diagnostic on synthetic networks of 500, 5,000 and 30,000 contacts.

Run from the repository root::

    python benchmarks/bench_diagnostics.py            # 500, 5,000, 30,000
    python benchmarks/bench_diagnostics.py 100000     # other sizes

Each network has a few hundred key contacts (strength, type, last contact,
what they give, who introduced them) whose who-knows-whom ties form clusters
of about fifteen people with a few bridges between them, plus an interaction
log; the rest are thin LinkedIn-style rows (name, organisation, function, a
classifier's type, no ties, no dates). The target is all diagnostics on
30,000 contacts in under 2 seconds on a 2-core machine. Building the tables is
not timed.
"""

from __future__ import annotations

import sys
import time
from datetime import date

import numpy as np

from leadnet_helpers.diagnostics import (
    balance,
    brokers,
    coverage,
    diversity,
    ego_structure,
    energy,
    future_orientation,
    give_and_take,
    homophily,
    inside_outside,
    introductions,
    keep_warm,
    network_structure,
    over_reliance,
    roles,
    strong_ties,
)
from leadnet_helpers.diagnostics._common import view
from leadnet_helpers.model import (
    ENERGY,
    GIVES,
    HELP_KINDS,
    I_GIVE,
    NETWORK_TYPES,
    ORIENTATION,
    SENIORITY,
    Contact,
    Interaction,
    Profile,
    Tie,
)
from leadnet_helpers.network import NetworkData, network_from

TODAY = date(2026, 11, 21)
FUNCTIONS = [
    "Operations",
    "Finance",
    "Sales",
    "Engineering",
    "HR",
    "Legal",
    "Supply Chain",
    "Marketing",
    "Product",
    "Procurement",
    "Data",
    "Security",
]
INDUSTRIES = ["Logistics", "Retail", "Health", "Energy", "Banking", "Software", "Education"]


def synthetic(n: int, key: int = 300, seed: int = 1) -> NetworkData:
    """A network of *n* contacts, *key* of them with ties, dates and records."""
    rng = np.random.default_rng(seed)
    key = min(key, n)
    profile = Profile(
        "Ana Bench",
        organisation="Org 0",
        function="Operations",
        industry="Logistics",
        career_stage="functional manager",
    )
    orgs = [f"Org {i}" for i in range(max(50, n // 40))]
    contacts = []
    for i in range(n):
        thin = i >= key
        org = orgs[int(rng.integers(len(orgs)))] if rng.random() > 0.3 else "Org 0"
        contacts.append(
            Contact(
                name=f"Person {i}",
                id=i + 1,
                organisation=org,
                function=FUNCTIONS[int(rng.integers(len(FUNCTIONS)))],
                industry="" if thin and rng.random() < 0.5 else INDUSTRIES[int(rng.integers(7))],
                seniority="" if thin else SENIORITY[int(rng.integers(4))],
                inside_org=(org == "Org 0") if not thin or rng.random() < 0.3 else None,
                network_type=NETWORK_TYPES[int(rng.integers(3))],
                strength=None if thin else int(rng.integers(1, 6)),
                last_contact="" if thin else f"2026-{int(rng.integers(1, 12)):02d}-15",
                frequency="" if thin else ["weekly", "monthly", "quarterly"][int(rng.integers(3))],
                orientation="" if thin else ORIENTATION[int(rng.integers(3))],
                gives_me=() if thin else tuple(g for g in GIVES if rng.random() < 0.3),
                i_give=() if thin else tuple(g for g in I_GIVE if rng.random() < 0.2),
                introduced_by=""
                if thin
                else ("me" if rng.random() < 0.6 else f"Person {int(rng.integers(key))}"),
                tags=() if thin else (f"tag{int(rng.integers(10))}",),
                helps_with=() if thin else tuple(k for k in HELP_KINDS if rng.random() < 0.2),
                energy="" if thin else ENERGY[int(rng.integers(3))],
            )
        )
    ties = []
    cluster = 15
    for start in range(0, key, cluster):
        members = np.arange(start, min(start + cluster, key)) + 1
        for a_i, a in enumerate(members):
            for b in members[a_i + 1 :]:
                if rng.random() < 0.5:
                    ties.append(Tie(int(a), int(b), int(rng.integers(1, 6))))
    for _ in range(key // 10):  # a few bridges between clusters
        a, b = rng.integers(1, key + 1, size=2)
        if a != b:
            ties.append(Tie(int(a), int(b), 2))
    log = [
        Interaction(
            int(rng.integers(1, key + 1)),
            f"2026-{int(rng.integers(1, 12)):02d}-{int(rng.integers(1, 28)):02d}",
            ["met", "gave", "asked"][int(rng.integers(3))],
        )
        for _ in range(key * 4)
    ]
    return network_from(profile, contacts, ties, log)


def run(n: int) -> float:
    """Time each diagnostic on a fresh network of *n* contacts; return the total."""
    net = synthetic(n)
    steps = [
        ("read columns (shared view)", lambda: _warm(net)),
        ("structure measures (shared)", lambda: ego_structure(net)),
        ("balance", lambda: balance(net)),
        ("inside_outside", lambda: inside_outside(net)),
        ("future", lambda: future_orientation(net)),
        ("structure", lambda: network_structure(net)),
        ("diversity", lambda: diversity(net)),
        ("homophily", lambda: homophily(net)),
        ("keep_warm", lambda: keep_warm(net, TODAY)),
        ("give_and_take", lambda: give_and_take(net, TODAY)),
        ("over_reliance", lambda: over_reliance(net, TODAY)),
        ("coverage", lambda: coverage(net)),
        ("brokers", lambda: brokers(net)),
        ("introductions", lambda: introductions(net)),
        ("strong_ties", lambda: strong_ties(net)),
        ("roles", lambda: roles(net)),
        ("energy", lambda: energy(net)),
    ]
    print(f"\n{n:,} contacts, {len(net.ties):,} ties, {len(net.interactions):,} log entries")
    total = 0.0
    for label, step in steps:
        start = time.perf_counter()
        step()
        took = time.perf_counter() - start
        total += took
        print(f"  {label:<30} {took * 1000:8.1f} ms")
    print(f"  {'total':<30} {total * 1000:8.1f} ms")
    return total


def _warm(net: NetworkData) -> None:
    v = view(net)
    for name in (
        "function",
        "industry",
        "organisation",
        "orientation",
        "frequency",
        "introduced_by",
        "seniority",
    ):
        v.folded(name)
    _ = (v.types, v.strength, v.inside, v.gives_me, v.i_give, v.log, v.names, v.ids)


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [500, 5_000, 30_000]
    totals = {n: run(n) for n in sizes}
    if 30_000 in totals:
        verdict = "OK" if totals[30_000] < 2.0 else "TOO SLOW"
        print(f"\n30,000 contacts: {totals[30_000]:.2f} s (target < 2 s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
