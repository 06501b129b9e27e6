"""The person's saved action plans: the recent versions, as plain JSON data.

Mixed into :class:`~leadnet_helpers.store.Workspace`, which gives it ``_conn``
(reads) and ``_write()`` (one write transaction).
"""

from __future__ import annotations

import json

from .base import WorkspaceBase
from .connection import now

__all__ = ["PLANS_KEEP", "PlansMixin"]

#: How many saved versions of the plan are kept.
PLANS_KEEP = 20


class PlansMixin(WorkspaceBase):
    """Saving and reading the action plan."""

    def save_plan(self, payload: dict[str, object]) -> int:
        """Save the person's action plan (as plain JSON data); return its id."""
        with self._write(contacts=False) as conn:
            pid = conn.execute(
                "INSERT INTO plans (saved_at, payload) VALUES (?, ?) RETURNING id",
                (now(), json.dumps(payload, ensure_ascii=False, default=str)),
            ).one()[0]
            # Every edit saves the plan; keep the recent versions, not every keystroke.
            conn.execute(
                "DELETE FROM plans WHERE id NOT IN "
                f"(SELECT id FROM plans ORDER BY id DESC LIMIT {PLANS_KEEP})"
            )
        return int(pid)

    def latest_plan(self) -> dict[str, object] | None:
        """The plan saved last, or None."""
        row = self._conn.execute("SELECT payload FROM plans ORDER BY id DESC LIMIT 1").fetchone()
        return json.loads(row[0]) if row else None
