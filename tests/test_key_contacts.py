"""Key contacts (issue 13): the shortlist, bulk choices, rules and suggestions, honest figures.

The scenario is the one the issue describes: a 3,000-row LinkedIn export plus
45 contacts the person described (strength, frequency, last contact,
relationship), imported with the real ``leadnet`` command into a real
workspace file.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from leadnet_helpers.analysis import analysis_of
from leadnet_helpers.app.key_contacts import KeyContactsModel
from leadnet_helpers.app.triage import Triage
from leadnet_helpers.classify_at_scale import parse_rule
from leadnet_helpers.errors import LeadNetError
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.store import SCHEMA_VERSION, Workspace

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-30"


def _scenario_module():
    spec = importlib.util.spec_from_file_location(
        "make_key_contacts", REPO / "benchmarks" / "make_key_contacts.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def leadnet(*args: object, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the real ``leadnet`` command in a subprocess (this worktree's code)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "leadnet_helpers.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=REPO,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[Path, list[str]]:
    """A workspace holding a 3,000-row LinkedIn import and 45 described contacts."""
    folder = tmp_path_factory.mktemp("keys")
    scenario = _scenario_module()
    linkedin, described = scenario.write_scenario(folder, 3000, 45)
    path = folder / "maria.leadnet.sqlite"
    leadnet("init", path, "--name", "Maria Plant", "--organisation", "Contoso Ltd")
    leadnet("import", path, linkedin, described, "--quiet")
    names = [r["name"] for r in scenario.described_rows(45)]
    return path, names


@pytest.fixture
def copy(big, tmp_path) -> Workspace:
    """A private copy of the big workspace (tests that change it)."""
    with Workspace.open(big[0]) as ws:
        target = ws.copy_to(tmp_path / "copy.leadnet.sqlite")
    opened = Workspace.open(target)
    yield opened
    opened.close()


def test_shortlist_ranks_nearly_all_described_contacts_into_its_top_60(big, tmp_path):
    path, described = big
    out = tmp_path / "short.csv"
    done = leadnet("shortlist", path, "--size", "60", "--csv", out, "--today", TODAY)
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 60
    found = sum(r["name"] in described for r in rows)
    print(f"\n{found} of the 45 described contacts are in the shortlist's top 60 (of 3,040)")
    assert found >= 42
    # each comes with its reasons, in plain words
    first = next(r for r in rows if r["name"] in described)
    assert "you described them" in first["reason"]
    assert "3,040 contacts" in done.stdout and "wider network" in done.stdout


def test_shortlist_prints_reasons_and_keeps_them_with_accept(big, tmp_path):
    with Workspace.open(big[0]) as ws:
        path = ws.copy_to(tmp_path / "w.leadnet.sqlite")
    shown = leadnet("shortlist", path, "--size", "5", "--today", TODAY).stdout
    assert shown.count("you described them") == 5
    with Workspace.open(path) as ws:
        assert ws.key_contacts() == {}  # proposing saves nothing
    kept = leadnet("shortlist", path, "--size", "50", "--accept", "--today", TODAY).stdout
    assert "Kept 50 more as key contacts; 50 in all" in kept
    with Workspace.open(path) as ws:
        keys = ws.key_contacts()
        assert len(keys) == 50 and all(keys.values())  # each with its reason
        a = analysis_of(ws, TODAY)
        assert a.scope == "key contacts" and a.network.size == 50
        assert a.everyone.size == 3040 and a.key_ids == frozenset(keys)
        assert "key contacts" in a.scope_line()
        assert ws.undo(everyone=True).startswith("Undid: kept the shortlist's 50")
        assert ws.key_contacts() == {}
        assert analysis_of(ws, TODAY).scope == "everyone"


def test_a_bad_size_is_a_clear_message(big):
    done = leadnet("shortlist", big[0], "--size", "0", check=False)
    assert done.returncode == 1 and "Give --size 20 to 50" in done.stderr
    assert "Traceback" not in done.stderr


def test_bulk_choices_by_organisation_role_word_and_year_each_undo(copy):
    model = KeyContactsModel(copy, today=TODAY)
    said = model.keep_top(40)
    assert said == "Kept 40 key contacts: 40 in all."
    at_fabrikam = model.matching(organisation="Fabrikam, Inc.")
    assert len(at_fabrikam) > 50  # the export is full of them
    model.add_matching(organisation="Fabrikam, Inc.")
    assert model.key_ids() >= set(at_fabrikam)
    assert "trim" in model.status()  # more than fifty: the aim says so
    assert model.undo().startswith("Undid: added")
    assert len(model.key_ids()) == 40
    recruiters = model.matching(role_word="recruiter")
    assert recruiters and all(
        "recruiter" in copy.contact(i).role.casefold() for i in recruiters[:20]
    )
    model.add_matching(role_word="recruiter")
    said = model.remove_matching(role_word="recruiter")
    assert said.startswith(f"Removed {len(recruiters)} key contacts")
    in_2015 = model.matching(year="2015")
    assert in_2015 and set(in_2015).isdisjoint(model.key_ids())
    # one at a time
    _label, one = model.find("Ravi")[0]
    model.add([one])
    assert one in model.key_ids()
    model.remove([one])
    assert one not in model.key_ids()
    with pytest.raises(LeadNetError, match="No criterion"):
        model.matching()


def test_a_rule_in_plain_terms_is_previewed_applied_and_undone(copy):
    model = KeyContactsModel(copy, today=TODAY)
    mine = model.matching(organisation="Northwind Analytics")[0]
    copy.decide(mine, "strategic")  # decided one at a time: the rule leaves it alone
    before = copy.decisions()
    preview = model.preview_rule(
        "Everyone at Northwind Analytics is operational, unless I say otherwise"
    )
    assert len(preview) == len(model.matching(organisation="Northwind Analytics")) - 1
    assert mine not in set(preview["contact_id"])
    assert set(preview["becomes"]) == {"operational"}
    assert copy.decisions() == before  # a preview saves nothing
    said = model.apply_rule("everyone at Northwind Analytics is operational")
    assert said.startswith(
        f"Applied 'everyone at Northwind Analytics is operational' to {len(preview)}"
    )
    after = copy.decisions()
    assert after[mine]["network_type"] == "strategic"
    changed = [int(i) for i in preview["contact_id"]]
    assert {after[i]["network_type"] for i in changed} == {"operational"}
    assert {after[i]["decided_by"] for i in changed} == {"person"}
    assert "your rule" in str(after[changed[0]]["reasons"])
    # a later rule replaces an earlier rule's decision, not the person's own
    assert len(model.preview_rule("recruiters are personal")) > 0
    assert model.undo().startswith("Undid: rule: everyone at Northwind Analytics")
    assert copy.decisions() == before
    with pytest.raises(LeadNetError, match="is not a rule the workbook can read"):
        parse_rule("make everyone nice")


def test_decisions_on_a_few_propose_the_same_for_similar_ones_never_silently(tmp_path):
    ws = Workspace.create(
        tmp_path / "s.leadnet.sqlite", Profile(name="Maria", organisation="Contoso Ltd")
    )
    ids = [
        ws.add_contact(Contact(name, organisation=org, role=role))
        for name, org, role in (
            ("Ada Brooks", "Northwind", "Buyer"),
            ("Bo Chen", "Northwind", "Analyst"),
            ("Cy Diaz", "Northwind", "Engineer"),
            ("Dee Eng", "Fabrikam", "Senior Recruiter"),
            ("Eve Fox", "Tailspin", "Recruiter"),
        )
    ]
    ws.set_key_contacts(ids)
    model = KeyContactsModel(ws)
    assert model.suggestions().empty  # nothing decided yet: nothing to go on
    ws.decide(ids[0], "operational")
    ws.decide(ids[1], "operational")
    ws.decide(ids[3], "personal")
    found = model.suggestions()
    by_name = dict(zip(found["name"], found["suggested"], strict=True))
    assert by_name == {"Cy Diaz": "operational", "Eve Fox": "personal"}
    reason = found.set_index("name").loc["Cy Diaz", "reason"]
    assert "Ada Brooks" in reason and "at Northwind" in reason
    decided_before = ws.decisions()
    assert ids[2] not in decided_before  # shown, not saved
    assert model.accept_suggestions() == "Accepted 2 suggestions (Undo takes them back)."
    assert ws.decisions()[ids[2]]["network_type"] == "operational"
    assert ws.decisions()[ids[4]]["decided_by"] == "person"
    model.undo()
    assert ws.decisions() == decided_before
    ws.close()


def test_thin_key_contacts_get_one_click_settling_questions(copy):
    model = KeyContactsModel(copy, today=TODAY)
    at_tailspin = model.matching(organisation="Tailspin Toys")
    thin = [i for i in at_tailspin if not copy.contact(i).relationship][:3]
    model.add(thin)
    qs = [q for q in model.questions() if q.contact_id == thin[0]]
    assert [q.kind for q in qs] == ["where", "when"]
    assert qs[0].answers == ("inside", "outside")
    assert model.settle(thin[0], "where", "outside").endswith(": outside.")
    assert copy.contact(thin[0]).inside_org is False
    model.settle(thin[0], "when", "tomorrow's")
    assert copy.contact(thin[0]).orientation == "future"
    assert all(q.contact_id != thin[0] for q in model.questions())
    model.undo()
    assert copy.contact(thin[0]).orientation == ""
    # the wider network is never asked
    assert {q.contact_id for q in model.questions()} <= model.key_ids()


def test_the_triage_queue_holds_the_key_contacts_alone(copy):
    assert len(Triage(copy).order()) > 1000  # no key set yet: everyone is a card
    model = KeyContactsModel(copy, today=TODAY)
    model.keep_top(30)
    keys = model.key_ids()
    triage = Triage(copy)
    order = triage.order()
    assert order and set(order) <= set(keys)  # the wider network is never a card
    reviewed, total, _ = triage.counts()
    assert total == len(keys) and reviewed == len(keys) - len(order)
    assert triage.progress().endswith(f"of {len(keys)} reviewed")


def _linkedin_only(tmp_path: Path) -> Path:
    scenario = _scenario_module()
    linkedin, _ = scenario.write_scenario(tmp_path / "in", 400, 0)
    path = tmp_path / "guessed.leadnet.sqlite"
    leadnet("init", path, "--name", "Pat Lee", "--organisation", "Contoso Ltd")
    leadnet("import", path, linkedin, "--quiet")
    return path


def test_a_mostly_guessed_workspace_is_labelled_in_the_cli_and_the_plan(tmp_path):
    path = _linkedin_only(tmp_path)
    with Workspace.open(path) as ws:
        a = analysis_of(ws, TODAY)
        assert a.mostly_guessed and a.basis.guessed > a.basis.decided
        balance = a.finding("balance")
        assert balance is not None and not balance.is_gap
        assert balance.reading.startswith("Mostly guessed") and balance.details["mostly_guessed"]
    gaps = leadnet("gaps", path, "--today", TODAY).stdout
    assert "Mostly guessed: these findings rest on" in gaps
    assert gaps.splitlines()[1].startswith("Mostly guessed: these findings rest on")
    assert "0 decided, 400 guessed" in gaps.splitlines()[-1]  # on what the findings rest
    assert "Balance of the three networks" not in gaps.split("Also measured")[0]
    assert all(
        ", mostly guessed]" in line for line in gaps.splitlines() if line[:3].rstrip(".").isdigit()
    )
    out = tmp_path / "json.json"
    leadnet("gaps", path, "--json", out, "--today", TODAY)
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["mostly_guessed"] is True and "guessed" in payload["basis"]
    leadnet("plan", path, "--out", tmp_path / "plan", check=False)
    assert "Mostly guessed" in (tmp_path / "plan" / "plan.md").read_text(encoding="utf-8")
    assert "Mostly guessed" in (tmp_path / "plan" / "plan.html").read_text(encoding="utf-8")


def test_deciding_the_key_contacts_lifts_the_label(copy):
    model = KeyContactsModel(copy, today=TODAY)
    model.keep_top(50)
    a = analysis_of(copy, TODAY)
    assert not a.mostly_guessed  # the described 45 are clear from what was recorded
    assert a.gaps_label() == ""
    assert "Rests on 50 contacts" in a.scope_line()


def test_notebook_03_labels_the_gaps_of_a_mostly_guessed_workspace(tmp_path):
    path = _linkedin_only(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    (home / "current.txt").write_text(str(path.resolve()), encoding="utf-8")
    nb = nbformat.read(REPO / "notebooks" / "03_see_your_gaps.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells if c.cell_type == "code"][:2]  # the workspace, the basis
    env_before = {k: os.environ.get(k) for k in ("LEADNET_HOME", "PYTHONPATH")}
    os.environ["LEADNET_HOME"] = str(home)
    os.environ["PYTHONPATH"] = str(REPO)
    try:
        NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()
    finally:
        for k, v in env_before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    shown = json.dumps(nb.cells[1].outputs)
    assert "leadnet-basis-guessed" in shown and "Mostly guessed" in shown
    assert "Measured on all 4" in shown


def test_an_older_workspace_gains_the_key_contacts_table(tmp_path):
    path = tmp_path / "old.leadnet.sqlite"
    with Workspace.create(path, Profile(name="Ana")) as ws:
        cid = ws.add_contact(Contact("Bo"))
    import sqlite3

    raw = sqlite3.connect(path)
    raw.execute("DROP TABLE key_contacts")
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    raw.commit()
    raw.close()
    with Workspace.open(path, read_only=True) as ws:
        assert ws.key_contacts() == {}  # readable as is, before the upgrade
    with Workspace.open(path) as ws:
        ws.set_key_contacts([cid])
        assert list(ws.key_contacts()) == [cid]
