"""Notebook 01's name-generator prompts: what the quick forms offer.

The person answers a question ("Who would you call for career advice?") by
typing a name and a few details; :func:`~leadnet_helpers.prompts.prompt_row`
joins them with the prompt's defaults and the workspace saves the contact.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..model import Contact
from ..prompts import ME
from .workspace import workspace_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "NOT_RECORDED",
    "SOMEONE_ELSE",
    "current_introducers",
    "introducer_options",
    "names_by_prompt",
]

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


# The introducer choices of each open workspace, with the contacts list they came from.
_INTRODUCERS: weakref.WeakKeyDictionary[Any, tuple[list[Contact], list[tuple[str, str]]]] = (
    weakref.WeakKeyDictionary()
)


def current_introducers(ws: Workspace) -> list[tuple[str, str]]:
    """:func:`introducer_options` of the workspace's contacts, worked out once per change.

    Every prompt view of a notebook (one per network) shares them.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from leadnet_helpers.model import Profile
    >>> from leadnet_helpers.store import Workspace
    >>> ws = Workspace.create(pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana"))
    >>> _ = ws.add_contact(Contact("Bo"))
    >>> current_introducers(ws)[-1], current_introducers(ws) is current_introducers(ws)
    (('Bo', 'Bo'), True)
    >>> ws.close()
    """
    contacts = workspace_model(ws).contacts()
    hit = _INTRODUCERS.get(ws)
    if hit is None or hit[0] is not contacts:
        hit = (contacts, introducer_options(c.name for c in contacts))
        _INTRODUCERS[ws] = hit
    return hit[1]


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
