"""Import and store speed at 500, 5,000 and 30,000 contacts (a large LinkedIn export).

Prints, for each size: the time to read (parse) the file, the time to save it
into a new workspace (merge + one SQLite transaction), the time for the same
file a second time (everything merges, nothing is added), and the peak memory
of the process. Each size runs in its own process so the peaks do not mix.

Usage: python benchmarks/bench_import.py [SIZES...]     (default: 500 5000 30000)
Target (issue 2): the 30,000-row LinkedIn file imported and saved in under 3 s.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def measure(size: int) -> dict[str, float]:
    """Import a generated LinkedIn export of *size* rows; return timings in seconds."""
    from make_linkedin import make_linkedin_export

    from leadnet_helpers.importers import parse_bytes
    from leadnet_helpers.model import Profile
    from leadnet_helpers.store import Workspace

    data = make_linkedin_export(size, seed=1)
    folder = Path(tempfile.mkdtemp(prefix="leadnet-bench-"))
    start = time.perf_counter()
    parsed = parse_bytes(data, "Connections.csv")
    parse_s = time.perf_counter() - start
    with Workspace.create(folder / "bench.leadnet.sqlite", Profile(name="Bench")) as ws:
        start = time.perf_counter()
        first = ws.import_file("Connections.csv", data=data)
        import_s = time.perf_counter() - start
        start = time.perf_counter()
        again = ws.import_file("Connections.csv", data=data)
        reimport_s = time.perf_counter() - start
        start = time.perf_counter()
        contacts = ws.contacts()
        load_s = time.perf_counter() - start
        assert again.imported == 0 and len(contacts) == first.imported
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "size": size,
        "records": len(parsed.records),
        "parse_s": parse_s,
        "import_s": import_s,
        "reimport_s": reimport_s,
        "load_s": load_s,
        "imported": first.imported,
        "merged": first.merged,
        "peak_mb": peak_mb,
        "file_mb": len(data) / 1e6,
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(int(argv[1]))))
        return
    sizes = [int(a) for a in argv] or [500, 5000, 30000]
    print(
        f"{'contacts':>9} {'file MB':>8} {'parse s':>8} {'import+save s':>14} "
        f"{'re-import s':>12} {'load s':>7} {'peak MB':>8}  imported/merged"
    )
    for size in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{r['size']:>9,} {r['file_mb']:>8.2f} {r['parse_s']:>8.3f} {r['import_s']:>14.3f} "
            f"{r['reimport_s']:>12.3f} {r['load_s']:>7.3f} {r['peak_mb']:>8.0f}  "
            f"{r['imported']}/{r['merged']}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
