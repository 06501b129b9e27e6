"""Work done in small steps while a kernel waits for the person.

A view that can guess what the person will ask for next (the dashboard: a filter
one click away) does that work ahead, one small step at a time, on the kernel's
own event loop: between two steps the kernel answers any message, so a click
waits for one step at most, never for the whole. Nothing runs in a thread (no
lock, no half-made state), and outside a Jupyter kernel (plain Python, a test, a
script driving a browser with its own event loop) nothing is scheduled unless
a loop is given.

Examples
--------
>>> import asyncio, threading
>>> done = []
>>> def main():
...     loop = asyncio.new_event_loop()
...     steps = IdleSteps()
...     steps.start(lambda: done.append(len(done)) or len(done) < 3, delay=0, loop=loop)
...     loop.run_until_complete(asyncio.sleep(0.1))
...     loop.close()
>>> worker = threading.Thread(target=main)
>>> worker.start()
>>> worker.join()
>>> done
[0, 1, 2]
>>> IdleSteps().start(lambda: True)  # not in a kernel: nothing scheduled
False
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

__all__ = ["IdleSteps", "kernel_loop"]


def kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop of the Jupyter kernel this code runs in, if it runs in one (its main
    thread, where the kernel answers messages and runs cells); else None.

    Examples
    --------
    >>> kernel_loop() is None  # a doctest runs in no kernel
    True
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return None
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class IdleSteps:
    """Run a step function again and again on the running event loop until it returns False.

    Starting again (or :meth:`cancel`) drops the steps not run yet. A step that raises
    ends the run: what it was doing ahead is simply done later, when asked for.
    """

    def __init__(self) -> None:
        self._handle: asyncio.TimerHandle | asyncio.Handle | None = None

    @property
    def running(self) -> bool:
        """Whether a step is waiting to run."""
        return self._handle is not None

    def start(
        self,
        step: Callable[[], bool],
        delay: float = 0.2,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> bool:
        """Run *step* in *delay* seconds, then again at each turn of the loop while it
        returns True, on *loop* or else the running kernel's. Returns whether it was
        scheduled (False outside a kernel)."""
        self.cancel()
        if loop is None:
            loop = kernel_loop()
            if loop is None:
                return False

        def run() -> None:
            self._handle = None
            try:
                again = step()
            except Exception:  # noqa: BLE001 - work ahead only: done later when asked for
                return
            if again:
                self._handle = loop.call_soon(run)

        self._handle = loop.call_later(delay, run)
        return True

    def cancel(self) -> None:
        """Drop the steps not run yet."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
