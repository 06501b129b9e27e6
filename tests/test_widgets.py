"""The workbook's views, driven as a person would: type, choose, click, read.

No browser and no kernel: setting a widget's ``value`` and calling
``button.click()`` runs the same callbacks the notebook runs, against a real
workspace in a temporary LEADNET_HOME. Assertions read what the person would
see (the messages, the tables, the counts) and what is saved.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from leadnet_helpers import paths, workbook
from leadnet_helpers.app.contacts import edit_changes, page_of, search_contacts
from leadnet_helpers.app.importing import ProgressSteps, uploaded_files
from leadnet_helpers.app.prompt_forms import SOMEONE_ELSE
from leadnet_helpers.app.workspace import workspace_model
from leadnet_helpers.errors import LeadNetError
from leadnet_helpers.model import CAREER_STAGES, NETWORK_TYPES, Contact, Profile
from leadnet_helpers.prompts import Prompt, load_prompts, prompt_row
from leadnet_helpers.store import Workspace
from leadnet_helpers.widgets.contacts import ContactsView
from leadnet_helpers.widgets.feedback import error_text, feedback_widget, guarded
from leadnet_helpers.widgets.importing import ImportView
from leadnet_helpers.widgets.introductions import IntroductionsView
from leadnet_helpers.widgets.prompt_forms import prompts_view
from leadnet_helpers.widgets.start import StartView
from leadnet_helpers.widgets.tables import html_table
from leadnet_helpers.widgets.ties import TiesView

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "vendor"  # copies of the shared fixtures
HOSTILE_NAME = "<script>alert(1)</script>"


pytestmark = pytest.mark.usefixtures("home")  # a private LEADNET_HOME, a fresh session


@pytest.fixture
def ws():
    return workbook.start_workspace(Profile(name="Ana Lima", organisation="Contoso"))


def _text(html_value: str) -> str:
    """The visible text of an HTML value (tags dropped, entities kept)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html_value)).strip()


def _upload(view: ImportView, *files: Path | tuple[str, bytes]) -> None:
    items = []
    for item in files:
        name, data = (item.name, item.read_bytes()) if isinstance(item, Path) else item
        items.append(
            {
                "name": name,
                "type": "text/csv",
                "size": len(data),
                "last_modified": datetime.now(UTC),
                "content": memoryview(data),
            }
        )
    view.upload.value = tuple(items)


def _importers_ready() -> bool:
    try:
        from leadnet_helpers.importers import parse_bytes  # noqa: F401
    except ImportError:
        return False
    return True


needs_importers = pytest.mark.skipif(
    not _importers_ready(), reason="leadnet_helpers.importers has not landed yet"
)


# ------------------------------------------------------------------ messages and tables


def test_a_leadnet_error_in_a_callback_is_shown_with_file_line_and_fix():
    box = feedback_widget()

    @guarded(box)
    def on_click(_button):
        raise LeadNetError(
            "the file is empty", file="contacts.csv", line=1, fix="Export your contacts again."
        )

    on_click(None)
    assert (
        _text(box.value) == "contacts.csv, line 1: the file is empty. Export your contacts again."
    )
    assert 'role="alert"' in box.value


def test_an_unexpected_error_is_shown_with_its_kind_and_no_traceback():
    box = feedback_widget()
    guarded(box)(lambda: {}["name"])()
    assert "Something went wrong: KeyError" in box.value
    assert "Traceback" not in box.value
    assert error_text(ValueError()).startswith("Something went wrong: ValueError: no details")


def test_tables_escape_hostile_text():
    table = html_table([("name", "Name")], [{"name": HOSTILE_NAME}], caption="<b>x</b>")
    assert "<script>" not in table
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in table
    assert "<caption>&lt;b&gt;x&lt;/b&gt;</caption>" in table


# ------------------------------------------------------------------ start view (notebook 00)


