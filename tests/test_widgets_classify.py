"""Notebook 02's views, driven as a person would: read the card, answer, click, filter.

The pure functions (queue order, progress, filtering, grouping, paging, what
counts as high confidence) are tested on small hand-made boards. The views
run against a real workspace built from the sample persona in a temporary
LEADNET_HOME; clicking a button runs the same callbacks the notebook runs.
Assertions read what the person would see and what is saved.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from leadnet_helpers import workbook
from leadnet_helpers.app.board import (
    HIGH_CONFIDENCE,
    board_from,
    confidence_band,
    confidence_words,
    current_board,
    filter_board,
    group_counts,
    group_page,
    high_confidence_ids,
    summary_text,
)
from leadnet_helpers.app.triage import (
    CHOICE_ANSWERS,
    answer_changes,
    progress_text,
    question_kind,
    triage_order,
)
from leadnet_helpers.app.workspace import workspace_model
from leadnet_helpers.classify import classify, classify_workspace
from leadnet_helpers.model import NETWORK_TYPES, Contact, Profile
from leadnet_helpers.personas import open_sample
from leadnet_helpers.widgets import overview_view, triage_view
from leadnet_helpers.widgets.overview import OverviewView
from leadnet_helpers.widgets.triage import TriageView, card_html

HOSTILE = "<script>alert(1)</script>"


pytestmark = pytest.mark.usefixtures("home")  # a private LEADNET_HOME, a fresh session


@pytest.fixture
def sample():
    """A fresh copy of the first sample persona (54 contacts, 6 labelled by the persona)."""
    ws = open_sample()
    yield ws
    ws.close()


@pytest.fixture
def empty(tmp_path):
    return workbook.start_workspace(Profile(name="Ana Lima", organisation="Contoso"))


def _text(value: str) -> str:
    """Visible text of an HTML value (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", value))).strip()


def _card_name(view: TriageView) -> str:
    match = re.search(r"<h3 class='leadnet-triage-name'[^>]*>(.*?)</h3>", view.card.value)
    assert match, view.card.value
    return html.unescape(match.group(1))


def _group_names(view: OverviewView, network_type: str) -> list[str]:
    group = view.groups[network_type]
    return [choice.description for box, choice, _ in group.rows if box.layout.display != "none"]


def _reviewed(view: TriageView) -> tuple[int, int]:
    match = re.search(r"([\d,]+) of ([\d,]+) reviewed", _text(view.progress.value))
    assert match, view.progress.value
    return int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))


# ------------------------------------------------------------------ pure functions


def _board(rows: list[dict]) -> pd.DataFrame:
    defaults = {
        "name": "x",
        "organisation": "",
        "role": "",
        "where": "",
        "secondary_types": (),
        "reasons": (),
        "questions": (),
        "suggested_type": "operational",
    }
    frame = pd.DataFrame([{**defaults, **r} for r in rows])
    frame["name_rank"] = frame["name"].str.casefold().rank(method="first").astype(int) - 1
    return frame


def test_the_queue_is_lowest_confidence_first_without_decided_and_skipped_last():
    board = _board(
        [
            {
                "contact_id": 1,
                "confidence": 0.9,
                "needs_review": False,
                "decided_by": "rules",
                "network_type": "operational",
            },
            {
                "contact_id": 2,
                "confidence": 0.3,
                "needs_review": True,
                "decided_by": "rules",
                "network_type": "personal",
            },
            {
                "contact_id": 3,
                "confidence": 1.0,
                "needs_review": False,
                "decided_by": "person",
                "network_type": "strategic",
            },
            {
                "contact_id": 4,
                "confidence": 0.3,
                "needs_review": False,
                "decided_by": "rules",
                "network_type": "personal",
            },
            {
                "contact_id": 5,
                "confidence": 0.6,
                "needs_review": False,
                "decided_by": "rules",
                "network_type": "operational",
            },
        ]
    )
    assert triage_order(board) == [2, 4, 5, 1]  # flagged first among equals
    assert triage_order(board, skipped=[2, 5]) == [4, 1, 2, 5]
    assert triage_order(board, skipped=[99]) == [2, 4, 5, 1]
    assert triage_order(board.iloc[0:0]) == []


