"""Notebook 01's name-generator prompts: what the quick forms offer.

The person answers a question ("Who would you call for career advice?") by
typing a name and a few details; :func:`~leadnet_helpers.prompts.prompt_row`
joins them with the prompt's defaults and the workspace saves the contact.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Contact
from ..prompts import ME

__all__ = ["NOT_RECORDED", "SOMEONE_ELSE", "introducer_options", "names_by_prompt"]

#: The dropdown value meaning "someone not in my list yet" (then a name is typed).
SOMEONE_ELSE = "\x00someone-else"


#: The dropdown value meaning "nobody recorded".
NOT_RECORDED = ""


def introducer_options(names: Iterable[str], limit: int = 300) -> list[tuple[str, str]]:
    """The choices for "who introduced us": nobody recorded, me, someone else, then contacts.

    Only the *limit* most recently added contacts are listed (a dropdown of
    thousands helps nobody); "someone else" lets the person type any name.

    Examples
    --------
    >>> [v for _, v in introducer_options(["Bo", "Ada", "Bo"])][1:]
    ['me', '\\x00someone-else', 'Ada', 'Bo']
    """
    recent = list(dict.fromkeys(n for n in names if n))[-limit:]
    return [
        ("(not recorded)", NOT_RECORDED),
        ("me: we met without an introduction", ME),
        ("someone else (type the name)", SOMEONE_ELSE),
        *[(n, n) for n in sorted(recent, key=str.casefold)],
    ]


def names_by_prompt(contacts: Iterable[Contact]) -> dict[str, list[str]]:
    """The names added through each prompt, keyed by prompt id (from ``source``).

    Examples
    --------
    >>> names_by_prompt([Contact("Ada", source="prompt:q1"), Contact("Bo", source="csv")])
    {'q1': ['Ada']}
    """
    found: dict[str, list[str]] = {}
    for contact in contacts:
        if contact.source.startswith("prompt:"):
            found.setdefault(contact.source[len("prompt:") :], []).append(contact.name)
    return found
