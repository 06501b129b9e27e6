"""Two people on one workspace: nothing lost, nothing undone for the other, no raw "locked".

Each race runs real processes (``subprocess``), each opening its own
``Workspace`` on the same file, as two notebooks or a notebook and the CLI do.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import leadnet_helpers
from leadnet_helpers import cli
from leadnet_helpers.errors import (
    EditConflict,
    ImportProblem,
    LeadNetError,
    WorkspaceBusy,
    WorkspaceError,
)
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.store import SCHEMA_VERSION, Workspace, connection

#: The children import this checkout's leadnet_helpers, not whichever is installed.
_ENV = {**os.environ, "PYTHONPATH": str(Path(leadnet_helpers.__file__).parents[1])}


def _spawn(tmp_path: Path, code: str, *args: object) -> subprocess.Popen:
    script = tmp_path / f"child_{time.monotonic_ns()}.py"
    script.write_text(textwrap.dedent(code))
    return subprocess.Popen(
        [sys.executable, str(script), *map(str, args)],
        env=_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(child: subprocess.Popen, timeout: float = 60) -> str:
    out, err = child.communicate(timeout=timeout)
    assert child.returncode == 0, err
    return out


def _wait_for(path: Path, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < end, f"{path.name} never appeared"
        time.sleep(0.02)


# ------------------------------------------------------------------ saves
_SAVER = """
    import sys, time
    from pathlib import Path
    from leadnet_helpers.errors import EditConflict
    from leadnet_helpers.store import Workspace
    path, cid, field, tag, rounds, go = sys.argv[1:]
    ws = Workspace.open(path)
    loaded = ws.contact(int(cid))  # the form, loaded once, as a person would
    while not Path(go).exists():
        time.sleep(0.005)
    conflicts = 0
    for i in range(int(rounds)):
        try:
            loaded = ws.update_contact(int(cid), expected=loaded, **{field: f"{tag} {i}"})
        except EditConflict:
            conflicts += 1
    print(conflicts)
"""


def test_two_processes_saving_different_fields_of_one_contact_keep_both(ws, tmp_path):
    kenji = ws.add_contact(Contact(name="Kenji Watanabe", role="Engineer", notes="met at expo"))
    go, rounds = tmp_path / "go", 60
    children = [
        _spawn(tmp_path, _SAVER, ws.path, kenji, field, tag, rounds, go)
        for field, tag in (("role", "A"), ("notes", "B"))
    ]
    time.sleep(0.3)
    go.touch()
    assert [int(_finish(c)) for c in children] == [0, 0]  # no one overwrote the other
    saved = ws.contact(kenji)
    assert (saved.role, saved.notes) == (f"A {rounds - 1}", f"B {rounds - 1}")


_STALE_FORM = """
    import json, sys, time
    from pathlib import Path
    from leadnet_helpers.errors import EditConflict
    from leadnet_helpers.store import Workspace
    path, cid, loaded_flag, go = sys.argv[1:]
    ws = Workspace.open(path)
    loaded = ws.contact(int(cid))
    Path(loaded_flag).touch()
    while not Path(go).exists():
        time.sleep(0.005)
    try:
        ws.update_contact(int(cid), expected=loaded, role="Matron", notes="night shifts")
        print(json.dumps({"saved": True}))
    except EditConflict as err:
        print(json.dumps({"saved": False, "message": str(err),
                          "fields": {k: list(v) for k, v in err.fields.items()}}))
"""

_OTHER_NOTEBOOK = """
    import sys
    from leadnet_helpers.store import Workspace
    with Workspace.open(sys.argv[1]) as ws:
        ws.update_contact(int(sys.argv[2]), role="Director")
