"""The workspace: one SQLite file per person, with every change a transaction.

A workspace holds the leader's profile, their contacts, who knows whom (ties),
an interaction log, classification decisions and dated snapshots. It is an
ordinary SQLite database (Python's :mod:`sqlite3`), so it survives a crash
mid-save (SQLite's write-ahead log: a change is all there or not there at all)
and two notebooks can have it open at once (writers wait their turn).

The schema carries a version (``PRAGMA user_version``). Opening an older
workspace migrates it forward; opening one written by a newer LeadNet says so
plainly instead of guessing.

Examples
--------
>>> import tempfile, pathlib
>>> from leadnet_helpers.model import Contact, Profile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "me.leadnet.sqlite"
>>> ws = Workspace.create(path, Profile(name="Ana Lima", organisation="Contoso"))
>>> cid = ws.add_contact(Contact(name="Ada Brooks", organisation="Riverside"))
>>> [c.name for c in ws.contacts()]
['Ada Brooks']
>>> ws.undo()
'Undid: added Ada Brooks'
>>> ws.count_contacts()
0
>>> ws.close()
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields, replace
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import Self

from .errors import LeadNetError, WorkspaceError
from .merge import ImportReport, contact_keys, plan_import
from .model import (
    CONTACT_FIELDS,
    INTERACTION_KINDS,
    NETWORK_TYPES,
    Contact,
    Interaction,
    Profile,
    Tie,
    contact_from_row,
    name_key,
    normalise_text,
)

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Workspace"]

_TUPLE_FIELDS = ("gives_me", "i_give", "tags", "emails")
_BOOL_FIELDS = ("inside_org", "discretionary")
_COLUMNS = (*CONTACT_FIELDS, "emails", "extra")

_SCHEMA_1 = f"""
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL, organisation TEXT, role TEXT, function TEXT, industry TEXT,
    seniority TEXT, career_stage TEXT, updated_at TEXT
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    {", ".join(f"{c} {'INTEGER' if c in ('strength', *_BOOL_FIELDS) else 'TEXT'}" for c in _COLUMNS)},
    name_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contacts_name_key ON contacts(name_key);
CREATE TABLE contact_keys (
    key TEXT PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE
);
CREATE INDEX contact_keys_contact ON contact_keys(contact_id);
CREATE TABLE ties (
    contact_a INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    contact_b INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    strength INTEGER NOT NULL DEFAULT 3,
    PRIMARY KEY (contact_a, contact_b),
    CHECK (contact_a < contact_b)
);
CREATE TABLE interactions (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('met', 'gave', 'asked')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interactions_contact ON interactions(contact_id);
CREATE TABLE classifications (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    network_type TEXT NOT NULL,
    secondary_types TEXT NOT NULL DEFAULT '',
    confidence REAL,
    reasons TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL CHECK (decided_by IN ('rules', 'person')),
    decided_at TEXT NOT NULL
);
CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    taken_at TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL
);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    format TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    report TEXT NOT NULL
);
CREATE TABLE undo_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    description TEXT NOT NULL,
    ops TEXT NOT NULL
);
"""

#: Schema version -> the SQL that brings a workspace from the previous version to it.
#: Version 1 is the first release; later versions append here and never edit old steps.
_SCHEMA_2 = """
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    saved_at TEXT NOT NULL,
    payload TEXT NOT NULL
);
"""

MIGRATIONS: dict[int, str] = {1: _SCHEMA_1, 2: _SCHEMA_2}
SCHEMA_VERSION = max(MIGRATIONS)
_UNDO_KEEP = 50
_PLANS_KEEP = 20


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_TUPLE_AT = [i for i, c in enumerate(_COLUMNS) if c in _TUPLE_FIELDS]
_BOOL_AT = [i for i, c in enumerate(_COLUMNS) if c in _BOOL_FIELDS]
_TEXT_AT = [i for i, c in enumerate(_COLUMNS) if c not in
            (*_TUPLE_FIELDS, *_BOOL_FIELDS, "strength", "extra")]
_EXTRA_AT = _COLUMNS.index("extra")
_ALL_COLUMNS = attrgetter(*_COLUMNS)
_SELECT = f"SELECT {', '.join(_COLUMNS)}, id FROM contacts"


def _to_db(contact: Contact) -> list[object]:
    """The contact's cells in ``_COLUMNS`` order, as SQLite stores them."""
    values = list(_ALL_COLUMNS(contact))
    for i in _TUPLE_AT:
        values[i] = ";".join(values[i])
    for i in _BOOL_AT:
        if values[i] is not None:
            values[i] = int(values[i])
    extra = values[_EXTRA_AT]
    values[_EXTRA_AT] = json.dumps(extra, ensure_ascii=False) if extra else ""
    return values


