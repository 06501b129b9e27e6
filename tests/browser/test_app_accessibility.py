"""Accessibility of every notebook, in the app (Voilà) and in JupyterLab, and the keyboard alone.

axe-core (installed from npm by ``scripts/install-browser-deps.sh``, injected from
the local file) checks each page once its widgets are drawn: no serious or
critical violation. In Voilà the whole page is checked (the landing page too:
it is all ours). In JupyterLab the check covers what the notebook shows (its
rendered markdown and its cells' outputs: our widgets and figures): Lab's own
parts (code editors, the windowed cell list, heading-collapse buttons, menus,
toolbar) are JupyterLab's, not ours to fix. The keyboard test completes a
prompt form of notebook 01 and a triage card of notebook 02 in the app with Tab,
typing and Enter only.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from .conftest import REPO, serious_violations
from .test_notebooks_in_lab import open_and_run_all

pytestmark = pytest.mark.browser

# Each notebook, and what shows that its widgets are drawn.
NOTEBOOKS = {
    "00_start_here.ipynb": ".leadnet-start-view",
    "01_map_your_contacts.ipynb": ".leadnet-import-view",
    "01b_choose_your_key_contacts.ipynb": ".leadnet-keys-view",
    "02_classify_your_network.ipynb": ".leadnet-overview-view",
    "03_see_your_gaps.ipynb": ".leadnet-panel-gaps table.leadnet-gap-list tbody tr",
    "04_build_your_action_plan.ipynb": ".leadnet-plan-export",
    "05_review_progress.ipynb": ".leadnet-banner",
    "06_share_with_your_coach.ipynb": ".leadnet-share",
    "07_roles_and_energy.ipynb": ".leadnet-roles-view",
}
# What the notebook shows in JupyterLab: its rendered markdown and its cells' outputs (our
# text, widgets and figures). Not Lab's own parts, which axe flags and we cannot change: the
# code editors (CodeMirror, aria-input-field-name), the windowed cell list
# (aria-required-children), the heading-collapse buttons (button-name), menus, side bars and
# the notebook's toolbar (where the Voilà extension's button lacks a name).
CONTENT = (
    ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput, "
    ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell-outputArea"
)
_FOCUSED = """([sel, text]) => !!document.activeElement && document.activeElement.matches(sel)
  && (!text || document.activeElement.textContent.trim() === text)"""


def test_every_participant_notebook_is_checked():
    """A new notebook cannot skip the axe check: each one in notebooks/ is in NOTEBOOKS."""
    on_disk = sorted(path.name for path in (REPO / "notebooks").glob("*.ipynb"))
    assert sorted(NOTEBOOKS) == on_disk, "add the new notebook and its widget's selector"


def test_landing_page_has_no_serious_violation(app, app_page, axe_source):
    app_page.goto(f"{app.url}/")
    app_page.locator("ol.leadnet-steps").wait_for()
    found = serious_violations(app_page, axe_source)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", list(NOTEBOOKS))
def test_every_notebook_in_the_app_has_no_serious_violation(app, app_page, axe_source, name):
    app_page.goto(app.step_url(name))
    app_page.locator(NOTEBOOKS[name]).first.wait_for(state="attached", timeout=180_000)
    app_page.wait_for_timeout(500)  # the last outputs of the cell settle
    found = serious_violations(app_page, axe_source)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", list(NOTEBOOKS))
def test_every_notebook_in_lab_has_no_serious_violation(page, lab, axe_source, name):
    try:
        open_and_run_all(page, lab, name)
        page.locator(NOTEBOOKS[name]).first.wait_for(state="attached", timeout=120_000)
        page.wait_for_timeout(500)
        found = serious_violations(page, axe_source, CONTENT)
    finally:
        page.close()
        shut_down_kernels(lab)
    assert not found, "\n".join(found)


def shut_down_kernels(lab) -> None:
    """End every notebook's kernel, so a later test's notebook opens its own workspace afresh.

    A kernel keeps the workspace it opened: left running, 01b's would serve the sample
    persona to tests/browser/test_key_contacts_in_lab.py instead of that test's workspace.
    """

    def call(method: str, path: str) -> bytes:
        request = urllib.request.Request(
            f"{lab.url}{path}", method=method, headers={"Authorization": f"token {lab.token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    for session in json.loads(call("GET", "/api/sessions")):
        call("DELETE", f"/api/sessions/{session['id']}")


def tab_to(page, selector: str, text: str = "", most: int = 300) -> None:
    """Press Tab until the element focused matches *selector* (and reads *text*, if given).

    Fails after *most* presses.
    """
    for _ in range(most):
        if page.evaluate(_FOCUSED, [selector, text]):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_alone_completes_a_prompt_form_and_a_triage_card(app, app_page, shoot):
    page = app_page
    page.goto(app.step_url("01_map_your_contacts.ipynb"))
    form = page.locator(".leadnet-prompt-form").first
    form.wait_for()
    page.locator("body").focus()
    tab_to(page, ".leadnet-prompt-form .leadnet-prompt-name input")
    # typed at a brisk human pace: all at once (0 ms a key) the form once kept only "A"
    page.keyboard.type("Ada Lovelace", delay=60)
    tab_to(page, ".leadnet-prompt-form .leadnet-prompt-role input")
    page.keyboard.type("Analyst", delay=60)
    tab_to(page, ".leadnet-prompt-form button", "Add")
    page.keyboard.press("Enter")
    form.locator(".leadnet-ok").wait_for()
    assert "Added Ada Lovelace." in form.locator(".leadnet-feedback").inner_text()
    shoot(page, "app-keyboard-1-prompt")

    page.goto(app.step_url("02_classify_your_network.ipynb"))
    view = page.locator(".leadnet-triage-view")
    view.wait_for()
    name = view.locator(".leadnet-triage-name").text_content().strip()  # type: ignore[union-attr]
    page.locator("body").focus()
    tab_to(page, "button.leadnet-triage-strategic")
    page.keyboard.press("Enter")
    page.get_by_text(f"Saved: {name} is in your strategic network.").wait_for()
    shoot(page, "app-keyboard-2-triage")
