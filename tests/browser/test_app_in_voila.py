"""The participant app (`make app`): the whole journey in Voilà, in a real Chromium, no code shown.

Voilà runs on a copy of ``notebooks/`` with our template (as ``make app``: no CDN,
progressive rendering, the landing page of the steps) and a private LEADNET_HOME.
The tests go in the order a participant would: the landing page lists the steps;
00 creates a workspace; 01 adds a contact through a prompt and imports a file
through the upload widget; 02 decides three triage cards; 03 draws all seven
figures (each with traces) and redraws on a filter; 04 edits an action, exports
the plan and downloads it. After each step the workspace file the notebooks use
holds what was done, and no request left 127.0.0.1. Screenshots go to
test-artifacts/app-*.png.
"""

from __future__ import annotations

import json
import re
import sqlite3
import urllib.request
from pathlib import Path

import pytest

from .conftest import choose_file, offsite

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vendor"
STEPS = [
    "00_start_here.ipynb",
    "01_map_your_contacts.ipynb",
    "02_classify_your_network.ipynb",
    "03_see_your_gaps.ipynb",
    "04_build_your_action_plan.ipynb",
    "05_review_progress.ipynb",
    "06_share_with_your_coach.ipynb",
    "07_roles_and_energy.ipynb",
]
# The landing page lists every numbered notebook of the folder, 01b included (the test reads
# the folder); these are the ones the journey below walks through, and the optional ones.
FIGURE_KEYS = ["balance", "ego", "ties", "keep_warm", "give_take", "diversity", "gaps"]
# Every panel's figure is drawn by plotly (its SVG is on the page) and shows something: its
# traces (g.trace) or, when the workspace has no data for it yet, the annotation that says
# what to record (a new workspace has no dates of last contact and nothing given or asked
# yet); the gap list (an HTML table) shows its rows.
_DRAWN = """(keys) => keys.filter(k => {
  if (document.querySelector('.leadnet-panel-' + k + ' table.leadnet-gap-list tbody tr'))
    return true;
  const svg = document.querySelector('.leadnet-panel-' + k + ' .js-plotly-plot svg.main-svg');
  return !!svg && !!svg.parentElement.querySelector('g.trace, g.annotation');
}).length === keys.length"""
_TRACES = """(keys) => keys.filter(k => !!document.querySelector(
  '.leadnet-panel-' + k + ' .js-plotly-plot svg.main-svg g.trace, '
  + '.leadnet-panel-' + k + ' table.leadnet-gap-list tbody tr'))"""
_PROGRESS = "document.querySelector('.leadnet-triage-progress').textContent"


def contacts_in(home: Path, slug: str) -> int:
    """How many contacts the workspace file *slug* holds (read with sqlite3, as any tool would)."""
    with sqlite3.connect(home / f"{slug}.leadnet.sqlite") as conn:
        return conn.execute("SELECT count(*) FROM contacts").fetchone()[0]


def no_code(page) -> None:
    """No code cell's source is on the page (Voilà strips it)."""
    assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor").count() == 0


def test_landing_page_lists_the_steps(app, app_page, shoot):
    page = app_page
    page.goto(f"{app.url}/")
    steps = page.locator("ol.leadnet-steps li")
    steps.first.wait_for()
    numbered = sorted(p.name for p in (FIXTURES.parents[2] / "notebooks").glob("[0-9]*_*.ipynb"))
    assert set(STEPS) <= set(numbered) and "01b_choose_your_key_contacts.ipynb" in numbered
    assert [s.get_attribute("data-step") for s in steps.all()] == [
        n.split("_")[0] for n in numbered
    ]
    assert "00 · Start here" in steps.first.inner_text()
    assert page.locator("html").get_attribute("lang") == "en"
    shoot(page, "app-0-landing")
    assert offsite(page.requests) == []  # type: ignore[attr-defined]
    page.get_by_role("link", name=re.compile("00 · Start here")).click()
    page.wait_for_url("**/voila/render/00_start_here.ipynb*")
    page.locator(".leadnet-start-view").wait_for()
    no_code(page)


def test_00_create_a_workspace(app, app_page, shoot):
    page = app_page
    page.goto(app.step_url(STEPS[0]))
    form = page.locator(".leadnet-start-view")
    form.wait_for()
    form.scroll_into_view_if_needed()
    page.get_by_label("Your name").fill("Ana Lima")
    page.get_by_label("Organisation").fill("Contoso")
    page.locator(".leadnet-profile-career_stage select").select_option("business leader")
    page.get_by_role("button", name="Create my workspace").click()
    confirmation = page.locator(".leadnet-confirmation")
    confirmation.wait_for()
    assert "Your workspace is ready: Ana Lima (0 contacts)" in confirmation.inner_text()
    shoot(page, "app-1-workspace-ready")
    no_code(page)
    assert contacts_in(app.leadnet_home, "ana-lima") == 0
    assert offsite(page.requests) == []  # type: ignore[attr-defined]