def _from_db(row: tuple) -> Contact:
    values = list(row[:-1])
    for i in _TEXT_AT:
        if values[i] is None:
            values[i] = ""
    for i in _TUPLE_AT:
        values[i] = tuple(v for v in values[i].split(";") if v) if values[i] else ()
    for i in _BOOL_AT:
        if values[i] is not None:
            values[i] = bool(values[i])
    values[_EXTRA_AT] = json.loads(values[_EXTRA_AT]) if values[_EXTRA_AT] else {}
    return Contact(**dict(zip(_COLUMNS, values, strict=True)), id=row[-1])


class _Rows(list):
    """The rows of one statement, read in full (a cursor's reading methods)."""

    def fetchone(self) -> sqlite3.Row | None:
        return self[0] if self else None

    def fetchall(self) -> list[sqlite3.Row]:
        return list(self)


class _LockedConnection:
    """A SQLite connection shared safely by the threads of one Jupyter kernel.

    JupyterLab 4 with ipykernel 7 may run widget callbacks on a separate
    thread (comms over subshells) while a cell runs on the main one. Every
    statement takes the lock, and a write transaction holds it throughout, so
    a read from one thread never lands inside another thread's transaction.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.raw = conn
        self.lock = threading.RLock()

    def execute(self, sql: str, params: object = ()) -> _Rows:
        with self.lock:  # rows are read inside the lock, too
            return _Rows(self.raw.execute(sql, params).fetchall())

    def executemany(self, sql: str, rows: Iterable[object]) -> sqlite3.Cursor:
        with self.lock:
            return self.raw.executemany(sql, rows)

    def close(self) -> None:
        with self.lock:
            self.raw.close()


class Workspace:
    """One person's workspace, stored in a single SQLite file.

    Use :meth:`create` for a new workspace and :meth:`open` for an existing
    one. Every method that changes something runs as one transaction.

    Parameters
    ----------
    path : str or Path
        The workspace file.
    read_only : bool
        Open without the right to change anything (used for shared samples).
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if not self.path.exists():
            raise WorkspaceError(
                "there is no workspace here", file=str(self.path),
                fix="Create one first (notebook 00, or `leadnet init`).",
            )
        self._conn = self._connect()
        self._check_version()

    # ------------------------------------------------------------------ opening
    @classmethod
    def create(cls, path: str | Path, profile: Profile, *, exist_ok: bool = False) -> Workspace:
        """Create a new workspace at *path* for *profile* and open it.

        Raises
        ------
        WorkspaceError
            When a workspace already exists there (unless ``exist_ok``).
        """
        path = Path(path)
        if path.exists() and not exist_ok:
            raise WorkspaceError(
                "a workspace already exists here", file=str(path),
                fix="Open it instead, or choose another file name.",
            )
        if not normalise_text(profile.name):
            raise WorkspaceError("a workspace needs the person's name", fix="Type your name.")
        path.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(path).close()
        ws = cls(path)
        if ws.profile() is None:
            ws.set_profile(profile)
        return ws

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Workspace:
        """Open an existing workspace."""
        return cls(path, read_only=read_only)

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                       isolation_level=None, timeout=15,
                                       check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, timeout=15,
                                       check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=15000")
            conn.row_factory = sqlite3.Row
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn = _LockedConnection(conn)
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(
                f"this file is not a LeadNet workspace ({exc})", file=self.path.name,
                fix="Choose a .leadnet.sqlite file made by LeadNet.",
            ) from None
        return conn

    def _check_version(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self._conn.close()
            raise WorkspaceError(
                f"this workspace was saved by a newer LeadNet (workspace format {version}; "
                f"this LeadNet reads formats up to {SCHEMA_VERSION})", file=self.path.name,
                fix="Update LeadNet (git pull, then make lab) before opening it; "
                "nothing in it was changed.",
            )
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise WorkspaceError(
                    f"this workspace uses an older format ({version}) and is open read-only",
                    file=self.path.name, fix="Open it normally once so it can be upgraded.",
                )
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        for target in sorted(v for v in MIGRATIONS if v > version):
            with self._write():
                for statement in _statements(MIGRATIONS[target]):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {int(target)}")

    @property
    def schema_version(self) -> int:
        """The workspace's format version."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        """Close the workspace file."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r}, contacts={self.count_contacts()})"

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """Run the block as one transaction: all of it is saved, or none."""
        if self.read_only:
            raise WorkspaceError(
                "this workspace is open read-only (a shared sample)", file=self.path.name,
                fix="Make your own copy to change it (notebook 00: 'Explore the sample').",
            )
        conn = self._conn
        with conn.lock:  # one transaction at a time, whichever thread asks
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def copy_to(self, path: str | Path) -> Path:
        """Copy the whole workspace into *path*, creating or overwriting it.

        Uses SQLite's online backup, so it is safe while *path* is open in
        another notebook: that notebook sees the new content, never a broken file.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(path, timeout=15)
        try:
            with self._conn.lock:
                self._conn.raw.backup(target)
        finally:
            target.close()
        return path

    def integrity_ok(self) -> bool:
        """True when SQLite's own integrity check finds nothing wrong."""
        return self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # ------------------------------------------------------------------ profile
    def profile(self) -> Profile | None:
        """The person whose network this is."""
        row = self._conn.execute("SELECT * FROM profile WHERE id = 1").fetchone()
        if row is None:
            return None
        return Profile(**{f.name: row[f.name] or "" for f in fields(Profile)})

    def set_profile(self, profile: Profile) -> None:
        """Save the profile (replacing the previous one)."""
        values = {k: normalise_text(v) for k, v in asdict(profile).items()}
        if not values["name"]:
            raise WorkspaceError("the profile needs a name", fix="Type your name.")
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO profile (id, name, organisation, role, function, industry,"
                " seniority, career_stage, updated_at) VALUES (1, :name, :organisation, :role,"
                " :function, :industry, :seniority, :career_stage, :now)",
                {**values, "now": _now()},
            )

    # ------------------------------------------------------------------ contacts
    def count_contacts(self) -> int:
        """How many contacts the workspace holds."""
        return int(self._conn.execute("SELECT count(*) FROM contacts").fetchone()[0])

    def contacts(self) -> list[Contact]:
        """All contacts, in the order they were added."""
        rows = self._conn.execute(f"{_SELECT} ORDER BY id").fetchall()
        return [_from_db(tuple(r)) for r in rows]

    def contact(self, contact_id: int) -> Contact:
        """One contact by id.

        Raises
        ------
        WorkspaceError
            When there is no such contact.
        """
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            raise WorkspaceError(f"there is no contact with id {contact_id}",
                                 fix="Refresh the list of contacts.")
        return _from_db(tuple(row))

    def find_contacts(self, name: str) -> list[Contact]:
        """Contacts whose name matches *name* (ignoring case, accents and order)."""
        rows = self._conn.execute(
            f"{_SELECT} WHERE name_key = ? ORDER BY id", (name_key(name),)).fetchall()
        return [_from_db(tuple(r)) for r in rows]

    def add_contact(self, contact: Contact | dict, *, source: str = "form") -> int:
        """Add one contact (a :class:`Contact` or template-shaped cells); return its id.

        Raises
        ------
        LeadNetError
            When the contact has no name.
        """
        if not isinstance(contact, Contact):
            if not normalise_text(contact.get("name")):
                raise LeadNetError("a contact needs a name", fix="Type a name.")
            contact, warnings = contact_from_row(contact, source=source)
            if warnings:
                raise LeadNetError(warnings[0], fix="Correct the value and save again.")
        contact = replace(contact, name=normalise_text(contact.name),
                          source=contact.source or source)
        if not contact.name:
            raise LeadNetError("a contact needs a name", fix="Type a name.")
        with self._write() as conn:
            (cid,) = self._insert(conn, [contact])
            self._record_keys(conn, dict.fromkeys(contact_keys(contact), cid))
            self._log_undo(conn, f"added {contact.name}", [{"op": "delete", "ids": [cid]}])
        return cid

    def update_contact(self, contact_id: int, **changes: object) -> Contact:
        """Change some fields of a contact; return the contact as saved.

        Values may be given as template text (``strength="4"``,
        ``gives_me="support;insight"``) or as typed values.
        """
        before = self.contact(contact_id)
        row = before.to_row()
        row.update({k: v if isinstance(v, str) else _cell(v) for k, v in changes.items()})
        after, warnings = contact_from_row({**row, "emails": ";".join(before.emails)})
        if warnings:
            raise LeadNetError(warnings[0], fix="Correct the value and save again.")
        after = replace(after, id=contact_id, extra=before.extra, source=before.source)
        with self._write() as conn:
            self._update(conn, [after])
            self._record_keys(conn, dict.fromkeys(contact_keys(after), contact_id))
            self._log_undo(conn, f"edited {before.name}",
                           [{"op": "restore", "rows": [_to_json(before)]}])
        return after

    def delete_contacts(self, contact_ids: Iterable[int]) -> int:
        """Delete contacts (with their ties and log); :meth:`undo` brings them back."""
        ids = [int(i) for i in contact_ids]
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        conn = self._conn
        before = [_to_json(_from_db(tuple(r))) for r in
                  conn.execute(f"{_SELECT} WHERE id IN ({marks})", ids)]
        ties = [dict(r) for r in conn.execute(
            f"SELECT * FROM ties WHERE contact_a IN ({marks}) OR contact_b IN ({marks})",
            ids + ids)]
        logs = [dict(r) for r in conn.execute(
            f"SELECT * FROM interactions WHERE contact_id IN ({marks})", ids)]
        keys = [dict(r) for r in conn.execute(
            f"SELECT * FROM contact_keys WHERE contact_id IN ({marks})", ids)]
        names = ", ".join(c["name"] for c in before[:3]) + ("..." if len(before) > 3 else "")
        with self._write() as conn:
            conn.execute(f"DELETE FROM contacts WHERE id IN ({marks})", ids)
            self._log_undo(conn, f"deleted {names}", [
                {"op": "restore", "rows": before, "ties": ties, "interactions": logs,
                 "keys": keys},
            ])
        return len(before)

    # ------------------------------------------------------------------ undo
    def last_change(self) -> str | None:
        """Describe the change :meth:`undo` would take back, or None."""
        row = self._conn.execute(
            "SELECT description FROM undo_log ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def undo(self) -> str:
        """Take back the last change (add, edit, delete, ties or import).

        Returns
        -------
        str
            What was undone, e.g. ``"Undid: deleted Ada Brooks"``.
        """
        row = self._conn.execute(
            "SELECT id, description, ops FROM undo_log ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return "Nothing to undo."
        with self._write() as conn:
            for op in json.loads(row["ops"]):
                _UNDO_OPS[op["op"]](conn, op)
            conn.execute("DELETE FROM undo_log WHERE id = ?", (row["id"],))
        return f"Undid: {row['description']}"

    def _log_undo(self, conn: sqlite3.Connection, description: str, ops: list[dict]) -> None:
        conn.execute("INSERT INTO undo_log (at, description, ops) VALUES (?, ?, ?)",
                     (_now(), description, json.dumps(ops, ensure_ascii=False)))
        conn.execute("DELETE FROM undo_log WHERE id NOT IN "
                     f"(SELECT id FROM undo_log ORDER BY id DESC LIMIT {_UNDO_KEEP})")

    def clear_undo(self) -> None:
        """Forget the undo history (a freshly built sample starts with none)."""
        with self._write() as conn:
            conn.execute("DELETE FROM undo_log")

    # ------------------------------------------------------------------ low level
    @staticmethod
    def _insert(conn: sqlite3.Connection, contacts: list[Contact]) -> list[int]:
        """Insert contacts inside the caller's write transaction; return their new ids."""
        now = _now()
        cols = ("id", *_COLUMNS, "name_key", "created_at", "updated_at")
        # Inside BEGIN IMMEDIATE no one else can write, so the next ids are ours to take.
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM contacts").fetchone()[0]
        ids = list(range(first, first + len(contacts)))
        conn.executemany(
            f"INSERT INTO contacts ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [(cid, *_to_db(c), name_key(c.name), now, now)
             for cid, c in zip(ids, contacts, strict=True)],
        )
        return ids

    @staticmethod
    def _update(conn: sqlite3.Connection, contacts: list[Contact]) -> None:
        sets = ", ".join(f"{c} = ?" for c in _COLUMNS)
        now = _now()
        conn.executemany(
            f"UPDATE contacts SET {sets}, name_key = ?, updated_at = ? WHERE id = ?",
            [(*_to_db(c), name_key(c.name), now, c.id) for c in contacts],
        )

    @staticmethod
    def _record_keys(conn: sqlite3.Connection, keys: dict[str, int]) -> None:
        conn.executemany("INSERT OR IGNORE INTO contact_keys (key, contact_id) VALUES (?, ?)",
                         keys.items())

    # ------------------------------------------------------------------ import
    def import_file(
        self,
        path: str | Path,
        *,
        name: str | None = None,
        data: bytes | None = None,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> ImportReport:
        """Read a contacts export and save it into the workspace, all or nothing.

        The format is detected from the content. Records that share an e-mail
        address or LinkedIn profile with a contact merge into it; the very same
        record imported again adds nothing; records that only share a name are
        imported and listed as possible duplicates.

        Parameters
        ----------
        path : str or Path
            The file (or just its name when *data* is given).
        name : str, optional
            The file name to show in the report.
        data : bytes, optional
            The file's content, when it did not come from disk (an upload).
        progress : callable, optional
            ``progress(phase, done, total)`` with phase ``"reading"`` or
            ``"saving"``.

        Returns
        -------
        ImportReport

        Raises
        ------
        ImportProblem
            When the file cannot be read at all; the workspace is unchanged.
        """
        from .importers import parse_bytes

        shown = name or Path(path).name
        if data is None:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                from .errors import ImportProblem

                raise ImportProblem(f"the file cannot be opened ({exc.strerror})", file=shown,
                                    fix="Check the file name and that the file exists.") from None
        reading = (lambda d, t: progress("reading", d, t)) if progress else None
        parsed = parse_bytes(data, shown, progress=reading)
        with self._write() as conn:
            report = self._save_parsed(conn, parsed, progress)
        return report

    def _save_parsed(self, conn, parsed, progress) -> ImportReport:
        known_keys = dict(conn.execute("SELECT key, contact_id FROM contact_keys"))
        known_names: dict[str, list[str]] = {}
        for key, cname in conn.execute("SELECT name_key, name FROM contacts"):
            known_names.setdefault(key, []).append(cname)
        plan = plan_import(parsed, known_keys, known_names, self.contact)
        report = plan.report
        before = [_to_json(self.contact(cid)) for cid in plan.updates]
        total = len(plan.new) + len(plan.updates)
        ids: list[int] = []
        step = 2000
        for start in range(0, len(plan.new), step):
            ids.extend(self._insert(conn, plan.new[start:start + step]))
            if progress:
                progress("saving", len(ids), total)
        updates = [replace(c, id=cid) for cid, c in plan.updates.items()]
        self._update(conn, updates)
        resolved = {k: (ids[v] if kind == "new" else v) for k, (kind, v) in plan.keys.items()}
        self._record_keys(conn, resolved)
        if progress:
            progress("saving", total, total)
        report.new_ids = ids
        conn.execute(
            "INSERT INTO imports (file, format, imported_at, report) VALUES (?, ?, ?, ?)",
            (parsed.file, parsed.format, _now(), json.dumps(
                {"summary": report.summary(), "imported": report.imported,
                 "merged": report.merged, "rejected": report.rejected}, ensure_ascii=False)),
        )
        self._log_undo(conn, f"imported {parsed.file}", [
            {"op": "delete", "ids": ids},
            {"op": "restore", "rows": before},
            {"op": "forget_keys", "keys": list(resolved)},
        ])
        return report

    def imports(self) -> list[dict[str, object]]:
        """The files imported so far, newest last."""
        return [
            {"file": r["file"], "format": r["format"], "imported_at": r["imported_at"],
             **json.loads(r["report"])}
            for r in self._conn.execute("SELECT * FROM imports ORDER BY id")
        ]

    # ------------------------------------------------------------------ ties
    def ties(self) -> list[Tie]:
        """Who knows whom, each pair once."""
        return [Tie(r[0], r[1], r[2]) for r in
                self._conn.execute("SELECT contact_a, contact_b, strength FROM ties")]

    def set_ties(self, contact_id: int, knows: Iterable[int], *, strength: int = 3) -> int:
        """Record that *contact_id* knows exactly the contacts in *knows*.

        Ties of that contact not in *knows* are removed, so a form can show
        the current list and save it back. Returns the number of ties kept.
        """
        others = {int(k) for k in knows} - {contact_id}
        conn = self._conn
        old = [dict(r) for r in conn.execute(
            "SELECT * FROM ties WHERE contact_a = ? OR contact_b = ?", (contact_id, contact_id))]
        name = self.contact(contact_id).name
        with self._write() as conn:
            conn.execute("DELETE FROM ties WHERE contact_a = ? OR contact_b = ?",
                         (contact_id, contact_id))
            conn.executemany(
                "INSERT INTO ties (contact_a, contact_b, strength) VALUES (?, ?, ?)",
                [(min(contact_id, o), max(contact_id, o), strength) for o in sorted(others)],
            )
            self._log_undo(conn, f"changed who {name} knows", [
                {"op": "set_ties", "contact_id": contact_id, "ties": old}])
        return len(others)

    def add_ties(self, pairs: Iterable[tuple[int, int] | tuple[int, int, int]]) -> int:
        """Add ties between contacts (``(a, b)`` or ``(a, b, strength)``)."""
        rows = []
        for pair in pairs:
            a, b = int(pair[0]), int(pair[1])
            if a == b:
                continue
            strength = int(pair[2]) if len(pair) > 2 else 3
            rows.append((min(a, b), max(a, b), strength))
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO ties (contact_a, contact_b, strength) VALUES (?, ?, ?) "
                "ON CONFLICT DO UPDATE SET strength = excluded.strength", rows)
            self._log_undo(conn, f"added {len(rows)} ties", [{"op": "drop_ties", "ties": rows}])
        return len(rows)

    def known_by(self, contact_id: int) -> list[int]:
        """Ids of the contacts *contact_id* knows."""
        return [r[0] for r in self._conn.execute(
            "SELECT contact_b FROM ties WHERE contact_a = ? UNION "
            "SELECT contact_a FROM ties WHERE contact_b = ?", (contact_id, contact_id))]

    # ------------------------------------------------------------------ interactions
    def log_interaction(self, contact_id: int, kind: str, date: str, note: str = "") -> int:
        """Log that I met, gave to, or asked something of a contact on *date*."""
        if kind not in INTERACTION_KINDS:
            raise LeadNetError(f"'{kind}' is not a kind of interaction",
                               fix=f"Use one of {', '.join(INTERACTION_KINDS)}.")
        name = self.contact(contact_id).name
        with self._write() as conn:
            iid = conn.execute(
                "INSERT INTO interactions (contact_id, date, kind, note) VALUES (?, ?, ?, ?) "
                "RETURNING id", (contact_id, date, kind, normalise_text(note))).fetchone()[0]
            self._log_undo(conn, f"logged '{kind}' with {name}",
                           [{"op": "drop_interaction", "id": iid}])
        return int(iid)

    def interactions(self) -> list[Interaction]:
        """The interaction log, oldest first."""
        return [Interaction(r["contact_id"], r["date"], r["kind"], r["note"], r["id"])
                for r in self._conn.execute("SELECT * FROM interactions ORDER BY date, id")]

    # ------------------------------------------------------------------ classification
    def decisions(self) -> dict[int, dict[str, object]]:
        """Stored classification decisions by contact id."""
        return {r["contact_id"]: dict(r) for r in
                self._conn.execute("SELECT * FROM classifications")}

    def decide(self, contact_id: int, network_type: str, *, by: str = "person") -> None:
        """Record a classification decision for a contact."""
        if network_type not in NETWORK_TYPES:
            raise LeadNetError(f"'{network_type}' is not a network type",
                               fix=f"Use one of {', '.join(NETWORK_TYPES)}.")
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO classifications (contact_id, network_type, decided_by,"
                " decided_at) VALUES (?, ?, ?, ?)", (contact_id, network_type, by, _now()))

    # ------------------------------------------------------------------ plans
    def save_plan(self, payload: dict[str, object]) -> int:
        """Save the person's action plan (as plain JSON data); return its id."""
        with self._write() as conn:
            pid = conn.execute(
                "INSERT INTO plans (saved_at, payload) VALUES (?, ?) RETURNING id",
                (_now(), json.dumps(payload, ensure_ascii=False, default=str)),
            ).fetchone()[0]
            # Every edit saves the plan; keep the recent versions, not every keystroke.
            conn.execute("DELETE FROM plans WHERE id NOT IN "
                         f"(SELECT id FROM plans ORDER BY id DESC LIMIT {_PLANS_KEEP})")
        return int(pid)

    def latest_plan(self) -> dict[str, object] | None:
        """The plan saved last, or None."""
        row = self._conn.execute(
            "SELECT payload FROM plans ORDER BY id DESC LIMIT 1").fetchone()
        return json.loads(row[0]) if row else None

    # ------------------------------------------------------------------ snapshots
    def take_snapshot(self, label: str = "", extra: dict[str, object] | None = None) -> int:
        """Save a dated copy of the contacts, ties and decisions; return its id.

        *extra* adds what the caller computed at that moment (the network mix,
        the main diagnostics, the plan's actions) so a later review can compare.
        """
        payload = {
            "contacts": [_to_json(c) for c in self.contacts()],
            "ties": [list(asdict(t).values()) for t in self.ties()],
            "decisions": {str(k): v["network_type"] for k, v in self.decisions().items()},
            **(extra or {}),
        }
        with self._write() as conn:
            sid = conn.execute(
                "INSERT INTO snapshots (taken_at, label, payload) VALUES (?, ?, ?) RETURNING id",
                (_now(), normalise_text(label), json.dumps(payload, ensure_ascii=False)),
            ).fetchone()[0]
        return int(sid)

    def snapshots(self) -> list[dict[str, object]]:
        """The snapshots taken so far (id, taken_at, label), oldest first."""
        return [dict(r) for r in
                self._conn.execute("SELECT id, taken_at, label FROM snapshots ORDER BY id")]

    def snapshot(self, snapshot_id: int) -> dict[str, object]:
        """The content of one snapshot."""
        row = self._conn.execute("SELECT * FROM snapshots WHERE id = ?",
                                 (snapshot_id,)).fetchone()
        if row is None:
            raise WorkspaceError(f"there is no snapshot {snapshot_id}",
                                 fix="List the snapshots to see which exist.")
        return {"id": row["id"], "taken_at": row["taken_at"], "label": row["label"],
                **json.loads(row["payload"])}


# ---------------------------------------------------------------------- helpers


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (tuple, list)):
        return ";".join(map(str, value))
    return str(value)


def _to_json(contact: Contact) -> dict[str, object]:
    row = dict(zip(_COLUMNS, _to_db(contact), strict=True))
    row["id"] = contact.id
    return row


def _restore(conn: sqlite3.Connection, op: dict) -> None:
    cols = (*_COLUMNS, "name_key", "created_at", "updated_at")
    now = _now()
    for row in op.get("rows", []):
        values = [row[c] for c in _COLUMNS]
        conn.execute(
            f"INSERT OR REPLACE INTO contacts (id, {', '.join(cols)}) "
            f"VALUES ({', '.join('?' * (len(cols) + 1))})",
            (row["id"], *values, name_key(row["name"]), now, now))
    conn.executemany("INSERT OR IGNORE INTO ties VALUES (:contact_a, :contact_b, :strength)",
                     op.get("ties", []))
    conn.executemany("INSERT OR IGNORE INTO interactions VALUES (:id, :contact_id, :date, "
                     ":kind, :note)", op.get("interactions", []))
    conn.executemany("INSERT OR IGNORE INTO contact_keys VALUES (:key, :contact_id)",
                     op.get("keys", []))


def _delete(conn: sqlite3.Connection, op: dict) -> None:
    conn.executemany("DELETE FROM contacts WHERE id = ?", [(i,) for i in op["ids"]])


def _set_ties(conn: sqlite3.Connection, op: dict) -> None:
    cid = op["contact_id"]
    conn.execute("DELETE FROM ties WHERE contact_a = ? OR contact_b = ?", (cid, cid))
    conn.executemany("INSERT OR IGNORE INTO ties VALUES (:contact_a, :contact_b, :strength)",
                     op["ties"])


_UNDO_OPS: dict[str, Callable[[sqlite3.Connection, dict], None]] = {
    "restore": _restore,
    "delete": _delete,
    "set_ties": _set_ties,
    "drop_ties": lambda conn, op: conn.executemany(
        "DELETE FROM ties WHERE contact_a = ? AND contact_b = ?",
        [(a, b) for a, b, _ in op["ties"]]),
    "drop_interaction": lambda conn, op: conn.execute(
        "DELETE FROM interactions WHERE id = ?", (op["id"],)),
    "forget_keys": lambda conn, op: conn.executemany(
        "DELETE FROM contact_keys WHERE key = ?", [(k,) for k in op["keys"]]),
}
