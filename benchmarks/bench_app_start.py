"""Time the participant app (`make app`): from starting Voilà to the landing page drawn in Chromium.

Run from the repository root (needs Debian's Chromium at /usr/bin/chromium)::

    python benchmarks/bench_app_start.py              # 3 runs
    python benchmarks/bench_app_start.py --repeat 5

Each run starts the command ``make app`` runs (Voilà on ``notebooks/`` with our
template and ``jupyter/config/voila.json``) with a private LEADNET_HOME, and
prints the seconds from the process's start until

* ``landing``: the landing page's list of steps is drawn in Chromium (the
  browser retries the address until the server answers, as a person would);
* ``step 00``: then, after clicking the first step, its start form is drawn
  (Voilà runs the notebook for the page).

It asserts nothing: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_once(browser, base: Path) -> tuple[float, float]:
    """Seconds from starting Voilà to the landing page drawn, and to step 00's form drawn."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=base))
    port = _free_port()
    env = {
        **os.environ,
        "JUPYTER_PATH": str(REPO / "jupyter"),
        "JUPYTER_CONFIG_PATH": str(REPO / "jupyter" / "config"),
        "LEADNET_HOME": str(home),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    command = [
        sys.executable,
        "-m",
        "voila",
        "--no-browser",
        "--template=leadnet",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
        str(REPO / "notebooks"),
    ]
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    started = time.perf_counter()
    proc = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/", timeout=5_000)
                break
            except Exception:  # noqa: BLE001 - not up yet: try again, as a person would
                if proc.poll() is not None:
                    raise RuntimeError("Voilà exited") from None
                time.sleep(0.1)
        page.locator("ol.leadnet-steps li").first.wait_for(timeout=60_000)
        landing = time.perf_counter() - started
        page.locator("ol.leadnet-steps a").first.click()
        page.locator(".leadnet-start-view").wait_for(timeout=180_000)
        step = time.perf_counter() - started
        return landing, step
    finally:
        context.close()
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"no Chromium at {CHROMIUM}")
        return 1
    from playwright.sync_api import sync_playwright

    base = Path(tempfile.mkdtemp(prefix="leadnet-bench-app-"))
    landings, steps = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for i in range(args.repeat):
            landing, step = run_once(browser, base)
            landings.append(landing)
            steps.append(step)
            print(f"run {i + 1}: landing page drawn {landing:6.2f} s, step 00 drawn {step:6.2f} s")
        browser.close()
    print(
        f"MEDIAN: landing page drawn {statistics.median(landings):6.2f} s, "
        f"step 00 drawn {statistics.median(steps):6.2f} s (from starting Voilà)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
