"""Time the notebooks' views on workspaces of 500, 5,000 and 30,000 contacts.

Run from the repository root::

    python benchmarks/bench_widgets.py            # 500, 5,000, 30,000
    python benchmarks/bench_widgets.py 100000     # other sizes

For each size it prints the time to build the contacts table and the
who-knows-whom editor (notebook 01), a search plus a page turn in the table,
the time to build the triage card and the overview board (notebook 02), each
of three triage decisions, and a search on the board. Targets at 30,000
contacts: every click or search under a second; the views built in seconds,
as the widgets they hold do not grow with the contacts (one page at a time).
The workspace is filled through the store's private insert, which is not
timed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

from leadnet_helpers import workbook
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.widgets.contacts import ContactsView
from leadnet_helpers.widgets.overview import OverviewView
from leadnet_helpers.widgets.ties import TiesView
from leadnet_helpers.widgets.triage import TriageView

KINDS = ["supplier", "my manager", "old classmate", "board member", "", "mentor", ""]
CLICK_TARGET = 1.0  # seconds


def _workspace(n: int):
    os.environ["LEADNET_HOME"] = tempfile.mkdtemp(prefix="leadnet-bench-widgets-")
    workbook.reset_session()
    ws = workbook.start_workspace(Profile(name="Ana Lima", organisation="Contoso"))
    with ws._write() as conn:
        ws._insert(
            conn,
            [
                Contact(
                    f"Person {i:05d}",
                    organisation=f"Org {'ABCDEFG'[i % 7]}",
                    relationship=KINDS[i % 7],
                )
                for i in range(n)
            ],
        )
    return ws


def _timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def run(n: int) -> float:
    """Print the timings for *n* contacts; return the slowest click or search."""
    ws = _workspace(n)
    built_01, (table, _ties) = _timed(lambda: (ContactsView(ws), TiesView(ws)))

    def search_and_turn():
        table.search.value = "Person 0"
        table.next.click()

    searched, _ = _timed(search_and_turn)
    built_02, (triage, board) = _timed(lambda: (TriageView(ws), OverviewView(ws)))
    clicks = [
        _timed(triage.choose[kind].click)[0] for kind in ("personal", "strategic", "operational")
    ]

    def find():
        board.find.value = "Person 0000"

    found, _ = _timed(find)
    print(
        f"{n:>7,} contacts: table + ties built {built_01:6.2f} s, search + next page "
        f"{searched * 1000:5.0f} ms | triage + board built {built_02:6.2f} s, triage clicks "
        f"{', '.join(f'{c * 1000:.0f}' for c in clicks)} ms, board search "
        f"{found * 1000:.0f} ms"
    )
    workbook.reset_session()  # closes the workspace
    return max(searched, found, *clicks)


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [500, 5_000, 30_000]
    slowest = {n: run(n) for n in sizes}
    if 30_000 in slowest:
        verdict = "OK" if slowest[30_000] < CLICK_TARGET else "TOO SLOW"
        print(
            f"\n30,000 contacts: slowest click or search {slowest[30_000] * 1000:.0f} ms "
            f"(target < {CLICK_TARGET * 1000:.0f} ms): {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
