"""Roles and energy (notebook 07): a page of contacts, a toggle per kind of help, saved together.

A :class:`RolesGrid` holds one grid's state: the contacts shown (filtered,
strongest ties first, a page at a time), the changes made but not saved yet
(kept across pages), saving them in one step (:meth:`~leadnet_helpers.store.Workspace.save_roles`,
one undo entry), and undoing. The figures it offers are the two of
:mod:`leadnet_helpers.plots.roles`, read from the workspace's analysis.

Examples
--------
>>> import tempfile, pathlib
>>> from leadnet_helpers.model import Contact, Profile
>>> from leadnet_helpers.store import Workspace
>>> ws = Workspace.create(pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana"))
>>> bo = ws.add_contact(Contact("Bo", strength=4))
>>> grid = RolesGrid(ws)
>>> grid.toggle(bo, "support", True), grid.set_energy(bo, "gives")
(True, True)
>>> grid.save()
'Saved the kinds of help and energy of 1 contact.'
>>> ws.contact(bo).helps_with, grid.summary()
(('support',), '1 of your 1 contact has kinds of help or energy recorded.')
>>> grid.undo(), ws.contact(bo).energy
('Undid: roles and energy of Bo', '')
>>> ws.close()
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import LeadNetError
from ..findings import Finding
from ..model import ENERGY, HELP_KINDS, Contact
from .contacts import search_contacts
from .workspace import workspace_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["PAGE_SIZE", "RoleRow", "RolesGrid", "order_for_roles"]

#: Contacts shown on one page of the grid.
PAGE_SIZE = 12


@dataclass(frozen=True)
class RoleRow:
    """One row of the grid: a contact, the kinds of help ticked, the energy chosen."""

    contact_id: int
    name: str
    detail: str
    helps_with: frozenset[str]
    energy: str
    changed: bool


def order_for_roles(contacts: Sequence[Contact]) -> list[Contact]:
    """Contacts in the grid's order: the strongest ties first, then by name.

    The people one relies on most are usually the strong ties, and Cross and
    Thomas's roles matter most among them.

    Examples
    --------
    >>> people = [
    ...     Contact("Cy", id=3),
    ...     Contact("Bo", id=2, strength=2),
    ...     Contact("Ada", id=1, strength=5),
    ... ]
    >>> [c.name for c in order_for_roles(people)]
    ['Ada', 'Bo', 'Cy']
    """
    return sorted(contacts, key=lambda c: (-(c.strength or 0), c.name.casefold(), c.id or 0))


class RolesGrid:
    """The grid's state: filter, page, changes not saved yet; save and undo."""

    def __init__(self, ws: Workspace, page_size: int = PAGE_SIZE) -> None:
        self.ws = ws
        self.workspace = workspace_model(ws)
        self.page_size = max(1, int(page_size))
        self.page = 0
        self.query = ""
        self.only_missing = False
        self.pending: dict[int, tuple[frozenset[str], str]] = {}

    # ------------------------------------------------------------------ what is shown

    def contacts(self) -> list[Contact]:
        """The contacts that match the filter, in the grid's order."""
        found = search_contacts(self.workspace.contacts(), self.query)
        if self.only_missing:
            found = [c for c in found if not (c.helps_with or c.energy)]
        return order_for_roles([c for c in found if c.id is not None])

    @property
    def page_count(self) -> int:
        """How many pages the filtered contacts fill (at least one)."""
        return max(1, math.ceil(len(self.contacts()) / self.page_size))

    def rows(self) -> list[RoleRow]:
        """The rows of the current page, with the changes not saved yet applied."""
        self.page = min(self.page, self.page_count - 1)
        start = self.page * self.page_size
        shown = self.contacts()[start : start + self.page_size]
        return [self._row(c) for c in shown]

    def _row(self, contact: Contact) -> RoleRow:
        cid = int(contact.id or 0)
        helps, energy = self.pending.get(cid, (frozenset(contact.helps_with), contact.energy))
        detail = ", ".join(x for x in (contact.role, contact.organisation) if x)
        return RoleRow(cid, contact.name, detail, helps, energy, cid in self.pending)

    def page_text(self) -> str:
        """Where the grid is, e.g. ``"Page 2 of 7 (80 contacts)"``."""
        n = len(self.contacts())
        return f"Page {self.page + 1} of {self.page_count} ({n:,} contact{'s' * (n != 1)})"

    def summary(self) -> str:
        """How many contacts have anything recorded."""
        everyone = self.workspace.contacts()
        done = sum(1 for c in everyone if c.helps_with or c.energy)
        n = len(everyone)
        verb = "has" if done == 1 else "have"
        return f"{done:,} of your {n:,} contact{'s' * (n != 1)} {verb} kinds of help or energy recorded."

    # ------------------------------------------------------------------ moving and filtering

    def go(self, page: int) -> None:
        """Show *page* (0-based), kept within the pages there are."""
        self.page = max(0, min(int(page), self.page_count - 1))

    def search(self, query: str = "", *, only_missing: bool | None = None) -> None:
        """Filter by *query* (name, organisation, role...) and start from the first page."""
        self.query = query or ""
        if only_missing is not None:
            self.only_missing = bool(only_missing)
        self.page = 0

    # ------------------------------------------------------------------ changing

    def _current(self, contact_id: int) -> tuple[frozenset[str], str]:
        if contact_id in self.pending:
            return self.pending[contact_id]
        contact = self.ws.contact(contact_id)
        return frozenset(contact.helps_with), contact.energy

    def _stored(self, contact_id: int) -> tuple[frozenset[str], str]:
        contact = next((c for c in self.workspace.contacts() if c.id == contact_id), None)
        if contact is None:
            contact = self.ws.contact(contact_id)
        return frozenset(contact.helps_with), contact.energy

    def _set(self, contact_id: int, value: tuple[frozenset[str], str]) -> bool:
        before = self._current(contact_id)
        if value == before:
            return False
        if value == self._stored(contact_id):
            self.pending.pop(contact_id, None)  # back to what is saved: nothing to save
        else:
            self.pending[contact_id] = value
        return True

    def toggle(self, contact_id: int, kind: str, on: bool) -> bool:
        """Tick (or untick) one kind of help for a contact; whether anything changed."""
        if kind not in HELP_KINDS:
            raise LeadNetError(
                f"'{kind}' is not a kind of help", fix=f"Use one of {', '.join(HELP_KINDS)}."
            )
        helps, energy = self._current(contact_id)
        helps = helps | {kind} if on else helps - {kind}
        return self._set(contact_id, (frozenset(helps), energy))

    def set_energy(self, contact_id: int, energy: str) -> bool:
        """Choose the energy of a tie (``""`` for not known); whether anything changed."""
        value = (energy or "").strip().casefold()
        if value and value not in ENERGY:
            raise LeadNetError(
                f"energy '{energy}' is not one of {', '.join(ENERGY)}",
                fix="Choose gives, neutral or drains (or leave it empty).",
            )
        helps, _ = self._current(contact_id)
        return self._set(contact_id, (helps, value))

    @property
    def dirty(self) -> bool:
        """Whether there are changes not saved yet."""
        return bool(self.pending)

    def save(self) -> str:
        """Save every change not saved yet (all pages) in one step; the message to show."""
        if not self.pending:
            return "Nothing to save: tick a kind of help or choose an energy first."
        changes = {
            cid: (tuple(k for k in HELP_KINDS if k in helps), energy)
            for cid, (helps, energy) in self.pending.items()
        }
        saved = self.ws.save_roles(changes)
        self.pending.clear()
        self.workspace.changed()
        return f"Saved the kinds of help and energy of {saved} contact{'s' * (saved != 1)}."

    def discard(self) -> str:
        """Forget the changes not saved yet."""
        n = len(self.pending)
        self.pending.clear()
        return (
            f"Discarded the changes to {n} contact{'s' * (n != 1)}."
            if n
            else "No changes to discard."
        )

    def undo_label(self) -> str:
        """What Undo would take back (``""`` when nothing)."""
        return self.ws.last_change() or ""

    def undo(self) -> str:
        """Take back this notebook's last saved change; the message to show."""
        message = self.ws.undo()
        self.pending.clear()
        self.workspace.changed()
        return message

    # ------------------------------------------------------------------ findings and figures

    def findings(self) -> list[Finding]:
        """The two findings (``roles``, ``energy``) of the workspace's analysis."""
        from ..analysis import analysis_of

        analysis = analysis_of(self.ws)
        return [f for key in ("roles", "energy") if (f := analysis.finding(key)) is not None]

    def figures(self) -> list[dict[str, Any]]:
        """The two figures (kinds of help, energy) as notebook outputs, with their readings.

        Each item is :func:`~leadnet_helpers.app.dashboard.figure_output`'s
        output plus ``reading``.
        """
        from ..analysis import analysis_of
        from ..plots.roles import energy_figure, roles_figure
        from ..plots.style import reading_of
        from .dashboard import figure_output

        analysis = analysis_of(self.ws)
        out = []
        for draw in (roles_figure, energy_figure):
            fig = draw(analysis.network, analysis.findings)
            out.append({**figure_output(fig), "reading": reading_of(fig)})
        return out
