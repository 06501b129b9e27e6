"""How we met (notebook 01): how many contacts came through an introduction, and through whom.

Uzzi and Dunlap (2005) suggest a quick test: for each key contact, note who
introduced you. If you introduced yourself to most of them, your network
probably mirrors you. This only counts (the rule of who counts as
self-introduced is :func:`~leadnet_helpers.rules.is_self_introduced`);
notebook 03 turns the counts into a diagnosis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Contact, name_key
from ..rules import is_self_introduced
from .workspace import workspace_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["IntroductionCounts", "introduction_counts", "introductions_of"]


@dataclass(frozen=True, slots=True)
class IntroductionCounts:
    """Contacts by who introduced them: me, someone, or not recorded."""

    total: int
    by_me: int
    by_others: int
    not_recorded: int
    top_introducers: tuple[tuple[str, int], ...]


def introduction_counts(
    contacts: Iterable[Contact], top: int = 5, *, own_name: str = ""
) -> IntroductionCounts:
    """Count how contacts came into the network.

    "Me" is decided by :func:`~leadnet_helpers.rules.is_self_introduced` and
    introducers are grouped by :func:`~leadnet_helpers.model.name_key`, as the
    brokers diagnostic does, so notebook 01 and notebook 03 agree.

    Examples
    --------
    >>> people = [
    ...     Contact("A", introduced_by="myself"),
    ...     Contact("B", introduced_by="Ada"),
    ...     Contact("C", introduced_by="ada"),
    ...     Contact("D"),
    ... ]
    >>> introduction_counts(people)
    IntroductionCounts(total=4, by_me=1, by_others=2, not_recorded=1, top_introducers=(('Ada', 2),))
    """
    total = by_me = missing = 0
    names: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for contact in contacts:
        total += 1
        who = contact.introduced_by.strip()
        if not who:
            missing += 1
        elif is_self_introduced(who, own_name):
            by_me += 1
        else:
            key = name_key(who)
            spelling.setdefault(key, who)
            names[key] += 1
    ranked = tuple((spelling[k], n) for k, n in names.most_common(top))
    return IntroductionCounts(total, by_me, sum(names.values()), missing, ranked)


def introductions_of(ws: Workspace) -> IntroductionCounts:
    """The counts for the contacts of *ws* (the person's own name counts as "me").

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from leadnet_helpers.model import Profile
    >>> from leadnet_helpers.store import Workspace
    >>> ws = Workspace.create(pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana"))
    >>> _ = ws.add_contact(Contact("Bo", introduced_by="Ana"))
    >>> introductions_of(ws).total
    1
    >>> ws.close()
    """
    profile = ws.profile()
    return introduction_counts(
        workspace_model(ws).contacts(), own_name=profile.name if profile else ""
    )
