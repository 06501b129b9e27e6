"""Notebook 02's board as a model: operations on a real workspace, and the views that follow it."""

from __future__ import annotations

import gc
import weakref

import pytest

from leadnet_helpers import analysis
from leadnet_helpers.app import board as board_module
from leadnet_helpers.app.board import board_model
from leadnet_helpers.app.triage import Triage
from leadnet_helpers.app.workspace import workspace_model
from leadnet_helpers.classify import classify_workspace
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.store import Workspace
from leadnet_helpers.widgets.overview import OverviewView
from leadnet_helpers.widgets.triage import TriageView


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace.create(
        tmp_path / "ana.leadnet.sqlite", Profile("Ana Lima", organisation="Contoso")
    )
    yield workspace
    workspace.close()


@pytest.fixture
def people(ws):
    return {
        "Ada": ws.add_contact(
            Contact("Ada", relationship="mentor", organisation="Contoso", orientation="future")
        ),
        "Bo": ws.add_contact(Contact("Bo", relationship="former colleague", inside_org=False)),
        "Cy": ws.add_contact(Contact("Cy", relationship="my manager", orientation="both")),
        "Di": ws.add_contact(
            Contact(
                "Di",
                relationship="industry peer",
                inside_org=False,
                orientation="future",
                discretionary=True,
            )
        ),
    }


def test_confirming_into_the_secondary_network_swaps_primary_and_secondary(ws, people):
    model = board_model(ws)
    before = model.row(people["Ada"])
    assert (before["network_type"], tuple(before["secondary_types"])) == (
        "strategic",
        ("personal",),
    )
    assert model.decide(people["Ada"], "personal") == "Ada"
    after = model.row(people["Ada"])
    assert after["network_type"] == "personal" and after["decided_by"] == "person"
    assert tuple(after["secondary_types"]) == ("strategic",)  # the rules' fit stays secondary
    assert after["confidence"] == 1.0 and not after["questions"]
    # what the board shows is what the classifier says from now on
    saved = classify_workspace(ws).set_index("name").loc["Ada"]
    assert saved["network_type"] == "personal" and saved["decided_by"] == "person"


def test_one_model_per_workspace_object_forgotten_with_it(tmp_path, people, ws):
    assert board_model(ws) is board_model(ws)
    other = Workspace.open(ws.path)
    assert board_model(other) is not board_model(ws)
    gone = weakref.ref(board_model(other))
    other.close()
    del other
    gc.collect()
    assert gone() is None


def test_a_decision_bumps_the_revision_observers_see(ws, people):
    model, seen = board_model(ws), []
    model.observe(lambda change: seen.append(change["new"]), names="revision")
    model.decide(people["Bo"], "operational")
    assert model.decide_many([people["Di"], people["Cy"]]) == 2
    assert seen == [1, 2]
    assert set(model.board["decided_by"]) == {"person", "rules"}


def test_an_answer_reclassifies_one_contact_not_the_workspace(ws, people, monkeypatch):
    model = board_model(ws)
    _ = model.board
    calls = []
    monkeypatch.setattr(
        board_module,
        "classify_and_save",
        lambda w: calls.append(w) or analysis.classify_and_save(w),
    )
    row = model.answer(people["Cy"], {"orientation": "future"})
    assert row["name"] == "Cy" and ws.contact(people["Cy"]).orientation == "future"
    assert model.row(people["Cy"])["network_type"] == row["network_type"]
    _ = model.board  # still current: patched in place
    assert calls == []


def test_a_change_made_elsewhere_is_read_again(ws, people):
    model = board_model(ws)
    assert len(model.board) == 4
    ws.add_contact(Contact("Eve", relationship="supplier"))  # not told: the file changed
    assert "Eve" in set(model.board["name"])


def test_triage_decides_skips_and_answers_on_the_shared_board(ws, people):
    triage = Triage(ws)
    first = triage.current
    triage.skip()
    assert triage.current != first and triage.order()[-1] == first
    card = triage.current
    triage.decide("strategic")
    assert board_model(ws).row(card)["network_type"] == "strategic"
    assert board_model(ws).row(card)["decided_by"] == "person"
    assert triage.current != card and triage.counts()[0] == 1


def test_a_view_refreshes_when_another_views_operation_changes_the_board(ws, people):
    overview, triage = OverviewView(ws), TriageView(ws)
    assert "0 decided by you" in overview.summary.value
    triage.choose["operational"].click()
    assert "1 decided by you" in overview.summary.value
    # and the other way round: a dropdown in the overview decides, the triage follows
    group = overview.groups["strategic"]
    index = next(i for i, cid in enumerate(group.ids) if cid is not None and cid != triage.current)
    group.rows[index][1].value = "personal"
    assert "2 of 4 reviewed" in triage.progress.value
    assert "2 decided by you" in overview.summary.value
    # the card on show moves on when the overview decides it
    card = triage.current
    board_model(ws).decide(card, "operational")
    assert triage.current != card and "3 of 4 reviewed" in triage.progress.value


def test_a_change_told_through_the_workspace_model_reaches_the_board_views(ws, people):
    overview = OverviewView(ws)
    ws.add_contact(Contact("Eve", relationship="supplier"))
    workspace_model(ws).changed()
    assert "Showing 5 of 5 contacts" in overview.summary.value
