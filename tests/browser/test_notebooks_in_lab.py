"""Notebooks 00 and 01 in a real JupyterLab and Chromium, used as a person would.

Each test opens a notebook, runs every cell, then types, clicks and uploads
through the rendered widgets and reads what appears on the page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import choose_file

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vendor"

_KERNEL_IDLE = """() => {
  const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = widget && widget.sessionContext && widget.sessionContext.session
      && widget.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle';
}"""


def open_and_run_all(page, lab, name: str) -> None:
    """Open a notebook, wait for its kernel, and run every cell."""
    page.goto(lab.notebook_url(name))
    page.wait_for_selector(".jp-Notebook .jp-Cell", state="visible")
    page.wait_for_function(_KERNEL_IDLE, timeout=60_000)
    page.evaluate("() => window.jupyterapp.commands.execute('runmenu:run-all')")
    page.wait_for_function(_KERNEL_IDLE, timeout=60_000)


def test_00_create_my_workspace(page, lab, shoot):
    open_and_run_all(page, lab, "00_start_here.ipynb")
    page.wait_for_selector("text=All set.")
    form = page.locator(".leadnet-start-view")
    form.scroll_into_view_if_needed()
    name = page.get_by_label("Your name")  # the visible label names the input
    name.fill("Ana Lima")
    page.get_by_label("Organisation").fill("Contoso <Health>")
    page.locator(".leadnet-profile-career_stage select").select_option("business leader")
    shoot(page, "00-1-profile-form")
    page.get_by_role("button", name="Create my workspace").click()
    confirmation = page.locator(".leadnet-confirmation")
    confirmation.wait_for()
    text = confirmation.inner_text()
    assert "Your workspace is ready: Ana Lima (0 contacts)" in text
    assert "Nothing leaves this machine" in text
    assert str(lab.leadnet_home / "ana-lima.leadnet.sqlite") in text
    confirmation.scroll_into_view_if_needed()
    shoot(page, "00-2-workspace-ready")
    assert (lab.leadnet_home / "ana-lima.leadnet.sqlite").exists()


def test_01_add_a_contact_through_a_prompt(page, lab, shoot):
    open_and_run_all(page, lab, "01_map_your_contacts.ipynb")
    banner = page.locator(".leadnet-banner")
    banner.wait_for()
    form = page.locator(".leadnet-prompt-form").first
    form.scroll_into_view_if_needed()
    form.locator(".leadnet-prompt-name input").fill("Grace <b>Hopper</b>")
    form.locator(".leadnet-prompt-role input").fill("Finance partner")
    form.locator(".leadnet-prompt-context input").fill("quarterly planning")
    form.locator(".leadnet-prompt-introducer select").select_option(
        label="me: we met without an introduction"
    )
    form.get_by_role("button", name="Add").click()
    form.locator(".leadnet-ok").wait_for()
    assert "Added Grace <b>Hopper</b>." in form.locator(".leadnet-feedback").inner_text()
    shoot(page, "01-1-prompt-added")
    table = page.locator(".leadnet-contacts-table")
    table.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.querySelector('.leadnet-contacts-table')"
        ".innerText.includes('Grace <b>Hopper</b>')"
    )
    assert "quarterly planning" in table.inner_text()
    assert table.locator("b").count() == 0  # the name is text, not markup
    shoot(page, "01-2-contacts-table")


def test_01_import_a_linkedin_export(page, lab, shoot):
    open_and_run_all(page, lab, "01_map_your_contacts.ipynb")
    view = page.locator(".leadnet-import-view")
    view.wait_for()
    view.scroll_into_view_if_needed()
    # ipywidgets keeps the file input out of the page: answer the file chooser it opens
    upload = view.locator("button.leadnet-upload")
    choose_file(page, upload.click, FIXTURES / "linkedin_connections.csv")
    view.get_by_text("linkedin_connections.csv").wait_for()
    view.get_by_role("button", name="Import").click()
    report = view.locator(".leadnet-import-report-box")
    report.get_by_text(re.compile(r"\d+ records: \d+ imported")).first.wait_for()
    text = report.inner_text()
    assert re.search(
        r"linkedin_connections\.csv \(.+\): \d+ records: \d+ imported, "
        r"\d+ merged, \d+ rejected",
        text,
    ), text
    assert "Imported 1 of 1 file(s)" in view.locator(".leadnet-feedback").inner_text()
    shoot(page, "01-3-import-report")
    page.locator(".leadnet-contacts-page").scroll_into_view_if_needed()
    shoot(page, "01-4-contacts-after-import")
