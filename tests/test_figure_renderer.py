"""LeadNet's figure renderer: installed where Jupyter finds it, and what the dashboard sends it.

The renderer itself (``jupyter/labextensions/leadnet-plotly``) is JavaScript; the browser
tests of notebook 03 (tests/browser/test_dashboard_in_lab.py) check, in JupyterLab and in
Voilà, that it draws every figure (and jupyterlab-plotly none) and that each figure follows
its output's width, and with which build of plotly.js (the basic build it ships, or the
whole of plotly.js for other traces or another plotly.js version).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

from leadnet_helpers.app import dashboard, figure_renderer
from leadnet_helpers.app.figure_renderer import (
    EXTENSION_NAME,
    LEADNET_FIGURE_MIME,
    PLOTLY_MIME,
    figure_mime,
    plotlyjs_version,
    renderer_installed,
)

REPO = Path(__file__).resolve().parents[1]
EXTENSION = REPO / "jupyter" / "labextensions" / EXTENSION_NAME


def test_the_extension_declares_a_mime_renderer_jupyterlab_can_load():
    package = json.loads((EXTENSION / "package.json").read_text())
    assert package["name"] == EXTENSION_NAME
    build = package["jupyterlab"]["_build"]
    assert build["mimeExtension"] == "./mimeExtension"
    entry = (EXTENSION / build["load"]).read_text()
    # the JavaScript reads the mime type the Python side sends (one name, two languages)
    assert f'"{LEADNET_FIGURE_MIME}"' in entry
    assert "_JUPYTERLAB[NAME]" in entry and f'var NAME = "{EXTENSION_NAME}"' in entry


def test_jupyterlab_lists_the_renderer_as_enabled():
    """The install (make's link into the venv, or the wheel's data files) is where Lab looks."""
    listed = subprocess.run(
        [sys.executable, "-m", "jupyter", "labextension", "list"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [
        line for line in (listed.stdout + listed.stderr).splitlines() if EXTENSION_NAME in line
    ]
    assert lines and "enabled" in lines[0] and "OK" in lines[0], listed.stdout + listed.stderr
    assert renderer_installed()


def test_the_installed_renderer_carries_the_whole_plotlyjs_the_kernel_makes_figures_for():
    """make's install copies the renderer and plotly's own plotly.min.js where Jupyter looks
    (scripts/install-renderer.sh): Voilà then draws the WebGL maps without jupyterlab-plotly."""
    static = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / EXTENSION_NAME / "static"
    if not (static / "plotly.min.js").is_file():
        pytest.skip("not installed by make (a wheel install borrows jupyterlab-plotly's)")
    head = (static / "plotly.min.js").read_text(encoding="utf-8")[:200]
    assert f"plotly.js v{plotlyjs_version()}" in head, head
    # the copy is the repository's renderer as it is now (make copies it again on a change)
    for name in ("remoteEntry.js", "plotly-basic.min.js", "plotly-gl2d.min.js"):
        assert (static / name).read_bytes() == (EXTENSION / "static" / name).read_bytes(), name


def test_the_dashboard_sends_figures_to_leadnets_renderer():
    out = dashboard.figure_output(go.Figure(go.Bar(y=[1, 2])))
    assert figure_mime() == LEADNET_FIGURE_MIME
    assert set(out["data"]) == {LEADNET_FIGURE_MIME, "text/plain"}
    assert json.loads(out["data"][LEADNET_FIGURE_MIME])["data"][0]["y"] == [1, 2]
    assert dashboard.figure_spec(out)["data"][0]["y"] == [1, 2]
    # the plotly.js the figure was made for: the renderer's basic build draws it only then
    assert out["metadata"] == {LEADNET_FIGURE_MIME: {"plotlyjs": plotlyjs_version()}}


def basic_build_version() -> str:
    """The version the shipped plotly.js basic build declares in its first lines."""
    head = (EXTENSION / "static" / "plotly-basic.min.js").read_text()[:200]
    found = re.search(r"plotly\.js \(basic - minified\) v(\d+\.\d+\.\d+)", head)
    assert found, head
    return found.group(1)


def test_the_renderer_ships_plotlys_basic_build_with_its_licence():
    """The build the renderer loads (by a script beside it) and plotly.js's MIT licence."""
    static = EXTENSION / "static"
    entry = (static / "remoteEntry.js").read_text()
    assert 'file: "plotly-basic.min.js"' in entry
    assert "MIT" in (static / "plotly-basic.LICENSE").read_text()
    # the build sets window.Plotly; the renderer takes it and puts back what the page had
    assert "window.Plotly = Plotly" in (static / "plotly-basic.min.js").read_text()[-300:]
    assert re.fullmatch(r"\d+\.\d+\.\d+", basic_build_version())


def test_the_renderer_ships_plotlys_gl2d_build_for_the_webgl_maps():
    """The WebGL maps' build (scripts/update-plotly-basic.sh fetches both builds at once): the
    basic build's version, its licence, and the global the renderer takes and puts back."""
    static = EXTENSION / "static"
    entry = (static / "remoteEntry.js").read_text()
    assert 'file: "plotly-gl2d.min.js"' in entry
    assert "MIT" in (static / "plotly-gl2d.LICENSE").read_text()
    build = (static / "plotly-gl2d.min.js").read_text()
    assert f"plotly.js (gl2d - minified) v{basic_build_version()}" in build[:200]
    assert "window.Plotly = Plotly" in build[-300:]


def test_plotlyjs_version_is_the_one_plotly_makes_figures_for():
    from plotly.offline import get_plotlyjs_version

    assert plotlyjs_version() == get_plotlyjs_version()


@pytest.fixture
def no_renderer(monkeypatch):
    monkeypatch.setattr(figure_renderer, "renderer_installed", lambda paths=None: False)
    figure_mime.cache_clear()
    yield
    figure_mime.cache_clear()


def test_without_the_renderer_figures_go_to_plotlys_own(no_renderer):
    """A server without leadnet-plotly (another environment) still draws every figure."""
    out = dashboard.figure_output(go.Figure(go.Bar(y=[3])))
    assert set(out["data"]) == {PLOTLY_MIME, "text/plain"}
    assert out["metadata"] == {}
    assert out["data"][PLOTLY_MIME]["data"][0]["y"] == [3]  # plotly's own reads the JSON itself
    assert dashboard.figure_spec(out)["data"][0]["y"] == [3]


def test_the_renderer_is_found_through_jupyter_path(tmp_path, monkeypatch):
    """JUPYTER_PATH (as make app sets it to jupyter/) is one of the places looked in."""
    monkeypatch.setenv("JUPYTER_PATH", str(REPO / "jupyter"))
    from jupyter_core.paths import jupyter_path

    assert str(REPO / "jupyter" / "labextensions") in jupyter_path("labextensions")
    assert renderer_installed([REPO / "jupyter" / "labextensions"])
    assert not renderer_installed([tmp_path])
