"""The :class:`Workspace` class: opening, closing and copying a workspace, and its profile.

What a workspace holds is read and changed through methods grouped by topic
in the mixins it is made of: :mod:`.contacts`, :mod:`.ties` (and
interactions), :mod:`.decisions`, :mod:`.key_contacts`, :mod:`.plans`,
:mod:`.snapshots`, :mod:`.imports`, :mod:`.roles`, :mod:`.undo` and :mod:`.sharing`. This
class gives them the connection (``_conn``, for reads) and the write transaction (``_write()``).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, Self

from ..errors import WorkspaceBusy, WorkspaceError
from ..model import Profile, normalise_text
from . import connection
from .connection import LockedConnection, connect, create_file, is_busy, now
from .contacts import ContactsMixin
from .decisions import DecisionsMixin
from .imports import ImportsMixin
from .key_contacts import KeyContactsMixin
from .plans import PlansMixin
from .roles import RolesMixin
from .rows import insert_contacts
from .schema import check_version, schema_version
from .sharing import SharingMixin
from .snapshots import SnapshotsMixin
from .ties import TiesMixin
from .undo import UndoMixin

__all__ = ["Workspace"]


class Workspace(
    ContactsMixin,
    TiesMixin,
    DecisionsMixin,
    KeyContactsMixin,
    PlansMixin,
    SnapshotsMixin,
    ImportsMixin,
    RolesMixin,
    UndoMixin,
    SharingMixin,
):
    """One person's workspace, stored in a single SQLite file.

    Use :meth:`create` for a new workspace and :meth:`open` for an existing
    one. Every method that changes something runs as one transaction.

    Parameters
    ----------
    path : str or Path
        The workspace file.
    read_only : bool
        Open without the right to change anything (used for shared samples).
    session : str, optional
        Whose changes :meth:`undo` takes back: by default a new id for this
        object (one notebook kernel, one CLI command), so one notebook's Undo
        never takes back another's change.
    max_wait : float, optional
        Seconds (default :data:`~.connection.MAX_WAIT`) a change waits for another notebook or command that is saving
        before giving up with :class:`~leadnet_helpers.errors.WorkspaceBusy`.
    on_wait : callable, optional
        ``on_wait(message)``, told while a change waits (else logged to the
        ``leadnet_helpers.store`` logger). Settable later as :attr:`on_wait`.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        session: str | None = None,
        max_wait: float | None = None,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.session = session or uuid.uuid4().hex[:16]
        if not self.path.exists():
            raise WorkspaceError(
                "there is no workspace here",
                file=str(self.path),
                fix="Create one first (notebook 00, or `leadnet init`).",
            )
        self._conn = connect(self.path, read_only=read_only)
        self._conn.session = self.session
        self._conn.max_wait = connection.MAX_WAIT if max_wait is None else max_wait
        self._conn.on_wait = on_wait
        check_version(self._conn, name=self.path.name, read_only=read_only)

    # ------------------------------------------------------------------ opening
    @classmethod
    def create(
        cls, path: str | Path, profile: Profile, *, exist_ok: bool = False, **options: Any
    ) -> Workspace:
        """Create a new workspace at *path* for *profile* and open it.

        Raises
        ------
        WorkspaceError
            When a workspace already exists there (unless ``exist_ok``).
        """
        path = Path(path)
        if path.exists() and not exist_ok:
            raise WorkspaceError(
                "a workspace already exists here",
                file=str(path),
                fix="Open it instead, or choose another file name.",
            )
        if not normalise_text(profile.name):
            raise WorkspaceError("a workspace needs the person's name", fix="Type your name.")
        create_file(path)
        ws = cls(path, **options)
        if ws.profile() is None:
            ws.set_profile(profile)
        return ws

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, **options: Any) -> Workspace:
        """Open an existing workspace (*options*: ``session``, ``max_wait``, ``on_wait``)."""
        return cls(path, read_only=read_only, **options)

    @property
    def on_wait(self) -> Callable[[str], None] | None:
        """``on_wait(message)``, told while a change waits for another writer (or None)."""
        return self._conn.on_wait

    @on_wait.setter
    def on_wait(self, callback: Callable[[str], None] | None) -> None:
        self._conn.on_wait = callback

    @property
    def schema_version(self) -> int:
        """The workspace's format version."""
        return schema_version(self._conn)

    def close(self) -> None:
        """Close the workspace file."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r}, contacts={self.count_contacts()})"

    @contextmanager
    def _write(self, *, contacts: bool = True, ties: bool = True) -> Iterator[LockedConnection]:
        """Run the block as one transaction: all of it is saved, or none.

        ``contacts=False`` promises the block leaves the contacts table alone
        (a tie, a log entry, a decision, a plan): the contacts read last stay
        current (see :meth:`contacts`). ``ties=False`` promises the same of the
        ties (a log entry; see :meth:`ties`).
        """
        if self.read_only:
            raise WorkspaceError(
                "this workspace is open read-only (a shared sample)",
                file=self.path.name,
                fix="Make your own copy to change it (notebook 00: 'Explore the sample').",
            )
        with self._conn.lock:  # the kept contacts are checked and renewed with the write
            kept = not contacts and self._contacts_current()
            kept_ties = not ties and self._ties_current()
            try:
                with self._conn.transaction() as conn:
                    yield conn
            except sqlite3.OperationalError as exc:  # a last resort: never a raw "locked"
                if is_busy(exc):
                    raise WorkspaceBusy(self._conn.max_wait, file=self.path.name) from None
                raise
            if kept:
                self._contacts_still_current()
            if kept_ties:
                self._ties_still_current()

    def revision(self) -> tuple[int, int]:
        """A cheap stamp that changes whenever anything in the file changes.

        Any commit counts: one made through this object, or by another
        notebook or command on the same file (SQLite's ``data_version`` and
        this connection's change count). Views and the analysis compare it to
        know whether what they computed is still current.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from leadnet_helpers.model import Contact, Profile
        >>> ws = Workspace.create(
        ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile(name="Ana")
        ... )
        >>> before = ws.revision()
        >>> _ = ws.add_contact(Contact(name="Bo"))
        >>> ws.revision() != before
        True
        >>> ws.close()
        """
        with self._conn.lock:
            version = self._conn.raw.execute("PRAGMA data_version").fetchone()[0]
            return int(version), int(self._conn.raw.total_changes)

    #: Insert contacts inside a ``_write()`` block; return their new ids (fast set-up).
    _insert = staticmethod(insert_contacts)

    def copy_to(self, path: str | Path) -> Path:
        """Copy the whole workspace into *path*, creating or overwriting it.

        Uses SQLite's online backup, so it is safe while *path* is open in
        another notebook: that notebook sees the new content, never a broken file.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn.backup_to(path)
        return path

    def integrity_ok(self) -> bool:
        """True when SQLite's own integrity check finds nothing wrong."""
        return self._conn.execute("PRAGMA integrity_check").one()[0] == "ok"

    # ------------------------------------------------------------------ profile
    def profile(self) -> Profile | None:
        """The person whose network this is."""
        row = self._conn.execute("SELECT * FROM profile WHERE id = 1").fetchone()
        if row is None:
            return None
        return Profile(**{f.name: row[f.name] or "" for f in fields(Profile)})

    def set_profile(self, profile: Profile) -> None:
        """Save the profile (replacing the previous one)."""
        values = {k: normalise_text(v) for k, v in asdict(profile).items()}
        if not values["name"]:
            raise WorkspaceError("the profile needs a name", fix="Type your name.")
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO profile (id, name, organisation, role, function, industry,"
                " seniority, career_stage, updated_at) VALUES (1, :name, :organisation, :role,"
                " :function, :industry, :seniority, :career_stage, :now)",
                {**values, "now": now()},
            )
