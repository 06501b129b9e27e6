"""Import a notebook's heavy libraries while the person reads its opening prose.

A fresh kernel of notebook 03 spends most of its first Run All importing
pandas, scipy, networkx, plotly and ipywidgets (2-3 s on a quiet laptop, far
more under load). The workbook's kernels (``jupyter/kernel_startup.py``, their ``PYTHONSTARTUP``
in ``make lab``, ``make app`` and the class hub) call :func:`start` when
they start: a background thread imports the libraries the notebook will need
while the kernel already answers, so a cell run during the import simply
waits for the module it needs (Python's import lock) and none runs twice.

The third-party libraries come first, then the workbook's own modules the
notebook's cells import, in the cells' order. Notebook 03's kernel then works
the dashboard of the chosen workspace out
(:func:`~leadnet_helpers.app.dashboard.work_out_ahead`: the analysis and every
figure; in Voilà the page takes seconds to load before it runs a cell). Nothing
shown can be stale: the dashboard takes what was worked out only if it was
worked out from the analysis of the workspace as it is when the cell runs (a
change from any notebook since, and it works everything out again), and a cell
asking while it is being worked out waits for it instead of doing it twice.
With no workspace chosen yet nothing is read: the cell makes the sample copy
and says so. A cell that
imports a module the thread is importing waits for it (Python's per-module
import locks). Two threads could only see each other's modules
half-initialised if module-level imports formed a cycle, which
``tests/test_preload.py`` checks the package never does. A kernel whose
notebook is not known, or whose notebook needs none of the heavy libraries,
imports nothing more. Memory: notebook 03's set is about 80 MB (a bare kernel 38 MB,
116 MB after the preload, 134 MB with the dashboard's own modules), which its cells
would load a few seconds later anyway; the preload only moves it earlier.

Python's cyclic garbage collector is off while the thread imports (and back on after,
unless it was off before). The imports make some 220,000 objects that live as long as
the kernel, and the collector kept walking them as they came: about 120 ms of a 0.8-s
notebook-03 preload (measured with ``gc.callbacks``). Once the libraries are in,
:func:`gc.freeze` moves their objects out of the collector's sight, so the
collections the kernel runs later (in a click, say) do not walk them again either. The
dashboard is worked out ahead with the collector on: with it off, a 30,000-contact
dashboard's garbage would all be walked by the first collection after, in the cell. See
the :mod:`gc` documentation (``gc.freeze``, ``gc.disable``).

Examples
--------
>>> modules_for("notebooks/03_see_your_gaps.ipynb")[:2]
('pandas', 'scipy.sparse')
>>> modules_for("01_map_your_contacts.ipynb")
('pandas', 'ipywidgets')
>>> modules_for(None)
()
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import PurePath
from urllib.parse import urlsplit

__all__ = ["AHEAD", "HEAVY", "VOILA_SINGLE", "kernel_notebook", "modules_for", "start"]

#: What each notebook imports that takes long, by the number its file name starts with
#: (third-party libraries, then the workbook's modules in the order its cells import them);
#: any other workbook notebook gets ``"*"``.
HEAVY: dict[str, tuple[str, ...]] = {
    "03": (
        "pandas",
        "scipy.sparse",
        "scipy.sparse.csgraph",
        "networkx",
        "ipywidgets",
        "plotly.graph_objects",
        # the workbook's own modules, as the notebook's cells import them (0.3 s at first use)
        "leadnet_helpers.workbook",
        "leadnet_helpers.widgets.key_contacts",
        "leadnet_helpers.widgets.dashboard",
    ),
    "*": ("pandas", "ipywidgets"),
}


def modules_for(notebook: str | None) -> tuple[str, ...]:
    """The libraries to import ahead for the notebook file *notebook* (none if unknown).

    Examples
    --------
    >>> modules_for("my_own_analysis.ipynb")
    ()
    """
    if not notebook:
        return ()
    name = PurePath(notebook).name
    number = name[:2]
    if not (name.endswith(".ipynb") and number.isdigit()):
        return ()
    return HEAVY.get(number, HEAVY["*"])


def _work_out_dashboard() -> None:
    """Notebook 03: work the chosen workspace's dashboard out ahead (none chosen: nothing)."""
    from ..paths import current_workspace_path

    if current_workspace_path() is None:
        return
    from ..workbook import current_workspace
    from .dashboard import work_out_ahead

    work_out_ahead(current_workspace())


