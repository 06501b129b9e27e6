"""The analysis is computed once per workspace change and shared by every reader."""

from __future__ import annotations

from datetime import date

import pytest

import leadnet_helpers.analysis as analysis_module
import leadnet_helpers.classify as classify_module
import leadnet_helpers.diagnostics as diagnostics_module
from leadnet_helpers import cli
from leadnet_helpers.analysis import analysis_of
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.store import Workspace

TODAY = date(2026, 11, 21)


@pytest.fixture
def counted(monkeypatch):
    calls = {"classify": 0, "all_findings": 0}

    def counting(name, real):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    classify = counting("classify", classify_module.classify)
    findings = counting("all_findings", diagnostics_module.all_findings)
    for module in (classify_module, analysis_module):
        monkeypatch.setattr(module, "classify", classify)
    # the analysis runs the diagnostics when its findings are first read
    monkeypatch.setattr(diagnostics_module, "all_findings", findings)
    return calls


def test_leadnet_demo_classifies_once_and_diagnoses_once(tmp_path, counted, capsys):
    assert cli.main(["demo", str(tmp_path / "demo")]) == 0
    assert counted == {"classify": 1, "all_findings": 1}
    out = capsys.readouterr().out
    assert "Exported the action plan" in out
    assert (tmp_path / "demo").is_dir()


def test_the_analysis_is_reused_until_the_workspace_changes(tmp_path, counted):
    ws = Workspace.create(tmp_path / "w.leadnet.sqlite", Profile("Ana"))
    ws.add_contact(Contact("Bo", relationship="my manager"))
    first = analysis_of(ws, TODAY)
    assert analysis_of(ws, TODAY) is first
    assert first.findings is analysis_of(ws, TODAY).findings
    assert counted == {"classify": 1, "all_findings": 1}
    ws.add_contact(Contact("Cy", relationship="mentor"))
    second = analysis_of(ws, TODAY)
    assert second is not first and second.network.size == 2
    assert analysis_of(ws, date(2026, 11, 22)) is not second  # a new day, a new analysis
    ws.close()


def test_a_change_made_by_another_connection_is_seen(tmp_path):
    path = tmp_path / "w.leadnet.sqlite"
    ws = Workspace.create(path, Profile("Ana"))
    assert analysis_of(ws, TODAY).network.size == 0
    with Workspace.open(path) as other:  # another notebook on the same file
        other.add_contact(Contact("Bo"))
    assert analysis_of(ws, TODAY).network.size == 1
    ws.close()


def test_the_contacts_table_holds_each_contact_with_its_cells_and_types():
    import pandas as pd

    from leadnet_helpers.network import network_from

    contacts = [
        Contact(
            "Ada", id=1, inside_org=True, strength=4, tags=("board",), last_contact="2026-10-01"
        ),
        Contact("Bo", id=2, organisation="Fabrikam", gives_me=("insight", "support")),
        Contact("Cy", id=None, organisation="Contoso Ltd", network_type="personal"),
    ]
    table = network_from(Profile("Ana", organisation="Contoso"), contacts).contacts
    assert table["name"].tolist() == ["Ada", "Bo", "Cy"]
    assert table["id"].tolist() == [1, 2, pd.NA] and str(table["id"].dtype) == "Int64"
    assert table["strength"].tolist() == [4, pd.NA, pd.NA]
    assert str(table["strength"].dtype) == "Int64"
    assert table["inside_org"].tolist() == [True, None, None]
    assert table["tags"].tolist() == [("board",), (), ()]
    assert table["gives_me"].tolist() == [(), ("insight", "support"), ()]
    assert table["location"].tolist() == ["inside", "outside", "inside"]
    assert table["network_type"].tolist() == ["", "", "personal"]
    assert table["last_contact"].notna().tolist() == [True, False, False]
    empty = network_from(Profile("Ana"), []).contacts
    assert empty.empty and list(empty.columns) == list(table.columns)


@pytest.mark.parametrize(
    "part",
    [{"types": ["strategic"]}, {"inside": False}, {"types": ["personal", "operational"]}],
)
def test_a_filtered_analysis_finds_what_a_fresh_one_finds(part):
    """A dashboard filter reuses the whole network's columns row by row: same findings."""
    from leadnet_helpers.analysis import analyse
    from leadnet_helpers.network import filter_network
    from leadnet_helpers.personas import open_sample

    ws = open_sample("ana-lucia-ferreira")
    whole = analysis_of(ws, "2026-11-21")
    assert whole.findings  # the whole network's view is read first, as the dashboard does
    filtered = whole.filtered(**part)
    fresh = analyse(
        filter_network(whole.network, **part), "2026-11-21", classification=whole.classification
    )
    assert filtered.network.size == fresh.network.size < whole.network.size
    assert [repr(f) for f in filtered.findings] == [repr(f) for f in fresh.findings]
