"""The names that must never leave the machine, and the check that a text holds none.

Every contact's name and organisation and the person's own name and
organisation are "names" here. A phrase or pseudonym the person types is
refused when it contains one: a whole name, or one word of a person's name
(a first name alone can identify someone in a small room).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..errors import LeadNetError
from ..model import Contact, Profile

__all__ = ["Names", "private_names"]

#: Words shorter than this are not matched on their own (initials, "Li" in "like").
_MIN_WORD = 3


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


class Names:
    """A set of private names, matched whole (names and organisations) or by word (names).

    Examples
    --------
    >>> names = Names(["Ana Lucía Ferreira"], ["Contoso Ltd"])
    >>> names.found_in("happy to help Lucia with finance"), names.found_in("data and AI")
    (['Ana Lucía Ferreira'], [])
    >>> names.found_in("I worked at contoso ltd")
    ['Contoso Ltd']
    """

    def __init__(self, people: Iterable[str], organisations: Iterable[str] = ()) -> None:
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        for name in {p.strip() for p in people if p and p.strip()}:
            words = [w for w in re.findall(r"\w+", _fold(name)) if len(w) >= _MIN_WORD]
            parts = [re.escape(_fold(name)), *(re.escape(w) for w in words)]
            self._patterns.append((name, re.compile(r"\b(?:" + "|".join(parts) + r")\b")))
        for org in {o.strip() for o in organisations if o and o.strip()}:
            if len(org) >= _MIN_WORD:
                self._patterns.append((org, re.compile(r"\b" + re.escape(_fold(org)) + r"\b")))

    def found_in(self, text: str) -> list[str]:
        """The private names *text* contains (empty when it names nobody)."""
        folded = _fold(text)
        return sorted({name for name, pattern in self._patterns if pattern.search(folded)})

    def check(self, text: str, what: str) -> None:
        """Refuse *text* (the phrase or pseudonym called *what*) when it names anyone."""
        found = self.found_in(text)
        if found:
            raise LeadNetError(
                f"the {what} '{text}' contains a name from your workspace "
                f"({len(found)} match{'es' * (len(found) > 1)}), and names never leave "
                "your machine",
                fix=f"Reword the {what} without names of people or organisations.",
            )


def private_names(profile: Profile | None, contacts: Iterable[Contact]) -> Names:
    """Everyone a share must not name: the contacts and the person themself.

    Examples
    --------
    >>> n = private_names(
    ...     Profile("Ana Lima", "Contoso"), [Contact("Bo Chen", organisation="Fabrikam")]
    ... )
    >>> n.found_in("Fabrikam folk"), n.found_in("ask chen"), n.found_in("lima beans")
    (['Fabrikam'], ['Bo Chen'], ['Ana Lima'])
    """
    contacts = list(contacts)
    people = [c.name for c in contacts]
    orgs = [c.organisation for c in contacts]
    if profile is not None:
        people.append(profile.name)
        orgs.append(profile.organisation)
    return Names(people, orgs)
