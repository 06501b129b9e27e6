"""Notebook 01b: choose your key contacts, classify them at scale, settle thin rows.

A thin view over :class:`~leadnet_helpers.app.key_contacts.KeyContactsModel`:
each button calls one of its methods and shows what it said. Three sections:
the shortlist and the bulk and one-at-a-time choices; rules in plain terms
and suggestions from similar decisions; the one-click settling questions.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from ..app.key_contacts import KeyContactsModel
from ..key_contacts import AIM
from ..store import Workspace
from .feedback import LABEL_STYLE, feedback_widget, guarded, show

__all__ = ["KeyContactsView", "basis_banner", "key_contacts_view"]

#: At most this many rows in a table, and settling questions at a time.
ROWS_SHOWN = 60
QUESTIONS_SHOWN = 12


def _table(frame: pd.DataFrame, columns: dict[str, str], cls: str) -> str:
    if frame.empty:
        return f'<p class="{cls}">None.</p>'
    head = "".join(f"<th>{html.escape(t)}</th>" for t in columns.values())
    body = []
    for row in frame.head(ROWS_SHOWN).to_dict("records"):
        cells = "".join(f"<td>{html.escape(str(row.get(c, '')))}</td>" for c in columns)
        body.append(f"<tr>{cells}</tr>")
    more = f"<p>... and {len(frame) - ROWS_SHOWN:,} more.</p>" if len(frame) > ROWS_SHOWN else ""
    return (
        f'<table class="{cls}" style="border-collapse:collapse;font-size:90%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"
    )


def _button(text: str, cls: str, style: str = "") -> widgets.Button:
    b = widgets.Button(description=text, button_style=style, layout=widgets.Layout(width="auto"))
    b.add_class(cls)
    return b


def _text(label: str, cls: str, placeholder: str = "", width: str = "30em") -> widgets.Text:
    t = widgets.Text(
        description=label,
        placeholder=placeholder,
        style=LABEL_STYLE,
        layout=widgets.Layout(width=width),
    )
    t.add_class(cls)
    return t


class KeyContactsView(widgets.VBox):
    """Choose the key contacts and classify them at scale (see the module)."""

    def __init__(self, ws: Workspace, today: str | None = None) -> None:
        self.model = KeyContactsModel(ws, today=today)
        self.feedback = feedback_widget()
        guard = guarded(self.feedback)
        self.status = widgets.HTML()
        self.status.add_class("leadnet-keys-status")
        # -- the shortlist
        self.size = widgets.BoundedIntText(
            value=AIM[1], min=1, max=500, description="How many", style=LABEL_STYLE
        )
        self.size.add_class("leadnet-keys-size")
        self.keep = _button("Keep the top ones", "leadnet-keys-keep", "primary")
        self.table = widgets.HTML()
        self.table.add_class("leadnet-keys-table")
        # -- bulk
        self.organisation = _text("Organisation", "leadnet-keys-org", "e.g. Northwind")
        self.role_word = _text("Word in the role", "leadnet-keys-role", "e.g. recruiter")
        self.year = _text("Year connected", "leadnet-keys-year", "e.g. 2015", "18em")
        self.matches = widgets.HTML()
        self.add_bulk = _button("Add everyone matching", "leadnet-keys-add-bulk")
        self.remove_bulk = _button("Remove everyone matching", "leadnet-keys-remove-bulk")
        # -- one at a time
        self.find = _text("Find a contact", "leadnet-keys-find", "part of a name, then Enter")
        self.find.continuous_update = False
        # each list has a visible label (its description), which is also its accessible name
        self.found = widgets.Select(
            options=[],
            rows=5,
            description="Found",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="30em"),
        )
        self.found.add_class("leadnet-keys-found")
        self.add_one = _button("Add to my key contacts", "leadnet-keys-add-one")
        self.chosen = widgets.SelectMultiple(
            options=[],
            rows=8,
            description="Your key contacts",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="30em"),
        )
        self.chosen.add_class("leadnet-keys-chosen")
        self.remove_chosen = _button("Remove the selected", "leadnet-keys-remove-one")
        # -- rules and suggestions
        self.rule = _text(
            "Your rule", "leadnet-keys-rule", "e.g. everyone at Northwind is operational", "40em"
        )
        self.preview = _button("Preview", "leadnet-keys-preview")
        self.apply = _button("Apply the rule", "leadnet-keys-apply", "primary")
        self.rule_out = widgets.HTML()
        self.rule_out.add_class("leadnet-keys-rule-preview")
        self.suggest = _button("Suggest from my decisions", "leadnet-keys-suggest")
        self.accept = _button("Accept these suggestions", "leadnet-keys-accept")
        self.suggest_out = widgets.HTML()
        self.suggest_out.add_class("leadnet-keys-suggestions")
        # -- settling questions
        self.questions = widgets.VBox()
        self.questions.add_class("leadnet-keys-questions")
        self.undo = _button("Undo", "leadnet-keys-undo", "warning")
        self.wider = widgets.HTML()
        self.wider.add_class("leadnet-keys-wider")

        def section(title: str) -> widgets.HTML:
            return widgets.HTML(f"<h4>{html.escape(title)}</h4>")

        super().__init__(
            [
                self.status,
                section("The shortlist"),
                widgets.HBox([self.size, self.keep]),
                section("In bulk"),
                self.organisation,
                self.role_word,
                self.year,
                self.matches,
                widgets.HBox([self.add_bulk, self.remove_bulk]),
                section("One at a time"),
                self.find,
                widgets.HBox([self.found, self.add_one]),
                widgets.HBox([self.chosen, self.remove_chosen]),
                section("Your key contacts"),
                self.table,
                section("Classify in bulk: your rules, and suggestions from your decisions"),
                self.rule,
                widgets.HBox([self.preview, self.apply]),
                self.rule_out,
                widgets.HBox([self.suggest, self.accept]),
                self.suggest_out,
                section("One-click questions about thin rows"),
                self.questions,
                widgets.HBox([self.undo]),
                self.feedback,
                self.wider,
            ]
        )
        self.add_class("leadnet-keys-view")
        self.keep.on_click(guard(lambda _b: self._done(self.model.keep_top(self.size.value))))
        self.add_bulk.on_click(
            guard(lambda _b: self._done(self.model.add_matching(**self._bulk())))
        )
        self.remove_bulk.on_click(
            guard(lambda _b: self._done(self.model.remove_matching(**self._bulk())))
        )
        for box in (self.organisation, self.role_word, self.year):
            box.observe(guard(lambda _c: self._show_matches()), names="value")
        self.find.observe(guard(lambda _c: self._show_found()), names="value")
        self.add_one.on_click(guard(self._on_add_one))
        self.remove_chosen.on_click(
            guard(lambda _b: self._done(self.model.remove(list(self.chosen.value))))
        )
        self.preview.on_click(guard(lambda _b: self._show_preview()))
        self.apply.on_click(guard(lambda _b: self._done(self.model.apply_rule(self.rule.value))))
        self.suggest.on_click(guard(lambda _b: self._show_suggestions()))
        self.accept.on_click(guard(lambda _b: self._done(self.model.accept_suggestions())))
        self.undo.on_click(guard(lambda _b: self._done(self.model.undo())))
        self.refresh()

    # ---------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Redraw the status, the key contacts, the questions and the wider reading."""
        self.status.value = f"<p><b>{html.escape(self.model.status())}</b></p>"
        table = self.model.key_table()
        self.table.value = _table(
            table,
            {"rank": "#", "name": "Name", "organisation": "Organisation", "reason": "Why"},
            "leadnet-keys-list",
        )
        self.chosen.options = [
            (f"{n} ({o})" if o else str(n), int(i))
            for n, o, i in zip(
                table["name"], table["organisation"], table["contact_id"], strict=True
            )
        ]
        self._show_questions()
        self.wider.value = f"<p>{html.escape(self.model.wider_text())}</p>"

    def _done(self, message: str) -> None:
        self.refresh()
        self._show_matches()
        show(self.feedback, "ok", message)  # last: once it shows, the view is redrawn

    def _bulk(self) -> dict[str, str]:
        return {
            "organisation": self.organisation.value.strip(),
            "role_word": self.role_word.value.strip(),
            "year": self.year.value.strip(),
        }

    def _show_matches(self) -> None:
        wanted = self._bulk()
        if not any(wanted.values()):
            self.matches.value = ""
            return
        ids = self.model.matching(**wanted)
        kept = len(set(ids) & self.model.key_ids())
        self.matches.value = (
            f'<p class="leadnet-keys-matches">{len(ids):,} contacts match '
            f"({kept:,} already key contacts).</p>"
        )

    def _show_found(self) -> None:
        self.found.options = self.model.find(self.find.value)

    def _on_add_one(self, _b: widgets.Button) -> None:
        if self.found.value is None:
            show(self.feedback, "info", "Find a contact by name first, then pick them.")
            return
        self._done(self.model.add([int(self.found.value)]))

    def _show_preview(self) -> None:
        frame = self.model.preview_rule(self.rule.value)
        frame = frame.assign(key=frame["key"].map({True: "key", False: ""}))
        self.rule_out.value = f"<p>This rule would change {len(frame):,} contacts:</p>" + _table(
            frame,
            {
                "name": "Name",
                "organisation": "Organisation",
                "role": "Role",
                "now": "Now",
                "becomes": "Becomes",
                "key": "Key?",
            },
            "leadnet-keys-preview-table",
        )

    def _show_suggestions(self) -> None:
        frame = self.model.suggestions()
        self.suggest_out.value = f"<p>{len(frame):,} suggestions, nothing saved yet:</p>" + _table(
            frame,
            {"name": "Name", "suggested": "Network", "reason": "Why"},
            "leadnet-keys-suggestion-table",
        )

    def _show_questions(self) -> None:
        qs = self.model.questions()
        rows: list[widgets.Widget] = []
        for q in qs[:QUESTIONS_SHOWN]:
            label = widgets.HTML(html.escape(q.question), layout=widgets.Layout(width="30em"))
            buttons = []
            for answer in q.answers:
                b = _button(answer, "leadnet-keys-answer")
                b.on_click(guarded(self.feedback)(self._answer(q.contact_id, q.kind, answer)))
                buttons.append(b)
            row = widgets.HBox([label, *buttons])
            row.add_class("leadnet-keys-question")
            rows.append(row)
        rest = len(qs) - len(rows)
        note = (
            f"{rest:,} more questions come as you answer these."
            if rest > 0
            else ("No open questions." if not qs else "")
        )
        rows.append(widgets.HTML(f"<p>{html.escape(note)}</p>"))
        self.questions.children = rows

    def _answer(self, contact_id: int, kind: str, answer: str) -> Callable[[widgets.Button], None]:
        def run(_b: widgets.Button) -> None:
            self._done(self.model.settle(contact_id, kind, answer))

        return run


def key_contacts_view(ws: Workspace) -> KeyContactsView:
    """Show the key-contacts view of *ws* (notebook 01b)."""
    return KeyContactsView(ws)


def basis_banner(ws: Workspace) -> HTML:
    """What the figures rest on: the scope, decided and guessed, and the mostly-guessed label.

    Notebook 03 shows it above the figures; it reads the one analysis. It is
    static HTML (no widget state), so a saved or exported notebook keeps it.
    """
    from ..analysis import analysis_of
    from ..key_contacts import wider_reading

    a = analysis_of(ws)
    parts = [f'<p class="leadnet-basis-scope">{html.escape(a.scope_line())}</p>']
    label = a.gaps_label()
    if label:
        parts.append(
            '<p class="leadnet-basis-guessed" role="alert" style="background:#fff4e5;'
            f'padding:4px 8px"><b>{html.escape(label)}</b></p>'
        )
    if a.wider is not None:
        text = wider_reading(ws.contacts(), a.key_ids).text()
        parts.append(f'<p class="leadnet-basis-wider">{html.escape(text)}</p>')
    return HTML(f'<div class="leadnet-basis">{"".join(parts)}</div>')
