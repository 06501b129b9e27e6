"""Time the coach's side: from the twelfth share written to the cohort view produced.

Run from the repository root::

    python benchmarks/bench_cohort.py          # 12 participants
    python benchmarks/bench_cohort.py 40       # a larger room

Twelve participants are generated from the sample personas
(:mod:`leadnet_helpers.cohort.sample`, not timed) and eleven of them share.
Then the twelfth shares with ``leadnet share`` (timed, as a participant runs
it), and as soon as its file is written the coach runs ``leadnet cohort DIR
--json --html`` (timed: the figure the workshop issue asks for). Both are real
processes, so the times include starting Python. The cohort view alone, in
process, is timed too.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from leadnet_helpers.cohort import write_cohort
from leadnet_helpers.cohort.sample import make_participants
from leadnet_helpers.share import build_share, write_share
from leadnet_helpers.store import Workspace


def _leadnet(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "leadnet_helpers.cli", *args], check=True, capture_output=True
    )
    return time.perf_counter() - start


def main(count: int = 12) -> None:
    with tempfile.TemporaryDirectory(prefix="leadnet-bench-cohort-") as tmp:
        root = Path(tmp)
        people = make_participants(root / "workspaces", count)
        shares = root / "shares"
        shares.mkdir()
        for person in people[:-1]:
            with Workspace.open(person.workspace) as ws:
                write_share(build_share(ws), shares / f"{person.workspace.stem}.json")
        last = people[-1]
        share_s = _leadnet("share", str(last.workspace), "--out", str(shares / "last.json"))
        view_s = _leadnet(
            "cohort", str(shares), "--json", str(root / "c.json"), "--html", str(root / "c.html")
        )
        start = time.perf_counter()
        write_cohort(shares, json_out=root / "c2.json", html_out=root / "c2.html")
        inproc_s = time.perf_counter() - start
        size = (root / "c.html").stat().st_size
    print(f"participants: {count}")
    print(f"the last share, `leadnet share` (process):              {share_s:6.2f} s")
    print(f"twelfth share written -> cohort JSON+HTML (`leadnet cohort`): {view_s:6.2f} s")
    print(f"the cohort view alone, in process (JSON+HTML):           {inproc_s:6.3f} s")
    print(f"debrief HTML size: {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
