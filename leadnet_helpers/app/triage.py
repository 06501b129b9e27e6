"""Triage, notebook 02: the queue of contacts still to review, and the answers to its questions.

The queue comes lowest confidence first; "Skip for now" sends a contact to the
back. Answering a question saves the fact on the contact and classifies that
contact again (:meth:`~.board.BoardModel.answer`), so the suggestion changes
in front of the person. A :class:`Triage` is the state of one triage view (the
contact on the card, the skipped ones) over the workspace's shared
:class:`~.board.BoardModel`.

Examples
--------
>>> from leadnet_helpers.personas import open_sample
>>> triage = Triage(open_sample())
>>> first = triage.current
>>> triage.skip()
>>> triage.current != first, triage.order()[-1] == first, triage.progress()
(True, True, '6 of 54 reviewed (1 skipped for now)')
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..classify import RuleBook, load_rules
from ..errors import LeadNetError
from ..model import normalise_text
from .board import BoardModel, board_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "CHOICE_ANSWERS",
    "TEXT_ANSWERS",
    "Triage",
    "answer_changes",
    "progress_text",
    "question_kind",
    "triage_order",
]

#: Quick answers per question (the ids of ``data/classifier_rules.json``):
#: field changed, and (button label, value) pairs.
CHOICE_ANSWERS: Mapping[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "inside": ("inside_org", (("Yes, inside", "yes"), ("No, outside", "no"))),
    "time": (
        "orientation",
        (("Today's work", "current"), ("Tomorrow's priorities", "future"), ("Both", "both")),
    ),
    "chosen": ("discretionary", (("Yes, I would", "yes"), ("No, only for the job", "no"))),
    "gives": (
        "gives_me",
        (
            ("Help with today's work", "resources"),
            ("Advice for my growth", "feedback"),
            ("A view of what is coming", "insight"),
        ),
    ),
}
#: Questions answered in words (with suggestions to pick from): field changed, suggestions.
TEXT_ANSWERS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "how_know": (
        "relationship",
        (
            "my manager",
            "direct report",
            "colleague I depend on",
            "supplier",
            "customer",
            "mentor",
            "former colleague",
            "classmate",
            "friend",
            "board member",
            "investor",
            "regulator",
            "industry peer",
            "prospective customer",
        ),
    ),
    "function": (
        "function",
        (
            "Operations",
            "Finance",
            "Sales",
            "Marketing",
            "HR",
            "IT",
            "Engineering",
            "Legal",
            "Strategy",
            "Product",
            "Customer service",
            "Procurement",
        ),
    ),
}
_FALLBACK = "fallback"


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


def triage_order(
    board: pd.DataFrame, skipped: Sequence[int] = (), key: Collection[int] = ()
) -> list[int]:
    """The contacts still to review, in the order the cards come.

    Contacts the person already decided are left out. When the person chose
    key contacts (*key*), only they come: the wider network is counted, never
    triaged card by card. Lowest confidence first (flagged ones first among
    equals, then in the order they were added); skipped contacts go to the
    back, in the order they were skipped.

    Examples
    --------
    >>> board = pd.DataFrame(
    ...     {
    ...         "contact_id": [1, 2, 3, 4],
    ...         "confidence": [0.9, 0.3, 1.0, 0.5],
    ...         "needs_review": [False, True, False, False],
    ...         "decided_by": ["rules", "rules", "person", "rules"],
    ...     }
    ... )
    >>> triage_order(board)
    [2, 4, 1]
    >>> triage_order(board, skipped=[2])
    [4, 1, 2]
    >>> triage_order(board, key=[1, 3])
    [1]
    """
    if key:
        board = board[board["contact_id"].isin(list(key))]
    if board.empty:
        return []
    ids = board["contact_id"].to_numpy(dtype=np.int64)
    skip_rank = np.zeros(len(ids), dtype=np.int64)
    if skipped:
        where = pd.Index(ids).get_indexer(list(skipped))
        for rank, pos in enumerate(where, 1):
            if pos >= 0:
                skip_rank[pos] = rank
    order = np.lexsort(
        (
            ids,
            ~board["needs_review"].to_numpy(dtype=bool),
            board["confidence"].to_numpy(dtype=float),
            skip_rank,
        )
    )
    open_ = board["decided_by"].to_numpy(dtype=object)[order] != "person"
    return [int(i) for i in ids[order][open_]]


def question_kind(question: str, rules: RuleBook | None = None) -> str:
    """Which question of the rule book *question* is (its id, or ``"fallback"``).

    Examples
    --------
    >>> question_kind("Is Dmitri inside your organisation?")
    'inside'
    >>> question_kind(
    ...     "Which fits Freya best: someone you need for today's work, someone who "
    ...     "helps you grow, or someone who helps you see and shape what comes next?"
    ... )
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
            raise LeadNetError(
                f"'{text}' is not one of the answers to this question",
                fix="Press one of the answer buttons.",
            )
        return {field: text}
    if kind in TEXT_ANSWERS:
        if not text:
            raise LeadNetError("the answer is empty", fix="Type or pick an answer first.")
        return {TEXT_ANSWERS[kind][0]: text}
    raise LeadNetError(
        "this question is answered with the three network buttons",
        fix="Press Operational, Personal or Strategic.",
    )