def test_progress_and_confidence_in_words():
    assert progress_text(23, 120) == "23 of 120 reviewed"
    assert progress_text(1, 1, skipped=1) == "1 of 1 reviewed (1 skipped for now)"
    assert progress_text(0, 0) == "No contacts to review yet"
    assert confidence_words(0.2, True, "rules") == "low confidence: needs your review"
    assert confidence_words(0.6, False, "rules").startswith("medium confidence")
    assert confidence_words(HIGH_CONFIDENCE, False, "rules") == "high confidence"
    assert confidence_words(0.2, True, "person") == "your decision"


def test_filters_groups_pages_and_bulk_candidates():
    people = [
        Contact(
            "Ada Brooks",
            id=1,
            relationship="my manager",
            inside_org=True,
            orientation="current",
            discretionary=False,
            frequency="weekly",
        ),
        Contact(
            "Bo Chen",
            id=2,
            relationship="board member",
            inside_org=False,
            orientation="future",
            gives_me=("insight",),
            discretionary=True,
        ),
        Contact("Cy Diaz", id=3, organisation="Contoso"),
        Contact(
            "Dee Evans",
            id=4,
            organisation="Northwind",
            relationship="mentor",
            discretionary=True,
            orientation="both",
            gives_me=("feedback",),
        ),
    ]
    board = board_from(people, classify(people), Profile("Me", organisation="Contoso"))
    assert board["where"].tolist() == ["inside", "outside", "inside", "outside"]
    assert filter_board(board, where="outside")["name"].tolist() == ["Bo Chen", "Dee Evans"]
    assert filter_board(board, where="unknown").empty
    assert filter_board(board, network_type="strategic")["name"].tolist() == ["Bo Chen"]
    assert filter_board(board, query="CONTOSO cy")["name"].tolist() == ["Cy Diaz"]
    low = filter_board(board, confidence="low")
    assert "Cy Diaz" in low["name"].tolist()
    assert set(confidence_band(board)) <= {"low", "medium", "high", "yours"}
    assert group_counts(board) == {"operational": 2, "personal": 1, "strategic": 1}
    assert "Showing 4 of 4 contacts: 2 operational, 1 personal, 1 strategic" in (
        summary_text(board, 4)
    )
    high = high_confidence_ids(board)
    assert 3 not in high  # flagged for review: never confirmed in bulk
    assert set(high) <= {1, 2, 4}
    rows, page, pages = group_page(board, "operational", page=1, size=1)
    assert (rows["name"].tolist(), page, pages) == (["Ada Brooks"], 1, 2)
    assert group_page(board, "operational", page=5, size=1)[0]["name"].tolist() == ["Cy Diaz"]


def test_questions_map_to_quick_answers():
    assert question_kind("Is Dmitri inside your organisation?") == "inside"
    assert (
        question_kind(
            "Is your relationship with Ana mainly about today's work or tomorrow's priorities?"
        )
        == "time"
    )
    assert (
        question_kind(
            "How do you know Bo? (for example: your manager, a supplier, an old "
            "classmate, a board member)"
        )
        == "how_know"
    )
    assert answer_changes("time", "future") == {"orientation": "future"}
    assert answer_changes("gives", "insight") == {"gives_me": "insight"}
    assert answer_changes("function", "Finance") == {"function": "Finance"}
    for kind, bad in (("inside", "maybe"), ("how_know", "  "), ("fallback", "x")):
        with pytest.raises(Exception, match="answer|buttons"):
            answer_changes(kind, bad)
    assert set(CHOICE_ANSWERS) == {"inside", "time", "chosen", "gives"}


