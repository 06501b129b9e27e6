"""The dashboard's panels: a figure and its reading sent to the page in one message, and
updated where they stand (leadnet_helpers.widgets.figure_panel)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import pytest

from leadnet_helpers.app import figure_renderer
from leadnet_helpers.app.dashboard import figure_output, figure_spec
from leadnet_helpers.app.figure_renderer import LEADNET_FIGURE_MIME, PLOTLY_MIME
from leadnet_helpers.personas import open_sample
from leadnet_helpers.plots import FIGURES, PLOTTED
from leadnet_helpers.widgets import dashboard_view, figure_panel
from leadnet_helpers.widgets.figure_panel import FigurePanel, OutputPanel, panel_for

TODAY = date(2026, 11, 21)


def reading(text: str) -> dict:
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {"text/html": f"<p>{text}</p>", "text/plain": text},
    }


@pytest.fixture
def sent(monkeypatch):
    """The names of the traits in each state message a FigurePanel sends to the page."""
    messages: list[set[str]] = []

    def send_state(self, key=None):
        messages.append({key} if isinstance(key, str) else set(key or ()))

    monkeypatch.setattr(FigurePanel, "send_state", send_state)
    return messages


@pytest.fixture
def leadnet_renderer(monkeypatch):
    monkeypatch.setattr(figure_panel, "panel_widget_installed", lambda: True)
    monkeypatch.setattr(figure_panel, "figure_mime", lambda: LEADNET_FIGURE_MIME)
    monkeypatch.setattr("leadnet_helpers.app.dashboard.figure_mime", lambda: LEADNET_FIGURE_MIME)


def test_a_figure_and_its_reading_reach_the_page_in_one_message(sent, leadnet_renderer):
    panel = FigurePanel("balance")
    sent.clear()  # the panel's classes, set as it was made
    shown = figure_output(go.Figure({"data": [{"type": "bar", "y": [1, 2]}]}))
    panel.show(shown, reading("Even."))
    assert len(sent) == 1
    assert sent[0] == {"figure", "plotlyjs", "reading"}
    assert figure_spec(shown)["data"][0]["y"] == [1, 2]
    assert panel.figure == shown["data"][LEADNET_FIGURE_MIME]
    assert panel.plotlyjs == figure_renderer.plotlyjs_version()
    assert panel.reading == "<p>Even.</p>"
    assert panel.outputs == (shown, reading("Even."))
    assert panel._view_module == "leadnet-plotly"  # the extension that draws it


def test_what_did_not_change_is_not_sent_again(sent, leadnet_renderer):
    panel = FigurePanel("balance")
    sent.clear()
    shown = figure_output(go.Figure({"data": [{"type": "bar", "y": [1, 2]}]}))
    panel.show(shown, reading("Even."))
    panel.show(shown, reading("Even."))  # a filter that leaves this figure as it was
    assert len(sent) == 1
    panel.show(shown, reading("Uneven."))  # only the reading changed: only it is sent
    assert sent[-1] == {"reading"}
    assert panel.reading == "<p>Uneven.</p>"


def test_a_figure_in_plotlys_own_mime_type_is_refused_with_the_fix(monkeypatch):
    monkeypatch.setattr("leadnet_helpers.app.dashboard.figure_mime", lambda: PLOTLY_MIME)
    shown = figure_output(go.Figure({"data": [{"type": "bar", "y": [1]}]}))
    with pytest.raises(TypeError, match="show this figure in an OutputPanel"):
        FigurePanel("balance").show(shown, reading("Even."))


def test_panels_are_figure_panels_only_where_leadnets_renderer_is_installed(monkeypatch):
    layout = figure_panel.widgets.Layout()
    monkeypatch.setattr(figure_panel, "figure_mime", lambda: LEADNET_FIGURE_MIME)
    monkeypatch.setattr(figure_panel, "panel_widget_installed", lambda: True)
    assert isinstance(panel_for("ego", layout), FigurePanel)
    assert isinstance(panel_for("gaps", layout, figure=False), OutputPanel)  # a table of text
    # an older copy of the extension, found first, draws figure outputs but not the panel
    monkeypatch.setattr(figure_panel, "panel_widget_installed", lambda: False)
    assert isinstance(panel_for("ego", layout), OutputPanel)
    monkeypatch.setattr(figure_panel, "panel_widget_installed", lambda: True)
    monkeypatch.setattr(figure_panel, "figure_mime", lambda: PLOTLY_MIME)
    assert isinstance(panel_for("ego", layout), OutputPanel)
    assert repr(panel_for("ego", layout)) == "Panel('ego')"


def test_the_dashboard_falls_back_to_output_panels_drawn_by_plotlys_renderer(home, monkeypatch):
    monkeypatch.setattr(figure_panel, "figure_mime", lambda: PLOTLY_MIME)
    monkeypatch.setattr("leadnet_helpers.app.dashboard.figure_mime", lambda: PLOTLY_MIME)
    ws = open_sample("ana-lucia-ferreira")
    try:
        view = dashboard_view(ws, today=TODAY)
        assert all(isinstance(view.panel(k), OutputPanel) for k in FIGURES)
        shown, said = view.panel("ego").outputs
        assert shown["data"][PLOTLY_MIME]["data"][0]["name"] == "You"
        assert said["data"]["text/html"] == view.readings["ego"].value
    finally:
        ws.close()


def test_the_dashboard_updates_its_figure_panels_in_place(home, sent, leadnet_renderer):
    ws = open_sample("ana-lucia-ferreira")
    try:
        view = dashboard_view(ws, today=TODAY)
        panels = dict(view.panels)
        assert all(isinstance(panels[k], FigurePanel) for k in PLOTTED)
        before = {k: panels[k].figure for k in PLOTTED}
        sent.clear()
        view.type_buttons["operational"].value = False
        assert all(view.panel(k) is panels[k] for k in FIGURES)
        changed = [k for k in PLOTTED if panels[k].figure != before[k]]
        assert {"balance", "ego", "ties"} <= set(changed)
        # one message per changed panel: its figure and reading together
        assert sum("figure" in m for m in sent) == len(changed)
        assert all("reading" in m for m in sent if "figure" in m)
        assert '"Strategic (6)"' in panels["ego"].figure
    finally:
        ws.close()


def test_the_shipped_extension_draws_the_panel_widget():
    shipped = Path(__file__).resolve().parents[1] / "jupyter" / "labextensions"
    assert figure_renderer.panel_widget_installed((str(shipped),))
    script = (shipped / "leadnet-plotly" / "static" / "remoteEntry.js").read_text()
    # the model and view the kernel asks for, at the version it asks for
    assert f'var WIDGET_VERSION = "{figure_panel.WIDGET_VERSION}";' in script
    assert "FigurePanelModel" in script and "FigurePanelView" in script