def test_01_add_a_contact_and_import_a_file(app, app_page, shoot):
    page = app_page
    page.goto(app.step_url(STEPS[1]))
    page.locator(".leadnet-banner").wait_for()
    assert "Ana Lima" in page.locator(".leadnet-banner").inner_text()  # the same workspace
    form = page.locator(".leadnet-prompt-form").first
    form.wait_for()
    form.scroll_into_view_if_needed()
    form.locator(".leadnet-prompt-name input").fill("Grace Hopper")
    form.locator(".leadnet-prompt-role input").fill("Finance partner")
    form.get_by_role("button", name="Add").click()
    form.locator(".leadnet-ok").wait_for()
    assert "Added Grace Hopper." in form.locator(".leadnet-feedback").inner_text()
    shoot(page, "app-2-prompt-added")
    assert contacts_in(app.leadnet_home, "ana-lima") == 1

    view = page.locator(".leadnet-import-view")
    view.scroll_into_view_if_needed()
    choose_file(
        page, view.locator("button.leadnet-upload").click, FIXTURES / "linkedin_connections.csv"
    )
    view.get_by_text("linkedin_connections.csv").wait_for()
    view.get_by_role("button", name="Import").click()
    report = view.locator(".leadnet-import-report-box")
    report.get_by_text(re.compile(r"\d+ records: \d+ imported")).first.wait_for()
    imported = int(re.search(r"(\d+) imported", report.inner_text()).group(1))  # type: ignore[union-attr]
    assert imported > 3
    shoot(page, "app-3-imported")
    no_code(page)
    assert contacts_in(app.leadnet_home, "ana-lima") >= 1 + imported - 1  # one may merge
    assert offsite(page.requests) == []  # type: ignore[attr-defined]


def test_02_decide_three_triage_cards(app, app_page, shoot):
    page = app_page
    page.goto(app.step_url(STEPS[2]))
    view = page.locator(".leadnet-triage-view")
    view.wait_for()
    view.scroll_into_view_if_needed()
    page.wait_for_function(f"() => {_PROGRESS}.includes('reviewed')")
    match = re.search(r"([\d,]+) of ([\d,]+) reviewed", page.evaluate(f"() => {_PROGRESS}"))
    assert match
    start, total = int(match.group(1)), int(match.group(2))
    card = view.locator(".leadnet-triage-card")
    for step, kind in enumerate(("personal", "strategic", "operational"), 1):
        name = card.locator(".leadnet-triage-name").text_content().strip()  # type: ignore[union-attr]
        view.locator(f"button.leadnet-triage-{kind}").click()
        page.wait_for_function(f"() => {_PROGRESS}.includes('{start + step} of {total} reviewed')")
        page.get_by_text(f"Saved: {name} is in your {kind} network.").wait_for()
    shoot(page, "app-4-triaged")
    no_code(page)
    with sqlite3.connect(app.leadnet_home / "ana-lima.leadnet.sqlite") as conn:
        decided = conn.execute(
            "SELECT count(*) FROM classifications WHERE decided_by = 'person'"
        ).fetchone()[0]
    assert decided >= 3
    assert offsite(page.requests) == []  # type: ignore[attr-defined]


# Before a filter change: mark each panel's drawing and how many times it was drawn.
_TAG_DRAWINGS = """() => document.querySelectorAll('.leadnet-panel .leadnet-figure').forEach(f => {
  f.dataset.drawsBefore = f.dataset.draws || '0';
  f.querySelector('.js-plotly-plot').dataset.tagged = '1';
})"""
# After it: these panels' drawings were drawn again.
_REDRAWN = """(keys) => keys.every(k => {
  const f = document.querySelector('.leadnet-panel-' + k + ' .leadnet-figure');
  return f && Number(f.dataset.draws) > Number(f.dataset.drawsBefore);
})"""
# The panels whose drawing is still the one marked before.
_SAME_DRAWINGS = """() => Array.from(document.querySelectorAll('.leadnet-panel'))
  .filter(p => p.querySelector('.leadnet-figure .js-plotly-plot[data-tagged]'))
  .map(p => Array.from(p.classList).find(c => c.startsWith('leadnet-panel-')).slice(14))"""


