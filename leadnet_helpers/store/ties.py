"""Who knows whom (ties between contacts) and the log of interactions with contacts.

Mixed into :class:`~leadnet_helpers.store.Workspace`, which gives it ``_conn``
(reads), ``_write()`` (one write transaction) and ``contact()``. Each change
is logged for undo.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import LeadNetError
from ..model import INTERACTION_KINDS, Interaction, Tie, normalise_text
from .base import WorkspaceBase
from .undo import log_undo

__all__ = ["TiesMixin"]


class TiesMixin(WorkspaceBase):
    """Ties between contacts, and interactions with them."""

    #: the ties read last, with the revision they were read at (see :meth:`ties`)
    _ties_read: tuple[tuple[int, int], list[Tie]] | None = None

    # ------------------------------------------------------------------ ties
    def ties(self) -> list[Tie]:
        """Who knows whom, each pair once.

        Read once per change of the file and kept; a write through this object
        that leaves the ties alone (a log entry) keeps them current, so the
        analysis after a log entry does not read every tie again.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from leadnet_helpers.model import Contact, Profile
        >>> from leadnet_helpers.store import Workspace
        >>> ws = Workspace.create(
        ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana")
        ... )
        >>> bo, cy = ws.add_contact(Contact("Bo")), ws.add_contact(Contact("Cy"))
        >>> ws.set_ties(bo, [cy])
        1
        >>> _ = ws.log_interaction(bo, "met", "2026-11-30")
        >>> [(t.contact_a, t.contact_b) for t in ws.ties()] == [(bo, cy)]
        True
        >>> ws.close()
        """
        with self._conn.lock:  # the kept list is shared by the kernel's threads
            stamp = self.revision()
            cached = self._ties_read
            if cached is None or cached[0] != stamp:
                read = [
                    Tie(r[0], r[1], r[2])
                    for r in self._conn.execute("SELECT contact_a, contact_b, strength FROM ties")
                ]
                cached = self._ties_read = (stamp, read)
            return list(cached[1])

    def _ties_current(self) -> bool:
        """Whether the ties read last are those of the file now (before a write)."""
        cached = self._ties_read
        return cached is not None and cached[0] == self.revision()

    def _ties_still_current(self) -> None:
        """After a write that left the ties alone: the ties read last are current."""
        cached = self._ties_read
        stamp = self.revision()
        if cached is not None and cached[0][0] == stamp[0]:  # no other connection wrote
            self._ties_read = (stamp, cached[1])
        else:
            self._ties_read = None

    def count_ties(self) -> int:
        """How many ties the workspace holds."""
        return int(self._conn.execute("SELECT count(*) FROM ties").one()[0])

    def set_ties(self, contact_id: int, knows: Iterable[int], *, strength: int = 3) -> int:
        """Record that *contact_id* knows exactly the contacts in *knows*.

        Ties of that contact not in *knows* are removed, so a form can show
        the current list and save it back. Returns the number of ties kept.
        """
        others = {int(k) for k in knows} - {contact_id}
        conn = self._conn
        old = [
            dict(r)
            for r in conn.execute(
                "SELECT * FROM ties WHERE contact_a = ? OR contact_b = ?", (contact_id, contact_id)
            )
        ]
        name = self.contact(contact_id).name
        with self._write(contacts=False) as conn:
            conn.execute(
                "DELETE FROM ties WHERE contact_a = ? OR contact_b = ?", (contact_id, contact_id)
            )
            conn.executemany(
                "INSERT INTO ties (contact_a, contact_b, strength) VALUES (?, ?, ?)",
                [(min(contact_id, o), max(contact_id, o), strength) for o in sorted(others)],
            )
            log_undo(
                conn,
                f"changed who {name} knows",
                [{"op": "set_ties", "contact_id": contact_id, "ties": old}],
            )
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
        with self._write(contacts=False) as conn:
            conn.executemany(
                "INSERT INTO ties (contact_a, contact_b, strength) VALUES (?, ?, ?) "
                "ON CONFLICT DO UPDATE SET strength = excluded.strength",
                rows,
            )
            log_undo(conn, f"added {len(rows)} ties", [{"op": "drop_ties", "ties": rows}])
        return len(rows)

    def known_by(self, contact_id: int) -> list[int]:
        """Ids of the contacts *contact_id* knows."""
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT contact_b FROM ties WHERE contact_a = ? UNION "
                "SELECT contact_a FROM ties WHERE contact_b = ?",
                (contact_id, contact_id),
            )
        ]

    # ------------------------------------------------------------------ interactions
    def log_interaction(self, contact_id: int, kind: str, date: str, note: str = "") -> int:
        """Log that I met, gave to, or asked something of a contact on *date*."""
        if kind not in INTERACTION_KINDS:
            raise LeadNetError(
                f"'{kind}' is not a kind of interaction",
                fix=f"Use one of {', '.join(INTERACTION_KINDS)}.",
            )
        name = self.contact(contact_id).name
        with self._write(contacts=False, ties=False) as conn:
            iid = conn.execute(
                "INSERT INTO interactions (contact_id, date, kind, note) VALUES (?, ?, ?, ?) "
                "RETURNING id",
                (contact_id, date, kind, normalise_text(note)),
            ).one()[0]
            log_undo(conn, f"logged '{kind}' with {name}", [{"op": "drop_interaction", "id": iid}])
        return int(iid)

    def interactions(self) -> list[Interaction]:
        """The interaction log, oldest first."""
        return [
            Interaction(r["contact_id"], r["date"], r["kind"], r["note"], r["id"])
            for r in self._conn.execute("SELECT * FROM interactions ORDER BY date, id")
        ]
