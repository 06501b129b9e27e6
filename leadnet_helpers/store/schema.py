"""The workspace's tables, their format version, and the migrations between versions.

The schema carries a version (``PRAGMA user_version``). Opening an older
workspace migrates it forward, one step per version, each step one
transaction; opening one written by a newer LeadNet says so plainly instead
of guessing.
"""

from __future__ import annotations

from ..errors import WorkspaceError
from .connection import LockedConnection
from .rows import BOOL_FIELDS, COLUMNS

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "check_version", "schema_version"]

#: The contact columns of the first format; later columns are added by their own step.
_LATER_COLUMNS = ("helps_with", "energy")
_COLUMNS_1 = tuple(c for c in COLUMNS if c not in _LATER_COLUMNS)

_SCHEMA_1 = f"""
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL, organisation TEXT, role TEXT, function TEXT, industry TEXT,
    seniority TEXT, career_stage TEXT, updated_at TEXT
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    {", ".join(f"{c} {'INTEGER' if c in ('strength', *BOOL_FIELDS) else 'TEXT'}" for c in _COLUMNS_1)},
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

_SCHEMA_2 = """
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    saved_at TEXT NOT NULL,
    payload TEXT NOT NULL
);
"""

# Undo is scoped to the session (one Workspace object: a notebook kernel, a CLI
# command) that made the change. Entries from before this step belong to no
# session (""): only ``undo(everyone=True)`` reaches them.
_SCHEMA_3 = """
ALTER TABLE undo_log ADD COLUMN session TEXT NOT NULL DEFAULT '';
CREATE INDEX undo_log_session ON undo_log(session, id);
"""

# What the person last chose to share with their coach: a random share id kept
# for good (so a share taken now pairs with one taken weeks later), the
# pseudonym, and the offers and asks as JSON lists. One row.
_SCHEMA_SHARE = """
CREATE TABLE share_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    share_id TEXT NOT NULL,
    pseudonym TEXT NOT NULL DEFAULT '',
    offers TEXT NOT NULL DEFAULT '[]',
    asks TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL
);
"""

# Roles and energy (Cross & Thomas 2011; Cross, Baker & Parker 2003): which kinds of
# help each contact gives, and whether the tie gives or drains energy.
_SCHEMA_ROLES = """
ALTER TABLE contacts ADD COLUMN helps_with TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN energy TEXT NOT NULL DEFAULT ''
"""

# Key contacts: the few dozen people the person chose (or accepted from the
# shortlist) as the network that matters; everyone else is the wider network.
_SCHEMA_KEYS = """
CREATE TABLE key_contacts (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    added_at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
"""

#: Schema version -> the SQL that brings a workspace from the previous version to it.
#: Version 1 is the first release; later versions append here and never edit old steps.
MIGRATIONS: dict[int, str] = {
    1: _SCHEMA_1,
    2: _SCHEMA_2,
    3: _SCHEMA_3,
    4: _SCHEMA_ROLES,
    5: _SCHEMA_SHARE,
    6: _SCHEMA_KEYS,
}
SCHEMA_VERSION = max(MIGRATIONS)
#: The oldest format a read-only open can read as is: the one that added the contacts'
#: last columns (reading a contact selects every column). The steps after it only add
#: tables (share settings, key contacts) that read as absent when they are missing.
READABLE_FROM = next(v for v, sql in MIGRATIONS.items() if sql is _SCHEMA_ROLES)


def schema_version(conn: LockedConnection) -> int:
    """The format version of the open workspace."""
    return int(conn.execute("PRAGMA user_version").one()[0])


def check_version(conn: LockedConnection, *, name: str, read_only: bool) -> None:
    """Bring an older workspace up to :data:`SCHEMA_VERSION`; refuse a newer one.

    Raises
    ------
    WorkspaceError
        When the workspace is newer than this LeadNet (the connection is then
        closed and nothing changed), or older and open read-only.
    """
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        conn.close()
        raise WorkspaceError(
            f"this workspace was saved by a newer LeadNet (workspace format {version}; "
            f"this LeadNet reads formats up to {SCHEMA_VERSION})",
            file=name,
            fix="Update LeadNet (git pull, then make lab) before opening it; "
            "nothing in it was changed.",
        )
    if version < SCHEMA_VERSION:
        if read_only and version >= READABLE_FROM:
            return
        if read_only:
            raise WorkspaceError(
                f"this workspace uses an older format ({version}) and is open read-only",
                file=name,
                fix="Open it normally once so it can be upgraded.",
            )
        _migrate(conn, version)


def _migrate(conn: LockedConnection, version: int) -> None:
    for target in sorted(v for v in MIGRATIONS if v > version):
        with conn.transaction():
            for statement in _statements(MIGRATIONS[target]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(target)}")


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
