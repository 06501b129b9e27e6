"""The workbook's kernels preload notebook 03's libraries, and only those, in the background.

A real IPython kernel is started with the repository's Jupyter config
(``PYTHONSTARTUP=jupyter/kernel_startup.py``, as ``make lab``, ``make app`` and the hub
start them),
named after a notebook as Jupyter Server names it (``JPY_SESSION_NAME``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

jupyter_client = pytest.importorskip("jupyter_client")

REPO = Path(__file__).resolve().parents[1]

# what the kernel reports once its background import has finished
PROBE = """
import sys, threading
for thread in threading.enumerate():
    if thread.name == "leadnet-preload":
        thread.join(120)
print(sorted(m for m in ("pandas", "networkx", "plotly.graph_objects", "ipywidgets")
             if m in sys.modules))
"""


def _kernel_output(tmp_path: Path, notebook: str) -> str:
    env = {
        **os.environ,
        "PYTHONSTARTUP": str(REPO / "jupyter" / "kernel_startup.py"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JPY_SESSION_NAME": notebook,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    manager = jupyter_client.KernelManager(kernel_name="python3")
    manager.start_kernel(env=env, cwd=str(tmp_path))
    try:
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=120)
        printed: list[str] = []
        reply = client.execute_interactive(
            PROBE,
            timeout=180,
            output_hook=lambda msg: printed.append(msg["content"].get("text", "")),
        )
        assert reply["content"]["status"] == "ok", reply["content"]
        client.stop_channels()
        return "".join(printed).strip()
    finally:
        manager.shutdown_kernel(now=True)


def test_notebook_03_kernel_has_its_libraries_before_the_first_cell(tmp_path):
    printed = _kernel_output(tmp_path, "notebooks/03_see_your_gaps.ipynb")
    assert printed == "['ipywidgets', 'networkx', 'pandas', 'plotly.graph_objects']"


def test_other_notebooks_load_no_plotting_library(tmp_path):
    printed = _kernel_output(tmp_path, "01_map_your_contacts.ipynb")
    assert "plotly.graph_objects" not in printed and "networkx" not in printed
