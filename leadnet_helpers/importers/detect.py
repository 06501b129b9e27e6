"""Which export is this? Decided from the content, never from the file name.

A CSV file is recognised by its column headings (the header may follow a
preamble, as in LinkedIn's ``Connections.csv``, and may be separated by
commas, semicolons, tabs or ``|`` after a spreadsheet re-saved it). A vCard
file starts with ``BEGIN:VCARD``; an Excel workbook is a ZIP archive holding
``xl/workbook.xml``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import ImportProblem
from ..model import normalise_text
from .decode import (
    EXPORT_AGAIN,
    decode_bytes,
    decode_vcard,
    physical_lines,
    split_line,
    vcard_start,
)
from .outlook import english_header

__all__ = [
    "FORMAT_LABELS",
    "READABLE_EXPORTS",
    "Sniffed",
    "classify_header",
    "detect_format",
    "is_xlsx",
    "sniff",
    "unknown_layout",
]

FORMAT_LABELS = {
    "linkedin": "LinkedIn connections export",
    "google": "Google Contacts export (Google CSV)",
    "google-legacy": "Google Contacts export (older Google CSV)",
    "outlook": "Outlook contacts export (Outlook desktop CSV)",
    "outlook-web": "Outlook contacts export (Outlook on the web / new Outlook CSV)",
    "vcard": "vCard contacts file",
    "template-csv": "LeadNet contacts template (CSV)",
    "template-xlsx": "LeadNet contacts template (Excel workbook)",
}

#: The exports we read, as told to a person whose file we do not recognise.
READABLE_EXPORTS = (
    "LinkedIn Connections.csv, Google Contacts CSV, Outlook CSV (desktop or web), "
    "vCard (.vcf) from a phone or Apple/Google Contacts, and the LeadNet template "
    "(CSV or .xlsx with a 'name' column)"
)

_DELIMITERS = (",", ";", "\t", "|")
_HEADER_SEARCH = 20  # lines (or sheet rows) searched for a vendor header
_SEP_LINE = re.compile(r"^\s*\"?sep=(.)\"?\s*$", re.IGNORECASE)
_WEB_EMAILS = frozenset(
    {
        "email",
        "business email",
        "personal email",
        "other email",
        "work email",
        "home email",
        "email 2",
        "email 3",
        "email address",
    }
)


@dataclass(slots=True)
class Sniffed:
    """How a file was recognised: its format and where its table starts."""

    format: str
    encoding: str = "binary"
    text: str = ""
    delimiter: str = ","
    header_line: int = 1
    offset: int = 0


def classify_header(cells: Iterable[str]) -> str | None:
    """Return the format whose column headings these are, or ``None``.

    Examples
    --------
    >>> classify_header(
    ...     "First Name,Last Name,URL,Email Address,Company,Position,Connected On".split(",")
    ... )
    'linkedin'
    >>> classify_header(["organisation", "Name"])
    'template-csv'
    >>> classify_header(["Full name", "Phone"]) is None
    True
    """
    cells = list(cells)
    keys = {normalise_text(c).removeprefix("\ufeff").casefold() for c in cells}
    found = _english_header(keys)
    if found is None or found == "template-csv":
        localised = _english_header({k.casefold() for k in english_header(cells)})
        if localised == "outlook":  # Outlook desktop in another language
            return localised
    return found


def _english_header(keys: set[str]) -> str | None:
    first = "first name" in keys or "last name" in keys
    if first and ("connected on" in keys or {"url", "position"} <= keys):
        return "linkedin"
    if "given name" in keys and keys & {
        "group membership",
        "organization 1 - name",
        "e-mail 1 - value",
        "family name",
    }:
        return "google-legacy"
    if first and keys & {"labels", "organization name", "e-mail 1 - value"}:
        return "google"
    if first:
        if keys & _WEB_EMAILS:
            return "outlook-web"
        if "e-mail address" in keys:
            if keys & {"given yomi", "surname yomi", "imaddress"} and "e-mail type" not in keys:
                return "outlook-web"  # outlook.com's export
            return "outlook"
        if {"company", "job title"} <= keys or "categories" in keys:
            return "outlook"
    if "name" in keys:
        return "template-csv"
    return None


def is_xlsx(data: bytes) -> bool:
    """Whether *data* is an Excel workbook (.xlsx): a ZIP with ``xl/workbook.xml``.

    Examples
    --------
    >>> is_xlsx(b"PK\\x03\\x04 not really a zip")
    False
    """
    if not data.startswith(b"PK\x03\x04"):
        return False
    import zipfile  # here: a CSV or vCard import does not need it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception:  # noqa: BLE001 - a damaged archive fails in many ways inside zipfile
        return False
    return "xl/workbook.xml" in names and "[Content_Types].xml" in names


def unknown_layout(name: str, line: int, columns: list[str]) -> ImportProblem:
    """The problem for a table whose headings match none of the exports we read."""
    shown = ", ".join(repr(c) for c in columns[:12] if c) or "none"
    more = f" and {len(columns) - 12} more" if len(columns) > 12 else ""
    return ImportProblem(
        f"we do not recognise the layout of this file; the first line has the columns "
        f"{shown}{more}",
        file=name,
        line=line,
        fix=f"We read {READABLE_EXPORTS}. {EXPORT_AGAIN}",
    )


def _has_header(lines: list[str]) -> bool:
    """Whether one of *lines* (those before a ``BEGIN:VCARD``) is a CSV header."""
    return any(
        classify_header(split_line(line, delimiter)) not in (None, "template-csv")
        for line in lines
        for delimiter in _DELIMITERS
    )


def sniff(data: bytes, name: str) -> Sniffed:
    """Recognise the format of *data* and find where its records start.

    Raises
    ------
    ImportProblem
        When the file is empty, binary, unreadable or of an unknown layout.

    Examples
    --------
    >>> s = sniff(b"Notes:\\n\\nFirst Name,Last Name,URL,Company,Position,Connected On\\n", "c.csv")
    >>> s.format, s.header_line, s.delimiter
    ('linkedin', 3, ',')
    """
    if is_xlsx(data):
        return Sniffed("template-xlsx")
    vcard = decode_vcard(data, name)
    if vcard is not None and not _has_header(vcard[1]):
        return Sniffed("vcard", vcard[0].encoding, vcard[0].text)
    decoded = decode_bytes(data, name)
    text = decoded.text
    lines = [entry for entry in physical_lines(text, 200) if entry[2].strip()]
    lines = lines[:_HEADER_SEARCH]
    if not lines:  # only reachable with unusual line ends; decode_bytes refuses blank files
        raise ImportProblem("the file is empty", file=name, line=1, fix=EXPORT_AGAIN)
    first_no, _, first_text = lines[0]
    start = vcard_start([entry[2] for entry in lines])
    if start is not None and not _has_header([entry[2] for entry in lines[:start]]):
        return Sniffed("vcard", decoded.encoding, text, header_line=lines[start][0])
    delimiters: tuple[str, ...] = _DELIMITERS
    sep = _SEP_LINE.match(first_text)
    if sep:  # Excel's "sep=;" hint line
        delimiters = (sep.group(1),)
        lines = lines[1:]
    best: tuple[int, Sniffed] | None = None
    for position, (number, offset, line) in enumerate(lines):
        for delimiter in delimiters:
            cells = split_line(line, delimiter)
            found = classify_header(cells)
            if found is None or (found == "template-csv" and position > 0):
                continue
            if best is None or len(cells) > best[0]:
                best = (
                    len(cells),
                    Sniffed(found, decoded.encoding, text, delimiter, number, offset),
                )
        if best is not None:
            return best[1]
    if not lines:
        raise ImportProblem(
            "the file has only a 'sep=' line and nothing else",
            file=name,
            line=first_no,
            fix=EXPORT_AGAIN,
        )
    number, _, line = lines[0]
    columns = max((split_line(line, d) for d in delimiters), key=len)
    raise unknown_layout(name, number, [normalise_text(c) for c in columns])


def detect_format(data: bytes, *, name: str = "file") -> str:
    """Return the machine name of the export format of *data*.

    One of ``linkedin``, ``google``, ``google-legacy``, ``outlook``,
    ``outlook-web``, ``vcard``, ``template-csv`` or ``template-xlsx`` (an
    Excel workbook; its first sheet may also hold a vendor layout, see
    :func:`leadnet_helpers.importers.parse_bytes`).

    Parameters
    ----------
    data : bytes
        The file's content.
    name : str
        The file name shown in messages.

    Raises
    ------
    ImportProblem
        When the format cannot be recognised.

    Examples
    --------
    >>> detect_format(b"BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nFN:Ada\\r\\nEND:VCARD\\r\\n")
    'vcard'
    >>> detect_format(b"name,organisation\\nAda Brooks,Riverside Hospital\\n")
    'template-csv'
    """
    return sniff(data, name).format
