"""The person's ego network as clean, typed rows: the ego, the alters, the ties among them.

The research exports (:mod:`.graphml`, :mod:`.egor`) both start here, so the
GraphML file and the three CSV tables always say the same thing. Every value
is a plain Python ``str``, ``int``, ``float`` or ``bool`` of one type per
attribute; text has no control characters (XML 1.0 forbids most of them);
an unknown number or yes/no is left out of the row (never ``None``, NA or
NaN), so each format can write "unknown" its own way.

With ``pseudonymise=True``:

- names become stable pseudonyms: the person is ``Ego``; a contact is
  ``Contact N`` after their id in the workspace, so the same contact keeps the
  same pseudonym in every export of that workspace;
- organisations become ``Org 1``, ``Org 2``... (the person's own is
  ``Org 1``; spellings of one organisation share a pseudonym, see
  :func:`~leadnet_helpers.rules.organisation_key`), so who works where
  together survives but not the names;
- free text that may hold names (``relationship``, ``tags``) is left out;
  ``introduced_by`` becomes the introducer's pseudonym, ``me``, or
  ``someone else`` for a name outside the map.

``notes``, ``context``, e-mail addresses, phone numbers and profile links are
never exported.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from .. import __version__
from ..model import HELP_KINDS, name_key
from ..rules import as_date, is_self_introduced, organisation_key

if TYPE_CHECKING:
    from ..analysis import Analysis

__all__ = ["EgoNetwork", "Row", "Value", "clean_text", "ego_network"]

Value = str | int | float | bool
Row = dict[str, Value]

# Characters XML 1.0 does not allow, lone surrogates, and the other C0/C1 controls.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

#: Alter attributes written as text (``""`` when unknown), in output order.
_TEXT = (
    "organisation",
    "role",
    "function",
    "industry",
    "seniority",
    "relationship",
    "frequency",
    "orientation",
    "network_type",
    "decided_by",
    "location",
    "energy",
)
_PRIVATE = ("relationship", "tags")  # free text that may name people: left out when pseudonymised


def clean_text(value: object) -> str:
    """*value* as one line of text safe in XML and CSV: control characters become spaces.

    Examples
    --------
    >>> clean_text("Ada\\x00 Brooks\\nRN\\udcff"), clean_text(None), clean_text(float("nan"))
    ('Ada Brooks RN', '', '')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = value if isinstance(value, str) else str(value)
    return _UNSAFE.sub(" ", text).replace("  ", " ").strip() if _UNSAFE.search(text) else text


@dataclass(frozen=True)
class EgoNetwork:
    """The ego network as rows.

    Attributes
    ----------
    ego : dict
        The person: ``id`` (``"ego"``), ``label`` and the profile.
    alters : list of dict
        One row per contact: ``id`` (``"c<contact id>"``), ``label`` and typed attributes.
    ties : list of dict
        Who knows whom among the contacts: ``source``, ``target`` (alter ids), ``strength``.
    graph : dict
        About the export: the person's profile as ``ego_*`` keys, the date, the tool.
    """

    ego: Row
    alters: list[Row] = field(default_factory=list)
    ties: list[Row] = field(default_factory=list)
    graph: Row = field(default_factory=dict)


class _Pseudonyms:
    """Stable pseudonyms for organisations (first seen, first numbered)."""

    def __init__(self) -> None:
        self.orgs: dict[str, str] = {}

    def organisation(self, name: str) -> str:
        key = organisation_key(name)
        if not key:
            return ""
        if key not in self.orgs:
            self.orgs[key] = f"Org {len(self.orgs) + 1}"
        return self.orgs[key]


def _tuple_text(value: object) -> str:
    if isinstance(value, (tuple, list)):
        return ";".join(clean_text(v) for v in value if clean_text(v))
    return clean_text(value)


