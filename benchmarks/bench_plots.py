"""Time the dashboard's figures on 500, 5,000 and 30,000 synthetic contacts.

Run from the repository root::

    python benchmarks/bench_plots.py              # 500, 5,000, 30,000
    python benchmarks/bench_plots.py 1000 100000  # other sizes

For each size it prints the time to build every figure (with the diagnostics'
findings computed beforehand, as the dashboard does), and for the dashboard
widget at 500 contacts the time of a redraw after a filter change (filter,
diagnostics, figures and the in-place update of the live figures). Targets:
all figures in under 3 seconds at 30,000 contacts; a redraw under 300 ms at
500.

The network is generated: types, strengths, dates and tags drawn at random
(seeded); who-knows-whom ties among the most important 10% of contacts (at
most 1,500 of them), as a real 30,000-contact import carries ties only for
the key contacts entered by hand; a log of gives, asks and meetings.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date, timedelta

import numpy as np
import pandas as pd

from leadnet_helpers.diagnostics import all_findings
from leadnet_helpers.model import Contact, Interaction, Profile, Tie
from leadnet_helpers.network import NetworkData, network_from
from leadnet_helpers.plots import FIGURES, build_figures, tie_layout
from leadnet_helpers.widgets.dashboard import DashboardView, Filters

TODAY = date(2026, 11, 21)
SIZES = (500, 5_000, 30_000)
TAGS = ("board", "supplier", "alumni", "customer", "mentor", "cold chain", "union", "running")
ORGS = ("Marrowby", "Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Adatum")
FUNCTIONS = ("Operations", "Sales", "Finance", "HR", "IT", "Strategy", "")
INDUSTRIES = ("Logistics", "Retail", "Software", "Healthcare", "")


def synthetic_network(n: int, seed: int = 1) -> NetworkData:
    """A network of *n* generated contacts with ties among the key ones and a log."""
    rng = np.random.default_rng(seed)
    types = rng.choice(
        ["operational", "personal", "strategic", ""], size=n, p=[0.55, 0.25, 0.12, 0.08]
    )
    strength = rng.choice([1, 2, 3, 4, 5, 0], size=n, p=[0.1, 0.2, 0.25, 0.15, 0.05, 0.25])
    ago = rng.integers(0, 900, size=n)
    dated = rng.random(n) < 0.8
    contacts = []
    for i in range(n):
        tags = tuple(rng.choice(TAGS, size=int(rng.integers(0, 3)), replace=False))
        contacts.append(
            Contact(
                name=f"Contact {i:05d}",
                id=i + 1,
                organisation=ORGS[i % len(ORGS)],
                function=FUNCTIONS[i % len(FUNCTIONS)],
                industry=INDUSTRIES[i % len(INDUSTRIES)],
                seniority=("junior", "peer", "senior", "executive")[i % 4],
                inside_org=bool(i % 3),
                network_type=str(types[i]),
                strength=int(strength[i]) or None,
                tags=tags,
                last_contact=(TODAY - timedelta(days=int(ago[i]))).isoformat() if dated[i] else "",
            )
        )
    key = min(n, max(2, n // 10), 1_500)
    ties = set()
    for a in range(1, key + 1):
        for b in rng.choice(np.arange(1, key + 1), size=3, replace=False):
            if a != b:
                ties.add((min(a, int(b)), max(a, int(b))))
    log = [
        Interaction(
            int(rng.integers(1, key + 1)),
            (TODAY - timedelta(days=int(rng.integers(0, 400)))).isoformat(),
            str(rng.choice(["met", "gave", "asked"])),
        )
        for _ in range(min(n, 3_000))
    ]
    return network_from(
        Profile("Ana", career_stage="functional manager"),
        contacts,
        [Tie(a, b, 3) for a, b in sorted(ties)],
        log,
    )


def time_figures(net: NetworkData) -> dict[str, float]:
    """Seconds to build each figure (findings and the tie layout computed first)."""
    findings = all_findings(net, TODAY)
    times = {}
    started = time.perf_counter()
    positions = tie_layout(net)
    times["tie layout"] = time.perf_counter() - started
    for key in FIGURES:
        started = time.perf_counter()
        build_figures(net, findings, today=TODAY, positions=positions, only=[key])
        times[key] = time.perf_counter() - started
    return times


def time_redraw(net: NetworkData, repeats: int = 15) -> list[float]:
    """Seconds of each dashboard redraw after a filter change, alternating two filters."""
    view = DashboardView(net=net, today=TODAY)
    choices = [Filters(types=("strategic",)), Filters(inside="outside"), Filters()]
    out = []
    for i in range(repeats):
        view.set_filters(choices[i % len(choices)])
        out.append(view.last_redraw)
    return out


def main(sizes: tuple[int, ...] = SIZES) -> None:
    """Print the timings."""
    pd.set_option("display.width", 120)
    build_figures(synthetic_network(50), [], today=TODAY)  # warm up imports
    for n in sizes:
        net = synthetic_network(n)
        started = time.perf_counter()
        findings = all_findings(net, TODAY)
        diag = time.perf_counter() - started
        times = time_figures(net)
        total = sum(times.values())
        print(f"\n{n:,} contacts ({len(net.ties):,} ties, {len(net.interactions):,} log entries)")
        print(f"  diagnostics (all_findings)  {diag:7.3f} s   [{len(findings)} findings]")
        for key, seconds in times.items():
            print(f"  {key:<26}  {seconds:7.3f} s")
        verdict = "ok" if n < 30_000 or total < 3 else "OVER the 3 s target"
        print(f"  all figures                 {total:7.3f} s   {verdict}")
    net = synthetic_network(500)
    redraws = time_redraw(net)
    median = statistics.median(redraws)
    verdict = "ok" if median < 0.3 else "OVER the 300 ms target"
    print(
        f"\nredraw after a filter change, 500 contacts: median {median * 1000:.0f} ms "
        f"(fastest {min(redraws) * 1000:.0f} ms, slowest {max(redraws) * 1000:.0f} ms, "
        f"{len(redraws)} redraws)   {verdict}"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"(load average {load:.1f} on {os.cpu_count()} cores: a busy machine inflates these)")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
