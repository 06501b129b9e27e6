"""The workbook's kernels preload notebook 03's libraries, and only those, in the background.

A real IPython kernel is started with the repository's Jupyter config
(``PYTHONSTARTUP=jupyter/kernel_startup.py``, as ``make lab``, ``make app`` and the hub
start them),
named after a notebook as Jupyter Server names it (``JPY_SESSION_NAME``).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import networkx as nx
import pytest

jupyter_client = pytest.importorskip("jupyter_client")

from tests.kernels import kernel_prints, running_kernel

REPO = Path(__file__).resolve().parents[1]

# what the kernel reports once its background import has finished
PROBE = """
import sys, threading
for thread in threading.enumerate():
    if thread.name == "leadnet-preload":
        thread.join(120)
from leadnet_helpers.app import preload
print(sorted(m for m in ("pandas", "networkx", "plotly.graph_objects", "ipywidgets",
                        "leadnet_helpers.widgets.dashboard")
             if m in sys.modules), preload.stopped_by or "")
"""


def _kernel_output(tmp_path: Path, notebook: str, probe: str = PROBE, **names: str) -> str:
    """What *probe* prints in a kernel started for *notebook* (or as *names* tell it)."""
    env = {
        "PYTHONSTARTUP": str(REPO / "jupyter" / "kernel_startup.py"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        **({"JPY_SESSION_NAME": notebook} if notebook else {}),
        **names,
    }
    with running_kernel(tmp_path, **env) as client:
        return kernel_prints(client, probe)


def test_notebook_03_kernel_has_its_libraries_before_the_first_cell(tmp_path):
    """Each of several fresh kernels: the preload once failed in most warm starts, with
    "No module named 'pandas'" (IPython shrinking sys.path under the thread's import)."""
    for _ in range(4):
        printed = _kernel_output(tmp_path, "notebooks/03_see_your_gaps.ipynb")
        assert printed == (
            "['ipywidgets', 'leadnet_helpers.widgets.dashboard', 'networkx', 'pandas', "
            "'plotly.graph_objects']"
        ), printed


def test_the_preload_imports_once_the_startup_files_folder_is_off_sys_path(tmp_path):
    """What keeps the thread's imports from racing IPython's removal of that folder."""
    import sys
    import threading

    from leadnet_helpers.app import preload

    startup, elsewhere = tmp_path / "startup", tmp_path / "elsewhere"
    startup.mkdir()
    elsewhere.mkdir()
    (elsewhere / "leadnet_preload_probe.py").write_text("VALUE = 1\n", encoding="utf-8")
    sys.path.insert(0, str(startup))
    sys.path.append(str(elsewhere))
    try:
        thread = threading.Thread(
            target=preload._import_all,
            args=(("leadnet_preload_probe",), None, str(startup)),
        )
        thread.start()
        thread.join(0.3)
        assert thread.is_alive() and "leadnet_preload_probe" not in sys.modules
        sys.path.remove(str(startup))
        thread.join(5)
        assert not thread.is_alive() and "leadnet_preload_probe" in sys.modules
    finally:
        sys.modules.pop("leadnet_preload_probe", None)
        if str(startup) in sys.path:
            sys.path.remove(str(startup))
        sys.path.remove(str(elsewhere))


def test_voilas_kernel_for_the_dashboard_preloads_while_the_page_loads(tmp_path):
    """Voilà names no session; its page's address says which notebook the kernel runs."""
    printed = _kernel_output(
        tmp_path, "", VOILA_REQUEST_URL="http://127.0.0.1:8866/voila/render/03_see_your_gaps.ipynb"
    )
    assert "'leadnet_helpers.widgets.dashboard'" in printed and "'networkx'" in printed
    printed = _kernel_output(
        tmp_path, "", VOILA_REQUEST_URL="http://127.0.0.1:8866/voila/render/01_map.ipynb"
    )
    assert "networkx" not in printed and "leadnet_helpers.widgets.dashboard" not in printed


def test_after_the_preload_the_kernel_collects_garbage_and_skips_the_libraries(tmp_path):
    """The collector is back on, and the libraries' objects are frozen out of its walks."""
    probe = (
        "import gc, threading\n"
        "[t.join(120) for t in threading.enumerate() if t.name == 'leadnet-preload']\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 100_000)"
    )
    assert _kernel_output(tmp_path, "notebooks/03_see_your_gaps.ipynb", probe) == "True True"


def test_the_collector_is_off_while_the_thread_imports_and_as_it_was_after(tmp_path, monkeypatch):
    """Also when an import fails (the cell shows the error), and when it was off before; the
    work after the imports (the dashboard worked out ahead) runs with it as it was."""
    import gc

    from leadnet_helpers.app import preload

    monkeypatch.setattr(gc, "freeze", lambda: None)  # not this test process's objects
    monkeypatch.setattr(preload, "stopped_by", None)
    # a module that notes the collector's state as it is imported
    (tmp_path / "leadnet_preload_probe.py").write_text(
        "import gc\nCOLLECTING = gc.isenabled()\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    during, after = [], []
    try:
        for was_on in (True, False):
            (gc.enable if was_on else gc.disable)()
            sys.modules.pop("leadnet_preload_probe", None)
            preload._import_all(
                ("leadnet_preload_probe",), then=lambda: after.append(gc.isenabled())
            )
            during.append(sys.modules["leadnet_preload_probe"].COLLECTING)
            assert gc.isenabled() is was_on
            preload._import_all(("leadnet_no_such_module",))
            assert gc.isenabled() is was_on
            assert "leadnet_no_such_module" in (preload.stopped_by or "")
    finally:
        gc.enable()
        sys.modules.pop("leadnet_preload_probe", None)
    assert during == [False, False] and after == [True, False]


def test_other_notebooks_load_no_plotting_library(tmp_path):
    printed = _kernel_output(tmp_path, "01_map_your_contacts.ipynb")
    assert "plotly.graph_objects" not in printed and "networkx" not in printed
    assert "leadnet_helpers.widgets.dashboard" not in printed


# notebook 03's dashboard cell, once the preload thread has finished; what it shows and
# whether it was worked out ahead
DASHBOARD = """
import threading
for thread in threading.enumerate():
    if thread.name == "leadnet-preload":
        thread.join(120)
from leadnet_helpers.app import dashboard as model
from leadnet_helpers.workbook import current_workspace
ws = current_workspace()
ahead = model._ahead[ws][2] if ws in model._ahead else None
{between}
from leadnet_helpers.widgets import dashboard_view
dash = dashboard_view(ws)
taken = ahead is not None and all(dash.figures[key] is ahead[key] for key in ahead)
print(dash.status.value, "ahead" if taken else "worked out in the cell")
"""


def _chosen_sample(home: Path) -> Path:
    """A copy of the sample persona in *home*, chosen (as notebook 00 does)."""
    from leadnet_helpers import paths, personas

    ws = personas.open_sample("ana-lucia-ferreira")
    paths.remember_current_workspace(ws.path)
    ws.close()
    return ws.path


def test_notebook_03_kernel_works_the_chosen_dashboard_out_ahead(tmp_path, home):
    _chosen_sample(home)
    printed = _kernel_output(
        tmp_path, "notebooks/03_see_your_gaps.ipynb", DASHBOARD.format(between="")
    )
    assert "Showing all 54 contacts" in printed and printed.endswith(" ahead"), printed


def test_a_change_made_after_the_preload_is_shown_not_the_dashboard_worked_out_before(
    tmp_path, home
):
    """Another notebook (here: another connection) adds a contact once the kernel has worked
    the dashboard out: the cell shows 55 contacts, worked out again."""
    path = _chosen_sample(home)
    add = (
        "from leadnet_helpers.store import Workspace\n"
        "from leadnet_helpers.model import Contact\n"
        f"other = Workspace.open({str(path)!r})\n"
        "_ = other.add_contact(Contact(name='Zoe Added Later'))\n"
        "other.close()\n"
        "assert ahead is not None, 'nothing was worked out ahead'"
    )
    printed = _kernel_output(
        tmp_path, "notebooks/03_see_your_gaps.ipynb", DASHBOARD.format(between=add)
    )
    assert "Showing all 55 contacts" in printed, printed
    assert printed.endswith("worked out in the cell"), printed


def test_with_no_workspace_chosen_nothing_is_read_ahead(tmp_path, home):
    """The cell makes the sample copy itself, and says so: the preload opens nothing."""
    probe = (
        "import threading, sys\n"
        "[t.join(120) for t in threading.enumerate() if t.name == 'leadnet-preload']\n"
        "from leadnet_helpers import workbook\n"
        "from leadnet_helpers.app import preload\n"
        "print('leadnet_helpers.widgets.dashboard' in sys.modules, workbook._session,\n"
        "      preload.stopped_by or '')"
    )
    printed = _kernel_output(tmp_path, "notebooks/03_see_your_gaps.ipynb", probe)
    assert printed == "True None", printed
    assert not (home / "samples").exists()


def _module_imports() -> dict[str, set[str]]:
    """Each module of leadnet_helpers -> the modules of ours it imports at module level.

    Imports inside functions and under ``if TYPE_CHECKING:`` run later, holding no import
    lock, and are left out.
    """
    package = REPO / "leadnet_helpers"
    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        here = name.split(".") if is_package else name.split(".")[:-1]
        targets = graph.setdefault(name, set())
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("leadnet_helpers"))
            elif isinstance(node, ast.ImportFrom):
                base = here[: len(here) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                if not module.startswith("leadnet_helpers"):
                    continue
                targets.add(module)
                for alias in node.names:  # `from . import x` may name a module
                    sub = f"{module}.{alias.name}"
                    if (REPO / (sub.replace(".", "/") + ".py")).is_file() or (
                        REPO / sub.replace(".", "/")
                    ).is_dir():
                        targets.add(sub)
    return graph


def test_the_packages_module_level_imports_form_no_cycle():
    """What lets the preload import our modules beside a cell: no two threads can deadlock
    on import locks (Python would then hand one of them a half-initialised module)."""
    graph = _module_imports()
    assert "leadnet_helpers.widgets.dashboard" in graph
    assert "leadnet_helpers.app.dashboard" in graph["leadnet_helpers.widgets.dashboard"]
    edges = [
        (a, b)
        for a, targets in graph.items()
        for b in targets
        # a package's own submodules: imported while the package's lock is held, in order
        if a != b and not a.startswith(b + ".")
    ]
    cycles = list(nx.simple_cycles(nx.DiGraph(edges)))
    assert cycles == [], cycles