def test_the_card_escapes_and_says_everything_in_words():
    card = card_html(
        {
            "name": HOSTILE,
            "organisation": "<img src=x>",
            "role": "",
            "where": "",
            "network_type": "personal",
            "secondary_types": ("strategic",),
            "confidence": 0.41,
            "needs_review": True,
            "decided_by": "rules",
            "reasons": ("<b>outside</b> your organisation (location and time)",),
        }
    )
    assert "<script>" not in card and "<img" not in card and "<b>outside" not in card
    shown = _text(card)
    assert HOSTILE in shown
    assert "Suggested: ● personal (low confidence: needs your review; score 0.41)" in shown
    assert "Also close to: strategic" in shown
    assert "(location and time)" in shown


# ------------------------------------------------------------------ triage view


def test_the_first_card_is_the_least_confident_contact(sample):
    view = TriageView(sample)
    board = classify_workspace(sample)
    lowest = board.loc[board["confidence"].idxmin()]
    assert _card_name(view) == lowest["name"]
    shown = _text(view.card.value)
    assert "low confidence: needs your review" in shown
    assert "Why:" in shown and all(r in shown for r in lowest["reasons"])
    assert f"Also close to: {lowest['secondary_types'][0]}" in shown
    assert _text(view.questions.children[0].children[0].value).startswith("Question: Which fits")
    assert _reviewed(view) == (6, 54)  # the persona labelled six contacts herself
    suggested = view.choose[lowest["network_type"]]
    assert suggested.description.endswith("(suggested)")
    for kind, button in view.choose.items():  # large, labelled, described, coloured
        assert kind.capitalize() in button.description and button.tooltip
        assert button.layout.height == "3.4em" and button.style.button_color
    assert len({b.style.button_color for b in view.choose.values()}) == 3
    assert "Tab" in view.legend.value


def test_three_decisions_advance_the_card_the_progress_and_the_overview(sample):
    triage, board_view = TriageView(sample), OverviewView(sample)
    chosen = {}
    for kind in ("strategic", "personal", "strategic"):
        name = _card_name(triage)
        triage.choose[kind].click()
        assert _text(triage.feedback.value) == f"Saved: {name} is in your {kind} network."
        assert _card_name(triage) != name
        chosen[name] = kind
    assert _reviewed(triage) == (9, 54)
    for name, kind in chosen.items():
        assert name in _group_names(board_view, kind)
        others = [t for t in NETWORK_TYPES if t != kind]
        assert all(name not in _group_names(board_view, t) for t in others)
    assert "9 decided by you" in board_view.summary.value
    # the decisions are kept by every later run of the classifier
    for _ in range(2):
        again = classify_workspace(sample).set_index("name")
        for name, kind in chosen.items():
            assert again.at[name, "network_type"] == kind
            assert again.at[name, "decided_by"] == "person"


def test_skip_sends_the_card_to_the_back(sample):
    view = TriageView(sample)
    first = _card_name(view)
    view.skip.click()
    assert _card_name(view) != first
    assert "(1 skipped for now)" in _text(view.progress.value)
    order = triage_order(current_board(sample), view.skipped)
    assert sample.contact(order[-1]).name == first
    assert _reviewed(view) == (6, 54)  # skipping decides nothing


