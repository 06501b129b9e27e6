"""Who knows whom (notebook 01): the contact chosen, the others they know, saved.

A :class:`TieEditor` holds one ties view's state: the contact chosen and the
others ticked as known (not saved until :meth:`TieEditor.save`, which tells
every view of the workspace). The lists it offers are plain functions, quick
for the fifty or so contacts that matter whatever the size of the map.

Examples
--------
>>> import tempfile, pathlib
>>> from leadnet_helpers.model import Profile
>>> from leadnet_helpers.store import Workspace
>>> ws = Workspace.create(pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana"))
>>> ada, bo = ws.add_contact(Contact("Ada")), ws.add_contact(Contact("Bo"))
>>> ties = TieEditor(ws)
>>> ties.choose(ada)
>>> ties.tick(bo, True)
True
>>> ties.save(), ws.known_by(ada) == [bo], ties.summary()
('Saved: Ada knows 1 person in your map.', True, 'Your map holds 1 link between your 2 contacts.')
>>> ws.close()
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..errors import LeadNetError
from ..model import Contact
from .contacts import search_contacts
from .workspace import workspace_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["SHOWN", "TieEditor", "person_options", "tie_candidates", "ties_summary"]

#: The most check boxes (and contacts to pick from) shown at once.
SHOWN = 60


def person_options(
    contacts: Sequence[Contact], query: str = "", limit: int = SHOWN
) -> list[tuple[str, int]]:
    """The contacts to pick from (matching *query*), as ``(label, id)``, by name.

    Examples
    --------
    >>> person_options([Contact("Bo", id=2), Contact("Ada", organisation="X", id=1)])
    [('Ada (X)', 1), ('Bo', 2)]
    """
    found = sorted(search_contacts(contacts, query), key=lambda c: c.name.casefold())[:limit]
    return [
        (f"{c.name} ({c.organisation})" if c.organisation else c.name, c.id)
        for c in found
        if c.id is not None
    ]


def tie_candidates(
    contacts: Sequence[Contact],
    person: int | None,
    query: str,
    ticked: Iterable[int],
    limit: int = SHOWN,
) -> tuple[list[Contact], int]:
    """The others to show as check boxes: ticked ones first, then by name; and how many match.

    Examples
    --------
    >>> people = [Contact("Ada", id=1), Contact("Bo", id=2), Contact("Cy", id=3)]
    >>> shown, total = tie_candidates(people, 1, "", {3})
    >>> [c.name for c in shown], total
    (['Cy', 'Bo'], 2)
    """
    ticked = set(ticked)
    others = [c for c in search_contacts(contacts, query) if c.id != person]
    others.sort(key=lambda c: (c.id not in ticked, c.name.casefold()))
    return others[:limit], len(others)


def ties_summary(tie_count: int, contact_count: int) -> str:
    """One sentence on how many who-knows-whom links the map holds.

    Examples
    --------
    >>> ties_summary(1, 3)
    'Your map holds 1 link between your 3 contacts.'
    """
    link = "link" if tie_count == 1 else "links"
    return f"Your map holds {tie_count:,} {link} between your {contact_count:,} contacts."


class TieEditor:
    """The contact chosen and the others ticked as known by them."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.workspace = workspace_model(ws)
        self.person: int | None = None
        self.ticked: set[int] = set()

    def contacts(self) -> list[Contact]:
        """Every contact (shared, read-only)."""
        return self.workspace.contacts()

    def summary(self) -> str:
        """How many links the map holds (:func:`ties_summary`)."""
        return ties_summary(self.ws.count_ties(), len(self.contacts()))

    def choose(self, person: int | None) -> None:
        """Choose the contact to record ties for; tick who they already know."""
        self.person = person
        self.ticked = set(self.ws.known_by(person)) if person is not None else set()

    def tick(self, contact_id: int, known: bool) -> bool:
        """Tick (or untick) *contact_id* as known; whether that changed anything."""
        if known == (contact_id in self.ticked):
            return False
        if known:
            self.ticked.add(contact_id)
        else:
            self.ticked.discard(contact_id)
        return True

    def save(self) -> str:
        """Save who the chosen contact knows; the message to show."""
        if self.person is None:
            raise LeadNetError("no contact is chosen", fix="Choose a contact in the list first.")
        kept = self.ws.set_ties(self.person, self.ticked)
        name = self.ws.contact(self.person).name
        self.workspace.changed()
        return f"Saved: {name} knows {kept} {'person' if kept == 1 else 'people'} in your map."