class Triage:
    """The state of one triage view: the contact on the card and the skipped ones.

    Parameters
    ----------
    ws : Workspace
        The workspace; its shared :class:`~.board.BoardModel` is :attr:`board`
        (decisions made here show in the overview).
    """

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws  # kept alive while a view shows it
        self.board: BoardModel = board_model(ws)
        self.current: int | None = None
        self.skipped: list[int] = []
        self.rules = load_rules()
        self.sync()

    def order(self) -> list[int]:
        """The contacts still to review, in the order the cards come."""
        return triage_order(self.board.board, self.skipped, self.key_ids())

    def key_ids(self) -> set[int]:
        """The key contacts, when the person chose some (then the cards are theirs alone)."""
        return set(self.ws.key_contacts())

    def sync(self) -> None:
        """Keep the card unless it was decided (here or elsewhere); else take the next."""
        order = self.order()
        if self.current not in order:
            self.current = order[0] if order else None

    def row(self) -> dict[str, Any] | None:
        """The board row of the contact on the card (``None`` when there is none)."""
        if self.current is None:
            return None
        board = self.board.board
        ids = board["contact_id"].to_numpy(dtype=np.int64)
        (pos,) = np.flatnonzero(ids == self.current)[:1]
        return {str(k): v for k, v in board.iloc[int(pos)].to_dict().items()}

    def counts(self) -> tuple[int, int, int]:
        """(reviewed, total, skipped other than the card)."""
        board = self.board.board
        key = self.key_ids()
        if key:  # the cards cover the key contacts only
            board = board[board["contact_id"].isin(list(key))]
        total = len(board)
        reviewed = int((board["decided_by"] == "person").sum()) if total else 0
        return reviewed, total, len([i for i in self.skipped if i != self.current])

    def progress(self) -> str:
        """The progress line (:func:`progress_text`)."""
        return progress_text(*self.counts())

    def _need_card(self) -> int:
        if self.current is None:
            raise LeadNetError(
                "there is no contact on the card",
                fix="Every contact is reviewed; use the overview to change one.",
            )
        return self.current

    def decide(self, network_type: str) -> str:
        """Decide the contact on the card; the next card comes. Returns the name."""
        contact_id = self._need_card()
        if contact_id in self.skipped:
            self.skipped.remove(contact_id)
        name = self.board.decide(contact_id, network_type)
        self.sync()
        return name

    def skip(self) -> None:
        """Send the contact on the card to the back of the queue."""
        contact_id = self._need_card()
        if contact_id in self.skipped:
            self.skipped.remove(contact_id)
        self.skipped.append(contact_id)
        self.current = None
        self.sync()

    def answer(self, kind: str, value: str) -> pd.Series:
        """Answer a question of *kind* about the contact on the card; its new board row."""
        contact_id = self._need_card()
        return self.board.answer(contact_id, answer_changes(kind, value))

    def question_kind(self, question: str) -> str:
        """Which question of the rule book *question* is."""
        return question_kind(question, self.rules)
