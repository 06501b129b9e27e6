"""The SQLite connection a workspace holds: how it is opened and how threads share it.

A writable workspace is opened with SQLite's write-ahead log
(``journal_mode=WAL``) and ``synchronous=FULL``, so a change is all there or
not there at all, even after a crash; a read-only one through a ``mode=ro``
URI. Every statement runs under one re-entrant lock, and a write transaction
(:meth:`LockedConnection.transaction`) holds it throughout.

When another notebook or command is writing (a large import), a write
transaction waits its turn: it retries ``BEGIN IMMEDIATE`` in slices of
:data:`WAIT_SLICE` seconds, reports each wait (the connection's ``on_wait``
callback, else the ``leadnet_helpers.store`` logger), and after ``max_wait``
seconds gives up with :class:`~leadnet_helpers.errors.WorkspaceBusy`, having
written nothing. A raw ``database is locked`` never reaches the person.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..errors import WorkspaceBusy, WorkspaceError

__all__ = [
    "MAX_WAIT",
    "WAIT_SLICE",
    "LockedConnection",
    "Rows",
    "connect",
    "create_file",
    "indexes_rebuilt",
    "is_busy",
    "now",
]

#: Seconds one attempt to start a write waits inside SQLite before the wait is reported.
WAIT_SLICE = 2.0
#: Seconds a write waits for another notebook or command in all before giving up.
MAX_WAIT = 120.0
#: Seconds a plain statement (a read) waits inside SQLite for a lock.
_STATEMENT_WAIT_MS = 15000

log = logging.getLogger("leadnet_helpers.store")


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" / "busy" errors (another writer)."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


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

    def __init__(self, conn: sqlite3.Connection, *, name: str | None = None) -> None:
        self.raw = conn
        self.lock = threading.RLock()
        self.name = name
        #: The session whose changes this connection logs for undo.
        self.session = ""
        #: ``on_wait(message)``, told each time a write waits for another writer.
        self.on_wait: Callable[[str], None] | None = None
        self.max_wait = MAX_WAIT  # the Workspace sets its own

    def _busy(self, waited: float) -> WorkspaceBusy:
        return WorkspaceBusy(waited, file=self.name)

    def execute(self, sql: str, params: Params = ()) -> Rows:
        with self.lock:  # rows are read inside the lock, too
            try:
                return Rows(self.raw.execute(sql, params).fetchall())
            except sqlite3.OperationalError as exc:
                if is_busy(exc):
                    raise self._busy(_STATEMENT_WAIT_MS / 1000) from None
                raise

    def tuples(self, sql: str, params: Params = ()) -> list[tuple]:
        """The rows of one statement as plain tuples (no :class:`sqlite3.Row` per row).

        Examples
        --------
        >>> conn = LockedConnection(sqlite3.connect(":memory:", isolation_level=None))
        >>> conn.tuples("SELECT 1, 'a' UNION ALL SELECT 2, NULL")
        [(1, 'a'), (2, None)]
        """
        with self.lock:
            cursor = self.raw.cursor()
            cursor.row_factory = None
            try:
                return cursor.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                if is_busy(exc):
                    raise self._busy(_STATEMENT_WAIT_MS / 1000) from None
                raise
            finally:
                cursor.close()

    def executemany(self, sql: str, rows: Iterable[Params]) -> sqlite3.Cursor:
        with self.lock:
            try:
                return self.raw.executemany(sql, rows)
            except sqlite3.OperationalError as exc:
                if is_busy(exc):
                    raise self._busy(_STATEMENT_WAIT_MS / 1000) from None
                raise

    def _begin(self) -> None:
        """``BEGIN IMMEDIATE``, retried in slices (each wait reported) up to ``max_wait``."""
        start = time.monotonic()
        slice_ms = max(1, int(min(WAIT_SLICE, self.max_wait) * 1000))
        self.raw.execute(f"PRAGMA busy_timeout={slice_ms}")
        try:
            while True:
                try:
                    self.raw.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if not is_busy(exc):
                        raise
                waited = time.monotonic() - start
                if waited >= self.max_wait:
                    raise self._busy(waited)
                message = (
                    f"Waiting for the workspace ({waited:.0f} s so far): another "
                    "notebook or command is saving. Nothing you typed is lost."
                )
                if self.on_wait is not None:
                    self.on_wait(message)
                else:
                    log.warning("%s", message)
                left_ms = int((self.max_wait - waited) * 1000)
                self.raw.execute(f"PRAGMA busy_timeout={max(1, min(slice_ms, left_ms))}")
        finally:
            self.raw.execute(f"PRAGMA busy_timeout={_STATEMENT_WAIT_MS}")

    @contextmanager
    def transaction(self) -> Iterator[LockedConnection]:
        """Run the block as one write transaction: all of it is saved, or none.

        Raises
        ------
        WorkspaceBusy
            When another writer kept the file busy for longer than ``max_wait``
            seconds (nothing was written).
        """
        with self.lock:  # one transaction at a time, whichever thread asks
            self._begin()
            try:
                yield self
                self.execute("COMMIT")
            except BaseException:
                if self.raw.in_transaction:
                    self.raw.execute("ROLLBACK")
                raise

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
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro",
                uri=True,
                isolation_level=None,
                timeout=15,
                check_same_thread=False,
            )
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=15, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={_STATEMENT_WAIT_MS}")
        conn.row_factory = sqlite3.Row
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise WorkspaceBusy(_STATEMENT_WAIT_MS / 1000, file=path.name) from None
        raise _not_a_workspace(path, exc) from None
    except sqlite3.DatabaseError as exc:
        raise _not_a_workspace(path, exc) from None
    return LockedConnection(conn, name=path.name)


@contextmanager
def indexes_rebuilt(conn: LockedConnection, tables: Sequence[str]) -> Iterator[None]:
    """Drop the indexes of *tables* for the block, then build them again.

    For a bulk insert inside the caller's write transaction: SQLite builds an
    index over rows already in place faster than it updates it row by row.
    The indexes come back under their names and definitions as the schema
    holds them; the indexes a table's constraints make (a text primary key,
    ``UNIQUE``) stay throughout, so constraints and conflicts behave as usual.
    If the block fails, the caller's transaction must roll back (as
    :meth:`LockedConnection.transaction` does), which brings the indexes back.

    Examples
    --------
    >>> conn = LockedConnection(sqlite3.connect(":memory:", isolation_level=None))
    >>> _ = conn.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")
    >>> _ = conn.execute("CREATE INDEX t_v ON t(v)")
    >>> with conn.transaction(), indexes_rebuilt(conn, ["t"]):
    ...     _ = conn.executemany("INSERT INTO t VALUES (?, ?)", [("a", 1), ("b", 2)])
    >>> conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE INDEX%'").one()[0]
    't_v'
    """
    marks = ", ".join("?" * len(tables))
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY rowid",
        tuple(tables),
    )
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name.replace(chr(34), chr(34) * 2)}"')
    yield
    for _, sql in indexes:
        conn.execute(sql)


def _not_a_workspace(path: Path, exc: BaseException) -> WorkspaceError:
    return WorkspaceError(
        f"this file is not a LeadNet workspace ({exc})",
        file=path.name,
        fix="Choose a .leadnet.sqlite file made by LeadNet.",
    )


def create_file(path: Path) -> None:
    """Create an empty SQLite file at *path* (its folder too)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sqlite3.connect(path).close()
