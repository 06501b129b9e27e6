"""What the workspace's mixins may use of :class:`~leadnet_helpers.store.Workspace`.

Each mixin (:mod:`.contacts`, :mod:`.ties`, ...) reads through ``_conn`` and
writes through ``_write()``, and a few call a method of another mixin. This
base class declares those for the type checker only; ``Workspace`` provides
them.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from .connection import LockedConnection

if TYPE_CHECKING:
    from ..model import Contact, Tie

__all__ = ["WorkspaceBase"]


class WorkspaceBase:
    """The connection, the write transaction and the reads the mixins share."""

    _conn: LockedConnection
    read_only: bool
    session: str

    if TYPE_CHECKING:  # defined by Workspace and the other mixins

        def _write(
            self, *, contacts: bool = True, ties: bool = True
        ) -> AbstractContextManager[LockedConnection]: ...

        def _ties_current(self) -> bool: ...

        def _ties_still_current(self) -> None: ...

        def _contacts_current(self) -> bool: ...

        def _contacts_still_current(self) -> None: ...

        def revision(self) -> tuple[int, int]: ...

        def contact(self, contact_id: int) -> Contact: ...

        def contacts(self) -> list[Contact]: ...

        def ties(self) -> list[Tie]: ...

        def decisions(self) -> dict[int, dict[str, object]]: ...
