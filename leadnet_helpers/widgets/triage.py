"""Triage, notebook 02: one contact card at a time, lowest confidence first.

The card shows the classifier's suggestion with its reasons (each naming the
row of Ibarra & Hunter's comparison it comes from), any other network the
contact is close to, the confidence in words, and the one or two questions
that would settle it, each with quick answers. Answering saves the fact on
the contact and classifies that contact again, so the suggestion changes in
front of the person. Three large buttons record the person's decision
(operational, personal, strategic) and "Skip for now" sends the card to the
back of the queue.

The order of the queue, the progress line, the card's text and what each
answer changes are plain functions, tested without a browser; the view only
wires clicks to them and to :mod:`.overview`'s shared board.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..classify import RuleBook, load_rules
from ..errors import LeadNetError
from ..model import NETWORK_TYPES, normalise_text
from ..store import Workspace
from . import events
from .feedback import error_text, feedback_widget, guarded, show
from .overview import (
    NETWORK_JOB,
    NETWORK_STYLE,
    answer,
    badge_html,
    confidence_words,
    current_board,
    decide,
    empty_message,
    subscribe_board,
)

__all__ = [
    "CHOICE_ANSWERS",
    "TEXT_ANSWERS",
    "TriageView",
    "answer_changes",
    "card_html",
    "progress_text",
    "question_kind",
    "triage_order",
    "triage_view",
]

#: Quick answers per question (the ids of ``data/classifier_rules.json``):
#: field changed, and (button label, value) pairs.
CHOICE_ANSWERS: Mapping[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "inside": ("inside_org", (("Yes, inside", "yes"), ("No, outside", "no"))),
    "time": ("orientation", (("Today's work", "current"), ("Tomorrow's priorities", "future"),
                             ("Both", "both"))),
    "chosen": ("discretionary", (("Yes, I would", "yes"), ("No, only for the job", "no"))),
    "gives": ("gives_me", (("Help with today's work", "resources"),
                           ("Advice for my growth", "feedback"),
                           ("A view of what is coming", "insight"))),
}
#: Questions answered in words (with suggestions to pick from): field changed, suggestions.
TEXT_ANSWERS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "how_know": ("relationship", (
        "my manager", "direct report", "colleague I depend on", "supplier", "customer",
        "mentor", "former colleague", "classmate", "friend", "board member", "investor",
        "regulator", "industry peer", "prospective customer")),
    "function": ("function", (
        "Operations", "Finance", "Sales", "Marketing", "HR", "IT", "Engineering", "Legal",
        "Strategy", "Product", "Customer service", "Procurement")),
}
_FALLBACK = "fallback"
_CSS = """<style>
.leadnet-triage-buttons button:focus-visible, .leadnet-triage-answer button:focus-visible
  { outline: 3px solid #000; outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
</style>"""


def progress_text(reviewed: int, total: int, skipped: int = 0) -> str:
    """The progress line above the card.

    Examples
    --------
    >>> progress_text(23, 120)
    '23 of 120 reviewed'
    >>> progress_text(23, 120, skipped=2)
    '23 of 120 reviewed (2 skipped for now)'
    >>> progress_text(0, 0)
    'No contacts to review yet'
    """
    if total == 0:
        return "No contacts to review yet"
    text = f"{reviewed:,} of {total:,} reviewed"
    if skipped:
        text += f" ({skipped:,} skipped for now)"
    return text


def triage_order(board: pd.DataFrame, skipped: Sequence[int] = ()) -> list[int]:
    """The contacts still to review, in the order the cards come.

    Contacts the person already decided are left out. The rest come lowest
    confidence first (flagged ones first among equals, then in the order they
    were added); skipped contacts go to the back, in the order they were skipped.

    Examples
    --------
    >>> board = pd.DataFrame({"contact_id": [1, 2, 3, 4],
    ...                       "confidence": [0.9, 0.3, 1.0, 0.5],
    ...                       "needs_review": [False, True, False, False],
    ...                       "decided_by": ["rules", "rules", "person", "rules"]})
    >>> triage_order(board)
    [2, 4, 1]
    >>> triage_order(board, skipped=[2])
    [4, 1, 2]
    """
    if board.empty:
        return []
    ids = board["contact_id"].to_numpy(dtype=np.int64)
    skip_rank = np.zeros(len(ids), dtype=np.int64)
    if skipped:
        where = pd.Index(ids).get_indexer(list(skipped))
        for rank, pos in enumerate(where, 1):
            if pos >= 0:
                skip_rank[pos] = rank
    order = np.lexsort((ids, ~board["needs_review"].to_numpy(dtype=bool),
                        board["confidence"].to_numpy(dtype=float), skip_rank))
    open_ = board["decided_by"].to_numpy(dtype=object)[order] != "person"
    return [int(i) for i in ids[order][open_]]


def question_kind(question: str, rules: RuleBook | None = None) -> str:
    """Which question of the rule book *question* is (its id, or ``"fallback"``).

    Examples
    --------
    >>> question_kind("Is Dmitri inside your organisation?")
    'inside'
    >>> question_kind("Which fits Freya best: someone you need for today's work, someone who "
    ...               "helps you grow, or someone who helps you see and shape what comes next?")
    'fallback'
    """
    book = rules or load_rules()
    for item in book.questions:
        head, _, tail = str(item["ask"]).partition("{first}")
        if question.startswith(head) and question.endswith(tail):
            return str(item["id"])
    return _FALLBACK


def answer_changes(kind: str, value: str) -> dict[str, str]:
    """The contact fields an answer to a question of *kind* changes.

    Raises
    ------
    LeadNetError
        When the answer is empty or not one of the quick answers.

    Examples
    --------
    >>> answer_changes("inside", "no")
    {'inside_org': 'no'}
    >>> answer_changes("how_know", "  my old classmate ")
    {'relationship': 'my old classmate'}
    """
    text = normalise_text(value)
    if kind in CHOICE_ANSWERS:
        field, choices = CHOICE_ANSWERS[kind]
        if text not in {v for _label, v in choices}:
            raise LeadNetError(f"'{text}' is not one of the answers to this question",
                               fix="Press one of the answer buttons.")
        return {field: text}
    if kind in TEXT_ANSWERS:
        if not text:
            raise LeadNetError("the answer is empty", fix="Type or pick an answer first.")
        return {TEXT_ANSWERS[kind][0]: text}
    raise LeadNetError("this question is answered with the three network buttons",
                       fix="Press Operational, Personal or Strategic.")


def card_html(row: Mapping[str, object]) -> str:
    """The contact card: who, the suggestion, how sure, and why (all text escaped).

    Examples
    --------
    >>> row = {"name": "<b>Freya</b>", "organisation": "Nordlys", "role": "", "where": "outside",
    ...        "network_type": "strategic", "secondary_types": ("personal",),
    ...        "confidence": 0.32, "needs_review": True, "decided_by": "rules",
    ...        "reasons": ("about future priorities (location and time)",)}
    >>> card = card_html(row)
    >>> "&lt;b&gt;Freya&lt;/b&gt;" in card, "low confidence: needs your review" in card
    (True, True)
    >>> "Also close to: personal" in card
    True
    """
    who = ", ".join(str(x) for x in (row.get("role"), row.get("organisation")) if x)
    where = {"inside": "inside your organisation",
             "outside": "outside your organisation"}.get(str(row.get("where", "")), "")
    about = " · ".join(x for x in (who, where) if x)
    kind = str(row["network_type"])
    decided = row.get("decided_by") == "person"
    words = confidence_words(float(row["confidence"]), bool(row["needs_review"]),
                             str(row["decided_by"]))
    secondary = [str(s) for s in row.get("secondary_types") or ()]
    lead = "Your decision" if decided else "Suggested"
    parts = [
        f"<h3 class='leadnet-triage-name' style='margin:4px 0'>{html.escape(str(row['name']))}</h3>",
        f"<p style='margin:2px 0'>{html.escape(about)}</p>" if about else "",
        (f"<p class='leadnet-triage-suggestion' style='margin:6px 0'>{lead}: "
         f"{badge_html(kind)} <span class='leadnet-triage-confidence'>"
         f"({html.escape(words)}; score {float(row['confidence']):.2f})</span></p>"),
    ]
    if secondary:
        parts.append(f"<p style='margin:2px 0'>Also close to: "
                     f"{html.escape(', '.join(secondary))} (people often belong to more than "
                     "one network).</p>")
    reasons = "".join(f"<li>{html.escape(str(r))}</li>" for r in row.get("reasons") or ())
    parts.append(f"<p style='margin:6px 0 0 0'>Why:</p><ul class='leadnet-triage-reasons' "
                 f"style='margin:2px 0'>{reasons}</ul>")
    return "".join(parts)


class TriageView(widgets.VBox):
    """One contact card at a time, with quick answers and the three decision buttons."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.current: int | None = None
        self.skipped: list[int] = []
        self.rules = load_rules()
        self.feedback = feedback_widget()
        self.progress = widgets.HTML()
        self.progress.add_class("leadnet-triage-progress")
        self.card = widgets.HTML()
        self.card.add_class("leadnet-triage-card")
        self.questions = widgets.VBox()
        self.questions.add_class("leadnet-triage-questions")
        self.choose: dict[str, widgets.Button] = {}
        for kind in NETWORK_TYPES:
            colour, text, shape = NETWORK_STYLE[kind]
            button = widgets.Button(
                description=f"{shape} {kind.capitalize()}",
                tooltip=f"{kind.capitalize()}: {NETWORK_JOB[kind]}. Saves your decision.",
                layout=widgets.Layout(width="auto", min_width="11em", height="3.4em",
                                      padding="0 1.2em", margin="4px 8px 4px 0"))
            button.style.button_color = colour
            button.style.text_color = text
            button.style.font_size = "1.15em"
            button.style.font_weight = "bold"
            button.add_class(f"leadnet-triage-{kind}")
            self.choose[kind] = button
        self.skip = widgets.Button(
            description="Skip for now", tooltip="Come back to this contact at the end",
            layout=widgets.Layout(width="auto", min_width="9em", height="3.4em",
                                  padding="0 1.2em", margin="4px 0"))
        self.skip.style.font_size = "1.15em"
        self.skip.add_class("leadnet-triage-skip")
        self.buttons = widgets.HBox([*self.choose.values(), self.skip],
                                    layout=widgets.Layout(flex_flow="row wrap"))
        self.buttons.add_class("leadnet-triage-buttons")
        legend = " · ".join(f"<b>{NETWORK_STYLE[k][2]} {k.capitalize()}</b>: "
                            f"{html.escape(NETWORK_JOB[k])}" for k in NETWORK_TYPES)
        self.legend = widgets.HTML(
            f"{_CSS}<p class='leadnet-triage-legend' style='margin:2px 0'>{legend} · "
            "<b>Skip for now</b>: come back to it at the end. Press <b>Tab</b> to move "
            "between the buttons and <b>Enter</b> to press one.</p>")
        self.decision_box = widgets.VBox([
            widgets.HTML("<p style='margin:8px 0 0 0'><b>Your decision:</b> which network "
                         "does this person belong to for you?</p>"),
            self.buttons, self.legend])
        super().__init__([self.progress, self.card, self.questions, self.decision_box,
                          self.feedback])
        self.add_class("leadnet-triage-view")
        self._guard = guarded(self.feedback)
        for kind, button in self.choose.items():
            button.on_click(self._guard(lambda _b, k=kind: self._decide(k)))
        self.skip.on_click(self._guard(self._on_skip))
        events.subscribe(ws, self.refresh)
        subscribe_board(ws, self.refresh)
        self.refresh()

    # ----------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Read the shared board again; keep the card unless it was decided elsewhere."""
        try:
            board = current_board(self.ws)
            order = triage_order(board, self.skipped)
            if self.current not in order:
                self.current = order[0] if order else None
            self._show(board)
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def _row(self, board: pd.DataFrame) -> dict[str, object]:
        ids = board["contact_id"].to_numpy(dtype=np.int64)
        (pos,) = np.flatnonzero(ids == self.current)[:1]
        return board.iloc[int(pos)].to_dict()

    def _show(self, board: pd.DataFrame) -> None:
        total = len(board)
        reviewed = int((board["decided_by"] == "person").sum()) if total else 0
        skipped = len([i for i in self.skipped if i != self.current])
        self.progress.value = (f"<p role='status' style='font-size:1.1em;margin:4px 0'>"
                               f"<b>{html.escape(progress_text(reviewed, total, skipped))}</b>"
                               "</p>")
        self._close_questions()
        if total == 0:
            self.card.value = empty_message()
            self.decision_box.layout.display = "none"
            return
        if self.current is None:
            self.card.value = (
                f"<p class='leadnet-triage-done'>All {total:,} contacts are reviewed: every "
                "one has your decision. You can still change any of them in the overview "
                "below.</p>")
            self.decision_box.layout.display = "none"
            return
        self.decision_box.layout.display = ""
        row = self._row(board)
        self.card.value = card_html(row)
        suggested = str(row["network_type"])
        for kind, button in self.choose.items():
            label = f"{NETWORK_STYLE[kind][2]} {kind.capitalize()}"
            button.description = f"{label} (suggested)" if kind == suggested else label
        self.questions.children = self._question_widgets(row)

    def _close_questions(self) -> None:
        for box in self.questions.children:
            for child in getattr(box, "children", ()):
                for widget in getattr(child, "children", ()):
                    widget.close()
                child.close()
            box.close()
        self.questions.children = ()

    def _question_widgets(self, row: Mapping[str, object]) -> tuple[widgets.Widget, ...]:
        questions = [str(q) for q in row.get("questions") or ()]
        if not questions:
            return (widgets.HTML("<p style='margin:4px 0'>No open question: the evidence is "
                                 "clear. Confirm the suggestion or choose another network."
                                 "</p>"),)
        boxes = []
        for question in questions:
            kind = question_kind(question, self.rules)
            text = widgets.HTML(f"<p style='margin:6px 0 2px 0'><b>Question:</b> "
                                f"{html.escape(question)}</p>")
            controls: list[widgets.Widget] = []
            if kind in CHOICE_ANSWERS:
                for label, value in CHOICE_ANSWERS[kind][1]:
                    button = widgets.Button(description=label, tooltip=f"Answer: {label}",
                                            layout=widgets.Layout(width="auto",
                                                                  min_width="9em"))
                    button.add_class(f"leadnet-answer-{kind}-{value}")
                    button.on_click(self._guard(
                        lambda _b, k=kind, v=value, lab=label: self._answer(k, v, lab)))
                    controls.append(button)
            elif kind in TEXT_ANSWERS:
                field = widgets.Combobox(options=TEXT_ANSWERS[kind][1], ensure_option=False,
                                         placeholder="type or pick, then Save answer",
                                         description="Answer", continuous_update=False,
                                         layout=widgets.Layout(width="26em"))
                field.add_class(f"leadnet-answer-{kind}-text")
                save = widgets.Button(description="Save answer", tooltip="Save this answer")
                save.add_class(f"leadnet-answer-{kind}-save")
                save.on_click(self._guard(
                    lambda _b, k=kind, f=field: self._answer(k, f.value, f.value)))
                controls.extend([field, save])
            else:
                controls.append(widgets.HTML("<p style='margin:2px 0'>Answer it with the "
                                             "three buttons below.</p>"))
            answers = widgets.HBox(controls)
            answers.add_class("leadnet-triage-answer")
            boxes.append(widgets.VBox([text, answers]))
        return tuple(boxes)

    # ----------------------------------------------------------------- events
    def _need_card(self) -> int:
        if self.current is None:
            raise LeadNetError("there is no contact on the card",
                               fix="Every contact is reviewed; use the overview to change one.")
        return self.current

    def _decide(self, kind: str) -> None:
        contact_id = self._need_card()
        name = decide(self.ws, contact_id, kind, source=self)
        if contact_id in self.skipped:
            self.skipped.remove(contact_id)
        board = current_board(self.ws)
        order = triage_order(board, self.skipped)
        self.current = order[0] if order else None
        show(self.feedback, "ok", f"Saved: {name} is in your {kind} network.")
        self._show(board)

    def _on_skip(self, _button: widgets.Button) -> None:
        contact_id = self._need_card()
        if contact_id in self.skipped:
            self.skipped.remove(contact_id)
        self.skipped.append(contact_id)
        board = current_board(self.ws)
        order = triage_order(board, self.skipped)
        self.current = order[0] if order else None
        show(self.feedback, "info", "Skipped for now: that contact comes back at the end.")
        self._show(board)

    def _answer(self, kind: str, value: str, label: str) -> None:
        contact_id = self._need_card()
        row = answer(self.ws, contact_id, answer_changes(kind, value), source=self)
        words = confidence_words(float(row["confidence"]), bool(row["needs_review"]),
                                 str(row["decided_by"]))
        show(self.feedback, "ok", f"Saved your answer ({label}). The suggestion for "
             f"{row['name']} is now {row['network_type']} ({words}).")
        self._show(current_board(self.ws))


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
