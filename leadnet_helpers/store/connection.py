"""The SQLite connection a workspace holds: how it is opened and how threads share it.

A writable workspace is opened with SQLite's write-ahead log
(``journal_mode=WAL``) and ``synchronous=FULL``, so a change is all there or
not there at all, even after a crash; a read-only one through a ``mode=ro``
URI. Every statement runs under one re-entrant lock, and a write transaction
(:meth:`LockedConnection.transaction`) holds it throughout.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..errors import WorkspaceError

__all__ = ["LockedConnection", "Rows", "connect", "create_file", "now"]


def now() -> str:
    """The current time in UTC, to the second, as every stored timestamp is written."""
    return datetime.now(UTC).isoformat(timespec="seconds")


#: A statement's parameters: by position or by name.
Params = Sequence[object] | Mapping[str, object]


class Rows(list[sqlite3.Row]):
    """The rows of one statement, read in full (a cursor's reading methods)."""

    def one(self) -> sqlite3.Row:
        """The row of a statement that always returns one (a count, ``RETURNING``)."""
        return self[0]

    def fetchone(self) -> sqlite3.Row | None:
        return self[0] if self else None

    def fetchall(self) -> list[sqlite3.Row]:
        return list(self)


class LockedConnection:
    """A SQLite connection shared safely by the threads of one Jupyter kernel.

    JupyterLab 4 with ipykernel 7 may run widget callbacks on a separate
    thread (comms over subshells) while a cell runs on the main one. Every
    statement takes the lock, and a write transaction holds it throughout, so
    a read from one thread never lands inside another thread's transaction.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.raw = conn
        self.lock = threading.RLock()

    def execute(self, sql: str, params: Params = ()) -> Rows:
        with self.lock:  # rows are read inside the lock, too
            return Rows(self.raw.execute(sql, params).fetchall())

    def executemany(self, sql: str, rows: Iterable[Params]) -> sqlite3.Cursor:
        with self.lock:
            return self.raw.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[LockedConnection]:
        """Run the block as one write transaction: all of it is saved, or none."""
        with self.lock:  # one transaction at a time, whichever thread asks
            self.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.execute("ROLLBACK")
                raise
            self.execute("COMMIT")

    def backup_to(self, path: Path) -> None:
        """Copy the whole database into *path* with SQLite's online backup."""
        target = sqlite3.connect(path, timeout=15)
        try:
            with self.lock:
                self.raw.backup(target)
        finally:
            target.close()

    def close(self) -> None:
        with self.lock:
            self.raw.close()


def connect(path: Path, *, read_only: bool = False) -> LockedConnection:
    """Open the SQLite file at *path* as a workspace connection.

    Raises
    ------
    WorkspaceError
        When the file is not a SQLite database.
    """
    try:
        if read_only:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, timeout=15,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=15,
                                   check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=15000")
        conn.row_factory = sqlite3.Row
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(
            f"this file is not a LeadNet workspace ({exc})", file=path.name,
            fix="Choose a .leadnet.sqlite file made by LeadNet.",
        ) from None
    return LockedConnection(conn)


def create_file(path: Path) -> None:
    """Create an empty SQLite file at *path* (its folder too)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sqlite3.connect(path).close()
