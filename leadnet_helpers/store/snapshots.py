"""Dated snapshots: copies of the contacts, ties and decisions, for a later review.

Mixed into :class:`~leadnet_helpers.store.Workspace`, which gives it ``_conn``
(reads), ``_write()`` (one write transaction), ``contacts()``, ``ties()``
and ``decisions()``.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from ..errors import WorkspaceError
from ..model import normalise_text
from .base import WorkspaceBase
from .connection import now
from .rows import to_json

__all__ = ["SnapshotsMixin"]


class SnapshotsMixin(WorkspaceBase):
    """Taking and reading snapshots."""

    def take_snapshot(self, label: str = "", extra: dict[str, object] | None = None) -> int:
        """Save a dated copy of the contacts, ties and decisions; return its id.

        *extra* adds what the caller computed at that moment (the network mix,
        the main diagnostics, the plan's actions) so a later review can compare.
        """
        payload = {
            "contacts": [to_json(c) for c in self.contacts()],
            "ties": [list(asdict(t).values()) for t in self.ties()],
            "decisions": {str(k): v["network_type"] for k, v in self.decisions().items()},
            **(extra or {}),
        }
        with self._write(contacts=False) as conn:
            sid = conn.execute(
                "INSERT INTO snapshots (taken_at, label, payload) VALUES (?, ?, ?) RETURNING id",
                (now(), normalise_text(label), json.dumps(payload, ensure_ascii=False)),
            ).one()[0]
        return int(sid)

    def snapshots(self) -> list[dict[str, object]]:
        """The snapshots taken so far (id, taken_at, label), oldest first."""
        return [
            dict(r)
            for r in self._conn.execute("SELECT id, taken_at, label FROM snapshots ORDER BY id")
        ]

    def snapshot(self, snapshot_id: int) -> dict[str, object]:
        """The content of one snapshot."""
        row = self._conn.execute("SELECT * FROM snapshots WHERE id = ?", (snapshot_id,)).fetchone()
        if row is None:
            raise WorkspaceError(
                f"there is no snapshot {snapshot_id}", fix="List the snapshots to see which exist."
            )
        return {
            "id": row["id"],
            "taken_at": row["taken_at"],
            "label": row["label"],
            **json.loads(row["payload"]),
        }
