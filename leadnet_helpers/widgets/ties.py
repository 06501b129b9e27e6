"""Who knows whom: pick a contact, tick the others they know, save.

Built to be quick for the fifty or so contacts that matter: the people the
chosen contact already knows come first and are ticked; a filter narrows the
list; at most :data:`SHOWN` check boxes exist, whatever the size of the map.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle

from ..app.ties import SHOWN, TieEditor, person_options, tie_candidates
from ..app.workspace import watch
from ..model import Contact
from ..store import Workspace
from .feedback import LABEL_STYLE, error_text, feedback_widget, guarded, show

__all__ = ["TiesView", "ties_view"]


class TiesView(widgets.VBox):
    """Pick a contact, tick who they know, save (``Workspace.set_ties``)."""

    def __init__(self, ws: Workspace, shown: int = SHOWN) -> None:
        self.ws = ws
        self.model = TieEditor(ws)
        self.contacts: list[Contact] = []
        self.feedback = feedback_widget()
        self.summary = widgets.HTML()
        self.summary.add_class("leadnet-ties-summary")
        self.find = widgets.Text(
            description="Find a contact",
            continuous_update=False,
            placeholder="type part of a name, then Enter",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        self.person = widgets.Select(
            options=[],
            rows=6,
            description="Whose contacts?",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        self.person.add_class("leadnet-ties-person")
        self.filter = widgets.Text(
            description="Filter the others",
            continuous_update=False,
            placeholder="narrow the list below, then Enter",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="34em"),
        )
        # check boxes are made when a contact is chosen (none before), at most *shown*,
        # and reused: each one is three widget models for the browser to build
        self.shown = shown
        self.boxes: list[widgets.Checkbox] = []
        self._box_ids: list[int | None] = []
        self._box_style = CheckboxStyle()
        self.grid = widgets.GridBox(
            [], layout=widgets.Layout(grid_template_columns="repeat(3, 16em)")
        )
        self.more = widgets.HTML()
        self.save = widgets.Button(
            description="Save",
            button_style="primary",
            tooltip="Save who this contact knows",
            layout=widgets.Layout(width="auto", min_width="10em"),
        )
        self.save.add_class("leadnet-ties-save")
        super().__init__(
            [
                self.summary,
                self.find,
                self.person,
                self.filter,
                self.grid,
                self.more,
                self.save,
                self.feedback,
            ]
        )
        self.add_class("leadnet-ties-view")
        guard = guarded(self.feedback)
        self.find.observe(guard(lambda _c: self._show_people()), names="value")
        self.person.observe(guard(self._on_person), names="value")
        self.filter.observe(guard(lambda _c: self._show_boxes()), names="value")
        self.save.on_click(guard(self._on_save))
        watch(self.model.workspace, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Reload contacts and ties from the workspace."""
        try:
            self.contacts = self.model.contacts()
            self._show_summary()
            self._show_people()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def _show_summary(self) -> None:
        text = self.model.summary()
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
        self.model.choose(person)
        self.save.disabled = person is None
        self.save.description = "Save" if person is None else "Save who they know"
        self._show_boxes()

    def _show_boxes(self) -> None:
        person = self.person.value
        shown, total = (
            tie_candidates(self.contacts, person, self.filter.value, self.ticked, self.shown)
            if person is not None
            else ([], 0)
        )
        self._make_boxes(len(shown))
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
            self.more.value = (
                f"<p>Showing {len(shown)} of {total:,}: type in the filter to find others.</p>"
            )
        else:
            self.more.value = f"<p>{len(self.ticked)} ticked.</p>"

    def _make_boxes(self, count: int) -> None:
        """Have at least *count* check boxes (at most ``shown``), made once and reused."""
        count = min(count, self.shown)
        if count <= len(self.boxes):
            return
        for _ in range(count - len(self.boxes)):
            box = widgets.Checkbox(
                value=False,
                description="",
                indent=False,
                style=self._box_style,
                layout=widgets.Layout(width="16em", display="none"),
            )
            box.add_class("leadnet-ties-box")
            box.observe(self._on_tick, names="value")
            self.boxes.append(box)
            self._box_ids.append(None)
        self.grid.children = tuple(self.boxes)

    def _on_tick(self, change: dict) -> None:
        contact_id = self._box_ids[self.boxes.index(change["owner"])]
        if contact_id is None or not self.model.tick(contact_id, bool(change["new"])):
            return  # the view showing what is ticked, not the person ticking
        self.more.value = f"<p>{len(self.ticked)} ticked (not saved yet).</p>"

    def _on_save(self, _button: widgets.Button) -> None:
        show(self.feedback, "ok", self.model.save())  # every view refreshes, this one too

    @property
    def ticked(self) -> set[int]:
        """The contacts ticked as known by the chosen one."""
        return self.model.ticked


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