def test_creating_a_workspace_through_the_form(home):
    view = StartView()
    assert view.choice.value == "Create my own workspace"
    assert list(view.fields["career_stage"].options)[1:] == [(s, s) for s in CAREER_STAGES]
    view.fields["name"].value = "Ana Lima"
    view.fields["organisation"].value = "Contoso"
    view.fields["career_stage"].value = "business leader"
    view.create.click()
    shown = _text(view.feedback.value)
    assert "Your workspace is ready: Ana Lima (0 contacts)" in shown
    assert "Nothing leaves this machine" in shown
    path = home / "ana-lima.leadnet.sqlite"
    assert str(path) in shown
    assert path.exists()
    assert paths.current_workspace_path() == path.resolve()
    assert workbook.current_workspace().profile().career_stage == "business leader"


def test_every_input_of_the_start_view_has_a_label():
    view = StartView()
    for widget in (view.choice, view.persona, *view.fields.values()):
        assert widget.description.strip()


def test_creating_without_a_name_explains_and_creates_nothing(home):
    view = StartView()
    view.create.click()
    assert "Your workspace needs your name" in _text(view.feedback.value)
    assert "Type your name" in view.feedback.value
    assert not list(home.glob("*.leadnet.sqlite"))
    assert paths.current_workspace_path() is None


def test_a_hostile_name_is_shown_as_text(home):
    view = StartView()
    view.fields["name"].value = HOSTILE_NAME
    view.create.click()
    assert "<script>" not in view.feedback.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in view.feedback.value


def test_creating_again_with_the_same_name_keeps_the_contacts(ws):
    ws.add_contact(Contact("Ada Brooks"))
    workbook.reset_session()
    view = StartView()
    assert "Open my existing workspace" in view.choice.options
    view.fields["name"].value = "Ana Lima"
    view.fields["role"].value = "Head of Operations"
    view.create.click()
    assert "already existed" in view.feedback.value
    assert "(1 contact)" in _text(view.feedback.value)
    assert workbook.current_workspace().profile().role == "Head of Operations"


def test_opening_the_existing_workspace(ws):
    ws.add_contact(Contact("Ada Brooks"))
    workbook.reset_session()
    view = StartView()
    view.choice.value = "Open my existing workspace"
    assert view.panel.children == (view.panels["Open my existing workspace"],)
    view.open_existing.click()
    assert "Welcome back" in view.feedback.value
    assert [c.name for c in workbook.current_workspace().contacts()] == ["Ada Brooks"]


@needs_importers
def test_exploring_a_sample_persona(home):
    view = StartView()
    view.choice.value = "Explore a sample persona"
    assert len(view.persona.options) >= 2
    view.persona.value = view.persona.options[1][1]
    view.open_sample.click()
    shown = _text(view.feedback.value)
    assert "copy of a sample persona" in shown, shown
    ws = workbook.current_workspace()
    assert ws.count_contacts() > 10
    assert ws.path.parent == (home / "samples").resolve() or ws.path.parent == home / "samples"


# ------------------------------------------------------------------ which workspace (notebook 01)


@needs_importers
def test_notebook_01_alone_opens_a_sample_and_says_so():
    ws = workbook.current_workspace()
    banner = _text(workbook.workspace_banner(ws).value)
    assert "No workspace was chosen yet" in banner
    assert "run notebook 00_start_here" in banner
    assert ws.count_contacts() > 10
    assert paths.current_workspace_path() is None  # the person's own choice is left alone


def test_notebook_01_after_00_opens_the_chosen_workspace(ws):
    path = ws.path
    workbook.reset_session()  # a new kernel
    again = workbook.current_workspace()
    assert again.path == path
    assert "You are working in Ana Lima's workspace" in _text(workbook.workspace_banner().value)


# ------------------------------------------------------------------ prompts


def test_the_shipped_prompts_cover_the_three_networks():
    prompts = load_prompts()
    assert {p.network_type for p in prompts} == set(NETWORK_TYPES)
    assert len({p.id for p in prompts}) == len(prompts)
    assert all(p.prompt.endswith("?") for p in prompts)


