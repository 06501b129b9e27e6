"""A class on a real JupyterHub: three students, an nbgitpuller link, a share, the cohort view.

The hub is ``docs/hub/jupyterhub_config.py`` (the one an instructor can rehearse with):
JupyterHub from PyPI, configurable-http-proxy from npm (``scripts/install-hub-deps.sh`` puts
it in ``.hub-deps/``), a local-process spawner with a home folder per student and a shared
password. The course notebooks come from a local git repository through nbgitpuller (no
network). Chromium (Debian's) plays the students. Every process the hub started is gone
when the module ends.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "docs" / "hub" / "jupyterhub_config.py"
CHP = REPO / ".hub-deps" / "node_modules" / ".bin" / "configurable-http-proxy"
BIN = Path(sys.executable).parent
PASSWORD = "networks-are-built"
#: user name -> the name each student types into notebook 00
STUDENTS = {"ana": "Ana Lima", "ben": "Ben Okafor", "chloe": "Chloe Martin"}
COURSE = "leadnet-workbook"  # the course repository's name: nbgitpuller clones into it

_KERNEL_IDLE = """() => {
  const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = widget && widget.sessionContext && widget.sessionContext.session
      && widget.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle';
}"""


@dataclass(frozen=True)
class Hub:
    """A running hub: its public URL, its class folder and the course repository's URL."""

    url: str
    folder: Path
    course_url: str

    @property
    def shares(self) -> Path:
        return self.folder / "shares"

    def home(self, user: str) -> Path:
        return self.folder / "home" / user

    def pull_link(self, notebook: str) -> str:
        """The nbgitpuller link an instructor posts: clone the course, open *notebook*."""
        query = urllib.parse.urlencode(
            {
                "repo": self.course_url,
                "branch": "main",
                "urlpath": f"lab/tree/{COURSE}/notebooks/{notebook}",
            }
        )
        return f"{self.url}/hub/user-redirect/git-pull?{query}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _need_proxy() -> None:
    if CHP.exists():
        return
    reason = f"{CHP} is missing: run `bash scripts/install-hub-deps.sh` (make test does)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the hub test must run in CI, but {reason}", pytrace=False)
    pytest.skip(reason)


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _course_repository(folder: Path) -> str:
    """A git repository holding the workbook's notebooks, as an instructor publishes them."""
    import shutil

    repo = folder / COURSE
    shutil.copytree(
        REPO / "notebooks",
        repo / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints"),
    )
    _git("init", "--quiet", "--initial-branch=main", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "--quiet", "-m", "Course notebooks", cwd=repo)
    return repo.as_uri()


def _wait_for(condition, what: str, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"waited {timeout} s for {what}")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _server_pids(folder: Path) -> set[int]:
    """The students' server processes, as the hub recorded them (spawner state)."""
    with sqlite3.connect(folder / "jupyterhub.sqlite") as db:
        rows = db.execute("SELECT state FROM spawners").fetchall()
    return {json.loads(state)["pid"] for (state,) in rows if state and "pid" in json.loads(state)}


