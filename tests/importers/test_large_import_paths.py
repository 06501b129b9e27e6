"""The quick paths a large import takes give the very result of the full ones.

A LinkedIn row with nothing to warn about makes its record without a Draft,
the cycle collector is paused while a file is read and saved, and SQLite's
page cache is enlarged while it is saved (issue 10). These tests check that a
person sees the same records, warnings, rejections and saved contacts either
way, and that the collector and the cache are back afterwards.
"""

from __future__ import annotations

import contextlib
import gc

import pytest

from leadnet_helpers.errors import ImportProblem
from leadnet_helpers.importers import parse_bytes
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.store import Workspace

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
ROWS = [
    "Ada,Brooks,https://www.linkedin.com/in/ada,,Riverside,Ward Sister,14 Mar 2025",
    " Zoë , Ångström ,http://uk.linkedin.com/in/Zoe-A/?trk=x, ZOE@Nordlys.EXAMPLE ,Nordlys,Head,",
    "Bo,Chen,,bo@x.example,,,3/14/2025",
    ",,,,Coho Winery,,1 Jan 2024",  # no name: rejected
    "Bad,Url,javascript:alert(1),not-an-email,Co,Pos,soon",  # three warnings
    "Exch,Ange,,/o=ExchangeLabs/ou=x,Co,,",  # an Exchange address, kept without a warning
    "Short,Row,https://www.linkedin.com/in/short",  # fewer cells than headings
    "Ada,Brooks,https://www.linkedin.com/in/ada,,Riverside,Ward Sister,14 Mar 2025",
    "Ada,Brooks,https://www.linkedin.com/in/ada2,ada@x.example,Riverside,,",  # same name
]


def _file(header: str, rows: list[str]) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def test_rows_make_the_same_records_whichever_path_they_take():
    # An empty extra column sends every row down the full path and adds nothing.
    quick = parse_bytes(_file(HEADER, ROWS), "Connections.csv")
    full = parse_bytes(_file(HEADER + ",Notes", [r + "," for r in ROWS]), "Connections.csv")
    assert quick.format == full.format == "linkedin"
    assert quick.records == full.records
    ada = quick.records[0].contact
    assert ada is not None and ada.extra == {"connected_on": "2025-03-14"}
    assert quick.records[3].contact is None and "no name" in quick.records[3].problem
    assert len(quick.records[4].warnings) == 3
    assert quick.records[5].warnings == []


def test_the_saved_workspace_and_report_do_not_depend_on_the_path(tmp_path):
    reports, saved = [], []
    for header, rows in ((HEADER, ROWS), (HEADER + ",Notes", [r + "," for r in ROWS])):
        path = tmp_path / f"w{len(saved)}.leadnet.sqlite"
        with Workspace.create(path, Profile(name="Ana")) as ws:
            report = ws.import_file("Connections.csv", data=_file(header, rows))
            reports.append(
                (report.summary(), [(e.line, e.outcome, e.detail) for e in report.events])
            )
            saved.append([(c.name, c.emails, c.linkedin_url, c.extra) for c in ws.contacts()])
    assert reports[0] == reports[1]
    assert saved[0] == saved[1]
    assert "1 merged" in reports[0][0]


@pytest.mark.parametrize("data", [_file(HEADER, ROWS), b""])
def test_the_collector_and_the_page_cache_are_back_after_an_import(tmp_path, data):
    assert gc.isenabled()
    with Workspace.create(tmp_path / "w.leadnet.sqlite", Profile(name="Ana")) as ws:
        cache = ws._conn.execute("PRAGMA cache_size").one()[0]
        with contextlib.suppress(ImportProblem):  # the empty file is refused
            ws.import_file("Connections.csv", data=data)
        assert gc.isenabled()
        assert ws._conn.execute("PRAGMA cache_size").one()[0] == cache


def _saved(ws: Workspace) -> tuple[list, list, list]:
    contacts = [(c.id, c.to_row(), c.emails, c.extra) for c in ws.contacts()]
    keys = ws._conn.execute("SELECT key, contact_id FROM contact_keys ORDER BY key")
    indexes = ws._conn.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    )
    return contacts, [tuple(r) for r in keys], [tuple(r) for r in indexes]


def test_indexes_built_after_a_large_import_leave_the_same_workspace(tmp_path, monkeypatch):
    # A large import into a small workspace builds the contacts' indexes after inserting
    # them; the contacts, keys, report, indexes, undo and a second import are as before.
    from leadnet_helpers.store import imports

    more = [
        f"P{i},Q{i % 7},https://www.linkedin.com/in/p{i},,Co{i % 3},,1 Mar 2025" for i in range(40)
    ]
    data = _file(HEADER, ROWS + more)
    results = []
    for rebuild_from in (1, 10**9):
        monkeypatch.setattr(imports, "_REBUILD_FROM", rebuild_from)
        path = tmp_path / f"w{rebuild_from}.leadnet.sqlite"
        with Workspace.create(path, Profile(name="Ana")) as ws:
            ws.add_contact(Contact(name="Ada Brooks", email="ada@x.example"))
            report = ws.import_file("Connections.csv", data=data)
            events = [(e.line, e.outcome, e.detail) for e in report.events]
            after_import = _saved(ws)
            assert ws.integrity_ok()
            assert ws.find_contacts("Ada Brooks")
            again = ws.import_file("Connections.csv", data=data).summary()
            ws.undo()
            after_undo = _saved(ws)
        results.append((report.summary(), events, after_import, again, after_undo))
    assert results[0] == results[1]
    assert "contacts_name_key" in str(results[0][2][2])
