"""The 30,000-row LinkedIn import end to end through the CLI, against a bare pandas read.

Run from the repository root::

    python benchmarks/bench_import_cli.py              # 30,000 rows, 3 runs each
    python benchmarks/bench_import_cli.py 5000 --repeat 5

It writes a generated ``Connections.csv`` (``make_linkedin.py``, seed 1), then
times, each in a fresh process: ``python -c "import pandas;
pandas.read_csv(FILE, skiprows=3)"`` (the floor: a Python start, pandas'
import and its C parser) and ``leadnet import WS FILE --quiet`` into a new
workspace made by ``leadnet init`` (not timed). It prints the medians and
their ratio; the target (issue 10) is a ratio of 3 or less. Beside the
wall-clock times it prints the processes' CPU time (user + system), which a
loaded machine disturbs less: on a busy machine compare those. It asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

TARGET = 3.0


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _seconds(command: list[str], env: dict[str, str], cpu: list[float]) -> float:
    """Run *command*; return its wall-clock seconds and append its CPU seconds to *cpu*."""
    cpu_start, start = _cpu(), time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    cpu.append(_cpu() - cpu_start)
    return wall


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", type=int, nargs="?", default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from make_linkedin import make_linkedin_export

    folder = Path(tempfile.mkdtemp(prefix="leadnet-bench-import-cli-"))
    export = folder / "Connections.csv"
    export.write_bytes(make_linkedin_export(args.rows, seed=1))
    env = {
        **os.environ,
        "LEADNET_HOME": str(folder / "home"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    cli = [sys.executable, "-c", "from leadnet_helpers.cli import main; raise SystemExit(main())"]
    bare, ours = [], []
    bare_cpu: list[float] = []
    ours_cpu: list[float] = []
    for i in range(args.repeat):
        bare.append(
            _seconds(
                [
                    sys.executable,
                    "-c",
                    f"import pandas; pandas.read_csv({str(export)!r}, skiprows=3)",
                ],
                env,
                bare_cpu,
            )
        )
        ws = folder / f"w{i}.leadnet.sqlite"
        subprocess.run(
            [*cli, "init", str(ws), "--name", "Ana", "--organisation", "Contoso"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        ours.append(_seconds([*cli, "import", str(ws), str(export), "--quiet"], env, ours_cpu))
        print(
            f"run {i + 1}: pandas.read_csv {bare[-1]:.2f} s (CPU {bare_cpu[-1]:.2f} s), "
            f"leadnet import {ours[-1]:.2f} s (CPU {ours_cpu[-1]:.2f} s)"
        )
    b, o = statistics.median(bare), statistics.median(ours)
    bc, oc = statistics.median(bare_cpu), statistics.median(ours_cpu)
    print(
        f"{args.rows:,} rows: pandas.read_csv process {b:.2f} s, leadnet import {o:.2f} s, "
        f"ratio {o / b:.1f}x (target <= {TARGET:.0f}x: {'OK' if o / b <= TARGET else 'TOO SLOW'}); "
        f"CPU {bc:.2f} s and {oc:.2f} s, ratio {oc / bc:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