def test_answering_a_question_updates_the_contact_and_the_suggestion(sample):
    cid = sample.add_contact(Contact("Dmitri Sokolov"))
    workspace_model(sample).changed()
    view = TriageView(sample)
    assert _card_name(view) == "Dmitri Sokolov"
    before = _text(view.card.value)
    assert "Suggested: ■ operational (low confidence: needs your review" in before
    assert 1 <= len(view.questions.children) <= 2  # the one or two that would settle it
    inside = view.questions.children[0]
    assert "Is Dmitri inside your organisation?" in _text(inside.children[0].value)
    no = next(b for b in inside.children[1].children if b.description == "No, outside")
    no.click()
    assert sample.contact(cid).inside_org is False
    assert "Saved your answer (No, outside)" in _text(view.feedback.value)
    after = _text(view.card.value)
    assert "Suggested: ● personal" in after  # the suggestion moved with the answer
    assert "outside your organisation (location and time)" in after
    assert _card_name(view) == "Dmitri Sokolov"  # the card stays until a decision
    # the next question now asks about what is still unknown, and can be answered too
    questions = [_text(q.children[0].value) for q in view.questions.children]
    assert all("inside your organisation" not in q for q in questions)
    time_q = next(
        q
        for q in view.questions.children
        if "today's work or tomorrow's" in _text(q.children[0].value)
    )
    next(b for b in time_q.children[1].children if b.description == "Tomorrow's priorities").click()
    assert sample.contact(cid).orientation == "future"
    assert "Suggested: ▲ strategic" in _text(view.card.value)
    # the saved suggestion follows the answer; nothing was decided for the person
    assert sample.decisions()[cid]["decided_by"] == "rules"


def test_a_relationship_answered_in_words(sample):
    cid = sample.add_contact(Contact("Lee Park", inside_org=False, discretionary=True))
    workspace_model(sample).changed()
    view = TriageView(sample)
    assert _card_name(view) == "Lee Park"
    box = next(
        q for q in view.questions.children if "How do you know Lee?" in _text(q.children[0].value)
    )
    field, save = box.children[1].children
    save.click()
    assert "The answer is empty" in _text(view.feedback.value)
    field.value = "old classmate"
    save.click()
    assert sample.contact(cid).relationship == "old classmate"
    assert "Suggested: ● personal" in _text(view.card.value)


def test_an_error_in_a_click_is_shown_not_raised(sample):
    view = TriageView(sample)
    sample.delete_contacts([view.current])  # gone behind the view's back
    view.choose["personal"].click()
    assert "There is no contact with id" in _text(view.feedback.value)
    assert 'role="alert"' in view.feedback.value


def test_all_reviewed_says_so(empty):
    empty.add_contact(Contact("Ada Brooks", relationship="my manager"))
    view = TriageView(empty)
    view.choose["operational"].click()
    assert _reviewed(view) == (1, 1)
    assert "All 1 contacts are reviewed" in _text(view.card.value)
    assert view.decision_box.layout.display == "none"


# ------------------------------------------------------------------ overview


def test_overriding_in_the_overview_moves_the_contact_and_is_kept(sample):
    view, triage = OverviewView(sample), TriageView(sample)
    group = view.groups["operational"]
    _box, choice, _detail = group.rows[0]
    name = choice.description
    board = current_board(sample).set_index("name")
    assert board.at[name, "decided_by"] == "rules"
    choice.value = "strategic"
    assert f"{name} is now in your strategic network" in _text(view.feedback.value)
    assert name in _group_names(view, "strategic")
    assert name not in _group_names(view, "operational")
    assert classify_workspace(sample).set_index("name").at[name, "network_type"] == "strategic"
    assert _reviewed(triage) == (7, 54)  # the triage view hears about it as well


def test_filters_narrow_the_groups(sample):
    view = OverviewView(sample)
    view.type_filter.value = "strategic"
    assert view.groups["operational"].layout.display == "none"
    assert view.groups["strategic"].layout.display == ""
    view.type_filter.value = "all"
    view.where_filter.value = "outside"
    assert "Voltway" in " ".join(d.value for g in view.groups.values() for _, _, d in g.rows)
    inside = sum(1 for c in sample.contacts() if c.inside_org is True)
    assert f"Showing {54 - inside} of 54" in _text(view.summary.value)
    view.where_filter.value = "all"
    view.confidence_filter.value = "low"
    shown = [n for t in NETWORK_TYPES for n in _group_names(view, t)]
    assert "Freya Thorsen" in shown and len(shown) < 10
    view.confidence_filter.value = "all"
    view.find.value = "nobody like this"
    assert "No contact matches these filters." in _text(view.summary.value)


