"""Notebooks 04 and 05 without a browser: the plain functions, then the views' events.

The views run against a real temporary workspace, a fresh copy of the sample
persona Ana Lúcia Ferreira, and the tests read what the person would see: the
preview (the exported HTML page inside the frame), the messages, the download
links, the losing-touch list and the comparison.
"""

from __future__ import annotations

import base64
import html
import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest

from leadnet_helpers import progress
from leadnet_helpers.app.plan_editor import (
    add_own_action,
    apply_edit,
    parse_cadence,
    parse_due,
    parse_who,
    remove_action,
)
from leadnet_helpers.app.review import contact_options, parse_day, snapshot_options
from leadnet_helpers.errors import LeadNetError
from leadnet_helpers.export import PLAN_FILES
from leadnet_helpers.personas import open_sample
from leadnet_helpers.plan import Action, Plan, plan_from_dict
from leadnet_helpers.widgets import plan_editor_view, review_view
from leadnet_helpers.widgets.plan_editor import download_link, preview_html
from leadnet_helpers.widgets.review import progress_html

TODAY = date(2026, 11, 21)
HOSTILE = "<b>Call</b> =Ada"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def _read(page: str) -> _Text:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return parser


def seen(view) -> str:
    """The text of the preview page, as the person reads it in the frame."""
    match = re.search(r'srcdoc="([^"]*)"', view.preview.value)
    assert match, view.preview.value[:200]
    return " ".join(" ".join(_read(html.unescape(match.group(1))).parts).split())


def seen_in(widget_html: str) -> str:
    return " ".join(" ".join(_read(widget_html).parts).split())


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.setenv("LEADNET_HOME", str(tmp_path / "home"))
    workspace = open_sample("ana-lucia-ferreira")
    yield workspace
    workspace.close()


@pytest.fixture
def editor(ws, tmp_path):
    return plan_editor_view(ws, today=TODAY, folder=tmp_path / "exports")


def _plan() -> Plan:
    return Plan(
        "Ana",
        TODAY,
        [],
        [Action("a", "Call Bo", due=TODAY), Action("b", "Write to Cy", due=TODAY)],
        [Action("c", "Later", due=TODAY)],
    )


# --------------------------------------------------------------------------- plain functions


def test_parse_due_and_cadence_accept_what_the_widgets_give_and_refuse_the_rest():
    assert parse_due("2026-12-01") == date(2026, 12, 1)
    for bad in (None, "", "tomorrow", "2026-13-01"):
        with pytest.raises(LeadNetError):
            parse_due(bad)
    assert [parse_cadence(c) for c in ("", "once", "weekly", "every three months")] == [
        "",
        "",
        "weekly",
        "quarterly",
    ]
    with pytest.raises(LeadNetError, match="not a cadence"):
        parse_cadence("fortnightly")


def test_parse_who_keeps_known_contacts_and_adds_new_names():
    current = [{"contact_id": 7, "name": "Robert Hale", "detail": "strategic"}]
    people = parse_who("robert hale; Zoë  Ångström;; Zoë Ångström", current)
    assert people == [current[0], {"contact_id": None, "name": "Zoë Ångström", "detail": ""}]
    assert parse_who("") == []


def test_apply_edit_checks_everything_before_changing_anything():
    plan = _plan()
    with pytest.raises(LeadNetError, match="not a date"):
        apply_edit(plan, "a", title="New", due="soon")
    assert plan.get("a").title == "Call Bo", "a bad date leaves the action as it was"
    with pytest.raises(LeadNetError, match="needs a title"):
        apply_edit(plan, "a", title="   ")
    with pytest.raises(LeadNetError, match="no action"):
        apply_edit(plan, "zz", title="x")
    action = apply_edit(
        plan,
        "a",
        title="  Call   Bo  today ",
        who="Bo; Cy",
        due=date(2026, 12, 3),
        cadence="monthly",
        done=True,
    )
    assert (action.title, action.due, action.cadence, action.status) == (
        "Call Bo today",
        date(2026, 12, 3),
        "monthly",
        "done",
    )
    assert [p["name"] for p in action.who] == ["Bo", "Cy"]
    assert apply_edit(plan, "a", done=False).status == "todo"


