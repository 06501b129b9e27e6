"""The workspace's contacts: count, list, look up, add, edit and delete them.

Mixed into :class:`~leadnet_helpers.store.Workspace`, which gives it ``_conn``
(reads) and ``_write()`` (one write transaction). Each change is logged for
undo.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..errors import EditConflict, FieldConflict, LeadNetError, WorkspaceError
from ..merge import contact_keys
from ..model import Contact, contact_from_row, name_key, normalise_text
from .base import WorkspaceBase
from .connection import now
from .rows import (
    COLUMNS,
    SELECT,
    cell,
    contacts_from_db,
    from_db,
    insert_contacts,
    record_keys,
    to_json,
)
from .undo import log_undo

__all__ = ["ContactsMixin"]


def _cells(contact: Contact | Mapping[str, object]) -> dict[str, str]:
    """A contact, or the values a form loaded, as normalised template text."""
    row = contact.to_row() if isinstance(contact, Contact) else contact
    return {k: normalise_text(v if isinstance(v, str) else cell(v)) for k, v in row.items()}


def _mark(row: tuple) -> bytes:
    """A short fingerprint of one contact's row as read with ``SELECT`` (its cells and id).

    Marshal's format 2: the later ones mark objects referenced elsewhere, so the
    same cells would give other bytes depending on what else holds them.
    """
    return hashlib.blake2b(marshal.dumps(row, 2), digest_size=8).digest()


class ContactsMixin(WorkspaceBase):
    """Reading and changing the contacts."""

    #: The contacts read last: (revision, contacts, contact id -> position).
    _contacts_read: tuple[tuple[int, int], list[Contact], dict[int | None, int]] | None = None
    #: Their fingerprints, one per contact in the same order (see :meth:`contacts_digest`).
    _contact_marks: list[bytes] | None = None

    def count_contacts(self) -> int:
        """How many contacts the workspace holds."""
        return int(self._conn.execute("SELECT count(*) FROM contacts").one()[0])

    def contacts(self) -> list[Contact]:
        """All contacts, in the order they were added.

        Read once per change of the file (:meth:`revision`) and kept: the
        analysis and every view of a notebook share one read, and a contact
        added or edited through this object is patched in without reading the
        others again. The list is new at each call; treat the contacts in it
        as read-only (change them with :meth:`update_contact`).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from leadnet_helpers.model import Profile
        >>> from leadnet_helpers.store import Workspace
        >>> ws = Workspace.create(
        ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana")
        ... )
        >>> bo = ws.add_contact(Contact("Bo"))
        >>> _ = ws.update_contact(bo, organisation="Acme")
        >>> [(c.name, c.organisation) for c in ws.contacts()]
        [('Bo', 'Acme')]
        >>> ws.close()
        """
        with self._conn.lock:  # the kept list is shared by the kernel's threads
            stamp = self.revision()
            cached = self._contacts_read
            if cached is None or cached[0] != stamp:
                rows = self._conn.tuples(f"{SELECT} ORDER BY id")
                read = contacts_from_db(rows)
                cached = (stamp, read, {c.id: i for i, c in enumerate(read)})
                self._contacts_read, self._contact_marks = cached, [_mark(r) for r in rows]
            return list(cached[1])

    def contacts_digest(self) -> str:
        """A fingerprint of every contact as stored now: equal digests, equal contacts.

        Unlike :meth:`revision`, it survives closing the file: another kernel
        or another day that reads the same contacts gets the same digest (the
        analysis keeps its classification on disk under it). Worked out from
        the contacts read last, and kept up to date when one is added or saved
        through this object.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from leadnet_helpers.model import Profile
        >>> from leadnet_helpers.store import Workspace
        >>> ws = Workspace.create(
        ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana")
        ... )
        >>> bo = ws.add_contact(Contact("Bo"))
        >>> before = ws.contacts_digest()
        >>> _ = ws.update_contact(bo, organisation="Acme")
        >>> ws.contacts_digest() != before
        True
        >>> ws.close()
        """
        with self._conn.lock:
            self.contacts()
            if self._contact_marks is None:  # pragma: no cover - set with every read
                self._contacts_read = None
                self.contacts()
            marks = self._contact_marks or []
            return hashlib.blake2b(b"".join(marks), digest_size=16).hexdigest()

    def _contacts_current(self) -> bool:
        """Whether the contacts read last are those of the file now (before a write)."""
        cached = self._contacts_read
        return cached is not None and cached[0] == self.revision()

    def _contacts_still_current(self) -> None:
        """After a write that left the contacts alone: the contacts read last are current."""
        cached = self._contacts_read
        stamp = self.revision()
        if cached is not None and cached[0][0] == stamp[0]:  # no other connection wrote
            self._contacts_read = (stamp, cached[1], cached[2])
        else:
            self._contacts_read = None

    def _patch_contacts(self, was_current: bool, contact: Contact) -> None:
        """Put one contact this object just added or saved into the contacts read last.

        Only when they were current before the write and no other connection
        committed since (SQLite's ``data_version`` did not move); otherwise the
        next :meth:`contacts` reads them all again.
        """
        cached, self._contacts_read = self._contacts_read, None
        marks, self._contact_marks = self._contact_marks, None
        stamp = self.revision()
        if not was_current or cached is None or cached[0][0] != stamp[0]:
            return
        _, read, where = cached
        at = where.get(contact.id)
        if at is None:
            if read and (read[-1].id or 0) > (contact.id or 0):
                return  # not the newest id: the order would be wrong, read again
            where[contact.id] = len(read)
            read.append(contact)
        else:
            read[at] = contact
        if marks is not None:
            row = self._conn.execute(f"{SELECT} WHERE id = ?", (contact.id,)).fetchone()
            if row is None:
                return  # gone meanwhile: read them all again
            if at is None:
                marks.append(_mark(tuple(row)))
            else:
                marks[at] = _mark(tuple(row))
        self._contacts_read, self._contact_marks = (stamp, read, where), marks

    def contact(self, contact_id: int) -> Contact:
        """One contact by id.

        Raises
        ------
        WorkspaceError
            When there is no such contact.
        """
        row = self._conn.execute(f"{SELECT} WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            raise WorkspaceError(
                f"there is no contact with id {contact_id}", fix="Refresh the list of contacts."
            )
        return from_db(tuple(row))

    def find_contacts(self, name: str) -> list[Contact]:
        """Contacts whose name matches *name* (ignoring case, accents and order)."""
        rows = self._conn.execute(
            f"{SELECT} WHERE name_key = ? ORDER BY id", (name_key(name),)
        ).fetchall()
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
        contact = replace(
            contact, name=normalise_text(contact.name), source=contact.source or source
        )
        if not contact.name:
            raise LeadNetError("a contact needs a name", fix="Type a name.")
        with self._conn.lock:  # check, write and patch as one step for every thread
            current = self._contacts_current()
            with self._write() as conn:
                (cid,) = insert_contacts(conn, [contact])
                record_keys(conn, dict.fromkeys(contact_keys(contact), cid))
                log_undo(conn, f"added {contact.name}", [{"op": "delete", "ids": [cid]}])
                saved = from_db(tuple(conn.execute(f"{SELECT} WHERE id = ?", (cid,))[0]))
            self._patch_contacts(current, saved)
        return cid

    def update_contact(
        self,
        contact_id: int,
        *,
        expected: Contact | Mapping[str, object] | None = None,
        **changes: object,
    ) -> Contact:
        """Change some fields of a contact; return the contact as saved.

        Values may be given as template text (``strength="4"``,
        ``gives_me="support;insight"``) or as typed values. The contact is
        read inside the write transaction and only the fields that change are
        written, so a change another notebook made to another field survives.

        Parameters
        ----------
        contact_id : int
        expected : Contact or mapping, optional
            The contact as the person loaded it (the form's starting values).
            When given, a changed field whose stored value is no longer the
            loaded one (someone else changed that same field meanwhile) stops
            the save with :class:`~leadnet_helpers.errors.EditConflict`.
        **changes
            Field name -> new value.

        Raises
        ------
        EditConflict
            When someone else changed one of these fields since *expected*
            was loaded; nothing is written.
        LeadNetError
            When a value cannot be understood; nothing is written.
        WorkspaceBusy
            When another notebook or command kept the file busy too long.
        """
        loaded = _cells(expected) if expected is not None else None
        typed = {
            k: normalise_text(v if isinstance(v, str) else cell(v)) for k, v in changes.items()
        }
        with self._conn.lock:  # check, write and patch as one step for every thread
            current = self._contacts_current()
            saved = self._update(contact_id, loaded, typed)
            self._patch_contacts(current, saved)
        return saved

    def _update(
        self, contact_id: int, loaded: dict[str, str] | None, typed: dict[str, str]
    ) -> Contact:
        """:meth:`update_contact`'s transaction: the contact as saved (or as it was)."""
        with self._write() as conn:
            row = conn.execute(f"{SELECT} WHERE id = ?", (contact_id,)).fetchone()
            if row is None:
                raise WorkspaceError(
                    f"there is no contact with id {contact_id}", fix="Refresh the list of contacts."
                )
            before = from_db(tuple(row))
            stored, now_cells = before.to_row(), _cells(before)
            if loaded is not None:
                conflicts = {
                    k: FieldConflict(loaded[k], now_cells[k], typed[k])
                    for k in typed
                    if k in now_cells
                    and k in loaded
                    and loaded[k] != now_cells[k]
                    and typed[k] != now_cells[k]
                }
                if conflicts:
                    raise EditConflict(before.name, conflicts, contact_id)
            after, warnings = contact_from_row(
                {**stored, **typed, "emails": ";".join(before.emails)}
            )
            if warnings:
                raise LeadNetError(warnings[0], fix="Correct the value and save again.")
            after = replace(after, id=contact_id, extra=before.extra, source=before.source)
            old, new = to_json(before), to_json(after)
            written = [c for c in COLUMNS if old[c] != new[c] and (c in typed or c == "emails")]
            if not written:
                return before
            sets = ", ".join(f"{c} = ?" for c in written)
            conn.execute(
                f"UPDATE contacts SET {sets}, name_key = ?, updated_at = ? WHERE id = ?",
                (*(new[c] for c in written), name_key(after.name), now(), contact_id),
            )
            record_keys(conn, dict.fromkeys(contact_keys(after), contact_id))
            log_undo(
                conn,
                f"edited {before.name}",
                [
                    {
                        "op": "set_fields",
                        "id": contact_id,
                        "before": {c: old[c] for c in written},
                        "after": {c: new[c] for c in written},
                    },
                ],
            )
            return from_db(tuple(conn.execute(f"{SELECT} WHERE id = ?", (contact_id,))[0]))

    def delete_contacts(self, contact_ids: Iterable[int]) -> int:
        """Delete contacts (with their ties and log); :meth:`undo` brings them back."""
        ids = [int(i) for i in contact_ids]
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        conn = self._conn
        before = [
            to_json(from_db(tuple(r))) for r in conn.execute(f"{SELECT} WHERE id IN ({marks})", ids)
        ]
        ties = [
            dict(r)
            for r in conn.execute(
                f"SELECT * FROM ties WHERE contact_a IN ({marks}) OR contact_b IN ({marks})",
                ids + ids,
            )
        ]
        logs = [
            dict(r)
            for r in conn.execute(f"SELECT * FROM interactions WHERE contact_id IN ({marks})", ids)
        ]
        keys = [
            dict(r)
            for r in conn.execute(f"SELECT * FROM contact_keys WHERE contact_id IN ({marks})", ids)
        ]
        names = ", ".join(str(c["name"]) for c in before[:3]) + ("..." if len(before) > 3 else "")
        with self._write() as conn:
            conn.execute(f"DELETE FROM contacts WHERE id IN ({marks})", ids)
            log_undo(
                conn,
                f"deleted {names}",
                [
                    {
                        "op": "restore",
                        "rows": before,
                        "ties": ties,
                        "interactions": logs,
                        "keys": keys,
                    },
                ],
            )
        return len(before)
