"""Does importing grow linearly, in records and in line length, and stay under 300 MB?

Every case imports generated files into a new workspace through
``Workspace.import_file``, in a fresh process, and prints the seconds, the peak
resident memory of that process (``ru_maxrss``; it includes Python and the
package, about 60-90 MB), the size of the report the command line prints and
the characters held in the report's events (names and details).

* records: a LinkedIn export (``make_linkedin.py``) of 5,000 rows, 4x and 16x;
* line length: one template row with one long cell, and one vCard NOTE folded
  over many lines, each at 1x, 4x and 16x;
* three inputs that once blew up: an .xlsx with a cell in column XFD (16,384)
  on each of 5,000 rows; 10,000 "Sam Lee" rows imported after another 10,000
  (each new one a possible duplicate of every old one); a NOTE folded over
  100,000 lines. A peak over 300 MB is flagged with ``!!``.

Usage: ``python benchmarks/bench_import_scaling.py [--quick]`` (``--quick``
skips the 16x sizes). Prints a table; asserts nothing.
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

LIMIT_MB = 300
BASE_ROWS = 5_000
BASE_CELL = 1_000_000  # characters in the one long cell
BASE_FOLDS = 25_000  # folded lines of the NOTE


def run_case(files: list[str]) -> dict[str, float]:
    """In this (fresh) process: import *files* one after the other into a new workspace."""
    from leadnet_helpers.cli import _print_report
    from leadnet_helpers.model import Profile
    from leadnet_helpers.store import Workspace

    folder = Path(tempfile.mkdtemp(prefix="leadnet-scaling-"))
    seconds = 0.0
    printed = 0
    records = 0
    with Workspace.create(folder / "bench.leadnet.sqlite", Profile(name="Bench")) as ws:
        for file in files:
            start = time.perf_counter()
            report = ws.import_file(file)
            seconds += time.perf_counter() - start
            records += report.records
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                _print_report(report, quiet=False)
            printed = len(out.getvalue())  # the last file's report
            held = sum(len(e.detail) + len(e.name) for e in report.events)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "peak_mb": peak_mb,
        "printed": printed,
        "held": held,
        "records": records,
    }


def folded_note(lines: int) -> bytes:
    """One card whose NOTE is folded over *lines* lines."""
    body = b"\r\n ".join(b"word%06d " % i for i in range(lines))
    return b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nNOTE:" + body + b"\r\nEND:VCARD\r\n"


def long_cell(chars: int) -> bytes:
    """A template CSV with one contact whose notes cell is *chars* long."""
    words = ("lorem ipsum " * (chars // 12 + 1))[:chars]
    return (
        f'name,organisation,notes\nAda Brooks,Riverside,"{words}"\nBen Carter,Fabrikam,\n'.encode()
    )


def sam_lees(first: int, count: int) -> bytes:
    """*count* different people all called Sam Lee (organisations differ)."""
    rows = "".join(f"Sam Lee,Org {i}\n" for i in range(first, first + count))
    return ("name,organisation\n" + rows).encode()


def far_right_xlsx(path: Path, rows: int) -> None:
    """A template workbook whose every row also has a cell in column XFD (16,384)."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["name", "organisation"])
    far = [None] * 16_381
    for i in range(rows):
        sheet.append([f"Person {i}", f"Org {i % 50}", *far, f"stray {i}"])
    book.save(path)


def cases(folder: Path, quick: bool) -> list[tuple[str, str, list[str]]]:
    """(group, label, files) for every case; the files are written into *folder*."""
    from make_linkedin import make_linkedin_export

    factors = (1, 4) if quick else (1, 4, 16)
    found: list[tuple[str, str, list[str]]] = []

    def write(name: str, data: bytes) -> str:
        (folder / name).write_bytes(data)
        return str(folder / name)

    for f in factors:
        rows = BASE_ROWS * f
        found.append(
            (
                "records",
                f"LinkedIn {rows:,} rows ({f}x)",
                [write(f"linkedin-{f}.csv", make_linkedin_export(rows, seed=1))],
            )
        )
    for f in factors:
        chars = BASE_CELL * f
        found.append(
            (
                "line length",
                f"one cell of {chars / 1e6:.0f}M chars ({f}x)",
                [write(f"cell-{f}.csv", long_cell(chars))],
            )
        )
    for f in factors:
        lines = BASE_FOLDS * f
        found.append(
            (
                "line length",
                f"NOTE folded {lines:,} lines ({f}x)",
                [write(f"note-{f}.vcf", folded_note(lines))],
            )
        )
    far_right_xlsx(folder / "far-right.xlsx", 5_000)
    found.append(("blow-up", "xlsx, cell in XFD on 5,000 rows", [str(folder / "far-right.xlsx")]))
    found.append(
        (
            "blow-up",
            "10,000 Sam Lee after 10,000",
            [write("sam-1.csv", sam_lees(0, 10_000)), write("sam-2.csv", sam_lees(10_000, 10_000))],
        )
    )
    found.append(
        ("blow-up", "NOTE folded 100,000 lines", [write("note-100k.vcf", folded_note(100_000))])
    )
    return found


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(run_case(argv[1:])))
        return
    quick = "--quick" in argv
    with tempfile.TemporaryDirectory(prefix="leadnet-scaling-") as tmp:
        print(
            f"{'group':<12} {'case':<36} {'file KB':>9} {'seconds':>8} {'peak MB':>8} "
            f"{'printed chars':>13} {'report chars':>13}"
        )
        for group, label, files in cases(Path(tmp), quick):
            size = sum(Path(f).stat().st_size for f in files) / 1024
            done = subprocess.run(
                [sys.executable, __file__, "--one", *files],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode:
                tail = (done.stderr.strip().splitlines() or ["?"])[-1]
                print(f"{group:<12} {label:<36} {size:>9,.0f}  failed: {tail}")
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            flag = "  !! over 300 MB" if r["peak_mb"] > LIMIT_MB else ""
            print(
                f"{group:<12} {label:<36} {size:>9,.0f} {r['seconds']:>8.2f} "
                f"{r['peak_mb']:>8.0f} {r['printed']:>13,} {r['held']:>13,}{flag}",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
