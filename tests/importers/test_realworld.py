"""Exports written by real tools (``../shared/realworld/``) import without losing a named record.

The files are read where they lie, never copied into the repository (several
are under copyleft licences). A record may be rejected only for having no
name at all, or where ``SOURCES.md`` accepts it (``rejects=N``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leadnet_helpers.importers import parse_file
from leadnet_helpers.model import Profile
from leadnet_helpers.store import Workspace

REALWORLD = Path(__file__).resolve().parents[2].parent / "shared" / "realworld"
_FILES = sorted(
    p.relative_to(REALWORLD).as_posix()
    for p in (REALWORLD.rglob("*") if REALWORLD.is_dir() else ())
    if p.suffix.lower() in (".csv", ".vcf")
)
needs_folder = pytest.mark.skipif(
    not REALWORLD.is_dir(), reason=f"the real-world exports folder {REALWORLD} is absent"
)


def _accepted_rejects() -> dict[str, int]:
    sources = REALWORLD / "SOURCES.md"
    if not sources.is_file():
        return {}
    block = re.search(r"```exceptions\n(.*?)```", sources.read_text("utf-8"), re.DOTALL)
    found = {}
    for line in (block.group(1) if block else "").splitlines():
        match = re.match(r"^(\S+)\s.*\brejects=(\d+)", line)
        if match:
            found[match.group(1)] = int(match.group(2))
    return found


def realworld(name: str):
    return parse_file(REALWORLD / name)


@needs_folder
@pytest.mark.parametrize("name", _FILES or ["(none)"])
def test_file_from_the_wild_imports_every_named_record(name, tmp_path):
    with Workspace.create(tmp_path / "ws.leadnet.sqlite", Profile(name="Ana Lima")) as ws:
        report = ws.import_file(REALWORLD / name)
    rejected = [
        (e.line, e.detail)
        for e in report.events
        if e.outcome == "rejected" and not e.detail.startswith("no name")
    ]
    assert len(rejected) <= _accepted_rejects().get(name, 0), rejected
    for event in report.events:
        assert "Failed to parse" not in event.detail and "vobject" not in event.detail
