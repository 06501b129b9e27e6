"""Notebook 01b's view model: choose the key contacts, classify them at scale, settle thin rows.

Everything the key-contacts view does is a method here, tested without a
browser: keep the shortlist's top N, add or remove in bulk (by organisation,
by a word in the role, by the year connected) or one at a time, state a rule
in plain terms and see whom it changes before saving it, accept suggestions
drawn from the person's own decisions, and answer the one-click settling
questions of LinkedIn-only key contacts. Every change is one undo entry of
the workspace (:meth:`KeyContactsModel.undo`).

Examples
--------
>>> import tempfile, pathlib
>>> from leadnet_helpers.model import Contact, Profile
>>> from leadnet_helpers.store import Workspace
>>> ws = Workspace.create(
...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite",
...     Profile(name="Ana", organisation="Contoso"),
... )
>>> _ = ws.add_contact(Contact("Bo", strength=5, relationship="my manager"))
>>> _ = ws.add_contact(Contact("Cy", organisation="Fabrikam", role="Recruiter"))
>>> model = KeyContactsModel(ws, today="2026-11-30")
>>> model.keep_top(1)
'Kept 1 key contact: 1 in all.'
>>> model.undo(), len(model.key_ids())
('Undid: kept the top 1 of the shortlist', 0)
>>> ws.close()
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ..classify_at_scale import (
    accept_suggestions,
    apply_rule,
    parse_rule,
    rule_preview,
    similar_suggestions,
)
from ..errors import LeadNetError
from ..key_contacts import AIM, rank_contacts, select_ids, wider_reading
from ..model import Contact
from ..store import Workspace

__all__ = ["SETTLING", "KeyContactsModel", "SettlingQuestion", "settling_questions"]

#: The one-click settling questions for thin rows: kind -> (question, {answer: field changes}).
SETTLING: dict[str, tuple[str, dict[str, dict[str, str]]]] = {
    "where": (
        "Is {first} inside or outside your organisation?",
        {"inside": {"inside_org": "yes"}, "outside": {"inside_org": "no"}},
    ),
    "when": (
        "Does {first} help with today's work or tomorrow's?",
        {
            "today's": {"orientation": "current"},
            "tomorrow's": {"orientation": "future"},
            "both": {"orientation": "both"},
        },
    ),
}


@dataclass(frozen=True)
class SettlingQuestion:
    """One one-click question about a thin key contact."""

    contact_id: int
    name: str
    kind: str
    question: str
    answers: tuple[str, ...]


def _thin(c: Contact) -> bool:
    """A row with little more than an export gives: no relationship, strength or frequency."""
    return not (c.relationship or c.strength or c.frequency or c.last_contact or c.network_type)


def settling_questions(contacts: list[Contact], key_ids: set[int]) -> list[SettlingQuestion]:
    """The settling questions of the thin key contacts (only what their row leaves open).

    Examples
    --------
    >>> qs = settling_questions([Contact("Bo Li", id=1, organisation="Fabrikam")], {1})
    >>> [q.question for q in qs]
    ['Is Bo inside or outside your organisation?', "Does Bo help with today's work or tomorrow's?"]
    """
    out = []
    for c in contacts:
        if c.id is None or c.id not in key_ids or not _thin(c):
            continue
        first = (c.name.split() or ["them"])[0]
        open_ = {"where": c.inside_org is None, "when": not c.orientation}
        for kind, (text, answers) in SETTLING.items():
            if open_[kind]:
                out.append(
                    SettlingQuestion(
                        c.id, c.name, kind, text.replace("{first}", first), tuple(answers)
                    )
                )
    return out


class KeyContactsModel:
    """The state and operations of the key-contacts view of one workspace.

    Parameters
    ----------
    ws : Workspace
        The workspace (writable).
    today : date or str, optional
        The day "recent" counts from (default: today).
    """

    def __init__(self, ws: Workspace, today: date | str | None = None) -> None:
        self.ws = ws
        self.today = today
        self._ranked: pd.DataFrame | None = None
        self._stamp: object = None

    # ---------------------------------------------------------------- reading
    def ranked(self) -> pd.DataFrame:
        """Every contact ranked (:func:`~leadnet_helpers.key_contacts.rank_contacts`), once per change."""
        stamp = self.ws.revision()
        if self._ranked is None or self._stamp != stamp:
            ws = self.ws
            self._ranked = rank_contacts(
                ws.contacts(),
                ws.profile(),
                ws.interactions(),
                ws.ties(),
                ws.key_contacts(),
                self.today,
            )
            self._stamp = stamp
        return self._ranked

    def key_ids(self) -> set[int]:
        """The key contacts' ids."""
        return set(self.ws.key_contacts())

    def status(self) -> str:
        """How many key contacts, against the aim."""
        n, (lo, hi) = len(self.key_ids()), AIM
        if n == 0:
            return (
                f"No key contacts yet: keep the shortlist's top {hi}, then trim (aim {lo} to {hi})."
            )
        if n < lo:
            return f"{n} key contacts: add a few more (aim {lo} to {hi})."
        if n > hi:
            return f"{n} key contacts: more than {hi}; trim to the ones who do the work."
        return f"{n} key contacts: within the aim of {lo} to {hi}."

    def key_table(self) -> pd.DataFrame:
        """The key contacts with their rank and reasons, best first."""
        ranked = self.ranked()
        return ranked[ranked["contact_id"].isin(self.key_ids())].reset_index(drop=True)

    def matching(self, *, organisation: str = "", role_word: str = "", year: str = "") -> list[int]:
        """The contacts a bulk choice would take (everyone, key or not)."""
        return select_ids(self.ranked(), organisation=organisation, role_word=role_word, year=year)

    def wider_text(self) -> str:
        """The wider network, counted."""
        return wider_reading(self.ws.contacts(), self.key_ids()).text()

    # ---------------------------------------------------------------- choosing
    def keep_top(self, n: int = AIM[1]) -> str:
        """Keep the shortlist's top *n* (contacts with at least one reason)."""
        ranked = self.ranked()
        top = ranked[ranked["score"] > 0].head(max(0, int(n)))
        reasons = dict(zip(top["contact_id"].astype(int), top["reason"], strict=True))
        added = self.ws.set_key_contacts(reasons, description=f"kept the top {n} of the shortlist")
        return self._said("Kept", added)

    def add(self, ids: list[int], why: str = "added by you") -> str:
        """Add contacts to the key contacts."""
        added = self.ws.set_key_contacts({int(i): why for i in ids if int(i) not in self.key_ids()})
        return self._said("Added", added)

    def remove(self, ids: list[int]) -> str:
        """Take contacts out of the key contacts (they stay in the wider network)."""
        removed = self.ws.set_key_contacts([int(i) for i in ids], key=False)
        n = len(self.key_ids())
        return f"Removed {removed} key contact{'s' * (removed != 1)}: {n} in all."

    def add_matching(self, *, organisation: str = "", role_word: str = "", year: str = "") -> str:
        """Add everyone matching a bulk choice."""
        what = " and ".join(
            p
            for p in (
                f"at {organisation}" if organisation else "",
                f"with '{role_word}' in the role" if role_word else "",
                f"connected in {year}" if year else "",
            )
            if p
        )
        ids = self.matching(organisation=organisation, role_word=role_word, year=year)
        return self.add(ids, why=f"added in bulk: everyone {what}")

    def remove_matching(
        self, *, organisation: str = "", role_word: str = "", year: str = ""
    ) -> str:
        """Take out everyone matching a bulk choice."""
        ids = self.matching(organisation=organisation, role_word=role_word, year=year)
        return self.remove([i for i in ids if i in self.key_ids()])

    def find(self, text: str, limit: int = 20) -> list[tuple[str, int]]:
        """Contacts whose name contains *text*: (label, id) options for adding one at a time."""
        wanted = text.strip().casefold()
        if not wanted:
            return []
        ranked = self.ranked()
        hits = ranked[ranked["name"].astype(str).str.casefold().str.contains(wanted, regex=False)]
        return [
            (f"{n} ({o})" if o else str(n), int(i))
            for n, o, i in zip(hits["name"], hits["organisation"], hits["contact_id"], strict=True)
        ][:limit]

    def _said(self, verb: str, n: int) -> str:
        total = len(self.key_ids())
        return f"{verb} {n} key contact{'s' * (n != 1)}: {total} in all."

    def undo(self) -> str:
        """Take back this view's last change (a bulk choice, a rule, an answer)."""
        return self.ws.undo()

    # ---------------------------------------------------------------- classifying
    def preview_rule(self, text: str) -> pd.DataFrame:
        """Whom a plain-terms rule would change (nothing saved)."""
        return rule_preview(self.ws, parse_rule(text))

    def apply_rule(self, text: str) -> str:
        """Save a plain-terms rule as the person's decision (one undo entry)."""
        rule = parse_rule(text)
        n = apply_rule(self.ws, rule)
        return f"Applied '{rule.text}' to {n} contact{'s' * (n != 1)} (Undo takes it back)."

    def suggestions(self) -> pd.DataFrame:
        """Suggestions from similar decisions, key contacts only (nothing saved)."""
        return similar_suggestions(self.ws, key_only=True)

    def accept_suggestions(self, ids: list[int] | None = None) -> str:
        """Accept the suggestions (all, or those in *ids*)."""
        found = self.suggestions()
        if ids is not None:
            found = found[found["contact_id"].isin([int(i) for i in ids])]
        n = accept_suggestions(self.ws, found)
        return f"Accepted {n} suggestion{'s' * (n != 1)} (Undo takes them back)."

    # ---------------------------------------------------------------- thin rows
    def questions(self) -> list[SettlingQuestion]:
        """The open settling questions of the thin key contacts."""
        return settling_questions(self.ws.contacts(), self.key_ids())

    def settle(self, contact_id: int, kind: str, answer: str) -> str:
        """Answer one settling question with one click; returns what was saved."""
        if kind not in SETTLING or answer not in SETTLING[kind][1]:
            raise LeadNetError(
                f"'{answer}' does not answer a '{kind}' question",
                fix="Click one of the answers shown next to the question.",
            )
        changes = SETTLING[kind][1][answer]  # field names only, never "expected"
        saved = self.ws.update_contact(int(contact_id), **changes)  # type: ignore[arg-type]
        return f"{saved.name}: {answer}."
