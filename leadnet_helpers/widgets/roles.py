"""Roles and energy: a compact grid, one row per contact, a toggle per kind of help.

A thin view over :class:`~leadnet_helpers.app.roles.RolesGrid`: the strongest
ties first, a page at a time; six toggles (Cross and Thomas's kinds of help)
and an energy choice per row; changes are kept across pages until **Save**
writes them in one step, which **Undo** takes back. :meth:`RolesView.figures`
shows the two figures with their readings.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
from IPython.display import display

from ..app.roles import PAGE_SIZE, RolesGrid
from ..app.workspace import watch
from ..diagnostics.roles import load_roles
from ..model import ENERGY, HELP_KINDS
from ..store import Workspace
from .feedback import error_text, feedback_widget, guarded, show

__all__ = ["RolesView", "roles_view"]

_NAME_WIDTH = "13em"
_TOGGLE_WIDTH = "5.8em"
_ENERGY_WIDTH = "13em"
_FIXED = "0 0 auto"  # no shrinking: the grid scrolls sideways on a narrow page instead


class _Row:
    """The widgets of one grid row (reused from page to page)."""

    def __init__(self, labels: dict, energy_labels: dict) -> None:
        self.contact_id: int | None = None
        self.name = widgets.HTML(layout=widgets.Layout(width=_NAME_WIDTH, flex=_FIXED))
        self.toggles = {
            kind: widgets.ToggleButton(
                value=False,
                description=labels[kind]["short"],
                tooltip=labels[kind]["question"],
                layout=widgets.Layout(width=_TOGGLE_WIDTH, flex=_FIXED),
            )
            for kind in HELP_KINDS
        }
        self.energy = widgets.Dropdown(
            options=[("not rated", ""), *((energy_labels[e]["label"], e) for e in ENERGY)],
            value="",
            # a visible label in each row: the column's header is not the select's label
            description="Energy",
            style={"description_width": "auto"},
            layout=widgets.Layout(width=_ENERGY_WIDTH, flex=_FIXED),
        )
        self.box = widgets.HBox(
            [self.name, *self.toggles.values(), self.energy],
            layout=widgets.Layout(overflow="visible", flex=_FIXED),
        )
        self.box.add_class("leadnet-roles-row")


class RolesView(widgets.VBox):
    """The grid of notebook 07 (see the module)."""

    def __init__(self, ws: Workspace, page_size: int = PAGE_SIZE) -> None:
        self.ws = ws
        self.model = RolesGrid(ws, page_size)
        data = load_roles()
        self._loading = False
        self.feedback = feedback_widget()
        self.summary = widgets.HTML()
        self.find = widgets.Text(
            placeholder="find a contact (name, organisation, role), then Enter",
            continuous_update=False,
            layout=widgets.Layout(width="30em"),
        )
        self.only_missing = widgets.Checkbox(
            value=False, description="only contacts with nothing recorded", indent=False
        )
        header = widgets.HBox(
            [widgets.HTML("<b>Contact</b>", layout=widgets.Layout(width=_NAME_WIDTH, flex=_FIXED))]
            + [
                widgets.HTML(
                    f"<b title='{html.escape(data['kinds'][k]['label'])}'>"
                    f"{html.escape(data['kinds'][k]['short'])}</b>",
                    layout=widgets.Layout(width=_TOGGLE_WIDTH, flex=_FIXED),
                )
                for k in HELP_KINDS
            ]
            + [widgets.HTML("")],  # each energy select carries its own label
            layout=widgets.Layout(overflow="visible", flex=_FIXED),
        )
        self.rows = [_Row(data["kinds"], data["energy"]) for _ in range(self.model.page_size)]
        for index, row in enumerate(self.rows):
            for kind, toggle in row.toggles.items():
                toggle.observe(self._toggled(index, kind), names="value")
            row.energy.observe(self._energy_chosen(index), names="value")
        self.previous = widgets.Button(description="Previous page", tooltip="Previous page")
        self.next = widgets.Button(description="Next page", tooltip="Next page")
        self.page = widgets.HTML()
        self.save = widgets.Button(
            description="Save", button_style="primary", tooltip="Save every change, on all pages"
        )
        self.discard = widgets.Button(
            description="Discard changes", tooltip="Forget unsaved changes"
        )
        self.undo = widgets.Button(description="Undo", tooltip="Take back the last save")
        for button in (self.save, self.discard, self.undo):
            button.layout = widgets.Layout(width="auto", min_width="9em")
        super().__init__(
            [
                self.summary,
                widgets.HBox([self.find, self.only_missing]),
                header,
                *(row.box for row in self.rows),
                widgets.HBox([self.previous, self.page, self.next]),
                widgets.HBox([self.save, self.discard, self.undo]),
                self.feedback,
            ]
        )
        self.add_class("leadnet-roles-view")
        self.layout.overflow_x = "auto"
        guard = guarded(self.feedback)
        self.find.observe(guard(lambda _c: self._search()), names="value")
        self.only_missing.observe(guard(lambda _c: self._search()), names="value")
        self.previous.on_click(guard(lambda _b: self._go(-1)))
        self.next.on_click(guard(lambda _b: self._go(1)))
        self.save.on_click(guard(lambda _b: show(self.feedback, "ok", self.model.save())))
        self.discard.on_click(guard(self._on_discard))
        self.undo.on_click(guard(lambda _b: show(self.feedback, "ok", self.model.undo())))
        watch(self.model.workspace, self.refresh)
        self.refresh()

    # ------------------------------------------------------------------ drawing

    def refresh(self) -> None:
        """Redraw the page from the model (after a save, an undo, another view's change)."""
        try:
            self.summary.value = f"<p role='status'>{html.escape(self.model.summary())}</p>"
            self._draw()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def _draw(self) -> None:
        rows = self.model.rows()
        self._loading = True
        try:
            for index, widget_row in enumerate(self.rows):
                row = rows[index] if index < len(rows) else None
                widget_row.contact_id = row.contact_id if row else None
                widget_row.box.layout.display = "" if row else "none"
                if row is None:
                    continue
                mark = " <span title='not saved yet'>•</span>" if row.changed else ""
                detail = f"<br><small>{html.escape(row.detail)}</small>" if row.detail else ""
                widget_row.name.value = f"{html.escape(row.name)}{mark}{detail}"
                for kind, toggle in widget_row.toggles.items():
                    toggle.value = kind in row.helps_with
                    toggle.button_style = "info" if toggle.value else ""
                widget_row.energy.value = row.energy
        finally:
            self._loading = False
        self.page.value = (
            f"<span style='padding:0 1em'>{html.escape(self.model.page_text())}</span>"
        )
        self.previous.disabled = self.model.page == 0
        self.next.disabled = self.model.page >= self.model.page_count - 1
        self.save.description = f"Save ({len(self.model.pending)})" if self.model.dirty else "Save"
        last = self.model.undo_label()
        self.undo.disabled = not last
        self.undo.tooltip = f"Undo: {last}" if last else "Nothing to undo"

    # ------------------------------------------------------------------ callbacks

    def _toggled(self, index: int, kind: str):
        def handler(change: dict) -> None:
            row = self.rows[index]
            if self._loading or row.contact_id is None:
                return
            try:
                self.model.toggle(row.contact_id, kind, bool(change["new"]))
                self._draw()
            except Exception as err:  # noqa: BLE001 - shown, never swallowed
                show(self.feedback, "error", error_text(err))

        return handler

    def _energy_chosen(self, index: int):
        def handler(change: dict) -> None:
            row = self.rows[index]
            if self._loading or row.contact_id is None:
                return
            try:
                self.model.set_energy(row.contact_id, str(change["new"] or ""))
                self._draw()
            except Exception as err:  # noqa: BLE001 - shown, never swallowed
                show(self.feedback, "error", error_text(err))

        return handler

    def _search(self) -> None:
        self.model.search(self.find.value, only_missing=self.only_missing.value)
        self._draw()

    def _go(self, step: int) -> None:
        self.model.go(self.model.page + step)
        self._draw()

    def _on_discard(self, _button: widgets.Button) -> None:
        show(self.feedback, "info", self.model.discard())
        self._draw()

    def findings(self) -> None:
        """Show the two findings: title, reading, whether it is a gap, principle and source."""
        for f in self.model.findings():
            gap = f" <small>(gap: {html.escape(f.severity_label)})</small>" if f.is_gap else ""
            display(
                widgets.HTML(
                    f"<h4>{html.escape(f.title)}{gap}</h4><p>{html.escape(f.reading)}</p>"
                    f"<p><small>Why it matters: {html.escape(f.principle)} "
                    f"({html.escape(f.source)})</small></p>"
                )
            )

    def figures(self) -> None:
        """Show the two figures (kinds of help, energy), each with its one-line reading."""
        for item in self.model.figures():
            display(item["data"], raw=True)
            display(widgets.HTML(f"<p><em>{html.escape(item['reading'])}</em></p>"))


def roles_view(ws: Workspace, page_size: int = PAGE_SIZE) -> RolesView:
    """Show the roles-and-energy grid for *ws* (see :class:`RolesView`).

    Examples
    --------
    >>> from leadnet_helpers.workbook import start_workspace
    >>> from leadnet_helpers.model import Contact, Profile
    >>> ws = start_workspace(Profile("Ana"))
    >>> bo = ws.add_contact(Contact("Bo", strength=5))
    >>> view = roles_view(ws)
    >>> view.rows[0].toggles["power"].value = True
    >>> view.rows[0].energy.value = "drains"
    >>> view.save.click()
    >>> ws.contact(bo).helps_with, ws.contact(bo).energy
    (('power',), 'drains')
    """
    return RolesView(ws, page_size)
