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

import threading
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .basis import Basis, basis_of
from .classify import classify, in_force, person_decisions, save_suggestions, stored_rows
from .findings import Concerned, Finding
from .model import Profile
from .network import NetworkData, filter_network, network_from
from .rules import as_date

if TYPE_CHECKING:
    from .diagnostics.structure import EgoStructure
    from .store import Workspace

__all__ = ["Analysis", "analyse", "analysis_of", "classify_and_save", "measured_contacts"]

Settings = str | Path | Mapping[str, Any] | None


@dataclass(frozen=True, eq=False)
class Analysis:
    """What the workbook knows about one person's network, computed once.

    The classification is computed with the analysis; the structure and the
    findings when first read (a view that only shows the classification, as
    notebook 02's, does not wait for the diagnostics), then kept.

    Attributes
    ----------
    network : NetworkData
        The tables (contacts with the type in force and location, ties, log).
    classification : DataFrame
        :func:`~leadnet_helpers.classify.classify`'s rows with the person's
        decisions applied (:func:`~leadnet_helpers.classify.in_force`).
    today : date
        The day time-based measures count from.
    structure : EgoStructure
        Burt's measures over the ties among the contacts.
    findings : tuple of Finding
        Every diagnostic's result, in the dashboard's order.
    wider : NetworkData or None
        Everyone in the workspace, when the person chose key contacts (then
        :attr:`network`, the findings and the figures are the key contacts'
        alone); ``None`` when there is no key set (everyone is the scope).
    key_ids : frozenset of int
        The key contacts' ids (empty when none were chosen).
    """

    network: NetworkData
    classification: pd.DataFrame
    today: date
    targets: Settings = field(default=None, repr=False)
    intervals: Settings = field(default=None, repr=False)
    wider: NetworkData | None = None
    key_ids: frozenset[int] = field(default_factory=frozenset)

    @cached_property
    def structure(self) -> EgoStructure:
        """Burt's measures over the ties among the contacts (computed on first read)."""
        from .diagnostics.structure import ego_structure

        return ego_structure(self.network)

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        """Every diagnostic's result, in the dashboard's order (computed on first read)."""
        from .diagnostics import all_findings

        return tuple(
            all_findings(
                self.network,
                self.today,
                targets=self.targets,
                intervals=self.intervals,
                structure=self.structure,
            )
        )

    @property
    def scope(self) -> str:
        """What the findings measure: ``"key contacts"`` or ``"everyone"``."""
        return "key contacts" if self.wider is not None else "everyone"

    @property
    def everyone(self) -> NetworkData:
        """The whole workspace's network (the wider network included)."""
        return self.wider if self.wider is not None else self.network

    @property
    def basis(self) -> Basis:
        """How many decided and guessed types the findings rest on."""
        return basis_of(self.network.contacts)

    @property
    def mostly_guessed(self) -> bool:
        """True when the findings rest mostly on the classifier's guesses."""
        return self.basis.mostly_guessed

    def scope_line(self) -> str:
        """One line saying what the findings measure and on how many decided and guessed types.

        Examples
        --------
        >>> from leadnet_helpers.model import Contact, Profile
        >>> from leadnet_helpers.network import network_from
        >>> a = analyse(
        ...     network_from(Profile("Ana"), [Contact("Bo", id=1, network_type="personal")])
        ... )
        >>> a.scope_line()
        'Measured on all 1 contact. Rests on 1 contact: 1 decided (by you), 0 guessed.'
        """
        n = self.network.size
        if self.wider is None:
            where = f"Measured on all {n:,} contact{'s' * (n != 1)}."
        else:
            rest = self.wider.size - n
            where = (
                f"Measured on your {n:,} key contact{'s' * (n != 1)}; the wider network "
                f"({rest:,} more) has its own reading."
            )
        return f"{where} {self.basis.line()}"

    def gaps_label(self) -> str:
        """The label over the gaps: ``""``, or why they rest mostly on guesses.

        Examples
        --------
        >>> from leadnet_helpers.model import Contact, Profile
        >>> from leadnet_helpers.network import network_from
        >>> a = analyse(
        ...     network_from(Profile("Ana"), [Contact("Bo", id=1, network_type="personal")])
        ... )
        >>> a.gaps_label()
        ''
        """
        b = self.basis
        if not b.mostly_guessed:
            return ""
        return (
            f"Mostly guessed: these findings rest on {b.decided:,} decided and "
            f"{b.guessed:,} guessed network types, so hold them lightly; no gap is raised "
            "from the balance of guesses. Choose your key contacts and decide their "
            "networks (notebooks 01b and 02) to make them yours."
        )

    @property
    def profile(self) -> Profile:
        """The person whose network this is."""
        return self.network.profile

    @property
    def gaps(self) -> list[Finding]:
        """The findings that are gaps, in the order the plan answers them."""
        from .diagnostics import gap_list

        return gap_list(self.findings)

    def finding(self, key: str) -> Finding | None:
        """The finding with *key* (``None`` when there is none).

        The keeping-warm finding alone is worked out without the others while
        they have not been read (notebook 05 asks for it after each log entry).
        """
        if key == "keep_warm" and "findings" not in self.__dict__:
            return self._keep_warm
        return next((f for f in self.findings if f.key == key), None)

    @cached_property
    def _keep_warm(self) -> Finding:
        from .diagnostics import keep_warm

        return keep_warm(self.network, self.today, self.intervals)

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
        from .diagnostics._common import carry_view_part

        part = filter_network(self.network, types=types, inside=inside, tags=tags)
        carry_view_part(self.network, part)  # its rows' columns, as the whole's view read them
        made = analyse(part, self.today, classification=self.classification)
        return replace(made, wider=self.wider, key_ids=self.key_ids)


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
    frame = classification if classification is not None else pd.DataFrame()
    return Analysis(net, frame, as_date(today), targets, intervals)