def test_a_missing_prompts_file_is_a_clear_message(tmp_path):
    with pytest.raises(LeadNetError, match=r"prompts.json: the prompts file is missing"):
        load_prompts(tmp_path / "prompts.json")


def test_prompt_row_keeps_defaults_unless_the_person_typed_something():
    prompt = Prompt(
        "q", "operational", "Who?", defaults={"inside_org": "yes", "orientation": "current"}
    )
    row = prompt_row(prompt, {"name": "Ada", "inside_org": "no", "context": "project Atlas"})
    assert row == {
        "inside_org": "no",
        "orientation": "current",
        "name": "Ada",
        "context": "project Atlas",
    }
    with pytest.raises(LeadNetError, match="needs a name"):
        prompt_row(prompt, {"name": "  "})


def test_adding_a_contact_through_a_prompt_form(ws):
    prompts = [p for p in load_prompts() if p.id == "op-deliver"]
    view = prompts_view(ws, prompts=prompts)
    form = view.forms[0]
    assert form.fields["inside_org"].value == "yes"  # the prompt's default, shown
    assert "deliver this quarter" in form.heading.value
    form.fields["name"].value = "Ada Brooks"
    form.fields["role"].value = "Finance partner"
    form.fields["context"].value = "quarterly planning"
    form.fields["introducer"].value = "me"
    form.add.click()
    assert _text(form.feedback.value) == "Added Ada Brooks."
    assert form.fields["name"].value == ""  # ready for the next name
    assert "Named here so far: Ada Brooks" in form.named_html.value
    (ada,) = ws.contacts()
    assert (ada.role, ada.inside_org, ada.context, ada.introduced_by, ada.orientation) == (
        "Finance partner",
        True,
        "quarterly planning",
        "me",
        "current",
    )
    assert ada.source == "prompt:op-deliver"


def test_the_introducer_can_be_a_contact_or_someone_new(ws):
    ws.add_contact(Contact("Bo Chen"))
    view = prompts_view(ws, "personal")
    assert view.forms and all(f.prompt.network_type == "personal" for f in view.forms)
    form = view.forms[0]
    assert ("Bo Chen", "Bo Chen") in form.fields["introducer"].options
    form.fields["name"].value = "Ada Brooks"
    form.fields["introducer"].value = "Bo Chen"
    form.add.click()
    # the new contact is offered as an introducer in every form at once
    assert ("Ada Brooks", "Ada Brooks") in view.forms[-1].fields["introducer"].options
    form.fields["name"].value = "Cy Diaz"
    form.fields["introducer"].value = SOMEONE_ELSE
    assert form.fields["introducer_name"].layout.display == ""
    form.add.click()
    assert "without a name" in form.feedback.value
    form.fields["introducer_name"].value = "Dee Evans"
    form.add.click()
    assert {c.name: c.introduced_by for c in ws.contacts()} == {
        "Bo Chen": "",
        "Ada Brooks": "Bo Chen",
        "Cy Diaz": "Dee Evans",
    }


def test_a_prompt_form_without_a_name_adds_nothing(ws):
    view = prompts_view(ws, "strategic")
    view.forms[0].add.click()
    assert "A contact needs a name" in _text(view.forms[0].feedback.value)
    assert ws.count_contacts() == 0


def test_a_second_contact_with_the_same_name_is_added_with_a_note(ws):
    ws.add_contact(Contact("Ada Brooks"))
    form = prompts_view(ws, "operational").forms[0]
    form.fields["name"].value = "ada  brooks"
    form.add.click()
    assert "already had 1 contact(s) with this name" in form.feedback.value
    assert ws.count_contacts() == 2


# ------------------------------------------------------------------ contacts table


