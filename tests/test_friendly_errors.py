"""A LeadNetError raised in a notebook cell shows as a plain message, not a traceback."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def test_a_workbook_error_in_a_cell_shows_the_message_without_a_traceback(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from leadnet_helpers.store import Workspace\nWorkspace.open('missing.leadnet.sqlite')"
        )
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    with contextlib.suppress(CellExecutionError):  # the cell fails, as it should;
        client.execute()  # what matters is what the person sees
    outputs = nb.cells[0].outputs
    shown = json.dumps([o for o in outputs if o["output_type"] == "display_data"])
    assert "there is no workspace here" in shown and "leadnet init" in shown
    assert 'role=\\"alert\\"' in shown
    tracebacks = [o for o in outputs if o["output_type"] == "error"]
    assert all(len(o.get("traceback", [])) <= 1 for o in tracebacks)
    assert "Traceback" not in json.dumps(outputs)


def test_outside_ipython_nothing_is_installed():
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from leadnet_helpers.friendly_errors import install; print(install())",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"
