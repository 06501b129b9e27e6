"""Who an action names: the people its findings name, by role (typed evidence only).

A template says which kind of people it needs (``"who": "dormant"``); the
``selectors`` of ``data/action_templates.json`` map that kind to roles
(``losing_touch`` then ``due``). The people come from the finding the action
answers first, then from the other findings, and only ever from a finding's
evidence (:class:`~leadnet_helpers.findings.Concerned`): the plan has no rule
of its own for who is dormant, who only asks or which pair to introduce.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..findings import Concerned, Finding
from .actions import Who

__all__ = ["people_for"]


def _who(person: Concerned) -> Who:
    entry: Who = {"contact_id": person.contact_id, "name": person.name, "detail": person.detail}
    if person.role == "pair":
        entry["reason"] = person.note
    elif person.note:
        entry["resource"] = person.note
    return entry


def _groups(people: list[Concerned]) -> list[list[Who]]:
    if people[0].role != "pair":
        return [[_who(p)] for p in people]
    pairs: dict[int | None, list[Who]] = {}
    for person in people:
        pairs.setdefault(person.pair, []).append(_who(person))
    return [group for group in pairs.values() if len(group) == 2]


def people_for(
    template: Mapping[str, Any],
    finding: Finding,
    data: Mapping[str, Any],
    others: Sequence[Finding] = (),
) -> list[list[Who]]:
    """The groups of people a template names (one person a group; two for a pair).

    Examples
    --------
    >>> f = Finding(
    ...     "keep_warm",
    ...     "t",
    ...     1,
    ...     "r",
    ...     True,
    ...     0.5,
    ...     "p",
    ...     "s",
    ...     evidence=(
    ...         Concerned(
    ...             "losing_touch",
    ...             4,
    ...             "Robert Hale",
    ...             "strategic",
    ...             "strategic, last contact 7 months ago",
    ...         ),
    ...     ),
    ... )
    >>> data = {"selectors": {"dormant": {"roles": ["losing_touch", "due"]}}}
    >>> people_for({"who": "dormant"}, f, data)[0][0]["name"]
    'Robert Hale'
    """
    kind = template.get("who") or ""
    if not kind:
        return []
    roles = data.get("selectors", {}).get(kind, {}).get("roles") or [kind]
    for source in (finding, *others):
        for role in roles:
            people = source.people(role)
            if people:
                return _groups(people)
    return []
