"""Notebook 02 in a real JupyterLab and Chromium: classify three contacts by hand.

Run on its own, the notebook works in a fresh copy of the sample persona (no
workspace chosen yet); after the notebook 00/01 tests it works in the
workspace they made. Either way the test presses the triage buttons for three
cards, reads the progress line, then filters the overview to the decisions
and reads which group each contact is under.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .test_notebooks_in_lab import open_and_run_all

pytestmark = pytest.mark.browser

_PROGRESS = "document.querySelector('.leadnet-triage-progress').textContent"


def _reviewed(page) -> tuple[int, int]:
    page.wait_for_function(f"() => {_PROGRESS}.includes('reviewed')")
    text = page.evaluate(f"() => {_PROGRESS}")
    match = re.search(r"([\d,]+) of ([\d,]+) reviewed", text)
    assert match, text
    return int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))


def test_02_classify_three_contacts_through_the_triage_buttons(page, lab, shoot):
    open_and_run_all(page, lab, "02_classify_your_network.ipynb")
    examples = page.locator(".leadnet-examples")
    examples.wait_for(state="attached")
    assert "Why the rules put them there" in examples.text_content()
    view = page.locator(".leadnet-triage-view")
    view.wait_for(state="attached")
    view.scroll_into_view_if_needed()
    view.wait_for()
    start, total = _reviewed(page)
    assert total > 10
    card = view.locator(".leadnet-triage-card")
    assert "low confidence: needs your review" in card.text_content()
    shoot(page, "02-1-triage-card")

    chosen: dict[str, str] = {}
    for step, kind in enumerate(("personal", "strategic", "strategic"), 1):
        name = card.locator(".leadnet-triage-name").text_content().strip()
        button = view.locator(f"button.leadnet-triage-{kind}")
        assert kind.capitalize() in button.text_content()
        button.click()
        page.wait_for_function(f"() => {_PROGRESS}.includes('{start + step} of {total} reviewed')")
        page.get_by_text(f"Saved: {name} is in your {kind} network.").wait_for()
        assert card.locator(".leadnet-triage-name").text_content().strip() != name
        chosen[name] = kind
    assert _reviewed(page) == (start + 3, total)
    shoot(page, "02-2-after-three-decisions")

    overview = page.locator(".leadnet-overview-view")
    overview.scroll_into_view_if_needed()
    summary = "document.querySelector('.leadnet-overview-summary').textContent"
    page.wait_for_function(f"() => {summary}.includes('; {start + 3} decided by you')")
    overview.locator(".leadnet-overview-confidence-filter select").select_option(
        label="decided by you"
    )  # only the decisions: every group fits on one page
    page.wait_for_function(f"() => {summary}.includes('Showing {start + 3} of {total}')")
    for name, kind in chosen.items():
        group = overview.locator(f".leadnet-overview-group-{kind}")
        # the groups are redrawn message by message: wait (not sleep) until this one is
        expect(group).to_contain_text(name, timeout=60_000)
        for other in {"operational", "personal", "strategic"} - {kind}:
            assert name not in overview.locator(f".leadnet-overview-group-{other}").text_content()
    overview.locator(".leadnet-overview-summary").scroll_into_view_if_needed()
    shoot(page, "02-3-overview-decisions")
