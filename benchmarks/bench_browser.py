"""Time the notebooks in a real browser: JupyterLab (Run All) and, for 03, Voilà.

Run from the repository root (needs Debian's Chromium at /usr/bin/chromium)::

    python benchmarks/bench_browser.py                      # 54-contact sample, Lab and Voilà
    python benchmarks/bench_browser.py --sizes 54 500 30000 --repeat 3 --apps lab
    python benchmarks/bench_browser.py --notebooks 01 02 04 05 --sizes 54 5000 30000 --apps lab

The generated workspaces (``big_workspace.py``) carry ties among the key
contacts and a year of interactions.

Notebooks 01, 02, 04 and 05 (Lab only) print, per run: ``done`` (Run All until
every cell has run), ``last output`` (until the last change of any output, the
widgets drawn), the figures drawn if any, then each click a person makes
(save a contact, a triage decision, an overview filter or page, an action
edit, a log entry) in milliseconds from the click until the view stops
changing and the kernel is idle, with the median and the slowest click.

Notebook 03:

For each app and workspace size it starts the server on a temporary copy of
``notebooks/`` with a private LEADNET_HOME whose current workspace is the
sample persona (54 contacts) or *n* generated contacts, opens notebook 03 in
Chromium with a fresh kernel and prints, per run and as medians:

* ``done``: seconds until every cell has run after Run All (Lab), or
  until Voilà's page has loaded (Voilà executes the notebook while it streams);
* ``first`` / ``all``: seconds until the first / every one of the dashboard's
  seven panels is drawn: traces (plotly ``g.trace`` in its SVG), or the gap list's table rows;
* ``open -> all 7``: seconds from opening the page (navigation: the kernel's start
  included, and ``--read`` seconds of reading before Run All in Lab) until every
  figure is drawn. The workbook's kernels import notebook 03's libraries in the
  background while the person reads (``jupyter/kernel_startup.py``),
  so Lab's ``all`` alone would flatter a run with ``--read``;
* ``filter``: seconds from clicking the "Operational" network toggle (scrolled to the
  middle of the screen first) until the panels then on screen show their new figure
  drawn, and until every panel does (then 1 s of quiet before the next step). A figure
  the filter left as it was is not sent again: a panel still not redrawn once the others
  have been quiet for 3 s is printed as unchanged, and not waited for. With
  ``--look S`` the first click comes S seconds after every figure is drawn (a person
  looks first; by then the page has tidied its memory and the kernel has worked the
  choices one click away out); by default it comes at once;
* ``back``: the same for a second click on the toggle (every network shown again: a
  choice the dashboard has already drawn, whose redraw it kept);
* ``plotly.js``: how many times the page fetched each build of plotly.js: LeadNet's
  renderer's basic build (``plotly-basic.min.js``, bars and scatters), its gl2d build
  (``plotly-gl2d.min.js``, the WebGL maps of a large workspace) and the whole plotly.js
  (jupyterlab-plotly's chunk in Lab, the copy beside the renderer in Voilà: only for other
  trace types, none in the dashboard), and the load average at the end of the run;
* ``host gauge``: milliseconds a fixed loop of JavaScript took in the page after the clicks:
  how fast the (shared) host was during the run. Compare runs with similar gauges.

Lab's clock starts at Run All (the page and the kernel are up); Voilà's at the
navigation. The servers' kernels import the workbook's modules compiled
(``__pycache__``, written first; ``PYTHONDONTWRITEBYTECODE`` is left out of
their environment), as on a person's machine from the second run on: compiling
them costs notebook 03's kernel about 0.1 s. It asserts nothing: it prints figures.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = "03_see_your_gaps.ipynb"
KEYS = ["balance", "ego", "ties", "keep_warm", "give_take", "diversity", "gaps"]

# Counts the figures drawn, in the panels (the dashboard's own classes) or anywhere.
_DRAWN = """(keys) => keys.filter(k => {
  const panel = document.querySelector('.leadnet-panel-' + k);
  return !!panel && !!panel.querySelector('.js-plotly-plot svg.main-svg g.trace, '
                                          + 'table.leadnet-gap-list tbody tr');
})"""

_KERNEL = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return k ? k.status : null;
}"""

