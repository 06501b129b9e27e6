"""Key contacts: the shortlist of people who probably matter, each with its reasons.

A leader's network is the few dozen relationships that do the work, not the
list of everyone they ever connected with (Ibarra & Hunter 2007; quality over
quantity). After a LinkedIn import of thousands of connections, this module
ranks every contact by what the person recorded about them: named in a
prompt, described (relationship, tie strength, how often, last contact),
interactions logged, in more than one source, introduced by someone, knowing
other contacts, same organisation, a senior role. Each point of the score is
a reason the person can read; the ones to keep are saved in the workspace
(:meth:`~leadnet_helpers.store.Workspace.set_key_contacts`) and everyone else
is the *wider network*, counted (:func:`wider_reading`), never triaged card by
card.

The size to aim at is :data:`AIM`: twenty to fifty, as the prompts of
notebook 01 say. Dunbar (1998) counts about fifteen people in the "sympathy
group" one keeps close and about fifty in the next layer; Ibarra & Hunter's
leaders work their three networks through a few dozen deliberate ties.

Examples
--------
>>> from leadnet_helpers.model import Contact, Profile
>>> people = [
...     Contact("Ada", id=1, strength=5, relationship="my manager", frequency="weekly"),
...     Contact("Bo", id=2, organisation="Fabrikam", role="Recruiter", source="linkedin"),
... ]
>>> ranked = rank_contacts(people, Profile("Ana", organisation="Contoso"), today="2026-11-30")
>>> ranked["name"].tolist(), ranked.loc[0, "reason"]
(['Ada', 'Bo'], 'strong tie (strength 5); you described them (my manager); in touch weekly')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import LeadNetError
from .model import Contact, Interaction, Profile, Tie
from .rules import as_date, is_self_introduced, parse_date, same_organisation

if TYPE_CHECKING:
    from .store import Workspace

__all__ = [
    "AIM",
    "RANK_COLUMNS",
    "SENIOR_WORDS",
    "WEIGHTS",
    "WiderReading",
    "connected_year",
    "rank_contacts",
    "select_ids",
    "shortlist",
    "shortlist_command",
    "wider_reading",
]

#: The size of key map the research supports (the prompts say twenty to fifty).
AIM = (20, 50)

#: Points each signal adds to a contact's score (a reason is shown for each).
WEIGHTS = {
    "prompt": 6.0,
    "strong": 3.0,
    "middling": 1.5,
    "weak": 0.5,
    "described": 2.0,
    "often": 2.0,
    "sometimes": 1.0,
    "recent": 2.0,
    "this_year": 1.0,
    "logged": 2.0,
    "gives": 1.5,
    "sources": 1.5,
    "typed": 1.0,
    "introduced": 1.0,
    "knows": 1.0,
    "same_org": 1.0,
    "senior": 0.5,
    "new_link": 0.25,
}

#: Words in a role that suggest seniority (a weak signal: LinkedIn is full of titles).
SENIOR_WORDS = re.compile(
    r"\b(chief|ceo|cfo|coo|cto|cio|cpo|vp|vice[- ]president|director|directrice|head of|"
    r"founder|president|partner|board|general counsel|principal|managing)\b",
    re.IGNORECASE,
)

#: Columns of :func:`rank_contacts`' frame, in order.
RANK_COLUMNS = (
    "rank",
    "contact_id",
    "name",
    "organisation",
    "role",
    "connected",
    "score",
    "reason",
    "reasons",
    "key",
)

_OFTEN = {"weekly": "often", "monthly": "often", "quarterly": "sometimes"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def connected_year(contact: Contact) -> str:
    """The year the person connected with *contact* on LinkedIn (``""`` when unknown).

    Examples
    --------
    >>> connected_year(Contact("Bo", extra={"connected_on": "2019-03-14"}))
    '2019'
    """
    when = str(contact.extra.get("connected_on", "")) if contact.extra else ""
    match = _YEAR.search(when)
    return match.group(0) if match else ""


def _sources(contact: Contact) -> list[str]:
    """The kinds of source a contact shows up in (LinkedIn, phone or e-mail, a prompt)."""
    kinds = []
    src = contact.source or ""
    if contact.linkedin_url or "linkedin" in src:
        kinds.append("LinkedIn")
    if contact.phone:
        kinds.append("phone")
    if src.startswith("prompt:"):
        kinds.append("a prompt")
    elif src and "linkedin" not in src and not contact.phone:
        kinds.append(src)
    return list(dict.fromkeys(kinds))


def _time_ago(days: int) -> str:
    if days < 14:
        return f"{days} day{'s' * (days != 1)} ago"
    if days < 70:
        return f"{days // 7} weeks ago"
    return f"{days // 30} months ago"


def _reasons(
    c: Contact,
    day: date,
    logged: int,
    knows: int,
    year: str,
    same_org: Callable[[str], bool],
    senior: Callable[[str], bool],
) -> list[tuple[float, str]]:
    out: list[tuple[float, str]] = []
    if (c.source or "").startswith("prompt:"):
        out.append((WEIGHTS["prompt"], "named in a prompt"))
    if c.strength:
        band = "strong" if c.strength >= 4 else "middling" if c.strength == 3 else "weak"
        out.append((WEIGHTS[band], f"{band} tie (strength {c.strength})"))
    if c.relationship:
        out.append((WEIGHTS["described"], f"you described them ({c.relationship})"))
    if c.frequency in _OFTEN:
        out.append((WEIGHTS[_OFTEN[c.frequency]], f"in touch {c.frequency}"))
    if c.last_contact:
        try:
            days = (day - parse_date(c.last_contact)).days
        except LeadNetError:
            days = -1
        if 0 <= days <= 90:
            out.append((WEIGHTS["recent"], f"last contact {_time_ago(days)}"))
        elif 90 < days <= 365:
            out.append((WEIGHTS["this_year"], f"last contact {_time_ago(days)}"))
    if logged:
        out.append((WEIGHTS["logged"], f"{logged} interaction{'s' * (logged != 1)} logged"))
    if c.gives_me:
        out.append((WEIGHTS["gives"], f"gives you {', '.join(c.gives_me)}"))
    kinds = _sources(c)
    if len(kinds) > 1:
        out.append((WEIGHTS["sources"], f"in {len(kinds)} sources ({' and '.join(kinds)})"))
    if c.network_type:
        out.append((WEIGHTS["typed"], f"you set their network ({c.network_type})"))
    if c.introduced_by and not is_self_introduced(c.introduced_by):
        out.append((WEIGHTS["introduced"], f"introduced by {c.introduced_by}"))
    if knows:
        out.append((WEIGHTS["knows"], f"knows {knows} of your contacts"))
    if same_org(c.organisation):
        out.append((WEIGHTS["same_org"], f"works at {c.organisation}, as you do"))
    if c.seniority in ("senior", "executive") or senior(c.role or ""):
        out.append((WEIGHTS["senior"], f"senior role ({c.role or c.seniority})"))
    if year and day.year - int(year) <= 1:
        out.append((WEIGHTS["new_link"], f"connected on LinkedIn in {year}"))
    return out


def rank_contacts(
    contacts: Iterable[Contact],
    profile: Profile | None,
    interactions: Iterable[Interaction] = (),
    ties: Iterable[Tie] = (),
    key_ids: Iterable[int] = (),
    today: date | str | None = None,
) -> pd.DataFrame:
    """Rank every contact by how likely they are to matter, with the reasons.

    Parameters
    ----------
    contacts : iterable of Contact
        Everyone in the workspace.
    profile : Profile
        The person (their organisation counts).
    interactions, ties : iterables
        The log and who knows whom (each adds to the score).
    key_ids : iterable of int
        The contacts already kept as key contacts (shown in ``key``).
    today : date or str, optional
        The day "recent" counts from.

    Returns
    -------
    DataFrame
        One row per contact, best first, columns :data:`RANK_COLUMNS`;
        ``reason`` is the reasons joined, ``reasons`` the list, ``rank``
        starts at 1. Ties in score keep the order the contacts were added.
    """
    day = as_date(today)
    me = profile or Profile(name="")
    people = list(contacts)
    logged: dict[int, int] = {}
    for i in interactions:
        logged[i.contact_id] = logged.get(i.contact_id, 0) + 1
    knows: dict[int, int] = {}
    for t in ties:
        knows[t.contact_a] = knows.get(t.contact_a, 0) + 1
        knows[t.contact_b] = knows.get(t.contact_b, 0) + 1
    keep = {int(i) for i in key_ids}
    same_org = functools.cache(
        lambda org: bool(me.organisation and org and same_organisation(org, me.organisation))
    )
    senior = functools.cache(lambda role: bool(SENIOR_WORDS.search(role)))
    rows = []
    for c in people:
        cid = int(c.id) if c.id is not None else -1
        year = connected_year(c)
        found = _reasons(c, day, logged.get(cid, 0), knows.get(cid, 0), year, same_org, senior)
        rows.append(
            (
                cid,
                c.name,
                c.organisation,
                c.role,
                year,
                round(sum(w for w, _ in found), 2),
                "; ".join(r for _, r in found) or "only a name in an export",
                [r for _, r in found],
                cid in keep,
            )
        )
    frame = pd.DataFrame(rows, columns=list(RANK_COLUMNS[1:]))
    if frame.empty:
        return pd.DataFrame(columns=list(RANK_COLUMNS))
    order = np.lexsort((np.arange(len(frame)), -frame["score"].to_numpy(dtype=float)))
    frame = frame.iloc[order].reset_index(drop=True)
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    return frame


def shortlist(ws: Workspace, size: int = AIM[1], today: date | str | None = None) -> pd.DataFrame:
    """The top *size* of :func:`rank_contacts` for a workspace (never contacts scoring 0).

    Raises
    ------
    LeadNetError
        When *size* is not a positive number.
    """
    if size < 1:
        raise LeadNetError(
            f"a shortlist of {size} contacts is empty", fix="Give --size 20 to 50, say."
        )
    ranked = rank_contacts(
        ws.contacts(), ws.profile(), ws.interactions(), ws.ties(), ws.key_contacts(), today
    )
    return ranked[ranked["score"] > 0].head(size).reset_index(drop=True)


def select_ids(
    ranked: pd.DataFrame,
    *,
    organisation: str = "",
    role_word: str = "",
    year: str | int = "",
) -> list[int]:
    """The contacts matching every criterion given (case-insensitive): for bulk choices.

    Parameters
    ----------
    ranked : DataFrame
        :func:`rank_contacts`' frame (or any with ``contact_id``,
        ``organisation``, ``role`` and ``connected``).
    organisation : str
        The same organisation (by :func:`~leadnet_helpers.rules.same_organisation`).
    role_word : str
        A word (or words) in the role, e.g. ``"recruiter"``.
    year : str or int
        The year connected on LinkedIn.

    Examples
    --------
    >>> frame = pd.DataFrame(
    ...     {
    ...         "contact_id": [1, 2, 3],
    ...         "organisation": ["Northwind Analytics", "Fabrikam, Inc.", "Northwind Analytics"],
    ...         "role": ["Recruiter", "Recruiter", "CFO"],
    ...         "connected": ["2019", "2020", "2019"],
    ...     }
    ... )
    >>> (
    ...     select_ids(frame, organisation="northwind analytics"),
    ...     select_ids(frame, role_word="recruit"),
    ... )
    ([1, 3], [1, 2])
    """
    if not (organisation or role_word or str(year)):
        raise LeadNetError(
            "no criterion given for the bulk choice",
            fix="Give an organisation, a word in the role or a year connected.",
        )
    keep = np.ones(len(ranked), dtype=bool)
    if organisation:
        orgs = ranked["organisation"].astype(str).tolist()
        keep &= np.array([same_organisation(o, organisation) for o in orgs], dtype=bool)
    if role_word:
        pattern = re.compile(r"\b" + re.escape(role_word.strip()), re.IGNORECASE)
        keep &= ranked["role"].astype(str).map(lambda r: bool(pattern.search(r))).to_numpy(bool)
    if str(year):
        keep &= (ranked["connected"].astype(str) == str(year).strip()).to_numpy(dtype=bool)
    return [int(i) for i in ranked["contact_id"].to_numpy()[keep]]


@dataclass(frozen=True)
class WiderReading:
    """The wider network, counted: how far it reaches, not who is in it.

    Attributes
    ----------
    reach : int
        Contacts outside the key map.
    organisations : int
        Distinct organisations among them.
    industries : int
        Distinct industries recorded.
    top_organisations : tuple of (str, int)
        The five organisations with most contacts.
    years : tuple of (str, int)
        Contacts by the year connected (LinkedIn), oldest first.
    """

    reach: int
    organisations: int
    industries: int
    top_organisations: tuple[tuple[str, int], ...]
    years: tuple[tuple[str, int], ...]

    def text(self) -> str:
        """The reading in one or two sentences.

        Examples
        --------
        >>> WiderReading(2950, 41, 0, (("Contoso Ltd", 80),), ()).text()
        'Your wider network: 2,950 contacts at 41 organisations (most at Contoso Ltd, 80). It is your reach for referrals and news (weak ties; Granovetter 1973), counted here rather than sorted card by card.'
        """
        most = ", ".join(f"{o}, {n:,}" for o, n in self.top_organisations[:3])
        industries = f" in {self.industries:,} industries" if self.industries else ""
        return (
            f"Your wider network: {self.reach:,} contact{'s' * (self.reach != 1)} at "
            f"{self.organisations:,} organisation{'s' * (self.organisations != 1)}{industries}"
            + (f" (most at {most})" if most else "")
            + ". It is your reach for referrals and news (weak ties; Granovetter 1973), "
            "counted here rather than sorted card by card."
        )


def wider_reading(contacts: Sequence[Contact], key_ids: Iterable[int]) -> WiderReading:
    """Count the contacts outside the key map (all of them when there is none)."""
    keep = {int(i) for i in key_ids}
    rest = [c for c in contacts if c.id not in keep]
    orgs: dict[str, int] = {}
    for c in rest:
        if c.organisation:
            orgs[c.organisation] = orgs.get(c.organisation, 0) + 1
    years: dict[str, int] = {}
    for c in rest:
        y = connected_year(c)
        if y:
            years[y] = years.get(y, 0) + 1
    top = tuple(sorted(orgs.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
    return WiderReading(
        reach=len(rest),
        organisations=len(orgs),
        industries=len({c.industry.casefold() for c in rest if c.industry}),
        top_organisations=top,
        years=tuple(sorted(years.items())),
    )


def shortlist_command(
    workspace: Path,
    size: int,
    csv: Path | None,
    accept: bool,
    today: date | None,
    say: Callable[..., None],
) -> int:
    """The work of ``leadnet shortlist``: print (or write) the shortlist; keep it with *accept*."""
    from .export.files import write_csv
    from .store import Workspace

    added = 0
    with Workspace.open(workspace, read_only=not accept) as ws:
        top = shortlist(ws, size, today)
        if accept and len(top):
            added = ws.set_key_contacts(
                dict(zip(top["contact_id"].astype(int), top["reason"], strict=True)),
                description=f"kept the shortlist's {len(top)} as key contacts",
            )
        contacts = ws.contacts()
        kept = set(ws.key_contacts())
    if csv is not None:
        rows = [
            {str(k): (v if k != "reasons" else "; ".join(v)) for k, v in r.items()}
            for r in top.to_dict("records")
        ]
        write_csv(csv, rows, [c for c in RANK_COLUMNS if c != "reasons"])
        say(f"Wrote the {len(top)} contacts of the shortlist to {csv}")
    else:
        for rank, name, org, reason, key in zip(
            top["rank"], top["name"], top["organisation"], top["reason"], top["key"], strict=True
        ):
            where = f" ({org})" if org else ""
            say(f"{int(rank):>4}{'*' if key else ' '} {name}{where}: {reason}")
    lo, hi = AIM
    say(
        f"{len(top)} of {len(contacts):,} contacts proposed (aim for {lo} to {hi}: the few "
        "dozen ties that do the work; Ibarra & Hunter 2007)."
    )
    if accept:
        say(f"Kept {added} more as key contacts; {len(kept)} in all (undo: notebook 01b).")
    elif kept:
        say(f"{len(kept)} key contacts already kept (marked *).")
    say(wider_reading(contacts, kept).text())
    return 0
