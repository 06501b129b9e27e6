"""The dashboard's figures: pure functions of the data, readable, safe, and scalable.

Each figure is built on tiny hand-made networks (no contact, one, two, no
ties, a star) and on a sample persona, and checked for what a reader relies
on: the traces are there, each network type has its palette colour and its
own symbol, the reading travels with the figure, no NaN reaches plotly, every
name is escaped, and large maps switch to WebGL.
"""

from __future__ import annotations

import html
import itertools
import math
import re
from datetime import date
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from leadnet_helpers.analysis import analysis_of
from leadnet_helpers.app.dashboard import plain_json
from leadnet_helpers.diagnostics import all_findings
from leadnet_helpers.findings import Finding
from leadnet_helpers.model import Contact, Interaction, Profile, Tie
from leadnet_helpers.network import network_from
from leadnet_helpers.personas import open_sample
from leadnet_helpers.plots import (
    NETWORK_COLOURS,
    NETWORK_SYMBOLS,
    PLOTTED,
    SCATTERGL_THRESHOLD,
    SPRING_LIMIT,
    balance_figure,
    build_figures,
    diversity_figure,
    ego_layout,
    ego_map_figure,
    gap_list_html,
    gap_list_reading,
    give_take_figure,
    keep_warm_figure,
    keep_warm_table,
    needs_webgl,
    reading_of,
    tie_layout,
    who_knows_whom_figure,
)
from leadnet_helpers.plots.style import MAP_DECIMALS, map_points

TODAY = date(2026, 11, 21)
PROFILE = Profile("Ana Lima", career_stage="functional manager")


def person(i: int, **fields) -> Contact:
    fields.setdefault("network_type", ("operational", "personal", "strategic")[i % 3])
    return Contact(fields.pop("name", f"Contact {i}"), id=i, **fields)


def nets() -> dict[str, object]:
    """Tiny networks: nobody, one, two without ties, a star, a hostile name."""
    star = [
        person(1, strength=5, last_contact="2026-11-01"),
        *[person(i, strength=i % 5 + 1, last_contact="2025-01-01") for i in range(2, 6)],
    ]
    log = [Interaction(1, "2026-10-01", "asked"), Interaction(2, "2026-10-02", "gave")]
    return {
        "empty": network_from(PROFILE, []),
        "one": network_from(PROFILE, [person(1)]),
        "two-no-ties": network_from(PROFILE, [person(1, strength=3), person(2)]),
        "star": network_from(PROFILE, star, [Tie(1, i) for i in range(2, 6)], log),
        "hostile": network_from(
            PROFILE,
            [
                person(
                    1,
                    name="<b>Bo</b> & <script>x</script>",
                    organisation="<i>Org</i>",
                    strength=4,
                    last_contact="2025-01-01",
                    tags=("<t>",),
                ),
                person(2, name="Cy", network_type=""),
            ],
            [Tie(1, 2)],
            [Interaction(1, "2026-10-01", "asked")],
        ),
    }


