"""The cohort view: a folder of shares read, checked and summarised for the coach.

:func:`cohort_view` reads the folder (:func:`~.validate.load_shares`), takes
each participant's latest share for the room (:mod:`.room`), proposes the
introductions market (:mod:`.market`) and pairs earlier and later shares
(:mod:`.then_now`), withholding every breakdown of fewer than five
participants (:mod:`.suppress`). A cohort of fewer than five shows only its
count. :func:`write_cohort` writes the JSON and, if asked, the offline debrief.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .market import propose_pairs
from .room import room_summary
from .suppress import MIN_GROUP, Suppressor
from .then_now import latest_and_earliest, then_and_now
from .validate import Loaded, load_shares

__all__ = ["CohortView", "cohort_view", "write_cohort"]

#: What each part of the view is called in words.
_PARTS = {
    "career_stage": "career stages",
    "mix": "the network mix",
    "gaps": "the gaps",
    "distributions": "the distributions",
    "give_ask": "offers and asks",
    "then_now": "then and now",
}

SCHEMA = "leadnet-cohort"
VERSION = 1


@dataclass
class CohortView:
    """What the coach sees: the JSON document and the files behind it.

    Attributes
    ----------
    data : dict
        The document ``leadnet cohort --json`` writes: ``participants``,
        ``suppressed``, ``files`` and, for a cohort of at least five, ``room``,
        ``market`` and ``then_now``.
    loaded : Loaded
        The valid shares and the files that were not counted.
    folder : Path
        The folder the shares were read from.
    """

    data: dict[str, Any]
    loaded: Loaded = field(repr=False)
    folder: Path = Path()

    @property
    def participants(self) -> int:
        """How many people shared (distinct share ids)."""
        return int(self.data["participants"])

    @property
    def shown(self) -> bool:
        """Whether the cohort is large enough for anything beyond its count."""
        return "room" in self.data

    def suppressed_text(self) -> str:
        """The withheld breakdowns, said in words."""
        held = self.data["suppressed"]
        if not self.shown:
            return (
                f"Only the count is shown: with fewer than {MIN_GROUP} participants any "
                "breakdown could point at someone."
            )
        if not held:
            return f"Every group shown has at least {MIN_GROUP} participants."
        groups = Counter(h["what"].split(".")[0] for h in held)
        parts = [f"{n} in {_PARTS.get(g, g.replace('_', ' '))}" for g, n in groups.items()]
        return (
            f"{len(held)} breakdown{'s' * (len(held) != 1)} of fewer than {MIN_GROUP} "
            "participants are not shown, because they could point at someone ("
            + ", ".join(parts)
            + "); they are listed under 'suppressed' in the JSON."
        )

    def summary(self) -> list[str]:
        """The view in a few lines of plain text (what ``leadnet cohort`` prints)."""
        d, files = self.data, self.data["files"]
        lines = [
            (
                f"{d['participants']} participant{'s' * (d['participants'] != 1)} shared "
                f"({files['read']} file{'s' * (files['read'] != 1)} read, {files['counted']} "
                f"counted, {len(files['duplicates'])} duplicate, {len(files['problems'])} not "
                "counted)."
            )
        ]
        lines += [f"  not counted: {p['file']}: {p['reason']}" for p in files["problems"]]
        lines += [f"  duplicate: {p['file']}: {p['reason']}" for p in files["duplicates"]]
        if self.shown:
            room = d["room"]
            top = [g for g in room["gaps"] if g["participants"] != 0][:3]
            if top:
                lines.append(
                    "Most common gaps: "
                    + "; ".join(
                        f"{g['title']} ({g['participants'] or f'fewer than {MIN_GROUP}'})"
                        for g in top
                    )
                    + "."
                )
            market = d["market"]
            lines.append(
                f"Introductions market: {len(market['pairs'])} pairs proposed, "
                f"{market['unmatched_asks']} asks without an offer."
            )
            pairs = d["then_now"]["pairs"]
            lines.append(
                f"Then and now: {pairs} participants shared twice."
                if pairs is not None
                else f"Then and now: fewer than {MIN_GROUP} participants shared twice."
            )
        lines.append(self.suppressed_text())
        return lines


def cohort_view(folder: str | Path, today: date | None = None) -> CohortView:
    """Read the shares in *folder* and summarise the room.

    Examples
    --------
    >>> import tempfile
    >>> view = cohort_view(tempfile.mkdtemp())
    >>> view.participants, view.shown, view.data["suppressed"][0]["what"]
    (0, False, 'everything but the count')
    """
    loaded = load_shares(folder)
    shares = [s for _, s in loaded.shares]
    ends = latest_and_earliest(shares)
    latest = [now for _, now in ends.values()]
    cells = Suppressor()
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "version": VERSION,
        "made_on": (today or date.today()).isoformat(),
        "participants": len(ends),
        "min_group": MIN_GROUP,
        "files": {
            "read": len(loaded.shares) + len(loaded.problems) + len(loaded.duplicates),
            "counted": len(loaded.shares),
            "problems": [p.as_dict() for p in loaded.problems],
            "duplicates": [p.as_dict() for p in loaded.duplicates],
        },
        "suppressed": cells.suppressed,
    }
    if len(ends) < MIN_GROUP:
        cells.withhold(
            "everything but the count",
            f"the cohort has fewer than {MIN_GROUP} participants",
        )
        return CohortView(data, loaded, Path(folder))
    data["room"] = room_summary(latest, cells)
    data["market"] = propose_pairs(latest)
    data["then_now"] = then_and_now(shares, cells)
    return CohortView(data, loaded, Path(folder))


def write_cohort(
    folder: str | Path,
    *,
    json_out: str | Path,
    html_out: str | Path | None = None,
    today: date | None = None,
) -> CohortView:
    """Write the cohort view of *folder* as JSON (and as an offline HTML debrief)."""
    from ..export import atomic_write_text

    view = cohort_view(folder, today)
    atomic_write_text(
        json_out, json.dumps(view.data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    )
    if html_out is not None:
        from .debrief import debrief_html

        atomic_write_text(html_out, debrief_html(view))
    return view