def _many(ws, n: int) -> None:
    with ws._write() as conn:  # fast set-up only; the views use the public API
        ws._insert(
            conn,
            [Contact(f"Person {i:05d}", organisation=f"Org {'ABCDEFG'[i % 7]}") for i in range(n)],
        )


def test_contacts_are_paged_25_at_a_time(ws):
    _many(ws, 60)
    view = ContactsView(ws)
    assert "Page 1 of 3 (60 contacts)" in _text(view.page_label.value)
    assert view.table.value.count("<tr>") == 26  # header + 25
    assert len(view.select.options) == 25
    assert view.previous.disabled and not view.next.disabled
    view.next.click()
    view.next.click()
    assert "Page 3 of 3" in _text(view.page_label.value)
    assert view.table.value.count("<tr>") == 11
    assert view.next.disabled


def test_searching_narrows_the_table(ws):
    _many(ws, 60)
    view = ContactsView(ws)
    view.search.value = "org c"
    assert "Page 1 of 1 (60 contacts, 9 match" in _text(view.page_label.value)
    assert "Person 00002" in view.table.value and "Person 00003" not in view.table.value
    view.search.value = "nobody-like-this"
    assert "No contact matches." in view.table.value


def test_editing_a_contact_then_undoing_it(ws):
    ws.add_contact(Contact("Ada Brooks", role="Nurse"))
    view = ContactsView(ws)
    assert view.save.disabled  # nothing selected yet
    view.select.value = view.select.options[0][1]
    assert view.fields["role"].value == "Nurse"
    view.fields["role"].value = "Matron"
    view.fields["strength"].value = "4"
    view.save.click()
    assert _text(view.feedback.value) == "Saved Ada Brooks."
    assert "Matron" in view.table.value
    assert (ws.contacts()[0].role, ws.contacts()[0].strength) == ("Matron", 4)
    assert view.undo.description == "Undo: edited Ada Brooks"
    view.undo.click()
    assert _text(view.feedback.value) == "Undid: edited Ada Brooks"
    assert ws.contacts()[0].role == "Nurse"
    assert view.fields["role"].value == "Nurse"  # the form shows the contact as it is now


def test_an_invalid_edit_is_explained_and_not_saved(ws):
    ws.add_contact(Contact("Ada Brooks"))
    view = ContactsView(ws)
    view.select.value = view.select.options[0][1]
    view.fields["last_contact"].value = "next tuesday"
    view.save.click()
    assert "last_contact &#x27;next tuesday&#x27; is not a date like 2026-03-14" in (
        view.feedback.value.lower()
    )
    assert "correct the value and save again" in view.feedback.value.lower()
    assert ws.contacts()[0].last_contact == ""


def test_deleting_and_undoing(ws):
    ws.add_contact(Contact("Ada Brooks"))
    ws.add_contact(Contact("Bo Chen"))
    view = ContactsView(ws)
    view.select.value = next(v for label, v in view.select.options if label == "Bo Chen")
    view.delete.click()
    assert "Deleted Bo Chen" in view.feedback.value
    assert "Bo Chen" not in view.table.value
    assert view.undo.tooltip == "Undo: deleted Bo Chen"
    view.undo.click()
    assert "Bo Chen" in view.table.value
    assert ws.count_contacts() == 2


def test_hostile_names_stay_text_in_the_table_and_the_list(ws):
    ws.add_contact(Contact(HOSTILE_NAME, organisation="<img src=x onerror=alert(2)>"))
    view = ContactsView(ws)
    assert "<script>" not in view.table.value and "<img" not in view.table.value
    # list options are plain text, not HTML: the name is shown as typed
    assert view.select.options[0][0].startswith(HOSTILE_NAME)


def test_the_table_follows_what_other_views_add(ws):
    table = ContactsView(ws)
    form = prompts_view(ws, "operational").forms[0]
    form.fields["name"].value = "Ada Brooks"
    form.add.click()
    assert "Ada Brooks" in table.table.value
    assert "(1 contact)" in _text(table.page_label.value)