def test_03_dashboard_draws_every_figure(app, app_page, shoot):
    page = app_page
    page.goto(app.step_url(STEPS[3]))
    page.wait_for_function(_DRAWN, arg=FIGURE_KEYS, timeout=180_000)
    assert "Showing all" in page.locator(".leadnet-dashboard-status").inner_text()
    with_traces = page.evaluate(_TRACES, FIGURE_KEYS)
    # the five figures this workspace has data for show their traces; the other two say why not
    assert set(with_traces) >= {"balance", "ego", "ties", "diversity", "gaps"}, with_traces
    for key in set(FIGURE_KEYS) - set(with_traces):
        assert page.locator(f".leadnet-panel-{key} g.annotation").count() > 0, key
    page.locator(".leadnet-panel-balance").scroll_into_view_if_needed()
    shoot(page, "app-5-dashboard")
    page.evaluate(_TAG_DRAWINGS)
    page.locator(".leadnet-type-operational").click()
    page.get_by_text(re.compile(r"Showing \d+ of \d+ contacts: personal and strategic")).wait_for()
    page.wait_for_function(_DRAWN, arg=FIGURE_KEYS)
    # the figures the filter changed were updated where they stand (LeadNet's panel widget):
    # the same drawing, drawn once more; none was replaced
    page.wait_for_function(_REDRAWN, arg=["balance", "ego"], timeout=30_000)
    assert page.evaluate(_SAME_DRAWINGS) == [k for k in FIGURE_KEYS if k != "gaps"]
    no_code(page)
    assert offsite(page.requests) == []  # type: ignore[attr-defined]
    # the app loads no JupyterLab extension it does not use (jupyter/config/voila.json)
    loaded = page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/labextensions/'))"
    )
    assert any("/leadnet-plotly/" in n for n in loaded), loaded
    # nor jupyterlab-plotly: its 4.8 MB plotly.js chunk, the renderer has its own copy
    unused = (
        "/@jupyter/nbgrader/",
        "/@jupyter-notebook/lab-extension/",
        "/anywidget/",
        "/jupyterlab-plotly/",
    )
    assert not [n for n in loaded if any(u in n for u in unused)], loaded
    # the page asks for Voilà's scripts in its first part, with its one configuration (the
    # kernel's id included), not after the cells, which wait for the kernel to have started
    # (jupyter/voila/templates/leadnet/index.html.j2)
    with urllib.request.urlopen(app.step_url(STEPS[3])) as response:
        served = response.read().decode()
    configs = re.findall(r'<script id="jupyter-config-data"[^>]*>(.*?)</script>', served, re.DOTALL)
    assert len(configs) == 1, configs
    assert json.loads(configs[0])["kernelId"]
    assert served.count('/voila.js"></script>') == 1
    assert served.index('/voila.js"></script>') < served.index("voila_process(1,")


def test_04_edit_export_and_download_the_plan(app, app_page, shoot, tmp_path):
    page = app_page
    page.goto(app.step_url(STEPS[4]))
    card = page.locator(".leadnet-plan-card-1")
    card.wait_for()
    card.scroll_into_view_if_needed()
    title = card.locator(".leadnet-plan-title input")
    title.fill("Lunch with Grace")
    title.press("Enter")
    page.locator(".leadnet-plan-actions .leadnet-ok").get_by_text(
        "Saved: Lunch with Grace."
    ).wait_for()
    panel = page.locator(".leadnet-plan-export")
    panel.scroll_into_view_if_needed()
    panel.locator("button.leadnet-export-html").click()
    link = panel.locator("a.leadnet-download[download='plan.html']")
    link.wait_for()
    saved = Path(panel.locator(".leadnet-export-file[data-format='html'] code").inner_text())
    assert saved.is_relative_to(app.leadnet_home)
    shoot(page, "app-6-plan-exported")
    with page.expect_download() as download:
        link.click()
    downloaded = tmp_path / download.value.suggested_filename
    download.value.save_as(downloaded)
    assert downloaded.read_bytes() == saved.read_bytes()
    assert "Lunch with Grace" in downloaded.read_text(encoding="utf-8")
    no_code(page)
    assert offsite(page.requests) == []  # type: ignore[attr-defined]


def test_05_review_opens(app, app_page, shoot):
    page = app_page
    page.goto(app.step_url(STEPS[5]))
    page.locator(".leadnet-banner").wait_for()
    assert "Ana Lima" in page.locator(".leadnet-banner").inner_text()
    shoot(page, "app-7-review")
    no_code(page)
    assert offsite(page.requests) == []  # type: ignore[attr-defined]
