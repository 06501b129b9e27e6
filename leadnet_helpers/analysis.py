"""The analysis of one workspace: computed once per change, read by every layer below it.

An :class:`Analysis` holds what the classifier and the diagnostics make of a
workspace: the classification of every contact (with the type in force), the
network tables, the ego structure and the findings with their typed evidence.
:func:`analysis_of` computes it once and hands back the same object until the
workspace changes (:meth:`~leadnet_helpers.store.Workspace.revision`) or the day
does, so the CLI, the notebooks, the plan, the review and the exports all read
one analysis instead of classifying and diagnosing again each.

Examples
--------
>>> import tempfile, pathlib
>>> from datetime import date
>>> from leadnet_helpers.model import Contact, Profile
>>> from leadnet_helpers.store import Workspace
>>> ws = Workspace.create(
...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite",
...     Profile(name="Ana", organisation="Contoso"),
... )
>>> _ = ws.add_contact(Contact(name="Bo", relationship="my manager"))
>>> a = analysis_of(ws, date(2026, 11, 21))
>>> analysis_of(ws, date(2026, 11, 21)) is a, a.network.size, a.finding("balance").key
(True, 1, 'balance')
>>> ws.close()
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .classify import classify, in_force, person_decisions, save_suggestions
from .diagnostics import all_findings, gap_list
from .diagnostics.structure import EgoStructure, ego_structure
from .findings import Concerned, Finding
from .model import Profile
from .network import NetworkData, filter_network, network_from
from .rules import as_date

if TYPE_CHECKING:
    from .store import Workspace

__all__ = ["Analysis", "analyse", "analysis_of", "classify_and_save"]

Settings = str | Path | Mapping[str, Any] | None


@dataclass(frozen=True)
class Analysis:
    """What the workbook knows about one person's network, computed once.

    Attributes
    ----------
    network : NetworkData
        The tables (contacts with the type in force and location, ties, log).
    classification : DataFrame
        :func:`~leadnet_helpers.classify.classify`'s rows with the person's
        decisions applied (:func:`~leadnet_helpers.classify.in_force`).
    structure : EgoStructure
        Burt's measures over the ties among the contacts.
    findings : tuple of Finding
        Every diagnostic's result, in the dashboard's order.
    today : date
        The day time-based measures count from.
    """

    network: NetworkData
    classification: pd.DataFrame
    structure: EgoStructure
    findings: tuple[Finding, ...]
    today: date

    @property
    def profile(self) -> Profile:
        """The person whose network this is."""
        return self.network.profile

    @property
    def gaps(self) -> list[Finding]:
        """The findings that are gaps, in the order the plan answers them."""
        return gap_list(self.findings)

    def finding(self, key: str) -> Finding | None:
        """The finding with *key* (``None`` when there is none)."""
        return next((f for f in self.findings if f.key == key), None)

    def people(self, role: str) -> list[Concerned]:
        """Everyone any finding names in *role*, first finding first."""
        return [p for f in self.findings for p in f.people(role)]

    def filtered(
        self,
        *,
        types: Iterable[str] | None = None,
        inside: bool | None = None,
        tags: Iterable[str] | None = None,
    ) -> Analysis:
        """The analysis of part of the network (the dashboard's filters).

        The classification is the whole one (filters change what is measured,
        not what each contact is).
        """
        if types is None and inside is None and not tags:
            return self
        part = filter_network(self.network, types=types, inside=inside, tags=tags)
        return analyse(part, self.today, classification=self.classification)


def analyse(
    net: NetworkData,
    today: date | str | None = None,
    *,
    classification: pd.DataFrame | None = None,
    targets: Settings = None,
    intervals: Settings = None,
) -> Analysis:
    """Analyse a network held in tables (no workspace needed).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> a = analyse(
    ...     network_from(Profile("Ana"), [Contact("Bo", id=1, network_type="personal")]),
    ...     "2026-11-21",
    ... )
    >>> a.today.isoformat(), len(a.findings)
    ('2026-11-21', 15)
    """
    day = as_date(today)
    es = ego_structure(net)
    found = all_findings(net, day, targets=targets, intervals=intervals, structure=es)
    frame = classification if classification is not None else pd.DataFrame()
    return Analysis(net, frame, es, tuple(found), day)


def _compute(ws: Workspace, day: date) -> Analysis:
    contacts = ws.contacts()
    profile = ws.profile() or Profile(name="")
    types = in_force(classify(contacts, profile), person_decisions(ws))
    net = network_from(profile, contacts, ws.ties(), ws.interactions(), types)
    return analyse(net, day, classification=types)


# One analysis per open workspace object, forgotten with it.
_latest: weakref.WeakKeyDictionary[Any, tuple[tuple[object, ...], Analysis]] = (
    weakref.WeakKeyDictionary()
)


def analysis_of(ws: Workspace, today: date | str | None = None) -> Analysis:
    """The analysis of *ws*, computed once per change of the workspace (and per day).

    Parameters
    ----------
    ws : Workspace
        An open workspace (read-only works: nothing is written).
    today : date, optional
        The day to count from (default: today).
    """
    day = as_date(today)
    stamp = (ws.revision(), day)
    hit = _latest.get(ws)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    made = _compute(ws, day)
    _latest[ws] = (stamp, made)
    return made


def classify_and_save(ws: Workspace, today: date | str | None = None) -> Analysis:
    """Save the rules' suggestions for every undecided contact; return the analysis.

    The suggestions are derived from the contacts, so saving them does not
    make the analysis stale: it stays the current one (one classification).
    """
    made = analysis_of(ws, today)
    rows = made.classification
    if len(rows):
        decided = list(person_decisions(ws))
        save_suggestions(ws, rows[~rows["contact_id"].isin(decided).to_numpy(dtype=bool)])
        _latest[ws] = ((ws.revision(), made.today), made)
    return made