def _compute(ws: Workspace, day: date, before: _Made | None) -> _Made:
    """The analysis of *ws* now, reusing what did not change since *before*.

    The classification and the contacts table depend on the contacts, the
    profile and the person's decisions only: when none of them changed (an
    interaction was logged, a tie added, a plan saved), they are kept and only
    the ties and the log are read again.
    """
    contacts = ws.contacts()
    profile = ws.profile() or Profile(name="")
    decided = person_decisions(ws)
    key = frozenset(ws.key_contacts())
    basis = (
        tuple(map(id, contacts)),
        tuple(sorted(decided.items())),
        repr(profile),
        tuple(sorted(key)),
    )
    if before is not None and before.basis == basis:
        old = before.analysis
        fresh = network_from(profile, (), ws.ties(), ws.interactions())
        net = replace(old.everyone, ties=fresh.ties, interactions=fresh.interactions)
        from .diagnostics._common import carry_view

        carry_view(old.everyone, net)
        return _Made(_scoped(net, day, old.classification, key), basis, contacts)
    types, table = _classified(ws, contacts, profile, decided)
    net = replace(network_from(profile, (), ws.ties(), ws.interactions()), contacts=table)
    return _Made(_scoped(net, day, types, key), basis, contacts)


def _classified(
    ws: Workspace, contacts: list[Any], profile: Profile, decided: dict[int, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The classification in force and the network's contacts table, from disk when current.

    Another kernel that read the very same contacts (notebook 02 before 04
    and 05) kept the rules' classification and the table it gives beside the
    workspace (:mod:`.classified_cache`); else they are computed here and kept
    for the next one. The person's decisions are applied on top, to their
    rows alone, so a decision made since does not classify again.
    """
    from . import classified_cache

    key = (ws.contacts_digest(), repr(profile), classified_cache.code_stamp())
    kept = classified_cache.load(ws.path) or {}
    if kept.get("key") != key or "classified" not in kept or "table" not in kept:
        result = classify(contacts, profile)
        table = network_from(profile, contacts, (), (), result).contacts
        kept = {"key": key, "classified": result, "table": table}
        classified_cache.save(ws.path, kept)
    result, table = kept["classified"], kept["table"]
    _kept[ws] = kept
    types = in_force(result, decided)
    ids = table["id"]
    rows = [i for i, cid in enumerate(ids.tolist()) if cid is not pd.NA and int(cid) in decided]
    if rows:  # the decided contacts' rows, as network_from makes them with the types in force
        part = network_from(profile, [contacts[i] for i in rows], (), (), types).contacts
        part = part.astype(table.dtypes.to_dict()).set_axis(rows)
        table = pd.concat([table.drop(index=rows), part]).sort_index()
    return types, table


def measured_contacts(ws: Workspace) -> int:
    """How many contacts the figures will measure, without working the analysis out.

    The key contacts when the person chose some (as the analysis scopes itself,
    :func:`_scoped`), else every contact. Cheap: a page can get
    ready for the figures (:func:`~leadnet_helpers.app.figure_renderer.prepare_dashboard`)
    before they are worked out.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> measured_contacts(open_sample("ana-lucia-ferreira"))
    54
    """
    return len(ws.key_contacts()) or ws.count_contacts()


def _scoped(net: NetworkData, day: date, types: pd.DataFrame, key: frozenset[int]) -> Analysis:
    """The analysis of *net*, measured on the key contacts when the person chose some
    (:func:`measured_contacts` counts them the same way)."""
    if not key:
        return analyse(net, day, classification=types)
    made = analyse(filter_network(net, ids=key), day, classification=types)
    return replace(made, wider=net, key_ids=key)


@dataclass(frozen=True)
class _Made:
    """An analysis and what it was computed from (the contacts are kept alive for ``basis``)."""

    analysis: Analysis
    basis: tuple[object, ...]
    contacts: list[Any]


# What the classification cache held or now holds, per open workspace object.
_kept: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()

# One analysis per open workspace object, forgotten with it.
# Held while one is worked out: a kernel's preload thread (:mod:`.app.preload`) may be working
# out the very analysis a cell asks for; the cell waits for it instead of working it out twice.
_working = threading.RLock()
_latest: weakref.WeakKeyDictionary[Any, tuple[tuple[object, ...], _Made]] = (
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
    with _working:
        # the stamp is read before the workspace: a change made while the analysis is worked
        # out leaves it older than the workspace's, so the next call works it out again
        stamp = (ws.revision(), day)
        hit = _latest.get(ws)
        if hit is not None and hit[0] == stamp:
            return hit[1].analysis
        made = _compute(ws, day, hit[1] if hit is not None else None)
        _latest[ws] = (stamp, made)
        return made.analysis


def classify_and_save(ws: Workspace, today: date | str | None = None) -> Analysis:
    """Save the rules' suggestions for every undecided contact; return the analysis.

    The suggestions are derived from the contacts, so saving them does not
    make the analysis stale: it stays the current one (one classification).
    Their stored form is kept with the classification on disk, so a fresh
    kernel on unchanged contacts does not write them out again to compare.
    """
    with _working:
        return _classify_and_save(ws, today)


def _classify_and_save(ws: Workspace, today: date | str | None) -> Analysis:
    made = analysis_of(ws, today)
    if len(made.classification):
        decided = person_decisions(ws)
        kept = _kept.get(ws)
        if kept is None:
            rows = made.classification
            save_suggestions(ws, rows[~rows["contact_id"].isin(list(decided)).to_numpy(dtype=bool)])
        else:  # the undecided rows are the rules' own: their stored form is kept
            if "stored" not in kept:
                from . import classified_cache

                kept["stored"] = stored_rows(kept["classified"])
                classified_cache.save(ws.path, kept)
            ws.save_classifications([r for r in kept["stored"] if r[0] not in decided], by="rules")
        _latest[ws] = ((ws.revision(), made.today), _latest[ws][1])
    return made
