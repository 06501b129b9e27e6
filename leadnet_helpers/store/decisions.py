"""Classification decisions: which network each contact belongs to, and who decided.

A decision is the rules' suggestion (``decided_by = 'rules'``) or the
person's own (``decided_by = 'person'``); a person's decision is never
replaced by a suggestion. Mixed into :class:`~leadnet_helpers.store.Workspace`,
which gives it ``_conn`` (reads) and ``_write()`` (one write transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..errors import LeadNetError
from ..model import NETWORK_TYPES
from .base import WorkspaceBase
from .connection import LockedConnection, now
from .undo import UNDO_OPS, log_undo

__all__ = ["DECIDERS", "DecisionsMixin"]

#: Who can decide a contact's network: the classifier's rules, or the person.
DECIDERS = ("rules", "person")

_UPSERT = (
    "INSERT INTO classifications (contact_id, network_type, secondary_types, confidence,"
    " reasons, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT(contact_id) DO UPDATE SET network_type = excluded.network_type,"
    " secondary_types = excluded.secondary_types, confidence = excluded.confidence,"
    " reasons = excluded.reasons, decided_by = excluded.decided_by,"
    " decided_at = excluded.decided_at"
)


def _check_type(network_type: object) -> None:
    if network_type not in NETWORK_TYPES:
        raise LeadNetError(
            f"'{network_type}' is not a network type", fix=f"Use one of {', '.join(NETWORK_TYPES)}."
        )


def restore_decisions(conn: LockedConnection, op: dict) -> None:
    """Undo operation ``restore_decisions``: put classification rows back as they were."""
    conn.executemany(
        "DELETE FROM classifications WHERE contact_id = ?", [(i,) for i in op.get("drop", [])]
    )
    conn.executemany(
        "INSERT OR REPLACE INTO classifications (contact_id, network_type, secondary_types,"
        " confidence, reasons, decided_by, decided_at) SELECT :contact_id, :network_type,"
        " :secondary_types, :confidence, :reasons, :decided_by, :decided_at"
        " WHERE EXISTS (SELECT 1 FROM contacts WHERE id = :contact_id)",
        op.get("rows", []),
    )


UNDO_OPS["restore_decisions"] = restore_decisions


class DecisionsMixin(WorkspaceBase):
    """Reading and saving classification decisions."""

    def decisions(self) -> dict[int, dict[str, object]]:
        """Stored classification decisions by contact id.

        Each is a dict of the stored columns: ``contact_id``, ``network_type``,
        ``secondary_types`` (``;``-joined text), ``confidence``, ``reasons``
        (JSON text: a list of strings), ``decided_by`` and ``decided_at``.
        """
        return {
            r["contact_id"]: dict(r) for r in self._conn.execute("SELECT * FROM classifications")
        }

    def person_decisions(self) -> dict[int, str]:
        """The network type the person decided for each contact they decided (id -> type).

        Reads the person's rows alone (the rules' suggestions, one per
        contact, are left in the file).
        """
        return {
            int(r[0]): str(r[1])
            for r in self._conn.execute(
                "SELECT contact_id, network_type FROM classifications WHERE decided_by = 'person'"
            )
        }

    def decide(self, contact_id: int, network_type: str, *, by: str = "person") -> None:
        """Record a classification decision for a contact."""
        _check_type(network_type)
        with self._write(contacts=False) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO classifications (contact_id, network_type, decided_by,"
                " decided_at) VALUES (?, ?, ?, ?)",
                (contact_id, network_type, by, now()),
            )

    def save_classifications(
        self, rows: Iterable[Sequence[object]], *, by: str, undo: str | None = None
    ) -> None:
        """Save many classifications in one transaction.

        ``by="rules"`` stores the classifier's suggestions and never touches a
        contact whose decision a person made (even one made meanwhile);
        ``by="person"`` records the person's decisions, replacing suggestions.

        Parameters
        ----------
        rows : iterable of tuples
            ``(contact_id, network_type, secondary_types, confidence, reasons)``
            in the stored form :meth:`decisions` reads back: *secondary_types*
            the other close types joined with ``;`` (``""`` for none),
            *confidence* a number from 0 to 1, *reasons* JSON text of a list of
            strings.
        by : {"rules", "person"}
            Who decided.
        undo : str, optional
            When given, the change is one undo entry with this description
            (the decisions as they were before come back on undo).

        Raises
        ------
        LeadNetError
            When *by* or a row's *network_type* is not a known one.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from leadnet_helpers.store import Workspace
        >>> from leadnet_helpers.model import Contact, Profile
        >>> ws = Workspace.create(
        ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile(name="Ana")
        ... )
        >>> cid = ws.add_contact(Contact(name="Bo"))
        >>> ws.decide(cid, "strategic")
        >>> ws.save_classifications([(cid, "personal", "", 0.8, '["a friend"]')], by="rules")
        >>> ws.decisions()[cid]["network_type"]  # the person's decision stays
        'strategic'
        >>> ws.save_classifications([(cid, "personal", "", 1.0, "[]")], by="person")
        >>> ws.decisions()[cid]["network_type"]
        'personal'
        >>> ws.close()
        """
        if by not in DECIDERS:
            raise LeadNetError(
                f"'{by}' cannot decide a classification", fix=f"Use one of {', '.join(DECIDERS)}."
            )
        rows = list(rows)
        if not rows:
            return
        for row in rows:
            _check_type(row[1])
        if by == "rules":  # a suggestion saved already as it is now is not written again
            saved = {
                r[0]: tuple(r)
                for r in self._conn.execute(
                    "SELECT contact_id, network_type, secondary_types, confidence, reasons "
                    "FROM classifications WHERE decided_by = 'rules'"
                )
            }
            rows = [row for row in rows if saved.get(row[0]) != tuple(row)]
            if not rows:
                return
        stamp = now()
        guard = " WHERE classifications.decided_by = 'rules'" if by == "rules" else ""
        with self._write(contacts=False) as conn:
            if undo is not None:
                ids = [int(str(row[0])) for row in rows]
                before = {
                    int(r["contact_id"]): dict(r)
                    for r in conn.execute(
                        f"SELECT * FROM classifications WHERE contact_id IN "
                        f"({','.join('?' * len(ids))})",
                        ids,
                    )
                }
                ops = [
                    {
                        "op": "restore_decisions",
                        "drop": [i for i in ids if i not in before],
                        "rows": list(before.values()),
                    }
                ]
                log_undo(conn, undo, ops)
            conn.executemany(_UPSERT + guard, [(*row, by, stamp) for row in rows])