def test_groups_page_ten_at_a_time(sample):
    view = OverviewView(sample)
    operational = view.groups["operational"]
    assert "37 contacts, page 1 of 4" in _text(operational.heading.value)
    first = _group_names(view, "operational")
    assert len(first) == 10 and first == sorted(first, key=str.casefold)
    operational.next.click()
    assert "page 2 of 4" in _text(operational.heading.value)
    assert _group_names(view, "operational")[0] > first[-1]
    assert view.groups["strategic"].pager.layout.display == "none"


def test_bulk_confirm_of_high_confidence_suggestions(sample):
    view = OverviewView(sample)
    ready = high_confidence_ids(current_board(sample))
    assert view.bulk.description == f"Confirm {len(ready)} high-confidence suggestions"
    view.bulk.click()
    assert f"Confirmed {len(ready)} suggestions as your decisions" in _text(view.feedback.value)
    assert view.bulk.disabled
    assert view.bulk.description == "No high-confidence suggestions to confirm"
    decided = {cid for cid, d in sample.decisions().items() if d["decided_by"] == "person"}
    assert set(ready) <= decided
    again = classify_workspace(sample)
    flagged = again[again["needs_review"]]
    assert not set(flagged["contact_id"]) & set(ready)


def test_hostile_names_stay_text_in_the_overview(empty):
    empty.add_contact(Contact(HOSTILE, organisation="<img src=x onerror=alert(2)>"))
    view = overview_view(empty)
    details = " ".join(d.value for g in view.groups.values() for _, _, d in g.rows)
    assert "<img" not in details
    names = [n for t in NETWORK_TYPES for n in _group_names(view, t)]
    assert names == [HOSTILE]  # a dropdown's label is plain text, shown as typed
    assert "<script>" not in triage_view(empty).card.value


def test_no_contacts_gives_a_friendly_message(empty):
    triage, board_view = triage_view(empty), overview_view(empty)
    for value in (triage.card.value, board_view.empty.value):
        assert "no contacts in this workspace yet" in _text(value)
        assert "notebook 01_map_your_contacts" in _text(value)
    assert triage.decision_box.layout.display == "none"
    assert board_view.body.layout.display == "none"
    assert "No contacts to review yet" in _text(triage.progress.value)
    # a contact added in this kernel shows up without re-running the cell
    empty.add_contact(Contact("Ada Brooks", relationship="supplier"))
    workspace_model(empty).changed()
    assert _card_name(triage) == "Ada Brooks"
    assert board_view.body.layout.display == ""


# ------------------------------------------------------------------ 30,000 contacts


def test_thirty_thousand_contacts_show_one_page_and_count_each_decision(empty):
    """Never more than one page of widgets (timings: benchmarks/bench_widgets.py)."""
    kinds = ["supplier", "my manager", "old classmate", "board member", "", "mentor", ""]
    with empty._write() as conn:  # fast set-up only; the views use the public API
        empty._insert(
            conn,
            [
                Contact(
                    f"Person {i:05d}",
                    organisation=f"Org {'ABCDEFG'[i % 7]}",
                    relationship=kinds[i % 7],
                )
                for i in range(30_000)
            ],
        )
    triage, board_view = TriageView(empty), OverviewView(empty)
    assert _reviewed(triage) == (0, 30_000)
    # never more than one page of row widgets
    assert all(len(g.rows) == 10 for g in board_view.groups.values())
    for kind in ("personal", "strategic", "operational"):
        name = _card_name(triage)
        triage.choose[kind].click()
        assert _card_name(triage) != name
    assert _reviewed(triage) == (3, 30_000)
    board_view.find.value = "Person 0000"
