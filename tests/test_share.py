"""Sharing with a coach: what the file holds, what it never holds, and the `leadnet share` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import leadnet

from leadnet_helpers.errors import LeadNetError
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.personas import build_persona_workspace
from leadnet_helpers.share import Choice, build_share, preview_text, share_json, write_share
from leadnet_helpers.share.schema import FIELDS, finding_titles
from leadnet_helpers.store import Workspace

TODAY = "2026-11-30"


@pytest.fixture(scope="module")
def persona_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("share") / "ana.leadnet.sqlite"
    build_persona_workspace("ana-lucia-ferreira", path).close()
    return path


@pytest.fixture
def persona(persona_path, tmp_path) -> Path:
    """A fresh copy of the persona's workspace for one test."""
    with Workspace.open(persona_path) as ws:
        return ws.copy_to(tmp_path / "ana.leadnet.sqlite")


def private_words(path: Path) -> list[str]:
    with Workspace.open(path, read_only=True) as ws:
        profile = ws.profile()
        contacts = ws.contacts()
    assert profile is not None
    words = [profile.name, profile.organisation]
    words += [c.name for c in contacts] + [c.organisation for c in contacts if c.organisation]
    words += [w for c in contacts for w in (c.role, c.notes, *c.tags) if w and len(w) > 3]
    return sorted({w for w in words if w})


def test_a_share_holds_numbers_and_categories_and_never_a_name(persona, tmp_path):
    with Workspace.open(persona) as ws:
        share = build_share(
            ws, TODAY, pseudonym="Heron", offers=[Choice("introduction", "logistics")]
        )
        out = write_share(share, tmp_path / "share.json")
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert tuple(data) == FIELDS
    assert data["career_stage"] == "functional manager stepping up to business leader"
    assert data["network"]["contacts"] == 54
    assert {f["key"] for f in data["findings"]} == set(finding_titles())
    assert all(set(f) == {"key", "value", "severity", "is_gap"} for f in data["findings"])
    assert "reading" not in text and "evidence" not in text
    assert data["actions"] and all("_" in a or a.isalpha() for a in data["actions"])
    leaked = [w for w in private_words(persona) if w.casefold() in text.casefold()]
    assert leaked == []


def test_the_share_id_is_random_kept_and_pairs_a_later_share(persona, persona_path, tmp_path):
    with Workspace.open(persona) as ws:
        first = build_share(ws, "2026-10-01")
    with Workspace.open(persona) as ws:
        later = build_share(ws, TODAY)
    with Workspace.open(persona_path) as ws:
        other = build_share(ws, TODAY)
    assert first["share_id"] == later["share_id"] != other["share_id"]
    assert len(first["share_id"]) == 32


def test_the_preview_says_in_plain_words_exactly_what_is_shared(persona):
    with Workspace.open(persona) as ws:
        share = build_share(
            ws, TODAY, asks=[Choice("feedback", "", "on a board pitch")], pseudonym=""
        )
    text = preview_text(share)
    assert text.startswith("Your share with your coach will hold exactly this")
    assert "Pseudonym: none" in text and "30 November 2026" in text
    assert "Balance of the three networks" in text and '"on a board pitch"' in text
    assert "Kenji Watanabe" not in text  # the plan's people are not in the preview either


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"pseudonym": "Kenji"}, "pseudonym 'Kenji' contains a name"),
        ({"pseudonym": "Ana Lucía"}, "contains a name"),
        (
            {"offers": [Choice("expertise", "", "ask about marrowby freight & fulfilment")]},
            "offer phrase",
        ),
        (
            {
                "asks": [
                    Choice("feedback"),
                    Choice("event"),
                    Choice("expertise"),
                    Choice("shadowing"),
                ]
            },
            "4 asks",
        ),
        ({"pseudonym": "x" * 41}, "41 characters"),
    ],
)
def test_names_and_too_much_are_refused_with_the_fix(persona, kwargs, message):
    with Workspace.open(persona) as ws, pytest.raises(LeadNetError, match=message) as err:
        build_share(ws, TODAY, **kwargs)
    assert err.value.fix


def test_a_phrase_too_long_or_on_two_lines_is_refused():
    with pytest.raises(LeadNetError, match="characters long"):
        Choice("feedback", "", "a" * 81)
    with pytest.raises(LeadNetError, match="line break"):
        Choice("feedback", "", "one\ntwo")
    with pytest.raises(LeadNetError, match="not an area"):
        Choice("feedback", "astrology")


def test_choices_are_kept_in_the_workspace_for_the_next_share(persona, tmp_path):
    done = leadnet(
        "share",
        str(persona),
        "--out",
        str(tmp_path / "a.json"),
        "--pseudonym",
        "Kestrel",
        "--offer",
        "introduction:logistics=ports and shipping",
        "--ask",
        "sounding_board",
        "--today",
        "2026-10-01",
    )
    assert done.returncode == 0, done.stderr
    again = leadnet("share", str(persona), "--out", str(tmp_path / "b.json"), "--today", TODAY)
    assert again.returncode == 0, again.stderr
    a, b = (json.loads((tmp_path / n).read_text()) for n in ("a.json", "b.json"))
    assert b["pseudonym"] == "Kestrel" and b["offers"] == a["offers"] and b["asks"] == a["asks"]
    assert a["share_id"] == b["share_id"] and a["date"] != b["date"]
    with Workspace.open(persona, read_only=True) as ws:
        assert ws.share_settings()["offers"][0]["phrase"] == "ports and shipping"


