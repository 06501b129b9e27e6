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
    assert (
        "formal and informal power and developmental feedback rest on one person each" in f.reading
    )
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


# --------------------------------------------------------------------------- the grid and the figures


def _workspace_with(ws, n: int) -> list[int]:
    return [ws.add_contact(Contact(f"Person {i:02d}", strength=1 + i % 5)) for i in range(n)]


def test_the_grid_shows_strongest_first_a_page_at_a_time(ws):
    from leadnet_helpers.app.roles import RolesGrid

    _workspace_with(ws, 30)
    grid = RolesGrid(ws, page_size=12)
    first = grid.rows()
    assert len(first) == 12 and grid.page_count == 3
    assert {r.name for r in first[:6]} == {f"Person {i:02d}" for i in range(4, 30, 5)}  # strength 5
    assert grid.page_text() == "Page 1 of 3 (30 contacts)"
    grid.go(2)
    assert len(grid.rows()) == 6
    grid.go(99)
    assert grid.page == 2
    grid.search("Person 07")
    assert [r.name for r in grid.rows()] == ["Person 07"] and grid.page == 0


def test_changes_survive_paging_and_save_together_with_one_undo(ws):
    from leadnet_helpers.app.roles import RolesGrid

    ids = _workspace_with(ws, 30)
    grid = RolesGrid(ws, page_size=12)
    top = grid.rows()[0].contact_id
    assert grid.toggle(top, "purpose", True) and grid.set_energy(top, "gives")
    grid.go(2)
    last = grid.rows()[-1].contact_id
    grid.set_energy(last, "drains")
    assert grid.toggle(last, "power", True) and grid.toggle(last, "power", False)
    grid.go(0)
    assert grid.rows()[0].helps_with == {"purpose"} and grid.rows()[0].changed
    assert grid.save() == "Saved the kinds of help and energy of 2 contacts."
    assert not grid.dirty and ws.contact(last).energy == "drains"
    assert ws.contact(top).helps_with == ("purpose",)
    assert grid.summary() == "2 of your 30 contacts have kinds of help or energy recorded."
    grid.search(only_missing=True)
    assert grid.page_text() == "Page 1 of 3 (28 contacts)"
    assert grid.undo().startswith("Undid: roles and energy of")
    assert all(not (ws.contact(i).helps_with or ws.contact(i).energy) for i in ids)


def test_a_change_set_back_is_nothing_to_save(ws):
    from leadnet_helpers.app.roles import RolesGrid

    (bo,) = _workspace_with(ws, 1)
    grid = RolesGrid(ws)
    grid.toggle(bo, "support", True)
    grid.toggle(bo, "support", False)
    assert not grid.dirty
    assert grid.save().startswith("Nothing to save")
    with pytest.raises(LeadNetError, match="not a kind of help"):
        grid.toggle(bo, "money", True)


def test_the_widget_saves_through_the_model_and_redraws_after_undo(ws):
    from leadnet_helpers.widgets.roles import RolesView

    ids = _workspace_with(ws, 15)
    view = RolesView(ws, page_size=10)
    assert sum(r.box.layout.display != "none" for r in view.rows) == 10
    first = view.rows[0]
    first.toggles["development"].value = True
    first.energy.value = "neutral"
    assert view.save.description == "Save (1)" and "•" in first.name.value
    view.next.click()
    assert sum(r.box.layout.display != "none" for r in view.rows) == 5
    view.rows[0].toggles["balance"].value = True
    view.save.click()
    assert "Saved the kinds of help and energy of 2 contacts." in view.feedback.value
    assert view.save.description == "Save" and not view.undo.disabled
    view.undo.click()
    assert "Undid" in view.feedback.value
    assert all(ws.contact(i).helps_with == () for i in ids)
    assert not view.rows[0].toggles["balance"].value  # redrawn from the workspace


def test_the_widget_shows_a_bad_state_as_a_message_not_a_traceback(ws):
    from leadnet_helpers.widgets.roles import RolesView

    (bo,) = _workspace_with(ws, 1)
    view = RolesView(ws)
    ws.delete_contacts([bo])  # gone behind the view's back
    view.rows[0].toggles["power"].value = True
    assert "There is no contact with id" in view.feedback.value


def test_the_figures_use_the_network_colours_and_the_findings_readings(ws):
    from leadnet_helpers.app.roles import RolesGrid
    from leadnet_helpers.plots import NETWORK_COLOURS, energy_figure, reading_of, roles_figure

    bo = ws.add_contact(
        Contact("Bo", network_type="strategic", helps_with=("power",), energy="drains")
    )
    ws.add_contact(Contact("Cy", network_type="personal", helps_with=("power", "support")))
    a = analysis_of(ws, TODAY)
    fig = roles_figure(a.network, a.findings)
    assert {t.name: t.marker.color for t in fig.data} == {
        "Personal": NETWORK_COLOURS["personal"],
        "Strategic": NETWORK_COLOURS["strategic"],
    }
    assert reading_of(fig) == a.finding("roles").reading
    notes = {n.y: n.text for n in fig.layout.annotations}
    assert notes["Personal support"] == "one person" and notes["Work-life balance"] == "nobody yet"
    energy = energy_figure(a.network, a.findings)
    assert reading_of(energy) == a.finding("energy").reading and bo
    outputs = RolesGrid(ws).figures()
    assert [o["data"]["text/plain"] for o in outputs] == [
        "Figure: Who gives you each kind of help",
        "Figure: Ties that give or drain your energy",
    ]
    assert outputs[0]["reading"] == a.finding("roles").reading


def test_the_figures_say_not_yet_entered_on_an_untouched_map(ws):
    from leadnet_helpers.plots import energy_figure, roles_figure

    ws.add_contact(Contact("Bo"))
    a = analysis_of(ws, TODAY)
    for draw in (roles_figure, energy_figure):
        fig = draw(a.network, a.findings)
        assert len(fig.data) == 0 and "yet" in fig.layout.annotations[0].text


def test_the_contacts_form_of_notebook_01_edits_both_fields(ws):
    from leadnet_helpers.app.contacts import EDIT_FIELDS, FIELD_CHOICES, ContactsTable

    assert {"helps_with", "energy"} <= {k for k, _ in EDIT_FIELDS}
    assert FIELD_CHOICES["energy"] == ENERGY
    bo = ws.add_contact(Contact("Bo Chen"))
    table = ContactsTable(ws)
    table.load(bo)
    values = {**ws.contact(bo).to_row(), "helps_with": "purpose; balance", "energy": "gives"}
    assert table.save(bo, values) == "Saved Bo Chen."
    assert (ws.contact(bo).helps_with, ws.contact(bo).energy) == (("purpose", "balance"), "gives")
    with pytest.raises(LeadNetError, match="'money' is not one of information"):
        table.save(bo, {**values, "helps_with": "money"})
