"""Time the key-contacts shortlist on a LinkedIn import plus 45 described contacts.

Run from the repository root::

    python benchmarks/bench_shortlist.py            # 3,000 and 30,000 connections
    python benchmarks/bench_shortlist.py 10000      # other sizes

For each size it builds a real workspace (the LinkedIn export of
``make_linkedin.py`` and the 45 described contacts of ``make_key_contacts.py``,
imported through ``Workspace.import_file``), then prints how long ranking
everyone takes and how many of the 45 land in the top 60. A script that
prints figures, not a test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_key_contacts import described_rows, write_scenario

from leadnet_helpers.key_contacts import shortlist
from leadnet_helpers.model import Profile
from leadnet_helpers.store import Workspace


def run(n: int) -> None:
    folder = Path(tempfile.mkdtemp())
    files = write_scenario(folder, n, 45)
    with Workspace.create(
        folder / "w.leadnet.sqlite", Profile(name="Maria Plant", organisation="Contoso Ltd")
    ) as ws:
        for path in files:
            ws.import_file(path)
        start = time.perf_counter()
        top = shortlist(ws, 60, today="2026-11-30")
        took = time.perf_counter() - start
        wanted = {r["name"] for r in described_rows(45)}
        found = int(top["name"].isin(wanted).sum())
        print(
            f"{ws.count_contacts():>7,} contacts: shortlist of 60 in {took:.2f} s; "
            f"{found} of the 45 described contacts in it"
        )


def main(argv: list[str]) -> int:
    for n in [int(a) for a in argv] or [3000, 30000]:
        run(n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
