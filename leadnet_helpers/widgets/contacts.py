"""The contacts table: search, page through, edit, delete and undo.

Only one page of contacts (25) is ever turned into HTML and list options, so
the view stays quick with tens of thousands of contacts. Searching, paging and
working out what an edit changes are plain functions, tested without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from ..errors import EditConflict, LeadNetError
from ..model import (
    FREQUENCY,
    NETWORK_TYPES,
    ORIENTATION,
    SENIORITY,
    Contact,
    normalise_text,
)
from ..store import Workspace
from . import events
from .feedback import LABEL_STYLE, error_text, feedback_widget, guarded, show
from .tables import html_table

__all__ = [
    "EDIT_FIELDS",
    "PAGE_SIZE",
    "ContactsView",
    "conflict_text",
    "contacts_view",
    "edit_changes",
    "page_count",
    "page_of",
    "save_edit",
    "search_contacts",
    "table_rows",
    "undo_label",
]

PAGE_SIZE = 25
TABLE_COLUMNS = (("name", "Name"), ("organisation", "Organisation"), ("role", "Role"),
                 ("inside_org", "Inside?"), ("network_type", "Network (yours)"),
                 ("context", "How we met"), ("introduced_by", "Introduced by"),
                 ("source", "From"))
_CHOICES = {
    "seniority": SENIORITY,
    "inside_org": ("yes", "no"),
    "frequency": FREQUENCY,
    "strength": ("1", "2", "3", "4", "5"),
    "orientation": ORIENTATION,
    "discretionary": ("yes", "no"),
    "network_type": NETWORK_TYPES,
}
#: The fields of the edit form, with their labels, in order.
EDIT_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Name"), ("organisation", "Organisation"), ("role", "Role"),
    ("function", "Function"), ("industry", "Industry"), ("seniority", "Seniority"),
    ("inside_org", "Inside my org?"), ("relationship", "Relationship"),
    ("context", "How we met"), ("introduced_by", "Who introduced us"),
    ("frequency", "How often we talk"), ("last_contact", "Last contact (date)"),
    ("strength", "Strength (1-5)"), ("gives_me", "Gives me"), ("i_give", "I give"),
    ("orientation", "Orientation"), ("discretionary", "Discretionary?"),
    ("network_type", "Network type"), ("tags", "Tags (; between)"), ("email", "E-mail"),
    ("phone", "Phone"), ("notes", "Notes"),
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
    found = []
    for contact in contacts:
        text = " ".join([*(getattr(contact, f) for f in _SEARCHED), *contact.tags]).casefold()
        if all(w in text for w in words):
            found.append(contact)
    return found


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
    return list(items[start:start + size]), page


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


def save_edit(ws: Workspace, loaded: Contact, values: Mapping[str, object], *,
              over: EditConflict | None = None) -> Contact | None:
    """Save the fields the person changed in the form, checked against what it loaded.

    Only the changed fields are sent, with the contact as the form showed it
    (``expected``), so a change someone else made meanwhile to another field
    survives, and one to the same field raises :class:`EditConflict` (nothing
    saved). With *over* (the conflict the person answered "keep mine" to), the
    values stored now count as seen, so the person's values are saved over them.

    Returns the contact as saved, or None when nothing changed.

    Examples
    --------
    >>> from leadnet_helpers.workbook import start_workspace
    >>> from leadnet_helpers.model import Profile
    >>> ws = start_workspace(Profile("Bo"))
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
    """
    changes = edit_changes(loaded, values)
    if not changes:
        return None
    expected = loaded.to_row()
    if over is not None:
        expected.update({field: c.stored for field, c in over.fields.items()})
    return ws.update_contact(loaded.id, expected=expected, **changes)


def conflict_text(err: EditConflict) -> str:
    """What the person is told when someone else changed the same field meanwhile.

    Examples
    --------
    >>> from leadnet_helpers.errors import FieldConflict
    >>> print(conflict_text(EditConflict("Ada", {"role": FieldConflict("Nurse", "Matron", "Sister")})))
    Someone else changed Ada while you were editing. Role: yours 'Sister', theirs 'Matron'. Keep mine saves yours over theirs; Keep theirs puts theirs back in the form (your other changes stay there to save).
    """
    labels = dict(EDIT_FIELDS)
    detail = "; ".join(f"{labels.get(f, f)}: yours '{c.typed}', theirs '{c.stored}'"
                       for f, c in err.fields.items())
    return (f"Someone else changed {err.name} while you were editing. {detail}. Keep mine "
            "saves yours over theirs; Keep theirs puts theirs back in the form (your other "
            "changes stay there to save).")


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
    short = full if len(full) <= width else full[:width - 1] + "…"
    return short, full


def _option_label(contact: Contact) -> str:
    extra = ", ".join(x for x in (contact.organisation, contact.role) if x)
    return f"{contact.name} ({extra})" if extra else contact.name


class ContactsView(widgets.VBox):
    """A paged, searchable table of contacts with an edit form, Delete and Undo."""

    def __init__(self, ws: Workspace, page_size: int = PAGE_SIZE) -> None:
        self.ws, self.page_size = ws, page_size
        self.all: list[Contact] = []
        self.matches: list[Contact] = []
        self.page = 1
        self.feedback = feedback_widget()
        self.search = widgets.Text(description="Search", continuous_update=False,
                                   placeholder="name, organisation, role... then Enter",
                                   style=LABEL_STYLE, layout=widgets.Layout(width="34em"))
        self.search.add_class("leadnet-contacts-search")
        self.previous = widgets.Button(description="Previous page", tooltip="Previous page")
        self.next = widgets.Button(description="Next page", tooltip="Next page")
        self.page_label = widgets.HTML()
        self.page_label.add_class("leadnet-contacts-page")
        self.table = widgets.HTML()
        self.table.add_class("leadnet-contacts-table")
        self.select = widgets.Select(options=[], rows=8, description="Contact to edit",
                                     style=LABEL_STYLE, layout=widgets.Layout(width="34em"))
        self.select.add_class("leadnet-contacts-select")
        self.fields: dict[str, widgets.ValueWidget] = {}
        for key, label in EDIT_FIELDS:
            if key in _CHOICES:
                field = widgets.Dropdown(options=[("(not set)", ""),
                                                  *[(v, v) for v in _CHOICES[key]]],
                                         description=label)
            elif key == "notes":
                field = widgets.Textarea(description=label, rows=2)
            else:
                field = widgets.Text(description=label)
            field.style = LABEL_STYLE
            field.layout = widgets.Layout(width="34em")
            field.add_class(f"leadnet-edit-{key}")
            self.fields[key] = field
        self.save = widgets.Button(description="Save", button_style="primary",
                                   tooltip="Save the changes to this contact")
        self.delete = widgets.Button(description="Delete", button_style="danger",
                                     tooltip="Delete this contact (Undo brings it back)")
        self.undo = widgets.Button(description="Nothing to undo",
                                   layout=widgets.Layout(width="auto", min_width="12em"))
        #: The contact as the form loaded it, and the conflict the person is deciding on.
        self.loaded: Contact | None = None
        self.conflict: EditConflict | None = None
        self.keep_mine = widgets.Button(description="Keep mine", button_style="warning",
                                        tooltip="Save your values over the other change")
        self.keep_theirs = widgets.Button(description="Keep theirs",
                                          tooltip="Put the other change back in the form")
        for name in ("save", "delete", "undo", "previous", "next", "keep_mine", "keep_theirs"):
            getattr(self, name).add_class(f"leadnet-contacts-{name.replace('_', '-')}")
        self.choice = widgets.HBox([self.keep_mine, self.keep_theirs],
                                   layout=widgets.Layout(display="none"))
        self.form = widgets.VBox([*self.fields.values(),
                                  widgets.HBox([self.save, self.delete]), self.choice])
        super().__init__([
            self.search, widgets.HBox([self.previous, self.next, self.page_label]),
            self.table, self.select, self.form, self.undo, self.feedback,
        ])
        self.add_class("leadnet-contacts-view")
        guard = guarded(self.feedback)
        self.search.observe(guard(self._on_search), names="value")
        self.previous.on_click(guard(lambda _b: self.go_to(self.page - 1)))
        self.next.on_click(guard(lambda _b: self.go_to(self.page + 1)))
        self.select.observe(guard(self._on_select), names="value")
        self.save.on_click(guard(self._on_save))
        self.delete.on_click(guard(self._on_delete))
        self.undo.on_click(guard(self._on_undo))
        self.keep_mine.on_click(guard(self._on_keep_mine))
        self.keep_theirs.on_click(guard(self._on_keep_theirs))
        events.subscribe(ws, self.refresh)
        self.refresh()

    # ----------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Reload the contacts from the workspace and show the current page again."""
        try:
            self.all = events.contacts(self.ws)
            self.matches = search_contacts(self.all, self.search.value)
            self.go_to(self.page)
            self._show_undo()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def go_to(self, page: int) -> None:
        """Show page *page* (clamped) of the matching contacts."""
        shown, self.page = page_of(self.matches, page, self.page_size)
        pages = page_count(len(self.matches), self.page_size)
        total = len(self.all)
        matching = (f", {len(self.matches):,} match '{self.search.value}'"
                    if self.search.value.strip() else "")
        self.page_label.value = (f"<span role='status'>Page {self.page:,} of {pages:,} "
                                 f"({total:,} contact{'' if total == 1 else 's'}"
                                 f"{html.escape(matching)})</span>")
        self.previous.disabled = self.page <= 1
        self.next.disabled = self.page >= pages
        self.table.value = html_table(
            TABLE_COLUMNS, table_rows(shown), caption=f"Your contacts, page {self.page}",
            css_class="leadnet-contacts", empty="No contacts yet: add some above, or import "
            "an export." if not self.search.value.strip() else "No contact matches.")
        selected = self.select.value
        self.select.options = [(_option_label(c), c.id) for c in shown]
        ids = [c.id for c in shown]
        self.select.value = selected if selected in ids else None
        self._fill(shown[ids.index(selected)] if selected in ids else None)

    def _show_undo(self) -> None:
        label, tip = undo_label(self.ws.last_change())
        self.undo.description, self.undo.tooltip = label, tip
        self.undo.disabled = label == "Nothing to undo"

    def _fill(self, contact: Contact | None) -> None:
        self.loaded = contact
        self._show_choice(None)
        row = contact.to_row() if contact else {}
        for key, field in self.fields.items():
            field.value = row.get(key, "")
        for widget in (*self.fields.values(), self.save, self.delete):
            widget.disabled = contact is None

    # ----------------------------------------------------------------- events
    def _on_search(self, _change: dict) -> None:
        self.matches = search_contacts(self.all, self.search.value)
        self.go_to(1)

    def _on_select(self, change: dict) -> None:
        self._fill(self.ws.contact(change["new"]) if change["new"] is not None else None)

    def _selected(self) -> Contact:
        if self.select.value is None:
            raise LeadNetError("no contact is selected", fix="Choose one in the list first.")
        return self.ws.contact(self.select.value)

    def _show_choice(self, conflict: EditConflict | None) -> None:
        self.conflict = conflict
        self.choice.layout.display = None if conflict else "none"

    def _on_save(self, _button: widgets.Button, *, over: EditConflict | None = None) -> None:
        if self.select.value is None or self.loaded is None:
            raise LeadNetError("no contact is selected", fix="Choose one in the list first.")
        values = {k: f.value for k, f in self.fields.items()}
        waiting, self.ws.on_wait = self.ws.on_wait, lambda m: show(self.feedback, "info", m)
        try:  # on any error the form keeps what the person typed
            saved = save_edit(self.ws, self.loaded, values, over=over)
        except EditConflict as err:
            self._show_choice(err)
            show(self.feedback, "error", conflict_text(err))
            return
        finally:
            self.ws.on_wait = waiting
        self._show_choice(None)
        if saved is None:
            show(self.feedback, "info", "Nothing changed.")
            return
        self.loaded = saved
        show(self.feedback, "ok", f"Saved {saved.name}.")
        events.changed(self.ws)

    def _on_keep_mine(self, button: widgets.Button) -> None:
        self._on_save(button, over=self.conflict)

    def _on_keep_theirs(self, _button: widgets.Button) -> None:
        if self.conflict is None or self.loaded is None:
            return
        fresh = self.ws.contact(self.loaded.id)
        fields = self.conflict.fields
        for key, choice in fields.items():
            if key in self.fields:
                self.fields[key].value = choice.stored
        self.loaded = fresh
        self._show_choice(None)
        show(self.feedback, "info", f"Kept the other change to {', '.join(fields)}. Your other "
             "changes are still in the form: Save to keep them.")

    def _on_delete(self, _button: widgets.Button) -> None:
        contact = self._selected()
        self.ws.delete_contacts([contact.id])
        show(self.feedback, "ok", f"Deleted {contact.name}. Undo brings them back.")
        events.changed(self.ws)

    def _on_undo(self, _button: widgets.Button) -> None:
        show(self.feedback, "ok", self.ws.undo())
        events.changed(self.ws)


def contacts_view(ws: Workspace) -> ContactsView:
    """Show all contacts of *ws*, 25 a page, to search, edit, delete and undo.

    Examples
    --------
    >>> from leadnet_helpers.workbook import start_workspace
    >>> from leadnet_helpers.model import Profile
    >>> ws = start_workspace(Profile("Bo"))
    >>> _ = ws.add_contact(Contact("Ada Brooks"))
    >>> view = contacts_view(ws)
    >>> "Ada Brooks" in view.table.value, view.undo.description
    (True, 'Undo: added Ada Brooks')
    """
    return ContactsView(ws)