@pytest.fixture(scope="module")
def persona_net(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEADNET_HOME", str(tmp_path_factory.mktemp("home")))
        ws = open_sample("ana-lucia-ferreira")
        net = analysis_of(ws).network
        ws.close()
    return net


def large_net(n: int, tied: int = 0):
    types = ("operational", "personal", "strategic", "")
    contacts = [
        Contact(
            f"C{i}",
            id=i,
            network_type=types[i % 4],
            strength=(i % 6) or None,
            last_contact="2026-01-01" if i % 2 else "",
            tags=("x",) if i % 5 else (),
        )
        for i in range(1, n + 1)
    ]
    ties = [Tie(i, i + 1) for i in range(1, tied)]
    return network_from(PROFILE, contacts, ties)


def numbers(value) -> list[float]:
    """Every float anywhere in a figure's JSON."""
    out: list[float] = []
    if isinstance(value, dict):
        for v in value.values():
            out += numbers(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            out += numbers(v)
    elif isinstance(value, np.ndarray):
        if value.dtype.kind == "f":
            out += value.ravel().tolist()
        elif value.dtype.kind == "O":
            out += numbers(value.tolist())
    elif isinstance(value, float):
        out.append(value)
    return out


def check_figure(fig: go.Figure) -> None:
    assert isinstance(fig, go.Figure)
    assert reading_of(fig).strip(), "every figure carries its reading"
    assert not any(math.isnan(x) or math.isinf(x) for x in numbers(fig.to_plotly_json()))
    go.Figure(fig.to_dict())  # valid for plotly (validated again from plain JSON)


def type_traces(fig: go.Figure) -> dict[str, go.Scatter]:
    """The marker traces named after a network type, by type."""
    out = {}
    for trace in fig.data:
        for t, label in (
            ("operational", "Operational"),
            ("personal", "Personal"),
            ("strategic", "Strategic"),
            ("", "Not yet classified"),
        ):
            if (trace.name or "").startswith(label):
                out[t] = trace
    return out


# ---------------------------------------------------------------------------- every figure


@pytest.mark.parametrize("name", list(nets()))
def test_every_figure_builds_on_tiny_networks(name):
    net = nets()[name]
    findings = all_findings(net, TODAY)
    figures = build_figures(net, findings, today=TODAY)
    assert list(figures) == list(PLOTTED)
    for key, fig in figures.items():
        check_figure(fig)
        assert fig.layout.meta["figure"] == key


def test_empty_network_says_so_everywhere():
    figures = build_figures(nets()["empty"], [], today=TODAY)
    for fig in figures.values():
        assert len(fig.data) == 0
        assert fig.layout.annotations[0].text.startswith("No contacts")


def test_persona_figures_carry_the_findings_readings(persona_net):
    findings = all_findings(persona_net, TODAY)
    by_key = {f.key: f for f in findings}
    figures = build_figures(persona_net, findings, today=TODAY)
    for fig in figures.values():
        check_figure(fig)
    assert reading_of(figures["balance"]) == by_key["balance"].reading
    assert reading_of(figures["ego"]) == by_key["strong_ties"].reading
    assert reading_of(figures["ties"]) == by_key["structure"].reading
    assert reading_of(figures["keep_warm"]) == by_key["keep_warm"].reading
    assert reading_of(figures["give_take"]) == by_key["give_and_take"].reading
    assert reading_of(figures["diversity"]) == by_key["diversity"].reading
    assert figures["balance"].layout.meta["finding"] == "balance"


@pytest.mark.parametrize("maker", [ego_map_figure, who_knows_whom_figure])
def test_maps_give_each_type_its_colour_symbol_and_name(persona_net, maker):
    fig = maker(persona_net)
    traces = type_traces(fig)
    assert set(traces) >= {"operational", "personal", "strategic"}
    for t, trace in traces.items():
        assert trace.marker.color == NETWORK_COLOURS[t]
        assert trace.marker.symbol == NETWORK_SYMBOLS[t]
    total = sum(len(trace.x) for trace in traces.values())
    assert total == persona_net.size
    assert len(set(NETWORK_COLOURS.values())) == len(NETWORK_COLOURS)
    assert len(set(NETWORK_SYMBOLS.values())) == len(NETWORK_SYMBOLS)


def test_names_are_escaped_in_every_label():
    net = nets()["hostile"]
    figures = build_figures(net, all_findings(net, TODAY), today=TODAY)
    text = str([fig.to_plotly_json()["data"] for fig in figures.values()])
    assert "<script>" not in text and "<b>Bo</b>" not in text
    assert "&lt;b&gt;Bo&lt;/b&gt; &amp; &lt;script&gt;" in text
    assert "&lt;i&gt;Org&lt;/i&gt;" in text


# ---------------------------------------------------------------------------- balance


def test_balance_bars_against_the_target():
    net = nets()["star"]
    target = Finding(
        "balance",
        "Balance",
        {},
        "Thin strategic network.",
        True,
        0.6,
        "p",
        "s",
        {"target": {"operational": 0.45, "personal": 0.3, "strategic": 0.25}},
    )
    fig = balance_figure(net, target)
    mine, goal = fig.data
    assert list(mine.x) == ["Operational", "Personal", "Strategic"]
    assert list(mine.marker.color) == [
        NETWORK_COLOURS[t] for t in ("operational", "personal", "strategic")
    ]
    assert sum(mine.y) == pytest.approx(100)
    assert list(goal.y) == pytest.approx([45, 30, 25])
    assert goal.marker.pattern.shape == "/"  # the target differs by pattern, not colour
    assert reading_of(fig) == "Thin strategic network."


def test_balance_shows_unclassified_only_when_there_are_some():
    assert "Not yet classified" in balance_figure(nets()["hostile"]).data[0].x
    assert "Not yet classified" not in balance_figure(nets()["star"]).data[0].x


# ---------------------------------------------------------------------------- ego map


def test_ego_rings_follow_tie_strength():
    net = network_from(
        PROFILE, [person(i, strength=s) for i, s in enumerate([5, 4, 3, 2, 1, None], start=1)]
    )
    x, y = ego_layout(net.contacts)
    radius = np.hypot(x, y)
    assert list(np.round(radius)) == [1, 2, 3, 4, 5, 6]


def test_ego_sectors_keep_types_apart():
    net = large_net(400)
    x, y = ego_layout(net.contacts)
    angle = np.mod(np.arctan2(y, x) - np.pi / 2, 2 * np.pi)  # clockwise from the top
    types = net.contacts["network_type"].to_numpy()
    spans = {t: (angle[types == t].min(), angle[types == t].max()) for t in set(types)}
    ordered = sorted(spans.values())
    for (_lo1, hi1), (lo2, _) in itertools.pairwise(ordered):
        assert hi1 < lo2, "sectors overlap"
    assert len({(round(a, 6), round(b, 6)) for a, b in zip(x, y, strict=True)}) == len(x)


def test_ego_map_switches_to_webgl_above_the_threshold():
    small = ego_map_figure(large_net(SCATTERGL_THRESHOLD - 10))
    big = ego_map_figure(large_net(SCATTERGL_THRESHOLD + 10))
    assert {t.type for t in type_traces(small).values()} == {"scatter"}
    assert {t.type for t in type_traces(big).values()} == {"scattergl"}
    check_figure(big)


# ---------------------------------------------------------------------------- who knows whom


def test_star_places_the_hub_among_its_contacts_and_isolates_outside():
    net = network_from(PROFILE, [person(i) for i in range(1, 8)], [Tie(1, i) for i in range(2, 6)])
    pos = tie_layout(net)
    radius = {cid: math.hypot(*xy) for cid, xy in pos.items()}
    assert max(radius[i] for i in range(1, 6)) <= 1.0 + 1e-9
    assert min(radius[6], radius[7]) > 1.1  # no tie: the outer ring
    assert tie_layout(net) == pos  # seeded: the same picture every time
    fig = who_knows_whom_figure(net)
    (lines,) = fig.layout.shapes
    legend = fig.data[0]  # the lines' legend entry: a line, in the lines' legend group
    assert legend.name == "Knows each other (4)" and legend.mode == "lines"
    assert legend.legendgroup == lines.legendgroup == "ties" and not lines.showlegend
    # one path beneath the dots: from each tie's first contact to its second
    assert lines.type == "path" and lines.layer == "below"
    ends = [tuple(map(float, p.split(","))) for p in re.split("[ML]", lines.path)[1:]]
    expected = [xy for i in range(2, 6) for c in (1, i) for xy in pos[c]]
    assert [xy for end in ends for xy in end] == pytest.approx(expected, abs=1e-4)


def test_no_ties_means_one_ring_and_a_reading_that_says_what_to_do():
    fig = who_knows_whom_figure(nets()["two-no-ties"])
    assert all(t.mode == "markers" for t in fig.data)
    assert "notebook 01" in reading_of(fig)


def test_many_tied_contacts_use_the_grouped_layout_and_webgl():
    net = large_net(SCATTERGL_THRESHOLD + 200, tied=SPRING_LIMIT + 50)
    pos = tie_layout(net)
    assert len(pos) == net.size
    fig = who_knows_whom_figure(net, positions=pos)
    assert {t.type for t in type_traces(fig).values()} == {"scattergl"}
    # the lines are one path (a shape): WebGL would draw every tie as a line of its own
    assert [s.type for s in fig.layout.shapes] == ["path"]
    assert fig.layout.shapes[0].path.count("M") == len(net.ties)
    check_figure(fig)


def test_webgl_is_needed_for_maps_of_more_contacts_than_the_threshold_whatever_the_ties():
    assert not needs_webgl(SCATTERGL_THRESHOLD)
    assert needs_webgl(SCATTERGL_THRESHOLD + 1)
    many_ties = large_net(SCATTERGL_THRESHOLD // 2, tied=SCATTERGL_THRESHOLD // 2)
    assert len(many_ties.ties) * 3 > SCATTERGL_THRESHOLD
    fig = who_knows_whom_figure(many_ties)
    assert {t.type for t in fig.data} == {"scatter"}


def test_filtered_view_reuses_the_positions_of_the_whole_network():
    net = nets()["star"]
    pos = tie_layout(net)
    part = network_from(PROFILE, [person(1), person(3)], [Tie(1, 3)])
    fig = who_knows_whom_figure(part, positions=pos)
    xs = sorted(x for t in type_traces(fig).values() for x in t.x)
    # the same places, as the figure's JSON keeps them (to MAP_DECIMALS: far below a pixel)
    assert xs == sorted(map_points(np.array([pos[1][0], pos[3][0]])).tolist())


def test_map_places_are_sent_to_a_ten_thousandth_of_a_unit(persona_net):
    """The maps' JSON keeps 4 decimals of each place (a third of it at 30,000 contacts)."""
    for fig in (ego_map_figure(persona_net), who_knows_whom_figure(persona_net)):
        for trace in fig.data:
            values = [
                v for v in plain_json(trace.x if trace.x is not None else []) if v is not None
            ]
            if trace.name and trace.name.startswith("Knows each other"):
                assert values == [], "the lines' legend entry draws nothing"
                continue
            assert values and all(round(v, MAP_DECIMALS) == v for v in values), trace.name
        for shape in [s for s in fig.layout.shapes if s.type == "path"]:  # the tie lines
            ends = [float(v) for v in re.split("[MLZ,]", shape.path) if v]
            assert ends and all(round(v, MAP_DECIMALS) == v for v in ends)


def test_contacts_constraining_most_are_ringed(persona_net):
    findings = all_findings(persona_net, TODAY)
    structure = next(f for f in findings if f.key == "structure")
    fig = who_knows_whom_figure(persona_net, structure)
    ringed = [t for t in fig.data if (t.name or "").startswith("Constrain you most")]
    assert ringed and 1 <= len(ringed[0].x) <= 3


# ---------------------------------------------------------------------------- keeping warm


def test_keep_warm_table_uses_the_intervals_by_type_and_strength():
    net = nets()["star"]
    table = keep_warm_table(net, today=TODAY).set_index("id")
    assert table.loc[1, "status"] == "warm"  # strong operational, 20 days ago
    assert table.loc[3, "days"] == (TODAY - date(2025, 1, 1)).days
    assert table.loc[2, "days"] == (TODAY - date(2026, 10, 2)).days  # logged since: later wins
    assert set(table["status"]) <= {"warm", "due", "losing touch", "no date"}
    assert keep_warm_table(nets()["one"], today=TODAY)["status"].tolist() == ["no date"]


def test_keep_warm_figure_rings_the_contacts_losing_touch():
    fig = keep_warm_figure(nets()["star"], today=TODAY)
    losing = [t for t in fig.data if (t.name or "").startswith("Losing touch")]
    assert losing and len(losing[0].x) == 3  # contact 2 was logged in October
    assert losing[0].marker.symbol == "circle-open"
    names = [y for t in fig.data if t.mode == "markers" for y in t.y]
    assert len(names) == 5
    check_figure(fig)


def test_keep_warm_without_dates_points_to_where_to_add_them():
    fig = keep_warm_figure(nets()["one"], today=TODAY)
    assert not fig.data and "notebook 01" in reading_of(fig)


# ---------------------------------------------------------------------------- give and take


def test_give_and_take_counts_the_last_year_of_the_log():
    net = network_from(
        PROFILE,
        [person(1), person(2)],
        (),
        [
            Interaction(1, "2026-10-01", "asked"),
            Interaction(1, "2026-10-02", "asked"),
            Interaction(2, "2026-09-01", "gave"),
            Interaction(2, "2024-01-01", "gave"),
        ],
    )
    fig = give_take_figure(net, today=TODAY)
    overall_gave, per_gave, overall_asked, _per_asked = fig.data
    assert list(overall_gave.y) == [1] and list(overall_asked.y) == [2]
    assert per_gave.orientation == "h" and len(per_gave.y) == 2
    assert overall_asked.marker.pattern.shape == "x"  # asks differ by pattern too


def test_give_and_take_falls_back_on_what_contacts_say():
    net = network_from(PROFILE, [person(1, gives_me=("insight", "support"), i_give=("feedback",))])
    fig = give_take_figure(net, today=TODAY)
    assert list(fig.data[0].y) == [1] and list(fig.data[2].y) == [2]


def test_give_and_take_with_nothing_recorded_says_so():
    fig = give_take_figure(nets()["one"], today=TODAY)
    assert not fig.data and "notebook 05" in reading_of(fig)


# ---------------------------------------------------------------------------- diversity


def test_diversity_table_spread_per_column():
    from leadnet_helpers.model import Contact, Profile
    from leadnet_helpers.network import network_from
    from leadnet_helpers.plots.diversity import diversity_table

    net = network_from(
        Profile("Ana"),
        [Contact(n, industry=i) for n, i in zip("ABCD", ["a", "b", "c", "d"], strict=True)],
    )
    row = diversity_table(net).set_index("attribute").loc["industry"]
    assert (row["blau"], row["iqv"], row["kinds"], row["known"]) == (0.75, 1.0, 4, 4)
    assert diversity_table(net).set_index("attribute").loc["function", "known"] == 0


def test_diversity_bars_per_attribute(persona_net):
    fig = diversity_figure(persona_net)
    bars = fig.data[0]
    assert list(bars.y) == [
        "Inside or outside",
        "Seniority",
        "Industry",
        "Function",
        "Organisation",
    ]
    assert all(0 <= v <= 1 for v in bars.x)
    assert all("IQV" in t for t in bars.text)


# ---------------------------------------------------------------------------- gap list


class _Table(HTMLParser):
    """A table's caption and rows as a screen reader reads them: each cell's text."""

    def __init__(self) -> None:
        super().__init__()
        self.caption, self.rows, self.scopes = "", [], []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.rows[-1].append("")
            self.scopes.append(dict(attrs).get("scope"))
            self._in = "cell"
        elif tag == "caption":
            self._in = "caption"

    def handle_endtag(self, tag):
        if tag in ("td", "th", "caption"):
            self._in = None

    def handle_data(self, data):
        if self._in == "cell":
            self.rows[-1][-1] += data
        elif self._in == "caption":
            self.caption += data


def read_table(markup: str) -> _Table:
    table = _Table()
    table.feed(markup)
    return table


def test_gap_list_ranks_by_severity_and_escapes():
    gaps = [
        Finding("a", "Small", 1, "r", True, 0.2, "p", "s"),
        Finding("b", "<b>Big</b>", 1, "Read <me>", True, 0.9, "p", "Burt & Co"),
        Finding("c", "None", 1, "r", False, 0.0, "p", "s"),
    ]
    table = read_table(gap_list_html(gaps))
    assert table.caption == "Your gaps, the most severe first"
    header, *rows = table.rows
    assert header == ["Gap", "What it means for you", "Why it matters"]
    # the text as written (escaped in the markup, so no tag of it is ever drawn)
    assert rows == [
        ["1. <b>Big</b>Severity: high", "Read <me>", "pSource: Burt & Co"],
        ["2. SmallSeverity: low", "r", "pSource: s"],
    ]
    assert "<b>Big" not in gap_list_html(gaps)
    # column headers, and each row headed by its gap, for a screen reader
    assert table.scopes == ["col"] * 3 + ["row", None, None] * 2
    assert (
        gap_list_reading(gaps)
        == "2 gaps to work on; the most severe is \u201c<b>Big</b>\u201d (high)."
    )


def test_gap_list_without_gaps():
    table = read_table(gap_list_html([]))
    assert table.rows[1][0] == "No gaps found"
    assert gap_list_reading([]) == "No gaps found in the contacts shown."


def _hover(trace, i: int) -> str:
    """What plotly shows on hovering point *i* of *trace* (its template filled in)."""
    data = trace.customdata[i]
    shown = trace.hovertemplate.replace("%{text}", trace.text[i])
    if "%{customdata:,}" in shown:
        shown = shown.replace("%{customdata:,}", f"{int(data):,}")
    return shown.replace("%{customdata}", str(data)).replace("<extra></extra>", "")


def test_a_contacts_hover_names_them_their_network_and_the_figures_measure(persona_net):
    contacts = persona_net.contacts.set_index("name")
    ego = type_traces(ego_map_figure(persona_net))
    ties = type_traces(who_knows_whom_figure(persona_net))
    for kind, trace in ego.items():
        who = trace.text[0].split("</b>")[0].removeprefix("<b>")
        row = contacts.loc[html.unescape(who)]
        label = f"{kind.capitalize()} network" if kind else "Not yet classified"
        strength = "unknown" if pd.isna(row["strength"]) else f"{int(row['strength'])} of 5"
        assert _hover(trace, 0) == f"{trace.text[0]}<br>{label}<br>tie strength {strength}"
        assert trace.text[0].startswith("<b>") and "<br>" in trace.text[0]
    for kind, trace in ties.items():
        assert _hover(trace, 0).endswith(
            f"<br>knows {trace.customdata[0]:,} of your other contacts"
        )
        assert (f"{kind.capitalize()} network" if kind else "Not yet classified") in _hover(
            trace, 0
        )
