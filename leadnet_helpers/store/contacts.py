"""The workspace's contacts: count, list, look up, add, edit and delete them.

Mixed into :class:`~leadnet_helpers.store.Workspace`, which gives it ``_conn``
(reads) and ``_write()`` (one write transaction). Each change is logged for
undo.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..errors import LeadNetError, WorkspaceError
from ..merge import contact_keys
from ..model import Contact, contact_from_row, name_key, normalise_text
from .base import WorkspaceBase
from .rows import SELECT, cell, from_db, insert_contacts, record_keys, to_json, update_contacts
from .undo import log_undo

__all__ = ["ContactsMixin"]


class ContactsMixin(WorkspaceBase):
    """Reading and changing the contacts."""

    def count_contacts(self) -> int:
        """How many contacts the workspace holds."""
        return int(self._conn.execute("SELECT count(*) FROM contacts").one()[0])

    def contacts(self) -> list[Contact]:
        """All contacts, in the order they were added."""
        rows = self._conn.execute(f"{SELECT} ORDER BY id").fetchall()
        return [from_db(tuple(r)) for r in rows]

    def contact(self, contact_id: int) -> Contact:
        """One contact by id.

        Raises
        ------
        WorkspaceError
            When there is no such contact.
        """
        row = self._conn.execute(f"{SELECT} WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            raise WorkspaceError(f"there is no contact with id {contact_id}",
                                 fix="Refresh the list of contacts.")
        return from_db(tuple(row))

    def find_contacts(self, name: str) -> list[Contact]:
        """Contacts whose name matches *name* (ignoring case, accents and order)."""
        rows = self._conn.execute(
            f"{SELECT} WHERE name_key = ? ORDER BY id", (name_key(name),)).fetchall()
        return [from_db(tuple(r)) for r in rows]

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
            (cid,) = insert_contacts(conn, [contact])
            record_keys(conn, dict.fromkeys(contact_keys(contact), cid))
            log_undo(conn, f"added {contact.name}", [{"op": "delete", "ids": [cid]}])
        return cid

    def update_contact(self, contact_id: int, **changes: object) -> Contact:
        """Change some fields of a contact; return the contact as saved.

        Values may be given as template text (``strength="4"``,
        ``gives_me="support;insight"``) or as typed values.
        """
        before = self.contact(contact_id)
        row = before.to_row()
        row.update({k: v if isinstance(v, str) else cell(v) for k, v in changes.items()})
        after, warnings = contact_from_row({**row, "emails": ";".join(before.emails)})
        if warnings:
            raise LeadNetError(warnings[0], fix="Correct the value and save again.")
        after = replace(after, id=contact_id, extra=before.extra, source=before.source)
        with self._write() as conn:
            update_contacts(conn, [after])
            record_keys(conn, dict.fromkeys(contact_keys(after), contact_id))
            log_undo(conn, f"edited {before.name}",
                     [{"op": "restore", "rows": [to_json(before)]}])
        return after

    def delete_contacts(self, contact_ids: Iterable[int]) -> int:
        """Delete contacts (with their ties and log); :meth:`undo` brings them back."""
        ids = [int(i) for i in contact_ids]
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        conn = self._conn
        before = [to_json(from_db(tuple(r))) for r in
                  conn.execute(f"{SELECT} WHERE id IN ({marks})", ids)]
        ties = [dict(r) for r in conn.execute(
            f"SELECT * FROM ties WHERE contact_a IN ({marks}) OR contact_b IN ({marks})",
            ids + ids)]
        logs = [dict(r) for r in conn.execute(
            f"SELECT * FROM interactions WHERE contact_id IN ({marks})", ids)]
        keys = [dict(r) for r in conn.execute(
            f"SELECT * FROM contact_keys WHERE contact_id IN ({marks})", ids)]
        names = ", ".join(str(c["name"]) for c in before[:3]) + ("..." if len(before) > 3 else "")
        with self._write() as conn:
            conn.execute(f"DELETE FROM contacts WHERE id IN ({marks})", ids)
            log_undo(conn, f"deleted {names}", [
                {"op": "restore", "rows": before, "ties": ties, "interactions": logs,
                 "keys": keys},
            ])
        return len(before)
