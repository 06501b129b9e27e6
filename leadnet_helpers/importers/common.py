"""Helpers the format modules share to turn one row into one record.

A :class:`Columns` finds a vendor's columns by name once per file; a
:class:`Draft` collects one row's values, warnings and leftovers (every
non-empty cell that is not mapped to a field is kept in ``extra``), and
:meth:`Draft.finish` makes the :class:`~.base.ParsedRecord`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from ..model import Contact, normalise_email, normalise_linkedin_url, normalise_text
from .base import ParsedRecord

__all__ = [
    "Columns",
    "Draft",
    "extra_key",
    "join_name",
    "no_name_problem",
    "odd_url_warning",
    "unique_header",
]

_NON_WORD = re.compile(r"[^0-9a-z]+")


def extra_key(column: str) -> str:
    """Return the key under which a vendor column is kept in ``extra``.

    Examples
    --------
    >>> extra_key("Phone 1 - Value"), extra_key("Connected On")
    ('phone_1_value', 'connected_on')
    """
    key = _NON_WORD.sub("_", normalise_text(column).casefold()).strip("_")
    return key or "column"


def unique_header(header: list[str]) -> list[str]:
    """Return the header with blank and repeated names made unique.

    Examples
    --------
    >>> unique_header(["name", "", "Notes", "notes"])
    ['name', 'column 2', 'Notes', 'notes (2)']
    """
    seen: dict[str, int] = {}
    result = []
    for index, raw in enumerate(header, start=1):
        column = normalise_text(raw).removeprefix("\ufeff") or f"column {index}"
        key = column.casefold()
        seen[key] = seen.get(key, 0) + 1
        result.append(column if seen[key] == 1 else f"{column} ({seen[key]})")
    return result


_WEB = re.compile(r"^(?:https?://|www\.)|^[^:/\s]+\.[a-z]{2,}(?:/|$)", re.IGNORECASE)


def odd_url_warning(value: str, what: str) -> str:
    """A warning for a web-address field that holds something else, or ``""``.

    Examples
    --------
    >>> odd_url_warning("https://cohowinery.example", "URL")
    ''
    >>> odd_url_warning("javascript:alert(1)", "URL")
    "'javascript:alert(1)' in URL is not a web address; kept as written in extra information"
    """
    if not value or _WEB.match(value):
        return ""
    return f"'{value}' in {what} is not a web address; kept as written in extra information"


def join_name(*parts: str) -> str:
    """Join name parts with single spaces, skipping empty ones.

    Examples
    --------
    >>> join_name("Charlotte", "", "Whitfield")
    'Charlotte Whitfield'
    """
    return " ".join(filter(None, parts))


def no_name_problem(hints: Iterable[str]) -> str:
    """The rejection text for a record without a name, naming what it does have.

    Examples
    --------
    >>> no_name_problem(["Coho Winery", ""]).split(":")[0]
    "no name (this record only has 'Coho Winery')"
    """
    shown = [h for h in hints if h][:2]
    has = f" (this record only has {', '.join(repr(h) for h in shown)})" if shown else ""
    return (
        f"no name{has}: add the person's name in your contacts app or in the file, "
        "then import it again"
    )


class Columns:
    """Where a file's columns are, looked up case-insensitively by name.

    Examples
    --------
    >>> cols = Columns(["First Name", "E-mail 1 - Value", "E-mail 2 - Value"])
    >>> cols.find("first name"), cols.find("nope", "e-mail 1 - value")
    (0, 1)
    >>> cols.numbered(r"e-mail (\\d+) - value")
    [1, 2]
    """

    def __init__(self, header: list[str], unknown: set[int] | None = None) -> None:
        self.header = header
        #: Positions of columns whose values were kept in extra (see Table.unknown).
        self.unknown = unknown if unknown is not None else set()
        self.keys = [h.casefold() for h in header]
        self.extra_keys = [extra_key(h) for h in header]
        self._where: dict[str, int] = {}
        for index, key in enumerate(self.keys):
            self._where.setdefault(key, index)

    def find(self, *names: str) -> int | None:
        """The position of the first of *names* present, or ``None``."""
        for name in names:
            index = self._where.get(name)
            if index is not None:
                return index
        return None

    def numbered(self, pattern: str) -> list[int]:
        """Positions of columns matching *pattern* (one number group), by that number."""
        regex = re.compile(pattern)
        found = []
        for index, key in enumerate(self.keys):
            match = regex.fullmatch(key)
            if match:
                found.append((int(match.group(1)), index))
        return [index for _, index in sorted(found)]


class Draft:
    """One row on its way to becoming a record.

    :meth:`take` reads a cell and marks it as used; :meth:`finish` keeps every
    unused non-empty cell in ``extra`` and builds the record.
    """

    __slots__ = ("cells", "columns", "extra", "line", "used", "warnings")

    def __init__(self, line: int, cells: list[str], columns: Columns) -> None:
        self.line = line
        self.cells = cells
        self.columns = columns
        self.used: set[int] = set()
        self.extra: dict[str, str] = {}
        self.warnings: list[str] = []

    def take(self, index: int | None) -> str:
        """The normalised text of cell *index* (``""`` if absent), marked as used."""
        if index is None:
            return ""
        self.used.add(index)
        return normalise_text(self.cells[index]) if index < len(self.cells) else ""

    def skip(self, *indexes: int | None) -> None:
        """Mark cells as used without keeping them (values folded into others)."""
        self.used.update(i for i in indexes if i is not None)

    def keep(self, key: str, value: str) -> None:
        """Keep *value* in ``extra`` (appended if the key is already there)."""
        if value:
            old = self.extra.get(key)
            self.extra[key] = f"{old}; {value}" if old else value

    def emails(self, values: Iterable[str], column: str) -> list[str]:
        """Normalised addresses from *values*; others are kept in extra with a warning."""
        found = []
        for value in values:
            email = normalise_email(value)
            if email:
                found.append(email)
            elif value:
                self.keep(extra_key(column), value)
                if not value.startswith("/o="):  # an Exchange directory address is expected
                    self.warnings.append(
                        f"'{value}' in {column} is not an e-mail address; kept with the contact "
                        "as extra information"
                    )
        return found

    def linkedin(self, value: str, column: str) -> str:
        """A LinkedIn profile URL from *value* (a column meant for one), or ``""``.

        A value that is not a LinkedIn profile address (``javascript:...``, a
        company site) is kept in extra as written, with a warning.
        """
        url = normalise_linkedin_url(value)
        if value and not url:
            self.keep(extra_key(column), value)
            self.warnings.append(
                f"'{value}' in {column} is not a LinkedIn profile address; kept with the "
                "contact as extra information, not as its LinkedIn link"
            )
        return url

    def finish(self, source: str, **values: object) -> ParsedRecord:
        """Build the record: leftovers to ``extra``, reject when there is no name."""
        header = self.columns.extra_keys
        # nothing is left for extra when every cell was taken (a LinkedIn row, usually)
        cells = () if self.used.issuperset(range(len(self.cells))) else self.cells
        for index, cell in enumerate(cells):
            if index in self.used or not cell or cell.isspace():
                continue
            if index < len(header):
                self.keep(header[index], normalise_text(cell))
                self.columns.unknown.add(index)
            else:
                self.keep(f"column_{index + 1}", normalise_text(cell))
                self.warnings.append(
                    f"this row has a value in column {index + 1}, which has no heading; kept "
                    "with the contact as extra information"
                )
        name = str(values.pop("name", ""))
        # The importers pass their e-mails as a sequence of strings.
        emails = tuple(dict.fromkeys(cast(Iterable[str], values.pop("emails", ()) or ())))
        if not name:
            hints = [str(values.get("organisation", "")), *emails[:1], str(values.get("phone", ""))]
            return ParsedRecord(self.line, None, no_name_problem(hints), self.warnings)
        values.setdefault("email", emails[0] if emails else "")
        contact = Contact(name=name, emails=emails, source=source, extra=self.extra, **values)  # type: ignore[arg-type]
        return ParsedRecord(self.line, contact, warnings=self.warnings)
