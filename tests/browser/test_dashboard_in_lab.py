"""Notebook 03 in a real JupyterLab and Chromium: every figure is drawn, filters redraw.

The test opens the notebook on a fresh copy of the sample persona Ana Lucía
Ferreira (54 contacts: 37 operational, 11 personal, 6 strategic), runs every
cell, waits until each of the dashboard's six plotly figures has drawn its
traces (an empty figure fails) and the gap list its table, checks that no title, legend, axis title or
footnote overlaps another at 1280 and 800 px wide, then switches the
operational and personal networks off and the inside/outside filter to
"outside", and reads the redrawn legends, readings and status line on the
page. In Voilà (the app, as `make app` runs it) tests/browser/test_app_in_voila.py draws the
same figures and a filter, with nothing fetched off the machine.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from leadnet_helpers import paths, personas
from leadnet_helpers.app.figure_renderer import LEADNET_FIGURE_MIME, plotlyjs_version
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.plots import FIGURES, PLOTTED, needs_webgl
from leadnet_helpers.store import Workspace

from .conftest import ARTIFACTS, offsite
from .test_notebooks_in_lab import open_and_run_all

pytestmark = pytest.mark.browser

NOTEBOOK = "03_see_your_gaps.ipynb"
STATIC = Path(__file__).resolve().parents[2] / "jupyter/labextensions/leadnet-plotly/static"


def expected_build(build: str = "basic") -> str:
    """The plotly.js that draws the sample's figures (bars and SVG scatters; ``gl2d``: the
    WebGL maps of a large workspace): the renderer's build when it is the version plotly
    makes figures for, else the whole plotly.js."""
    head = (STATIC / f"plotly-{build}.min.js").read_text()[:200]
    found = re.search(rf"\({build} - minified\) v(\S+)", head)
    return build if found and found.group(1) == plotlyjs_version() else "full"


# Each figure has drawn traces (plotly's g.trace), not only an empty plot (Voilà once showed
# every figure empty); the gap list shows its table's rows.
_DRAWN = """(keys) => keys.filter(k => {
  const panel = document.querySelector('.leadnet-panel-' + k);
  return !!panel && !!panel.querySelector('.js-plotly-plot svg.main-svg g.trace, '
                                          + 'table.leadnet-gap-list tbody tr');
})"""
_RENDERED = f"(keys) => ({_DRAWN})(keys).length === keys.length"

# The pairs of a figure's title, legend, axis titles and annotations (footnotes) whose boxes
# overlap (two annotations may: they label the plot, e.g. the ego map's rings), and the
# titles and legends cut off by the figure's edge.
_OVERLAPS = """(key) => {
  const plot = document.querySelector('.leadnet-panel-' + key + ' .js-plotly-plot');
  const parts = [];
  for (const sel of ['.gtitle', 'g.legend', '.xtitle', '.ytitle', 'g.annotation']) {
    for (const el of plot.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) parts.push([sel, r]);
    }
  }
  const hits = [];
  const page = plot.querySelector('svg.main-svg').getBoundingClientRect();
  for (const [a, ra] of parts) {
    if (a !== 'g.annotation' && (ra.right > page.right + 1 || ra.left < page.left - 1)) {
      hits.push(a + ' cut off');
    }
  }
  for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) {
    const [a, ra] = parts[i], [b, rb] = parts[j];
    if (a === 'g.annotation' && b === a) continue;  // labels inside the plot, not titles
    if (ra.left < rb.right - 1 && rb.left < ra.right - 1
        && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) hits.push(a + ' / ' + b);
  }
  return hits;
}"""

_HEIGHTS = """() => Object.fromEntries(Array.from(document.querySelectorAll('.leadnet-panel'))
  .map(p => [p.className.split(' ').pop(),
             (p.querySelector('.js-plotly-plot') || p).getBoundingClientRect().height]))"""

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
    return {
        key: page.locator(f".leadnet-panel-{key} .leadnet-reading").text_content()
        for key in FIGURES
    }


# Figures whose drawing is wider than the output holding it (a figure that did not follow
# the page's width): key -> [figure width, its output's width].
_TOO_WIDE = """() => Object.fromEntries(Array.from(document.querySelectorAll('.leadnet-panel'))
  .map(p => [Array.from(p.classList).find(c => c.startsWith('leadnet-panel-')).slice(14),
             p.querySelector('.js-plotly-plot svg.main-svg'), p.querySelector('.js-plotly-plot')])
  .filter(([k, svg, plot]) => svg && svg.getBoundingClientRect().width > plot.clientWidth + 1)
  .map(([k, svg, plot]) => [k, [svg.getBoundingClientRect().width, plot.clientWidth]]))"""


# Mark each figure's drawing, then read which figures still show a marked one.
_TAG_DRAWINGS = """() => document.querySelectorAll('.leadnet-panel .js-plotly-plot')
  .forEach(gd => { gd.dataset.leadnetTest = 'before'; })"""
_TAGGED = """() => Object.fromEntries(Array.from(document.querySelectorAll('.leadnet-panel'))
  .map(p => [Array.from(p.classList).find(c => c.startsWith('leadnet-panel-')).slice(14),
             !!p.querySelector('.js-plotly-plot[data-leadnet-test="before"]')]))"""


# One renderer of LeadNet's mime type, made by the notebook's rendermime and shown over the
# page, given figure after figure: which plotly.js drew each, and what is drawn.
_RENDER_ALONE = """async ([mime, outputs]) => {
  const notebook = window.jupyterapp.shell.currentWidget.content;
  const renderer = notebook.rendermime.createRenderer(mime);
  renderer.node.style.cssText = 'position:fixed;top:0;left:0;width:640px;z-index:10000';
  document.body.appendChild(renderer.node);
  const seen = [];
  for (const [spec, about] of outputs) {
    await renderer.renderModel({data: {[mime]: JSON.stringify(spec)}, metadata: {[mime]: about},
                                trusted: true});
    const node = renderer.node;
    const start = Date.now();
    while (!node.hasAttribute('data-drawn') && Date.now() - start < 60000) {
      await new Promise(r => setTimeout(r, 50));
    }
    seen.push({build: node.getAttribute('data-plotly'),
               bars: node.querySelectorAll('g.trace.bars').length,
               heatmaps: node.querySelectorAll('g.hm image, .heatmaplayer image').length});
  }
  renderer.dispose();
  renderer.node.remove();
  return seen;
}"""


def check_builds(page) -> None:
    """The gl2d build draws WebGL scatters, the whole plotly.js what neither smaller build
    can, and a drawing moves between them."""
    version = {"plotlyjs": plotlyjs_version()}
    bars = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}], "layout": {"height": 300}}
    heat = {"data": [{"type": "heatmap", "z": [[1, 2], [3, 4]]}], "layout": {"height": 300}}
    webgl = {
        "data": [{"type": "scattergl", "x": [0, 1, 2], "y": [1, 0, 1], "mode": "markers"}],
        "layout": {"height": 300},
    }
    seen = page.evaluate(
        _RENDER_ALONE,
        [
            LEADNET_FIGURE_MIME,
            [
                [bars, version],
                [webgl, version],  # WebGL: the gl2d build
                [heat, version],  # a trace type neither build has: redrawn by the whole
                [bars, {"plotlyjs": "0.0.1"}],  # made for another plotly.js: the whole
                [bars, version],  # and back to the basic build
            ],
        ],
    )
    build = expected_build()
    assert seen == [
        {"build": build, "bars": 1, "heatmaps": 0},
        {"build": expected_build("gl2d"), "bars": 0, "heatmaps": 0},
        {"build": "full", "bars": 0, "heatmaps": 1},
        {"build": "full", "bars": 1, "heatmaps": 0},
        {"build": build, "bars": 1, "heatmaps": 0},
    ], seen


def wait_drawn(page, timeout: float = 90_000) -> None:
    """Wait until each figure has drawn traces; fail naming the ones still empty."""
    try:
        page.wait_for_function(_RENDERED, arg=list(FIGURES), timeout=timeout)
    except PlaywrightTimeout:
        drawn = page.evaluate(_DRAWN, list(FIGURES))
        empty = [k for k in FIGURES if k not in drawn]
        seen = page.evaluate("""() => Array.from(document.querySelectorAll('.leadnet-panel'))
          .map(p => p.className.split(' ').pop() + ': '
               + p.querySelectorAll('.js-plotly-plot').length + ' plots, '
               + p.querySelectorAll('.jp-OutputArea-output').length + ' outputs')""")
        raise AssertionError(f"figures with no trace drawn: {empty} ({seen})") from None
    drawn = page.locator(".leadnet-panel .js-plotly-plot").count()
    assert drawn == len(PLOTTED), f"{drawn} figures drawn, {len(PLOTTED)} expected"
    # drawn by LeadNet's renderer (jupyter/labextensions/leadnet-plotly: one draw per figure),
    # not by jupyterlab-plotly's, which draws three times and keeps a PNG copy (its img.plot-img)
    ours = page.locator(".leadnet-panel .leadnet-figure > .js-plotly-plot").count()
    assert ours == len(PLOTTED), f"{ours} of {drawn} figures drawn by LeadNet's renderer"
    # with plotly.js's basic build (a sixth of the whole to load) when it can
    builds = page.evaluate(
        "() => Array.from(document.querySelectorAll('.leadnet-panel .leadnet-figure'))"
        ".map(n => n.getAttribute('data-plotly'))"
    )
    assert builds == [expected_build()] * len(PLOTTED), builds
    assert page.evaluate("() => typeof window.moduleName") == "undefined"  # the build's global
    assert page.locator(".leadnet-panel img.plot-img").count() == 0
    # the gap list is a table a screen reader reads: a caption, column and row headers
    gaps = page.locator(".leadnet-panel-gaps table.leadnet-gap-list")
    assert gaps.locator("caption").text_content() == "Your gaps, the most severe first"
    assert gaps.locator("thead th[scope=col]").count() == 3
    assert gaps.locator("tbody tr th[scope=row]").count() == gaps.locator("tbody tr").count()


def check_layout(page, prefix: str) -> None:
    """No overlaps in any figure at 1280 and 800 px wide; screenshots of the crowded ones."""
    ARTIFACTS.mkdir(exist_ok=True)
    overlaps = {}
    for width in (1280, 800):
        page.set_viewport_size({"width": width, "height": 1000})
        page.wait_for_timeout(800)  # the figures follow the page's width
        for key in PLOTTED:
            panel = page.locator(f".leadnet-panel-{key}")
            panel.scroll_into_view_if_needed()
            # a figure shown follows its output's width (Lab lays out cells out of view lazily)
            try:
                page.wait_for_function(f"() => !({_TOO_WIDE})()['{key}']", timeout=5_000)
            except PlaywrightTimeout:
                overlaps[f"{key} at {width} px: wider than its output"] = page.evaluate(_TOO_WIDE)
            if key in ("ties", "keep_warm", "ego", "balance"):
                panel.screenshot(path=str(ARTIFACTS / f"{prefix}-{key}-{width}px.png"))
            if hits := page.evaluate(_OVERLAPS, key):
                overlaps[f"{key} at {width} px"] = hits
    page.set_viewport_size({"width": 1280, "height": 1000})
    assert not overlaps, overlaps


def test_03_every_figure_renders_and_filters_redraw_them(page, lab, shoot, sample_chosen):
    open_and_run_all(page, lab, NOTEBOOK)
    wait_drawn(page)
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
    check_layout(page, "03-lab")
    # the workbook's settings overrides turn the "official Jupyter news?" prompt off
    assert "news" not in (page.locator(".Toastify").all_text_contents() or [""])[0].lower()

    filters = page.locator(".leadnet-dashboard-filters")
    filters.scroll_into_view_if_needed()
    page.evaluate(_TAG_DRAWINGS)
    filters.locator(".leadnet-type-operational").click()
    filters.locator(".leadnet-type-personal").click()
    page.wait_for_function(
        f"() => ({_LEGEND})('ego').join('|') === 'Strategic (6)'", timeout=30_000
    )
    # each redrawn figure updated the drawing it had (Plotly.react), not drawn a new one
    page.wait_for_function(
        "() => document.querySelectorAll('.leadnet-panel .leadnet-figure[data-drawn]').length"
        f" === {len(PLOTTED)}"
    )
    assert {k: v for k, v in page.evaluate(_TAGGED).items() if k in PLOTTED} == dict.fromkeys(
        PLOTTED, True
    )
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
    filters.locator(".leadnet-dashboard-inside select").select_option(
        label="outside my organisation"
    )
    page.wait_for_function(
        "() => document.querySelector('.leadnet-dashboard-status')"
        ".textContent.includes('outside your organisation')"
    )
    text = status.text_content()
    assert "strategic network; outside your organisation" in text, text
    assert page.locator(".leadnet-panel .js-plotly-plot").count() == len(PLOTTED)
    page.locator(".leadnet-panel-keep_warm").scroll_into_view_if_needed()
    shoot(page, "03-4-keep-warm-strategic-outside")
    check_builds(page)


def test_03_in_the_app_every_figure_has_traces_and_filters_redraw(app, app_page, monkeypatch):
    """Voilà as `make app` runs it, on the sample persona: the six figures with traces, and the gap list."""
    monkeypatch.setenv("LEADNET_HOME", str(app.leadnet_home))
    ws = personas.open_sample("ana-lucia-ferreira")
    paths.remember_current_workspace(ws.path)
    ws.close()
    page = app_page
    page.goto(app.step_url(NOTEBOOK))
    wait_drawn(page, timeout=180_000)
    status = page.locator(".leadnet-dashboard-status")
    assert "Showing all 54 contacts." in status.text_content()
    # no figure collapsed (the first one once drew 0 px high in Voilà)
    heights = page.evaluate(_HEIGHTS)
    assert all(h >= 300 for h in heights.values()), heights
    check_layout(page, "03-voila")
    page.locator(".leadnet-type-operational").click()
    page.locator(".leadnet-type-personal").click()
    page.wait_for_function(
        f"() => ({_LEGEND})('ego').join('|') === 'Strategic (6)'", timeout=60_000
    )
    assert "Showing 6 of 54 contacts: strategic network." in status.text_content()
    wait_drawn(page)
    assert offsite(page.requests) == []  # type: ignore[attr-defined]


# When the dashboard's filters (the output of the cell that works the figures out) were added
# to the page (ms since it opened).
_FILTERS_ADDED = """(() => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('.leadnet-dashboard-filters')) {
      window.__filtersAdded = performance.now();
      observer.disconnect();
    }
  }).observe(document, {childList: true, subtree: true});
})()"""


def test_03_in_the_app_a_large_workspace_gets_plotly_ready_before_its_maps(
    app, app_page, monkeypatch
):
    """Voilà, 1,100 contacts: the maps are WebGL, and the plotly.js they need (the gl2d build)
    is asked for (on the dashboard's note) while the kernel works the figures out, not once
    they arrive."""
    monkeypatch.setenv("LEADNET_HOME", str(app.leadnet_home))
    path = Path(app.leadnet_home) / "large.leadnet.sqlite"
    ws = Workspace.create(path, Profile("Ana Lima", organisation="Contoso"))
    types = ("operational", "personal", "strategic")
    for i in range(1_100):
        ws.add_contact(
            Contact(f"Person {i}", organisation=f"Org {i % 40}", network_type=types[i % 3])
        )
    assert needs_webgl(ws.count_contacts())
    paths.remember_current_workspace(ws.path)
    ws.close()
    page = app_page
    page.add_init_script(_FILTERS_ADDED)
    page.goto(app.step_url(NOTEBOOK))
    page.wait_for_function(
        "n => document.querySelectorAll('.leadnet-panel .leadnet-figure[data-drawn]').length === n",
        arg=len(PLOTTED),
        timeout=180_000,
    )
    asked = page.evaluate(
        "() => Number(document.documentElement.getAttribute('data-leadnet-plotly-gl2d'))"
    )
    filters_added = page.evaluate("() => window.__filtersAdded")
    assert 0 < asked < filters_added, (asked, filters_added)
    builds = page.evaluate(
        "() => Object.fromEntries(Array.from(document.querySelectorAll('.leadnet-panel'))"
        ".filter(p => p.querySelector('.leadnet-figure')).map(p => [p.className.split(' ')"
        ".find(c => c.startsWith('leadnet-panel-')).slice(14),"
        " p.querySelector('.leadnet-figure').getAttribute('data-plotly')]))"
    )
    assert builds["ego"] == builds["ties"] == expected_build("gl2d"), builds  # WebGL
    assert builds["balance"] == expected_build(), builds
    # the maps' WebGL drawn at the screen's pixel ratio (1 here), not plotly.js's 2
    canvases = page.evaluate(
        "() => Array.from(document.querySelectorAll("
        "'.leadnet-panel-ego canvas.gl-canvas-context, .leadnet-panel-ties canvas.gl-canvas-context'"
        ")).map(c => [c.width, Math.round(c.getBoundingClientRect().width * devicePixelRatio)])"
    )
    assert len(canvases) == 2 and all(drawn == shown for drawn, shown in canvases), canvases
    # the note itself takes no room on the page
    note = page.locator(".leadnet-prepare")
    assert note.count() == 1
    assert (
        page.evaluate(
            "() => document.querySelector('.leadnet-prepare').closest('.jp-OutputArea-child')"
            ".getBoundingClientRect().height"
        )
        == 0
    )
    assert "Showing all 1,100 contacts." in page.locator(".leadnet-dashboard-status").text_content()
    assert offsite(page.requests) == []  # type: ignore[attr-defined]