def test_the_views_hold_one_page_of_30000_contacts(ws):
    """The widgets built do not grow with the contacts (timings: benchmarks/bench_widgets.py)."""
    _many(ws, 30_000)
    view = ContactsView(ws)
    ties = TiesView(ws)
    assert "Page 1 of 1,200 (30,000 contacts)" in _text(view.page_label.value)
    assert len(view.select.options) == 25
    # no check box before a contact is chosen, then at most 60, whatever the size of the map
    assert ties.boxes == [] and len(ties.person.options) <= 60
    ties.person.value = ties.person.options[0][1]
    assert len(ties.boxes) == 60
    assert sum(b.layout.display != "none" for b in ties.boxes) == 60
    view.search.value = "Person 2999"
    view.next.click()


def test_edit_changes_and_paging_helpers():
    ada = Contact("Ada", organisation="Riverside", inside_org=True)
    assert edit_changes(ada, {"name": "Ada", "organisation": "Riverside ", "inside_org": "no"}) == {
        "inside_org": "no"
    }
    assert page_of(list(range(3)), 0) == ([0, 1, 2], 1)
    assert [c.name for c in search_contacts([ada, Contact("Bo", tags=("board",))], "BOARD")] == [
        "Bo"
    ]


# ------------------------------------------------------------------ who knows whom


def test_recording_who_knows_whom(ws):
    ids = {name: ws.add_contact(Contact(name)) for name in ("Ada", "Bo", "Cy", "Dee")}
    view = TiesView(ws)
    assert "0 links between your 4 contacts" in view.summary.value
    assert view.save.disabled
    view.person.value = ids["Ada"]
    visible = [b.description for b in view.boxes if b.layout.display != "none"]
    assert visible == ["Bo", "Cy", "Dee"]
    for box in view.boxes:
        if box.description in ("Bo", "Dee"):
            box.value = True
    view.save.click()
    assert "Saved: Ada knows 2 people in your map." in view.feedback.value
    assert "2 links between your 4 contacts" in view.summary.value
    assert sorted(ws.known_by(ids["Ada"])) == [ids["Bo"], ids["Dee"]]
    # Bo's list comes pre-ticked with Ada, first
    view.person.value = ids["Bo"]
    first = view.boxes[0]
    assert (first.description, first.value) == ("Ada", True)
    assert [b.value for b in view.boxes[1:3]] == [False, False]


def test_ticks_survive_filtering_until_saved(ws):
    ids = {name: ws.add_contact(Contact(name)) for name in ("Ada", "Bo", "Cy")}
    view = TiesView(ws)
    view.person.value = ids["Ada"]
    next(b for b in view.boxes if b.description == "Bo").value = True
    view.filter.value = "cy"
    assert [b.description for b in view.boxes if b.layout.display != "none"] == ["Cy"]
    view.boxes[0].value = True
    view.filter.value = ""
    view.save.click()
    assert sorted(ws.known_by(ids["Ada"])) == [ids["Bo"], ids["Cy"]]


def test_saving_ties_without_choosing_a_contact_explains(ws):
    view = TiesView(ws)
    view.save.disabled = False
    view.save.click()
    assert "No contact is chosen" in view.feedback.value


# ------------------------------------------------------------------ how we met


def test_introductions_are_counted_and_refreshed(ws):
    view = IntroductionsView(ws)
    assert "No contacts yet" in view.value
    ws.add_contact(Contact("Ada", introduced_by="me"))
    ws.add_contact(Contact("Bo", introduced_by=HOSTILE_NAME))
    workspace_model(ws).changed()
    assert "you introduced yourself to 1 (50%)" in _text(view.value)
    assert "<script>" not in view.value


# ------------------------------------------------------------------ import (needs the importers)


