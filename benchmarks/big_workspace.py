"""Build a workspace of *n* generated contacts with ties and a year of interactions.

Shared by the benchmarks that time the notebooks (``bench_browser.py``,
``bench_notebooks.py``). The contacts look like a large LinkedIn import that
the person has started to fill in: every tenth one (at most 1,500, the key
contacts) carries a relationship, a strength, a last contact, what they give
and tags; the key contacts know each other in clusters of about fifteen with
a few bridges between clusters; the log holds about four interactions per key
contact spread over the last year. The rest are thin rows (name,
organisation, position). Everything is seeded: the same *n* gives the same
workspace. Rows go in through the store's private insert (not timed).

Usage::

    python benchmarks/big_workspace.py 30000 out.leadnet.sqlite
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.store import Workspace

__all__ = ["PROFILE", "TODAY", "build", "fill"]

TODAY = date(2026, 11, 21)
PROFILE = Profile(
    name="Ana Lima",
    organisation="Contoso",
    function="Operations",
    industry="Logistics",
    career_stage="functional manager",
)
_RELATIONSHIPS = [
    "supplier",
    "my manager",
    "old classmate",
    "board member",
    "mentor",
    "direct report",
    "customer",
    "former colleague",
    "running club",
    "industry analyst",
]
_POSITIONS = ["Engineer", "Head of Sales", "CFO", "Recruiter", "Consultant", "Student", ""]
_FUNCTIONS = ["Finance", "Sales", "R&D", "HR", "Operations", "Legal"]
_GIVES = ["support", "feedback", "insight", "resources"]


def _contacts(n: int, key: int, rng: random.Random) -> list[Contact]:
    orgs = ["Contoso"] + [f"Org {i:03d}" for i in range(max(20, n // 40))]
    out = []
    for i in range(n):
        org = orgs[0] if rng.random() < 0.25 else orgs[rng.randrange(len(orgs))]
        if i < key:
            seen = TODAY - timedelta(days=rng.randrange(400))
            out.append(
                Contact(
                    f"Person {i:05d}",
                    organisation=org,
                    role=_POSITIONS[i % len(_POSITIONS)],
                    function=_FUNCTIONS[i % len(_FUNCTIONS)],
                    relationship=_RELATIONSHIPS[i % len(_RELATIONSHIPS)],
                    inside_org=org == "Contoso",
                    strength=1 + rng.randrange(5),
                    last_contact=seen.isoformat(),
                    frequency=["weekly", "monthly", "quarterly"][i % 3],
                    gives_me=tuple(g for g in _GIVES if rng.random() < 0.3),
                    i_give=tuple(g for g in _GIVES if rng.random() < 0.2),
                    tags=(f"tag{i % 10}",) if i % 3 == 0 else (),
                )
            )
        else:
            out.append(
                Contact(
                    f"Person {i:05d}",
                    organisation=org,
                    role=_POSITIONS[i % len(_POSITIONS)],
                    source="linkedin",
                )
            )
    return out


def fill(ws: Workspace, n: int, seed: int = 1) -> dict[str, int]:
    """Add *n* contacts, their ties and a year of interactions to *ws*; return the counts."""
    rng = random.Random(seed)
    key = min(1_500, max(1, n // 10))
    with ws._write() as conn:
        ids = ws._insert(conn, _contacts(n, key, rng))
        keys = ids[:key]
        ties: set[tuple[int, int]] = set()
        for start in range(0, key, 15):
            members = keys[start : start + 15]
            for a_i, a in enumerate(members):
                for b in members[a_i + 1 :]:
                    if rng.random() < 0.5:
                        ties.add((min(a, b), max(a, b)))
        for _ in range(key // 10):  # bridges between clusters
            a, b = rng.sample(keys, 2) if key > 1 else (keys[0], keys[0])
            if a != b:
                ties.add((min(a, b), max(a, b)))
        conn.executemany(
            "INSERT INTO ties (contact_a, contact_b, strength) VALUES (?, ?, ?)",
            [(a, b, 1 + rng.randrange(5)) for a, b in sorted(ties)],
        )
        log = [
            (
                rng.choice(keys),
                (TODAY - timedelta(days=rng.randrange(365))).isoformat(),
                rng.choice(["met", "gave", "asked"]),
            )
            for _ in range(key * 4)
        ]
        conn.executemany(
            "INSERT INTO interactions (contact_id, date, kind, note) VALUES (?, ?, ?, '')", log
        )
    return {"contacts": n, "ties": len(ties), "interactions": len(log)}


def build(path: Path, n: int, seed: int = 1) -> dict[str, int]:
    """Create the workspace file *path* with *n* contacts (see the module); return counts."""
    with Workspace.create(path, PROFILE) as ws:
        return fill(ws, n, seed)


if __name__ == "__main__":
    print(build(Path(sys.argv[2]), int(sys.argv[1])))