# Start Run All and poll (every 20 ms) until every figure is drawn and every cell has run.
_RUN_ALL = """async ({keys, timeout, drawn, kernel}) => {
  const isDrawn = eval(drawn), status = eval(kernel);
  const t0 = performance.now();
  const first = {};
  let done = null;
  // resolves when every cell has run (its output received)
  window.jupyterapp.commands.execute('runmenu:run-all').then(
    () => { done = (performance.now() - t0) / 1000; });
  while (performance.now() - t0 < timeout) {
    const now = (performance.now() - t0) / 1000;
    for (const k of isDrawn(keys)) if (!(k in first)) first[k] = now;
    if (done !== null && Object.keys(first).length === keys.length) break;
    await new Promise(r => setTimeout(r, 20));
  }
  return {first, done, t0};
}"""

# Poll from the navigation's start until every figure is drawn (Voilà).
_WAIT_DRAWN = """async ({keys, timeout, drawn}) => {
  const isDrawn = eval(drawn);
  const first = {};
  const start = performance.now();
  while (performance.now() - start < timeout) {
    const now = performance.now() / 1000;  // since navigation start
    for (const k of isDrawn(keys)) if (!(k in first)) first[k] = now;
    if (Object.keys(first).length === keys.length) break;
    await new Promise(r => setTimeout(r, 20));
  }
  return {first};
}"""

# Click a filter (scrolled to the middle of the screen first, as a person sees it); wait until
# every panel shows a newly drawn figure (not the one drawn before the click, or the same
# drawing updated: its renderer's count of draws went up) and the panels
# have been quiet for `quiet` ms. The time every panel was redrawn, and the time the panels
# on screen at the click were: as a MutationObserver tells it (a 20-ms poll, which the page's
# drawing holds up, added 5-25 ms), watching only what marks a redraw.
_FILTER = """async ({selector, quiet, timeout, keys}) => {
  const panels = keys.map(k => document.querySelector('.leadnet-panel-' + k));
  const button = document.querySelector(selector);
  button.scrollIntoView({block: 'center'});
  await new Promise(r => setTimeout(r, 500));
  const height = window.innerHeight;
  const seen = keys.filter((k, i) => {
    const box = panels[i].getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < height;
  });
  for (const old of document.querySelectorAll(
      '.leadnet-panel :is(.js-plotly-plot, .leadnet-figure, .leadnet-gap-list)'))
    old.dataset.benchOld = '1';
  // a figure updated where it stands (LeadNet's panel widget) counts its draws
  const draws = (i) => {
    const figure = panels[i].querySelector('.leadnet-figure[data-draws]');
    return figure ? Number(figure.dataset.draws) : 0;
  };
  const before = keys.map((k, i) => draws(i));
  const redrawn = {};
  let last = null;
  // Redrawn: the drawing's count of draws went up, or a new output is drawn (LeadNet's
  // renderer marks it drawn, and may take the old drawing over and update it; plotly's own
  // draws a new plot).
  const isRedrawn = (i) => draws(i) > before[i] || panels[i].querySelector(
      '.leadnet-figure[data-drawn]:not([data-bench-old]), '
      + '.js-plotly-plot:not([data-bench-old]) svg.main-svg g.trace, '
      + '.leadnet-gap-list:not([data-bench-old]) tbody tr') !== null;
  const check = () => {
    keys.forEach((k, i) => { if (!(k in redrawn) && isRedrawn(i)) redrawn[k] = performance.now(); });
  };
  // What is watched: the drawings' count of draws and drawn mark, and the outputs coming and
  // going in an output panel; not every node plotly.js touches (a MutationObserver on the
  // whole of the panels made each click of 500 contacts 55 ms slower: medians of 16 clicks
  // each, alternating). The poll below is a fallback.
  const observer = new MutationObserver(() => { last = performance.now(); check(); });
  for (const p of panels) {
    observer.observe(p, {subtree: true, attributes: true,
                         attributeFilter: ['data-draws', 'data-drawn']});
    for (const area of p.querySelectorAll('.jp-OutputArea'))
      observer.observe(area, {childList: true});
  }
  const t0 = performance.now();
  button.click();
  while (performance.now() - t0 < timeout) {
    await new Promise(r => setTimeout(r, 20));
    check();
    if (Object.keys(redrawn).length === keys.length && performance.now() - last > quiet) break;
    // a figure the filter left as it was is not sent again (LeadNet's panel widget): once
    // some were redrawn and the panels have been quiet three times as long, it is unchanged
    if (Object.keys(redrawn).length && performance.now() - Math.max(last, ...Object.values(redrawn))
        > 3 * quiet) break;
  }
  observer.disconnect();
  if (!Object.keys(redrawn).length) return null;
  const unchanged = keys.filter(k => !(k in redrawn));
  const drawn = seen.filter(k => k in redrawn);
  return {all: (Math.max(...Object.values(redrawn)) - t0) / 1000,
          seen: drawn.length ? (Math.max(...drawn.map(k => redrawn[k])) - t0) / 1000 : null,
          seenKeys: seen, unchanged};
}"""

