"""The introductions market: who in the room could give what another asks for.

Each ask is matched with an offer of the same kind from someone else, in the
same area when possible (an ask or offer without an area fits any area), and
spread so that no one is asked to give far more than the rest. The pairs are
named by pseudonym, or by the first characters of the share id for those who
chose none. The exercise it serves: everyone first gives what they offered to
the person paired with them, and only then takes up their own ask, so the room
practises giving before getting (reciprocity as the engine of a network,
Baker 2000; Ibarra & Hunter 2007).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..share.offers import choice_text

__all__ = ["HOW_TO_RUN", "label_of", "labels_of", "propose_pairs"]

#: The exercise, in words, for the coach.
HOW_TO_RUN = (
    "Give before you get: read out each pair; the giver first offers what they listed "
    "(an introduction, an hour of expertise, feedback) to the person paired with them, and "
    "only after every giver has made their offer do people follow up their own asks. Ask "
    "the room afterwards what it felt like to give first, and who they will offer something "
    "to this week. (Reciprocity keeps a network alive: Baker, 2000; Ibarra & Hunter, 2007.)"
)


def label_of(share: Mapping[str, Any]) -> str:
    """How the market names a participant: their pseudonym, else ``#`` and the share id's start.

    Examples
    --------
    >>> (
    ...     label_of({"pseudonym": "Heron", "share_id": "ab" * 16}),
    ...     label_of({"pseudonym": "", "share_id": "ab" * 16}),
    ... )
    ('Heron', '#ababab')
    """
    return share["pseudonym"] or f"#{share['share_id'][:6]}"


def labels_of(shares: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each participant's label, made unique: a pseudonym two people chose gets the id's start.

    Examples
    --------
    >>> two = [{"pseudonym": "Wren", "share_id": c * 32} for c in "ab"]
    >>> labels_of(two)
    ['Wren #aaaaaa', 'Wren #bbbbbb']
    """
    plain = [label_of(s) for s in shares]
    counts = Counter(plain)
    return [
        f"{label} #{s['share_id'][:6]}" if counts[label] > 1 else label
        for label, s in zip(plain, shares, strict=True)
    ]


def _fit(ask: Mapping[str, str], offer: Mapping[str, str]) -> int:
    """2 same kind and area, 1 same kind and an open area, 0 no fit."""
    if ask["kind"] != offer["kind"]:
        return 0
    if ask["area"] and offer["area"]:
        return 2 if ask["area"] == offer["area"] else 0
    return 1


def propose_pairs(shares: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Pair each ask with an offer from someone else; say which asks found no offer.

    Examples
    --------
    >>> a = {
    ...     "pseudonym": "Heron",
    ...     "share_id": "a" * 32,
    ...     "offers": [],
    ...     "asks": [{"kind": "feedback", "area": "", "phrase": ""}],
    ... }
    >>> b = {
    ...     "pseudonym": "Otter",
    ...     "share_id": "b" * 32,
    ...     "asks": [],
    ...     "offers": [{"kind": "feedback", "area": "finance", "phrase": ""}],
    ... }
    >>> m = propose_pairs([a, b])
    >>> [(p["giver"], p["receiver"]) for p in m["pairs"]], m["unmatched_asks"]
    ([('Otter', 'Heron')], 0)
    """
    given: Counter[str] = Counter()
    pairs: list[dict[str, Any]] = []
    unmatched = 0
    labels = labels_of(shares)
    for i, asker in enumerate(shares):
        for ask in asker["asks"]:
            best: tuple[int, int, int, int] | None = None
            for j, giver in enumerate(shares):
                if j == i:
                    continue
                for k, offer in enumerate(giver["offers"]):
                    fit = _fit(ask, offer)
                    if fit and (best is None or (fit, -given[labels[j]]) > (best[0], best[1])):
                        best = (fit, -given[labels[j]], j, k)
            if best is None:
                unmatched += 1
                continue
            _, _, j, k = best
            given[labels[j]] += 1
            offer = shares[j]["offers"][k]
            pairs.append(
                {
                    "giver": labels[j],
                    "receiver": labels[i],
                    "kind": ask["kind"],
                    "area": ask["area"] or offer["area"],
                    "offer": choice_text(offer, "offer"),
                    "ask": choice_text(ask, "ask"),
                    "same_area": best[0] == 2,
                }
            )
    return {"pairs": pairs, "unmatched_asks": unmatched, "how_to_run": HOW_TO_RUN}
