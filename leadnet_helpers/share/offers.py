"""What a participant offers the room and asks it for: fixed kinds and areas, a short phrase.

The kinds and areas come from ``data/offers_asks.json``, so the coach's
introductions market can pair an ask with an offer without reading free text.
The optional phrase lets the person say it in their own words; it is short,
and :mod:`.privacy` checks that it names nobody.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import LeadNetError
from ..paths import data_dir

__all__ = ["Choice", "choice_text", "load_choices", "parse_choice"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@cache
def load_choices() -> dict[str, Any]:
    """The shipped lists: ``kinds`` (id, offer, ask), ``areas`` (id, label) and the limits.

    Examples
    --------
    >>> c = load_choices()
    >>> c["max_choices"], "introduction" in [k["id"] for k in c["kinds"]]
    (3, True)
    """
    data: dict[str, Any] = json.loads((data_dir() / "offers_asks.json").read_text(encoding="utf-8"))
    return data


def _kinds() -> dict[str, dict[str, str]]:
    return {k["id"]: k for k in load_choices()["kinds"]}


def _areas() -> dict[str, str]:
    return {a["id"]: a["label"] for a in load_choices()["areas"]}


@dataclass(frozen=True)
class Choice:
    """One offer or ask: a kind, an optional area and an optional short phrase.

    Examples
    --------
    >>> Choice("introduction", "finance", "fintech founders").as_dict()
    {'kind': 'introduction', 'area': 'finance', 'phrase': 'fintech founders'}
    >>> Choice("gossip")
    Traceback (most recent call last):
    ...
    leadnet_helpers.errors.LeadNetError: 'gossip' is not a kind of offer or ask. Use one of: introduction, expertise, feedback, sounding_board, shadowing, event.
    """

    kind: str
    area: str = ""
    phrase: str = ""

    def __post_init__(self) -> None:
        kinds, areas = _kinds(), _areas()
        if self.kind not in kinds:
            raise LeadNetError(
                f"'{self.kind}' is not a kind of offer or ask",
                fix=f"Use one of: {', '.join(kinds)}.",
            )
        if self.area and self.area not in areas:
            raise LeadNetError(
                f"'{self.area}' is not an area of the list",
                fix=f"Use one of: {', '.join(areas)} (or none).",
            )
        limit = int(load_choices()["phrase_max_chars"])
        if len(self.phrase) > limit:
            raise LeadNetError(
                f"the phrase '{self.phrase[:30]}…' is {len(self.phrase)} characters long",
                fix=f"Keep it to {limit} characters: a few words are enough.",
            )
        if _CONTROL.search(self.phrase):
            raise LeadNetError(
                "the phrase holds a line break or a control character",
                fix="Write it on one line, in plain words.",
            )

    def as_dict(self) -> dict[str, str]:
        """The choice as the share file holds it."""
        return {"kind": self.kind, "area": self.area, "phrase": self.phrase}


def choice_text(choice: Choice | dict[str, str], side: str) -> str:
    """The choice in plain words, as an offer (``side="offer"``) or an ask.

    Examples
    --------
    >>> choice_text(Choice("introduction", "finance", "fintech founders"), "offer")
    'An introduction to people I know in an area: finance ("fintech founders")'
    """
    c = choice if isinstance(choice, Choice) else Choice(**choice)
    text = _kinds()[c.kind][side]
    if c.area:
        text += f": {_areas()[c.area]}"
    if c.phrase:
        text += f' ("{c.phrase}")'
    return text


def parse_choice(text: str) -> Choice:
    """Read ``KIND[:AREA][=PHRASE]`` as typed on the command line.

    Examples
    --------
    >>> parse_choice("feedback=on my board pitch")
    Choice(kind='feedback', area='', phrase='on my board pitch')
    >>> parse_choice(" introduction : finance ").area
    'finance'
    """
    head, _, phrase = text.partition("=")
    kind, _, area = head.partition(":")
    return Choice(kind.strip().lower(), area.strip().lower(), phrase.strip())
