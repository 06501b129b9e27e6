"""``leadnet network``: the research exports of one analysis, checked and written.

See :mod:`.egonet` for what is exported (and what pseudonymising changes),
:mod:`.graphml` and :mod:`.egor` for the two formats.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LeadNetError
from .egor import write_egor
from .graphml import write_graphml

if TYPE_CHECKING:
    from ..analysis import Analysis

__all__ = ["check_targets", "export_network"]


def check_targets(graphml: Path | None, egor: Path | None) -> None:
    """Refuse, before anything is read, targets the export could not write.

    Raises
    ------
    LeadNetError
        When neither is given, the GraphML target is a folder, or the egor
        target is a file.

    Examples
    --------
    >>> try:
    ...     check_targets(None, None)
    ... except LeadNetError as err:
    ...     print(err)
    Nothing to export: no --graphml FILE and no --egor DIR. Give at least one, e.g. --graphml network.graphml.
    """
    if graphml is None and egor is None:
        raise LeadNetError(
            "nothing to export: no --graphml FILE and no --egor DIR",
            fix="Give at least one, e.g. --graphml network.graphml.",
        )
    if graphml is not None and graphml.is_dir():
        raise LeadNetError(
            f"--graphml '{graphml}' is a folder, not a file",
            fix=f"Give a file name, e.g. --graphml {graphml / 'network.graphml'}.",
        )
    if egor is not None and egor.exists() and not egor.is_dir():
        raise LeadNetError(
            f"--egor '{egor}' is a file, not a folder",
            fix="Give the name of a folder (it is created if missing), e.g. --egor egor.",
        )


def export_network(
    analysis: Analysis,
    graphml: Path | None = None,
    egor: Path | None = None,
    *,
    pseudonymise: bool = False,
) -> list[str]:
    """Write the GraphML file and/or the egor tables; return what was written, line by line."""
    check_targets(graphml, egor)
    n, ties = analysis.network.size, len(analysis.network.ties)
    what = f"{n} contacts and {ties} ties" + (", pseudonymised" if pseudonymise else "")
    lines = []
    if graphml is not None:
        write_graphml(analysis, graphml, pseudonymise=pseudonymise)
        lines.append(f"Wrote the network ({what}) as GraphML to {graphml}")
    if egor is not None:
        files = write_egor(analysis, egor, pseudonymise=pseudonymise)
        names = ", ".join(p.name for p in files)
        lines.append(f"Wrote the network ({what}) as egor tables to {egor}: {names}")
    return lines
