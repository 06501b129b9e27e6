"""The sample personas: complete, consistent, and never changed by exploring them."""

from __future__ import annotations

import csv
import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from leadnet_helpers.analysis import analysis_of
from leadnet_helpers.errors import WorkspaceError
from leadnet_helpers.model import CAREER_STAGES, Contact
from leadnet_helpers.paths import data_dir
from leadnet_helpers.personas import build_persona_workspace, list_personas, open_sample

TODAY = date(2026, 11, 21)  # "today" in the personas' data


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def _count_rows(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


@pytest.mark.parametrize("persona", list_personas(), ids=lambda p: p["slug"])
def test_each_persona_builds_a_full_workspace(persona, home):
    folder = data_dir() / "personas" / persona["slug"]
    assert persona["career_stage"] in CAREER_STAGES
    with open_sample(persona["slug"]) as ws:
        assert ws.profile().name == persona["name"]
        assert ws.count_contacts() == _count_rows(folder / "contacts.csv") >= 40
        assert len(ws.ties()) == _count_rows(folder / "ties.csv") > 40
        assert len(ws.interactions()) == _count_rows(folder / "interactions.csv") > 40
        assert ws.last_change() is None  # a fresh sample has nothing to undo
        assert str(ws.path).startswith(str(home))


def test_two_personas_of_different_career_stages():
    stages = {p["career_stage"] for p in list_personas()}
    assert len(stages) >= 2


def test_changing_a_sample_copy_never_touches_the_shipped_files(home):
    folder = data_dir() / "personas"
    before = _digest(folder)
    with open_sample("ana-lucia-ferreira") as ws:
        ws.delete_contacts([c.id for c in ws.contacts()[:10]])
        ws.add_contact(Contact(name="Someone new"))
    assert _digest(folder) == before
    with open_sample("ana-lucia-ferreira") as fresh:  # built afresh from the files
        assert fresh.find_contacts("Someone new") == []
        assert fresh.count_contacts() == _count_rows(folder / "ana-lucia-ferreira" / "contacts.csv")


def test_an_unknown_persona_lists_the_known_ones(home):
    with pytest.raises(WorkspaceError, match="ana-lucia-ferreira"):
        open_sample("nobody")


def test_rebuilding_a_sample_while_another_notebook_has_it_open_breaks_nothing(home):
    first = open_sample("noor-al-sayegh")  # notebook A keeps it open
    first.add_contact(Contact(name="Only in the old copy"))
    second = open_sample("noor-al-sayegh")  # notebook B starts afresh
    assert second.find_contacts("Only in the old copy") == []
    assert first.integrity_ok() and second.integrity_ok()
    assert first.count_contacts() == second.count_contacts()  # A now sees the fresh copy
    first.close()
    second.close()


COURSE_PERSONAS = [p for p in list_personas() if p.get("intended_gaps")]


def test_six_course_personas_of_different_stages_sectors_and_regions():
    assert len(COURSE_PERSONAS) >= 6
    profiles = [
        json.loads((data_dir() / "personas" / p["slug"] / "profile.json").read_text("utf-8"))
        for p in COURSE_PERSONAS
    ]
    assert len({p["career_stage"] for p in profiles}) >= 5
    assert len({p["industry"] for p in profiles}) == len(profiles)
    for p in COURSE_PERSONAS:
        story = (data_dir() / "personas" / p["slug"] / "story.md").read_text("utf-8")
        assert p["name"] in story and "gaps to find" in story


@pytest.mark.parametrize("persona", COURSE_PERSONAS, ids=lambda p: p["slug"])
def test_each_course_persona_shows_the_gaps_its_story_is_about(persona, tmp_path):
    ws = build_persona_workspace(persona["slug"], tmp_path / "w.leadnet.sqlite")
    with ws:
        analysis = analysis_of(ws, TODAY)
    gaps = {f.key: f for f in analysis.gaps}
    for key in persona["intended_gaps"]:
        assert key in gaps, f"{persona['slug']}: {key} is not a gap"
        # a gap a student notices: at least medium, with the people it names
        assert gaps[key].severity_label in ("medium", "high"), (key, gaps[key].reading)
