"""Notebook 03 in a real JupyterLab and Chromium: every figure renders, filters redraw them.

The test opens the notebook on a fresh copy of the sample persona Ana Lucía
Ferreira (54 contacts: 37 operational, 11 personal, 6 strategic), runs every
cell, waits until each of the dashboard's plotly figures has drawn its SVG,
then switches the operational and personal networks off and the
inside/outside filter to "outside", and reads the redrawn legends, readings
and status line on the page.
"""

from __future__ import annotations

import pytest

from leadnet_helpers import paths, personas
from leadnet_helpers.plots import FIGURES

from .test_notebooks_in_lab import open_and_run_all

pytestmark = pytest.mark.browser

NOTEBOOK = "03_see_your_gaps.ipynb"

_RENDERED = """(keys) => keys.every(k => {
  const panel = document.querySelector('.leadnet-panel-' + k);
  return !!panel && !!panel.querySelector('.js-plotly-plot .main-svg');
})"""

_LEGEND = """(key) => Array.from(document.querySelectorAll(
  '.leadnet-panel-' + key + ' .legendtext')).map(e => e.textContent)"""


@pytest.fixture
def sample_chosen(lab, monkeypatch):
    """Make the sample persona the workspace the notebooks open (whatever ran before)."""
    monkeypatch.setenv("LEADNET_HOME", str(lab.leadnet_home))
    ws = personas.open_sample("ana-lucia-ferreira")
    paths.remember_current_workspace(ws.path)
    ws.close()


def legend(page, key: str) -> list[str]:
    return page.evaluate(_LEGEND, key)


def readings(page) -> dict[str, str]:
    # textContent: JupyterLab skips rendering cells out of view, so innerText may be empty
    return {key: page.locator(f".leadnet-panel-{key} .leadnet-reading").text_content()
            for key in FIGURES}


def test_03_every_figure_renders_and_filters_redraw_them(page, lab, shoot, sample_chosen):
    open_and_run_all(page, lab, NOTEBOOK)
    page.wait_for_function(_RENDERED, arg=list(FIGURES), timeout=90_000)
    drawn = page.locator(".leadnet-panel .js-plotly-plot").count()
    assert drawn == len(FIGURES), f"{drawn} figures drawn, {len(FIGURES)} expected"
    status = page.locator(".leadnet-dashboard-status")
    assert "Showing all 54 contacts." in status.text_content()
    # a figure's traces arrive after its frame: wait for them, then check what they say
    page.wait_for_function(f"() => ({_LEGEND})('ego').length >= 3", timeout=60_000)
    ego = legend(page, "ego")
    assert {"Operational (37)", "Personal (11)", "Strategic (6)"} <= set(ego), ego
    before = readings(page)
    assert all(before.values()), before
    page.locator(".leadnet-panel-ego").scroll_into_view_if_needed()
    shoot(page, "03-1-ego-map-everyone")

    filters = page.locator(".leadnet-dashboard-filters")
    filters.scroll_into_view_if_needed()
    filters.locator(".leadnet-type-operational").click()
    filters.locator(".leadnet-type-personal").click()
    page.wait_for_function(f"() => ({_LEGEND})('ego').join('|') === 'Strategic (6)'",
                           timeout=30_000)
    assert "Showing 6 of 54 contacts: strategic network." in status.text_content()
    ties = legend(page, "ties")
    assert not any(t.startswith(("Operational", "Personal")) for t in ties), ties
    after = readings(page)
    assert after["balance"] != before["balance"]
    assert after["gaps"] != before["gaps"] or after["keep_warm"] != before["keep_warm"]
    shoot(page, "03-2-strategic-only-filters")
    page.locator(".leadnet-panel-ego").scroll_into_view_if_needed()
    shoot(page, "03-3-ego-map-strategic-only")

    filters.scroll_into_view_if_needed()
    filters.locator(".leadnet-dashboard-inside select").select_option(label="outside my organisation")
    page.wait_for_function("() => document.querySelector('.leadnet-dashboard-status')"
                           ".textContent.includes('outside your organisation')")
    text = status.text_content()
    assert "strategic network; outside your organisation" in text, text
    assert page.locator(".leadnet-panel .js-plotly-plot").count() == len(FIGURES)
    page.locator(".leadnet-panel-keep_warm").scroll_into_view_if_needed()
    shoot(page, "03-4-keep-warm-strategic-outside")
