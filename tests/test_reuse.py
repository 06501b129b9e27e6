"""What a click reuses instead of computing again (issue 10: clicks at 30,000 contacts).

A save reads one contact back, not all of them; a log entry or a tie does not
classify the network again; suggestions already saved are not written again;
a notebook that shows contacts does not import the plotting libraries. Each
test also checks that what the person sees is what a fresh computation gives.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import leadnet_helpers.analysis as analysis_module
import leadnet_helpers.store.contacts as store_contacts
from leadnet_helpers.analysis import analysis_of, classify_and_save
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.store import Workspace

TODAY = date(2026, 11, 21)
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def ws(tmp_path):
    ws = Workspace.create(tmp_path / "w.leadnet.sqlite", Profile("Ana", organisation="Contoso"))
    for i in range(30):
        ws.add_contact(
            Contact(
                f"Person {i}",
                organisation="Contoso" if i % 2 else "Fabrikam",
                relationship=["my manager", "mentor", "board member"][i % 3],
                last_contact="2026-01-15",
            )
        )
    yield ws
    ws.close()


@pytest.fixture
def rows_read(monkeypatch):
    read = {"rows": 0}
    real = store_contacts.from_db

    def counting(row):
        read["rows"] += 1
        return real(row)

    monkeypatch.setattr(store_contacts, "from_db", counting)
    return read


def test_a_save_reads_back_one_contact_and_the_list_shows_it(ws, rows_read):
    assert len(ws.contacts()) == 30
    first = ws.contacts()[0]
    rows_read["rows"] = 0
    ws.update_contact(first.id, notes="met at the summit")
    added = ws.add_contact(Contact("Grace Hopper"))
    shown = ws.contacts()
    assert rows_read["rows"] <= 4  # the saved and the added contact, not all 32
    assert shown[0].notes == "met at the summit" and shown[-1].id == added
    with Workspace.open(ws.path) as fresh:
        assert [c.to_row() for c in fresh.contacts()] == [c.to_row() for c in shown]


def test_a_change_from_another_notebook_is_read_again(ws):
    first = ws.contacts()[0]
    with Workspace.open(ws.path) as other:
        other.update_contact(first.id, organisation="Northwind")
    assert ws.contacts()[0].organisation == "Northwind"


def test_a_log_entry_does_not_classify_again_and_keeps_warm_as_a_fresh_analysis(ws, monkeypatch):
    calls = {"classify": 0}
    real = analysis_module.classify

    def counting(*args, **kwargs):
        calls["classify"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis_module, "classify", counting)
    before = analysis_of(ws, TODAY)
    someone = ws.contacts()[3]
    ws.log_interaction(someone.id, "met", "2026-11-20", "coffee")
    ws.add_ties([(someone.id, ws.contacts()[4].id)])
    after = analysis_of(ws, TODAY)
    assert calls["classify"] == 1
    assert after is not before and len(after.network.interactions) == 1
    assert len(after.network.ties) == 1
    with Workspace.open(ws.path) as fresh:
        again = analysis_of(fresh, TODAY)
        warm, fresh_warm = after.finding("keep_warm"), again.finding("keep_warm")
        assert warm is not None and fresh_warm is not None
        assert warm.to_dict() == fresh_warm.to_dict()
        assert [f.to_dict() for f in after.findings] == [f.to_dict() for f in again.findings]
    assert calls["classify"] == 1  # the fresh workspace object read the kept classification


def _counting_classify(monkeypatch):
    calls = {"classify": 0}
    real = analysis_module.classify

    def counting(*args, **kwargs):
        calls["classify"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis_module, "classify", counting)
    return calls


def test_a_new_kernel_on_the_same_contacts_reads_the_kept_classification(ws, monkeypatch):
    calls = _counting_classify(monkeypatch)
    classify_and_save(ws, TODAY)  # notebook 02
    ws.decide(ws.contacts()[5].id, "personal")
    first = analysis_of(ws, TODAY)
    assert calls["classify"] == 1
    with Workspace.open(ws.path) as kernel:  # notebook 04 or 05, a fresh kernel
        again = analysis_of(kernel, TODAY)
        assert calls["classify"] == 1
        assert again.classification.equals(first.classification)
        assert again.network.contacts.equals(first.network.contacts)
        assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in first.findings]
        assert again.network.contacts.loc[5, "network_type"] == "personal"
        assert again.network.contacts.equals(_plain_table(kernel))
    with Workspace.open(ws.path) as kernel:  # another decision since: applied on the kept one
        kernel.decide(kernel.contacts()[7].id, "strategic")
        decided = analysis_of(kernel, TODAY)
        assert calls["classify"] == 1
        assert decided.network.contacts.equals(_plain_table(kernel))
        assert decided.network.contacts.loc[7, "network_type"] == "strategic"
        classify_and_save(kernel, TODAY)  # suggestions saved already: nothing written
        stamp = kernel.revision()
        classify_and_save(kernel, TODAY)
        assert kernel.revision() == stamp and len(kernel.decisions()) == 30


def _plain_table(ws):
    """The contacts table as computed from scratch, without any cache."""
    from leadnet_helpers.classify import classify, in_force, person_decisions
    from leadnet_helpers.network import network_from

    types = in_force(classify(ws.contacts(), ws.profile()), person_decisions(ws))
    return network_from(ws.profile(), ws.contacts(), (), (), types).contacts


def test_a_contact_changed_elsewhere_is_classified_again_in_a_new_kernel(ws, monkeypatch):
    calls = _counting_classify(monkeypatch)
    analysis_of(ws, TODAY)
    someone = ws.contacts()[0]
    with Workspace.open(ws.path) as other:  # another notebook edits a contact
        other.update_contact(someone.id, relationship="friend from school", organisation="")
    with Workspace.open(ws.path) as kernel:
        changed = analysis_of(kernel, TODAY)
        assert calls["classify"] == 2
        with Workspace.open(ws.path) as plain:
            from leadnet_helpers.classify import classify, in_force, person_decisions

            expected = in_force(
                classify(plain.contacts(), plain.profile()), person_decisions(plain)
            )
        assert changed.classification.equals(expected)


def test_the_contacts_digest_follows_every_change_and_matches_a_fresh_read(ws):
    start = ws.contacts_digest()
    with Workspace.open(ws.path) as fresh:
        assert fresh.contacts_digest() == start
    first = ws.contacts()[0]
    ws.update_contact(first.id, notes="met at the summit", gives_me="insight")
    ws.add_contact(Contact("Grace Hopper", tags=("navy",), extra={"ship": "Harvard Mark I"}))
    patched = ws.contacts_digest()
    assert patched != start
    with Workspace.open(ws.path) as fresh:
        assert fresh.contacts_digest() == patched
        fresh.update_contact(first.id, notes="")
    assert ws.contacts_digest() not in (start, patched)  # another connection's change
    ws.undo()
    with Workspace.open(ws.path) as fresh:
        assert ws.contacts_digest() == fresh.contacts_digest()


def test_an_unwritable_folder_keeps_nothing_and_still_analyses(tmp_path, monkeypatch):
    from leadnet_helpers import classified_cache

    monkeypatch.setattr(classified_cache.tempfile, "mkstemp", _refuse)
    ws = Workspace.create(tmp_path / "r.leadnet.sqlite", Profile("Ana"))
    ws.add_contact(Contact("Bo", relationship="my manager"))
    assert analysis_of(ws, TODAY).network.contacts.loc[0, "network_type"] == "operational"
    assert not list(tmp_path.glob(".*classified*"))
    ws.close()


class _Planted:
    """A pickle that, if ever unpickled, writes a file (stands for any code it could run)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "code ran"))


