"""Shared fixtures: fixture files, a fresh workspace, the shared/ folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from leadnet_helpers.model import Profile
from leadnet_helpers.store import Workspace

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("LEADNET_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Copies of ../shared/fixtures (vendor-format samples), kept in the repo so a clone is whole.
VENDOR_FIXTURES = REPO / "tests" / "fixtures" / "vendor"


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """An empty LEADNET_HOME for one test, and no workspace chosen in this 'kernel' yet."""
    from leadnet_helpers import workbook

    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("LEADNET_HOME", str(folder))
    workbook.reset_session()
    yield folder
    workbook.reset_session()


@pytest.fixture
def ws(tmp_path) -> Workspace:
    """A new, empty workspace for Ana Lima."""
    workspace = Workspace.create(
        tmp_path / "ana.leadnet.sqlite", Profile(name="Ana Lima", organisation="Contoso Ltd")
    )
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The vendor-format sample files (LinkedIn, Google, Outlook, vCard, hostile ones)."""
    return VENDOR_FIXTURES


def _need_chromium() -> None:
    """Skip without Debian's Chromium locally; fail in CI, which must run the browser tests."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run in CI, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, driven by Playwright (sync API): one for the session.

    Never ``playwright install``: it downloads a browser, which cannot work offline.
    """
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
