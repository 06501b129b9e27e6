"""Roles and energy (Cross & Thomas): entering them, the two findings, the plan, the CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import leadnet

from leadnet_helpers.analysis import analysis_of
from leadnet_helpers.diagnostics import all_findings, energy, load_roles, roles
from leadnet_helpers.errors import LeadNetError, WorkspaceError
from leadnet_helpers.model import ENERGY, HELP_KINDS, Contact, Profile, contact_from_row
from leadnet_helpers.network import network_from
from leadnet_helpers.paths import data_dir
from leadnet_helpers.plan import suggest_actions
from leadnet_helpers.store import Workspace

TODAY = date(2026, 11, 30)
ANA = Profile("Ana Lima", organisation="Contoso")


def net_of(*people: Contact):
    """The network of these people, with ids 1, 2, ... in order."""
    return network_from(ANA, [replace(p, id=i) for i, p in enumerate(people, 1)])


# --------------------------------------------------------------------------- the vocabulary


def test_roles_json_matches_the_model_and_cites_its_sources():
    data = load_roles()
    assert tuple(data["kinds"]) == HELP_KINDS and tuple(data["energy"]) == ENERGY
    for entry in (*data["kinds"].values(), *data["energy"].values()):
        assert entry["label"] and entry["question"].endswith((".", "?"))
    assert "Cross, R. & Thomas, R. J. (2011)" in data["sources"]["cross2011"]
    assert "Cross, R., Baker, W. & Parker, A. (2003)" in data["sources"]["cross2003"]


def test_a_row_reads_helps_with_and_energy_and_reports_what_it_cannot():
    c, warnings = contact_from_row(
        {"name": "Bo", "helps_with": "Support; information", "energy": "Draining"}
    )
    assert (c.helps_with, c.energy, warnings) == (("support", "information"), "drains", [])
    c, warnings = contact_from_row({"name": "Cy", "helps_with": "money", "energy": "meh"})
    assert c.helps_with == () and c.energy == ""
    assert c.extra == {"helps_with": "money", "energy": "meh"}
    assert "helps_with 'money' is not one of information" in warnings[0]
    assert "energy 'meh' is not one of gives, neutral, drains" in warnings[1]


def test_the_shipped_template_has_the_columns_and_old_files_still_import(ws, tmp_path):
    header = (data_dir() / "contacts_template.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(",helps_with,energy")
    report = ws.import_file(data_dir() / "contacts_template_example.csv")
    assert report.ok and report.imported == 3
    ines = ws.find_contacts("Ines Okoro")[0]
    assert (ines.helps_with, ines.energy) == (("information", "support"), "gives")
    old = tmp_path / "old.csv"  # a file from before the two columns existed
    old.write_text("name,organisation,strength\nDi Park,Fabrikam,3\n", encoding="utf-8")
    report = ws.import_file(old)
    assert report.ok and report.imported == 1
    di = ws.find_contacts("Di Park")[0]
    assert (di.helps_with, di.energy, di.extra) == ((), "", {})


def test_reimporting_an_old_file_still_adds_nothing(ws, tmp_path):
    old = tmp_path / "old.csv"
    old.write_text("name,organisation\nDi Park,Fabrikam\n", encoding="utf-8")
    ws.import_file(old)
    again = ws.import_file(old)
    assert again.imported == 0 and ws.count_contacts() == 1


# --------------------------------------------------------------------------- the store


def test_a_workspace_from_before_roles_gains_empty_columns(tmp_path, monkeypatch):
    from leadnet_helpers.store import schema

    path = tmp_path / "before.leadnet.sqlite"
    earlier = {v: sql for v, sql in schema.MIGRATIONS.items() if v < schema.READABLE_FROM}
    monkeypatch.setattr(schema, "MIGRATIONS", earlier)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", max(earlier))
    with Workspace.create(path, ANA) as old, old._write() as conn:
        conn.execute(
            "INSERT INTO contacts (name, organisation, name_key, created_at, updated_at) "
            "VALUES ('Ada Brooks', 'Riverside', 'ada brooks', 't', 't')"
        )
    monkeypatch.undo()
    with pytest.raises(WorkspaceError, match="Open it normally once"):
        Workspace.open(path, read_only=True)
    with Workspace.open(path) as ws:
        (ada,) = ws.contacts()
        assert (ada.name, ada.helps_with, ada.energy) == ("Ada Brooks", (), "")
        ws.save_roles({ada.id: ("power", "gives")})
        assert ws.contact(ada.id).helps_with == ("power",)


def test_saving_a_page_is_one_undo_step_that_keeps_later_edits(ws):
    ada = ws.add_contact(Contact("Ada Brooks"))
    bo = ws.add_contact(Contact("Bo Chen", energy="neutral"))
    cy = ws.add_contact(Contact("Cy Diaz"))
    changed = ws.save_roles(
        {ada: (("support",), "gives"), bo: ("information;power", "drains"), cy: ((), "")}
    )
    assert changed == 2  # Cy did not change
    assert ws.last_change() == "roles and energy of Ada Brooks, Bo Chen"
    other = Workspace.open(ws.path)  # another notebook changes Bo's energy meanwhile
    other.update_contact(bo, energy="gives")
    other.close()
    assert ws.undo().startswith("Undid: roles and energy of Ada Brooks, Bo Chen (kept energy")
    assert (ws.contact(ada).helps_with, ws.contact(ada).energy) == ((), "")
    assert ws.contact(bo).helps_with == () and ws.contact(bo).energy == "gives"


def test_a_bad_value_saves_nothing(ws):
    ada = ws.add_contact(Contact("Ada"))
    bo = ws.add_contact(Contact("Bo"))
    with pytest.raises(LeadNetError, match="'money' is not a kind of help"):
        ws.save_roles({ada: (("support",), ""), bo: (("money",), "")})
    with pytest.raises(LeadNetError, match="Energy 'tired' is not one of"):
        ws.save_roles({ada: ((), "tired")})
    assert ws.contact(ada).helps_with == () and ws.last_change() == "added Bo"


def test_deleting_and_undoing_brings_roles_back(ws):
    ada = ws.add_contact(Contact("Ada", helps_with=("purpose",), energy="gives"))
    ws.delete_contacts([ada])
    ws.undo()
    assert (ws.contact(ada).helps_with, ws.contact(ada).energy) == (("purpose",), "gives")


# --------------------------------------------------------------------------- the findings


def test_nothing_entered_is_not_a_gap_but_says_so():
    net = net_of(Contact("Bo", strength=4), Contact("Cy"))
    for finding in (roles(net), energy(net)):
        assert not finding.is_gap and finding.value is None and finding.severity == 0
        assert finding.reading.startswith("Not yet entered")
        assert finding.details["entered"] == 0 and finding.evidence == ()
    empty = network_from(ANA, [])
    assert roles(empty).value is None and not energy(empty).is_gap


def test_roles_names_missing_kinds_and_the_only_helper():
    net = net_of(
        Contact("Bo", helps_with=("information", "support", "power")),
        Contact("Cy", helps_with=("information", "support")),
        Contact("Di", helps_with=("development",)),
        Contact("Ed"),
    )
    f = roles(net)
    assert f.details["missing"] == ["purpose", "balance"]
    assert f.details["single"] == ["power", "development"]
    assert f.value == 4 and f.is_gap
    assert [(p.role, p.name, p.note) for p in f.evidence] == [
        ("sole_helper", "Bo", "formal and informal power"),
        ("sole_helper", "Di", "developmental feedback"),
    ]
    assert "nobody gives you purpose and worth or work-life balance yet" in f.reading
    assert f.severity == pytest.approx(0.15 * 2 + 0.07 * 2)
    assert "Cross, R. & Thomas, R. J. (2011)" in f.source and f.principle
    json.dumps(f.to_dict(), allow_nan=False)


def test_every_kind_from_two_people_is_no_gap():
    both = tuple(HELP_KINDS)
    f = roles(net_of(Contact("Bo", helps_with=both), Contact("Cy", helps_with=both)))
    assert f.value == 0 and not f.is_gap
    assert "at least two people give you each of the six kinds" in f.reading


def test_energy_share_and_the_draining_people_relied_on_most():
    people = [Contact(f"n{i}", energy="neutral") for i in range(5)]
    net = net_of(
        Contact("Bo", energy="drains", helps_with=("power", "information"), strength=5),
        Contact("Cy", energy="drains"),
        Contact("Di", energy="gives", gives_me=("support",)),
        Contact("Ed"),  # not rated: not counted
        *people,
    )
    f = energy(net)
    assert f.value == pytest.approx(2 / 8)
    assert f.details["counts"] == {"gives": 1, "neutral": 5, "drains": 2}
    assert [p["name"] for p in f.details["relied_on"]] == ["Bo", "Di"]
    assert [(p.role, p.name) for p in f.evidence] == [("drains_relied_on", "Bo"), ("drains", "Cy")]
    assert "2 ties of the 8 you rated (25%) drain your energy" in f.reading
    assert "Among the people you rely on most, Bo drains you." in f.reading
    assert f.is_gap and f.severity == pytest.approx(0.45)
    assert "Cross, R., Baker, W. & Parker, A. (2003)" in f.source


def test_a_few_draining_ties_away_from_those_relied_on_is_no_gap():
    net = net_of(
        Contact("Bo", energy="gives", helps_with=("power",)),
        Contact("Cy", energy="drains"),
        *[Contact(f"n{i}", energy="neutral") for i in range(8)],
    )
    f = energy(net)
    assert f.value == pytest.approx(0.1) and not f.is_gap
    assert [p.role for p in f.evidence] == ["drains"]  # named, even without a gap


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(HELP_KINDS), unique=True).map(tuple),
            st.sampled_from(("", *ENERGY)),
            st.one_of(st.none(), st.integers(1, 5)),
        ),
        max_size=12,
    )
)
def test_the_findings_are_plain_and_bounded(rows):
    net = net_of(
        *(Contact(f"c{i}", helps_with=h, energy=e, strength=s) for i, (h, e, s) in enumerate(rows))
    )
    for f in (roles(net), energy(net)):
        json.dumps(f.to_dict(), allow_nan=False)
        assert 0 <= f.severity <= 1 and (f.is_gap or f.severity == 0)
        if not any(h for h, _, _ in rows) and f.key == "roles":
            assert not f.is_gap
        if not any(e for _, e, _ in rows) and f.key == "energy":
            assert not f.is_gap
        ids = {p.contact_id for p in f.evidence}
        assert ids <= set(range(1, len(rows) + 1))


# --------------------------------------------------------------------------- the plan and the CLI


def test_the_plan_names_the_people_the_findings_name():
    net = net_of(
        Contact("Bo", energy="drains", helps_with=("power", "information"), strength=5),
        Contact("Cy", energy="gives", helps_with=("information", "support")),
    )
    findings = all_findings(net, today=TODAY)
    actions = {a.template: a for a in suggest_actions(findings, today=TODAY)}
    assert actions["second_helper"].title.startswith(
        "Find a second person for formal and informal power beside Bo"
    )
    assert "fill_missing_help" in actions
    reshape = [a for a in actions.values() if a.template == "reshape_draining_tie"]
    assert reshape and reshape[0].title == "Change how you work with Bo"
    assert "Cross, R., Baker, W. & Parker, A. (2003)" in reshape[0].source


def test_nothing_entered_adds_no_roles_or_energy_action():
    findings = all_findings(net_of(Contact("Bo"), Contact("Cy")), today=TODAY)
    templates = {a.template for a in suggest_actions(findings, today=TODAY)}
    assert not templates & {"second_helper", "fill_missing_help", "reshape_draining_tie"}


def test_leadnet_gaps_shows_both_findings_only_once_entered(tmp_path):
    path = tmp_path / "ana.leadnet.sqlite"
    with Workspace.create(path, ANA) as ws:
        ws.add_contact(Contact("Bo Chen"))
    done = leadnet("gaps", str(path), "--json", str(tmp_path / "g.json"))
    assert done.returncode == 0, done.stderr
    found = {d["key"]: d for d in json.loads((tmp_path / "g.json").read_text())["diagnostics"]}
    assert found["roles"]["reading"].startswith("Not yet entered") and not found["roles"]["is_gap"]
    assert not found["energy"]["is_gap"]
    with Workspace.open(path) as ws:
        bo = ws.find_contacts("Bo Chen")[0].id
        ws.save_roles({bo: (("support", "power"), "drains")})
        assert analysis_of(ws, TODAY).finding("energy").is_gap
    done = leadnet("gaps", str(path))
    assert done.returncode == 0, done.stderr
    assert "Ties that give or drain energy:" in done.stdout
    assert "Kinds of help your network gives:" in done.stdout
    assert "Cross, R., Baker, W. & Parker, A. (2003)" in done.stdout