def ego_network(
    analysis: Analysis, *, pseudonymise: bool = False, today: date | None = None
) -> EgoNetwork:
    """The ego network of *analysis* as clean rows (see the module for what is kept).

    Parameters
    ----------
    analysis : Analysis
        The workspace's analysis (:func:`~leadnet_helpers.analysis.analysis_of`):
        the contacts with their type in force and location, and the ties.
    pseudonymise : bool
        Replace names and organisations with stable pseudonyms.
    today : date, optional
        The export date recorded in ``graph`` (default: the analysis's day).

    Examples
    --------
    >>> from leadnet_helpers.analysis import analyse
    >>> from leadnet_helpers.model import Contact, Profile
    >>> from leadnet_helpers.network import network_from
    >>> net = network_from(
    ...     Profile("Ana", organisation="Contoso"),
    ...     [Contact("Bo", id=7, organisation="Contoso Ltd", strength=4, energy="gives")],
    ... )
    >>> en = ego_network(analyse(net, "2026-11-30"), pseudonymise=True)
    >>> (
    ...     en.ego["label"],
    ...     en.alters[0]["label"],
    ...     en.alters[0]["organisation"],
    ...     en.alters[0]["strength"],
    ... )
    ('Ego', 'Contact 7', 'Org 1', 4)
    """
    profile = analysis.profile
    fake = _Pseudonyms()
    ego_org = clean_text(profile.organisation)
    ego: Row = {
        "id": "ego",
        "label": "Ego" if pseudonymise else clean_text(profile.name) or "Ego",
        "kind": "ego",
        "organisation": fake.organisation(ego_org) if pseudonymise else ego_org,
        "role": clean_text(profile.role),
        "function": clean_text(profile.function),
        "industry": clean_text(profile.industry),
        "seniority": clean_text(profile.seniority),
        "career_stage": clean_text(profile.career_stage),
    }
    frame = analysis.network.contacts
    records = frame.to_dict("records") if len(frame) else []
    records = [r for r in records if not pd.isna(r.get("id"))]
    label_of = {int(r["id"]): f"Contact {int(r['id'])}" for r in records}
    by_name = {name_key(clean_text(r["name"])): int(r["id"]) for r in records}
    alters = [_alter(r, pseudonymise, fake, label_of, by_name, profile.name) for r in records]
    ids = set(label_of)
    ties: list[Row] = []
    for a, b, strength in analysis.network.ties[["contact_a", "contact_b", "strength"]].itertuples(
        index=False
    ):
        if int(a) in ids and int(b) in ids:
            ties.append({"source": f"c{int(a)}", "target": f"c{int(b)}", "strength": int(strength)})
    graph: Row = {f"ego_{k}": v for k, v in ego.items() if k not in ("id", "kind")}
    graph["ego_name"] = graph.pop("ego_label")
    graph.update(
        {
            "exported_on": as_date(today or analysis.today).isoformat(),
            "generator": f"LeadNet {__version__}",
            "pseudonymised": pseudonymise,
            "contacts": len(alters),
            "ties": len(ties),
        }
    )
    return EgoNetwork(ego, alters, ties, graph)


def _alter(
    r: dict,
    pseudonymise: bool,
    fake: _Pseudonyms,
    label_of: dict[int, str],
    by_name: dict[str, int],
    own_name: str,
) -> Row:
    cid = int(r["id"])
    row: Row = {
        "id": f"c{cid}",
        "label": label_of[cid] if pseudonymise else clean_text(r["name"]) or label_of[cid],
        "kind": "alter",
        "contact_id": cid,
    }
    for name in _TEXT:
        row[name] = clean_text(r.get(name, ""))
    if pseudonymise:
        row["organisation"] = fake.organisation(str(row["organisation"]))
    strength = r.get("strength")
    if strength is not None and not pd.isna(strength):
        row["strength"] = int(strength)
    confidence = r.get("confidence")
    if isinstance(confidence, (int, float)) and math.isfinite(confidence):
        row["confidence"] = round(float(confidence), 3)
    if row["location"] in ("inside", "outside"):
        row["inside"] = row["location"] == "inside"
    discretionary = r.get("discretionary")
    if isinstance(discretionary, bool):
        row["discretionary"] = discretionary
    last = r.get("last_contact")
    row["last_contact"] = (
        "" if last is None or pd.isna(last) else pd.Timestamp(last).date().isoformat()
    )
    for name in ("gives_me", "i_give", "helps_with", "tags"):
        row[name] = _tuple_text(r.get(name, ()))
    helps = set(str(row["helps_with"]).split(";"))
    for kind in HELP_KINDS:
        row[f"helps_with_{kind}"] = kind in helps
    row["introduced_by"] = _introducer(
        clean_text(r.get("introduced_by", "")), pseudonymise, label_of, by_name, own_name
    )
    if pseudonymise:
        for name in _PRIVATE:
            row.pop(name, None)
    return row


def _introducer(
    text: str,
    pseudonymise: bool,
    label_of: dict[int, str],
    by_name: dict[str, int],
    own_name: str,
) -> str:
    if not pseudonymise or not text:
        return text
    if is_self_introduced(text, own_name):
        return "me"
    cid = by_name.get(name_key(text))
    return label_of[cid] if cid is not None else "someone else"
