"""One panel of the gaps dashboard: a figure and its reading, updated in place.

A :class:`FigurePanel` is a widget of LeadNet's own, drawn in the browser by the
``leadnet-plotly`` extension (``jupyter/labextensions/leadnet-plotly``), the one that
draws the dashboard's figures (:mod:`~leadnet_helpers.app.figure_renderer`). When the
filters change, the kernel sets the panel's ``figure`` and ``reading`` and the page
updates the drawing it has with ``Plotly.react``, where it stands.

Why not an ``ipywidgets.Output`` holding the figure's output: setting an Output's
outputs clears its output area and adds new outputs, so the old drawing was moved into
the new output, and a moved drawing has its every element's style and layout worked out
again by the browser before plotly.js can update it. At 500 contacts (Voilà, headless
Chromium, 2 cores) the six figures' updates took 200-290 ms in a filter change, against
140-160 ms for the same updates on drawings that stay in place
(``benchmarks/bench_browser.py``).

Where the extension is not installed (a server from another environment than the
kernel's), the dashboard keeps Output panels drawn by plotly's own renderer
(:func:`panel_for`).

References
----------
ipywidgets' "Low Level Widget Explanation" describes a widget's model and view, synced
between the kernel and the page.

Examples
--------
>>> import plotly.graph_objects as go
>>> from leadnet_helpers.app.dashboard import figure_output
>>> panel = FigurePanel("balance")
>>> shown = figure_output(go.Figure({"data": [{"type": "bar", "y": [1]}]}))
>>> reading = {
...     "output_type": "display_data",
...     "metadata": {},
...     "data": {"text/html": "<p>Even.</p>", "text/plain": "Even."},
... }
>>> panel.show(shown, reading)
>>> panel.reading, panel.outputs == (shown, reading)
('<p>Even.</p>', True)
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from traitlets import Unicode

from ..app.figure_renderer import (
    EXTENSION_NAME,
    LEADNET_FIGURE_MIME,
    figure_mime,
    panel_widget_installed,
)

__all__ = ["WIDGET_VERSION", "FigurePanel", "OutputPanel", "panel_for"]

#: The version of the panel's model and view in the ``leadnet-plotly`` extension
#: (its ``WIDGET_VERSION``); the kernel asks for any 1.x.
WIDGET_VERSION = "1.0.0"


def _mark(panel: widgets.DOMWidget, key: str) -> str:
    """Give *panel* the classes the page's styles, tests and benchmarks find it by; return *key*."""
    panel.add_class("leadnet-panel")
    panel.add_class(f"leadnet-panel-{key}")
    return key


class OutputPanel(widgets.Output):
    """A panel as an ``ipywidgets.Output`` whose two outputs are a figure (or the gap
    list's table) and its reading; a cheap ``repr``: no figure data.

    The gap list, a table of text, is shown so; so is every panel where LeadNet's
    extension is not installed.
    """

    def __init__(self, key: str, layout: widgets.Layout) -> None:
        super().__init__(layout=layout)
        self.key = _mark(self, key)

    def __repr__(self) -> str:
        return f"Panel({self.key!r})"

    def show(self, shown_as: dict[str, Any], reading: dict[str, Any]) -> None:
        """Show *shown_as* (a figure's or the gap list's output) and *reading* (an HTML
        output) in place of what the panel showed."""
        # set, not captured with `with output:`: works from any callback, in Lab and Voilà
        self.outputs = (shown_as, reading)


class FigurePanel(widgets.DOMWidget):
    """A dashboard figure and its reading, drawn by LeadNet's extension and updated in place.

    Attributes
    ----------
    figure : str
        The figure's JSON text, as :func:`~leadnet_helpers.app.dashboard.figure_output`
        sends it to LeadNet's renderer.
    plotlyjs : str
        The plotly.js version the figure was made for.
    reading : str
        The reading beneath the figure: HTML whose text is escaped
        (:func:`~leadnet_helpers.widgets.dashboard.reading_html`).
    outputs : tuple of dict
        What the panel shows, as the two outputs an Output panel would hold.
    """

    _model_name = Unicode("FigurePanelModel").tag(sync=True)
    _model_module = Unicode(EXTENSION_NAME).tag(sync=True)
    _model_module_version = Unicode(f"^{WIDGET_VERSION}").tag(sync=True)
    _view_name = Unicode("FigurePanelView").tag(sync=True)
    _view_module = Unicode(EXTENSION_NAME).tag(sync=True)
    _view_module_version = Unicode(f"^{WIDGET_VERSION}").tag(sync=True)
    figure = Unicode("").tag(sync=True)
    plotlyjs = Unicode("").tag(sync=True)
    reading = Unicode("").tag(sync=True)

    def __init__(self, key: str, layout: widgets.Layout | None = None) -> None:
        super().__init__(layout=layout or widgets.Layout())
        self.key = _mark(self, key)
        self._shown: tuple[dict[str, Any], ...] = ()

    def __repr__(self) -> str:
        return f"FigurePanel({self.key!r})"

    @property
    def outputs(self) -> tuple[dict[str, Any], ...]:
        """The figure's output and the reading's, as last shown."""
        return self._shown

    def show(self, shown_as: dict[str, Any], reading: dict[str, Any]) -> None:
        """Show a figure's output (:func:`~leadnet_helpers.app.dashboard.figure_output`, in
        LeadNet's mime type) and its reading (an HTML output), in one message to the page."""
        text = shown_as["data"].get(LEADNET_FIGURE_MIME)
        if not isinstance(text, str):
            raise TypeError(
                f"a FigurePanel draws {LEADNET_FIGURE_MIME} outputs (LeadNet's renderer): "
                "show this figure in an OutputPanel"
            )
        about = shown_as.get("metadata", {}).get(LEADNET_FIGURE_MIME, {})
        self._shown = (shown_as, reading)
        new = {
            "figure": text,
            "plotlyjs": str(about.get("plotlyjs", "")),
            "reading": str(reading["data"].get("text/html", "")),
        }
        changed = {name: value for name, value in new.items() if getattr(self, name) != value}
        if changed:  # a figure a filter left as it was is neither sent nor drawn again
            with self.hold_sync():
                for name, value in changed.items():
                    setattr(self, name, value)


def panel_for(
    key: str, layout: widgets.Layout, *, figure: bool = True
) -> OutputPanel | FigurePanel:
    """The panel that shows *key*: a :class:`FigurePanel` for a figure where LeadNet's
    renderer is installed (:func:`~leadnet_helpers.app.figure_renderer.figure_mime`) in a
    version that draws the panel widget
    (:func:`~leadnet_helpers.app.figure_renderer.panel_widget_installed`), else an
    :class:`OutputPanel`.

    Examples
    --------
    >>> layout = widgets.Layout()
    >>> type(panel_for("gaps", layout, figure=False)).__name__
    'OutputPanel'
    >>> drawn_by_leadnet = figure_mime() == LEADNET_FIGURE_MIME and panel_widget_installed()
    >>> isinstance(panel_for("ego", layout), FigurePanel) == drawn_by_leadnet
    True
    """
    if figure and figure_mime() == LEADNET_FIGURE_MIME and panel_widget_installed():
        return FigurePanel(key, layout)
    return OutputPanel(key, layout)