def test_remove_and_add_own_action():
    plan = _plan()
    assert remove_action(plan, "c").title == "Later" and plan.backlog == []
    own = add_own_action(plan, "Lunch with the CFO", "2026-12-10", who="Ines", cadence="")
    assert own.custom and plan.actions[-1] is own
    with pytest.raises(LeadNetError, match="already in your plan"):
        add_own_action(plan, "Lunch with the CFO", "2026-12-10")
    with pytest.raises(LeadNetError, match="needs a title"):
        add_own_action(plan, " ", "2026-12-10")
    with pytest.raises(LeadNetError, match="needs a due date"):
        add_own_action(plan, "Coffee", None)


def test_preview_is_the_exported_page_in_a_sandboxed_frame_and_escapes_text():
    plan = _plan()
    apply_edit(plan, "a", title=HOSTILE)
    frame = preview_html(plan)
    assert frame.startswith('<iframe class="leadnet-plan-preview-frame" sandbox=""')
    assert "<b>Call" not in frame
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', frame).group(1))
    assert "&lt;b&gt;Call&lt;/b&gt; =Ada" in page, "escaped once more inside the page"
    assert HOSTILE in " ".join(_read(page).parts)


def test_download_link_carries_the_file_and_shows_where_it_was_saved(tmp_path):
    path = tmp_path / "a <b> folder" / "plan.csv"
    path.parent.mkdir()
    path.write_bytes(b"title\n'=1+1\n")
    link = download_link(path)
    parsed = _read(link)
    assert "a" in parsed.tags and "<b>" not in link
    href = re.search(r'href="data:text/csv;base64,([^"]+)"', link).group(1)
    assert base64.b64decode(href) == b"title\n'=1+1\n"
    assert 'download="plan.csv"' in link
    assert str(path) in seen_in(link)
    big = download_link(path, max_bytes=3)
    assert "href" not in big and "too large" in big and str(path) in seen_in(big)


def test_contact_and_snapshot_options_and_dates():
    assert snapshot_options([]) == []
    assert parse_day("2026-11-21", TODAY) == TODAY
    with pytest.raises(LeadNetError, match="in the future"):
        parse_day(TODAY + timedelta(days=1), TODAY)
    with pytest.raises(LeadNetError, match="Say when"):
        parse_day(None, TODAY)
    assert contact_options([], "x") == []


# --------------------------------------------------------------------------- the plan editor


def test_editor_shows_a_few_actions_and_saves_the_fresh_plan(editor, ws):
    assert 0 < len(editor.plan.actions) <= 5
    assert len(editor.cards_box.children) == len(editor.plan.actions)
    saved = plan_from_dict(ws.latest_plan())
    assert [a.id for a in saved.actions] == [a.id for a in editor.plan.actions]
    text = seen(editor)
    for action in editor.plan.actions:
        assert " ".join(action.title.split()) in text
    assert "this month" in seen_in(editor.summary.value)


def test_editing_a_card_changes_the_preview_and_is_saved(editor, ws):
    card = editor.cards_box.children[0]
    aid = card.action_id
    card.title.value = HOSTILE
    card.who.value = "Ada Brooks; <i>Bo</i>"
    card.due.value = date(2027, 1, 15)
    card.cadence.value = "monthly"
    text = seen(editor)
    assert HOSTILE in text and "Ada Brooks" in text and "<i>Bo</i>" in text
    assert "15 January 2027" in text and "every month" in text
    assert "<b>Call" not in editor.preview.value
    assert f"Saved: {HOSTILE}." in seen_in(editor.feedback.value)
    saved = plan_from_dict(ws.latest_plan()).get(aid)
    assert (saved.title, saved.due, saved.cadence) == (HOSTILE, date(2027, 1, 15), "monthly")
    assert [p["name"] for p in saved.who] == ["Ada Brooks", "<i>Bo</i>"]
    # reopened later, the edits are there
    again = plan_editor_view(ws, today=TODAY)
    assert again.cards_box.children[0].title.value == HOSTILE