"""


def test_the_same_field_changed_elsewhere_is_a_conflict_with_both_values(ws, tmp_path):
    ada = ws.add_contact(Contact(name="Ada Brooks", role="Nurse", notes="days"))
    loaded, go = tmp_path / "loaded", tmp_path / "go"
    first = _spawn(tmp_path, _STALE_FORM, ws.path, ada, loaded, go)
    _wait_for(loaded)
    _finish(_spawn(tmp_path, _OTHER_NOTEBOOK, ws.path, ada))  # the other person saves first
    go.touch()
    outcome = json.loads(_finish(first))
    assert outcome["saved"] is False
    assert outcome["fields"] == {"role": ["Nurse", "Director", "Matron"]}  # loaded/stored/typed
    assert "Ada Brooks" in outcome["message"] and "keep yours" in outcome["message"]
    # Nothing of the refused save was written, not even the field without a conflict.
    assert (ws.contact(ada).role, ws.contact(ada).notes) == ("Director", "days")


def test_keeping_mine_after_a_conflict_saves_over_theirs(ws):
    ada = ws.add_contact(Contact(name="Ada Brooks", role="Nurse"))
    loaded = ws.contact(ada)
    with Workspace.open(ws.path) as other:
        other.update_contact(ada, role="Director", notes="from the other notebook")
    with pytest.raises(EditConflict) as info:
        ws.update_contact(ada, expected=loaded, role="Matron")
    assert isinstance(info.value, LeadNetError)
    again = {**loaded.to_row(), "role": info.value.fields["role"].stored}
    saved = ws.update_contact(ada, expected=again, role="Matron")
    assert (saved.role, saved.notes) == ("Matron", "from the other notebook")


def test_a_stale_form_saving_one_field_does_not_revert_the_others(ws):
    """The measured bug: notebook A saving only a role reverted notebook B's notes."""
    from leadnet_helpers.app.contacts import save_edit

    kenji = ws.add_contact(Contact(name="Kenji Watanabe", role="Engineer"))
    form = ws.contact(kenji)  # notebook A's form
    with Workspace.open(ws.path) as b:
        b.update_contact(kenji, notes="prefers mornings")
    values = {**form.to_row(), "role": "Lead engineer"}  # A typed only a new role
    saved = save_edit(ws, form, values)
    assert (saved.role, saved.notes) == ("Lead engineer", "prefers mornings")


# ------------------------------------------------------------------ undo
_IMPORTER = """
    import sys
    from leadnet_helpers.store import Workspace
    with Workspace.open(sys.argv[1]) as ws:
        print(ws.import_file(sys.argv[2]).imported)
        ws.update_contact(int(sys.argv[3]), notes="B was here")
"""


def test_undo_in_one_process_never_touches_the_other_process_change(ws, tmp_path):
    kenji = ws.add_contact(Contact(name="Kenji Watanabe", role="Engineer"))
    ws.update_contact(kenji, role="Lead engineer")  # notebook A
    export = tmp_path / "contacts.csv"
    export.write_text("name,organisation\n" + "".join(f"Person {i},Org\n" for i in range(18)))
    assert _finish(_spawn(tmp_path, _IMPORTER, ws.path, export, kenji)).strip() == "18"
    assert ws.count_contacts() == 19
    assert ws.last_change() == "edited Kenji Watanabe"  # A's button is labelled truthfully
    assert ws.undo() == "Undid: edited Kenji Watanabe"
    assert ws.count_contacts() == 19  # B's import stays
    kenji_now = ws.contact(kenji)
    assert (kenji_now.role, kenji_now.notes) == ("Engineer", "B was here")  # B's edit stays
    ws.undo()  # A's add: the contact A added goes, B's import does not
    assert ws.count_contacts() == 18
    assert ws.undo() == "Nothing to undo."
    assert ws.last_change() is None
    assert ws.last_change(everyone=True) == "edited Kenji Watanabe"  # B's, still there


def test_undoing_an_edit_keeps_a_later_change_to_the_same_field_by_someone_else(ws):
    ada = ws.add_contact(Contact(name="Ada Brooks", role="Nurse", notes="days"))
    ws.update_contact(ada, role="Matron", notes="nights")
    with Workspace.open(ws.path) as other:
        other.update_contact(ada, role="Director")
    assert ws.undo() == "Undid: edited Ada Brooks (kept role: changed since by someone else)"
    assert (ws.contact(ada).role, ws.contact(ada).notes) == ("Director", "days")


