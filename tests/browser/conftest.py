"""A real JupyterLab and a real Chromium for the browser tests.

JupyterLab runs on a temporary copy of ``notebooks/`` with private Jupyter
folders and a private LEADNET_HOME, bound to 127.0.0.1 on a free port with a
token. Chromium is Debian's (``/usr/bin/chromium``): this suite never
downloads a browser. Without Chromium the tests are skipped locally, and fail
when ``CI=true`` (CI must run them).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: where it is, and the folders it uses."""

    url: str
    token: str
    notebooks: Path
    leadnet_home: Path

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{name}?token={self.token}&reset"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _wait_ready(url: str, proc: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterLab exited:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"JupyterLab did not start in {timeout} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def lab(tmp_path_factory, chromium) -> Lab:
    """Start JupyterLab on a copy of the notebooks; stop it after the session."""
    base = tmp_path_factory.mktemp("lab")
    notebooks = base / "notebooks"
    shutil.copytree(
        REPO / "notebooks", notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    config = base / "config"
    (config / "labconfig").mkdir(parents=True)
    # no news prompt: jupyter/lab/settings/overrides.json says never fetch news (as make lab)
    (config / "labconfig" / "page_config.json").write_text(json.dumps({}))
    home = base / "leadnet-home"
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "JUPYTER_DATA_DIR": str(base / "data"),
        "LEADNET_HOME": str(home),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    port, token = _free_port(), secrets.token_hex(16)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={notebooks}",
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.open_browser=False",
        "--LabApp.news_url=",
        # as `make lab`: the workbook's settings overrides (no Jupyter news prompt)
        f"--LabApp.app_settings_dir={REPO / 'jupyter' / 'lab' / 'settings'}",
        "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = base / "jupyterlab.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            command,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=notebooks,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(f"{url}/api/status?token={token}", proc, log)
        yield Lab(url, token, notebooks, home)
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def browser(lab, chromium):
    """Debian's Chromium (the session's one, see tests/conftest.py), once JupyterLab runs."""
    return chromium


@pytest.fixture
def page(browser):
    """A fresh browser page, big enough for the forms."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shoot():
    """Save a full-page screenshot into test-artifacts/ (gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)

    def save(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=False)
        return path

    return save


# ---------------------------------------------------------------- Voilà (the participant app)

#: Where `scripts/install-browser-deps.sh` (make test) puts axe-core, from the npm registry.
AXE_JS = REPO / ".cache" / "node_modules" / "axe-core" / "axe.min.js"
#: Where a page may send requests: this machine (and what the page makes itself).
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")


@dataclass(frozen=True)
class App:
    """A running Voilà on the notebooks folder, as `make app` starts it."""

    url: str
    notebooks: Path
    leadnet_home: Path
    log: Path

    def step_url(self, name: str) -> str:
        return f"{self.url}/voila/render/{name}"


def voila_command(port: int, target: Path) -> list[str]:
    """The Voilà command `make app` runs (our template: no CDN, progressive, landing page)."""
    return [
        sys.executable,
        "-m",
        "voila",
        "--no-browser",
        "--template=leadnet",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
        str(target),
    ]


@pytest.fixture(scope="session")
def app(tmp_path_factory, chromium) -> App:
    """Start Voilà on a copy of the notebooks (as `make app`); stop it after the session."""
    base = tmp_path_factory.mktemp("voila")
    notebooks = base / "notebooks"
    shutil.copytree(
        REPO / "notebooks", notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    home = base / "leadnet-home"
    env = {
        **os.environ,
        "JUPYTER_PATH": str(REPO / "jupyter"),  # as make app: our template
        "JUPYTER_CONFIG_PATH": str(REPO / "jupyter" / "config"),  # and our voila.json
        "JUPYTER_CONFIG_DIR": str(base / "config"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "JUPYTER_DATA_DIR": str(base / "data"),
        "LEADNET_HOME": str(home),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    port = _free_port()
    log = base / "voila.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            voila_command(port, notebooks),
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=notebooks,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(f"{url}/", proc, log, timeout=90)
        yield App(url, notebooks, home, log)
    finally:
        _stop(proc)


@pytest.fixture
def app_page(app, chromium):
    """A fresh page on the app; every request it sends is kept in ``page.requests``."""
    context = chromium.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(90_000)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests  # type: ignore[attr-defined]
    yield page
    context.close()


def offsite(requests: list[str]) -> list[str]:
    """The requests that went anywhere but this machine."""
    return sorted({url for url in requests if not url.startswith(LOCAL)})


def choose_file(page, click: Callable[[], None], path: Path, attempts: int = 3) -> None:
    """Click an upload button (*click*) and give the file chooser it opens *path*.

    ipywidgets keeps a FileUpload's file input out of the page: the file goes through the
    chooser its button opens. A click that lands while the page still moves (widgets of
    other cells drawn after Run All returned) can hit nothing and open no chooser: the
    click is tried again, as a person would click again (seen once in CI: no chooser
    within 30 s).
    """
    from playwright.sync_api import TimeoutError as NoChooser

    for attempt in range(attempts):
        try:
            with page.expect_file_chooser(timeout=10_000) as chooser:
                click()
        except NoChooser:
            if attempt == attempts - 1:
                raise
            continue
        chooser.value.set_files(str(path))
        return


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, from the local npm install (never a CDN)."""
    if not AXE_JS.exists():
        reason = f"no axe-core at {AXE_JS}: run `make browser-deps` (needs npm)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"accessibility tests must run in CI, but {reason}", pytrace=False)
        pytest.skip(reason)
    return AXE_JS.read_text(encoding="utf-8")


def serious_violations(page, axe_source: str, context: str = "body") -> list[str]:
    """axe-core's serious and critical violations on *page* within *context* (CSS selectors).

    One line each: the rule, its impact, how many elements and the first element's selector.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        """async (context) => {
          const result = await axe.run(document.querySelectorAll(context),
                                       {resultTypes: ['violations']});
          return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3), n: v.nodes.length}));
        }""",
        context,
    )
    return [
        f"{v['id']} ({v['impact']}, {v['n']} element(s), e.g. {v['nodes'][0]}): {v['help']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
