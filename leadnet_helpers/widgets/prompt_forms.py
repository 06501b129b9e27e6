"""Notebook 01's name-generator prompts, each with a quick form to add a contact.

The person answers a question ("Who would you call for career advice?") by
typing a name and a few details; :func:`~leadnet_helpers.prompts.prompt_row`
joins them with the prompt's defaults and the workspace saves the contact.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets
from ipywidgets.widgets.widget_button import ButtonStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from ..app.prompt_forms import NOT_RECORDED, SOMEONE_ELSE, current_introducers, names_by_prompt
from ..app.workspace import watch, workspace_model
from ..errors import LeadNetError
from ..model import normalise_text
from ..prompts import Prompt, load_prompts, prompt_row
from ..store import Workspace
from .feedback import LABEL_STYLE, feedback_widget, guarded, show

__all__ = ["PromptForm", "PromptsView", "prompts_view"]

_INSIDE = [("(not sure)", ""), ("yes, inside my organisation", "yes"), ("no, outside it", "no")]


def _named_html(names: Sequence[str]) -> str:
    if not names:
        return ""
    shown = ", ".join(html.escape(n) for n in names[-8:])
    more = f" and {len(names) - 8} more" if len(names) > 8 else ""
    return f"<p><small>Named here so far: {shown}{more}.</small></p>"


class _Shared:
    """The label styles and field layout every form of a view shares.

    Each widget model is one more thing for the browser to build, and a default
    style or layout replaced after the widget is made is built all the same:
    so the forms' fields are given these when they are made.
    """

    def __init__(self) -> None:
        self.text_style = TextStyle(**LABEL_STYLE)
        self.choice_style = DescriptionStyle(**LABEL_STYLE)
        self.layout = widgets.Layout(width="34em")
        # the headings, messages and "named here" lines: plain HTML, one style and layout
        self.html = {"style": HTMLStyle(), "layout": widgets.Layout()}
        self.button = {"style": ButtonStyle(), "layout": widgets.Layout()}


class PromptForm(widgets.VBox):
    """One prompt and its quick form (name, organisation, role, inside, how we met, introducer)."""

    def __init__(
        self,
        ws: Workspace,
        prompt: Prompt,
        names: Sequence[str],
        introducers: list[tuple[str, str]],
        *,
        shared: _Shared | None = None,
    ) -> None:
        shared = shared or _Shared()
        common = {"style": shared.text_style, "layout": shared.layout}
        choice = {"style": shared.choice_style, "layout": shared.layout}
        self.ws, self.prompt = ws, prompt
        self.named = list(names)
        self.feedback = feedback_widget(**shared.html)
        why = f" {html.escape(prompt.why)}" if prompt.why else ""
        source = f" <small>({html.escape(prompt.source)})</small>" if prompt.source else ""
        self.heading = widgets.HTML(
            f"<h4 style='margin:4px 0'>{html.escape(prompt.prompt)}</h4>"
            f"<p style='margin:2px 0;line-height:1.35'><small>"
            f"{html.escape(prompt.network_type.capitalize())} network."
            f"{why}</small>{source}</p>",
            **shared.html,
        )
        self.fields: dict[str, widgets.ValueWidget] = {
            "name": widgets.Text(description="Name", placeholder="their name", **common),
            "organisation": widgets.Text(description="Organisation", **common),
            "role": widgets.Text(description="Role", **common),
            "inside_org": widgets.Dropdown(
                options=_INSIDE,
                description="Inside my org?",
                value=_inside_default(prompt),
                **choice,
            ),
            "context": widgets.Text(
                description="How we met", placeholder="e.g. project Atlas, alumni dinner", **common
            ),
            "introducer": widgets.Dropdown(
                options=introducers, value=NOT_RECORDED, description="Who introduced us", **choice
            ),
            "introducer_name": widgets.Text(
                description="Introducer's name",
                placeholder="the person who introduced you",
                style=shared.text_style,
                layout=widgets.Layout(width="34em", display="none"),  # its own: shown on demand
            ),
        }
        for key, field in self.fields.items():
            field.add_class(f"leadnet-prompt-{key}")
        self.add = widgets.Button(
            description="Add",
            button_style="primary",
            tooltip=f"Add this person as an answer to: {prompt.prompt}",
            **shared.button,
        )
        self.add.add_class("leadnet-prompt-add")
        self.named_html = widgets.HTML(_named_html(self.named), **shared.html)
        super().__init__(
            [self.heading, *self.fields.values(), self.add, self.feedback, self.named_html],
            layout=widgets.Layout(border="1px solid #ccc", padding="6px", margin="6px 0"),
        )
        self.add_class("leadnet-prompt-form")
        self.add_class(f"leadnet-prompt-{prompt.id}")
        self.fields["introducer"].observe(self._on_introducer, names="value")
        self.add.on_click(guarded(self.feedback)(self._on_add))

    def values(self) -> dict[str, str]:
        """The form as contact fields (the introducer resolved to a name or "me")."""
        chosen = self.fields["introducer"].value
        introducer = self.fields["introducer_name"].value if chosen == SOMEONE_ELSE else chosen
        return {
            "name": self.fields["name"].value,
            "organisation": self.fields["organisation"].value,
            "role": self.fields["role"].value,
            "inside_org": self.fields["inside_org"].value,
            "context": self.fields["context"].value,
            "introduced_by": normalise_text(introducer),
        }

    def set_introducers(self, options: list[tuple[str, str]]) -> None:
        """Offer a new list of introducers, keeping the current choice if it is still there."""
        current = self.fields["introducer"].value
        self.fields["introducer"].options = options
        if current in {v for _, v in options}:
            self.fields["introducer"].value = current

    def _on_introducer(self, change: dict) -> None:
        self.fields["introducer_name"].layout.display = (
            "" if change["new"] == SOMEONE_ELSE else "none"
        )

    def _on_add(self, _button: widgets.Button) -> None:
        values = self.values()
        if self.fields["introducer"].value == SOMEONE_ELSE and not values["introduced_by"]:
            raise LeadNetError(
                "you chose 'someone else' as the introducer without a name",
                fix="Type the introducer's name, or choose another option.",
            )
        row = prompt_row(self.prompt, values)
        same = self.ws.find_contacts(row["name"])
        self.ws.add_contact(row, source=f"prompt:{self.prompt.id}")
        self.named.append(row["name"])
        self.named_html.value = _named_html(self.named)
        note = (
            f" You already had {len(same)} contact(s) with this name; if it is the same "
            "person, delete one in the contacts table."
            if same
            else ""
        )
        show(self.feedback, "ok", f"Added {row['name']}.{note}")
        for key in ("name", "organisation", "role", "context", "introducer_name"):
            self.fields[key].value = ""
        self.fields["inside_org"].value = _inside_default(self.prompt)
        workspace_model(self.ws).changed()


def _inside_default(prompt: Prompt) -> str:
    value = prompt.defaults.get("inside_org", "").casefold()
    return {"yes": "yes", "no": "no"}.get(value, "")


class PromptsView(widgets.VBox):
    """The prompts of one network (or all of them), each with its :class:`PromptForm`."""

    def __init__(self, ws: Workspace, prompts: Sequence[Prompt]) -> None:
        self.ws = ws
        self.feedback = feedback_widget()
        names = names_by_prompt(workspace_model(ws).contacts())
        options = current_introducers(ws)
        shared = _Shared()
        self.forms = [
            PromptForm(ws, p, names.get(p.id, []), options, shared=shared) for p in prompts
        ]
        super().__init__([*self.forms, self.feedback])
        self.add_class("leadnet-prompts-view")
        watch(workspace_model(ws), self.refresh)

    def refresh(self) -> None:
        """Offer the current contacts as introducers."""
        try:
            options = current_introducers(self.ws)
            for form in self.forms:
                form.set_introducers(options)
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            from .feedback import error_text

            show(self.feedback, "error", error_text(err))


def prompts_view(
    ws: Workspace,
    network_type: str | None = None,
    *,
    prompts: Sequence[Prompt] | None = None,
) -> widgets.Widget:
    """Show the name-generator prompts, each with a form that adds a contact.

    Parameters
    ----------
    ws : Workspace
        Where contacts are added.
    network_type : str, optional
        Only the prompts exploring this network ("operational", "personal",
        "strategic"); all of them when omitted.
    prompts : sequence of Prompt, optional
        The prompts to show (default: ``data/prompts.json``).

    Returns
    -------
    PromptsView or ipywidgets.HTML
        The forms, or a message saying why the prompts cannot be shown.

    Examples
    --------
    >>> from leadnet_helpers.workbook import start_workspace
    >>> from leadnet_helpers.model import Profile
    >>> ws = start_workspace(Profile("Bo"))
    >>> view = prompts_view(ws, prompts=[Prompt("q1", "personal", "Who gives you advice?")])
    >>> view.forms[0].fields["name"].value = "Ada Brooks"
    >>> view.forms[0].add.click()
    >>> [c.name for c in ws.contacts()]
    ['Ada Brooks']
    """
    from .feedback import error_text, message_html

    try:
        chosen = list(prompts) if prompts is not None else load_prompts()
    except LeadNetError as err:
        return widgets.HTML(message_html("error", error_text(err)))
    if network_type:
        chosen = [p for p in chosen if p.network_type == network_type]
    if not chosen:
        return widgets.HTML(message_html("info", f"No prompts for the {network_type} network."))
    return PromptsView(ws, chosen)