def test_everyone_undo_reaches_another_session(ws):
    with Workspace.open(ws.path) as other:
        other.add_contact(Contact(name="Bo Chen"))
    assert ws.undo() == "Nothing to undo."
    assert ws.undo(everyone=True) == "Undid: added Bo Chen"
    assert ws.count_contacts() == 0


def test_a_workspace_opened_again_with_its_session_keeps_its_undo(ws):
    ws.add_contact(Contact(name="Bo Chen"))
    with Workspace.open(ws.path, session=ws.session) as again:
        assert again.last_change() == "added Bo Chen"


def test_a_format_2_workspace_migrates_and_keeps_its_undo_for_everyone(tmp_path, monkeypatch):
    from leadnet_helpers.store import schema

    path = tmp_path / "v2.leadnet.sqlite"
    monkeypatch.setattr(schema, "MIGRATIONS", {v: schema.MIGRATIONS[v] for v in (1, 2)})
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    with Workspace.create(path, Profile(name="Ana")) as old:
        with old._write() as conn:  # as format 2 logged an add: no session column
            cid = conn.execute(
                "INSERT INTO contacts (name, name_key, created_at, updated_at) "
                "VALUES ('Ada', 'ada', 't', 't') RETURNING id"
            ).one()[0]
            conn.execute(
                "INSERT INTO undo_log (at, description, ops) VALUES ('t', ?, ?)",
                ("added Ada", json.dumps([{"op": "delete", "ids": [cid]}])),
            )
        assert old.schema_version == 2
    monkeypatch.undo()
    # Contacts gained columns since format 2: a read-only open cannot read it as is.
    with pytest.raises(WorkspaceError, match="Open it normally once"):
        Workspace.open(path, read_only=True)
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION > 2
        columns = [r[1] for r in ws._conn.execute("PRAGMA table_info(undo_log)")]
        assert "session" in columns
        assert ws.last_change() is None  # no session made it
        assert ws.last_change(everyone=True) == "added Ada"
        assert ws.undo(everyone=True) == "Undid: added Ada"
        assert ws.count_contacts() == 0


# ------------------------------------------------------------------ a busy workspace
_HOLDER = """
    import sys, time
    from leadnet_helpers.model import Contact
    from leadnet_helpers.store import Workspace
    with Workspace.open(sys.argv[1]) as ws:
        with ws._write() as conn:  # a large import, holding the write lock
            Workspace._insert(conn, [Contact(name=f"Imported {i}") for i in range(500)])
            print("holding", flush=True)
            time.sleep(float(sys.argv[2]))
"""


def _hold(tmp_path: Path, path: Path, seconds: float) -> subprocess.Popen:
    holder = _spawn(tmp_path, _HOLDER, path, seconds)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_save_waits_for_a_long_writer_says_so_and_then_succeeds(ws, tmp_path, monkeypatch):
    monkeypatch.setattr(connection, "WAIT_SLICE", 0.3)
    ada = ws.add_contact(Contact(name="Ada Brooks"))
    told: list[str] = []
    with Workspace.open(ws.path, max_wait=20, on_wait=told.append) as mine:
        holder = _hold(tmp_path, ws.path, 1.5)
        saved = mine.update_contact(ada, expected=mine.contact(ada), role="Matron")
        _finish(holder)
    assert saved.role == "Matron" and ws.contact(ada).role == "Matron"
    assert told and "Waiting for the workspace" in told[0]  # it waited, and said so
    assert ws.count_contacts() == 501  # the long writer's change is whole too