# How fast the host was during a run: a fixed piece of JavaScript, timed in the page after
# its clicks (ms). The machines this runs on share their cores: the same code has measured a
# third slower within the hour, so compare figures taken with similar gauges.
_GAUGE = """() => {
  const t0 = performance.now();
  let sum = 0;
  for (let i = 0; i < 60000000; i++) sum += (i % 7) * 0.5;
  return sum > 0 ? performance.now() - t0 : -1;
}"""

_PLOTLY_LOADS = r"""() => performance.getEntriesByType('resource')
  .filter(e => /plotly|widgetbundle/i.test(e.name) && !/remoteEntry|style\.js/.test(e.name))
  .map(e => e.name.split('?')[0].split('/').slice(-2).join('/'))"""


def _fetches(files: list[str]) -> str:
    """How many times each plotly.js file was fetched: ``basic 1x, whole 1x``."""
    names = [
        "basic" if "plotly-basic" in f else "gl2d" if "plotly-gl2d" in f else "whole" for f in files
    ]
    return ", ".join(f"{n} {names.count(n)}x" for n in sorted(set(names))) or "none"


# Run All in notebook 01, 02, 04 or 05: until every cell has run and the outputs have been
# quiet for `quiet` ms; the time of the last change of any output and of the figures drawn.
_RUN_ALL_OUTPUTS = """async ({timeout, quiet}) => {
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  let last = null;
  const observer = new MutationObserver(mutations => {
    for (const m of mutations) {
      const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (el && el.closest('.jp-OutputArea')) { last = performance.now(); return; }
    }
  });
  observer.observe(nb, {childList: true, subtree: true, attributes: true, characterData: true});
  const t0 = performance.now();
  let done = null, figures = 0, figuresAt = null;
  window.jupyterapp.commands.execute('runmenu:run-all').then(() => { done = performance.now(); });
  while (performance.now() - t0 < timeout) {
    await new Promise(r => setTimeout(r, 20));
    const drawn = Array.from(nb.querySelectorAll('.js-plotly-plot')).filter(
      p => p.querySelector('svg.main-svg g.trace, svg.main-svg g.table')).length;
    if (drawn > figures) { figures = drawn; figuresAt = performance.now(); }
    if (done !== null && last !== null && performance.now() - Math.max(done, last) > quiet) break;
  }
  observer.disconnect();
  const s = t => t === null ? null : (t - t0) / 1000;
  return {done: s(done), last: s(last), figures, figuresAt: s(figuresAt)};
}"""

