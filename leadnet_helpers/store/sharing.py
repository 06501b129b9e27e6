"""What the person chose to share with their coach: share id, pseudonym, offers and asks.

Mixed into :class:`~leadnet_helpers.store.Workspace`. The share id is random,
made once and kept, so a share written at the start of a programme and one
written weeks later pair up in the coach's view without naming anyone. The
offers and asks are kept as plain JSON lists (what :mod:`leadnet_helpers.share`
checks and writes), so the notebook, the app and ``leadnet share`` edit the
same choices.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .base import WorkspaceBase
from .connection import now

__all__ = ["SharingMixin", "new_share_id"]


def new_share_id() -> str:
    """A new random share id: 32 hexadecimal digits, tied to nothing about the person.

    Examples
    --------
    >>> a, b = new_share_id(), new_share_id()
    >>> len(a), a != b, set(a) <= set("0123456789abcdef")
    (32, True, True)
    """
    import secrets  # here: only a share needs it, not every command that opens a workspace

    return secrets.token_hex(16)


class SharingMixin(WorkspaceBase):
    """Reading and saving the share settings."""

    def share_settings(self) -> dict[str, Any] | None:
        """The saved share settings, or None when nothing was saved yet.

        Returns ``{"share_id", "pseudonym", "offers", "asks"}``; ``offers`` and
        ``asks`` are lists of ``{"kind", "area", "phrase"}`` mappings.
        """
        try:
            row = self._conn.execute(
                "SELECT share_id, pseudonym, offers, asks FROM share_settings WHERE id = 1"
            ).fetchone()
        except sqlite3.OperationalError:  # an older workspace opened read-only
            return None
        if row is None:
            return None
        return {
            "share_id": row[0],
            "pseudonym": row[1],
            "offers": json.loads(row[2]),
            "asks": json.loads(row[3]),
        }

    def share_id(self) -> str:
        """The workspace's share id, made (and saved) the first time it is asked for.

        A workspace open read-only that has none gets a new one each time: its
        shares cannot be paired (said by :mod:`leadnet_helpers.share`).
        """
        saved = self.share_settings()
        if saved is not None:
            return str(saved["share_id"])
        made = new_share_id()
        if not self.read_only:
            with self._write() as conn:
                conn.execute(
                    "INSERT OR IGNORE INTO share_settings (id, share_id, updated_at) "
                    "VALUES (1, ?, ?)",
                    (made, now()),
                )
            saved = self.share_settings()
            assert saved is not None
            return str(saved["share_id"])
        return made

    def save_share_settings(
        self,
        *,
        pseudonym: str,
        offers: list[dict[str, str]],
        asks: list[dict[str, str]],
    ) -> None:
        """Save the pseudonym, offers and asks (checked by the caller); keep the share id."""
        sid = self.share_id()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO share_settings (id, share_id, pseudonym, offers, asks, updated_at) "
                "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "pseudonym = excluded.pseudonym, offers = excluded.offers, "
                "asks = excluded.asks, updated_at = excluded.updated_at",
                (
                    sid,
                    pseudonym,
                    json.dumps(offers, ensure_ascii=False),
                    json.dumps(asks, ensure_ascii=False),
                    now(),
                ),
            )
