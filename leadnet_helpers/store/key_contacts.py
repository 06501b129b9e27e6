"""Key contacts: which people the person chose as the network that matters.

A LinkedIn export brings thousands of connections; a leader's network is the
few dozen relationships that do the work. The person keeps those as *key
contacts* (accepted from the shortlist, or added by hand); everyone else stays
in the workspace as the wider network, counted but never triaged card by
card. Every change of membership is one transaction and one undo entry.
Mixed into :class:`~leadnet_helpers.store.Workspace`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import LeadNetError
from .base import WorkspaceBase
from .connection import LockedConnection, now
from .undo import UNDO_OPS, log_undo

__all__ = ["KeyContactsMixin", "drop_keys", "restore_keys"]


def restore_keys(conn: LockedConnection, op: dict) -> None:
    """Undo operation ``restore_keys``: put back key-contact rows as they were."""
    conn.executemany(
        "INSERT OR REPLACE INTO key_contacts (contact_id, added_at, reason) "
        "SELECT :contact_id, :added_at, :reason WHERE EXISTS "
        "(SELECT 1 FROM contacts WHERE id = :contact_id)",
        op["rows"],
    )


def drop_keys(conn: LockedConnection, op: dict) -> None:
    """Undo operation ``drop_keys``: take contacts out of the key contacts."""
    conn.executemany("DELETE FROM key_contacts WHERE contact_id = ?", [(i,) for i in op["ids"]])


UNDO_OPS.update(restore_keys=restore_keys, drop_keys=drop_keys)


def _has_table(conn: LockedConnection) -> bool:
    # A read-only open of an older workspace may predate the table.
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'key_contacts'"
    ).fetchone()
    return row is not None


class KeyContactsMixin(WorkspaceBase):
    """Reading and changing the key contacts."""

    def key_contacts(self) -> dict[int, str]:
        """The key contacts: contact id -> why they were added (``""`` when by hand).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from leadnet_helpers.store import Workspace
        >>> from leadnet_helpers.model import Contact, Profile
        >>> ws = Workspace.create(
        ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile(name="Ana")
        ... )
        >>> ids = [ws.add_contact(Contact(name=n)) for n in ("Bo", "Cy")]
        >>> ws.set_key_contacts({ids[0]: "named in a prompt"})
        1
        >>> ws.key_contacts()
        {1: 'named in a prompt'}
        >>> ws.set_key_contacts([ids[0]], key=False)
        1
        >>> ws.undo(), ws.key_contacts()
        ('Undid: removed 1 key contact', {1: 'named in a prompt'})
        >>> ws.close()
        """
        if not _has_table(self._conn):
            return {}
        return {
            int(r[0]): str(r[1])
            for r in self._conn.execute(
                "SELECT contact_id, reason FROM key_contacts ORDER BY contact_id"
            )
        }

    def set_key_contacts(
        self,
        ids: Iterable[int] | Mapping[int, str],
        *,
        key: bool = True,
        description: str | None = None,
    ) -> int:
        """Add contacts to the key contacts (``key=True``) or take them out; return how many changed.

        Parameters
        ----------
        ids : iterable of int, or mapping id -> reason
            The contacts (with the reason each is added, when a mapping).
        key : bool
            Add (default) or remove.
        description : str, optional
            What the undo entry says (default: "added N key contacts").

        Raises
        ------
        LeadNetError
            When an id is not a contact of this workspace.
        """
        reasons = dict(ids) if isinstance(ids, Mapping) else dict.fromkeys(ids, "")
        wanted = {int(i): str(r) for i, r in reasons.items()}
        if not wanted:
            return 0
        stamp = now()
        with self._write() as conn:
            known = {
                int(r[0])
                for r in conn.execute(
                    f"SELECT id FROM contacts WHERE id IN ({','.join('?' * len(wanted))})",
                    list(wanted),
                )
            }
            unknown = sorted(set(wanted) - known)
            if unknown:
                raise LeadNetError(
                    f"there is no contact with id {unknown[0]}",
                    fix="Pick contacts from the shortlist or `leadnet contacts WORKSPACE`.",
                )
            before = {
                int(r["contact_id"]): dict(r)
                for r in conn.execute(
                    "SELECT contact_id, added_at, reason FROM key_contacts "
                    f"WHERE contact_id IN ({','.join('?' * len(wanted))})",
                    list(wanted),
                )
            }
            ops: list[dict]
            if key:
                changed = [i for i in wanted if i not in before or before[i]["reason"] != wanted[i]]
                rows = [(i, before.get(i, {}).get("added_at", stamp), wanted[i]) for i in changed]
                conn.executemany("INSERT OR REPLACE INTO key_contacts VALUES (?, ?, ?)", rows)
                ops = [
                    {"op": "drop_keys", "ids": [i for i in changed if i not in before]},
                    {"op": "restore_keys", "rows": [before[i] for i in changed if i in before]},
                ]
                words = f"added {_count(len(changed))}"
            else:
                changed = sorted(before)
                conn.executemany(
                    "DELETE FROM key_contacts WHERE contact_id = ?", [(i,) for i in changed]
                )
                ops = [{"op": "restore_keys", "rows": [before[i] for i in changed]}]
                words = f"removed {_count(len(changed))}"
            if changed:
                log_undo(conn, description or words, ops)
        return len(changed)

    def clear_key_contacts(self) -> int:
        """Take everyone out of the key contacts (undoable); return how many there were."""
        return self.set_key_contacts(list(self.key_contacts()), key=False)


def _count(n: int) -> str:
    return f"{n} key contact" + ("" if n == 1 else "s")
