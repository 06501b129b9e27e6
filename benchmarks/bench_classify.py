"""Time the three-network classifier on 500, 5,000 and 30,000 synthetic contacts.

Run from the repository root::

    python benchmarks/bench_classify.py            # 500, 5,000, 30,000
    python benchmarks/bench_classify.py 100000     # other sizes

The contacts are generated from pools of phrases, roles, organisations and
notes so that the free-text columns hold thousands of distinct values (the
classifier runs its phrase rules once per distinct value), with a quarter of
them thin LinkedIn-style rows (name, organisation, position only). The target
is 30,000 contacts in under a second on a 2-core machine. Two timings are
shown: from a DataFrame of template cells (what an import produces) and from a
list of :class:`~leadnet_helpers.model.Contact` (what ``Workspace.contacts()``
returns).
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from leadnet_helpers.classify import classify, load_rules
from leadnet_helpers.model import Contact, Profile

RELATIONSHIPS = [
    "direct report",
    "my manager",
    "team member",
    "supplier",
    "customer",
    "client lead",
    "vendor",
    "contractor",
    "old classmate",
    "running club",
    "mentor",
    "coach",
    "friend",
    "neighbour",
    "former colleague",
    "alumni network",
    "board member",
    "investor",
    "regulator",
    "industry analyst",
    "executive sponsor",
    "peer in another division",
    "my boss's boss",
    "co-founder of a startup",
    "professional association",
    "conference contact",
    "cousin",
    "book club",
    "union rep",
    "HR partner",
    "finance partner",
    "project sponsor",
    "trustee",
    "policy adviser",
    "university friend",
    "PhD supervisor",
    "meetup organiser",
    "",
    "",
    "",
]
VERBS = [
    "weekly sync on",
    "helps me with",
    "we talk about",
    "quarterly review of",
    "briefs me on",
    "co-chairs the",
    "advises on",
    "escalations for",
    "plans for",
    "argues about",
    "coffee about",
    "works on",
]
OBJECTS = [
    "the budget",
    "next year's strategy",
    "the night shift rota",
    "career moves",
    "supplier contracts",
    "the five-year plan",
    "incident reviews",
    "market trends",
    "the regional forum",
    "hiring",
    "the roadmap",
    "customer complaints",
    "funding bids",
    "our merger",
    "the product launch",
    "training",
    "new markets",
    "audit findings",
    "a new business line",
    "our partnership",
    "the board pack",
    "wards and rotas",
    "release planning",
    "leadership programme",
    "policy changes",
    "stock levels",
]
LEVELS = [
    "Junior",
    "Senior",
    "Lead",
    "Head of",
    "Director of",
    "VP",
    "Chief",
    "Principal",
    "Associate",
    "Assistant",
]
JOBS = [
    "Engineering",
    "Sales",
    "Operations",
    "Finance",
    "Marketing",
    "Nursing",
    "Policy",
    "Research",
    "Procurement",
    "Logistics",
    "Quality",
    "Strategy",
    "Data",
    "Product",
    "Customer Success",
    "Legal",
    "HR",
    "Facilities",
    "IT",
    "Fundraising",
    "Teaching",
    "Manufacturing",
    "Risk",
    "Compliance",
    "Communications",
]
FUNCTIONS = [
    "Engineering",
    "Sales",
    "Operations",
    "Finance",
    "Marketing",
    "HR",
    "IT",
    "Strategy",
    "Legal",
    "Product",
    "",
]
INDUSTRIES = [
    "Software",
    "Healthcare",
    "Manufacturing",
    "Public sector",
    "Finance",
    "Non-profit",
    "Education",
    "Retail",
    "",
]
ORG_STEMS = [
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Tailspin",
    "Wingtip",
    "Adatum",
    "Litware",
    "Proseware",
    "Lucerne",
    "Margie",
    "Trey",
    "Woodgrove",
    "Alpine",
    "Coho",
]


def synthetic_contacts(n: int, seed: int = 7) -> pd.DataFrame:
    """Return *n* varied template-shaped contacts (deterministic for a seed)."""
    rng = np.random.default_rng(seed)

    def pick(pool: list[str], p_empty: float = 0.0) -> np.ndarray:
        values = np.array(pool, dtype=object)[rng.integers(0, len(pool), n)]
        if p_empty:
            values[rng.random(n) < p_empty] = ""
        return values

    thin = rng.random(n) < 0.25
    org_ids = rng.integers(0, 4000, n)
    orgs = np.array([f"{ORG_STEMS[i % len(ORG_STEMS)]} {i}" for i in org_ids], dtype=object)
    orgs[rng.random(n) < 0.3] = "Contoso 0"  # the leader's own organisation
    frame = pd.DataFrame(
        {
            "id": np.arange(1, n + 1),
            "name": [f"Person {i} Example" for i in range(n)],
            "organisation": orgs,
            "role": pick(LEVELS) + " " + pick(JOBS),
            "function": pick(FUNCTIONS),
            "industry": pick(INDUSTRIES),
            "seniority": pick(["junior", "peer", "senior", "executive", ""]),
            "inside_org": pick(["yes", "no", ""]),
            "relationship": pick(RELATIONSHIPS),
            "context": pick(VERBS) + " " + pick(OBJECTS) + pick(["", "", " in " + "Q1", " at HQ"]),
            "frequency": pick(["weekly", "monthly", "quarterly", "yearly", "rarely", ""]),
            "strength": pick(["1", "2", "3", "4", "5", ""]),
            "gives_me": pick(["support", "feedback;insight", "resources", "insight", ""]),
            "i_give": pick(["support", "introductions", "insight;feedback", ""]),
            "orientation": pick(["current", "future", "both", ""]),
            "discretionary": pick(["yes", "no", ""]),
            "network_type": pick(["", "", "", "", "", "", "", "", "", "personal"]),
            "introduced_by": pick(["", "me", "Ana"]),
            "tags": pick(["", "", "board", "alumni", "team", "vendor;key", "club"]),
            "notes": np.where(
                rng.random(n) < 0.15,
                np.array([f"met at event {i % 5000}" for i in range(n)], dtype=object),
                "",
            ),
        }
    )
    keep_for_thin = {"id", "name", "organisation", "role"}
    for col in frame.columns:
        if col not in keep_for_thin:
            frame.loc[thin, col] = ""
    return frame


def as_contacts(frame: pd.DataFrame) -> list[Contact]:
    """The same contacts as :class:`Contact` objects."""
    out = []
    for row in frame.to_dict("records"):
        out.append(
            Contact(
                name=row["name"],
                organisation=row["organisation"],
                role=row["role"],
                function=row["function"],
                industry=row["industry"],
                seniority=row["seniority"],
                inside_org={"yes": True, "no": False}.get(row["inside_org"]),
                relationship=row["relationship"],
                context=row["context"],
                frequency=row["frequency"],
                strength=int(row["strength"]) if row["strength"] else None,
                gives_me=tuple(x for x in row["gives_me"].split(";") if x),
                i_give=tuple(x for x in row["i_give"].split(";") if x),
                orientation=row["orientation"],
                discretionary={"yes": True, "no": False}.get(row["discretionary"]),
                network_type=row["network_type"],
                introduced_by=row["introduced_by"],
                tags=tuple(x for x in row["tags"].split(";") if x),
                notes=row["notes"],
                id=int(row["id"]),
            )
        )
    return out


def best_of(func, repeat: int) -> float:
    """Fastest wall-clock time of *repeat* runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    """Print the timings."""
    profile = Profile(
        name="Leader", organisation="Contoso 0", function="Operations", industry="Software"
    )
    load_rules()  # read and compile once, as a notebook session would
    print(
        f"{'contacts':>9}  {'from DataFrame':>15}  {'from Contact list':>18}  "
        f"{'distinct contexts':>17}  {'needs review':>12}"
    )
    for n in sizes:
        frame = synthetic_contacts(n)
        contacts = as_contacts(frame)
        repeat = 5 if n <= 5000 else 3
        t_frame = best_of(lambda f=frame: classify(f, profile), repeat)
        t_list = best_of(lambda c=contacts: classify(c, profile), repeat)
        result = classify(frame, profile)
        print(
            f"{n:>9,}  {t_frame:>14.3f}s  {t_list:>17.3f}s  "
            f"{frame['context'].nunique():>17,}  {result['needs_review'].mean():>11.0%}"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 5_000, 30_000])
