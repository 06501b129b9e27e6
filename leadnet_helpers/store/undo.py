"""The undo log: each change records how to take itself back, as plain JSON operations.

A change appends one entry (a description and a list of operations) inside
its own transaction; :meth:`UndoMixin.undo` runs the newest entry's
operations in one transaction and drops the entry. The operations are
``restore`` (contacts with their ties, log and keys), ``delete`` (contacts),
``set_ties`` (one contact's ties as they were), ``drop_ties``,
``drop_interaction`` and ``forget_keys``. The last :data:`UNDO_KEEP` entries
are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .base import WorkspaceBase
from .connection import LockedConnection, now
from .rows import restore_rows

__all__ = ["UNDO_KEEP", "UNDO_OPS", "UndoMixin", "log_undo"]

UNDO_KEEP = 50


def log_undo(conn: LockedConnection, description: str, ops: list[dict]) -> None:
    """Record, inside the caller's transaction, how to take back the change it makes."""
    conn.execute("INSERT INTO undo_log (at, description, ops) VALUES (?, ?, ?)",
                 (now(), description, json.dumps(ops, ensure_ascii=False)))
    conn.execute("DELETE FROM undo_log WHERE id NOT IN "
                 f"(SELECT id FROM undo_log ORDER BY id DESC LIMIT {UNDO_KEEP})")


def _insert_ties(conn: LockedConnection, ties: list[dict]) -> None:
    conn.executemany("INSERT OR IGNORE INTO ties VALUES (:contact_a, :contact_b, :strength)",
                     ties)


def _restore(conn: LockedConnection, op: dict) -> None:
    restore_rows(conn, op.get("rows", []))
    _insert_ties(conn, op.get("ties", []))
    conn.executemany("INSERT OR IGNORE INTO interactions VALUES (:id, :contact_id, :date, "
                     ":kind, :note)", op.get("interactions", []))
    conn.executemany("INSERT OR IGNORE INTO contact_keys VALUES (:key, :contact_id)",
                     op.get("keys", []))


def _delete(conn: LockedConnection, op: dict) -> None:
    conn.executemany("DELETE FROM contacts WHERE id = ?", [(i,) for i in op["ids"]])


def _set_ties(conn: LockedConnection, op: dict) -> None:
    cid = op["contact_id"]
    conn.execute("DELETE FROM ties WHERE contact_a = ? OR contact_b = ?", (cid, cid))
    _insert_ties(conn, op["ties"])


#: Operation name -> how to run it inside the undo's transaction.
UNDO_OPS: dict[str, Callable[[LockedConnection, dict], object]] = {
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


class UndoMixin(WorkspaceBase):
    """The workspace's undo: what the last change was, taking it back, forgetting them all."""

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
                UNDO_OPS[op["op"]](conn, op)
            conn.execute("DELETE FROM undo_log WHERE id = ?", (row["id"],))
        return f"Undid: {row['description']}"

    def clear_undo(self) -> None:
        """Forget the undo history (a freshly built sample starts with none)."""
        with self._write() as conn:
            conn.execute("DELETE FROM undo_log")
