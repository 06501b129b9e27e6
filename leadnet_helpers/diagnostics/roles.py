"""Roles and energy: which kinds of help the network supplies, and which ties drain it.

Cross and Thomas (2011) found that the leaders who do best do not have the
largest networks but ones that supply six kinds of help: information and
expertise, formal and informal power, developmental feedback, personal
support, a sense of purpose or worth, and work-life balance. They also lean
towards people who give them energy, since draining relationships cost more
than they seem (Cross, Baker & Parker, 2003). The person records both per
contact (``helps_with`` and ``energy``); the labels and the citations live in
``data/roles.json``. Until anything is recorded, both findings say so and
raise no gap: an empty column is "not yet entered", not "missing".

References
----------
.. [1] Cross, R. & Thomas, R. J. (2011). A smarter way to network. Harvard
   Business Review, 89(7/8), 149-153.
.. [2] Cross, R., Baker, W. & Parker, A. (2003). What creates energy in
   organizations? MIT Sloan Management Review, 44(4), 51-56.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import numpy as np

from ..errors import LeadNetError
from ..findings import Concerned, Finding
from ..model import ENERGY, HELP_KINDS
from ..network import NetworkData
from ..paths import data_dir
from ._common import CROSS, CROSS_ENERGY, make_finding, no_contacts, pct, plural, tuples, view

__all__ = ["RELIED_ON_MOST", "ROLES_FILE", "energy", "load_roles", "roles"]

ROLES_FILE = "roles.json"
#: How many people count as "the people you rely on most" for the energy finding.
RELIED_ON_MOST = 5
#: A share of draining ties from which the energy finding is a gap.
DRAINING_SHARE = 0.2


@lru_cache(maxsize=1)
def load_roles() -> dict[str, Any]:
    """The kinds of help and energy values with their labels (``data/roles.json``).

    Returns
    -------
    dict
        ``kinds`` and ``energy`` (key -> ``label``, ``short``, ``question``) and
        ``sources``; the keys are :data:`~leadnet_helpers.model.HELP_KINDS` and
        :data:`~leadnet_helpers.model.ENERGY`, in that order.

    Raises
    ------
    LeadNetError
        When the file is missing or its keys do not match the model's.

    Examples
    --------
    >>> load_roles()["kinds"]["power"]["label"]
    'Formal and informal power'
    """
    path = data_dir() / ROLES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LeadNetError(
            f"cannot read the kinds of help ({exc})",
            file=path.name,
            fix="Reinstall LeadNet, or restore data/roles.json from the repository.",
        ) from exc
    if tuple(data.get("kinds", {})) != HELP_KINDS or tuple(data.get("energy", {})) != ENERGY:
        raise LeadNetError(
            "the kinds of help or energy values do not match this LeadNet",
            file=path.name,
            fix=f"List exactly {', '.join(HELP_KINDS)} and {', '.join(ENERGY)}.",
        )
    return data


def _label(kind: str) -> str:
    return str(load_roles()["kinds"][kind]["label"])


def _not_entered(key: str, title: str, what: str, principle: str, source: str, n: int) -> Finding:
    reading = (
        f"Not yet entered: none of your {plural(n, 'contact')} has {what} recorded. "
        "Notebook 07 shows a quick grid for it."
    )
    return make_finding(
        key,
        title,
        None,
        reading,
        principle=principle,
        source=source,
        details={"entered": 0, "contacts": n},
    )


def roles(net: NetworkData) -> Finding:
    """Which of the six kinds of help nobody gives the person, or only one person does.

    Returns
    -------
    Finding
        ``value`` is how many of the six kinds are missing or rest on one person
        (``None`` until some contact has ``helps_with`` recorded); ``details``
        holds ``kinds`` (per kind: key, label, count, the people), ``missing``
        and ``single`` (kind keys), ``entered`` (contacts with something
        recorded). Evidence: each only helper as ``sole_helper``, with the
        kind in ``note``.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> people = [
    ...     Contact("Bo", id=1, helps_with=("information", "support")),
    ...     Contact("Cy", id=2, helps_with=("information",)),
    ... ]
    >>> f = roles(network_from(Profile("Ana"), people))
    >>> f.value, f.details["missing"], [p.name for p in f.people("sole_helper")]
    (5, ['power', 'development', 'purpose', 'balance'], ['Bo'])
    >>> roles(network_from(Profile("Ana"), [Contact("Bo", id=1)])).is_gap
    False

    References
    ----------
    Cross & Thomas (2011).
    """
    key, title = "roles", "Kinds of help your network gives"
    principle = (
        "The strongest networks are not the largest but the ones that give you each "
        "kind of help you need (information and expertise, power, developmental "
        "feedback, personal support, purpose, work-life balance), each from more than "
        "one person."
    )
    source = CROSS
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    grid = _help_grid(v)
    entered = grid.any(axis=1)
    if not entered.any():
        return _not_entered(key, title, "the kinds of help they give", principle, source, v.n)
    strength = np.nan_to_num(v.strength, nan=0.0)
    per_kind: list[dict[str, Any]] = []
    missing: list[str] = []
    single: list[str] = []
    evidence: list[Concerned] = []
    for k, kind in enumerate(HELP_KINDS):
        givers = np.flatnonzero(grid[:, k])
        givers = givers[np.argsort(-strength[givers], kind="stable")]
        per_kind.append(
            {
                "kind": kind,
                "label": _label(kind),
                "count": len(givers),
                "people": [v.ref(int(i)) for i in givers[:5]],
            }
        )
        if not len(givers):
            missing.append(kind)
        elif len(givers) == 1:
            single.append(kind)
            label = _label(kind).lower()
            evidence.append(
                v.concerned(
                    "sole_helper", int(givers[0]), f"the only one giving you {label}", note=label
                )
            )
    entered_n = int(entered.sum())
    thin = len(missing) + len(single)
    parts = []
    if missing:
        parts.append(
            "nobody gives you " + _join([_label(k).lower() for k in missing], "or") + " yet"
        )
    if single:
        labels = _join([_label(k).lower() for k in single], "and")
        parts.append(
            f"{labels} rests on one person"
            if len(single) == 1
            else f"{labels} rest on one person each"
        )
    scope = f"Of the {plural(entered_n, 'contact')} you have recorded help for, "
    if parts:
        reading = scope + "; ".join(parts) + "."
        if entered_n < v.n / 4:
            reading += " Record help for more contacts to be sure the gap is real."
    else:
        reading = scope + "at least two people give you each of the six kinds of help."
    severity = min(1.0, 0.15 * len(missing) + 0.07 * len(single))
    return make_finding(
        key,
        title,
        thin,
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details={
            "kinds": per_kind,
            "missing": missing,
            "single": single,
            "entered": entered_n,
            "contacts": v.n,
        },
        evidence=evidence,
    )


def _help_grid(v: Any) -> np.ndarray:
    """A contacts x kinds boolean grid of who gives which kind of help (cached per view)."""
    cache = v.__dict__
    if "_help_grid" not in cache:
        grid = np.zeros((v.n, len(HELP_KINDS)), dtype=bool)
        column = {kind: k for k, kind in enumerate(HELP_KINDS)}
        raw = v.frame["helps_with"].tolist() if "helps_with" in v.frame else []
        if any(isinstance(x, str) for x in raw):  # hand-made tables: text cells
            raw = tuples(v.frame, "helps_with")
        for i, kinds in enumerate(raw):
            if kinds and isinstance(kinds, (tuple, list)):  # most contacts have none
                for kind in kinds:
                    k = column.get(kind if kind in column else str(kind).strip().casefold())
                    if k is not None:
                        grid[i, k] = True
        cache["_help_grid"] = grid
    return cache["_help_grid"]


def _energies(v: Any) -> np.ndarray:
    """The energy of each tie, one of :data:`~leadnet_helpers.model.ENERGY` or ``""``."""
    if "energy" not in v.frame:
        return np.full(v.n, "", dtype=object)
    col = v.frame["energy"].fillna("").astype(str)
    valid = col.isin((*ENERGY, ""))
    if not valid.all():  # hand-made tables: other case, spaces
        col = col.where(valid, col.str.strip().str.casefold())
        col = col.where(col.isin(ENERGY), "")
    return col.to_numpy(dtype=object)


def _relied_on_most(v: Any) -> list[int]:
    """Rows of the people the person relies on most: most kinds of help, then strongest."""
    gives = np.fromiter(map(len, v.gives_me), dtype=np.int64, count=v.n)
    amount = _help_grid(v).sum(axis=1) + gives
    strength = np.nan_to_num(v.strength, nan=0.0)
    order = np.lexsort((-strength, -amount))  # stable: row order breaks ties
    return [int(i) for i in order[:RELIED_ON_MOST] if amount[i] > 0]


#: How many draining ties (besides those relied on most) a finding names one by one.
NAMED_DRAINING = 10


def energy(net: NetworkData) -> Finding:
    """The share of ties that drain the person, and the draining ones among those relied on most.

    The people relied on most are the :data:`RELIED_ON_MOST` contacts who give
    the most kinds of help (``helps_with`` and ``gives_me``), the strongest
    ties first among equals. A gap when a fifth or more of the rated ties
    drain, or when anyone relied on most does.

    Returns
    -------
    Finding
        ``value`` is the share of rated ties that drain (``None`` until some
        contact has ``energy`` recorded); ``details`` holds ``counts`` (gives,
        neutral, drains), ``rated``, ``relied_on`` (the people relied on
        most), ``draining`` (the draining contacts relied on most, then up to
        :data:`NAMED_DRAINING` others, strongest first) and ``draining_count``.
        Evidence: ``drains_relied_on`` first, then ``drains``.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> people = [
    ...     Contact("Bo", id=1, energy="drains", helps_with=("power",), strength=5),
    ...     Contact("Cy", id=2, energy="gives"),
    ...     Contact("Di", id=3, energy="neutral"),
    ... ]
    >>> f = energy(network_from(Profile("Ana"), people))
    >>> round(f.value, 2), f.is_gap, [p.role for p in f.evidence]
    (0.33, True, ['drains_relied_on'])

    References
    ----------
    Cross, Baker & Parker (2003); Cross & Thomas (2011).
    """
    key, title = "energy", "Ties that give or drain energy"
    principle = (
        "Energising relationships spread ideas and effort, while draining ones cost "
        "more than they seem, above all with people you depend on: lean towards "
        "those who energise you, and reshape or step back from ties that drain you."
    )
    source = f"{CROSS_ENERGY}; {CROSS}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    v = view(net)
    values = _energies(v)
    rated = values != ""
    if not rated.any():
        return _not_entered(key, title, "its energy", principle, source, v.n)
    counts = {e: int((values == e).sum()) for e in ENERGY}
    total = int(rated.sum())
    share = counts["drains"] / total
    relied = _relied_on_most(v)
    relied_draining = [i for i in relied if values[i] == "drains"]
    rest = np.flatnonzero(values == "drains")
    rest = rest[~np.isin(rest, relied)]
    strength = np.nan_to_num(v.strength, nan=0.0)
    others = [int(i) for i in rest[np.argsort(-strength[rest], kind="stable")][:NAMED_DRAINING]]
    draining = relied_draining + others
    evidence = [
        v.concerned(
            "drains_relied_on",
            i,
            f"drains your energy; one of the {len(relied)} people you rely on most",
        )
        for i in relied_draining
    ] + [v.concerned("drains", i, "drains your energy") for i in others]
    reading = (
        f"{plural(counts['drains'], 'tie')} of the {total} you rated "
        f"({pct(share)}) drain{'s' if counts['drains'] == 1 else ''} your energy; "
        f"{plural(counts['gives'], 'tie')} give{'s' if counts['gives'] == 1 else ''} you energy."
    )
    if relied_draining:
        names = _join([str(v.names[i]) for i in relied_draining], "and")
        reading += f" Among the people you rely on most, {names} drain{'s' if len(relied_draining) == 1 else ''} you."
    severity = 0.0
    if share >= DRAINING_SHARE:
        severity = min(1.0, 0.2 + (share - DRAINING_SHARE))
    if relied_draining:
        severity = max(severity, min(0.8, 0.3 + 0.15 * len(relied_draining)))
    return make_finding(
        key,
        title,
        share,
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details={
            "counts": counts,
            "rated": total,
            "contacts": v.n,
            "relied_on": [v.ref(i) for i in relied],
            "draining": [v.ref(i) | {"relied_on": i in relied} for i in draining],
            "draining_count": counts["drains"],
        },
        evidence=evidence,
    )


def _join(items: list[str], word: str) -> str:
    if len(items) <= 2:
        return f" {word} ".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]
