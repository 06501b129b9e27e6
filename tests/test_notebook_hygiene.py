"""Notebooks in git are clean, thin and honest.

Outputs and widget state are stripped; code cells are a few lines that call
leadnet_helpers (logic belongs in the package, where it is tested); no magics or
shell escapes (a mistyped magic silently skips the rest of its cell under nbval);
no bare `except` or warning filters that would hide an error from the person.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb")) + sorted(
    (REPO / "notebooks" / "facilitator").glob("*.ipynb")
)
MAX_CODE_LINES = 4
_HIDING = re.compile(
    r"^\s*(%|!)|get_ipython\(|except\s*:|except Exception|warnings\.(filter|simple)"
)


def test_the_journey_has_its_first_notebooks():
    names = [p.stem for p in NOTEBOOKS]
    assert names[:2] == ["00_start_here", "01_map_your_contacts"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stripped_and_thin(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in nb.get("metadata", {}), "widget state is committed: strip it"
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    prose = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert code and len(prose) >= len(code) / 2, "a notebook here teaches: prose beside the code"
    for number, cell in enumerate(nb["cells"], 1):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        assert not cell.get("outputs"), f"cell {number} has outputs: strip them"
        assert cell.get("execution_count") is None, f"cell {number} has an execution count"
        lines = [
            line
            for line in source.splitlines()
            if line.strip() and not line.strip().startswith("#")
        ]
        assert len(lines) <= MAX_CODE_LINES, (
            f"cell {number} has {len(lines)} lines of code: move the logic to leadnet_helpers"
        )
        for line in source.splitlines():
            assert not _HIDING.search(line), f"cell {number}: {line!r} hides errors or runs shell"
