"""What every importer returns: records with their line, and what went wrong.

An importer turns the bytes of one export file into a :class:`ParsedFile`. It
never touches the workspace; merging and saving happen later, in
:mod:`leadnet_helpers.merge` and :mod:`leadnet_helpers.store`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Contact

__all__ = ["ParsedFile", "ParsedRecord", "Progress"]

#: Called as ``progress(done, total)`` while a large file is read.
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class ParsedRecord:
    """One record of an export file.

    ``contact`` is ``None`` when the record is rejected; ``problem`` then says
    why, in words a person can act on. ``line`` is where the record starts in
    the file (1-based, as a text editor counts, preamble lines included).
    """

    line: int
    contact: Contact | None
    problem: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ParsedFile:
    """The records of one file, in file order, and how the file was read."""

    file: str  # the name shown to the person (no directory)
    format: str  # machine name, e.g. "linkedin", "google", "vcard", "template-csv"
    format_label: str  # human name, e.g. "LinkedIn connections export"
    records: list[ParsedRecord]
    encoding: str = "utf-8"
    unknown_columns: list[str] = field(default_factory=list)

    @property
    def contacts(self) -> list[tuple[int, Contact]]:
        """The accepted records as ``(line, contact)`` pairs."""
        return [(r.line, r.contact) for r in self.records if r.contact is not None]