def test_a_bad_date_is_shown_not_raised_and_nothing_changes(editor, ws):
    card = editor.cards_box.children[0]
    before = editor.plan.get(card.action_id).due
    card.due.value = None
    assert "needs a due date" in seen_in(editor.feedback.value)
    assert 'role="alert"' in editor.feedback.value
    assert editor.plan.get(card.action_id).due == before


def test_done_remove_promote_and_add_own(editor, ws):
    first, second = editor.cards_box.children[:2]
    first.done.value = True
    assert plan_from_dict(ws.latest_plan()).get(first.action_id).status == "done"
    assert "(1 done)" in seen_in(editor.summary.value)
    removed_title = editor.plan.get(second.action_id).title
    count = len(editor.plan.actions)
    second.remove.click()
    assert len(editor.plan.actions) == count - 1 == len(editor.cards_box.children)
    assert " ".join(removed_title.split()) not in seen(editor).split("Backlog")[0]
    assert second.action_id not in {a["id"] for a in ws.latest_plan()["actions"]}
    # a backlog suggestion moves into the month
    promoted = editor.backlog.value
    editor.promote.click()
    assert editor.plan.actions[-1].id == promoted
    # the person's own action
    editor.own["title"].value = "Coffee with <Grace> & co"
    editor.own["who"].value = "Grace Hopper"
    editor.own["due"].value = date(2026, 12, 9)
    editor.own["cadence"].value = "weekly"
    editor.add_own.click()
    assert "Added your action" in seen_in(editor.own_feedback.value)
    assert editor.own["title"].value == ""
    text = seen(editor)
    assert "Coffee with <Grace> & co (your own)" in text and "Grace Hopper" in text
    saved = plan_from_dict(ws.latest_plan())
    assert saved.actions[-1].custom and saved.actions[-1].cadence == "weekly"
    # adding it twice is refused, politely
    editor.own["title"].value = "Coffee with <Grace> & co"
    editor.add_own.click()
    assert "already in your plan" in seen_in(editor.own_feedback.value)


@pytest.mark.parametrize("fmt", ["html", "md", "ics", "csv"])
def test_export_buttons_write_files_and_show_download_links(editor, fmt):
    editor.cards_box.children[0].title.value = HOSTILE
    editor.export_buttons[fmt].click()
    path = editor.written[fmt]
    assert path == editor.folder / PLAN_FILES[fmt] and path.exists()
    link = editor.links[fmt].value
    assert f'download="{PLAN_FILES[fmt]}"' in link and str(path) in seen_in(link)
    data = re.search(r'href="data:[^;]+;base64,([^"]+)"', link).group(1)
    assert base64.b64decode(data) == path.read_bytes()
    assert f"Saved {path.name}" in seen_in(editor.export_feedback.value)
    body = path.read_bytes().decode("utf-8-sig")
    if fmt == "html":
        assert "&lt;b&gt;Call&lt;/b&gt; =Ada" in body and "<b>Call" not in body
        assert 'id="leadnet-chart-1"' in body, "the key charts are embedded"
    elif fmt == "csv":
        assert "<b>Call</b> =Ada" in body
    else:
        assert "Call" in body


def test_pdf_export_writes_a_pdf(editor):
    pytest.importorskip("weasyprint")
    editor.export_buttons["pdf"].click()
    assert editor.written["pdf"].read_bytes()[:5] == b"%PDF-"
    assert 'download="plan.pdf"' in editor.links["pdf"].value


# --------------------------------------------------------------------------- the review


