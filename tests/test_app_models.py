"""The other view models: the contacts table, the dashboard, the plan editor, the review."""

from __future__ import annotations

from datetime import date

import pytest

from leadnet_helpers.app.contacts import ContactsTable
from leadnet_helpers.app.dashboard import Dashboard, Filters
from leadnet_helpers.app.plan_editor import PlanEditor
from leadnet_helpers.app.review import Review, losing_names
from leadnet_helpers.app.workspace import watch, workspace_model
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.personas import open_sample
from leadnet_helpers.store import Workspace
from leadnet_helpers.widgets.contacts import ContactsView
from leadnet_helpers.widgets.ties import TiesView

TODAY = date(2026, 11, 21)


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace.create(
        tmp_path / "ana.leadnet.sqlite", Profile("Ana Lima", organisation="Contoso")
    )
    yield workspace
    workspace.close()


@pytest.fixture
def sample(home):
    workspace = open_sample("ana-lucia-ferreira")
    yield workspace
    workspace.close()


def test_the_contacts_table_edits_deletes_and_undoes(ws):
    ada = ws.add_contact(Contact("Ada Brooks", role="Nurse"))
    ws.add_contact(Contact("Bo Chen"))
    table = ContactsTable(ws, page_size=1)
    assert table.pages() == 2 and [c.name for c in table.shown()] == ["Ada Brooks"]
    assert table.save(ada, {"role": "Matron"}) == "Saved Ada Brooks."
    assert table.save(ada, {"role": "Matron"}) is None  # nothing changed
    table.reload()
    assert table.shown()[0].role == "Matron"
    assert table.delete(ada).startswith("Deleted Ada Brooks")
    table.reload()
    assert [c.name for c in table.all] == ["Bo Chen"]
    assert table.undo() == "Undid: deleted Ada Brooks"
    table.reload()
    assert {c.name for c in table.all} == {"Ada Brooks", "Bo Chen"}


def test_an_edit_in_one_contacts_view_refreshes_the_others(ws):
    ada = ws.add_contact(Contact("Ada Brooks"))
    first, second, ties = ContactsView(ws), ContactsView(ws), TiesView(ws)
    first.select.value = ada
    first.fields["name"].value = "Ada Lovelace"
    first.save.click()
    assert "Ada Lovelace" in second.table.value
    assert "Ada Lovelace" in [label for label, _ in ties.person.options]
    second.select.value = ada
    second.delete.click()
    assert "Ada Lovelace" not in first.table.value
    assert first.undo.description.startswith("Undo: deleted")


def test_views_are_observed_weakly(ws):
    model = workspace_model(ws)
    calls = []

    class View:
        def refresh(self):
            calls.append(1)

    view = View()
    watch(model, view.refresh)
    model.changed()
    del view
    model.changed()
    assert calls == [1]


def test_the_dashboard_model_filters_the_analysis_and_follows_the_workspace(sample):
    board = Dashboard(sample, today=TODAY)
    changes = []
    board.observe(lambda change: changes.append(change["new"]), names="filters")
    board.change(types=("strategic",))
    board.change(types=("strategic",))  # no change, no redraw
    assert len(changes) == 1
    made = board.redraw()
    shown, figures = made.analysis, made.figures()
    assert shown.network.size == 6 and figures
    assert board.summary(shown.network.size) == "Showing 6 of 54 contacts: strategic network."
    board.filters = Filters(tags=("no such tag",))  # a tag nobody carries is dropped
    assert board.filters.tags == ()
    sample.add_contact(Contact("New Strategist", network_type="strategic", tags=("fresh",)))
    workspace_model(sample).changed()
    assert board.revision == 1 and board.net.size == 55
    assert ("fresh (1)", "fresh") in board.tag_options()


def test_a_filter_choice_made_again_is_shown_at_once_until_the_workspace_changes(sample):
    board = Dashboard(sample, today=TODAY)
    everyone = board.redraw()
    figures = everyone.figures()
    board.change(types=("personal", "strategic"))
    assert board.redraw().analysis.network.size < 54
    board.reset()  # every network again: the redraw kept, not worked out anew
    assert board.redraw() is everyone
    assert all(board.redraw().figure(key) is figure for key, figure in figures.items())
    sample.add_contact(Contact("New Strategist", network_type="strategic"))
    workspace_model(sample).changed()
    made = board.redraw()  # the kept redraws were of the workspace before the change
    assert made.analysis.network.size == 55
    assert "Strategic (7)" in [trace.name for trace in made.figure("ego").data]


def test_the_plan_editor_saves_every_change(sample):
    editor = PlanEditor(sample, today=TODAY)
    first = editor.plan.actions[0]
    editor.edit(first.id, title="Call Kenji", done=True)
    saved = sample.latest_plan()["actions"][0]
    assert (saved["title"], saved["status"]) == ("Call Kenji", "done")
    own = editor.add("Lunch with the CFO", "2026-12-01", who="Ines Duarte")
    assert editor.revision == 1
    assert own.id in [a["id"] for a in sample.latest_plan()["actions"]]


def test_the_review_logs_and_the_losing_touch_list_follows(sample):
    review = Review(sample, today=TODAY)
    name = losing_names(review.warm)[0]
    told = []
    workspace_model(sample).observe(lambda change: told.append(1), names="revision")
    who = next(c.id for c in sample.contacts() if c.name == name)
    text = review.log(who, "met", "2026-11-20")
    assert f"{name} is no longer on your losing-touch list." in text
    assert name not in losing_names(review.warm) and told == [1]


def test_the_review_lists_the_contacts_as_a_fresh_listing_would_after_logs_and_edits(ws):
    from leadnet_helpers.app.review import contact_options

    ids = [ws.add_contact(Contact(n, organisation="Acme")) for n in ("Bo Li", "Ada", "Bo Li")]
    review = Review(ws, today=TODAY)
    first = review.contact_options()
    assert first == [("Ada · Acme", ids[1]), (f"Bo Li · Acme (#{ids[0]})", ids[0]),
                     (f"Bo Li · Acme (#{ids[2]})", ids[2])]  # fmt: skip
    review.log(ids[1], "met", "2026-11-20")
    assert review.contact_options() == first
    assert review.contact_options("bo") == first[1:]
    ws.update_contact(ids[2], name="Bo Lin")  # saved in notebook 01
    assert review.contact_options() == contact_options(ws.contacts())
    assert ("Bo Lin · Acme", ids[2]) in review.contact_options("lin")
