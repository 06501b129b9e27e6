"""Notebook 06 in the app (Voilà, as `make app`): share with my coach, nothing but what was chosen.

On a fresh copy of the sample persona Ana Lucía Ferreira (54 contacts, chosen as
the workspace the notebooks open), the participant chooses an offer and an ask,
presses Preview and reads the share in plain words while no file exists yet;
then writes it and downloads it through the link. The file written (read from
disk, as the coach would get it) holds the offer and the ask chosen and no
contact's name or organisation; the download is the same bytes. No request
left 127.0.0.1. Screenshots go to test-artifacts/app-share-*.png.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from leadnet_helpers import paths, personas
from leadnet_helpers.workbook import export_folder

from .conftest import offsite

pytestmark = pytest.mark.browser

NOTEBOOK = "06_share_with_your_coach.ipynb"
OFFER = ("Feedback on a plan, a pitch or a piece of work", "feedback")
OFFER_AREA = ("logistics and transport", "logistics")
ASK = ("An introduction to people in an area", "introduction")
ASK_AREA = ("finance", "finance")


@pytest.fixture
def sample_chosen(app, monkeypatch):
    """The sample persona is the workspace the app opens; the choice before is put back after.

    Yields the workspace file and the folder the share is written to.
    """
    monkeypatch.setenv("LEADNET_HOME", str(app.leadnet_home))
    before = paths.current_workspace_path()
    ws = personas.open_sample("ana-lucia-ferreira")
    paths.remember_current_workspace(ws.path)
    folder = export_folder(ws)
    ws.close()
    yield ws.path, folder
    if before is not None:
        paths.remember_current_workspace(before)


def names_and_organisations(workspace: Path) -> set[str]:
    """Every contact's name and organisation in *workspace* (read with sqlite3)."""
    with sqlite3.connect(workspace) as conn:
        rows = conn.execute("SELECT name, organisation FROM contacts").fetchall()
    return {value for row in rows for value in row if value and value.strip()}


def choose(page, form, row: str, kind: str, area: str) -> None:
    """In the row labelled *row* (e.g. "Offer 1"), choose the kind and the area by their labels."""
    page.get_by_label(row, exact=True).select_option(label=kind)
    line = form.locator(".widget-hbox").filter(has=page.get_by_label(row, exact=True))
    line.locator("select").nth(1).select_option(label=area)


def test_06_preview_in_plain_words_then_write_a_file_without_names(
    app, app_page, shoot, sample_chosen, tmp_path
):
    workspace, folder = sample_chosen
    private = names_and_organisations(workspace)
    assert len(private) > 50  # the sample has contacts, and organisations
    written = folder / f"share-{date.today().isoformat()}.json"
    written.unlink(missing_ok=True)

    page = app_page
    page.goto(app.step_url(NOTEBOOK))
    form = page.locator(".leadnet-share")
    form.wait_for(timeout=180_000)
    assert "Ana Lucía Ferreira" in page.locator(".leadnet-banner").inner_text()
    form.scroll_into_view_if_needed()
    choose(page, form, "Offer 1", OFFER[0], OFFER_AREA[0])
    choose(page, form, "Ask 1", ASK[0], ASK_AREA[0])
    write = form.get_by_role("button", name="Write the file")
    assert write.is_disabled()  # nothing can be written before the preview

    form.get_by_role("button", name="Preview").click()
    preview = form.locator("pre.leadnet-share-preview")
    preview.wait_for()
    form.get_by_text("Nothing is written yet.").wait_for()
    text = preview.inner_text()
    assert text.startswith("Your share with your coach will hold exactly this")
    assert f"What you offer the room:\n    {OFFER[0]}: {OFFER_AREA[0]}" in text
    assert f"What you ask the room for:\n    {ASK[0]}: {ASK_AREA[0]}" in text
    assert "54 contacts" in text
    assert not any(value in text for value in private)
    assert not written.exists()  # the preview wrote nothing
    shoot(page, "app-share-1-preview")

    write.click()  # waits until the preview enabled it
    link = form.locator(f"a.leadnet-download[download='{written.name}']")
    link.wait_for()
    form.get_by_text(f"Wrote {written.name}").wait_for()
    assert written.exists()
    shoot(page, "app-share-2-written")
    with page.expect_download() as download:
        link.click()
    downloaded = tmp_path / download.value.suggested_filename
    download.value.save_as(downloaded)
    assert downloaded.read_bytes() == written.read_bytes()

    raw = written.read_text(encoding="utf-8")
    share = json.loads(raw)
    assert share["offers"] == [{"kind": OFFER[1], "area": OFFER_AREA[1], "phrase": ""}]
    assert share["asks"] == [{"kind": ASK[1], "area": ASK_AREA[1], "phrase": ""}]
    # as written and as read back (JSON may escape accents): no contact's name or organisation
    readable = json.dumps(share, ensure_ascii=False)
    leaked = sorted(value for value in private if value in raw or value in readable)
    assert leaked == [], leaked
    assert offsite(page.requests) == []  # type: ignore[attr-defined]
