"""Shared fixtures: fixture files, a fresh workspace, the shared/ folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadnet_helpers.model import Profile
from leadnet_helpers.store import Workspace

REPO = Path(__file__).resolve().parent.parent
#: Copies of ../shared/fixtures (vendor-format samples), kept in the repo so a clone is whole.
VENDOR_FIXTURES = REPO / "tests" / "fixtures" / "vendor"


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """An empty LEADNET_HOME for one test."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("LEADNET_HOME", str(folder))
    return folder


@pytest.fixture
def ws(tmp_path) -> Workspace:
    """A new, empty workspace for Ana Lima."""
    workspace = Workspace.create(tmp_path / "ana.leadnet.sqlite",
                                 Profile(name="Ana Lima", organisation="Contoso Ltd"))
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The vendor-format sample files (LinkedIn, Google, Outlook, vCard, hostile ones)."""
    return VENDOR_FIXTURES
