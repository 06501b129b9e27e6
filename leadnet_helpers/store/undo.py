"""The undo log: each change records how to take itself back, as plain JSON operations.

A change appends one entry (a description, a list of operations and the
session that made it) inside its own transaction; :meth:`UndoMixin.undo` runs
the newest entry *of this session* in one transaction and drops the entry, so
one notebook's Undo never takes back another notebook's (or command's)
change. The operations are ``restore`` (contacts with their ties, log and
keys), ``delete`` (contacts), ``set_fields`` (an edit's fields as they were,
each only if no one changed it since), ``set_ties`` (one contact's ties as
they were), ``drop_ties``, ``drop_interaction`` and ``forget_keys``. The last
:data:`UNDO_KEEP` entries of each session are kept, and :data:`UNDO_KEEP_ALL`
in all.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .base import WorkspaceBase
from .connection import LockedConnection, now
from .rows import restore_rows

__all__ = ["UNDO_KEEP", "UNDO_KEEP_ALL", "UNDO_OPS", "UndoMixin", "log_undo"]

UNDO_KEEP = 50
UNDO_KEEP_ALL = 200


def log_undo(conn: LockedConnection, description: str, ops: list[dict]) -> None:
    """Record, inside the caller's transaction, how to take back the change it makes.

    The entry belongs to the connection's session (``conn.session``).
    """
    session = getattr(conn, "session", "")
    conn.execute(
        "INSERT INTO undo_log (at, description, ops, session) VALUES (?, ?, ?, ?)",
        (now(), description, json.dumps(ops, ensure_ascii=False), session),
    )
    conn.execute(
        "DELETE FROM undo_log WHERE session = ? AND id NOT IN (SELECT id FROM "
        f"undo_log WHERE session = ? ORDER BY id DESC LIMIT {UNDO_KEEP})",
        (session, session),
    )
    conn.execute(
        "DELETE FROM undo_log WHERE id NOT IN "
        f"(SELECT id FROM undo_log ORDER BY id DESC LIMIT {UNDO_KEEP_ALL})"
    )


def _insert_ties(conn: LockedConnection, ties: list[dict]) -> None:
    conn.executemany("INSERT OR IGNORE INTO ties VALUES (:contact_a, :contact_b, :strength)", ties)


def _restore(conn: LockedConnection, op: dict) -> None:
    restore_rows(conn, op.get("rows", []))
    _insert_ties(conn, op.get("ties", []))
    conn.executemany(
        "INSERT OR IGNORE INTO interactions VALUES (:id, :contact_id, :date, :kind, :note)",
        op.get("interactions", []),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO contact_keys VALUES (:key, :contact_id)", op.get("keys", [])
    )


def _delete(conn: LockedConnection, op: dict) -> None:
    conn.executemany("DELETE FROM contacts WHERE id = ?", [(i,) for i in op["ids"]])


def _set_fields(conn: LockedConnection, op: dict) -> list[str]:
    """Put back the fields an edit changed, each only if it still holds what the edit wrote.

    Returns the fields left alone because someone changed them since.
    """
    from ..model import name_key

    columns = list(op["before"])
    row = conn.execute(
        f"SELECT {', '.join(columns)} FROM contacts WHERE id = ?", (op["id"],)
    ).fetchone()
    if row is None:
        return []
    restore = {c: op["before"][c] for c in columns if row[c] == op["after"][c]}
    kept = [c for c in columns if c not in restore]
    if restore:
        sets = ", ".join(f"{c} = :{c}" for c in restore)
        if "name" in restore:
            sets += ", name_key = :name_key"
            restore["name_key"] = name_key(str(restore["name"]))
        conn.execute(
            f"UPDATE contacts SET {sets}, updated_at = :now WHERE id = :id",
            {**restore, "now": now(), "id": op["id"]},
        )
    return kept


def _set_ties(conn: LockedConnection, op: dict) -> None:
    cid = op["contact_id"]
    conn.execute("DELETE FROM ties WHERE contact_a = ? OR contact_b = ?", (cid, cid))
    _insert_ties(conn, op["ties"])


#: Operation name -> how to run it inside the undo's transaction.
UNDO_OPS: dict[str, Callable[[LockedConnection, dict], object]] = {
    "restore": _restore,
    "delete": _delete,
    "set_fields": _set_fields,
    "set_ties": _set_ties,
    "drop_ties": lambda conn, op: conn.executemany(
        "DELETE FROM ties WHERE contact_a = ? AND contact_b = ?", [(a, b) for a, b, _ in op["ties"]]
    ),
    "drop_interaction": lambda conn, op: conn.execute(
        "DELETE FROM interactions WHERE id = ?", (op["id"],)
    ),
    "forget_keys": lambda conn, op: conn.executemany(
        "DELETE FROM contact_keys WHERE key = ?", [(k,) for k in op["keys"]]
    ),
}


def _newest(conn: LockedConnection, session: str, everyone: bool, columns: str):
    where, params = ("", ()) if everyone else ("WHERE session = ?", (session,))
    return conn.execute(
        f"SELECT {columns} FROM undo_log {where} ORDER BY id DESC LIMIT 1", params
    ).fetchone()


class UndoMixin(WorkspaceBase):
    """The workspace's undo: what the last change was, taking it back, forgetting them all.

    Only this session's changes (this :class:`Workspace` object's, ``session``)
    are considered unless ``everyone=True``.
    """

    def last_change(self, *, everyone: bool = False) -> str | None:
        """Describe the change :meth:`undo` would take back, or None.

        With ``everyone=True``, the newest change made by anyone on this file.
        """
        if self.read_only:  # nothing to undo here (and an older file may lack sessions)
            return None
        row = _newest(self._conn, self.session, everyone, "description")
        return row[0] if row else None

    def undo(self, *, everyone: bool = False) -> str:
        """Take back this session's last change (add, edit, delete, ties or import).

        Changes made by another notebook or command on the same file are never
        taken back, unless ``everyone=True`` (then the newest change of anyone).

        Returns
        -------
        str
            What was undone, e.g. ``"Undid: deleted Ada Brooks"``.
        """
        with self._write() as conn:  # read inside the transaction: undone once, whoever asks
            row = _newest(conn, self.session, everyone, "id, description, ops")
            if row is None:
                return "Nothing to undo."
            kept: list[str] = []
            for op in json.loads(row["ops"]):
                result = UNDO_OPS[op["op"]](conn, op)
                kept.extend(result if isinstance(result, list) else [])
            conn.execute("DELETE FROM undo_log WHERE id = ?", (row["id"],))
        if kept:
            return (
                f"Undid: {row['description']} (kept {', '.join(kept)}: changed since "
                "by someone else)"
            )
        return f"Undid: {row['description']}"

    def clear_undo(self) -> None:
        """Forget the undo history of every session (a freshly built sample starts with none)."""
        with self._write() as conn:
            conn.execute("DELETE FROM undo_log")
