"""Shared helpers for the importer tests: where the fixtures are, and lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadnet_helpers.importers import ParsedFile, parse_file
from leadnet_helpers.model import Contact

#: Repo copies of the vendor-format samples from shared/fixtures.
SHARED = Path(__file__).resolve().parent.parent / "fixtures" / "vendor"
DATA = Path(__file__).parent / "data"


def find_person(parsed: ParsedFile, name: str, index: int = 0) -> Contact:
    """The *index*-th accepted contact called *name*."""
    found = [c for _, c in parsed.contacts if c.name == name]
    assert len(found) > index, f"{name!r} not among {[c.name for _, c in parsed.contacts]}"
    return found[index]


@pytest.fixture
def person():
    return find_person


@pytest.fixture
def shared() -> Path:
    return SHARED


@pytest.fixture
def parse_shared(shared):
    def parse(name: str) -> ParsedFile:
        return parse_file(shared / name)

    return parse


@pytest.fixture
def parse_data():
    def parse(name: str) -> ParsedFile:
        return parse_file(DATA / name)

    return parse
