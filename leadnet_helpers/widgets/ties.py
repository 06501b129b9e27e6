"""Who knows whom: pick a contact, tick the others they know, save.

Built to be quick for the fifty or so contacts that matter: the people the
chosen contact already knows come first and are ticked; a filter narrows the
list; at most :data:`SHOWN` check boxes exist, whatever the size of the map.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import ipywidgets as widgets

from ..app.contacts import search_contacts
from ..app.workspace import watch, workspace_model
from ..errors import LeadNetError
from ..model import Contact
from ..store import Workspace
from .feedback import LABEL_STYLE, error_text, feedback_widget, guarded, show

__all__ = ["SHOWN", "TiesView", "person_options", "tie_candidates", "ties_summary", "ties_view"]

#: The most check boxes (and contacts to pick from) shown at once.
SHOWN = 60


def person_options(contacts: Sequence[Contact], query: str = "",
                   limit: int = SHOWN) -> list[tuple[str, int]]:
    """The contacts to pick from (matching *query*), as ``(label, id)``, by name.

    Examples
    --------
    >>> person_options([Contact("Bo", id=2), Contact("Ada", organisation="X", id=1)])
    [('Ada (X)', 1), ('Bo', 2)]
    """
    found = sorted(search_contacts(contacts, query), key=lambda c: c.name.casefold())[:limit]
    return [(f"{c.name} ({c.organisation})" if c.organisation else c.name, c.id) for c in found]


def tie_candidates(contacts: Sequence[Contact], person: int | None, query: str,
                   ticked: Iterable[int], limit: int = SHOWN) -> tuple[list[Contact], int]:
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


class TiesView(widgets.VBox):
    """Pick a contact, tick who they know, save (``Workspace.set_ties``)."""

    def __init__(self, ws: Workspace, shown: int = SHOWN) -> None:
        self.ws = ws
        self.contacts: list[Contact] = []
        self.ticked: set[int] = set()
        self.feedback = feedback_widget()
        self.summary = widgets.HTML()
        self.summary.add_class("leadnet-ties-summary")
        self.find = widgets.Text(description="Find a contact", continuous_update=False,
                                 placeholder="type part of a name, then Enter",
                                 style=LABEL_STYLE, layout=widgets.Layout(width="34em"))
        self.person = widgets.Select(options=[], rows=6, description="Whose contacts?",
                                     style=LABEL_STYLE, layout=widgets.Layout(width="34em"))
        self.person.add_class("leadnet-ties-person")
        self.filter = widgets.Text(description="Filter the others", continuous_update=False,
                                   placeholder="narrow the list below, then Enter",
                                   style=LABEL_STYLE, layout=widgets.Layout(width="34em"))
        self.boxes = [widgets.Checkbox(value=False, description="", indent=False,
                                       layout=widgets.Layout(width="16em", display="none"))
                      for _ in range(shown)]
        self._box_ids: list[int | None] = [None] * shown
        for box in self.boxes:
            box.add_class("leadnet-ties-box")
            box.observe(self._on_tick, names="value")
        self.grid = widgets.GridBox(self.boxes, layout=widgets.Layout(
            grid_template_columns="repeat(3, 16em)"))
        self.more = widgets.HTML()
        self.save = widgets.Button(description="Save", button_style="primary",
                                   tooltip="Save who this contact knows",
                                   layout=widgets.Layout(width="auto", min_width="10em"))
        self.save.add_class("leadnet-ties-save")
        super().__init__([self.summary, self.find, self.person, self.filter, self.grid,
                          self.more, self.save, self.feedback])
        self.add_class("leadnet-ties-view")
        guard = guarded(self.feedback)
        self.find.observe(guard(lambda _c: self._show_people()), names="value")
        self.person.observe(guard(self._on_person), names="value")
        self.filter.observe(guard(lambda _c: self._show_boxes()), names="value")
        self.save.on_click(guard(self._on_save))
        watch(workspace_model(ws), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Reload contacts and ties from the workspace."""
        try:
            self.contacts = workspace_model(self.ws).contacts()
            self._show_summary()
            self._show_people()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def _show_summary(self) -> None:
        text = ties_summary(len(self.ws.ties()), len(self.contacts))
        self.summary.value = f"<p role='status'>{html.escape(text)}</p>"

    def _show_people(self) -> None:
        current = self.person.value
        options = person_options(self.contacts, self.find.value)
        self.person.options = options
        ids = [v for _, v in options]
        self.person.value = current if current in ids else None
        if self.person.value is None:
            self._load(None)

    def _on_person(self, change: dict) -> None:
        self._load(change["new"])

    def _load(self, person: int | None) -> None:
        self.ticked = set(self.ws.known_by(person)) if person is not None else set()
        self.save.disabled = person is None
        self.save.description = "Save" if person is None else "Save who they know"
        self._show_boxes()

    def _show_boxes(self) -> None:
        person = self.person.value
        shown, total = (tie_candidates(self.contacts, person, self.filter.value, self.ticked,
                                       len(self.boxes)) if person is not None else ([], 0))
        for index, box in enumerate(self.boxes):
            contact = shown[index] if index < len(shown) else None
            self._box_ids[index] = contact.id if contact else None
            if contact is None:
                box.layout.display = "none"
                continue
            box.description = contact.name
            box.value = contact.id in self.ticked  # the tick handler sees no change to record
            box.layout.display = ""
        if person is None:
            self.more.value = "<p>Choose a contact above to record who they know.</p>"
        elif total > len(shown):
            self.more.value = (f"<p>Showing {len(shown)} of {total:,}: type in the filter "
                               "to find others.</p>")
        else:
            self.more.value = f"<p>{len(self.ticked)} ticked.</p>"

    def _on_tick(self, change: dict) -> None:
        contact_id = self._box_ids[self.boxes.index(change["owner"])]
        if contact_id is None or bool(change["new"]) == (contact_id in self.ticked):
            return  # the view showing what is ticked, not the person ticking
        if change["new"]:
            self.ticked.add(contact_id)
        else:
            self.ticked.discard(contact_id)
        self.more.value = f"<p>{len(self.ticked)} ticked (not saved yet).</p>"

    def _on_save(self, _button: widgets.Button) -> None:
        person = self.person.value
        if person is None:
            raise LeadNetError("no contact is chosen", fix="Choose a contact in the list first.")
        kept = self.ws.set_ties(person, self.ticked)
        name = self.ws.contact(person).name
        people = "person" if kept == 1 else "people"
        show(self.feedback, "ok", f"Saved: {name} knows {kept} {people} in your map.")
        self._show_summary()
        workspace_model(self.ws).changed()


def ties_view(ws: Workspace) -> TiesView:
    """Show the who-knows-whom view for *ws* (see :class:`TiesView`).

    Examples
    --------
    >>> from leadnet_helpers.workbook import start_workspace
    >>> from leadnet_helpers.model import Profile
    >>> ws = start_workspace(Profile("Bo"))
    >>> a, b = ws.add_contact(Contact("Ada")), ws.add_contact(Contact("Cy"))
    >>> view = ties_view(ws)
    >>> view.person.value = a
    >>> view.boxes[0].value = True
    >>> view.save.click()
    >>> ws.known_by(a) == [b]
    True
    """
    return TiesView(ws)
