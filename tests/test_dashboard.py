"""The gaps dashboard widget: filters redraw the figures in place, errors are shown."""

from __future__ import annotations

import html
from datetime import date

import pytest

from leadnet_helpers.app.dashboard import (
    EMPTY_WORKSPACE,
    Filters,
    figure_spec,
    filter_summary,
    tag_options,
)
from leadnet_helpers.app.figure_renderer import LEADNET_FIGURE_MIME
from leadnet_helpers.app.workspace import workspace_model
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.network import network_from
from leadnet_helpers.personas import open_sample
from leadnet_helpers.plots import FIGURES, PLOTTED
from leadnet_helpers.widgets import dashboard_view
from leadnet_helpers.widgets.dashboard import reading_html

TODAY = date(2026, 11, 21)


@pytest.fixture
def sample(home):
    ws = open_sample("ana-lucia-ferreira")
    yield ws
    ws.close()


@pytest.fixture
def view(sample):
    return dashboard_view(sample, today=TODAY)


def legend(view, key: str) -> list[str]:
    return [t.name for t in view.figures[key].data]


def test_every_figure_is_drawn_with_its_reading(view):
    assert list(view.figures) == list(PLOTTED)
    for figure in view.figures.values():
        assert figure.data
    for key in FIGURES:
        reading = view.readings[key].value
        assert 'class="leadnet-reading"' in reading and len(reading) > 60, key
    # the gap list: an HTML table of the gaps, the most severe first, then its reading
    table, reading = view.outputs["gaps"].outputs
    assert '<table class="leadnet-gap-list"' in table["data"]["text/html"]
    assert table["data"]["text/html"].count('class="leadnet-gap"') == sum(
        f.is_gap for f in view.findings
    )
    assert "gaps to work on" in reading["data"]["text/html"]
    assert "Showing all 54 contacts." in view.status.value
    assert view.panel("ego") is view.outputs["ego"]
    shown, reading = view.outputs["ego"].outputs
    # LeadNet's renderer gets the figure's JSON as one string of text
    assert isinstance(shown["data"][LEADNET_FIGURE_MIME], str)
    assert figure_spec(shown)["data"][0]["name"] == legend(view, "ego")[0]
    assert reading["data"]["text/html"] == view.readings["ego"].value
    assert repr(view) == "DashboardView(54 contacts)"


def test_only_strategic_contacts_remain_after_the_filter(view):
    before = {key: view.readings[key].value for key in FIGURES}
    assert {"Operational (37)", "Personal (11)", "Strategic (6)"} <= set(legend(view, "ego"))
    view.type_buttons["operational"].value = False
    view.type_buttons["personal"].value = False
    assert legend(view, "ego") == ["You", "Strategic (6)"]
    assert [n for n in legend(view, "ties") if n.endswith("(6)")] == ["Strategic (6)"]
    assert not any(n.startswith(("Operational", "Personal")) for n in legend(view, "ties"))
    assert list(view.figures["balance"].data[0].x) == ["Operational", "Personal", "Strategic"]
    assert list(view.figures["balance"].data[0].y) == [0, 0, 100]
    assert view.current.size == 6
    assert "Showing 6 of 54 contacts: strategic network." in view.status.value
    assert view.readings["balance"].value != before["balance"]
    assert view.type_buttons["operational"].icon == ""
    assert view.type_buttons["strategic"].icon == "check"


def test_the_figures_are_redrawn_in_place(view):
    live = dict(view.outputs)
    view.inside.value = "outside"
    assert all(view.outputs[k] is live[k] for k in FIGURES)
    assert all(len(view.outputs[k].outputs) == 2 for k in FIGURES)
    assert view.current.size == 24
    assert set(view.current.contacts["inside_org"]) == {False}
    assert view.last_redraw > 0


def test_tags_filter_and_reset(view):
    options = {v: label for label, v in view.tags.options}
    assert options["direct report"] == "direct report (9)"
    view.tags.value = ("supplier",)
    assert view.current.size == 6
    assert "tagged supplier" in view.status.value
    view.reset.click()
    assert view.current.size == 54 and view.tags.value == ()
    assert all(b.value for b in view.type_buttons.values())


def test_no_match_says_how_to_get_back(view):
    view.set_filters(Filters(types=("strategic",), tags=("direct report",)))
    assert view.current.size == 0
    assert "No contact matches" in view.status.value
    assert not view.figures["ego"].data


