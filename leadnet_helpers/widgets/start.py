"""Notebook 00's start view: explore a sample persona, or create my own workspace.

The form only collects values; :func:`profile_from_form` checks them and
:mod:`leadnet_helpers.workbook` creates or opens the workspace.
"""

from __future__ import annotations

import contextlib
import html

import ipywidgets as widgets

from .. import paths, personas, workbook
from ..app.start import profile_from_form
from ..model import CAREER_STAGES
from ..store import Workspace
from .feedback import LABEL_STYLE, feedback_widget, guarded, show

__all__ = ["StartView", "confirmation_html", "start_view"]

SAMPLE, OWN, EXISTING = (
    "Explore a sample persona",
    "Create my own workspace",
    "Open my existing workspace",
)


def confirmation_html(ws: Workspace, note: str = "") -> str:
    """Say that the workspace is ready, where its file is, and what comes next.

    Examples
    --------
    >>> from leadnet_helpers.model import Profile
    >>> from leadnet_helpers.workbook import start_workspace
    >>> "Your workspace is ready" in confirmation_html(start_workspace(Profile("Bo")))
    True
    """
    profile = ws.profile()
    who = html.escape(profile.name if profile else "")
    count = ws.count_contacts()
    return (
        f'<div class="leadnet-confirmation" role="status"><p><b>Your workspace is ready:</b> '
        f"{who} ({count:,} contact{'' if count == 1 else 's'}). {html.escape(note)}</p>"
        f"<p>It is one file on this computer: <code>{html.escape(str(ws.path))}</code>. "
        "Nothing leaves this machine.</p>"
        "<p>Next: open <b>01_map_your_contacts</b> and start mapping.</p></div>"
    )


class StartView(widgets.VBox):
    """Choose a sample persona, create a workspace, or open the existing one.

    Attributes ``choice``, ``persona``, ``open_sample``, ``fields`` (a dict of
    the profile inputs), ``create``, ``open_existing`` and ``feedback`` are
    the widgets a test (or a curious person) can reach.
    """

    def __init__(self) -> None:
        self.feedback = feedback_widget()
        existing = paths.current_workspace_path()
        options = [SAMPLE, OWN] + ([EXISTING] if existing else [])
        self.choice = widgets.RadioButtons(
            options=options, value=OWN, description="I want to", style=LABEL_STYLE
        )
        self.choice.add_class("leadnet-start-choice")

        try:
            found = personas.list_personas()
        except (OSError, ValueError):
            found = []
        self.persona = widgets.Dropdown(
            options=[
                (f"{p.get('name', p['slug'])}: {p.get('career_stage', '')}".rstrip(": "), p["slug"])
                for p in found
            ],
            description="Sample persona",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="42em"),
        )
        self.persona_about = widgets.HTML()
        self.open_sample = widgets.Button(
            description="Explore this sample",
            button_style="info",
            layout=widgets.Layout(width="auto"),
            tooltip="Build a fresh copy of the sample persona",
        )
        self.open_sample.add_class("leadnet-open-sample")

        self.fields: dict[str, widgets.ValueWidget] = {
            "name": widgets.Text(description="Your name", placeholder="e.g. Ana Lima"),
            "organisation": widgets.Text(description="Organisation"),
            "role": widgets.Text(description="Role", placeholder="e.g. Head of Operations"),
            "function": widgets.Text(description="Function", placeholder="e.g. Operations"),
            "industry": widgets.Text(description="Industry", placeholder="e.g. Logistics"),
            "career_stage": widgets.Dropdown(
                options=[("(choose)", ""), *[(s, s) for s in CAREER_STAGES]],
                description="Career stage",
            ),
        }
        for key, field in self.fields.items():
            field.style = LABEL_STYLE
            field.layout = widgets.Layout(width="36em")
            field.add_class(f"leadnet-profile-{key}")
        self.create = widgets.Button(
            description="Create my workspace",
            button_style="primary",
            layout=widgets.Layout(width="auto"),
            tooltip="Create your workspace file on this computer",
        )
        self.create.add_class("leadnet-create")

        self.existing_path = existing
        self.open_existing = widgets.Button(
            description="Open it",
            button_style="info",
            tooltip="Open the workspace you used last time",
        )
        self.open_existing.add_class("leadnet-open-existing")

        no_personas = widgets.HTML("<p>No sample personas are installed in data/personas/.</p>")
        self.panels = {
            SAMPLE: widgets.VBox(
                [self.persona, self.persona_about, self.open_sample] if found else [no_personas]
            ),
            OWN: widgets.VBox([*self.fields.values(), self.create]),
            EXISTING: widgets.VBox(
                [
                    widgets.HTML(
                        f"<p>Last time you worked in <code>{html.escape(str(existing))}</code>.</p>"
                    ),
                    self.open_existing,
                ]
            ),
        }
        self.privacy = widgets.HTML(
            f"<p>Your workspace will be one file in <code>"
            f"{html.escape(str(paths.leadnet_home()))}</code>. Nothing leaves this computer.</p>"
        )
        self.panel = widgets.VBox([self.panels[OWN]])
        super().__init__([self.choice, self.panel, self.privacy, self.feedback])
        self.add_class("leadnet-start-view")

        self.choice.observe(self._on_choice, names="value")
        self.persona.observe(self._on_persona, names="value")
        self.open_sample.on_click(guarded(self.feedback)(self._on_open_sample))
        self.create.on_click(guarded(self.feedback)(self._on_create))
        self.open_existing.on_click(guarded(self.feedback)(self._on_open_existing))
        self._describe_persona(found)

    def _describe_persona(self, found: list[dict[str, str]]) -> None:
        chosen = next((p for p in found if p["slug"] == self.persona.value), None)
        if chosen:
            self.persona_about.value = f"<p>{html.escape(chosen.get('description', ''))}</p>"

    def _on_choice(self, change: dict) -> None:
        self.panel.children = [self.panels[change["new"]]]
        self.feedback.value = ""

    def _on_persona(self, _change: dict) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._describe_persona(personas.list_personas())

    def _on_open_sample(self, _button: widgets.Button) -> None:
        show(self.feedback, "info", "Building your copy of the sample...")
        ws = workbook.open_sample_workspace(self.persona.value)
        show(
            self.feedback,
            "ok",
            confirmation_html(
                ws,
                "This is a copy of a sample persona: change it freely, the original stays "
                "as it was.",
            ),
            escape=False,
        )

    def _on_create(self, _button: widgets.Button) -> None:
        profile = profile_from_form({k: f.value for k, f in self.fields.items()})
        ws = workbook.start_workspace(profile)
        show(
            self.feedback,
            "ok",
            confirmation_html(ws, workbook.current_session().note),
            escape=False,
        )

    def _on_open_existing(self, _button: widgets.Button) -> None:
        ws = workbook.start_workspace(path=self.existing_path)
        show(self.feedback, "ok", confirmation_html(ws, "Welcome back."), escape=False)


def start_view() -> StartView:
    """Notebook 00's start view (see :class:`StartView`).

    Examples
    --------
    >>> view = start_view()
    >>> view.fields["name"].value = "Ana Lima"
    >>> view.create.click()
    >>> "Your workspace is ready" in view.feedback.value
    True
    """
    return StartView()
