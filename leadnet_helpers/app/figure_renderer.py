"""Which renderer draws the dashboard's figures in the browser, and the mime type it reads.

JupyterLab and Voilà draw a figure output with the renderer registered for its mime
type. plotly's own (``application/vnd.plotly.v1+json``, the jupyterlab-plotly extension
of the ``plotly`` package) draws each figure three times: ``Plotly.react``, a
``Plotly.redraw`` on its first update, then ``Plotly.toImage`` to keep a PNG copy in the
notebook. LeadNet ships a small renderer of its own, the ``leadnet-plotly`` extension
(``jupyter/labextensions/leadnet-plotly``, installed into
``share/jupyter/labextensions`` with the package), which reads
:data:`LEADNET_FIGURE_MIME`, draws each figure once, and on a change of width only
resizes it. It draws a figure of scatter, bar and pie traces with plotly.js's "basic"
build, which it ships (a sixth of the whole to load), and the WebGL maps of a large
workspace (scattergl) with plotly.js's "gl2d" build, which it ships too (a quarter of
the whole to load), when the figure was made for that build's version
(:func:`plotlyjs_version`, sent in the output's metadata); any other figure with the
whole plotly.js, once per page.

A kernel whose Python has no ``leadnet-plotly`` extension (a server running from another
environment than the workbook's kernel) gets plotly's own mime type, drawn as before.

References
----------
plotly.py pull request 1623 added the PNG copy to jupyterlab-plotly's renderer.
JupyterLab's "Extension Tutorial" and "Mime renderer extensions" documentation describe
the ``IRenderMime.IExtension`` the extension provides.

Examples
--------
>>> figure_mime() in (LEADNET_FIGURE_MIME, PLOTLY_MIME)
True
>>> renderer_installed(paths=[])
False
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "EXTENSION_NAME",
    "LEADNET_FIGURE_MIME",
    "PLOTLY_MIME",
    "PREPARE_MIME",
    "figure_mime",
    "panel_widget_installed",
    "plotlyjs_version",
    "prepare_dashboard",
    "prepare_for_webgl",
    "prepare_output",
    "renderer_installed",
]

#: The mime type of plotly's own renderer (the jupyterlab-plotly extension of ``plotly``).
PLOTLY_MIME = "application/vnd.plotly.v1+json"
#: The mime type LeadNet's renderer reads: plotly's figure JSON (data, layout, config) as
#: one string of JSON text (version 2; version 1 sent the JSON itself), see
#: :func:`~leadnet_helpers.app.dashboard.figure_output`.
LEADNET_FIGURE_MIME = "application/vnd.leadnet.plotly.v2+json"
#: The mime type of a note to LeadNet's renderer, shown before a notebook works out WebGL
#: figures (:func:`prepare_output`): the page loads the plotly.js that draws them while the
#: kernel works, not after the figures arrive. The note itself shows nothing.
PREPARE_MIME = "application/vnd.leadnet.plotly-prepare+json"
#: The name of LeadNet's JupyterLab extension (its folder under ``labextensions``).
EXTENSION_NAME = "leadnet-plotly"


def renderer_installed(paths: Iterable[str | Path] | None = None) -> bool:
    """Whether LeadNet's figure renderer is installed where Jupyter looks for extensions.

    Parameters
    ----------
    paths : iterable of str or Path, optional
        The ``labextensions`` folders to look in; by default Jupyter's own
        (``jupyter_core.paths.jupyter_path("labextensions")``: ``JUPYTER_PATH``, the
        user's folder, then this Python's ``share/jupyter``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> renderer_installed(paths=[folder])
    False
    >>> (folder / EXTENSION_NAME).mkdir()
    >>> _ = (folder / EXTENSION_NAME / "package.json").write_text("{}")
    >>> renderer_installed(paths=[folder])
    True
    """
    return _installed_package(paths) is not None


def _installed_package(paths: Iterable[str | Path] | None = None) -> dict[str, Any] | None:
    """The ``package.json`` of the ``leadnet-plotly`` extension Jupyter would load (the first
    found), or None."""
    if paths is None:
        from jupyter_core.paths import jupyter_path

        paths = jupyter_path("labextensions")
    for folder in paths:
        package = Path(folder) / EXTENSION_NAME / "package.json"
        if package.is_file():
            try:
                found = json.loads(package.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                found = {}
            return found if isinstance(found, dict) else {}
    return None


@functools.cache
def panel_widget_installed(paths: tuple[str, ...] | None = None) -> bool:
    """Whether the installed ``leadnet-plotly`` extension also draws the dashboard's panel
    widget (:class:`~leadnet_helpers.widgets.figure_panel.FigurePanel`): its ``package.json``
    names the ``./extension`` plugin that registers it. An older copy of the extension,
    found first, draws figure outputs only. Looked up once per kernel.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / EXTENSION_NAME).mkdir()
    >>> package = folder / EXTENSION_NAME / "package.json"
    >>> _ = package.write_text(json.dumps({"jupyterlab": {"_build": {"mimeExtension": "./m"}}}))
    >>> panel_widget_installed((str(folder),))
    False
    >>> _ = package.write_text(json.dumps({"jupyterlab": {"_build": {"extension": "./extension"}}}))
    >>> panel_widget_installed.cache_clear()
    >>> panel_widget_installed((str(folder),))
    True
    """
    package = _installed_package(paths)
    build = ((package or {}).get("jupyterlab") or {}).get("_build") or {}
    return isinstance(build, dict) and build.get("extension") == "./extension"


@functools.cache
def figure_mime() -> str:
    """The mime type the dashboard sends its figures as: LeadNet's renderer's when installed.

    Looked up once per kernel (:func:`renderer_installed`).

    Examples
    --------
    >>> figure_mime() == (LEADNET_FIGURE_MIME if renderer_installed() else PLOTLY_MIME)
    True
    """
    return LEADNET_FIGURE_MIME if renderer_installed() else PLOTLY_MIME


@functools.cache
def plotlyjs_version() -> str:
    """The version of plotly.js the ``plotly`` package makes its figures for (``""``: unknown).

    LeadNet's renderer draws a figure with its own plotly.js "basic" build only when the
    build is this version; otherwise with the plotly.js of ``plotly``'s own extension.

    Examples
    --------
    >>> plotlyjs_version().count(".") == 2 or plotlyjs_version() == ""
    True
    """
    try:
        from plotly.offline._plotlyjs_version import __plotlyjs_version__
    except ImportError:  # a plotly without the file: the renderer uses the whole plotly.js
        return ""
    return str(__plotlyjs_version__)


def prepare_output() -> dict[str, Any]:
    """The note (one notebook output) that tells LeadNet's renderer to load the WebGL plotly.js now.

    The WebGL maps of a large workspace are drawn with plotly.js's gl2d build, which holds
    the page about 0.25 s while it loads (the whole plotly.js, which drew them before, 1-2
    s). In Voila, which runs the notebook as the page opens, that came after the figures
    had arrived; loaded on this note, it happens while the kernel works the figures out.
    The note shows nothing (an empty text elsewhere).

    Examples
    --------
    >>> out = prepare_output()
    >>> out["data"][PREPARE_MIME], out["data"]["text/plain"]
    ({'plotly': 'webgl'}, '')
    """
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {PREPARE_MIME: {"plotly": "webgl"}, "text/plain": ""},
    }


def prepare_for_webgl(contacts: int) -> bool:
    """Show :func:`prepare_output` when a dashboard of this size draws WebGL maps.

    Only in a kernel with LeadNet's renderer installed, and only when the maps need it
    (:func:`~leadnet_helpers.plots.needs_webgl`). Returns whether the note was shown.

    Examples
    --------
    >>> prepare_for_webgl(30_000)  # no kernel here: nothing shown
    False
    """
    from ..plots import needs_webgl

    if not needs_webgl(contacts) or figure_mime() != LEADNET_FIGURE_MIME:
        return False
    from IPython import get_ipython

    if get_ipython() is None:
        return False
    from IPython.display import display

    out = prepare_output()
    display(out["data"], raw=True, metadata=out["metadata"])
    return True


def prepare_dashboard(ws: Workspace) -> bool:
    """Get the page ready for the dashboard of *ws* before it is worked out (notebook 03).

    Shows :func:`prepare_output` when the dashboard's maps will be drawn with WebGL
    (:func:`prepare_for_webgl`, counted with
    :func:`~leadnet_helpers.analysis.measured_contacts`). Call it in a cell before the
    dashboard's: Voilà sends a cell's outputs when the cell has run, so the page gets the
    note while the next cells work the figures out. Returns whether the note was shown.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> prepare_dashboard(open_sample("ana-lucia-ferreira"))  # 54 contacts: no WebGL
    False
    """
    from ..analysis import measured_contacts

    return prepare_for_webgl(measured_contacts(ws))
