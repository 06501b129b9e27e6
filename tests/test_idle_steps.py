"""Work ahead in small steps on the kernel's event loop (``app.idle_steps``), and the
dashboard's use of it: in a real kernel, the filter choices one click away are made while
the kernel is idle, and the first click on a network only sends them.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from leadnet_helpers.app.idle_steps import IdleSteps
from tests.kernels import in_a_loop_of_its_own


def test_steps_run_one_per_turn_of_the_loop_until_the_step_says_done():
    ran: list[int] = []
    other: list[int] = []

    async def main() -> bool:
        steps = IdleSteps()

        def step() -> bool:
            ran.append(len(other))  # how much of the other work had run before this step
            return len(ran) < 4

        assert steps.start(step, delay=0, loop=asyncio.get_running_loop())

        async def elsewhere() -> None:  # a message the kernel answers meanwhile
            for _ in range(4):
                other.append(1)
                await asyncio.sleep(0)

        await elsewhere()
        await asyncio.sleep(0.05)
        return steps.running

    assert in_a_loop_of_its_own(main) is False
    assert len(ran) == 4
    assert ran[-1] > ran[0], "the steps interleave with the loop's other work"


def test_starting_again_or_cancelling_drops_the_steps_not_run_yet():
    ran: list[str] = []

    async def main() -> None:
        steps = IdleSteps()
        loop = asyncio.get_running_loop()
        steps.start(lambda: ran.append("old") or True, delay=0.05, loop=loop)
        steps.start(lambda: ran.append("new") or False, delay=0.01, loop=loop)
        await asyncio.sleep(0.1)
        steps.start(lambda: ran.append("cancelled") or False, delay=0.01, loop=loop)
        steps.cancel()
        await asyncio.sleep(0.05)

    in_a_loop_of_its_own(main)
    assert ran == ["new"]


def test_a_step_that_fails_ends_the_work_ahead_quietly():
    ran: list[int] = []

    def step() -> bool:
        ran.append(1)
        raise ValueError("broken")

    async def main() -> bool:
        steps = IdleSteps()
        steps.start(step, delay=0, loop=asyncio.get_running_loop())
        await asyncio.sleep(0.05)
        return steps.running

    assert in_a_loop_of_its_own(main) is False and ran == [1]


def test_outside_a_kernel_nothing_is_scheduled_even_in_a_running_loop():
    async def main() -> bool:
        return IdleSteps().start(lambda: True)

    assert in_a_loop_of_its_own(main) is False


# ------------------------------------------------------------------ in a real kernel

jupyter_client = pytest.importorskip("jupyter_client")

from tests.kernels import kernel_prints, running_kernel

BUILD = """
from datetime import date
from leadnet_helpers.personas import open_sample
from leadnet_helpers.widgets import dashboard_view
from leadnet_helpers.app.dashboard import Filters
view = dashboard_view(open_sample("ana-lucia-ferreira"), today=date(2026, 11, 21))
"""

CLICK = """
ahead = view.model.redraw(Filters(types=("personal", "strategic")))
made = dict(ahead.made)
view.type_buttons["operational"].value = False  # the click
print(sorted(made) == sorted(view.figures), all(view.figures[k] is made[k] for k in made),
      view.current is ahead.analysis.network, view.current.size < view.net.size)
"""


def test_in_a_kernel_the_first_click_on_a_network_shows_figures_made_while_it_waited(
    tmp_path, home
):
    with running_kernel(tmp_path, LEADNET_HOME=str(home)) as client:
        kernel_prints(client, BUILD)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the kernel idle: the work ahead runs
            if kernel_prints(client, "print(view._ahead.running)") == "False":
                break
            time.sleep(0.2)
        # every figure of the operational network switched off was made ahead, and the
        # click shows those very figures, of the contacts then kept
        assert kernel_prints(client, CLICK) == "True True True True"