def test_the_command_prints_the_preview_before_writing(persona, tmp_path):
    out = tmp_path / "mine.json"
    done = leadnet("share", str(persona), "--out", str(out), "--today", TODAY)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Your share with your coach will hold exactly this")
    assert lines[-1] == f"Wrote your share to {out}: give this file to your coach."
    assert json.loads(out.read_text())["date"] == TODAY


def test_the_command_refuses_to_replace_a_file_and_names_before_writing(persona, tmp_path):
    out = tmp_path / "mine.json"
    out.write_text("my notes", encoding="utf-8")
    done = leadnet("share", str(persona), "--out", str(out))
    assert done.returncode == 1 and done.stdout == ""
    assert "already exists" in done.stderr and "--force" in done.stderr
    assert "Traceback" not in done.stderr and out.read_text() == "my notes"
    named = leadnet("share", str(persona), "--out", str(out), "--force", "--pseudonym", "Kenji")
    assert named.returncode == 1 and "contains a name" in named.stderr
    assert out.read_text() == "my notes"
    bad = leadnet("share", str(persona), "--out", str(out), "--force", "--offer", "gossip")
    assert bad.returncode == 1 and "Use one of: introduction" in bad.stderr
    forced = leadnet("share", str(persona), "--out", str(out), "--force")
    assert forced.returncode == 0 and json.loads(out.read_text())["schema"] == "leadnet-share"


def test_an_empty_workspace_shares_without_failing(tmp_path):
    path = tmp_path / "new.leadnet.sqlite"
    with Workspace.create(path, Profile("Bea Ruiz", "Fabrikam")) as ws:
        empty = build_share(ws, TODAY)
        ws.add_contact(Contact("Cy Oduya", organisation="Northwind"))
        one = build_share(ws, TODAY)
    assert empty["network"]["contacts"] == 0 and empty["network"]["mix"] == {}
    assert one["network"]["contacts"] == 1
    assert "Cy Oduya" not in share_json(one) and "Bea Ruiz" not in share_json(one)


def test_the_app_writes_only_what_was_previewed(persona, tmp_path):
    from leadnet_helpers.app.share import ShareModel

    with Workspace.open(persona) as ws:
        model = ShareModel(ws, today=TODAY, folder=tmp_path)
        model.set_pseudonym("Wren")
        model.set_choice("offer", 0, "expertise", "operations", "warehouse automation")
        with pytest.raises(LeadNetError, match="Press Preview"):
            model.write()
        text = model.preview()
        assert "Pseudonym: Wren" in text and "warehouse automation" in text
        model.set_choice("ask", 0, "event")
        with pytest.raises(LeadNetError, match="Press Preview"):
            model.write()  # a change after the preview needs a new preview
        model.preview()
        path = model.write()
        assert path == tmp_path / "share-2026-11-30.json"
        written = json.loads(path.read_text())
        assert written["asks"] == [{"kind": "event", "area": "", "phrase": ""}]
    with Workspace.open(persona, read_only=True) as ws:
        again = ShareModel(ws, today=TODAY, folder=tmp_path)
        assert again.pseudonym == "Wren" and again.rows["offer"][0][0] == "expertise"


def test_the_share_widget_previews_then_writes_and_offers_a_download(persona, tmp_path):
    from leadnet_helpers.widgets import share_view

    with Workspace.open(persona) as ws:
        view = share_view(ws, folder=tmp_path)
        view.model.today = view.model.today.replace(year=2026, month=11, day=30)
        assert view.write_button.disabled
        view.pseudonym.value = "Kenji"  # a contact's first name
        view.preview_button.click()
        assert "contains a name" in view.feedback.value and view.write_button.disabled
        view.pseudonym.value = "Heron"
        kind, area, phrase = view.rows["ask"][0]
        kind.value, area.value, phrase.value = "feedback", "strategy", "<b>my pitch</b>"
        view.preview_button.click()
        assert "Pseudonym: Heron" in view.preview_box.value
        assert "&lt;b&gt;my pitch&lt;/b&gt;" in view.preview_box.value
        assert not view.write_button.disabled
        view.write_button.click()
        assert 'download="share-2026-11-30.json"' in view.link.value
        assert (tmp_path / "share-2026-11-30.json").exists()
        phrase.value = "a board pitch"
        assert view.write_button.disabled and "Preview again" in view.feedback.value


def test_a_workspace_from_before_sharing_gains_its_settings_and_reads_without_them(
    tmp_path, monkeypatch
):
    from leadnet_helpers.store import schema as store

    path = tmp_path / "old.leadnet.sqlite"
    sharing = next(v for v, sql in store.MIGRATIONS.items() if "share_settings" in sql)
    before = {v: sql for v, sql in store.MIGRATIONS.items() if v < sharing}
    monkeypatch.setattr(store, "MIGRATIONS", before)
    monkeypatch.setattr(store, "SCHEMA_VERSION", max(before))
    Workspace.create(path, Profile(name="Ana Lima")).close()
    monkeypatch.undo()
    with Workspace.open(path, read_only=True) as ws:
        assert ws.share_settings() is None  # no table yet: nothing saved, no error
        assert ws.share_id() != ws.share_id()  # read-only: a fresh code each time, unsaved
    with Workspace.open(path) as ws:  # opened normally: migrated
        sid = ws.share_id()
        ws.save_share_settings(pseudonym="Wren", offers=[], asks=[])
    with Workspace.open(path, read_only=True) as ws:
        assert ws.share_settings() == {
            "share_id": sid,
            "pseudonym": "Wren",
            "offers": [],
            "asks": [],
        }
