"""The contacts table: search, page through, edit, delete and undo.

Only one page of contacts (25) is ever turned into HTML and list options, so
the view stays quick with tens of thousands of contacts. Searching, paging and
working out what an edit changes are plain functions, tested without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from ..app.workspace import watch, workspace_model
from ..errors import LeadNetError
from ..model import (
    FREQUENCY,
    NETWORK_TYPES,
    ORIENTATION,
    SENIORITY,
    Contact,
    normalise_text,
)
from ..store import Workspace
from .feedback import LABEL_STYLE, error_text, feedback_widget, guarded, show
from .tables import html_table

__all__ = [
    "EDIT_FIELDS",
    "PAGE_SIZE",
    "ContactsView",
    "contacts_view",
    "edit_changes",
    "page_count",
    "page_of",
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
        for name in ("save", "delete", "undo", "previous", "next"):
            getattr(self, name).add_class(f"leadnet-contacts-{name}")
        self.form = widgets.VBox([*self.fields.values(),
                                  widgets.HBox([self.save, self.delete])])
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
        watch(workspace_model(ws), self.refresh)
        self.refresh()

    # ----------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Reload the contacts from the workspace and show the current page again."""
        try:
            self.all = workspace_model(self.ws).contacts()
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

    def _on_save(self, _button: widgets.Button) -> None:
        contact = self._selected()
        changes = edit_changes(contact, {k: f.value for k, f in self.fields.items()})
        if not changes:
            show(self.feedback, "info", "Nothing changed.")
            return
        saved = self.ws.update_contact(contact.id, **changes)
        show(self.feedback, "ok", f"Saved {saved.name}.")
        workspace_model(self.ws).changed()

    def _on_delete(self, _button: widgets.Button) -> None:
        contact = self._selected()
        self.ws.delete_contacts([contact.id])
        show(self.feedback, "ok", f"Deleted {contact.name}. Undo brings them back.")
        workspace_model(self.ws).changed()

    def _on_undo(self, _button: widgets.Button) -> None:
        show(self.feedback, "ok", self.ws.undo())
        workspace_model(self.ws).changed()


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