#: What a notebook's kernel works out ahead once its libraries are imported.
AHEAD: dict[str, Callable[[], None]] = {"03": _work_out_dashboard}


#: What stopped this kernel's preload, as its traceback (None: nothing did, or none ran).
#: The cell that needs the module imports it again and shows any error there.
stopped_by: str | None = None


def _import_all(
    modules: tuple[str, ...],
    then: Callable[[], None] | None = None,
    after_leaving_path: str | None = None,
) -> None:
    global stopped_by
    # IPython runs the startup file with its folder put first on sys.path and takes it off
    # when the file has run: an import looking along sys.path as it shrinks can skip an
    # entry (site-packages: "No module named 'pandas'"), so wait for it to go (at most 2 s).
    waited = 0
    while after_leaving_path is not None and after_leaving_path in sys.path and waited < 200:
        time.sleep(0.01)
        waited += 1
    try:
        _import_frozen(modules)
        if then is not None:
            then()
    except Exception:  # noqa: BLE001 - what fails here fails again, visibly, in the cell
        import traceback

        stopped_by = traceback.format_exc()


def _import_frozen(modules: tuple[str, ...]) -> None:
    """Import *modules* with the collector off, then freeze what they made (module docstring).

    The collector is as it was after, also when an import fails.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        for module in modules:
            importlib.import_module(module)
        # what the imports made lives as long as the kernel: later collections skip it
        gc.freeze()
    finally:
        if collecting:
            gc.enable()


#: The notebook a Voilà serving one notebook alone runs (``make voila``: the dashboard).
VOILA_SINGLE = "03_see_your_gaps.ipynb"


def kernel_notebook(environ: Mapping[str, str] | None = None) -> str | None:
    """The notebook this kernel was started for, as its server tells it (None if unknown).

    JupyterLab's server names it (``JPY_SESSION_NAME``). Voilà gives the page's
    address (``VOILA_REQUEST_URL``): the notebook's path in the app of every step
    (``make app``), the bare address when it serves one notebook alone, which
    in this workbook is the dashboard (``make voila``, :data:`VOILA_SINGLE`). Voilà
    starts the kernel as the page is asked for, and the page then takes a second or
    two to load before it runs the first cell: time for the preload.

    Examples
    --------
    >>> kernel_notebook({"JPY_SESSION_NAME": "notebooks/01_map_your_contacts.ipynb"})
    'notebooks/01_map_your_contacts.ipynb'
    >>> kernel_notebook(
    ...     {"VOILA_REQUEST_URL": "http://127.0.0.1:8866/voila/render/04_plan.ipynb?x=1"}
    ... )
    '/voila/render/04_plan.ipynb'
    >>> kernel_notebook({"VOILA_REQUEST_URL": "http://127.0.0.1:8866/"})
    '03_see_your_gaps.ipynb'
    >>> kernel_notebook({}) is None
    True
    """
    env = os.environ if environ is None else environ
    if env.get("JPY_SESSION_NAME"):
        return env["JPY_SESSION_NAME"]
    url = env.get("VOILA_REQUEST_URL")
    if url is None:
        return None
    path = urlsplit(url).path
    return path if path.endswith(".ipynb") else VOILA_SINGLE


def start(
    notebook: str | None = None, *, after_leaving_path: str | None = None
) -> threading.Thread | None:
    """Start importing *notebook*'s heavy libraries in a background thread (then :data:`AHEAD`).

    *notebook* defaults to the kernel's notebook (:func:`kernel_notebook`). A kernel's
    startup file passes its own folder as *after_leaving_path* when IPython has put it on
    ``sys.path`` for the file's run: the thread imports once it is off again.
    Returns the thread, or None when there is nothing to import (any failure of the
    thread is kept in :data:`stopped_by`).

    Examples
    --------
    >>> start("README.md") is None
    True
    """
    notebook = notebook if notebook is not None else kernel_notebook()
    modules = modules_for(notebook)
    if not modules:
        return None
    then = AHEAD.get(PurePath(notebook or "").name[:2])
    thread = threading.Thread(
        target=_import_all,
        args=(modules, then, after_leaving_path),
        name="leadnet-preload",
        daemon=True,
    )
    thread.start()
    return thread