def test_a_save_that_waits_too_long_gives_up_plainly_having_written_nothing(
    ws, tmp_path, monkeypatch
):
    monkeypatch.setattr(connection, "WAIT_SLICE", 0.2)
    ada = ws.add_contact(Contact(name="Ada Brooks", role="Nurse"))
    with Workspace.open(ws.path, max_wait=0.6) as mine:
        holder = _hold(tmp_path, ws.path, 3)
        with pytest.raises(WorkspaceBusy) as info:
            mine.update_contact(ada, role="Matron", notes="typed")
        assert mine.last_change() is None
        _finish(holder)
    message = str(info.value)
    assert "Try again in a minute; another notebook or command is saving a large change" in message
    assert isinstance(info.value, LeadNetError)
    assert (ws.contact(ada).role, ws.contact(ada).notes) == ("Nurse", "")


def test_the_cli_facing_a_busy_workspace_prints_a_plain_message_and_fails(
    ws, tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(connection, "WAIT_SLICE", 0.2)
    monkeypatch.setattr(connection, "MAX_WAIT", 0.7)
    ws.add_contact(Contact(name="Ada Brooks"))
    holder = _hold(tmp_path, ws.path, 3)
    status = cli.main(["log", str(ws.path), "Ada Brooks", "--kind", "met"])
    _finish(holder)
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err and "OperationalError" not in err
    assert "leadnet: Waiting for the workspace" in err  # told while it waited
    assert "Try again in a minute" in err
    assert ws.interactions() == []


# ------------------------------------------------------------------ imports
def test_an_all_rejected_import_leaves_no_record_and_no_undo(ws, tmp_path):
    ws.add_contact(Contact(name="Ada Brooks"))
    rejected = tmp_path / "allrejected.csv"
    rejected.write_text("name,organisation\n,Contoso\n ,Fabrikam\n")
    with Workspace.open(ws.path) as other:
        report = other.import_file(rejected)
        assert report.rejected == 2 and not report.ok
        assert other.imports() == []
        assert other.last_change() is None  # no "Undo: imported allrejected.csv"
    assert ws.count_contacts() == 1
    assert ws.last_change(everyone=True) == "added Ada Brooks"


def test_a_failed_import_leaves_no_trace(ws, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"")
    with pytest.raises(ImportProblem):
        ws.import_file(broken)
    assert ws.imports() == [] and ws.last_change(everyone=True) is None
    assert ws.count_contacts() == 0


# ------------------------------------------------------------------ the contacts form
def test_the_contacts_form_shows_a_conflict_and_lets_the_person_choose(ws):
    from leadnet_helpers.widgets.contacts import ContactsView

    ada = ws.add_contact(Contact(name="Ada Brooks", role="Nurse"))
    view = ContactsView(ws)
    view.select.value = ada
    assert view.choice.layout.display == "none"  # no choice to make yet
    view.fields["role"].value = "Matron"
    view.fields["notes"].value = "nights"
    with Workspace.open(ws.path) as other:  # another notebook saves the same field first
        other.update_contact(ada, role="Director")
    view.save.click()
    shown = view.feedback.value
    assert "Someone else changed Ada Brooks" in shown
    assert "yours &#x27;Matron&#x27;, theirs &#x27;Director&#x27;" in shown
    assert view.choice.layout.display is None  # Keep mine / Keep theirs are shown
    assert view.fields["role"].value == "Matron"  # what the person typed is kept
    assert ws.contact(ada).role == "Director" and ws.contact(ada).notes == ""

    view.keep_theirs.click()  # theirs back in the form, the person's other change kept
    assert view.fields["role"].value == "Director" and view.fields["notes"].value == "nights"
    view.save.click()
    assert (ws.contact(ada).role, ws.contact(ada).notes) == ("Director", "nights")

    view.fields["role"].value = "Matron"
    with Workspace.open(ws.path) as other:
        other.update_contact(ada, role="Chief nurse")
    view.save.click()
    assert view.conflict is not None
    view.keep_mine.click()  # saved over theirs
    assert "Saved Ada Brooks." in view.feedback.value
    assert ws.contact(ada).role == "Matron"
    assert view.choice.layout.display == "none"
