"""The workspace: transactions, undo, versions, crashes and two writers at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest

from leadnet_helpers.errors import LeadNetError, WorkspaceError
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.store import SCHEMA_VERSION, Workspace


def test_new_workspace_keeps_profile_and_contacts_after_reopening(tmp_path):
    path = tmp_path / "ana.leadnet.sqlite"
    with Workspace.create(
        path, Profile(name=" Ana Lima ", organisation="Contoso", career_stage="functional manager")
    ) as ws:
        ws.add_contact(
            {
                "name": "Zoë Ångström",
                "organisation": "Nordlys Energi AS",
                "gives_me": "insight;support",
                "inside_org": "no",
                "strength": "4",
            }
        )
    with Workspace.open(path) as ws:
        assert ws.profile().name == "Ana Lima"
        assert ws.profile().career_stage == "functional manager"
        (zoe,) = ws.contacts()
        assert (zoe.name, zoe.organisation, zoe.gives_me, zoe.inside_org, zoe.strength) == (
            "Zoë Ångström",
            "Nordlys Energi AS",
            ("insight", "support"),
            False,
            4,
        )
        assert ws.schema_version == SCHEMA_VERSION


def test_creating_over_an_existing_workspace_is_refused(ws):
    with pytest.raises(WorkspaceError, match="already exists"):
        Workspace.create(ws.path, Profile(name="Someone else"))
    assert ws.profile().name == "Ana Lima"


def test_opening_a_missing_workspace_says_how_to_create_one(tmp_path):
    with pytest.raises(WorkspaceError, match="leadnet init"):
        Workspace.open(tmp_path / "nope.leadnet.sqlite")


def test_a_file_that_is_not_a_workspace_gets_a_clear_message(tmp_path):
    junk = tmp_path / "photo.leadnet.sqlite"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    with pytest.raises(WorkspaceError) as info:
        Workspace.open(junk)
    assert "photo.leadnet.sqlite" in str(info.value)
    assert "not a LeadNet workspace" in str(info.value)


def test_a_workspace_from_a_newer_version_is_refused_untouched(ws):
    ws._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    ws.close()
    before = ws.path.read_bytes()
    with pytest.raises(WorkspaceError) as info:
        Workspace.open(ws.path)
    message = str(info.value)
    assert "newer LeadNet" in message and "Update LeadNet" in message
    assert ws.path.read_bytes() == before


def test_an_older_workspace_is_migrated_forward(tmp_path, monkeypatch):
    from leadnet_helpers.store import schema as store

    path = tmp_path / "old.leadnet.sqlite"
    with Workspace.create(path, Profile(name="Ana")) as ws:
        ws.add_contact(Contact(name="Ada Brooks"))
    # A later release adds a step; opening the old file must apply it and keep the data.
    steps = {**store.MIGRATIONS, SCHEMA_VERSION + 1: "ALTER TABLE contacts ADD COLUMN mood TEXT"}
    monkeypatch.setattr(store, "MIGRATIONS", steps)
    monkeypatch.setattr(store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION + 1
        assert [c.name for c in ws.contacts()] == ["Ada Brooks"]
        columns = [r[1] for r in ws._conn.execute("PRAGMA table_info(contacts)")]
        assert "mood" in columns


_FIRST_RELEASE_ADD = (
    "INSERT INTO contacts (name, name_key, created_at, updated_at) VALUES (?, ?, 't', 't')"
)


def test_a_first_release_workspace_gains_the_plans_table(tmp_path, monkeypatch):
    from leadnet_helpers.store import schema as store

    path = tmp_path / "v1.leadnet.sqlite"
    monkeypatch.setattr(store, "MIGRATIONS", {1: store.MIGRATIONS[1]})
    monkeypatch.setattr(store, "SCHEMA_VERSION", 1)
    with Workspace.create(path, Profile(name="Ana")) as ws:
        with ws._write() as conn:  # as a first release saved it (its columns, no undo sessions)
            conn.execute(_FIRST_RELEASE_ADD, ("Ada", "ada"))
        assert ws.schema_version == 1
    monkeypatch.undo()
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION >= 2
        assert ws.latest_plan() is None
        ws.save_plan({"actions": [{"title": "Call Ada"}]})
        assert ws.latest_plan()["actions"][0]["title"] == "Call Ada"
        assert [c.name for c in ws.contacts()] == ["Ada"]


def test_edit_delete_and_undo_restore_exactly_what_was_there(ws):
    ada = ws.add_contact(Contact(name="Ada Brooks", role="Ward Sister", tags=("nursing",)))
    bilal = ws.add_contact(Contact(name="Bilal Hussain"))
    ws.add_ties([(ada, bilal, 4)])
    ws.log_interaction(ada, "met", "2026-11-01", "rota")
    ws.update_contact(ada, role="Matron", strength="5")
    assert ws.contact(ada).role == "Matron" and ws.contact(ada).strength == 5
    assert ws.last_change() == "edited Ada Brooks"
    ws.delete_contacts([ada])
    assert ws.count_contacts() == 1 and ws.ties() == [] and ws.interactions() == []
    assert ws.undo() == "Undid: deleted Ada Brooks"
    restored = ws.contact(ada)
    assert (restored.role, restored.strength, restored.tags) == ("Matron", 5, ("nursing",))
    assert len(ws.ties()) == 1 and len(ws.interactions()) == 1
    assert ws.undo() == "Undid: edited Ada Brooks"
    assert ws.contact(ada).role == "Ward Sister" and ws.contact(ada).strength is None


def test_a_bad_edit_is_refused_and_changes_nothing(ws):
    ada = ws.add_contact(Contact(name="Ada Brooks", strength=3))
    with pytest.raises(LeadNetError, match="(?i)strength '9' should be a whole number"):
        ws.update_contact(ada, strength="9")
    assert ws.contact(ada).strength == 3
    with pytest.raises(LeadNetError, match="(?i)seniority 'boss'"):
        ws.add_contact({"name": "Eve", "seniority": "boss"})
    with pytest.raises(LeadNetError, match="needs a name"):
        ws.add_contact({"name": "  "})
    assert ws.count_contacts() == 1


def test_set_ties_replaces_who_a_contact_knows(ws):
    ids = [ws.add_contact(Contact(name=n)) for n in ("A", "B", "C", "D")]
    ws.set_ties(ids[0], ids[1:3])
    assert sorted(ws.known_by(ids[0])) == ids[1:3]
    ws.set_ties(ids[0], [ids[3]])
    assert ws.known_by(ids[0]) == [ids[3]]
    assert ws.known_by(ids[1]) == []
    ws.undo()
    assert sorted(ws.known_by(ids[0])) == ids[1:3]


def test_log_interaction_rejects_unknown_kinds(ws):
    ada = ws.add_contact(Contact(name="Ada"))
    with pytest.raises(LeadNetError, match="met, gave, asked"):
        ws.log_interaction(ada, "lunched", "2026-11-01")


def test_read_only_workspace_refuses_changes(ws):
    ws.add_contact(Contact(name="Ada"))
    ws.close()
    with Workspace.open(ws.path, read_only=True) as ro:
        assert ro.count_contacts() == 1
        with pytest.raises(WorkspaceError, match="read-only"):
            ro.add_contact(Contact(name="Eve"))


def test_snapshot_keeps_the_network_as_it_was(ws):
    ada = ws.add_contact(Contact(name="Ada"))
    sid = ws.take_snapshot("before the workshop")
    ws.delete_contacts([ada])
    snap = ws.snapshot(sid)
    assert snap["label"] == "before the workshop"
    assert [c["name"] for c in snap["contacts"]] == ["Ada"]
    assert ws.snapshots()[0]["id"] == sid


_KILL_MID_SAVE = textwrap.dedent("""
    import os, signal, sys
    from leadnet_helpers.model import Contact
    from leadnet_helpers.store import Workspace
    ws = Workspace.open(sys.argv[1])
    with ws._write() as conn:
        Workspace._insert(conn, [Contact(name=f"Half {i}") for i in range(5000)])
        print("inside", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
""")


def test_a_process_killed_mid_save_loses_nothing_saved_before(ws, tmp_path):
    for name in ("Ada", "Bilal", "Cora"):
        ws.add_contact(Contact(name=name))
    ws.close()
    script = tmp_path / "kill.py"
    script.write_text(_KILL_MID_SAVE)
    done = subprocess.run(
        [sys.executable, str(script), str(ws.path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert "inside" in done.stdout
    with Workspace.open(ws.path) as again:
        assert again.integrity_ok()
        assert [c.name for c in again.contacts()] == ["Ada", "Bilal", "Cora"]
        again.add_contact(Contact(name="Dev"))  # and it is still writable
        assert again.count_contacts() == 4


_WRITER = textwrap.dedent("""
    import sys
    from leadnet_helpers.model import Contact
    from leadnet_helpers.store import Workspace
    with Workspace.open(sys.argv[1]) as ws:
        for i in range(40):
            cid = ws.add_contact(Contact(name=f"{sys.argv[2]} {i}"))
            ws.update_contact(cid, role="checked")
""")


def test_two_notebooks_writing_at_once_do_not_corrupt_the_workspace(ws, tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(_WRITER)
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), str(ws.path), name], stderr=subprocess.PIPE, text=True
        )
        for name in ("first", "second")
    ]
    for writer in writers:
        assert writer.wait(120) == 0, writer.stderr.read()
    assert ws.count_contacts() == 80
    assert {c.role for c in ws.contacts()} == {"checked"}
    assert sum(c.name.startswith("second") for c in ws.contacts()) == 40
    assert ws.integrity_ok()


def test_workspace_is_a_plain_sqlite_file_others_can_read(ws):
    ws.add_contact(Contact(name="Ada"))
    with sqlite3.connect(ws.path) as conn:
        assert conn.execute("SELECT name FROM contacts").fetchall() == [("Ada",)]


def test_widget_callbacks_on_another_kernel_thread_can_use_the_workspace(ws):
    """JupyterLab 4 may run widget callbacks on a comm thread while a cell runs."""
    import threading

    errors: list[BaseException] = []

    def callback(prefix: str) -> None:
        try:
            for i in range(30):
                cid = ws.add_contact(Contact(name=f"{prefix} {i}"))
                ws.update_contact(cid, role="clicked")
                ws.contacts()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=callback, args=(p,)) for p in ("comm", "shell")]
    for t in threads:
        t.start()
    for _ in range(30):  # the main thread reads meanwhile, as a running cell would
        ws.count_contacts()
    for t in threads:
        t.join(60)
    assert errors == []
    assert ws.count_contacts() == 60
    assert {c.role for c in ws.contacts()} == {"clicked"}
    assert ws.integrity_ok()


def test_a_crowd_sharing_a_name_is_one_short_report_entry(tmp_path):
    """Sam Lee imported 2,000 times after 2,000: one grouped entry, its text short."""
    with Workspace.create(tmp_path / "ws.leadnet.sqlite", Profile(name="Ana")) as ws:
        for start in (0, 2_000):
            rows = "".join(f"Sam Lee,Org {i}\n" for i in range(start, start + 2_000))
            report = ws.import_file("sam.csv", data=("name,organisation\n" + rows).encode())
        assert report.imported == 2_000 and report.duplicate_records == 2_000
        (dupe,) = report.possible_duplicates
        assert "2,000 contacts already in your workspace" in dupe.detail
        assert sum(len(e.detail) for e in report.events) < 5_000
        assert ws.count_contacts() == 4_000


def test_contacts_saved_together_keep_every_cell_and_its_type(ws):
    # One batch: a column empty in every contact (written as a literal), a column
    # empty in some (bound), booleans and numbers beside unknowns (NULL).
    contacts = [
        Contact(name="Ada", inside_org=False, strength=4, tags=("a", "b"), extra={"n": "1"}),
        Contact(name="Bo", inside_org=None, email="bo@x.org", emails=("bo@x.org",)),
        Contact(name="Cy", inside_org=True, discretionary=False, extra={"n": 2}),
    ]
    with ws._write() as conn:
        ids = Workspace._insert(conn, contacts)
    assert ids == sorted(ids) and len(set(ids)) == 3
    stored = {c.id: c for c in ws.contacts()}
    for cid, contact in zip(ids, contacts, strict=True):
        assert stored[cid] == replace(contact, id=cid)
    typed = ws._conn.execute(
        "SELECT typeof(role), typeof(inside_org), typeof(strength), typeof(discretionary), "
        "tags, extra FROM contacts ORDER BY id"
    )
    assert [tuple(r) for r in typed] == [
        ("text", "integer", "integer", "null", "a;b", '{"n": "1"}'),
        ("text", "null", "null", "null", "", ""),
        ("text", "integer", "null", "integer", "", '{"n": 2}'),
    ]


def test_undoing_an_import_forgets_every_key_it_recorded(ws):
    ws.add_contact(Contact(name="Ada Brooks", email="ada@x.example", emails=("ada@x.example",)))
    keys = "SELECT key, contact_id FROM contact_keys ORDER BY key"
    before = [tuple(r) for r in ws._conn.execute(keys)]
    new_only = b"name,email,linkedin_url\nBo Chen,bo@y.example,https://www.linkedin.com/in/bo\n"
    report = ws.import_file("new.csv", data=new_only)
    assert report.imported == 1 and len(ws._conn.execute(keys)) == len(before) + 3
    assert ws.undo() == "Undid: imported new.csv"
    assert [tuple(r) for r in ws._conn.execute(keys)] == before
    assert ws.import_file("new.csv", data=new_only).summary() == report.summary()  # new again
    ws.undo()
    merging = new_only + b"Ada Brooks,ada@x.example,https://www.linkedin.com/in/ada-brooks\n"
    report = ws.import_file("merging.csv", data=merging)
    assert (report.imported, report.merged) == (1, 1)
    recorded = {k for k, _ in ws._conn.execute(keys)} - {k for k, _ in before}
    assert "linkedin:https://www.linkedin.com/in/ada-brooks" in recorded  # given to Ada
    ws.undo()
    assert recorded.isdisjoint(k for k, _ in ws._conn.execute(keys))


def test_undoing_an_import_that_merged_keeps_what_the_contact_had(ws):
    """Undo puts the merged contact's fields back and nothing else of theirs is lost.

    (Restoring the row with INSERT OR REPLACE deleted it first, and the foreign keys' cascade
    took the contact's ties, log, keys, classification and key-contact place with it.)
    """
    ada = ws.add_contact(
        Contact(name="Ada Brooks", email="ada@x.example", emails=("ada@x.example",))
    )
    cy = ws.add_contact(Contact(name="Cy Dune"))
    ws.add_ties([(ada, cy)])
    ws.log_interaction(ada, "met", "2026-11-01", "coffee")
    ws.save_classifications([(ada, "personal", "", 1.0, "[]")], by="person")
    ws.set_key_contacts({ada: "mentor"})
    tables = {
        "ties": "SELECT * FROM ties ORDER BY 1, 2",
        "log": "SELECT * FROM interactions ORDER BY id",
        "keys": "SELECT * FROM contact_keys ORDER BY key",
        "classified": "SELECT contact_id, network_type FROM classifications ORDER BY 1",
        "key contacts": "SELECT contact_id FROM key_contacts ORDER BY 1",
        "created": "SELECT id, created_at FROM contacts ORDER BY id",
    }

    def snapshot() -> dict[str, list[tuple]]:
        return {name: [tuple(r) for r in ws._conn.execute(sql)] for name, sql in tables.items()}

    before = snapshot()
    assert all(before.values()), before
    report = ws.import_file("ada.csv", data=b"name,email,role\nAda Brooks,ada@x.example,Matron\n")
    assert report.merged == 1 and ws.contact(ada).role == "Matron"
    assert ws.undo() == "Undid: imported ada.csv"
    assert ws.contact(ada).role == ""
    assert snapshot() == before
