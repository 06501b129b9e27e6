"""The contacts table of notebook 01: search, page through, edit, delete and undo.

A :class:`ContactsTable` holds one table's state (the search, the page, the
matching contacts) over the workspace's shared contacts
(:func:`~.workspace.workspace_model`); its operations (save an edit, delete,
undo) tell every view of the workspace. Only one page is ever shown, so a
view stays quick with tens of thousands of contacts.

Examples
--------
>>> import tempfile, pathlib
>>> from leadnet_helpers.model import Profile
>>> from leadnet_helpers.store import Workspace
>>> ws = Workspace.create(pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana"))
>>> table = ContactsTable(ws)
>>> for name in ("Ada Brooks", "Bo Chen"):
...     _ = ws.add_contact(Contact(name))
>>> table.reload()
>>> table.search("ada"), [c.name for c in table.shown()]
(1, ['Ada Brooks'])
>>> table.delete(table.shown()[0].id)
'Deleted Ada Brooks. Undo brings them back.'
>>> table.undo(), table.search(""), table.undo_label()[0]
('Undid: deleted Ada Brooks', 2, 'Undo: added Bo Chen')
>>> ws.close()
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from ..errors import EditConflict, LeadNetError
from ..model import (
    ENERGY,
    FREQUENCY,
    NETWORK_TYPES,
    ORIENTATION,
    SENIORITY,
    Contact,
    normalise_text,
)
from .workspace import workspace_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "EDIT_FIELDS",
    "FIELD_CHOICES",
    "PAGE_SIZE",
    "TABLE_COLUMNS",
    "ContactsTable",
    "conflict_text",
    "edit_changes",
    "option_label",
    "page_count",
    "page_of",
    "save_edit",
    "search_contacts",
    "table_rows",
    "undo_label",
]

PAGE_SIZE = 25
TABLE_COLUMNS = (
    ("name", "Name"),
    ("organisation", "Organisation"),
    ("role", "Role"),
    ("inside_org", "Inside?"),
    ("network_type", "Network (yours)"),
    ("context", "How we met"),
    ("introduced_by", "Introduced by"),
    ("source", "From"),
)
#: The choices of the edit form's drop-downs, per field.
FIELD_CHOICES = {
    "seniority": SENIORITY,
    "inside_org": ("yes", "no"),
    "frequency": FREQUENCY,
    "strength": ("1", "2", "3", "4", "5"),
    "orientation": ORIENTATION,
    "discretionary": ("yes", "no"),
    "network_type": NETWORK_TYPES,
    "energy": ENERGY,
}
#: The fields of the edit form, with their labels, in order.
EDIT_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("organisation", "Organisation"),
    ("role", "Role"),
    ("function", "Function"),
    ("industry", "Industry"),
    ("seniority", "Seniority"),
    ("inside_org", "Inside my org?"),
    ("relationship", "Relationship"),
    ("context", "How we met"),
    ("introduced_by", "Who introduced us"),
    ("frequency", "How often we talk"),
    ("last_contact", "Last contact (date)"),
    ("strength", "Strength (1-5)"),
    ("gives_me", "Gives me"),
    ("i_give", "I give"),
    ("orientation", "Orientation"),
    ("discretionary", "Discretionary?"),
    ("network_type", "Network type"),
    ("tags", "Tags (; between)"),
    ("helps_with", "Helps me with (; between)"),
    ("energy", "Energy of the tie"),
    ("email", "E-mail"),
    ("phone", "Phone"),
    ("notes", "Notes"),
)
_SEARCHED = ("name", "organisation", "role", "function", "context", "introduced_by", "email")


def search_contacts(contacts: Sequence[Contact], query: str) -> list[Contact]:
    """Contacts whose name, organisation, role, function, context, introducer,
    e-mail or tags contain every word of *query* (ignoring case).

    Examples
    --------
    >>> people = [Contact("Ada Brooks", organisation="Riverside"), Contact("Bo Chen")]
    >>> [c.name for c in search_contacts(people, "river ada")]
    ['Ada Brooks']
    >>> len(search_contacts(people, "  "))
    2
    """
    words = normalise_text(query).casefold().split()
    if not words:
        return list(contacts)
    texts = _search_texts(contacts)
    return [c for c, text in zip(contacts, texts, strict=True) if all(w in text for w in words)]


# the searched text of each contact, per list of contacts: the workspace model hands out
# the same list until the contacts change, so a second search (every keystroke of a
# person refining it) skips re-joining 30,000 contacts' fields
_TEXTS: dict[int, tuple[Sequence[Contact], list[str]]] = {}
_TEXTS_KEPT = 4


def _search_texts(contacts: Sequence[Contact]) -> list[str]:
    hit = _TEXTS.get(id(contacts))
    if hit is not None and hit[0] is contacts and len(hit[1]) == len(contacts):
        return hit[1]
    fields = attrgetter(*_SEARCHED)
    texts = [" ".join((*fields(c), *c.tags)).casefold() for c in contacts]
    if isinstance(contacts, tuple | list):
        while len(_TEXTS) >= _TEXTS_KEPT:
            del _TEXTS[next(iter(_TEXTS))]
        _TEXTS[id(contacts)] = (contacts, texts)  # kept alive here, so the id is not reused
    return texts


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    """How many pages *total* items fill (at least one, so "page 1 of 1" reads right).

    Examples
    --------
    >>> page_count(0), page_count(25), page_count(26), page_count(30000)
    (1, 1, 2, 1200)
    """
    return max(1, -(-total // size))


def page_of(items: Sequence, page: int, size: int = PAGE_SIZE) -> tuple[list, int]:
    """The items on *page* (1-based, clamped to the pages there are), and that page.

    Examples
    --------
    >>> page_of(list(range(60)), 3)
    ([50, 51, 52, 53, 54, 55, 56, 57, 58, 59], 3)
    >>> page_of(list(range(60)), 9)[1]
    3
    """
    page = min(max(1, page), page_count(len(items), size))
    start = (page - 1) * size
    return list(items[start : start + size]), page


def table_rows(contacts: Sequence[Contact]) -> list[dict[str, str]]:
    """The contacts as table rows (template text; the introducer "me" spelled out).

    Examples
    --------
    >>> table_rows([Contact("Ada", inside_org=True, introduced_by="me")])[0]["introduced_by"]
    'me (no one)'
    """
    rows = []
    for contact in contacts:
        row = contact.to_row()
        if row["introduced_by"].casefold() == "me":
            row["introduced_by"] = "me (no one)"
        if row["source"].startswith("prompt:"):
            row["source"] = "a prompt"
        rows.append(row)
    return rows


def edit_changes(contact: Contact, values: Mapping[str, object]) -> dict[str, str]:
    """The fields the edit form changed, as template text.

    Examples
    --------
    >>> edit_changes(Contact("Ada", strength=3), {"name": "Ada", "strength": "4"})
    {'strength': '4'}
    """
    before = contact.to_row()
    changes = {}
    for key, value in values.items():
        text = normalise_text(value)
        if key in before and text != before[key]:
            changes[key] = text
    return changes


def undo_label(last_change: str | None, width: int = 34) -> tuple[str, str]:
    """The undo button's label and tooltip for the change it would undo.

    Examples
    --------
    >>> undo_label(None)
    ('Nothing to undo', 'Nothing to undo')
    >>> undo_label("added Ada Brooks")
    ('Undo: added Ada Brooks', 'Undo: added Ada Brooks')
    """
    if not last_change:
        return "Nothing to undo", "Nothing to undo"
    full = f"Undo: {last_change}"
    short = full if len(full) <= width else full[: width - 1] + "…"
    return short, full


def option_label(contact: Contact) -> str:
    """How a contact reads in a list: name (organisation, role).

    Examples
    --------
    >>> option_label(Contact("Ada", organisation="Riverside")), option_label(Contact("Bo"))
    ('Ada (Riverside)', 'Bo')
    """
    extra = ", ".join(x for x in (contact.organisation, contact.role) if x)
    return f"{contact.name} ({extra})" if extra else contact.name


def save_edit(
    ws: Workspace,
    loaded: Contact,
    values: Mapping[str, object],
    *,
    over: EditConflict | None = None,
) -> Contact | None:
    """Save the fields the person changed in the form, checked against what it loaded.

    Only the changed fields are sent, with the contact as the form showed it
    (``expected``), so a change someone else made meanwhile to another field
    survives, and one to the same field raises :class:`EditConflict` (nothing
    saved). With *over* (the conflict the person answered "keep mine" to), the
    values stored now count as seen, so the person's values are saved over them.

    Returns the contact as saved, or None when nothing changed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from leadnet_helpers.model import Profile
    >>> from leadnet_helpers.store import Workspace
    >>> ws = Workspace.create(pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Bo"))
    >>> loaded = ws.contact(ws.add_contact(Contact("Ada", role="Nurse")))
    >>> _ = ws.update_contact(loaded.id, role="Matron")  # another notebook, meanwhile
    >>> try:
    ...     save_edit(ws, loaded, {"role": "Sister", "notes": "rota"})
    ... except EditConflict as err:
    ...     conflict = err
    >>> conflict.fields["role"].stored, ws.contact(loaded.id).notes
    ('Matron', '')
    >>> save_edit(ws, loaded, {"role": "Sister", "notes": "rota"}, over=conflict).role
    'Sister'
    >>> ws.close()
    """
    changes = edit_changes(loaded, values)
    if not changes:
        return None
    assert loaded.id is not None  # read from the store
    expected: dict[str, object] = dict(loaded.to_row())
    if over is not None:
        expected.update({field: c.stored for field, c in over.fields.items()})
    return ws.update_contact(loaded.id, expected=expected, **changes)


def conflict_text(err: EditConflict) -> str:
    """What the person is told when someone else changed the same field meanwhile.

    Examples
    --------
    >>> from leadnet_helpers.errors import FieldConflict
    >>> text = conflict_text(
    ...     EditConflict("Ada", {"role": FieldConflict("Nurse", "Matron", "Sister")})
    ... )
    >>> text.split(". ")[:2]
    ['Someone else changed Ada while you were editing', "Role: yours 'Sister', theirs 'Matron'"]
    """
    labels = dict(EDIT_FIELDS)
    detail = "; ".join(
        f"{labels.get(f, f)}: yours '{c.typed}', theirs '{c.stored}'" for f, c in err.fields.items()
    )
    return (
        f"Someone else changed {err.name} while you were editing. {detail}. Keep mine "
        "saves yours over theirs; Keep theirs puts theirs back in the form (your other "
        "changes stay there to save)."
    )


class ContactsTable:
    """One contacts table: the search, the page and what the operations say.

    Attributes
    ----------
    all : list of Contact
        Every contact (shared, read-only), as of the last :meth:`reload`.
    matches : list of Contact
        Those matching :attr:`query`.
    page : int
        The page shown (1-based, clamped).
    loaded : Contact or None
        The contact as the edit form loaded it (what a save is checked against).
    conflict : EditConflict or None
        The conflict the person is deciding on (someone else changed the same field).
    """

    def __init__(self, ws: Workspace, page_size: int = PAGE_SIZE) -> None:
        self.ws, self.page_size = ws, page_size
        self.workspace = workspace_model(ws)
        self.query = ""
        self.page = 1
        self.all: list[Contact] = []
        self.matches: list[Contact] = []
        self.loaded: Contact | None = None
        self.conflict: EditConflict | None = None
        self.reload()

    # ----------------------------------------------------------------- state
    def reload(self) -> None:
        """Read the contacts again (after a change), keeping the search and page."""
        self.all = self.workspace.contacts()
        self.matches = search_contacts(self.all, self.query)
        self.go_to(self.page)

    def search(self, query: str) -> int:
        """Show the contacts matching *query* from page 1; how many match."""
        self.query = query
        self.matches = search_contacts(self.all, query)
        self.page = 1
        return len(self.matches)

    def go_to(self, page: int) -> int:
        """Turn to *page* (clamped); the page shown."""
        self.page = page_of(self.matches, page, self.page_size)[1]
        return self.page

    def shown(self) -> list[Contact]:
        """The contacts on the current page."""
        return page_of(self.matches, self.page, self.page_size)[0]

    def pages(self) -> int:
        """How many pages the matches fill."""
        return page_count(len(self.matches), self.page_size)

    def undo_label(self) -> tuple[str, str]:
        """The undo button's label and tooltip."""
        return undo_label(self.ws.last_change())

    # ----------------------------------------------------------------- operations
    def contact(self, contact_id: int | None) -> Contact:
        """The contact chosen for editing."""
        if contact_id is None:
            raise LeadNetError("no contact is selected", fix="Choose one in the list first.")
        return self.ws.contact(contact_id)

    def load(self, contact_id: int | None) -> Contact | None:
        """Load a contact into the edit form (``None``: nothing selected)."""
        self.loaded = self.contact(contact_id) if contact_id is not None else None
        self.conflict = None
        return self.loaded

    def save(
        self, contact_id: int | None, values: Mapping[str, object], *, keep_mine: bool = False
    ) -> str | None:
        """Save what the edit form changed; the message to show (``None``: nothing changed).

        Only the changed fields are written, checked against the contact as the
        form loaded it. When someone else changed one of them meanwhile, raises
        :class:`EditConflict` and keeps it in :attr:`conflict` (nothing saved);
        ``keep_mine=True`` then saves the person's values over theirs.
        """
        if self.loaded is None or self.loaded.id != contact_id:
            self.load(contact_id)
        assert self.loaded is not None
        over = self.conflict if keep_mine else None
        try:
            saved = save_edit(self.ws, self.loaded, values, over=over)
        except EditConflict as err:
            self.conflict = err
            raise
        self.conflict = None
        if saved is None:
            return None
        self.loaded = saved
        self.workspace.changed()
        return f"Saved {saved.name}."

    def keep_theirs(self, values: Mapping[str, object]) -> dict[str, object]:
        """The form's values with the other person's in the conflicting fields.

        The form then counts as loaded from what is stored now, so saving it
        keeps theirs and saves the person's other changes.
        """
        if self.conflict is None or self.loaded is None:
            return dict(values)
        merged = {**values, **{f: c.stored for f, c in self.conflict.fields.items()}}
        self.loaded, self.conflict = self.contact(self.loaded.id), None
        return merged

    def delete(self, contact_id: int | None) -> str:
        """Delete one contact (undo brings it back); the message to show."""
        contact = self.contact(contact_id)
        assert contact.id is not None  # read from the store
        self.ws.delete_contacts([contact.id])
        self.workspace.changed()
        return f"Deleted {contact.name}. Undo brings them back."

    def undo(self) -> str:
        """Take back the last change; the message to show."""
        text = self.ws.undo()
        self.workspace.changed()
        return text
