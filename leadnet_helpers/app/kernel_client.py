"""The kernel client the Voilà app runs a notebook's cells with: ready as soon as the kernel is.

Voilà runs a page's cells from the server, through a kernel client that nbclient
starts and waits for (``wait_for_ready``). jupyter_client's wait asks the kernel for
its ``kernel_info``, checks that the kernel's IOPub channel (the outputs) is connected,
and then reads IOPub until nothing has come for 0.2 s: the first cell of every page
waits that long for nothing. On notebook 03 at 54 contacts (Voilà 0.5, headless
Chromium, 2 cores) the first cell started 0.36 s after the page asked for the run,
while the kernel was idle.

:class:`ReadyKernelClient` waits for the same things, the ``kernel_info`` reply and an
IOPub message (a SUB socket that joined late would miss the first cell's outputs:
the check is kept), then takes the IOPub messages already there and returns. Nothing
a cell shows depends on that drain: nbclient collects only the outputs whose parent is
the request it sent. ``jupyter/config/voila.json`` makes it the client of the Voilà
app's kernels (``KernelManager.client_factory``); JupyterLab's server does not use a
kernel client for a page's kernel at all (the page talks to the kernel's sockets).

References
----------
jupyter_client, ``KernelClient.wait_for_ready`` and ``KernelManager.client_factory``:
https://jupyter-client.readthedocs.io/. The ZeroMQ guide on late-joining subscribers
("slow joiner"): https://zguide.zeromq.org/docs/chapter5/.

Examples
--------
>>> from jupyter_client.asynchronous import AsyncKernelClient
>>> issubclass(ReadyKernelClient, AsyncKernelClient)
True
"""

from __future__ import annotations

import time
from queue import Empty
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient

__all__ = ["ReadyKernelClient"]

#: Seconds to wait for the kernel's reply to one ``kernel_info`` request before asking again.
REPLY_WAIT = 1.0

#: Seconds to wait for an IOPub message once the kernel has replied: none means the
#: channel is not connected yet, and the kernel is asked again (as jupyter_client does).
IOPUB_WAIT = 0.2


class ReadyKernelClient(AsyncKernelClient):
    """An asynchronous kernel client whose :meth:`wait_for_ready` returns once the kernel
    has answered and its outputs reach the client, without a pause after.

    Examples
    --------
    >>> ReadyKernelClient.wait_for_ready.__doc__.split(".")[0]
    'Wait until the kernel answers and its IOPub channel delivers'
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """Wait until the kernel answers and its IOPub channel delivers.

        Parameters
        ----------
        timeout : float, optional
            Seconds to wait in all (none: no limit).

        Raises
        ------
        RuntimeError
            The kernel died, or did not answer within *timeout*.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if await self._answered():
                break
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if deadline is not None and time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")
        # what is already there (the kernel_info's busy and idle); nothing is waited for
        while True:
            try:
                await self.get_iopub_msg(timeout=0)
            except Empty:
                break

    async def _answered(self) -> bool:
        """Ask for ``kernel_info`` once: True when the reply came and IOPub is connected."""
        self.kernel_info()
        try:
            reply: dict[str, Any] = await self.get_shell_msg(timeout=REPLY_WAIT)
        except Empty:
            return False
        if reply.get("msg_type") != "kernel_info_reply":
            return False
        try:
            await self.get_iopub_msg(timeout=IOPUB_WAIT)
        except Empty:
            return False
        self._handle_kernel_info_reply(reply)  # the kernel's protocol version
        return True
