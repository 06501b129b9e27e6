"""The contacts table: search, page through, edit, delete and undo.

The view shows a :class:`~leadnet_helpers.app.contacts.ContactsTable` (one
page of contacts is ever turned into HTML and list options, so it stays quick
with tens of thousands) and refreshes when the workspace changes.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import TextStyle

from ..app.contacts import (
    EDIT_FIELDS,
    FIELD_CHOICES,
    PAGE_SIZE,
    TABLE_COLUMNS,
    ContactsTable,
    conflict_text,
    option_label,
    table_rows,
)
from ..app.workspace import watch
from ..errors import EditConflict
from ..model import Contact
from ..store import Workspace
from .feedback import LABEL_STYLE, error_text, feedback_widget, guarded, show
from .tables import html_table

__all__ = ["ContactsView", "contacts_view"]


class ContactsView(widgets.VBox):
    """A paged, searchable table of contacts with an edit form, Delete and Undo."""

    def __init__(self, ws: Workspace, page_size: int = PAGE_SIZE) -> None:
        self.ws, self.page_size = ws, page_size
        self.model = ContactsTable(ws, page_size)
        self.feedback = feedback_widget()
        self.search = widgets.Text(
            description="Search",
            continuous_update=False,
            placeholder="name, organisation, role... then Enter",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        self.search.add_class("leadnet-contacts-search")
        self.previous = widgets.Button(description="Previous page", tooltip="Previous page")
        self.next = widgets.Button(description="Next page", tooltip="Next page")
        self.page_label = widgets.HTML()
        self.page_label.add_class("leadnet-contacts-page")
        self.table = widgets.HTML()
        self.table.add_class("leadnet-contacts-table")
        self.select = widgets.Select(
            options=[],
            rows=8,
            description="Contact to edit",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        self.select.add_class("leadnet-contacts-select")
        self.fields: dict[str, widgets.ValueWidget] = {}
        # the fields share one label style and one layout, given when they are made: every
        # widget model (a default style replaced afterwards too) is one more for the browser
        layout, text_style = widgets.Layout(width="34em"), TextStyle(**LABEL_STYLE)
        choice_style = DescriptionStyle(**LABEL_STYLE)
        for key, label in EDIT_FIELDS:
            field: widgets.ValueWidget
            if key in FIELD_CHOICES:
                field = widgets.Dropdown(
                    options=[("(not set)", ""), *[(v, v) for v in FIELD_CHOICES[key]]],
                    description=label,
                    style=choice_style,
                    layout=layout,
                )
            elif key == "notes":
                field = widgets.Textarea(description=label, rows=2, style=text_style, layout=layout)
            else:
                field = widgets.Text(description=label, style=text_style, layout=layout)
            field.add_class(f"leadnet-edit-{key}")
            self.fields[key] = field
        self.save = widgets.Button(
            description="Save", button_style="primary", tooltip="Save the changes to this contact"
        )
        self.delete = widgets.Button(
            description="Delete",
            button_style="danger",
            tooltip="Delete this contact (Undo brings it back)",
        )
        self.undo = widgets.Button(
            description="Nothing to undo", layout=widgets.Layout(width="auto", min_width="12em")
        )
        self.keep_mine = widgets.Button(
            description="Keep mine",
            button_style="warning",
            tooltip="Save your values over the other change",
        )
        self.keep_theirs = widgets.Button(
            description="Keep theirs", tooltip="Put the other change back in the form"
        )
        for name in ("save", "delete", "undo", "previous", "next", "keep_mine", "keep_theirs"):
            getattr(self, name).add_class(f"leadnet-contacts-{name.replace('_', '-')}")
        self.choice = widgets.HBox(
            [self.keep_mine, self.keep_theirs], layout=widgets.Layout(display="none")
        )
        self.form = widgets.VBox(
            [*self.fields.values(), widgets.HBox([self.save, self.delete]), self.choice]
        )
        super().__init__(
            [
                self.search,
                widgets.HBox([self.previous, self.next, self.page_label]),
                self.table,
                self.select,
                self.form,
                self.undo,
                self.feedback,
            ]
        )
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
        watch(self.model.workspace, self.refresh)
        self.refresh()

    @property
    def page(self) -> int:
        """The page shown."""
        return self.model.page

    # ----------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Reload the contacts from the workspace and show the current page again."""
        try:
            self.model.reload()
            self.go_to(self.model.page)
            self._show_undo()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def go_to(self, page: int) -> None:
        """Show page *page* (clamped) of the matching contacts."""
        self.model.go_to(page)
        shown, pages, total = self.model.shown(), self.model.pages(), len(self.model.all)
        matching = (
            f", {len(self.model.matches):,} match '{self.search.value}'"
            if self.search.value.strip()
            else ""
        )
        self.page_label.value = (
            f"<span role='status'>Page {self.page:,} of {pages:,} "
            f"({total:,} contact{'' if total == 1 else 's'}"
            f"{html.escape(matching)})</span>"
        )
        self.previous.disabled = self.page <= 1
        self.next.disabled = self.page >= pages
        self.table.value = html_table(
            TABLE_COLUMNS,
            table_rows(shown),
            caption=f"Your contacts, page {self.page}",
            css_class="leadnet-contacts",
            empty="No contacts yet: add some above, or import an export."
            if not self.search.value.strip()
            else "No contact matches.",
        )
        selected = self.select.value
        self.select.options = [(option_label(c), c.id) for c in shown]
        ids = [c.id for c in shown]
        self.select.value = selected if selected in ids else None
        self._fill(shown[ids.index(selected)] if selected in ids else None)

    def _show_undo(self) -> None:
        label, tip = self.model.undo_label()
        self.undo.description, self.undo.tooltip = label, tip
        self.undo.disabled = label == "Nothing to undo"

    @property
    def conflict(self) -> EditConflict | None:
        """The conflict the person is deciding on, if any."""
        return self.model.conflict

    def _show_choice(self) -> None:
        self.choice.layout.display = None if self.model.conflict else "none"

    def _fill(self, contact: Contact | None) -> None:
        self.model.loaded, self.model.conflict = contact, None
        self._show_choice()
        row = contact.to_row() if contact else {}
        for key, field in self.fields.items():
            field.value = row.get(key, "")
        for widget in (*self.fields.values(), self.save, self.delete):
            widget.disabled = contact is None

    # ----------------------------------------------------------------- events
    def _on_search(self, _change: dict) -> None:
        self.model.search(self.search.value)
        self.go_to(1)

    def _on_select(self, change: dict) -> None:
        self._fill(self.ws.contact(change["new"]) if change["new"] is not None else None)

    def _values(self) -> dict[str, object]:
        return {k: f.value for k, f in self.fields.items()}

    def _save(self, *, keep_mine: bool = False) -> None:
        waiting, self.ws.on_wait = self.ws.on_wait, lambda m: show(self.feedback, "info", m)
        try:  # on any error the form keeps what the person typed
            text = self.model.save(self.select.value, self._values(), keep_mine=keep_mine)
        except EditConflict as err:
            show(self.feedback, "error", conflict_text(err))
            return
        finally:
            self.ws.on_wait = waiting
            self._show_choice()
        show(self.feedback, "ok" if text else "info", text or "Nothing changed.")

    def _on_save(self, _button: widgets.Button) -> None:
        self._save()

    def _on_keep_mine(self, _button: widgets.Button) -> None:
        self._save(keep_mine=True)

    def _on_keep_theirs(self, _button: widgets.Button) -> None:
        merged = self.model.keep_theirs(self._values())
        for key, field in self.fields.items():
            field.value = merged.get(key, field.value)
        self._show_choice()
        show(
            self.feedback,
            "info",
            "Their values are back in the form; your other changes "
            "are still there: Save keeps both.",
        )

    def _on_delete(self, _button: widgets.Button) -> None:
        show(self.feedback, "ok", self.model.delete(self.select.value))

    def _on_undo(self, _button: widgets.Button) -> None:
        show(self.feedback, "ok", self.model.undo())


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
