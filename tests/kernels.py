"""A real IPython kernel for tests that need one (``jupyter_client``), started in a
temporary folder with the repository on its path."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def running_kernel(tmp_path: Path, **env: str) -> Iterator[Any]:
    """A kernel started in *tmp_path* (its own runtime folder, *env* added to this process's,
    without the names Jupyter Server and Voilà set for a notebook), shut down on exit;
    yields its client, channels started."""
    import jupyter_client

    full = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("JPY_SESSION_NAME", "VOILA_REQUEST_URL")
        },
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        **env,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    manager = jupyter_client.KernelManager(kernel_name="python3")
    manager.start_kernel(env=full, cwd=str(tmp_path))
    try:
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=120)
        try:
            yield client
        finally:
            client.stop_channels()
    finally:
        manager.shutdown_kernel(now=True)


def kernel_prints(client: Any, code: str, timeout: float = 180) -> str:
    """What *code* prints when the kernel of *client* runs it (it must run without error)."""
    printed: list[str] = []
    reply = client.execute_interactive(
        code,
        timeout=timeout,
        output_hook=lambda msg: printed.append(msg["content"].get("text", "")),
    )
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(printed).strip()


def in_a_loop_of_its_own(main: Callable[[], Awaitable[Any]], timeout: float = 300) -> Any:
    """``asyncio.run(main())`` in a thread, its result or its error: this process may be
    driving a browser, whose library keeps an event loop running in the main thread."""
    result: list[Any] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(main()))
        except BaseException as err:  # noqa: BLE001 - raised again in the caller's thread
            failure.append(err)

    worker = threading.Thread(target=target)
    worker.start()
    worker.join(timeout)
    if failure:
        raise failure[0]
    return result[0]
