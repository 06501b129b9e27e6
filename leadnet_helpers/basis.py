"""On what a figure rests: how many of its contacts are decided, and how many guessed.

A network type is *decided* when the person chose it (one by one, by a rule
they stated, or by accepting a suggestion) or when what they recorded about
the contact makes it clear (the classifier is confident); it is *guessed*
when the classifier had too little to go on (a LinkedIn row with a name, a
company and a job title). Every figure and diagnostic says on how many of
each it rests, and a reading made mostly of guesses says so and raises no
gap from it: a balance of guesses says more about where the contacts came
from than about the person's network.

Examples
--------
>>> from leadnet_helpers.model import Contact, Profile
>>> from leadnet_helpers.network import network_from
>>> net = network_from(Profile("Ana"), [Contact("Bo", id=1, network_type="personal")])
>>> basis_of(net.contacts).line()
'Rests on 1 contact: 1 decided (by you), 0 guessed.'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["MOSTLY_GUESSED_SOURCE", "Basis", "basis_of"]

#: Why a mostly-guessed figure raises no gap (quality over quantity; the workbook's own rule).
MOSTLY_GUESSED_SOURCE = (
    "Ibarra & Hunter (2007), HBR 85(1): the networks are told apart by purpose, which an "
    "export's name, company and job title do not record"
)


@dataclass(frozen=True)
class Basis:
    """How many contacts a figure rests on, and how each network type was reached.

    Attributes
    ----------
    contacts : int
        Contacts in the figure.
    by_you : int
        Types the person decided.
    clear : int
        Types the classifier was confident about from what the person recorded.
    guessed : int
        Types the classifier guessed from too little.
    """

    contacts: int
    by_you: int
    clear: int
    guessed: int

    @property
    def decided(self) -> int:
        """Contacts whose type is decided (by the person, or clear from the record)."""
        return self.by_you + self.clear

    @property
    def mostly_guessed(self) -> bool:
        """True when guesses outnumber decided types (a reading to hold lightly).

        Examples
        --------
        >>> Basis(10, 2, 1, 7).mostly_guessed, Basis(10, 5, 0, 5).mostly_guessed
        (True, False)
        """
        return self.guessed > self.decided

    def line(self) -> str:
        """The "rests on" line shown under a figure and above the gaps.

        Examples
        --------
        >>> Basis(48, 12, 28, 8).line()
        'Rests on 48 contacts: 40 decided (12 by you, 28 clear from what you recorded), 8 guessed.'
        >>> Basis(50, 2, 0, 48).line()[-62:]
        'mostly guesses: decide more types (notebook 02) before acting.'
        """
        if self.clear and self.by_you:
            how = f" ({self.by_you:,} by you, {self.clear:,} clear from what you recorded)"
        elif self.clear:
            how = " (clear from what you recorded)"
        else:
            how = " (by you)" if self.by_you else ""
        text = (
            f"Rests on {self.contacts:,} contact{'s' * (self.contacts != 1)}: "
            f"{self.decided:,} decided{how}, {self.guessed:,} guessed."
        )
        if self.mostly_guessed:
            text = text[:-1] + "; mostly guesses: decide more types (notebook 02) before acting."
        return text


def basis_of(contacts: pd.DataFrame) -> Basis:
    """Count decided and guessed types in a network's contacts table.

    Parameters
    ----------
    contacts : DataFrame
        :attr:`~leadnet_helpers.network.NetworkData.contacts` (columns
        ``network_type``, ``decided_by`` and, when classified, ``guessed``).
    """
    n = len(contacts)
    if n == 0:
        return Basis(0, 0, 0, 0)
    typed = contacts["network_type"].astype(str).to_numpy() != ""
    by_you = (contacts["decided_by"].astype(str).to_numpy() == "person") & typed
    guessed = (
        contacts["guessed"].fillna(False).astype(bool).to_numpy() & typed & ~by_you
        if "guessed" in contacts
        else typed & False
    )
    clear = typed & ~by_you & ~guessed
    return Basis(n, int(by_you.sum()), int(clear.sum()), int(guessed.sum()))
