"""Classifying many contacts at once: rules the person states, and suggestions from their decisions.

Sorting three thousand contacts card by card is nobody's work. Two tools make
it a few minutes:

- **Plain-terms rules** the person states ("everyone at Northwind is
  operational", "recruiters are personal", "everyone connected in 2015 is
  personal"). :func:`parse_rule` reads one, :func:`rule_preview` shows whom it
  would change before anything is saved, :func:`apply_rule` saves it as the
  person's decision in one transaction and one undo entry
  (``ws.undo()`` takes it back). A rule never overrides a decision the person
  made one contact at a time ("unless I say otherwise"), and a later rule
  replaces an earlier rule's decision.
- **Suggestions from similar decisions**: once the person decided a few
  contacts, :func:`similar_suggestions` proposes the same network for the
  undecided contacts at the same organisation or in the same kind of role,
  with the reason; nothing is saved until the person accepts
  (:func:`accept_suggestions`), never silently.

Both serve the classification the person owns (Ibarra & Hunter 2007: the
three networks differ by purpose, which only the person can say); the
classifier's own guesses stay guesses (:mod:`leadnet_helpers.basis`).

Examples
--------
>>> parse_rule("Everyone at Northwind is operational, unless I say otherwise.")
PlainRule(text='everyone at Northwind is operational', field='organisation', value='Northwind', network_type='operational')
>>> parse_rule("recruiters are personal").value
'recruiter'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from .errors import LeadNetError
from .model import NETWORK_TYPES, Contact
from .rules import same_organisation

if TYPE_CHECKING:
    from .analysis import Analysis
    from .store import Workspace

__all__ = [
    "PREVIEW_COLUMNS",
    "RULE_EXAMPLES",
    "SUGGESTION_COLUMNS",
    "PlainRule",
    "accept_suggestions",
    "apply_rule",
    "parse_rule",
    "role_kind",
    "rule_matches",
    "rule_preview",
    "similar_suggestions",
]

#: Rules the parser understands, as the notebook shows them.
RULE_EXAMPLES = (
    "everyone at Northwind Analytics is operational",
    "recruiters are personal",
    "everyone with coach in their role is personal",
    "everyone connected in 2015 is personal",
)

#: Columns of :func:`rule_preview`.
PREVIEW_COLUMNS = ("contact_id", "name", "organisation", "role", "now", "becomes", "key")
#: Columns of :func:`similar_suggestions`.
SUGGESTION_COLUMNS = ("contact_id", "name", "organisation", "role", "suggested", "reason", "key")

_RULE_PREFIX = "your rule: "
_TYPES = "|".join(NETWORK_TYPES)
_TAIL = rf"\s+(?:is|are)\s+(?:in\s+(?:my\s+|the\s+)?)?(?P<type>{_TYPES})(?:\s+network)?$"
_WHO = r"(?:everyone|everybody|all|people|anyone|contacts)"
_PATTERNS = (
    (
        "connected",
        re.compile(rf"^{_WHO}\s+connected\s+in\s+(?P<value>(?:19|20)\d\d){_TAIL}", re.IGNORECASE),
    ),
    (
        "role",
        re.compile(
            rf"^{_WHO}\s+(?:with|whose role mentions|whose role says)\s+[\"']?(?P<value>.+?)[\"']?"
            rf"(?:\s+in\s+(?:their|the)\s+(?:role|title))?{_TAIL}",
            re.IGNORECASE,
        ),
    ),
    ("organisation", re.compile(rf"^{_WHO}\s+(?:at|from)\s+(?P<value>.+?){_TAIL}", re.IGNORECASE)),
    ("role", re.compile(rf"^(?:all\s+)?(?P<value>[^\d]+?){_TAIL}", re.IGNORECASE)),
)
_UNLESS = re.compile(
    r"[,;]?\s*(?:unless|except where|except when)\s+i\s+say\s+otherwise\s*$", re.IGNORECASE
)
_SENIORITY_WORDS = {
    "senior",
    "sr",
    "junior",
    "jr",
    "lead",
    "principal",
    "associate",
    "assistant",
    "staff",
    "interim",
    "deputy",
    "the",
    "of",
    "to",
    "and",
    "a",
}


@dataclass(frozen=True)
class PlainRule:
    """A rule the person stated: everyone matching *field* = *value* is *network_type*.

    Attributes
    ----------
    text : str
        The rule as understood, in plain words (what the undo entry and the
        saved reasons say).
    field : {"organisation", "role", "connected"}
        What the rule looks at: the organisation, a word in the role, or the
        year connected on LinkedIn.
    value : str
        The organisation, the word, or the year.
    network_type : str
        The network the rule puts them in.
    """

    text: str
    field: str
    value: str
    network_type: str


def _singular(word: str) -> str:
    word = word.strip()
    if word.lower().endswith("ies"):
        return word[:-3] + "y"
    if word.lower().endswith("s") and not word.lower().endswith("ss"):
        return word[:-1]
    return word


def parse_rule(text: str) -> PlainRule:
    """Read a rule stated in plain terms.

    Raises
    ------
    LeadNetError
        When the rule is not one the workbook can read (the fix shows the forms it reads).

    Examples
    --------
    >>> parse_rule("everyone connected in 2015 is personal").field
    'connected'
    >>> parse_rule("everyone with 'coach' in their role is personal").value
    'coach'
    """
    said = " ".join(str(text).split()).rstrip(".!").strip()
    said = _UNLESS.sub("", said).strip().rstrip(",;")
    for field, pattern in _PATTERNS:
        m = pattern.match(said)
        if not m:
            continue
        value = m.group("value").strip().strip("\"'")
        kind = m.group("type").lower()
        if field == "role" and pattern is _PATTERNS[-1][1]:
            value = _singular(value)
            plain = f"{value} roles are {kind}"
        elif field == "role":
            plain = f"everyone with {value} in their role is {kind}"
        elif field == "organisation":
            plain = f"everyone at {value} is {kind}"
        else:
            plain = f"everyone connected in {value} is {kind}"
        if value:
            return PlainRule(plain, field, value, kind)
    raise LeadNetError(
        f"'{text}' is not a rule the workbook can read",
        fix="Write it like one of these: " + "; ".join(f"'{r}'" for r in RULE_EXAMPLES) + ".",
    )


def rule_matches(rule: PlainRule, contact: Contact) -> bool:
    """Whether *rule* speaks about *contact*.

    Examples
    --------
    >>> rule_matches(parse_rule("recruiters are personal"), Contact("Bo", role="Senior Recruiter"))
    True
    """
    if rule.field == "organisation":
        return bool(contact.organisation) and bool(
            same_organisation(contact.organisation, rule.value)
        )
    if rule.field == "role":
        return bool(re.search(r"\b" + re.escape(rule.value), contact.role or "", re.IGNORECASE))
    from .key_contacts import connected_year

    return connected_year(contact) == rule.value


def _by_rule(decision: dict[str, object] | None) -> bool:
    if decision is None:
        return False
    try:
        reasons = json.loads(str(decision.get("reasons") or "[]"))
    except ValueError:
        return False
    return bool(reasons) and str(reasons[0]).startswith(_RULE_PREFIX)


def rule_preview(ws: Workspace, rule: PlainRule) -> pd.DataFrame:
    """Whom *rule* would change, before anything is saved (key contacts first).

    A contact the person decided one at a time is left out ("unless I say
    otherwise"); one decided by an earlier rule is included.

    Returns
    -------
    DataFrame
        Columns :data:`PREVIEW_COLUMNS`: ``now`` is the network in force
        (``""`` when none is saved), ``becomes`` the rule's.
    """
    from .analysis import analysis_of

    decisions = ws.decisions()
    key = set(ws.key_contacts())
    rows = []
    in_force = _types_in_force(analysis_of(ws))
    for c in ws.contacts():
        if c.id is None or not rule_matches(rule, c):
            continue
        d = decisions.get(c.id)
        if d is not None and d["decided_by"] == "person" and not _by_rule(d):
            continue
        if d is not None and d["decided_by"] == "person" and d["network_type"] == rule.network_type:
            continue
        rows.append(
            (
                c.id,
                c.name,
                c.organisation,
                c.role,
                in_force.get(c.id, ""),
                rule.network_type,
                c.id in key,
            )
        )
    frame = pd.DataFrame(rows, columns=list(PREVIEW_COLUMNS))
    return frame.sort_values("key", ascending=False, kind="stable").reset_index(drop=True)


def _types_in_force(analysis: Analysis) -> dict[int, str]:
    frame = analysis.classification
    if frame.empty:
        return {}
    return {int(i): str(t) for i, t in zip(frame["contact_id"], frame["network_type"], strict=True)}


def apply_rule(ws: Workspace, rule: PlainRule, ids: Iterable[int] | None = None) -> int:
    """Save *rule* as the person's decision for the contacts it matches; return how many.

    One transaction and one undo entry ("rule: ..."); :func:`rule_preview`
    shows beforehand exactly whom it changes.

    Parameters
    ----------
    ids : iterable of int, optional
        Apply only to these (the preview's rows the person kept); default all
        the preview's rows.
    """
    preview = rule_preview(ws, rule)
    if ids is not None:
        wanted = {int(i) for i in ids}
        preview = preview[preview["contact_id"].isin(wanted)]
    reasons = json.dumps([_RULE_PREFIX + rule.text], ensure_ascii=False)
    rows = [(int(i), rule.network_type, "", 1.0, reasons) for i in preview["contact_id"]]
    ws.save_classifications(rows, by="person", undo=f"rule: {rule.text} ({len(rows)} contacts)")
    return len(rows)


def role_kind(role: str) -> str:
    """The kind of role, for "same kind of role": the role's words without seniority.

    Examples
    --------
    >>> role_kind("Senior Software Engineer 🚀"), role_kind("Software Engineer")
    ('software engineer', 'software engineer')
    """
    words = re.findall(r"[^\W\d_]+", str(role).casefold())
    return " ".join(w for w in words if w not in _SENIORITY_WORDS)


def similar_suggestions(ws: Workspace, *, key_only: bool = False) -> pd.DataFrame:
    """Propose, for undecided contacts, the network the person gave similar ones.

    A contact is similar to a decided one when they share the organisation
    (not a generic one such as "Self-employed") or the kind of role
    (:func:`role_kind`). The network proposed is the one most of the similar
    decided contacts got, and only when they agree on it; the reason names
    them. Nothing is saved: :func:`accept_suggestions` saves what the person
    accepts.

    Returns
    -------
    DataFrame
        Columns :data:`SUGGESTION_COLUMNS`, key contacts first.
    """
    decisions = ws.decisions()
    key = set(ws.key_contacts())
    people = ws.contacts()
    decided = {cid for cid, d in decisions.items() if d["decided_by"] == "person"}
    by_org: dict[str, list[Contact]] = {}
    by_role: dict[str, list[Contact]] = {}
    for c in people:
        if c.id in decided:
            if c.organisation and c.organisation.casefold() not in _GENERIC:
                by_org.setdefault(c.organisation.casefold(), []).append(c)
            kind = role_kind(c.role)
            if kind:
                by_role.setdefault(kind, []).append(c)
    if not by_org and not by_role:
        return pd.DataFrame(columns=list(SUGGESTION_COLUMNS))
    rows = []
    for c in people:
        if c.id is None or c.id in decided or (key_only and c.id not in key):
            continue
        for group, how in (
            (by_org.get(c.organisation.casefold(), []) if c.organisation else [], "at"),
            (by_role.get(role_kind(c.role), []) if c.role else [], "role"),
        ):
            types = {str(decisions[int(p.id or 0)]["network_type"]) for p in group}
            if len(types) != 1:
                continue
            (kind,) = types
            names = ", ".join(p.name for p in group[:2]) + (
                f" and {len(group) - 2} more" if len(group) > 2 else ""
            )
            where = f"at {c.organisation}" if how == "at" else f"also {role_kind(c.role)}"
            rows.append(
                (
                    c.id,
                    c.name,
                    c.organisation,
                    c.role,
                    kind,
                    f"like {names} ({where}), whom you put in {kind}",
                    c.id in key,
                )
            )
            break
    frame = pd.DataFrame(rows, columns=list(SUGGESTION_COLUMNS))
    return frame.sort_values("key", ascending=False, kind="stable").reset_index(drop=True)


_GENERIC = {"self-employed", "freelance", "stealth startup", "retired", "independent"}


def accept_suggestions(ws: Workspace, suggestions: pd.DataFrame) -> int:
    """Save the suggestions the person accepted as their decisions (one undo entry)."""
    rows = [
        (int(i), str(t), "", 1.0, json.dumps([f"you accepted: {r}"], ensure_ascii=False))
        for i, t, r in zip(
            suggestions["contact_id"], suggestions["suggested"], suggestions["reason"], strict=True
        )
    ]
    ws.save_classifications(rows, by="person", undo=f"accepted {len(rows)} suggestions")
    return len(rows)