def test_uploaded_files_and_progress_helpers():
    value = ({"name": "a.csv", "content": memoryview(b"x")}, {"name": "b.vcf", "content": b"y"})
    assert uploaded_files(value) == [("a.csv", b"x"), ("b.vcf", b"y")]
    steps = ProgressSteps()
    moves = [steps.update("reading", i, 30_000) for i in range(30_001)]
    moves += [steps.update("saving", i, 30_000) for i in range(0, 30_001, 10)]
    assert len([m for m in moves if m]) <= 102
    assert steps.last == (100, "saving")


def test_importing_without_choosing_files_explains(ws):
    view = ImportView(ws)
    assert view.upload.accept == ".csv,.vcf,.xlsx,.txt" and view.upload.multiple
    view.import_button.click()
    assert "No files are chosen yet" in view.feedback.value


@needs_importers
def test_importing_a_linkedin_export_shows_the_report(ws):
    contacts = ContactsView(ws)
    view = ImportView(ws)
    _upload(view, FIXTURES / "linkedin_connections.csv")
    assert "linkedin_connections.csv" in view.chosen.value
    view.import_button.click()
    report = _text(view.report.value)
    assert re.search(r"linkedin_connections\.csv \(.+\): \d+ records: \d+ imported", report), report
    assert view.progress.value == 100
    assert ws.count_contacts() > 0
    assert f"({ws.count_contacts():,} contacts)" in _text(contacts.page_label.value)
    assert view.upload.value == ()


@needs_importers
def test_a_hostile_export_is_imported_as_text(ws):
    view = ImportView(ws)
    _upload(view, FIXTURES / "hostile_html_injection.csv")
    view.import_button.click()
    assert "<script>" not in view.report.value
    table = ContactsView(ws).table.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in table and "<script>" not in table


@needs_importers
def test_an_unreadable_file_leaves_the_workspace_unchanged(ws):
    ws.add_contact(Contact("Ada Brooks"))
    view = ImportView(ws)
    _upload(view, FIXTURES / "hostile_empty.csv", FIXTURES / "linkedin_connections.csv")
    view.import_button.click()
    report = _text(view.report.value)
    assert "hostile_empty.csv" in report
    assert "Nothing from this file was imported; your workspace is unchanged." in report
    assert "Imported 1 of 2 file(s)" in view.feedback.value
    assert "linkedin_connections.csv (" in report


def test_a_notebook_kernel_follows_a_workspace_chosen_later_in_notebook_00(home, tmp_path):
    """Notebook 01's kernel opened Ana's workspace; notebook 00 then creates Maria's: Run All
    in 01 must now work on Maria's, not keep adding to Ana's."""
    ana = Workspace.create(tmp_path / "ana.leadnet.sqlite", Profile(name="Ana Lima"))
    ana.close()
    paths.remember_current_workspace(tmp_path / "ana.leadnet.sqlite")
    assert workbook.current_workspace().profile().name == "Ana Lima"  # notebook 01's kernel
    maria = Workspace.create(tmp_path / "maria.leadnet.sqlite", Profile(name="Maria Plant"))
    maria.close()
    paths.remember_current_workspace(tmp_path / "maria.leadnet.sqlite")  # notebook 00, later
    assert workbook.current_workspace().profile().name == "Maria Plant"
    assert workbook.current_workspace() is workbook.current_workspace()  # then kept


def test_a_search_repeated_after_a_change_finds_the_changed_contacts(ws):
    """The search keeps each contact's searched text per list of contacts, never stale."""
    ws.add_contact(Contact("Ada Brooks", organisation="Riverside"))
    view = ContactsView(ws)
    view.search.value = "riverside"
    assert "1 match" in _text(view.page_label.value)
    form = prompts_view(ws, prompts=[Prompt("q1", "personal", "Who?")]).forms[0]
    form.fields["name"].value = "Bo Chen"
    form.fields["organisation"].value = "Riverside Trust"
    form.add.click()
    view.search.value = ""
    view.search.value = "riverside"
    assert "2 match" in _text(view.page_label.value)
    assert "Bo Chen" in view.table.value