# One click (or choice, or typed value) in a view: from the event until the view has been
# quiet for `quiet` ms and the kernel is idle again; the time of the view's last change.
_CLICK = """async ({scope, target, action, value, quiet, timeout, kernel}) => {
  const status = eval(kernel);
  const root = document.querySelector(scope);
  if (!root) return {error: 'no ' + scope};
  const el = target ? root.querySelector(target) : root;
  if (!el) return {error: 'no ' + target + ' in ' + scope};
  if (el.disabled) return {error: target + ' is disabled'};
  let last = null, busy = false;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(root, {childList: true, subtree: true, attributes: true, characterData: true});
  const t0 = performance.now();
  if (action === 'click') el.click();
  else if (action === 'select') {
    el.selectedIndex = value;
    el.dispatchEvent(new Event('change', {bubbles: true}));
  } else if (action === 'type') {
    el.value = value;
    el.dispatchEvent(new Event('input', {bubbles: true}));
    el.dispatchEvent(new Event('change', {bubbles: true}));
  }
  let idle = null;  // when the kernel was idle again after handling the event
  while (performance.now() - t0 < timeout) {
    await new Promise(r => setTimeout(r, 10));
    const now = performance.now();
    if (status() === 'busy') { busy = true; idle = null; continue; }
    if (busy && idle === null) idle = now;
    if (last === null ? now - t0 > 2000 : (busy || now - t0 > 2000) && now - last > quiet) break;
  }
  observer.disconnect();
  // answered: the view's last change, or (a view showing the same text again) the kernel idle
  const end = last === null ? idle : (idle === null ? last : Math.max(last, idle));
  return {seconds: end === null ? null : (end - t0) / 1000, busy};
}"""

# (what a person does, the view, the element, the action, its value), per notebook
SCENARIOS: dict[str, list[tuple[str, str, str, str, object]]] = {
    "01": [
        ("contacts: next page", ".leadnet-contacts-view", ".leadnet-contacts-next", "click", None),
        (
            "contacts: pick one",
            ".leadnet-contacts-view",
            ".leadnet-contacts-select select",
            "select",
            0,
        ),
        (
            "contacts: save a contact",
            ".leadnet-contacts-view",
            ".leadnet-edit-notes textarea",
            "type+save",
            "met at the summit",
        ),
        (
            "contacts: save again",
            ".leadnet-contacts-view",
            ".leadnet-edit-notes textarea",
            "type+save",
            "met at the summit, again",
        ),
        (
            "contacts: search",
            ".leadnet-contacts-view",
            ".leadnet-contacts-search input",
            "type",
            "Person 0001",
        ),
    ],
    "02": [
        ("triage decision 1", ".leadnet-triage-view", ".leadnet-triage-strategic", "click", None),
        ("triage decision 2", ".leadnet-triage-view", ".leadnet-triage-personal", "click", None),
        ("triage decision 3", ".leadnet-triage-view", ".leadnet-triage-operational", "click", None),
        (
            "overview page",
            ".leadnet-overview-group-operational",
            "button[title='Next page']",
            "click",
            None,
        ),
        (
            "overview filter",
            ".leadnet-overview-view",
            ".leadnet-overview-type-filter select",
            "select",
            3,
        ),
    ],
    "04": [
        (
            "action edit",
            ".leadnet-plan-editor, .leadnet-plan-actions",
            ".leadnet-plan-card-1 .leadnet-plan-title input",
            "type",
            "Call my mentor (soon)",
        ),
        (
            "action done",
            ".leadnet-plan-editor, .leadnet-plan-actions",
            ".leadnet-plan-card-1 .leadnet-plan-done input",
            "click",
            None,
        ),
    ],
    "05": [
        ("log entry", ".leadnet-review-log", ".leadnet-log-button", "click", None),
        ("log entry again", ".leadnet-review-log", ".leadnet-log-button", "click", None),
    ],
}


def _notebook_file(number: str) -> str:
    return next((REPO / "notebooks").glob(f"{number}_*.ipynb")).name


