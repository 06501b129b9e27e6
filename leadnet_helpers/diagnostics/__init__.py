"""Gap diagnostics: measures of a person's network, each with its reading and its theory.

Every diagnostic is a pure function of a :class:`~leadnet_helpers.network.NetworkData`
that returns a :class:`~leadnet_helpers.findings.Finding`: the value, a plain
reading for this person, whether it is a gap and how severe, the principle
and its source, and JSON-ready details (lists of small dicts) that the
dashboard, the action plan and ``leadnet gaps --json`` read.

==========================  ===========================================================
function                    what it measures
==========================  ===========================================================
:func:`balance`             operational / personal / strategic shares against a target
:func:`inside_outside`      E-I index of inside versus outside the organisation
:func:`future_orientation`  share of contacts oriented to the future
:func:`network_structure`   density, Burt's constraint, effective size, clusters, bridges
:func:`diversity`           Blau's index and IQV over organisation, function, industry, level
:func:`homophily`           E-I against the person's own profile
:func:`keep_warm`           days since last contact against ideal and maximum intervals
:func:`give_and_take`       gives against asks; contacts approached only to ask
:func:`over_reliance`       concentration of what I receive; who constrains me most
:func:`coverage`            support, feedback, insight and resources per network
:func:`brokers`             self-introduced share (65% rule); who introduced me most
:func:`introductions`       pairs of strong contacts who would gain from meeting
:func:`strong_ties`         strong ties per network (quality over quantity)
:func:`roles`               kinds of help missing or resting on one person (Cross & Thomas)
:func:`energy`              share of draining ties; draining ties among those relied on most
==========================  ===========================================================

Examples
--------
>>> from datetime import date
>>> from leadnet_helpers.model import Contact, Profile
>>> from leadnet_helpers.network import network_from
>>> net = network_from(
...     Profile("Ana", career_stage="business leader"),
...     [Contact("Bo", id=1, network_type="operational", inside_org=True)],
... )
>>> findings = all_findings(net, today=date(2026, 11, 21))
>>> gap_list(findings)[0].key
'balance'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..network import NetworkData
from .brokerage import SELF_INTRODUCED_LIMIT, brokers, introductions
from .composition import balance, ei_index, future_orientation, inside_outside, strong_ties
from .diversity import blau, diversity, homophily
from .exchange import coverage, give_and_take, over_reliance
from .roles import energy, load_roles, roles
from .structure import EgoStructure, ego_structure, network_structure
from .targets import load_keep_warm, load_target_mixes, target_for
from .upkeep import keep_warm, last_touch

__all__ = [
    "SELF_INTRODUCED_LIMIT",
    "EgoStructure",
    "all_findings",
    "balance",
    "blau",
    "brokers",
    "coverage",
    "diversity",
    "ego_structure",
    "ei_index",
    "energy",
    "future_orientation",
    "gap_list",
    "give_and_take",
    "homophily",
    "inside_outside",
    "introductions",
    "keep_warm",
    "last_touch",
    "load_keep_warm",
    "load_roles",
    "load_target_mixes",
    "network_structure",
    "over_reliance",
    "roles",
    "strong_ties",
    "target_for",
]

Settings = str | Path | Mapping[str, Any] | None


def all_findings(
    net: NetworkData,
    today: date | None = None,
    *,
    targets: Settings = None,
    intervals: Settings = None,
    structure: EgoStructure | None = None,
) -> list[Finding]:
    """Run every diagnostic on *net*, in the order of the workbook's dashboard.

    Parameters
    ----------
    net : NetworkData
        The person's network.
    today : date, optional
        The day time-based measures count from (default: today).
    targets, intervals : str, Path or mapping, optional
        Edited target mixes and keep-warm intervals (see :func:`load_target_mixes`,
        :func:`load_keep_warm`).
    structure : EgoStructure, optional
        The ego structure of *net* when already computed (see
        :class:`~leadnet_helpers.analysis.Analysis`).

    Returns
    -------
    list of Finding
        One finding per diagnostic, gaps or not.

    Examples
    --------
    >>> from leadnet_helpers.model import Profile
    >>> from leadnet_helpers.network import network_from
    >>> [f.value for f in all_findings(network_from(Profile("Ana"), []))][:3]
    [None, None, None]
    """
    es = structure if structure is not None else ego_structure(net)
    return [
        balance(net, targets),
        inside_outside(net),
        future_orientation(net, targets),
        network_structure(net),
        diversity(net),
        homophily(net),
        keep_warm(net, today, intervals),
        give_and_take(net, today),
        over_reliance(net, today, structure=es),
        coverage(net),
        brokers(net),
        introductions(net, structure=es),
        strong_ties(net),
        roles(net),
        energy(net),
    ]


def gap_list(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that are gaps, most severe first; strategic under-use always first.

    Ibarra and Hunter found strategic networking under-used by almost every
    manager they studied, so when the balance finding names it, it leads.

    Examples
    --------
    >>> from leadnet_helpers.findings import Finding
    >>> a = Finding("diversity", "t", 0.1, "r", True, 0.9, "p", "s")
    >>> b = Finding("balance", "t", {}, "r", True, 0.5, "p", "s", {"strategic_underuse": True})
    >>> c = Finding("future", "t", 0.5, "r", False, 0.0, "p", "s")
    >>> [f.key for f in gap_list([a, b, c])]
    ['balance', 'diversity']
    """
    gaps = [f for f in findings if f.is_gap]
    return sorted(gaps, key=lambda f: (not bool(f.details.get("strategic_underuse")), -f.severity))