def _descendants(roots: set[int]) -> set[int]:
    """The processes started, directly or not, by *roots* (kernels, terminals), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found = set(roots)
    grew = True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in found} - found
        found |= more
        grew = bool(more)
    return found


def _alive(pid: int) -> bool:
    """Whether *pid* still runs (a zombie waiting for its parent does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


@pytest.fixture(scope="module")
def hub(tmp_path_factory, chromium):
    """Start the class's hub; stop it and check nothing it started is left running."""
    _need_proxy()
    folder = tmp_path_factory.mktemp("class")
    course_url = _course_repository(tmp_path_factory.mktemp("course"))
    port = _free_port()
    env = {
        **os.environ,
        "LEADNET_CLASS_DIR": str(folder),
        "LEADNET_CLASS_PASSWORD": PASSWORD,
        "LEADNET_CLASS_USERS": ",".join(STUDENTS),
        "LEADNET_CLASS_SCRIPTED": "1",
        "LEADNET_HUB_PORT": str(port),
        "LEADNET_HUB_API_PORT": str(_free_port()),
        "LEADNET_PROXY_API_PORT": str(_free_port()),
        "LEADNET_CHP": str(CHP),
        "PATH": os.pathsep.join([str(BIN), os.environ.get("PATH", "")]),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    env.pop("LEADNET_HOME", None)
    env.pop("JUPYTERHUB_API_TOKEN", None)
    log = folder / "jupyterhub.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(BIN / "jupyterhub"), "-f", str(CONFIG)],
            env=env,
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    started: set[int] = set()
    try:
        _wait_for(
            lambda: proc.poll() is not None or _answers(f"{url}/hub/api/"),
            "the hub to answer",
        )
        assert proc.poll() is None, f"the hub exited:\n{log.read_text()[-3000:]}"
        yield Hub(url, folder, course_url)
        servers = _server_pids(folder)
        assert servers, "the hub recorded no student server"
        proxy = int((folder / "jupyterhub-proxy.pid").read_text())
        started = _descendants({proc.pid, proxy, *servers})  # servers, kernels, terminals
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # the hub stops the students' servers and its proxy
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        try:  # servers and kernels take a few seconds to shut down after the hub
            _wait_for(lambda: not any(_alive(pid) for pid in started), "the servers to stop", 90)
        except AssertionError:
            left = sorted(pid for pid in started if _alive(pid))
            for pid in left:  # only processes this hub started, by their id
                os.kill(pid, signal.SIGKILL)
            raise AssertionError(f"processes left running after the hub stopped: {left}") from None


def _login_through_the_link(page, hub: Hub, user: str, notebook: str) -> None:
    """Follow the instructor's nbgitpuller link: log in, wait for the server and the clone."""
    page.goto(hub.pull_link(notebook))
    page.locator("input[name=username]").fill(user)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit], button[type=submit]").first.click()
    page.wait_for_url(f"**/user/{user}/lab/**", timeout=180_000)
    page.wait_for_selector(".jp-Notebook .jp-Cell", state="visible", timeout=120_000)
    page.wait_for_function(_KERNEL_IDLE, timeout=120_000)


def _run_all(page) -> None:
    page.evaluate("() => window.jupyterapp.commands.execute('runmenu:run-all')")
    page.wait_for_function(_KERNEL_IDLE, timeout=120_000)


def _files_shown(page, hub: Hub, user: str, folder: str) -> list[str]:
    """The names JupyterLab's file browser lists in *folder* of the student's home."""
    page.goto(f"{hub.url}/user/{user}/lab/tree/{folder}")
    page.wait_for_selector(".jp-DirListing-item", timeout=60_000)
    page.wait_for_function(
        f"() => document.querySelector('.jp-FileBrowser .jp-BreadCrumbs')"
        f" && document.querySelector('.jp-FileBrowser .jp-BreadCrumbs').textContent"
        f".includes('{folder}')",
        timeout=60_000,
    )
    return page.locator(".jp-DirListing-item .jp-DirListing-itemText").all_inner_texts()


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


@pytest.fixture(scope="module")
def students(hub, chromium):
    """Each student opens the workbook through the link and creates a workspace."""
    pages = {}
    for user, name in STUDENTS.items():
        context = chromium.new_context(viewport={"width": 1280, "height": 1000})
        context.set_default_timeout(60_000)
        page = context.new_page()
        _login_through_the_link(page, hub, user, "00_start_here.ipynb")
        _run_all(page)
        page.get_by_label("Your name").fill(name)
        page.get_by_role("button", name="Create my workspace").click()
        confirmation = page.locator(".leadnet-confirmation")
        confirmation.wait_for(timeout=120_000)
        assert f"Your workspace is ready: {name} (0 contacts)" in confirmation.inner_text()
        pages[user] = page
    yield pages
    for page in pages.values():
        page.context.close()


def test_the_link_clones_the_course_into_each_students_home(hub, students):
    for user in STUDENTS:
        notebook = hub.home(user) / COURSE / "notebooks" / "00_start_here.ipynb"
        assert notebook.exists(), f"nbgitpuller did not clone the course for {user}"


def test_each_student_sees_only_their_own_workspace(hub, students):
    for user, name in STUDENTS.items():
        expected = f"{_slug(name)}.leadnet.sqlite"
        files = _files_shown(students[user], hub, user, "leadnet")
        shown = [n for n in files if n.endswith(".leadnet.sqlite")]
        assert shown == [expected], f"{user} sees {shown}"
        assert (hub.home(user) / "leadnet" / expected).exists()


def test_a_student_cannot_open_another_students_server(hub, students):
    response = students["ben"].goto(f"{hub.url}/user/ana/api/contents/leadnet")
    assert response is not None
    assert response.status == 403 or "/user/ben/" in students["ben"].url


def _terminal_text(page) -> str:
    """What the current JupyterLab terminal shows (its xterm buffer), wrapped lines joined."""
    return page.evaluate(_TERMINAL_TEXT) or ""


_TERMINAL_TEXT = """() => {
  const widget = window.__leadnetTerminal;
  const term = widget && widget.content && widget.content._term;
  if (!term || !term.buffer) return null;
  const buffer = term.buffer.active, lines = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    if (!line) continue;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length) lines[lines.length - 1] += text; else lines.push(text);
  }
  return lines.join('\\n').trim();
}"""

#: the terminal this test opened (kept on the page, whatever else takes the focus), once its
#: connection to the server is up; a shell's prompt differs from one machine to another
_OPEN_TERMINAL = """async () => {
  window.__leadnetTerminal = await window.jupyterapp.commands.execute('terminal:create-new');
}"""
_TERMINAL_CONNECTED = """() => {
  const widget = window.__leadnetTerminal;
  const session = widget && widget.content && widget.content.session;
  return !!session && session.connectionStatus === 'connected';
}"""


def test_a_share_counts_in_the_instructors_cohort_view(hub, students, tmp_path):
    """Ana shares from a JupyterLab terminal; the instructor's view of the folder counts her."""
    page = students["ana"]
    page.goto(f"{hub.url}/user/ana/lab")
    page.wait_for_function(
        "() => !!window.jupyterapp && window.jupyterapp.commands.hasCommand('terminal:create-new')",
        timeout=120_000,
    )
    page.evaluate(_OPEN_TERMINAL)
    try:
        page.wait_for_function(_TERMINAL_CONNECTED, timeout=120_000)
    except PlaywrightTimeout:
        pytest.fail(f"the terminal never connected; it shows:\n{_terminal_text(page)[-2000:]}")
    page.evaluate("() => window.jupyterapp.shell.activateById(window.__leadnetTerminal.id)")
    # the command line goes in through the terminal's own connection, as its keyboard sends it
    # (a click to focus it first could land on whatever the restored workspace shows on top)
    page.evaluate(
        "(line) => window.__leadnetTerminal.content.session.send({type: 'stdin', content: [line]})",
        f"leadnet share leadnet/{_slug(STUDENTS['ana'])}.leadnet.sqlite"
        ' --out "$LEADNET_SHARES/ana.json"\r',
    )
    try:
        page.wait_for_function(
            f"() => (({_TERMINAL_TEXT})() || '').includes('Wrote your share')", timeout=240_000
        )
    except PlaywrightTimeout:
        pytest.fail(f"no share written; the terminal shows:\n{_terminal_text(page)[-2000:]}")
    shown = _terminal_text(page)
    assert shown.index("will hold exactly this") < shown.index("Wrote your share")  # preview first
    share = hub.shares / "ana.json"
    assert share.exists()
    assert "Ana" not in share.read_text(encoding="utf-8")  # numbers and categories only
    report = tmp_path / "cohort.json"
    run = subprocess.run(
        [str(BIN / "leadnet"), "cohort", str(hub.shares), "--json", str(report)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(report.read_text())["participants"] == 1
