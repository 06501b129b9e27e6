"""Notebook 04 in a real JupyterLab and Chromium: edit an action, export, open the page.

The test types a hostile-looking title into the first action's text field,
watches the preview show it as text, exports the plan as HTML, downloads it
through its link, then opens the saved file in the same Chromium and checks
that the title is text (not markup) and that the page asked the network for
nothing: every request it made was for a ``file:`` or ``data:`` URL.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_notebooks_in_lab import open_and_run_all

pytestmark = pytest.mark.browser

HOSTILE = "<b>Call</b> =Ada"


def test_04_edit_an_action_export_html_and_open_it_offline(page, lab, shoot, tmp_path):
    open_and_run_all(page, lab, "04_build_your_action_plan.ipynb")
    card = page.locator(".leadnet-plan-card-1")
    card.wait_for(state="attached")
    card.scroll_into_view_if_needed()
    title = card.locator(".leadnet-plan-title input")
    title.fill(HOSTILE)
    title.press("Enter")  # the field saves on Enter (or when it loses focus)
    page.locator(".leadnet-plan-actions .leadnet-ok").get_by_text(f"Saved: {HOSTILE}.").wait_for()
    preview = page.frame_locator(".leadnet-plan-preview-frame")
    preview.locator("#action-1 h3").get_by_text(HOSTILE).wait_for()
    assert preview.locator("#action-1 h3 b").count() == 0, "the title is text, not markup"
    shoot(page, "04-1-edited-action")

    panel = page.locator(".leadnet-plan-export")
    panel.scroll_into_view_if_needed()
    panel.locator("button.leadnet-export-html").click()
    link = panel.locator("a.leadnet-download[download='plan.html']")
    link.wait_for()
    assert link.evaluate("a => a.href.slice(0, 27)") == "data:text/html;base64,PCFET"
    saved = Path(panel.locator(".leadnet-export-file[data-format='html'] code").inner_text())
    assert saved.name == "plan.html" and saved.is_relative_to(lab.leadnet_home)
    shoot(page, "04-2-exported")
    with page.expect_download() as download:
        link.click()
    downloaded = tmp_path / download.value.suggested_filename
    download.value.save_as(downloaded)
    assert downloaded.name == "plan.html"
    assert downloaded.read_bytes() == saved.read_bytes()

    offline = page.context.new_page()
    requests: list[str] = []
    offline.on("request", lambda request: requests.append(request.url))
    offline.goto(saved.as_uri(), wait_until="load")
    heading = offline.locator("#action-1 h3")
    assert HOSTILE in heading.inner_text()
    assert heading.locator("b").count() == 0
    offline.locator("#leadnet-chart-1 .main-svg").first.wait_for()  # plotly drew, offline
    offline.wait_for_timeout(300)
    shoot(offline, "04-3-exported-page")
    assert requests and requests[0].startswith("file:")
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
    offline.close()
