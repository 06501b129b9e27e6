"""The ego network as the three CSV tables egor and similar R tools read.

``ego.csv`` (one row: ``egoID`` and the profile), ``alters.csv`` (``egoID``,
``alterID`` and one column per attribute) and ``aaties.csv`` (``egoID``,
``Source``, ``Target``, ``weight``: who knows whom among the alters). The
column names are egor's defaults, so in R::

    egos <- read.csv("ego.csv"); alters <- read.csv("alters.csv")
    aaties <- read.csv("aaties.csv")
    e <- egor::threefiles_to_egor(egos, alters, aaties)

The files are UTF-8 without a byte-order mark (a BOM would become part of the
first column's name in R), written together (all three or none). Every cell
goes through the CSV formula guard (:func:`~leadnet_helpers.csvsafe.guard_cell`);
an unknown value is an empty cell (``NA`` in R); yes/no values are ``TRUE`` /
``FALSE``, as R writes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .egonet import EgoNetwork, ego_network
from .files import csv_text, write_files_together

if TYPE_CHECKING:
    from ..analysis import Analysis

__all__ = ["EGOR_FILES", "egor_tables", "write_egor"]

#: The three files, in egor's order: egos, alters, alter-alter ties.
EGOR_FILES = ("ego.csv", "alters.csv", "aaties.csv")
_EGO_ID = 1


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return value


def _columns(rows: Sequence[Mapping[str, object]], first: Sequence[str]) -> list[str]:
    seen = dict.fromkeys(first)
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def egor_tables(en: EgoNetwork) -> dict[str, str]:
    """The three tables as CSV text, by file name.

    Examples
    --------
    >>> from leadnet_helpers.export.egonet import EgoNetwork
    >>> en = EgoNetwork(
    ...     {"id": "ego", "label": "Ana", "kind": "ego"},
    ...     [{"id": "c1", "label": "Bo", "inside": True}, {"id": "c2", "label": "=Cy"}],
    ...     [{"source": "c1", "target": "c2", "strength": 3}],
    ... )
    >>> t = egor_tables(en)
    >>> print(t["alters.csv"], t["aaties.csv"], sep="", end="")
    egoID,alterID,label,inside
    1,c1,Bo,TRUE
    1,c2,'=Cy,
    egoID,Source,Target,weight
    1,c1,c2,3
    """
    ego = {"egoID": _EGO_ID, **{k: _cell(v) for k, v in en.ego.items() if k not in ("id", "kind")}}
    alters = [
        {
            "egoID": _EGO_ID,
            "alterID": a["id"],
            **{k: _cell(v) for k, v in a.items() if k not in ("id", "kind")},
        }
        for a in en.alters
    ]
    ties = [
        {"egoID": _EGO_ID, "Source": t["source"], "Target": t["target"], "weight": t["strength"]}
        for t in en.ties
    ]
    return {
        "ego.csv": csv_text([ego], _columns([ego], ("egoID",))),
        "alters.csv": csv_text(alters, _columns(alters, ("egoID", "alterID", "label"))),
        "aaties.csv": csv_text(ties, ("egoID", "Source", "Target", "weight")),
    }


def write_egor(analysis: Analysis, folder: str | Path, *, pseudonymise: bool = False) -> list[Path]:
    """Write ``ego.csv``, ``alters.csv`` and ``aaties.csv`` into *folder* (all or none)."""
    folder = Path(folder)
    tables = egor_tables(ego_network(analysis, pseudonymise=pseudonymise))
    return write_files_together(
        {folder / name: tables[name].encode("utf-8") for name in EGOR_FILES}
    )
