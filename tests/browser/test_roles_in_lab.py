"""Notebook 07 in a real JupyterLab and Chromium: tick a kind of help, rate a tie, see the figures."""

from __future__ import annotations

import pytest

from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.store import Workspace

from .test_notebooks_in_lab import open_and_run_all

pytestmark = pytest.mark.browser


@pytest.fixture
def chosen(lab, monkeypatch):
    """A workspace of our own, chosen as notebook 00 would: Zoe is the strongest tie."""
    from leadnet_helpers import paths

    monkeypatch.setenv("LEADNET_HOME", str(lab.leadnet_home))
    path = lab.leadnet_home / "roles-test.leadnet.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with Workspace.create(path, Profile("Ana Lima", organisation="Contoso")) as ws:
        ws.add_contact(Contact("Zoe Strong", strength=5, network_type="strategic"))
        ws.add_contact(Contact("Bo Weak", strength=1, network_type="personal"))
    previous = paths.current_workspace_path()
    paths.remember_current_workspace(path)
    yield path
    if previous is not None:
        paths.remember_current_workspace(previous)


def test_07_record_roles_and_energy_and_see_the_figures(page, lab, chosen, shoot):
    page.set_default_timeout(120_000)  # a shared, busy machine: waits, not sleeps
    open_and_run_all(page, lab, "07_roles_and_energy.ipynb")
    grid = page.locator(".leadnet-roles-view")
    grid.wait_for()
    grid.get_by_text("0 of your 2 contacts have kinds of help or energy recorded.").wait_for()
    # before anything is entered: figures drawn by plotly's renderer, saying so
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.get_by_text("No kinds of help recorded yet").first.wait_for()
    first = grid.locator(".leadnet-roles-row").first
    assert "Zoe Strong" in first.inner_text()  # the strongest tie first
    first.get_by_role("button", name="power").click()
    first.locator("select").select_option(label="Drains energy")
    save = grid.get_by_role("button", name="Save (1)")
    save.wait_for()
    save.click()
    grid.get_by_text("Saved the kinds of help and energy of 1 contact.").wait_for()
    grid.get_by_text("1 of your 2 contacts has kinds of help or energy recorded.").wait_for()
    shoot(page, "07-1-grid-saved")
    with Workspace.open(chosen, read_only=True) as ws:
        zoe = ws.find_contacts("Zoe Strong")[0]
    assert (zoe.helps_with, zoe.energy) == (("power",), "drains")
    # run again: the figures and the findings now read the answers
    open_and_run_all(page, lab, "07_roles_and_energy.ipynb")
    page.get_by_text("Among the people you rely on most, Zoe Strong drains you.").first.wait_for(
        timeout=60_000
    )
    page.locator(".js-plotly-plot text", has_text="nobody yet").first.wait_for()
    page.locator(".js-plotly-plot").nth(1).scroll_into_view_if_needed()
    shoot(page, "07-2-figures")