def test_an_empty_workspace_points_to_notebook_01(ws):
    view = dashboard_view(ws, today=TODAY)
    assert "notebook 01_map_your_contacts" in view.status.value
    assert html.escape(EMPTY_WORKSPACE) in view.status.value
    assert all(b.disabled for b in view.type_buttons.values()) and view.inside.disabled
    for key in FIGURES:
        assert view.readings[key].value


def test_an_error_in_a_redraw_is_shown_not_raised(view, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    from leadnet_helpers import diagnostics  # the findings are drawn from here

    monkeypatch.setattr(diagnostics, "all_findings", broken)
    view.inside.value = "inside"  # must not raise
    assert "Something went wrong: RuntimeError: disk on fire" in view.feedback.value
    monkeypatch.undo()
    view.inside.value = "all"
    assert view.feedback.value == ""


def test_a_change_elsewhere_refreshes_the_dashboard(sample, view):
    sample.add_contact(Contact("New Strategist", network_type="strategic", tags=("fresh",)))
    workspace_model(sample).changed()
    assert view.net.size == 55
    assert ("fresh (1)", "fresh") in view.tags.options


def test_names_are_escaped_in_the_readings():
    net = network_from(
        Profile("Ana"),
        [
            Contact(
                "<img src=x onerror=alert(1)>",
                id=1,
                network_type="strategic",
                last_contact="2020-01-01",
                strength=5,
            )
        ],
    )
    view = dashboard_view(net=net, today=TODAY)
    text = " ".join(r.value for r in view.readings.values())
    assert "<img" not in text and "&lt;img" in text


# ---------------------------------------------------------------------------- plain functions


def test_filter_summary_and_filters():
    assert filter_summary(Filters(), 0, 0) == "No contacts yet."
    assert filter_summary(Filters(types=()), 0, 5) == (
        "Showing 0 of 5 contacts: no network type chosen."
    )
    assert filter_summary(Filters(types=("operational", "personal")), 3, 5) == (
        "Showing 3 of 5 contacts: operational and personal networks."
    )
    net = network_from(
        Profile("Ana"), [Contact("A", id=1, inside_org=True), Contact("B", id=2, inside_org=False)]
    )
    assert Filters().apply(net) is net
    assert Filters(inside="inside").apply(net).contacts["name"].tolist() == ["A"]


def test_tag_options_are_ranked_and_deduplicated():
    net = network_from(
        Profile("Ana"),
        [Contact("A", tags=("b", "a")), Contact("B", tags=("B",)), Contact("C", tags=("c",))],
    )
    assert tag_options(net) == [("b (2)", "b"), ("a (1)", "a"), ("c (1)", "c")]
    assert tag_options(net, limit=1) == [("b (2)", "b")]


def test_reading_html_escapes_and_marks_gaps():
    assert "&lt;b&gt;" in reading_html("x", "<b>")
    assert 'data-figure="x"' in reading_html("x", "r")


def test_every_reading_says_on_how_many_decided_and_guessed_contacts_it_rests(view):
    rests = view.model.shown().basis.line()
    assert rests.startswith("Rests on 54 contacts")
    for key in view.readings:
        assert rests in html.unescape(view.readings[key].value), key


def test_the_figures_sent_to_the_page_are_plotlys_own_json(view):
    """The fast plain-JSON copy of each figure says what plotly's own JSON says, on the
    sample and on a network large enough for WebGL maps and many dates."""
    import json

    from leadnet_helpers.app.dashboard import plain_json
    from leadnet_helpers.plots import build_figures

    big = network_from(
        Profile("Ana", organisation="Contoso"),
        [
            Contact(
                f"<b>C{i}</b> & co",
                id=i,
                organisation="Contoso" if i % 3 else f"Org {i % 7}",
                network_type=("operational", "personal", "strategic", "")[i % 4],
                strength=(i % 6) or None,
                last_contact=f"2026-{1 + i % 12:02d}-01" if i % 2 else "",
                tags=("x",) if i % 5 else (),
            )
            for i in range(1, 3001)
        ],
    )
    figures = [*view.figures.values(), *build_figures(big, today=TODAY).values()]
    for figure in figures:
        assert plain_json(figure.to_plotly_json()) == json.loads(figure.to_json())
