"""The Voilà app's kernel client (leadnet_helpers.app.kernel_client), with real kernels."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from traitlets.utils.importstring import import_item

from leadnet_helpers.app.kernel_client import ReadyKernelClient
from tests.kernels import in_a_loop_of_its_own

REPO = Path(__file__).resolve().parents[1]
FACTORY = "leadnet_helpers.app.kernel_client.ReadyKernelClient"


def manager(tmp_path: Path) -> AsyncKernelManager:
    """A kernel manager whose clients are ReadyKernelClient, as voila.json configures."""
    km = AsyncKernelManager(kernel_name="python3", client_class=FACTORY)
    km.connection_file = str(tmp_path / "kernel.json")
    return km


def test_voila_configuration_names_the_client() -> None:
    config = json.loads((REPO / "jupyter" / "config" / "voila.json").read_text())
    assert import_item(config["KernelManager"]["client_factory"]) is ReadyKernelClient


@pytest.mark.slow
def test_a_notebook_runs_with_every_output_in_its_cell(tmp_path: Path) -> None:
    """As Voilà runs a page: nbclient starts the client, waits for it, runs the cells."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("print('first cell')"),
        nbformat.v4.new_code_cell("6 * 7"),
        nbformat.v4.new_code_cell("import sys; print('to stderr', file=sys.stderr)"),
    ]

    async def main() -> tuple[type, list[list[dict]]]:
        km = manager(tmp_path)
        await km.start_kernel(cwd=str(tmp_path))
        try:
            client = NotebookClient(nb, km=km, timeout=120)
            client.kc = await client.async_start_new_kernel_client()
            kind = type(client.kc)
            for index, cell in enumerate(nb.cells):
                await client.async_execute_cell(cell, index)
            client.kc.stop_channels()
            return kind, [cell.outputs for cell in nb.cells]
        finally:
            await km.shutdown_kernel(now=True)

    kind, outputs = in_a_loop_of_its_own(main)
    assert kind is ReadyKernelClient
    assert [o["text"] for o in outputs[0]] == ["first cell\n"]
    assert [o["data"]["text/plain"] for o in outputs[1]] == ["42"]
    assert [(o["name"], o["text"]) for o in outputs[2]] == [("stderr", "to stderr\n")]


@pytest.mark.slow
def test_a_dead_kernel_is_reported_not_waited_for(tmp_path: Path) -> None:
    async def main() -> str:
        km = manager(tmp_path)
        await km.start_kernel(cwd=str(tmp_path))
        client = km.client()
        client.start_channels()
        await km.shutdown_kernel(now=True)
        try:
            await client.wait_for_ready(timeout=60)
        except RuntimeError as err:
            return str(err)
        finally:
            client.stop_channels()
        return "no error"

    assert "Kernel died" in in_a_loop_of_its_own(main)
