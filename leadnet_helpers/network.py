"""The person's network as tables, ready for diagnostics, plots and the plan.

A :class:`NetworkData` holds the profile, one row per contact (with the network type in force: the person's
own decision first, else the classifier's suggestion), who knows whom, and the
interaction log. :func:`leadnet_helpers.analysis.analysis_of` builds it from a
workspace (once per change); :func:`network_from` builds it from plain objects.
Diagnostics and plots are pure functions of this object, so they are tested on
hand-made tables without a workspace.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from operator import attrgetter

import pandas as pd

from .model import NETWORK_TYPES, TEMPLATE_COLUMNS, Contact, Interaction, Profile, Tie
from .rules import locations, to_timestamps

__all__ = ["CONTACT_COLUMNS", "NetworkData", "filter_network", "network_from"]

#: The columns read from each :class:`~leadnet_helpers.model.Contact` as they are: the
#: template's fields (one list, :data:`~leadnet_helpers.model.TEMPLATE_COLUMNS`) but the
#: network type, which the classification decides, and the notes, which no measure reads.
_FROM_CONTACT: tuple[str, ...] = (
    "id",
    *(c for c in TEMPLATE_COLUMNS if c not in ("network_type", "notes")),
)

#: Columns of :attr:`NetworkData.contacts`.
CONTACT_COLUMNS = (
    *_FROM_CONTACT,
    "network_type",
    "secondary_types",
    "confidence",
    "decided_by",
    "location",
    "guessed",
)


@dataclass(frozen=True)
class NetworkData:
    """A person's network as pandas tables.

    Attributes
    ----------
    profile : Profile
        The leader whose network this is.
    contacts : DataFrame
        One row per contact, columns :data:`CONTACT_COLUMNS`. ``inside_org`` and
        ``discretionary`` are ``True``/``False``/``None``; ``strength`` is a
        nullable integer; ``last_contact`` a datetime (``NaT`` when unknown);
        ``gives_me``, ``i_give``, ``tags``, ``helps_with`` and ``secondary_types`` are
        tuples; ``energy`` is ``"gives"``, ``"neutral"``, ``"drains"`` or ``""``;
        ``location`` is ``"inside"``, ``"outside"`` or ``""`` by
        :func:`~leadnet_helpers.rules.location` (what the person recorded,
        else the organisation compared with their own).
    ties : DataFrame
        Who knows whom: ``contact_a``, ``contact_b``, ``strength`` (each pair once).
    interactions : DataFrame
        The log: ``contact_id``, ``date`` (datetime), ``kind`` (met/gave/asked), ``note``.
    """

    profile: Profile
    contacts: pd.DataFrame
    ties: pd.DataFrame
    interactions: pd.DataFrame

    @property
    def size(self) -> int:
        """How many contacts."""
        return len(self.contacts)


def network_from(
    profile: Profile,
    contacts: Iterable[Contact],
    ties: Iterable[Tie] = (),
    interactions: Iterable[Interaction] = (),
    types: pd.DataFrame | None = None,
) -> NetworkData:
    """Build :class:`NetworkData` from plain objects (handy in tests and notebooks).

    Parameters
    ----------
    types : DataFrame, optional
        Classification per contact (``contact_id``, ``network_type``,
        ``secondary_types``, ``confidence``, ``decided_by``). Without it, a
        contact's own ``network_type`` field is used (or ``""``).

    Examples
    --------
    >>> net = network_from(Profile("Ana"), [Contact("Bo", id=1, network_type="personal")])
    >>> net.contacts.loc[0, ["name", "network_type"]].tolist()
    ['Bo', 'personal']
    """
    items = list(contacts)
    if items:  # a column at a time (as many cells as from one dict per contact)
        frame = pd.DataFrame({name: list(map(attrgetter(name), items)) for name in _FROM_CONTACT})
    else:
        frame = pd.DataFrame([], columns=list(_FROM_CONTACT))
    frame["id"] = pd.array([c.id for c in items], dtype="Int64")
    if types is not None and len(types):
        by_id = types.set_index("contact_id")
        ids = frame["id"]
        frame["network_type"] = ids.map(by_id["network_type"]).fillna("").astype(object)
        frame["secondary_types"] = ids.map(by_id["secondary_types"]).map(
            lambda v: tuple(v) if isinstance(v, (tuple, list)) else ()
        )
        frame["confidence"] = ids.map(by_id["confidence"]).astype(float).fillna(0.0)
        frame["decided_by"] = ids.map(by_id["decided_by"]).fillna("").astype(object)
        review = by_id.get("needs_review", None)
        frame["guessed"] = (
            ids.map(review).fillna(False).astype(bool) & (frame["decided_by"] != "person")
            if review is not None
            else False
        )
    else:
        frame["network_type"] = [c.network_type for c in items]
        frame["secondary_types"] = [() for _ in items]
        frame["confidence"] = [1.0 if c.network_type else 0.0 for c in items]
        frame["decided_by"] = ["person" if c.network_type else "" for c in items]
        frame["guessed"] = False
    frame["strength"] = pd.array(frame["strength"].tolist(), dtype="Int64")
    frame["last_contact"] = to_timestamps(frame["last_contact"])
    frame["location"] = locations(
        frame["inside_org"], frame["organisation"], profile.organisation if profile else ""
    )
    frame = frame[list(CONTACT_COLUMNS)]
    tie_frame = pd.DataFrame(
        [(t.contact_a, t.contact_b, t.strength) for t in ties],
        columns=["contact_a", "contact_b", "strength"],
        dtype="int64",
    )
    log = pd.DataFrame(
        [(i.contact_id, i.date, i.kind, i.note) for i in interactions],
        columns=["contact_id", "date", "kind", "note"],
    )
    log["date"] = to_timestamps(log["date"])
    return NetworkData(profile, frame, tie_frame, log)


def filter_network(
    net: NetworkData,
    *,
    types: Iterable[str] | None = None,
    inside: bool | None = None,
    tags: Iterable[str] | None = None,
    ids: Iterable[int] | None = None,
) -> NetworkData:
    """Keep the contacts that match, with the ties and log entries among them.

    Parameters
    ----------
    types : iterable of str, optional
        Network types to keep (``None`` keeps all).
    inside : bool, optional
        ``True`` keeps contacts inside the organisation, ``False`` outside ones
        (by the ``location`` column: one rule, :func:`~leadnet_helpers.rules.location`).
    tags : iterable of str, optional
        Keep contacts carrying any of these tags.
    ids : iterable of int, optional
        Keep only these contacts (the key contacts, say).

    Examples
    --------
    >>> net = network_from(
    ...     Profile("Ana"),
    ...     [
    ...         Contact("Bo", id=1, network_type="personal"),
    ...         Contact("Cy", id=2, network_type="strategic"),
    ...     ],
    ... )
    >>> filter_network(net, types=["strategic"]).contacts["name"].tolist()
    ['Cy']
    """
    frame = net.contacts
    keep = pd.Series(True, index=frame.index)
    if types is not None:
        wanted = set(types) & set(NETWORK_TYPES)
        keep &= frame["network_type"].isin(wanted)
    if inside is not None:
        keep &= frame["location"] == ("inside" if inside else "outside")
    if tags:
        wanted_tags = {t.casefold() for t in tags}
        keep &= frame["tags"].map(lambda ts: any(t.casefold() in wanted_tags for t in ts))
    if ids is not None:
        keep &= frame["id"].isin(list(ids)).fillna(False).astype(bool)
    contacts = frame[keep].reset_index(drop=True)
    ids = set(contacts["id"].dropna().astype(int))
    ties = net.ties[net.ties["contact_a"].isin(ids) & net.ties["contact_b"].isin(ids)]
    log = net.interactions[net.interactions["contact_id"].isin(ids)]
    return replace(
        net,
        contacts=contacts,
        ties=ties.reset_index(drop=True),
        interactions=log.reset_index(drop=True),
    )
