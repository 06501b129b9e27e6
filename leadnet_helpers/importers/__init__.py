"""Read contact exports: LinkedIn, Google, Outlook, vCard and the LeadNet template.

The format is recognised from the content (see :mod:`.detect`); every record of
the file (a data row, a card) becomes one :class:`~.base.ParsedRecord`,
accepted or rejected with the reason, so nothing is lost silently. A file that
cannot be read as a whole raises :class:`~leadnet_helpers.errors.ImportProblem`
saying where and what to do; no other exception escapes.

Examples
--------
>>> parsed = parse_bytes(b"name,organisation\\nAda Brooks,Riverside Hospital\\n", "mine.csv")
>>> parsed.format, [(line, c.name) for line, c in parsed.contacts]
('template-csv', [(2, 'Ada Brooks')])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import ImportProblem
from .base import ParsedFile, ParsedRecord, Progress
from .common import unique_header
from .decode import Table, read_table
from .detect import FORMAT_LABELS, classify_header, detect_format, sniff, unknown_layout

__all__ = [
    "FORMAT_LABELS",
    "MAX_BYTES",
    "MAX_RECORDS",
    "ParsedFile",
    "ParsedRecord",
    "Progress",
    "check_size",
    "detect_format",
    "parse_bytes",
    "parse_file",
]

_PROGRESS_EVERY = 1000
#: The most records one file may hold; a larger file is refused before its records are read.
MAX_RECORDS = 250_000
#: The largest file we open (512 MiB): refused from its size, before it is read.
MAX_BYTES = 512 * 1024 * 1024


_CARD = re.compile(rb"(?i)BEGIN:VCARD")


def _count(pattern: re.Pattern[bytes], data: bytes) -> int:
    """How often *pattern* occurs in *data*, stopping one past the record limit."""
    found = 0
    for found, _ in enumerate(pattern.finditer(data), start=1):
        if found > MAX_RECORDS:
            break
    return found


def _too_many(name: str, what: str) -> ImportProblem:
    return ImportProblem(
        f"this file is too large to import at once ({what}; the limit is "
        f"{MAX_RECORDS:,} records or {MAX_BYTES // (1024 * 1024):,} MiB)",
        file=name,
        fix="Split it into smaller files (in a spreadsheet program, or export one contacts "
        "folder or label at a time) and import them one after the other.",
    )


_XLSX_HEADER_SEARCH = 20


def _records(fmt: str, table: Table) -> Iterable[ParsedRecord]:
    # Each format's module is imported when a file of that format is read.
    if fmt == "linkedin":
        from . import linkedin

        return linkedin.parse_table(table)
    if fmt in ("google", "google-legacy"):
        from . import google

        return google.parse_table(table, legacy=fmt == "google-legacy")
    if fmt in ("outlook", "outlook-web"):
        from . import outlook

        return outlook.parse_table(table, web=fmt == "outlook-web")
    from . import template

    return template.parse_table(table)


def _header_only(name: str, line: int) -> ImportProblem:
    return ImportProblem(
        "the file has column headings on this line but no contacts below them",
        file=name,
        line=line,
        fix="Export your contacts again and check that the export included them, or add one "
        "contact a row below the headings.",
    )


def _collect(
    records: Iterable[ParsedRecord], total: int, progress: Progress | None
) -> list[ParsedRecord]:
    collected: list[ParsedRecord] = []
    for record in records:
        collected.append(record)
        if progress is not None and len(collected) % _PROGRESS_EVERY == 0:
            progress(len(collected), total)
    if progress is not None:
        progress(len(collected), total)
    return collected


def _unknown_columns(table: Table) -> list[str]:
    """Columns no contact field takes (their values were kept in ``extra``)."""
    return [h for i, h in enumerate(table.header) if i in table.unknown]


def _xlsx_header(position: int, cells: list[str]) -> bool:
    fmt = classify_header(cells)
    return fmt is not None and not (fmt == "template-csv" and position > 0)


def _parse_xlsx(data: bytes, name: str, progress: Progress | None) -> ParsedFile:
    from . import template

    rows = template.read_sheet(
        data, name, is_header=_xlsx_header, search=_XLSX_HEADER_SEARCH, limit=MAX_RECORDS
    )
    if not rows:
        raise ImportProblem(
            "the first sheet of this workbook is empty",
            file=name,
            line=1,
            fix="Put the contacts (with a 'name' column heading) in the first sheet and import "
            "the workbook again.",
        )
    for position, (number, cells) in enumerate(rows[:_XLSX_HEADER_SEARCH]):
        fmt = classify_header(cells)
        if fmt is None or not _xlsx_header(position, cells):
            continue
        if len(rows) - position - 1 > MAX_RECORDS:
            raise _too_many(name, f"more than {MAX_RECORDS:,} rows")
        table = Table(unique_header(cells), number, rows[position + 1 :])
        if not table.rows:
            raise _header_only(name, number)
        records = _collect(_records(fmt, table), len(table.rows), progress)
        label = FORMAT_LABELS[fmt]
        if fmt == "template-csv":
            fmt, label = "template-xlsx", FORMAT_LABELS["template-xlsx"]
        else:
            label += " (saved as an Excel workbook)"
        return ParsedFile(name, fmt, label, records, "xlsx", _unknown_columns(table))
    raise unknown_layout(name, rows[0][0], rows[0][1])


def parse_bytes(data: bytes, name: str, *, progress: Progress | None = None) -> ParsedFile:
    """Read the contacts in the bytes of one export file.

    Parameters
    ----------
    data : bytes
        The file's content.
    name : str
        The file name shown to the person (no directory).
    progress : callable, optional
        Called as ``progress(done, total)`` every 1000 records and once at the end.

    Returns
    -------
    ParsedFile
        One record per data row or card, in file order.

    Raises
    ------
    ImportProblem
        When the file cannot be read as a whole: empty, header only, cut off,
        binary, of an unknown layout, or in an encoding we cannot read.

    Examples
    --------
    >>> data = (
    ...     b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\\n"
    ...     b"Ada,Brooks,https://www.linkedin.com/in/ada,,Riverside,Ward Sister,14 Mar 2025\\n"
    ... )
    >>> parsed = parse_bytes(data, "Connections.csv")
    >>> parsed.format, parsed.records[0].contact.role
    ('linkedin', 'Ward Sister')
    """
    name = Path(name).name or "file"
    if len(data) > MAX_BYTES:
        raise _too_many(name, f"{len(data) / 1024 / 1024:,.0f} MiB")
    if _CARD.search(data, 0, 65536) and _count(_CARD, data) > MAX_RECORDS:
        raise _too_many(name, f"more than {MAX_RECORDS:,} cards")
    found = sniff(data, name)
    if found.format == "template-xlsx":
        return _parse_xlsx(data, name, progress)
    if found.format == "vcard":
        from . import vcard

        total = sum(1 for _ in vcard.split_cards(found.text))
        if total > MAX_RECORDS:
            raise _too_many(name, f"{total:,} cards")
        charsets = not found.encoding.startswith("utf-16")
        records = _collect(vcard.parse_text(found.text, charsets=charsets), total, progress)
        return ParsedFile(name, "vcard", FORMAT_LABELS["vcard"], records, found.encoding)
    table = read_table(
        found.text,
        offset=found.offset,
        first_line=found.header_line,
        delimiter=found.delimiter,
        name=name,
        limit=MAX_RECORDS,
    )
    table.header = unique_header(table.header)
    if not table.rows and not table.refused:
        raise _header_only(name, found.header_line)
    records = _collect(_records(found.format, table), len(table.rows), progress)
    if table.refused:
        records += [ParsedRecord(line, None, reason) for line, reason in table.refused]
        records.sort(key=lambda record: record.line)
    return ParsedFile(
        name,
        found.format,
        FORMAT_LABELS[found.format],
        records,
        found.encoding,
        _unknown_columns(table),
    )


def check_size(path: Path, shown: str) -> None:
    """Refuse a file far beyond any personal network before it is read (:data:`MAX_BYTES`).

    Raises
    ------
    ImportProblem
        Naming the file, its size and the limit.
    OSError
        When the file cannot be looked at (the caller says so plainly).
    """
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _too_many(shown, f"{size / 1024 / 1024:,.0f} MiB")


def parse_file(
    path: str | Path, *, name: str | None = None, progress: Progress | None = None
) -> ParsedFile:
    """Read the contacts in an export file on disk.

    Parameters
    ----------
    path : str or Path
        The file to read.
    name : str, optional
        The name shown to the person; the file's own name by default.
    progress : callable, optional
        Called as ``progress(done, total)`` while a large file is read.

    Raises
    ------
    ImportProblem
        When the file cannot be opened or read as a whole.

    Examples
    --------
    >>> try:
    ...     parse_file("/no/such/Connections.csv")
    ... except ImportProblem as exc:
    ...     print(exc.what)
    we cannot open this file (No such file or directory)
    """
    path = Path(path)
    shown = name or path.name
    try:
        check_size(path, shown)
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(
            f"we cannot open this file ({exc.strerror or type(exc).__name__})",
            file=shown,
            fix="Check that the file exists and is not open in another program, then try again.",
        ) from None
    return parse_bytes(data, shown, progress=progress)