def run_notebook(browser, server: Server, number: str, timeout: float) -> dict:
    """Open notebook *number* in Lab with a fresh kernel, Run All, then click through it."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(120_000)
    page = context.new_page()
    try:
        server.shut_kernels()
        page.goto(f"{server.url}/lab/tree/{_notebook_file(number)}?token={server.token}&reset")
        page.wait_for_selector(".jp-Notebook .jp-Cell", state="visible")
        page.wait_for_function(f"() => ({_KERNEL})() === 'idle'", timeout=90_000)
        out = page.evaluate(_RUN_ALL_OUTPUTS, {"timeout": timeout * 1000, "quiet": 1500})
        clicks: dict[str, float | str] = {}
        for name, scope, target, action, value in SCENARIOS.get(number, []):
            scope = next((one for one in scope.split(", ") if page.locator(one).count()), scope)
            steps = [(target, action, value)]
            if action == "type+save":  # type a note, then Save
                steps = [(target, "type", value), (".leadnet-contacts-save", "click", None)]
            seconds = 0.0
            for step_target, step_action, step_value in steps:
                r = page.evaluate(
                    _CLICK,
                    {
                        "scope": scope,
                        "target": step_target,
                        "action": step_action,
                        "value": step_value,
                        "quiet": 800,
                        "timeout": 60_000,
                        "kernel": _KERNEL,
                    },
                )
                if step_action == "type" and len(steps) > 1 and "error" not in r:
                    continue  # typed into a field (no change of the page to wait for)
                if "error" in r or r["seconds"] is None:
                    seconds = None
                    clicks[name] = r.get("error", "no change seen")
                    break
                seconds = r["seconds"] if step_action == "click" or len(steps) == 1 else seconds
            if seconds is not None:
                clicks[name] = seconds
        out["clicks"] = clicks
        text = page.locator(".jp-Notebook").inner_text()
        out["errors"] = sorted(set(re.findall(r"(\w+Error): ", text)))[:5]
        return out
    finally:
        context.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_ready(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"server did not start in {timeout} s:\n{log.read_text()[-3000:]}")


def make_home(base: Path, size: int) -> Path:
    """A LEADNET_HOME whose current workspace is the sample (54) or *size* generated contacts."""
    home = base / f"home-{size}"
    home.mkdir()
    os.environ["LEADNET_HOME"] = str(home)
    from leadnet_helpers import paths, personas, workbook

    if size == 54:
        # a writable copy of the sample persona (clicks save)
        ws = personas.build_persona_workspace("ana-lucia-ferreira", home / "sample.leadnet.sqlite")
        paths.remember_current_workspace(ws.path)
        ws.close()
        return home
    import big_workspace

    workbook.reset_session()
    ws = workbook.start_workspace(big_workspace.PROFILE)
    big_workspace.fill(ws, size)
    paths.remember_current_workspace(ws.path)
    workbook.reset_session()
    return home


class Server:
    """JupyterLab or Voilà on a copy of the notebooks, with a private LEADNET_HOME."""

    def __init__(self, app: str, base: Path, home: Path, extra: list[str] | None = None) -> None:
        self.app, self.base = app, base
        self.notebooks = base / f"notebooks-{app}-{home.name}"
        shutil.copytree(
            REPO / "notebooks", self.notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
        config = base / f"config-{app}"
        (config / "labconfig").mkdir(parents=True, exist_ok=True)
        (config / "labconfig" / "page_config.json").write_text(
            json.dumps(
                {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}
            )
        )
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(config),
            "JUPYTER_RUNTIME_DIR": str(base / f"runtime-{app}"),
            "JUPYTER_DATA_DIR": str(base / f"data-{app}"),
            "LEADNET_HOME": str(home),
            # as make lab, make app and the hub: the kernels preload their libraries
            "PYTHONSTARTUP": str(REPO / "jupyter" / "kernel_startup.py"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }
        # as on a person's machine from the second run on: the workbook's modules compiled
        # once (__pycache__), not again by every kernel (0.1 s of notebook 03's imports)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        port = _free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{port}"
        if app == "lab":
            command = [
                sys.executable,
                "-m",
                "jupyterlab",
                "--no-browser",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={port}",
                f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={self.notebooks}",
                "--LabApp.expose_app_in_browser=True",
                "--LabApp.news_url=",
                (
                    "--LabApp.check_for_updates_class="
                    "jupyterlab.handlers.announcements.NeverCheckForUpdate"
                ),
            ]
            ready = f"{self.url}/api/status?token={self.token}"
        else:
            command = [
                sys.executable,
                "-m",
                "voila",
                "--no-browser",
                f"--port={port}",
                "--Voila.ip=127.0.0.1",
                str(self.notebooks / NOTEBOOK),
            ]
            if (REPO / "jupyter" / "voila" / "templates" / "leadnet").is_dir():
                env["JUPYTER_PATH"] = str(REPO / "jupyter")  # our template: no CDN
                # and our voila.json, as make app (progressive rendering; pass
                # --voila-args=--VoilaConfiguration.progressive_rendering=False for the default)
                env["JUPYTER_CONFIG_PATH"] = str(REPO / "jupyter" / "config")
                command.append("--template=leadnet")
            command += extra or []
            ready = None  # Voilà: wait for its port
        if hasattr(os, "geteuid") and os.geteuid() == 0 and app == "lab":
            command.append("--allow-root")
        self.log = base / f"{app}-{home.name}.log"
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(
                command,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.notebooks,
                start_new_session=True,
            )
        if ready is None:
            self._wait_port(port)
        else:
            _wait_ready(ready, self.proc, self.log)

    def _wait_port(self, port: int, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log.read_text()[-3000:]}")
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.25)
        raise RuntimeError("Voilà did not start")

    def shut_kernels(self) -> None:
        """Shut every kernel down, so the next run starts a fresh one (Lab)."""
        if self.app != "lab":
            return
        with urllib.request.urlopen(f"{self.url}/api/sessions?token={self.token}") as response:
            sessions = json.load(response)
        for session in sessions:
            request = urllib.request.Request(
                f"{self.url}/api/sessions/{session['id']}?token={self.token}", method="DELETE"
            )
            urllib.request.urlopen(request).close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def run_once(
    browser, server: Server, timeout: float, width: int = 1280, read: float = 0, look: float = 0
) -> dict:
    context = browser.new_context(viewport={"width": width, "height": 1000})
    context.set_default_timeout(120_000)
    page = context.new_page()
    offsite: list[str] = []
    page.on(
        "request",
        lambda r: (
            offsite.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "ws://127.0.0.1"))
            else None
        ),
    )
    try:
        if server.app == "lab":
            server.shut_kernels()
            page.goto(f"{server.url}/lab/tree/{NOTEBOOK}?token={server.token}&reset")
            page.wait_for_selector(".jp-Notebook .jp-Cell", state="visible")
            page.wait_for_function(f"() => ({_KERNEL})() === 'idle'", timeout=90_000)
            if read:
                page.wait_for_timeout(read * 1000)  # the person reads the opening prose
            result = page.evaluate(
                _RUN_ALL,
                {"keys": KEYS, "timeout": timeout * 1000, "drawn": _DRAWN, "kernel": _KERNEL},
            )
        else:
            page.goto(f"{server.url}/", wait_until="commit")
            result = page.evaluate(
                _WAIT_DRAWN, {"keys": KEYS, "timeout": timeout * 1000, "drawn": _DRAWN}
            )
            page.wait_for_load_state("load")
            result["done"] = page.evaluate(
                "() => performance.getEntriesByType('navigation')[0].loadEventEnd / 1000"
            )
        first = result["first"]
        # from opening the notebook (navigation; the kernel's start and any reading included)
        since_open = result.get("t0", 0) / 1000
        out = {
            "open": since_open + max(first.values()) if len(first) == len(KEYS) else None,
            "done": result.get("done"),
            "first": min(first.values()) if first else None,
            "all": max(first.values()) if len(first) == len(KEYS) else None,
            "drawn": len(first),
            "missing": [k for k in KEYS if k not in first],
        }
        out["filter"] = out["filter seen"] = out["back"] = None
        out["seen"] = []
        if len(first) == len(KEYS) and page.locator(".leadnet-type-operational").count():
            if look:
                page.wait_for_timeout(look * 1000)  # the person looks at the figures first
            # the operational network off, then on again (a choice already drawn)
            for name in ("filter", "back"):
                redrawn = page.evaluate(
                    _FILTER,
                    {
                        "selector": ".leadnet-type-operational",
                        "quiet": 1000,
                        "timeout": 60_000,
                        "keys": KEYS,
                    },
                )
                if not redrawn:
                    break
                out[name] = redrawn["all"]
                out["unchanged"] = sorted({*out.get("unchanged", []), *redrawn["unchanged"]})
                if name == "filter":
                    out["filter seen"], out["seen"] = redrawn["seen"], redrawn["seenKeys"]
        out["plotly.js"] = page.evaluate(_PLOTLY_LOADS)
        out["offsite"] = sorted(set(offsite))
        out["gauge"] = page.evaluate(_GAUGE) / 1000
        return out
    finally:
        context.close()


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.2f}"


def _print_notebook(size: int, number: str, label: str, r: dict) -> None:
    clicks = r["clicks"]
    times = {k: v for k, v in clicks.items() if isinstance(v, float)}
    slowest = max(times, key=times.__getitem__) if times else None
    figures = f", {r['figures']} figures drawn at {_fmt(r['figuresAt'])} s" if r["figures"] else ""
    print(
        f"lab {size:>6,} contacts notebook {number} {label}: done {_fmt(r['done'])} s, "
        f"last output {_fmt(r['last'])} s{figures}; clicks ms: "
        + ", ".join(
            f"{k} {v * 1000:.0f}" if isinstance(v, float) else f"{k} ({v})"
            for k, v in clicks.items()
        )
        + (
            f"; median {statistics.median(times.values()) * 1000:.0f} ms, slowest "
            f"{times[slowest] * 1000:.0f} ms ({slowest})"
            if slowest
            else ""
        )
        + (f"; ERRORS {r['errors']}" if r.get("errors") else ""),
        flush=True,
    )


def main_notebooks(args: argparse.Namespace, numbers: list[str]) -> None:
    """Notebooks 01, 02, 04, 05 in JupyterLab: Run All, then each click; medians last."""
    from playwright.sync_api import sync_playwright

    base = Path(tempfile.mkdtemp(prefix="leadnet-bench-browser-"))
    print(f"notebooks {', '.join(numbers)} in JupyterLab; {args.repeat} runs each; logs in {base}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for size in args.sizes:
            home = make_home(base, size)
            server = Server("lab", base, home)
            try:
                for number in numbers:
                    runs = []
                    for i in range(args.repeat):
                        r = run_notebook(browser, server, number, args.timeout)
                        runs.append(r)
                        _print_notebook(size, number, f"run {i + 1}", r)
                    if len(runs) > 1:
                        med = {
                            key: statistics.median(x[key] for x in runs if x[key] is not None)
                            if any(x[key] is not None for x in runs)
                            else None
                            for key in ("done", "last", "figuresAt")
                        }
                        names = {k for x in runs for k in x["clicks"]}
                        clicks = {
                            k: statistics.median(vals)
                            for k in sorted(names)
                            if (
                                vals := [
                                    x["clicks"][k]
                                    for x in runs
                                    if isinstance(x["clicks"].get(k), float)
                                ]
                            )
                        }
                        _print_notebook(
                            size,
                            number,
                            "MEDIAN",
                            {**med, "figures": runs[0]["figures"], "clicks": clicks},
                        )
            finally:
                server.stop()
        browser.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[54],
        help="54 is the sample persona; others are generated contacts",
    )
    parser.add_argument("--apps", nargs="+", default=["lab", "voila"], choices=["lab", "voila"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=90, help="seconds per run")
    parser.add_argument(
        "--read",
        type=float,
        default=0,
        help="Lab: seconds between the kernel being ready and Run All (someone reading the "
        "opening prose while the kernel preloads its libraries); 0: Run All at once",
    )
    parser.add_argument(
        "--look",
        type=float,
        default=0,
        help="seconds between every figure drawn and the first filter click (someone "
        "looking at the figures; the page and the kernel finish their work meanwhile); "
        "0: click at once",
    )
    parser.add_argument(
        "--voila-args", default="", help="more options for Voilà, e.g. '--preheat_kernel=True'"
    )
    parser.add_argument(
        "--notebooks",
        nargs="+",
        default=["03"],
        help="03 (the dashboard, Lab and Voilà) and/or 01 02 04 05 (Lab: Run All, then clicks)",
    )
    args = parser.parse_args(argv)
    # every run's kernels import the workbook compiled, as a person's second run does
    compileall.compile_dir(str(REPO / "leadnet_helpers"), quiet=1)
    if not CHROMIUM.exists():
        print(f"no Chromium at {CHROMIUM}")
        return 1
    others = [n for n in args.notebooks if n != "03"]
    if others:
        main_notebooks(args, others)
    if "03" not in args.notebooks:
        return 0
    from playwright.sync_api import sync_playwright

    base = Path(tempfile.mkdtemp(prefix="leadnet-bench-browser-"))
    print(
        f"notebook {NOTEBOOK}; apps {', '.join(args.apps)}; {args.repeat} runs each "
        f"(medians last); first filter click {args.look:g} s after the figures; logs in {base}"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for size in args.sizes:
            home = make_home(base, size)
            for app in args.apps:
                try:
                    server = Server(app, base, home, args.voila_args.split())
                except Exception as err:  # noqa: BLE001 - reported, the others still run
                    print(f"{app}: could not start: {str(err)[:300]}")
                    continue
                runs = []
                try:
                    for i in range(args.repeat):
                        r = run_once(browser, server, args.timeout, read=args.read, look=args.look)
                        runs.append(r)
                        print(
                            f"{app:5} {size:>6,} contacts run {i + 1}: done {_fmt(r['done'])} s,"
                            f" first figure {_fmt(r['first'])} s, all 7 {_fmt(r['all'])} s "
                            f"({r['drawn']}/7 drawn{', missing ' + ','.join(r['missing']) if r['missing'] else ''}),"
                            f" open -> all 7 {_fmt(r['open'])} s,"
                            f" filter redraw: on screen ({'+'.join(r['seen']) or 'none'})"
                            f" {_fmt(r['filter seen'])} s, all 7 {_fmt(r['filter'])} s,"
                            f" back {_fmt(r['back'])} s"
                            + (
                                f" (not redrawn, unchanged: {', '.join(r['unchanged'])})"
                                if r.get("unchanged")
                                else ""
                            )
                            + ";"
                            f" plotly.js fetched: {_fetches(r['plotly.js'])};"
                            " off-machine requests "
                            f"{r['offsite'] or 'none'}; load average "
                            f"{' '.join(f'{x:.1f}' for x in os.getloadavg())};"
                            f" host gauge {r['gauge'] * 1000:.0f} ms",
                            flush=True,
                        )
                finally:
                    server.stop()

                def med(key: str, runs=runs) -> float | None:
                    values = [r[key] for r in runs if r[key] is not None]
                    return statistics.median(values) if values else None

                complete = sum(r["all"] is not None for r in runs)

                print(
                    f"{app:5} {size:>6,} contacts MEDIAN: done {_fmt(med('done'))} s, first "
                    f"{_fmt(med('first'))} s, all 7 drawn {_fmt(med('all'))} s, open -> all 7 "
                    f"{_fmt(med('open'))} s, filter redraw on screen "
                    f"{_fmt(med('filter seen'))} s, all 7 "
                    f"{_fmt(med('filter'))} s, back {_fmt(med('back'))} s "
                    f"({complete}/{len(runs)} runs drew all 7; host gauge "
                    f"{(med('gauge') or 0) * 1000:.0f} ms)",
                    flush=True,
                )
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
