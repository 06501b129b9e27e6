"""Roles and energy of many contacts at once: one transaction, one undo step.

Mixed into :class:`~leadnet_helpers.store.Workspace`. The grid of notebook 07
saves a page of contacts at a time; :meth:`RolesMixin.save_roles` writes only
the cells that change and logs one undo entry for the page (a ``set_fields``
operation per contact, so a later edit by someone else is kept).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import LeadNetError
from ..model import ENERGY, HELP_KINDS
from .base import WorkspaceBase
from .connection import now
from .undo import log_undo

__all__ = ["RolesMixin"]


def _cells(helps_with: object, energy: object) -> tuple[str, str]:
    if isinstance(helps_with, str):
        given: list[object] = list(helps_with.split(";"))
    elif isinstance(helps_with, (tuple, list, set, frozenset)):
        given = list(helps_with)
    else:
        given = []
    kinds = [str(k).strip().casefold() for k in given if k and str(k).strip()]
    bad = [k for k in kinds if k not in HELP_KINDS]
    if bad:
        raise LeadNetError(
            f"'{bad[0]}' is not a kind of help", fix=f"Use any of {', '.join(HELP_KINDS)}."
        )
    mood = str(energy or "").strip().casefold()
    if mood and mood not in ENERGY:
        raise LeadNetError(
            f"energy '{energy}' is not one of {', '.join(ENERGY)}",
            fix="Choose gives, neutral or drains (or leave it empty).",
        )
    ordered = [k for k in HELP_KINDS if k in kinds]  # one order, whatever the clicks
    return ";".join(ordered), mood


class RolesMixin(WorkspaceBase):
    """Saving which kinds of help contacts give, and the energy of each tie."""

    def save_roles(
        self, changes: Mapping[int, tuple[object, object]], *, description: str = ""
    ) -> int:
        """Save ``contact id -> (helps_with, energy)`` for many contacts; return how many changed.

        Parameters
        ----------
        changes : mapping
            Contact id to a pair: the kinds of help (a tuple of
            :data:`~leadnet_helpers.model.HELP_KINDS` or ``;``-joined text) and
            the energy (one of :data:`~leadnet_helpers.model.ENERGY` or ``""``).
        description : str, optional
            What :meth:`undo` will say it takes back (default: the names).

        Raises
        ------
        LeadNetError
            When a value is not a kind of help or an energy value; nothing is written.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from leadnet_helpers.model import Contact, Profile
        >>> from leadnet_helpers.store import Workspace
        >>> ws = Workspace.create(
        ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana")
        ... )
        >>> bo = ws.add_contact(Contact("Bo"))
        >>> ws.save_roles({bo: (("support", "information"), "drains")})
        1
        >>> ws.contact(bo).helps_with, ws.contact(bo).energy
        (('information', 'support'), 'drains')
        >>> ws.undo(), ws.contact(bo).energy
        ('Undid: roles and energy of Bo', '')
        >>> ws.close()
        """
        wanted = {int(cid): _cells(*pair) for cid, pair in changes.items()}
        if not wanted:
            return 0
        ops: list[dict] = []
        names: list[str] = []
        with self._write() as conn:
            marks = ",".join("?" * len(wanted))
            rows = conn.execute(
                f"SELECT id, name, helps_with, energy FROM contacts WHERE id IN ({marks})",
                list(wanted),
            )
            for row in rows:
                new = dict(zip(("helps_with", "energy"), wanted[row["id"]], strict=True))
                old = {"helps_with": row["helps_with"] or "", "energy": row["energy"] or ""}
                written = [c for c in new if new[c] != old[c]]
                if not written:
                    continue
                conn.execute(
                    f"UPDATE contacts SET {', '.join(f'{c} = ?' for c in written)}, "
                    "updated_at = ? WHERE id = ?",
                    (*(new[c] for c in written), now(), row["id"]),
                )
                ops.append(
                    {
                        "op": "set_fields",
                        "id": row["id"],
                        "before": {c: old[c] for c in written},
                        "after": {c: new[c] for c in written},
                    }
                )
                names.append(str(row["name"]))
            if ops:
                shown = ", ".join(names[:3]) + ("..." if len(names) > 3 else "")
                log_undo(conn, description or f"roles and energy of {shown}", ops)
        return len(ops)
