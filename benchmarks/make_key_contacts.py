"""Generate the key-contacts scenario: a big LinkedIn export plus a few richly described contacts.

A plant manager imports her 3,000 LinkedIn connections (``make_linkedin.py``)
and describes 45 people in the workbook's own template (tie strength, how
often, last contact, relationship): the people who do the work with her.
The shortlist (``leadnet shortlist``) should rank nearly all of the 45 into
its top 60. Every person and company is made up.

Usage::

    python benchmarks/make_key_contacts.py OUT_DIR [--n 3000] [--seed 0]

writes ``Connections.csv`` and ``described.csv`` into OUT_DIR. From Python,
``described_rows(45)`` returns the template rows.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_linkedin import make_linkedin_export

__all__ = ["TEMPLATE_HEADER", "described_rows", "write_scenario"]

TEMPLATE_HEADER = (
    "name",
    "organisation",
    "role",
    "relationship",
    "frequency",
    "last_contact",
    "strength",
    "inside_org",
)

# Names the LinkedIn generator never draws, so the two sources do not merge.
_FIRST = ("Amara", "Bram", "Celeste", "Dario", "Esme", "Florin", "Gwen", "Hugo", "Iris")
_LAST = ("Achterberg", "Blackwood", "Castellanos", "Drummond", "Evershed")
_RELATIONS = (
    ("my manager", "Contoso Ltd", "Operations Director", "yes", "weekly"),
    ("direct report", "Contoso Ltd", "Shift Supervisor", "yes", "weekly"),
    ("direct report", "Contoso Ltd", "Maintenance Lead", "yes", "weekly"),
    ("peer, quality", "Contoso Ltd", "Quality Manager", "yes", "weekly"),
    ("key supplier", "Fabrikam, Inc.", "Account Manager", "no", "monthly"),
    ("mentor", "Woodgrove Bank", "Retired COO", "no", "quarterly"),
    ("former colleague", "Tailspin Toys", "Plant Manager", "no", "quarterly"),
    ("union representative", "Contoso Ltd", "Works Council Chair", "yes", "monthly"),
    ("customer", "Wide World Importers", "Procurement Lead", "no", "monthly"),
    ("industry association", "Trey Research", "Policy Analyst", "no", "yearly"),
    ("friend from MBA", "Adatum Corporation", "Strategy Director", "no", "yearly"),
    ("HR partner", "Contoso Ltd", "HR Business Partner", "yes", "monthly"),
)


def described_rows(n: int = 45, seed: int = 0, today: date = date(2026, 11, 30)) -> list[dict]:
    """*n* richly described contacts (template rows): strength, frequency, last contact, relationship.

    Examples
    --------
    >>> rows = described_rows(3)
    >>> sorted(rows[0]) == sorted(TEMPLATE_HEADER), len({r["name"] for r in described_rows()})
    (True, 45)
    """
    rng = random.Random(seed)
    names = [f"{f} {la}" for la in _LAST for f in _FIRST]
    rows = []
    for i in range(n):
        relation, org, role, inside, freq = _RELATIONS[i % len(_RELATIONS)]
        # most are close; a few are old, weak ties the person still chose to describe
        strength = rng.choice((2, 3, 3, 4, 4, 5, 5))
        ago = rng.choice((3, 10, 20, 45, 80, 150, 400, 800))
        rows.append(
            {
                "name": names[i % len(names)] + ("" if i < len(names) else f" {i}"),
                "organisation": org,
                "role": role,
                "relationship": relation,
                "frequency": freq,
                "last_contact": (today - timedelta(days=ago)).isoformat(),
                "strength": str(strength),
                "inside_org": inside,
            }
        )
    return rows


def write_scenario(out: Path, n: int = 3000, described: int = 45, seed: int = 0) -> list[Path]:
    """Write ``Connections.csv`` (*n* rows) and ``described.csv`` (*described* rows) into *out*."""
    out.mkdir(parents=True, exist_ok=True)
    linkedin = out / "Connections.csv"
    linkedin.write_bytes(make_linkedin_export(n, seed=seed))
    template = out / "described.csv"
    with template.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(TEMPLATE_HEADER))
        writer.writeheader()
        writer.writerows(described_rows(described, seed=seed))
    return [linkedin, template]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into")
    parser.add_argument("--n", type=int, default=3000, help="LinkedIn connections (default 3000)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    for path in write_scenario(args.out, args.n, seed=args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
