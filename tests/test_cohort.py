"""The coach's cohort view: twelve participants share, the room is read, checked and summarised."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from test_cli import leadnet

from leadnet_helpers.cohort import MIN_GROUP, cohort_view
from leadnet_helpers.cohort.market import labels_of
from leadnet_helpers.cohort.sample import make_participants, share_again
from leadnet_helpers.store import Workspace

TODAY = date(2026, 11, 30)
THEN = TODAY - timedelta(days=42)


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """Twelve generated participants, each sharing through `leadnet share`; six share again."""
    root = tmp_path_factory.mktemp("room")
    people = make_participants(root / "workspaces", 12, today=THEN)
    then = root / "then"
    then.mkdir()
    for person in people:
        done = leadnet(
            "share",
            str(person.workspace),
            "--out",
            str(then / f"{person.workspace.stem}.json"),
            "--today",
            THEN.isoformat(),
        )
        assert done.returncode == 0, done.stderr
    now = root / "now"
    now.mkdir()
    for i, person in enumerate(people[:6]):
        share_again(person, now / f"{person.workspace.stem}.json", TODAY, seed=i)
    return root, people, then, now


def folder_of(tmp_path: Path, *sources: Path) -> Path:
    out = tmp_path / "shares"
    out.mkdir(exist_ok=True)
    for src in sources:
        for f in src.glob("*.json"):
            shutil.copy(f, out / f"{src.name}-{f.name}")
    return out


def cohort(folder: Path, tmp_path: Path) -> tuple[dict, str, str]:
    done = leadnet(
        "cohort",
        str(folder),
        "--json",
        str(tmp_path / "c.json"),
        "--html",
        str(tmp_path / "c.html"),
    )
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    return data, (tmp_path / "c.html").read_text(encoding="utf-8"), done.stdout


def counts_in(room: dict) -> list[tuple[str, int | None]]:
    """Every count of participants the room view shows."""
    found: list[tuple[str, int | None]] = []
    found += [(f"stage {k}", v) for k, v in room["career_stages"].items()]
    for kind, entry in room["mix"].items():
        found += [
            (f"{kind} {k}", entry[k]) for k in ("below_target", "near_target", "above_target")
        ]
    found += [(f"gap {g['key']}", g["participants"]) for g in room["gaps"]]
    for key, dist in room["distributions"].items():
        found += [(f"{key} {band}", v) for band, v in dist["bands"].items()]
    for side in ("offers", "asks"):
        found += [(f"{side} {k}", v) for k, v in room["give_ask"][side].items()]
    found.append(("taking part", room["give_ask"]["participants_taking_part"]))
    return found


def test_no_share_holds_a_name_of_a_contact_an_organisation_or_the_participant(room):
    _, people, then, now = room
    files = [*then.glob("*.json"), *now.glob("*.json")]
    assert len(files) == 18
    for person in people:
        with Workspace.open(person.workspace, read_only=True) as ws:
            contacts = ws.contacts()
        words = {person.name, person.organisation}
        words |= {c.name for c in contacts} | {c.organisation for c in contacts if c.organisation}
        for f in files:
            text = f.read_text(encoding="utf-8").casefold()
            leaked = sorted(w for w in words if w.casefold() in text)
            assert leaked == [], f"{f.name} names {leaked}"


def test_twelve_participants_make_a_room_with_ranked_gaps_and_no_small_cell(room, tmp_path):
    _, _, then, _ = room
    data, page, stdout = cohort(folder_of(tmp_path, then), tmp_path)
    assert data["participants"] == 12 and data["files"]["counted"] == 12
    assert stdout.startswith("12 participants shared")
    gaps = data["room"]["gaps"]
    shown = [g["participants"] for g in gaps if g["participants"] is not None]
    assert shown == sorted(shown, reverse=True) and shown[0] >= MIN_GROUP
    withheld = {s["what"] for s in data["suppressed"]}
    for where, value in counts_in(data["room"]):
        assert value is None or value == 0 or value >= MIN_GROUP, where
    assert {f"gaps.{g['key']}" for g in gaps if g["participants"] is None} <= withheld
    mix = data["room"]["mix"]["strategic"]
    assert mix["measured"] == 12 and 0 <= mix["share"]["q1"] <= mix["share"]["q3"] <= 1
    for key in ("inside_outside", "constraint", "self_introduced", "losing_touch", "give_share"):
        dist = data["room"]["distributions"][key]
        assert set(dist["quartiles"]) == {"q1", "median", "q3"}, key
        assert sum(v for v in dist["bands"].values() if v) <= 12
    assert "could point at someone" in page and "The room at a glance" in page


def test_the_debrief_is_one_offline_page_with_a_reading_under_each_figure(room, tmp_path):
    _, _, then, _ = room
    _, page, _ = cohort(folder_of(tmp_path, then), tmp_path)
    assert "<script" not in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert page.count("<figure>") >= 5
    assert page.count("<figure>") == page.count('<p class="reading">')
    assert "The most common gap is" in page and "Give before you get" in page


def test_a_cohort_of_three_shows_only_its_count(room, tmp_path):
    _, _, then, _ = room
    folder = tmp_path / "three"
    folder.mkdir()
    for f in sorted(then.glob("*.json"))[:3]:
        shutil.copy(f, folder / f.name)
    data, page, stdout = cohort(folder, tmp_path)
    assert data["participants"] == 3
    assert "room" not in data and "market" not in data and "then_now" not in data
    assert data["suppressed"] == [
        {"what": "everything but the count", "reason": "the cohort has fewer than 5 participants"}
    ]
    assert "Only the count is shown" in stdout and "Only the count is shown" in page
    assert "<figure>" not in page


def tamper(src: Path, folder: Path) -> dict[str, str]:
    """Write broken copies of *src* into *folder*; return each file name's expected reason."""
    good = json.loads(src.read_text(encoding="utf-8"))
    text = src.read_text(encoding="utf-8")
    (folder / "extra-field.json").write_text(
        json.dumps({**good, "name": "Somebody"}), encoding="utf-8"
    )
    wrong_type = {**good, "network": {**good["network"], "contacts": "many"}}
    (folder / "wrong-type.json").write_text(json.dumps(wrong_type), encoding="utf-8")
    (folder / "wrong-version.json").write_text(json.dumps({**good, "version": 2}), "utf-8")
    (folder / "not-json.json").write_text("name,organisation\nBo,Contoso\n", encoding="utf-8")
    (folder / "truncated.json").write_text(text[: len(text) // 2], encoding="utf-8")
    out_of_range = {**good, "findings": [{**good["findings"][0], "severity": 7}]}
    (folder / "out-of-range.json").write_text(json.dumps(out_of_range), encoding="utf-8")
    (folder / "zz-copy.json").write_text(text, encoding="utf-8")
    return {
        "extra-field.json": "does not have: 'name'",
        "wrong-type.json": "network.contacts should be a whole number",
        "wrong-version.json": "version 2; this LeadNet reads version 1",
        "not-json.json": "not valid JSON",
        "truncated.json": "cut short",
        "out-of-range.json": "severity should be a number from 0 to 1",
    }


def test_tampered_and_duplicated_files_are_named_with_the_reason(room, tmp_path):
    _, _, then, _ = room
    folder = folder_of(tmp_path, then)
    expected = tamper(min(folder.glob("*.json")), folder)
    data, _, stdout = cohort(folder, tmp_path)
    assert data["participants"] == 12 and data["files"]["read"] == 19
    problems = {p["file"]: p["reason"] for p in data["files"]["problems"]}
    assert set(problems) == set(expected)
    for name, reason in expected.items():
        assert reason in problems[name], (name, problems[name])
        assert f"not counted: {name}: " in stdout
    [dup] = data["files"]["duplicates"]
    assert dup["file"] == "zz-copy.json" and "counted once" in dup["reason"]


def test_then_and_now_pairs_shares_by_id_and_shows_how_the_room_moved(room, tmp_path):
    _, _, then, now = room
    data, page, _ = cohort(folder_of(tmp_path, then, now), tmp_path)
    assert data["participants"] == 12 and data["files"]["counted"] == 18
    moved = data["then_now"]
    assert moved["pairs"] == 6
    assert moved["then_dates"]["from"] == THEN.isoformat()
    assert moved["now_dates"]["to"] == TODAY.isoformat()
    give = moved["measures"]["give_share"]
    assert give["median_now"] > give["median_then"]
    assert give["up"] is None or give["up"] >= MIN_GROUP
    strategic = moved["measures"]["mix.strategic"]
    assert strategic["median_now"] > strategic["median_then"]
    assert "shared twice" in page


def test_then_and_now_of_fewer_than_five_is_withheld(room, tmp_path):
    _, _, then, now = room
    folder = folder_of(tmp_path, then)
    for f in sorted(now.glob("*.json"))[:4]:
        shutil.copy(f, folder / f"later-{f.name}")
    view = cohort_view(folder)
    assert view.data["then_now"]["pairs"] is None
    assert {"what": "then_now", "reason": "fewer than 5 participants shared twice"} in (
        view.data["suppressed"]
    )


def test_the_market_pairs_asks_with_offers_from_someone_else(room, tmp_path):
    _, _, then, _ = room
    data, page, _ = cohort(folder_of(tmp_path, then), tmp_path)
    shares = [json.loads(f.read_text()) for f in then.glob("*.json")]
    by_label = dict(zip(labels_of(shares), shares, strict=True))
    assert len(by_label) == 12  # two chose the same pseudonym: told apart by the id
    pairs = data["market"]["pairs"]
    assert pairs, "the generated room has asks that others offer"
    for p in pairs:
        giver, receiver = by_label[p["giver"]], by_label[p["receiver"]]
        assert giver is not receiver
        assert p["kind"] in {o["kind"] for o in giver["offers"]}
        assert p["kind"] in {a["kind"] for a in receiver["asks"]}
    asks = sum(len(s["asks"]) for s in shares)
    assert len(pairs) + data["market"]["unmatched_asks"] == asks
    assert pairs[0]["giver"] in page


def test_a_missing_folder_is_a_clear_message(tmp_path):
    done = leadnet("cohort", str(tmp_path / "nowhere"), "--json", str(tmp_path / "c.json"))
    assert done.returncode == 1 and "is not a folder" in done.stderr
    assert "Traceback" not in done.stderr