def test_logging_a_meeting_takes_the_contact_off_the_losing_touch_list(ws):
    view = review_view(ws, today=TODAY)
    losing = view.warm.details["losing_touch"]
    assert losing, "the sample persona has contacts losing touch"
    name = losing[0]["name"]
    assert name in seen_in(view.losing.value)
    view.find.value = name.split()[-1][:4]
    assert any(cid == losing[0]["id"] for _, cid in view.contact.options)
    view.contact.value = losing[0]["id"]
    view.kind.value = "gave"
    assert view.when.value == TODAY
    view.note.value = "sent the <report>"
    view.log_button.click()
    message = seen_in(view.log_feedback.value)
    assert f"you gave something to {name} on 2026-11-21" in message
    assert "no longer on your losing-touch list" in message
    assert name not in seen_in(view.losing.value)
    logged = ws.interactions()[-1]
    assert (logged.contact_id, logged.kind, logged.date, logged.note) == (
        losing[0]["id"],
        "gave",
        "2026-11-21",
        "sent the <report>",
    )
    assert view.note.value == ""


def test_logging_needs_a_contact_and_a_past_date(ws):
    view = review_view(ws, today=TODAY)
    view.find.value = "nobody-is-called-this"
    assert view.contact.value is None and "No contact matches" in view.log_feedback.value
    view.log_button.click()
    assert "choose a contact first" in seen_in(view.log_feedback.value).lower()
    view.find.value = ""
    view.when.value = TODAY + timedelta(days=3)
    view.log_button.click()
    assert "is in the future" in seen_in(view.log_feedback.value)


def test_snapshot_then_compare_shows_what_changed(ws, editor):
    view = review_view(ws, today=TODAY)
    assert view.since.disabled and "No snapshot yet" in view.compare_feedback.value
    view.label.value = "before <the> offsite"
    view.snap_button.click()
    assert "before <the> offsite" in seen_in(view.snap_feedback.value)
    assert not view.since.disabled and "before <the> offsite" in view.since.options[0][0]
    # weeks later: a contact added, one dropped, an interaction, an action done
    losing = view.warm.details["losing_touch"][0]
    view.log(losing["id"], "met", TODAY)
    ws.add_contact({"name": "Nadia <New>", "network_type": "strategic"})
    dropped = next(c for c in ws.contacts() if c.id != losing["id"])
    ws.delete_contacts([dropped.id])
    first = editor.plan.actions[0]
    view_after = review_view(ws, today=TODAY)
    view_after.checks.children[0].value = True
    assert plan_from_dict(ws.latest_plan()).get(first.id).status == "done"
    view_after.compare_button.click()
    result = view_after.result.value
    text = seen_in(result)
    assert "Nadia <New>" in text and "<New>" not in result
    assert dropped.name in text
    assert "Since before <the> offsite: 1 contacts added, 1 dropped" in text
    assert "Network mix, then and now" in text and "strategic" in text
    assert "Main diagnostics, then and now" in text and "Keeping ties warm" in text
    assert f"back in touch {losing['name']}" in text
    assert "Actions done: 1 of" in text and first.title.split()[0] in text
    assert view_after.progress.added == ["Nadia <New>"]


def test_progress_html_escapes_names():
    p = progress.Progress(
        "<x>",
        "2026-06-01",
        "2026-11-21",
        added=["<script>1</script>"],
        losing_touch_then=["<b>Bo</b>"],
        actions_done=["<i>a</i>"],
    )
    page = progress_html(p)
    assert "<script>" not in page and "<b>Bo" not in page and "<i>a" not in page
    assert "<script>1</script>" in seen_in(page)


def test_actions_panel_without_a_plan_says_where_to_build_one(ws):
    view = review_view(ws, today=TODAY)
    assert "build yours in notebook 04" in seen_in(view.checks.children[0].value)
    with pytest.raises(LeadNetError, match="No plan"):
        view.mark_done("x")
