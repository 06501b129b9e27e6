"""Share with my coach: choose offers and asks, read the preview, write the file.

A thin view over :class:`~leadnet_helpers.app.share.ShareModel`: dropdowns and
text boxes feed the model, **Preview** shows exactly what the file will hold,
and **Write the file** (enabled only once the current choices are previewed)
saves it and offers it as a download link. Plain widgets only, so it works
in Voilà's default mode.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..app.share import SIDES, ShareModel, area_options, kind_options
from ..store import Workspace
from .feedback import LABEL_STYLE, download_link, feedback_widget, guarded, show

__all__ = ["ShareView", "share_view"]


class ShareView(widgets.VBox):
    """The share form: pseudonym, offers, asks, preview, write."""

    def __init__(self, model: ShareModel) -> None:
        super().__init__()
        self.model = model
        self.add_class("leadnet-share")
        self.feedback = feedback_widget()
        self.pseudonym = widgets.Text(
            value=model.pseudonym,
            description="Pseudonym",
            placeholder="optional: a made-up name, e.g. Heron",
            style=LABEL_STYLE,
        )
        self.rows: dict[str, list[tuple[widgets.Dropdown, widgets.Dropdown, widgets.Text]]] = {}
        sections: list[widgets.Widget] = [self.pseudonym]
        for side in SIDES:
            title = "What you offer the room" if side == "offer" else "What you ask the room for"
            sections.append(widgets.HTML(f"<b>{title}</b> (up to three)"))
            self.rows[side] = []
            for i, (kind, area, phrase) in enumerate(model.rows[side]):
                row = (
                    widgets.Dropdown(
                        options=kind_options(side),
                        value=kind,
                        description=f"{side.capitalize()} {i + 1}",
                        style=LABEL_STYLE,
                    ),
                    widgets.Dropdown(options=area_options(), value=area, description="Area"),
                    widgets.Text(
                        value=phrase, description="In a few words", placeholder="optional"
                    ),
                )
                self.rows[side].append(row)
                sections.append(widgets.HBox(list(row)))
        self.preview_button = widgets.Button(description="Preview", button_style="primary")
        self.write_button = widgets.Button(description="Write the file", icon="save", disabled=True)
        self.preview_box = widgets.HTML()
        self.link = widgets.HTML()
        self.preview_button.on_click(guarded(self.feedback)(self._preview))
        self.write_button.on_click(guarded(self.feedback)(self._write))
        for row_list in self.rows.values():
            for row in row_list:
                for w in row:
                    w.observe(guarded(self.feedback)(self._changed), names="value")
        self.pseudonym.observe(guarded(self.feedback)(self._changed), names="value")
        self.children = [
            *sections,
            widgets.HBox([self.preview_button, self.write_button]),
            self.feedback,
            self.preview_box,
            self.link,
        ]

    def _sync(self) -> None:
        self.model.set_pseudonym(self.pseudonym.value)
        for side, row_list in self.rows.items():
            for i, (kind, area, phrase) in enumerate(row_list):
                self.model.set_choice(side, i, kind.value, area.value, phrase.value)

    def _changed(self, _change: Any = None) -> None:
        self._sync()
        self.write_button.disabled = True
        if self.preview_box.value:
            show(self.feedback, "info", "You changed something: press Preview again.")

    def _preview(self, _button: Any = None) -> None:
        self._sync()
        self.write_button.disabled = True
        self.preview_box.value = ""
        text = self.model.preview()
        self.preview_box.value = (
            '<pre class="leadnet-share-preview" style="white-space:pre-wrap">'
            f"{html.escape(text)}</pre>"
        )
        self.write_button.disabled = False
        show(self.feedback, "ok", "This is everything the file will hold. Nothing is written yet.")

    def _write(self, _button: Any = None) -> Path:
        path = self.model.write()
        self.link.value = download_link(path, fmt="json")
        show(self.feedback, "ok", f"Wrote {path.name}: download it and give it to your coach.")
        return path


def share_view(ws: Workspace, *, folder: str | Path | None = None) -> ShareView:
    """The share form for *ws* (files go to *folder*, default the export folder)."""
    return ShareView(ShareModel(ws, folder=folder))
