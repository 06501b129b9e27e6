"""Time notebooks 01, 02, 04 and 05 kernel side: their cells, then each click, without a browser.

Run from the repository root::

    python benchmarks/bench_notebooks.py                 # 54 (sample), 5,000, 30,000
    python benchmarks/bench_notebooks.py 30000 --profile 05

For each size it builds a workspace (``big_workspace.py``: ties and a year of
interactions; 54 is the sample persona), then, per notebook, in one fresh
process (as a fresh kernel): runs every code cell of the notebook in order
(the last expression of a cell is kept, as Jupyter would show it) and prints
the seconds of the slowest cells and of the whole notebook; then drives the
views the cells made as a person would and prints the milliseconds of each
click: save a contact and turn a page (01), a triage decision, an overview
filter and page (02), an action edit (04), a log entry (05). This is the
Python half of what ``bench_browser.py`` measures in Chromium; ``--profile NB``
prints a cProfile of notebook NB's cells and clicks instead. It asserts
nothing.
"""

from __future__ import annotations

import argparse
import ast
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NOTEBOOKS = ("01", "02", "04", "05")


def _cells(number: str) -> list[str]:
    path = next((REPO / "notebooks").glob(f"{number}_*.ipynb"))
    return [
        "".join(c["source"])
        for c in json.loads(path.read_text())["cells"]
        if c["cell_type"] == "code"
    ]


def _run_cell(source: str, ns: dict[str, Any]) -> Any:
    """Run one cell; return the value of its last expression (what Jupyter shows)."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), ns)  # noqa: S102 - a notebook cell, as a kernel runs it
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _find(outputs: list[Any], kind: str) -> Any:
    return next(o for o in outputs if type(o).__name__ == kind)


def _clicks(number: str, ns: dict[str, Any], outputs: list[Any]) -> dict[str, float]:
    """Drive the views of notebook *number*; seconds per click."""
    out: dict[str, float] = {}
    if number == "01":
        table = _find(outputs, "ContactsView")
        out["next page"] = _timed(table.next.click)
        first = table.select.options[0][1]
        table.select.value = first

        def save() -> None:
            table.fields["notes"].value = f"bench note {time.time()}"
            table.save.click()

        out["save a contact"] = _timed(save)
        out["save again"] = _timed(save)

        def search() -> None:
            table.search.value = "Person 0001"

        out["search"] = _timed(search)
    elif number == "02":
        triage = _find(outputs, "TriageView")
        board = _find(outputs, "OverviewView")
        for i, kind in enumerate(("strategic", "personal", "operational")):
            out[f"triage decision {i + 1}"] = _timed(triage.choose[kind].click)

        def network() -> None:
            board.type_filter.value = "strategic"

        out["overview filter"] = _timed(network)
        group = board.groups["strategic"]
        if not group.next.disabled:
            out["overview page"] = _timed(group.next.click)
    elif number == "04":
        editor = ns["editor"]
        card = editor.cards_box.children[0] if editor.cards_box.children else None
        if card is not None:

            def edit() -> None:
                card.title.value = card.title.value + " (soon)"

            out["action edit"] = _timed(edit)
            out["action done"] = _timed(lambda: setattr(card.done, "value", True))
    elif number == "05":
        review = ns["review"]

        def find() -> None:
            review.find.value = review.contact.options[0][0][:6] if review.contact.options else ""

        out["find a contact"] = _timed(find)
        out["log entry"] = _timed(review.log_button.click)
        out["log entry again"] = _timed(review.log_button.click)
    return out


def one(number: str, home: str, profile: bool) -> dict[str, Any]:
    """Run notebook *number* in this process (a fresh kernel); its timings."""
    os.environ["LEADNET_HOME"] = home
    sys.path.insert(0, str(REPO))
    ns: dict[str, Any] = {}
    outputs: list[Any] = []
    cells: list[tuple[float, str]] = []
    prof = cProfile.Profile() if profile else None
    if prof:
        prof.enable()
    start = time.perf_counter()
    for source in _cells(number):
        t0 = time.perf_counter()
        outputs.append(_run_cell(source, ns))
        cells.append((time.perf_counter() - t0, source.strip().splitlines()[-1][:50]))
    total = time.perf_counter() - start
    clicks = _clicks(number, ns, outputs)
    if prof:
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(60)
    return {"total": total, "cells": cells, "clicks": clicks}


def make_home(size: int) -> str:
    """A LEADNET_HOME whose current workspace is the sample (54) or *size* generated contacts."""
    home = tempfile.mkdtemp(prefix=f"leadnet-bench-nb-{size}-")
    os.environ["LEADNET_HOME"] = home
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    from leadnet_helpers import paths, personas

    if size == 54:
        # a writable copy of the sample persona (clicks save)
        ws = personas.build_persona_workspace(
            "ana-lucia-ferreira", Path(home) / "sample.leadnet.sqlite"
        )
        paths.remember_current_workspace(ws.path)
        ws.close()
    else:
        import big_workspace

        path = Path(home) / "big.leadnet.sqlite"
        big_workspace.build(path, size)
        paths.remember_current_workspace(path)
    return home


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[54, 5_000, 30_000])
    parser.add_argument("--notebooks", nargs="+", default=list(NOTEBOOKS))
    parser.add_argument("--profile", metavar="NB", help="print a cProfile of this notebook")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one[0], args.one[1], args.profile == args.one[0])))
        return 0
    for size in args.sizes:
        home = make_home(size)
        for number in args.notebooks:
            command = [sys.executable, __file__, "--one", number, home]
            if args.profile:
                command += ["--profile", args.profile]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode:
                print(f"{size:>6,} contacts, notebook {number}: failed\n{done.stderr[-2000:]}")
                continue
            if args.profile == number:
                print(done.stderr[:12000])
            r = json.loads(done.stdout.strip().splitlines()[-1])
            slow = sorted(r["cells"], reverse=True)[:2]
            clicks = ", ".join(f"{k} {v * 1000:.0f}" for k, v in r["clicks"].items())
            print(
                f"{size:>6,} contacts, notebook {number}: cells {r['total']:5.2f} s "
                f"(slowest: {'; '.join(f'{s:.2f} s {c}' for s, c in slow)}) | clicks ms: "
                f"{clicks or '-'}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