def test_a_kept_file_someone_else_wrote_is_never_unpickled(tmp_path, monkeypatch):
    import pickle

    from leadnet_helpers import classified_cache

    calls = _counting_classify(monkeypatch)
    ws = Workspace.create(tmp_path / "r.leadnet.sqlite", Profile("Ana"))
    ws.add_contact(Contact("Bo", relationship="my manager"))
    analysis_of(ws, TODAY)
    kept = classified_cache._file(ws.path)
    assert kept.exists() and calls["classify"] == 1
    marker = tmp_path / "ran.txt"
    evil = pickle.dumps({"x": _Planted(marker)})
    # a folder copied from someone else: a plain pickle, and one signed with another key
    for planted in (evil, kept.read_bytes()[: len(classified_cache._TAG)] + b"0" * 32 + evil):
        kept.write_bytes(planted)
        with Workspace.open(ws.path) as kernel:
            table = analysis_of(kernel, TODAY).network.contacts
        assert not marker.exists()
        assert table.loc[0, "network_type"] == "operational"  # classified again, as before
    assert calls["classify"] == 3
    ws.close()


def _refuse(*args, **kwargs):
    raise PermissionError("read-only folder")


def test_suggestions_saved_already_are_not_written_again(ws):
    classify_and_save(ws, TODAY)
    stamp = ws.revision()
    classify_and_save(ws, TODAY)
    assert ws.revision() == stamp  # nothing written, so every view's work stays current
    assert len(ws.decisions()) == 30


def test_the_contacts_notebook_does_not_import_the_plotting_libraries(tmp_path):
    code = (
        "import sys\n"
        "from leadnet_helpers.widgets import contacts_view, prompts_view, ties_view\n"
        "from leadnet_helpers.widgets import import_view, introductions_view\n"
        "print(sorted(m for m in ('plotly', 'networkx', 'scipy') if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "LEADNET_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_log_entry_keeps_the_ties_read_and_a_change_elsewhere_is_read_again(ws, monkeypatch):
    from leadnet_helpers.store import ties as store_ties

    contacts = ws.contacts()
    ws.set_ties(contacts[0].id, [contacts[1].id, contacts[2].id])
    read = {"ties": 0}
    real = store_ties.Tie

    def counting(*args):
        read["ties"] += 1
        return real(*args)

    monkeypatch.setattr(store_ties, "Tie", counting)
    first = ws.ties()
    counted = read["ties"]
    ws.log_interaction(contacts[3].id, "met", "2026-11-30")  # notebook 05's log entry
    assert ws.ties() == first and read["ties"] == counted  # not read again
    with Workspace.open(ws.path) as other:  # another notebook changes who knows whom
        other.set_ties(contacts[4].id, [contacts[5].id])
    ws.log_interaction(contacts[3].id, "gave", "2026-11-30")
    pairs = {(t.contact_a, t.contact_b) for t in ws.ties()}
    assert (contacts[4].id, contacts[5].id) in pairs and len(pairs) == len(first) + 1
    ws.undo()  # the log entry undone: still the file's ties
    ws.set_ties(contacts[0].id, [])
    assert all(contacts[0].id not in (t.contact_a, t.contact_b) for t in ws.ties())
