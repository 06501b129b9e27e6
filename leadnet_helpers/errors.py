"""The one error type the workbook shows to people.

Every problem a person can fix (a file we cannot read, a value we do not
understand, a workspace from a newer version) is raised as a
:class:`LeadNetError`. Its message says, in plain words, *what* is wrong,
*where* (the file and the line), and *what to do*. Notebooks and the CLI show
that message; they never show a traceback for it.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "EditConflict",
    "FieldConflict",
    "ImportProblem",
    "LeadNetError",
    "WorkspaceBusy",
    "WorkspaceError",
]


class LeadNetError(Exception):
    """A problem the person can fix, with the place and the fix.

    Parameters
    ----------
    what : str
        What is wrong, in plain words.
    file : str, optional
        The file it concerns (its name, not a full path, is shown).
    line : int, optional
        The line of that file (1-based, as a text editor counts).
    fix : str, optional
        What the person can do about it.

    Examples
    --------
    >>> err = LeadNetError(
    ...     "the file is empty", file="contacts.csv", line=1, fix="Export your contacts again."
    ... )
    >>> str(err)
    'contacts.csv, line 1: the file is empty. Export your contacts again.'
    """

    def __init__(
        self,
        what: str,
        *,
        file: str | None = None,
        line: int | None = None,
        fix: str | None = None,
    ) -> None:
        self.what = what.rstrip(".")
        self.file = file
        self.line = line
        self.fix = fix
        super().__init__(str(self))

    def where(self) -> str:
        """The place as a short prefix, e.g. ``"contacts.csv, line 4"``."""
        parts = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        text = f"{where}: {self.what}." if where else f"{self.what[:1].upper()}{self.what[1:]}."
        if self.fix:
            text += f" {self.fix}"
        return text


class ImportProblem(LeadNetError):
    """A contacts file that cannot be read as a whole (nothing was imported)."""


class WorkspaceError(LeadNetError):
    """A workspace that cannot be opened or changed as asked."""


class WorkspaceBusy(WorkspaceError):
    """Another notebook or command kept the workspace busy for too long; nothing was saved."""

    def __init__(self, waited: float, *, file: str | None = None) -> None:
        self.waited = waited
        super().__init__(
            f"the workspace stayed busy for {waited:.0f} seconds, so this change was not "
            "saved (nothing of it was written)",
            file=file,
            fix="Try again in a minute; another notebook or command is saving a large change.",
        )


class FieldConflict(NamedTuple):
    """One field two people changed: as it was loaded, as it is stored now, as typed."""

    loaded: str
    stored: str
    typed: str


class EditConflict(LeadNetError):
    """Someone else changed the same field of a contact since it was loaded; nothing was saved.

    ``fields`` maps each conflicting field to a :class:`FieldConflict`.

    Examples
    --------
    >>> err = EditConflict("Ada Brooks", {"role": FieldConflict("Nurse", "Matron", "Sister")})
    >>> str(err)  # doctest: +NORMALIZE_WHITESPACE
    "Someone else changed Ada Brooks while you were editing: role was 'Nurse', is now
    'Matron', you typed 'Sister'. Nothing was saved: keep yours (save it over theirs) or
    keep theirs (reload it)."
    """

    def __init__(
        self, name: str, fields: dict[str, FieldConflict], contact_id: int | None = None
    ) -> None:
        self.name = name
        self.fields = dict(fields)
        self.contact_id = contact_id
        detail = "; ".join(
            f"{field} was '{c.loaded}', is now '{c.stored}', you typed '{c.typed}'"
            for field, c in self.fields.items()
        )
        super().__init__(
            f"someone else changed {name} while you were editing: {detail}",
            fix="Nothing was saved: keep yours (save it over theirs) or keep theirs (reload it).",
        )
