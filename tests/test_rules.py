"""One home per rule: the same contacts give the same answer in every place a rule shows.

Each test drives a few contacts through every layer that shows the rule (the
classifier's reasons, notebook 02's board, notebook 01's summary, the network
tables and diagnostics, the plan, the figures) and checks that they agree.
"""

from __future__ import annotations

from datetime import date

from leadnet_helpers.analysis import analyse, analysis_of
from leadnet_helpers.app.board import board_from
from leadnet_helpers.app.introductions import introduction_counts
from leadnet_helpers.classify import classify, confirm, in_force
from leadnet_helpers.diagnostics import brokers, homophily, inside_outside
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.network import filter_network, network_from
from leadnet_helpers.plan import suggest_actions
from leadnet_helpers.plots.style import NETWORK_COLOURS, NETWORK_LABELS, NETWORK_SYMBOLS, badge_html
from leadnet_helpers.rules import NETWORK_STYLES, time_ago
from leadnet_helpers.store import Workspace

TODAY = date(2026, 11, 21)


def test_inside_or_outside_agrees_in_classifier_board_and_diagnostics():
    me = Profile("Ana", organisation="Contoso")
    people = [
        Contact("Bo", id=1, organisation="Contoso Ltd"),
        Contact("Cy", id=2, organisation="Fabrikam plc"),
        Contact("Di", id=3, organisation="Contoso", inside_org=False),
    ]
    rows = classify(people, me)
    board = board_from(people, rows, me)
    net = network_from(me, people, types=rows)
    assert board["where"].tolist() == ["inside", "outside", "outside"]
    assert net.contacts["location"].tolist() == ["inside", "outside", "outside"]
    finding = inside_outside(net)
    assert (finding.details["inside"], finding.details["outside"]) == (1, 2)
    assert filter_network(net, inside=True).contacts["name"].tolist() == ["Bo"]
    assert homophily(net).details["attributes"]["organisation"]["same"] == 1


def test_organisation_homophily_is_undefined_without_an_own_organisation():
    net = network_from(
        Profile("Ana"),
        [
            Contact("Bo", id=1, organisation="X", inside_org=True),
            Contact("Cy", id=2, organisation="Y"),
        ],
    )
    assert homophily(net).value["organisation"] is None


def test_self_introduced_agrees_between_notebook_01_and_the_brokers_diagnostic():
    people = [
        Contact("A", id=1, introduced_by="myself"),
        Contact("B", id=2, introduced_by="I"),
        Contact("C", id=3, introduced_by="me"),
        Contact("D", id=4, introduced_by="Kenji"),
        Contact("E", id=5, introduced_by="Ana Lima"),
    ]
    counts = introduction_counts(people, own_name="Ana Lima")
    finding = brokers(network_from(Profile("Ana Lima"), people))
    assert counts.by_me == finding.details["self_introduced"] == 4
    assert counts.by_others == finding.details["introduced_by_others"] == 1
    assert counts.top_introducers == (("Kenji", 1),)
    assert [p.name for p in finding.people("introducer")] == ["Kenji"]


def test_the_type_in_force_agrees_after_confirming_into_the_secondary_network(tmp_path):
    ws = Workspace.create(tmp_path / "w.leadnet.sqlite", Profile("Ana", organisation="Contoso"))
    cid = ws.add_contact(
        Contact(
            "Bo",
            relationship="my manager",
            orientation="future",
            organisation="Contoso",
            role="Head of Strategy",
        )
    )
    before = analysis_of(ws, TODAY).classification.iloc[0]
    other = (before["secondary_types"] or ("strategic",))[0]
    confirm(ws, cid, other)
    after = analysis_of(ws, TODAY)
    row = after.classification.iloc[0]
    contact = after.network.contacts.iloc[0]
    assert row["network_type"] == contact["network_type"] == other
    assert other not in row["secondary_types"] and other not in contact["secondary_types"]
    assert before["network_type"] in contact["secondary_types"]
    board = board_from(
        ws.contacts(), in_force(classify(ws.contacts(), ws.profile()), {cid: other}), ws.profile()
    )
    assert board.loc[0, "network_type"] == other
    assert tuple(board.loc[0, "secondary_types"]) == tuple(contact["secondary_types"])
    ws.close()


def test_the_network_style_is_the_same_in_figures_board_and_prose():
    for kind in ("operational", "personal", "strategic"):
        style = NETWORK_STYLES[kind]
        assert NETWORK_COLOURS[kind] == style.colour
        assert NETWORK_SYMBOLS[kind] == style.symbol
        assert NETWORK_LABELS[kind] == style.label
        assert style.colour in badge_html(kind) and style.glyph in badge_html(kind)
    shapes = [NETWORK_STYLES[k].shape for k in ("operational", "personal", "strategic")]
    assert shapes == ["square", "circle", "triangle"]  # as notebook 02 promises
    assert NETWORK_SYMBOLS[""] not in {
        NETWORK_SYMBOLS[k] for k in ("operational", "personal", "strategic")
    }


def test_time_ago_is_worded_the_same_in_diagnostics_and_plan():
    robert = Contact(
        "Robert Hale", id=1, network_type="strategic", strength=2, last_contact="2026-04-20"
    )
    analysis = analyse(network_from(Profile("Ana"), [robert]), TODAY)
    losing = analysis.finding("keep_warm")
    row = losing.details["losing_touch"][0]
    assert row["ago"] == time_ago((TODAY - date(2026, 4, 20)).days) == "7 months ago"
    action = next(
        a for a in suggest_actions(analysis.findings, TODAY) if a.template == "reconnect_dormant"
    )
    assert "7 months ago" in action.who[0]["detail"]
    assert [time_ago(d) for d in (0, 1, 13, 14, 59, 60, 213, 800)] == [
        "today",
        "yesterday",
        "13 days ago",
        "2 weeks ago",
        "8 weeks ago",
        "2 months ago",
        "7 months ago",
        "2 years ago",
    ]


def test_dates_in_a_column_read_as_days_whatever_the_column_holds():
    import pandas as pd

    from leadnet_helpers.rules import to_timestamps

    for kind in (object, "str"):
        column = pd.Series(
            ["2026-01-02", "2026-01-03T10:30:00", " ", "", None, "soon"], index=[9, 8, 7, 6, 5, 4]
        ).astype(kind)
        read = to_timestamps(column)
        assert read.index.tolist() == [9, 8, 7, 6, 5, 4] and str(read.dtype) == "datetime64[ns]"
        assert read.tolist()[:2] == [pd.Timestamp("2026-01-02"), pd.Timestamp("2026-01-03")]
        assert read.iloc[2:].isna().all()
