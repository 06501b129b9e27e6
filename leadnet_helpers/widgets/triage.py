"""Triage, notebook 02: one contact card at a time, lowest confidence first.

The card shows the classifier's suggestion with its reasons (each naming the
row of Ibarra & Hunter's comparison it comes from), any other network the
contact is close to, the confidence in words, and the one or two questions
that would settle it, each with quick answers. Three large buttons record the
person's decision (operational, personal, strategic) and "Skip for now" sends
the card to the back of the queue.

The queue, the answers and the decisions are :class:`~leadnet_helpers.app.triage.Triage`'s
(over the workspace's shared board); the view shows it and observes the
board's ``revision``, so a decision made in the overview shows here too.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from ..app.board import NETWORK_JOB, confidence_words
from ..app.triage import CHOICE_ANSWERS, TEXT_ANSWERS, Triage
from ..app.workspace import watch
from ..model import NETWORK_TYPES
from ..rules import NETWORK_STYLES
from ..store import Workspace
from .feedback import badge_html, empty_message, error_text, feedback_widget, guarded, show

__all__ = ["TriageView", "card_html", "triage_view"]

_CSS = """<style>
.leadnet-triage-buttons button:focus-visible, .leadnet-triage-answer button:focus-visible
  { outline: 3px solid #000; outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
</style>"""


def card_html(row: Mapping[str, Any]) -> str:
    """The contact card: who, the suggestion, how sure, and why (all text escaped).

    Examples
    --------
    >>> row = {
    ...     "name": "<b>Freya</b>",
    ...     "organisation": "Nordlys",
    ...     "role": "",
    ...     "where": "outside",
    ...     "network_type": "strategic",
    ...     "secondary_types": ("personal",),
    ...     "confidence": 0.32,
    ...     "needs_review": True,
    ...     "decided_by": "rules",
    ...     "reasons": ("about future priorities (location and time)",),
    ... }
    >>> card = card_html(row)
    >>> "&lt;b&gt;Freya&lt;/b&gt;" in card, "low confidence: needs your review" in card
    (True, True)
    >>> "Also close to: personal" in card
    True
    """
    who = ", ".join(str(x) for x in (row.get("role"), row.get("organisation")) if x)
    where = {"inside": "inside your organisation", "outside": "outside your organisation"}.get(
        str(row.get("where", "")), ""
    )
    about = " · ".join(x for x in (who, where) if x)
    kind = str(row["network_type"])
    decided = row.get("decided_by") == "person"
    words = confidence_words(
        float(row["confidence"]), bool(row["needs_review"]), str(row["decided_by"])
    )
    secondary = [str(s) for s in row.get("secondary_types") or ()]
    lead = "Your decision" if decided else "Suggested"
    parts = [
        f"<h3 class='leadnet-triage-name' style='margin:4px 0'>{html.escape(str(row['name']))}</h3>",
        f"<p style='margin:2px 0'>{html.escape(about)}</p>" if about else "",
        (
            f"<p class='leadnet-triage-suggestion' style='margin:6px 0'>{lead}: "
            f"{badge_html(kind)} <span class='leadnet-triage-confidence'>"
            f"({html.escape(words)}; score {float(row['confidence']):.2f})</span></p>"
        ),
    ]
    if secondary:
        parts.append(
            f"<p style='margin:2px 0'>Also close to: "
            f"{html.escape(', '.join(secondary))} (people often belong to more than "
            "one network).</p>"
        )
    reasons = "".join(f"<li>{html.escape(str(r))}</li>" for r in row.get("reasons") or ())
    parts.append(
        f"<p style='margin:6px 0 0 0'>Why:</p><ul class='leadnet-triage-reasons' "
        f"style='margin:2px 0'>{reasons}</ul>"
    )
    return "".join(parts)


class TriageView(widgets.VBox):
    """One contact card at a time, with quick answers and the three decision buttons."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.model = Triage(ws)  # this view's queue, over the workspace's shared board
        self.feedback = feedback_widget()
        self.progress = widgets.HTML()
        self.progress.add_class("leadnet-triage-progress")
        self.card = widgets.HTML()
        self.card.add_class("leadnet-triage-card")
        self.questions = widgets.VBox()
        self.questions.add_class("leadnet-triage-questions")
        self.choose: dict[str, widgets.Button] = {}
        for kind in NETWORK_TYPES:
            colour, text, shape = (
                NETWORK_STYLES[kind].colour,
                NETWORK_STYLES[kind].text_colour,
                NETWORK_STYLES[kind].glyph,
            )
            button = widgets.Button(
                description=f"{shape} {kind.capitalize()}",
                tooltip=f"{kind.capitalize()}: {NETWORK_JOB[kind]}. Saves your decision.",
                layout=widgets.Layout(
                    width="auto",
                    min_width="11em",
                    height="3.4em",
                    padding="0 1.2em",
                    margin="4px 8px 4px 0",
                ),
            )
            button.style.button_color = colour
            button.style.text_color = text
            button.style.font_size = "1.15em"
            button.style.font_weight = "bold"
            button.add_class(f"leadnet-triage-{kind}")
            self.choose[kind] = button
        self.skip = widgets.Button(
            description="Skip for now",
            tooltip="Come back to this contact at the end",
            layout=widgets.Layout(
                width="auto", min_width="9em", height="3.4em", padding="0 1.2em", margin="4px 0"
            ),
        )
        self.skip.style.font_size = "1.15em"
        self.skip.add_class("leadnet-triage-skip")
        self.buttons = widgets.HBox(
            [*self.choose.values(), self.skip], layout=widgets.Layout(flex_flow="row wrap")
        )
        self.buttons.add_class("leadnet-triage-buttons")
        legend = " · ".join(
            f"<b>{NETWORK_STYLES[k].glyph} {k.capitalize()}</b>: {html.escape(NETWORK_JOB[k])}"
            for k in NETWORK_TYPES
        )
        self.legend = widgets.HTML(
            f"{_CSS}<p class='leadnet-triage-legend' style='margin:2px 0'>{legend} · "
            "<b>Skip for now</b>: come back to it at the end. Press <b>Tab</b> to move "
            "between the buttons and <b>Enter</b> to press one.</p>"
        )
        self.decision_box = widgets.VBox(
            [
                widgets.HTML(
                    "<p style='margin:8px 0 0 0'><b>Your decision:</b> which network "
                    "does this person belong to for you?</p>"
                ),
                self.buttons,
                self.legend,
            ]
        )
        super().__init__(
            [self.progress, self.card, self.questions, self.decision_box, self.feedback]
        )
        self.add_class("leadnet-triage-view")
        self._guard = guarded(self.feedback)
        self._slots: list[widgets.VBox] = []
        self._answers: dict[str, widgets.HBox] = {}
        self._no_question: widgets.HTML | None = None
        self._answer_layout = widgets.Layout(width="auto", min_width="9em")
        for kind, button in self.choose.items():
            button.on_click(self._guard(lambda _b, k=kind: self._decide(k)))
        self.skip.on_click(self._guard(self._on_skip))
        watch(self.model.board, self.refresh)
        self.refresh()

    @property
    def current(self) -> int | None:
        """The id of the contact on the card."""
        return self.model.current

    @property
    def skipped(self) -> list[int]:
        """The contacts skipped for now, in order."""
        return self.model.skipped

    # ----------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Read the shared board again; keep the card unless it was decided elsewhere."""
        try:
            self.model.sync()
            self._show()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def _show(self) -> None:
        _reviewed, total, _skipped = self.model.counts()
        self.progress.value = (
            f"<p role='status' style='font-size:1.1em;margin:4px 0'>"
            f"<b>{html.escape(self.model.progress())}</b>"
            "</p>"
        )
        self._close_questions()
        if total == 0:
            self.card.value = empty_message()
            self.decision_box.layout.display = "none"
            return
        if self.current is None:
            which = "key contacts" if self.model.key_ids() else "contacts"
            self.card.value = (
                f"<p class='leadnet-triage-done'>All {total:,} {which} are reviewed: every "
                "one has your decision. You can still change any of them in the overview "
                "below.</p>"
            )
            self.decision_box.layout.display = "none"
            return
        self.decision_box.layout.display = ""
        row = self.model.row()
        assert row is not None, "a card is on show"
        self.card.value = card_html(row)
        suggested = str(row["network_type"])
        for kind, button in self.choose.items():
            label = f"{NETWORK_STYLES[kind].glyph} {kind.capitalize()}"
            button.description = f"{label} (suggested)" if kind == suggested else label
        self.questions.children = self._question_widgets(row)

    def _close_questions(self) -> None:
        # the question widgets are kept and reused by the next card (see _question_widgets)
        self.questions.children = ()

    def _question_widgets(self, row: Mapping[str, Any]) -> tuple[widgets.Widget, ...]:
        """The card's questions, in widgets made once and reused from card to card.

        A decision shows the next card: only the question texts change, so the
        browser updates a few values instead of building the answer buttons again.
        """
        questions = [str(q) for q in row.get("questions") or ()]
        if not questions:
            if self._no_question is None:
                self._no_question = widgets.HTML(
                    "<p style='margin:4px 0'>No open question: the evidence is "
                    "clear. Confirm the suggestion or choose another network."
                    "</p>"
                )
            return (self._no_question,)
        boxes: list[widgets.Widget] = []
        used: set[str] = set()
        for index, question in enumerate(questions):
            kind = self.model.question_kind(question)
            if index == len(self._slots):
                self._slots.append(widgets.VBox([widgets.HTML()]))
            slot = self._slots[index]
            text = slot.children[0]
            text.value = (
                f"<p style='margin:6px 0 2px 0'><b>Question:</b> {html.escape(question)}</p>"
            )
            # the same kind twice on one card (never seen) gets answers of its own
            answers = self._answers_for(kind) if kind not in used else self._new_answers(kind)
            used.add(kind)
            slot.children = (text, answers)
            boxes.append(slot)
        return tuple(boxes)

    def _answers_for(self, kind: str) -> widgets.HBox:
        """The answer controls of a question kind, made the first time it is asked."""
        answers = self._answers.get(kind)
        if answers is None:
            answers = self._answers[kind] = self._new_answers(kind)
        for child in answers.children:
            if isinstance(child, widgets.Combobox):
                child.value = ""  # a new card: no answer typed yet
        return answers

    def _new_answers(self, kind: str) -> widgets.HBox:
        controls: list[widgets.Widget] = []
        if kind in CHOICE_ANSWERS:
            for label, value in CHOICE_ANSWERS[kind][1]:
                button = widgets.Button(
                    description=label,
                    tooltip=f"Answer: {label}",
                    layout=self._answer_layout,
                )
                button.add_class(f"leadnet-answer-{kind}-{value}")
                button.on_click(
                    self._guard(lambda _b, k=kind, v=value, lab=label: self._answer(k, v, lab))
                )
                controls.append(button)
        elif kind in TEXT_ANSWERS:
            field = widgets.Combobox(
                options=TEXT_ANSWERS[kind][1],
                ensure_option=False,
                placeholder="type or pick, then Save answer",
                description="Answer",
                continuous_update=False,
                layout=widgets.Layout(width="26em"),
            )
            field.add_class(f"leadnet-answer-{kind}-text")
            save = widgets.Button(description="Save answer", tooltip="Save this answer")
            save.add_class(f"leadnet-answer-{kind}-save")
            save.on_click(
                self._guard(lambda _b, k=kind, f=field: self._answer(k, f.value, f.value))
            )
            controls.extend([field, save])
        else:
            controls.append(
                widgets.HTML("<p style='margin:2px 0'>Answer it with the three buttons below.</p>")
            )
        answers = widgets.HBox(controls)
        answers.add_class("leadnet-triage-answer")
        return answers

    # ----------------------------------------------------------------- events
    def _decide(self, kind: str) -> None:
        name = self.model.decide(kind)  # the board tells every view, this one too
        show(self.feedback, "ok", f"Saved: {name} is in your {kind} network.")

    def _on_skip(self, _button: widgets.Button) -> None:
        self.model.skip()
        show(self.feedback, "info", "Skipped for now: that contact comes back at the end.")
        self._show()

    def _answer(self, kind: str, value: str, label: str) -> None:
        row = self.model.answer(kind, value)
        words = confidence_words(
            float(row["confidence"]), bool(row["needs_review"]), str(row["decided_by"])
        )
        show(
            self.feedback,
            "ok",
            f"Saved your answer ({label}). The suggestion for "
            f"{row['name']} is now {row['network_type']} ({words}).",
        )


def triage_view(ws: Workspace) -> TriageView:
    """Review the contacts of *ws* one card at a time, lowest confidence first.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> view = triage_view(open_sample())
    >>> "of 54 reviewed" in view.progress.value
    True
    """
    return TriageView(ws)
