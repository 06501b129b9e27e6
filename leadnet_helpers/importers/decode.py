"""Bytes to text, and text to CSV rows with their line numbers.

Shared by every importer: the CSV formats read their rows with
:func:`read_table`, the vCard reader uses :func:`decode_bytes` only.
Problems with the file as a whole are raised as
:class:`~leadnet_helpers.errors.ImportProblem`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import ImportProblem

__all__ = [
    "EXPORT_AGAIN",
    "Decoded",
    "Table",
    "decode_bytes",
    "decode_vcard",
    "line_at",
    "physical_lines",
    "read_table",
    "split_line",
]

#: The usual fix when a file cannot be read as a whole.
EXPORT_AGAIN = (
    "Export your contacts again from LinkedIn, Google Contacts, Outlook or your phone, "
    "or save the LeadNet template as CSV UTF-8, and import that file."
)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# File signatures people sometimes import by mistake, with a plain name.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Excel (.xls) or Word (.doc) file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)

# C0 control characters other than tab, line feed, carriage return, form feed and
# vertical tab (the last two turn up in spreadsheet exports).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
#: The largest cell we read (128 KiB, the csv module's default limit); a record with a
#: larger one is refused on its own, the others are read.
CELL_LIMIT = 131072


@dataclass(slots=True)
class Decoded:
    """The text of a file and the encoding it was read with."""

    text: str
    encoding: str


@dataclass(slots=True)
class Table:
    """The header and data rows of a CSV file (or of an Excel sheet).

    ``rows`` holds ``(line, cells)`` pairs; ``line`` is where the row starts.
    Blank rows are left out: they are not records. ``unknown`` is filled in by
    the format modules: the positions of columns no contact field takes, whose
    values were kept in ``extra``.
    """

    header: list[str]
    header_line: int
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    unknown: set[int] = field(default_factory=set)
    #: Records refused as a whole while reading (a cell too large), as ``(line, reason)``.
    refused: list[tuple[int, str]] = field(default_factory=list)


def line_at(text: str, index: int) -> int:
    """Return the 1-based line number of character *index* in *text*.

    Examples
    --------
    >>> line_at("a\\nb\\r\\nc", 5)
    3
    """
    return len(_NEWLINE.findall(text, 0, max(index, 0))) + 1


def _looks_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a byte order mark from where the NUL bytes sit."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _binary_problem(name: str, line: int, what: str) -> ImportProblem:
    return ImportProblem(
        f"this is {what}, not a contacts file",
        file=name,
        line=line,
        fix="Choose the CSV or vCard (.vcf) file you exported, or the LeadNet template (.csv or .xlsx).",
    )


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Turn the bytes of a text file into text, detecting the encoding.

    A byte order mark (UTF-8, UTF-16 LE/BE) wins; then UTF-16 without a mark
    (guessed from NUL bytes); then UTF-8; then Windows-1252. Binary files
    (images, archives, bytes that are not text) are refused.

    Parameters
    ----------
    data : bytes
        The file's content.
    name : str
        The file name shown in messages.

    Returns
    -------
    Decoded

    Raises
    ------
    ImportProblem
        When the file is empty, binary, or in an encoding we cannot read.

    Examples
    --------
    >>> decode_bytes("Zoë".encode("cp1252"), "a.csv")
    Decoded(text='Zoë', encoding='cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfname", "a.csv").encoding
    'utf-8-sig'
    """
    if not data.strip():
        raise ImportProblem(
            "the file is empty",
            file=name,
            line=1,
            fix="Export your contacts again; the export may not have finished.",
        )
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _binary_problem(name, 1, what)
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    encoding = encoding or _looks_utf16(data)
    if encoding is None:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
                encoding = "cp1252"
            except UnicodeDecodeError as exc:
                raise ImportProblem(
                    f"the file uses a text encoding we cannot read (byte 0x{data[exc.start]:02X} "
                    "is neither UTF-8 nor Windows-1252)",
                    file=name,
                    line=data.count(b"\n", 0, exc.start) + 1,
                    fix="Open it in a spreadsheet program and save it as 'CSV UTF-8', then import "
                    "that file.",
                ) from None
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ImportProblem(
                f"the file says it is {encoding.upper()} text but it is damaged",
                file=name,
                line=_line_before(data[: exc.start], encoding),
                fix="Export the file again, or save it as 'CSV UTF-8' and import that file.",
            ) from None
        text = text.removeprefix("\ufeff")
    _refuse_binary(text, name)
    if not text.strip():
        raise ImportProblem(
            "the file is empty",
            file=name,
            line=1,
            fix="Export your contacts again; the export may not have finished.",
        )
    return Decoded(text, encoding)


#: The encoding reported for a vCard file that is not UTF-8 throughout.
VCARD_MIXED = "utf-8, with each line's CHARSET (else Windows-1252)"
_VCARD_SEARCH = 20  # non-blank lines searched for the first BEGIN:VCARD
_BYTE_LINES = re.compile(rb"\r\n|\r|\n")


def vcard_start(lines: list[str]) -> int | None:
    """The position of the first ``BEGIN:VCARD`` among the first non-blank *lines*, or ``None``.

    Examples
    --------
    >>> vcard_start(["ENCODING:UTF-8", "BEGIN:vCard", "FN:A"])
    1
    >>> vcard_start(["name,notes", "Ada,hello"]) is None
    True
    """
    for position, line in enumerate(lines[:_VCARD_SEARCH]):
        if line.lstrip().upper().startswith("BEGIN:VCARD"):
            return position
    return None


def decode_vcard(data: bytes, name: str) -> tuple[Decoded, list[str]] | None:
    """Read a vCard file that is not UTF-16 as text, keeping its bytes.

    vCard 2.1 declares a ``CHARSET`` per line (Shift_JIS, Windows-1252, ...)
    and folds lines in the middle of a UTF-8 character, so the file cannot be
    decoded as a whole: it is read as UTF-8 with the other bytes kept as
    surrogate escapes, which the vCard reader decodes line by line after
    unfolding. Returns ``None`` when *data* is not such a vCard file, else the
    text and the non-blank lines before the first ``BEGIN:VCARD``.

    Examples
    --------
    >>> decoded, before = decode_vcard(
    ...     b"x\\r\\nBEGIN:VCARD\\r\\nFN;CHARSET=SHIFT_JIS:\\x8eR\\r\\n", "a.vcf"
    ... )
    >>> decoded.encoding, before, decoded.text.splitlines()[2]
    ("utf-8, with each line's CHARSET (else Windows-1252)", ['x'], 'FN;CHARSET=SHIFT_JIS:\\udc8eR')
    """
    if any(data.startswith(bom) for bom, _ in _BOMS) or _looks_utf16(data):
        return None
    lines = [line.strip() for line in _BYTE_LINES.split(data[:65536], _VCARD_SEARCH * 50)]
    shown = [line.decode("utf-8", "replace") for line in lines if line][:_VCARD_SEARCH]
    start = vcard_start(shown)
    if start is None:
        return None
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("utf-8", "surrogateescape"), VCARD_MIXED
    _refuse_binary(text, name)
    return Decoded(text, encoding), shown[:start]


def _line_before(head: bytes, encoding: str) -> int:
    text = head.decode(encoding, "replace")
    return line_at(text, len(text))


def _refuse_binary(text: str, name: str) -> None:
    nul = text.find("\x00")
    if nul >= 0:
        raise _binary_problem(name, line_at(text, nul), "binary data (it contains NUL bytes)")
    sample = text[:65536]
    found = _CONTROL.findall(sample)
    if len(found) >= 3 and len(found) > 0.01 * len(sample):
        first = _CONTROL.search(text)
        raise _binary_problem(
            name,
            line_at(text, first.start() if first else 0),
            "binary data (it is full of control characters)",
        )


def physical_lines(text: str, limit: int) -> Iterator[tuple[int, int, str]]:
    """Yield ``(line_number, offset, line_text)`` for the first *limit* lines.

    Line ends are ``\\r\\n``, ``\\r`` or ``\\n``, as the csv module counts them.

    Examples
    --------
    >>> list(physical_lines("a\\r\\nb\\nc", 2))
    [(1, 0, 'a'), (2, 3, 'b')]
    """
    offset = 0
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if number > limit:
            return
        yield number, offset, line.rstrip("\r\n")
        offset += len(line)


def split_line(line: str, delimiter: str) -> list[str]:
    """Split one physical line into cells (quotes understood).

    Examples
    --------
    >>> split_line('a;"b;c";d', ";")
    ['a', 'b;c', 'd']
    """
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return [line]


def read_table(
    text: str,
    *,
    offset: int,
    first_line: int,
    delimiter: str,
    name: str,
    limit: int | None = None,
) -> Table:
    """Read the CSV rows of *text* from *offset*, which is the header line.

    Parameters
    ----------
    text : str
        The whole file.
    offset : int
        Where the header starts in *text* (lines before it are a preamble).
    first_line : int
        The line number of the header.
    delimiter : str
        The column separator.
    name : str
        The file name shown in messages.
    limit : int, optional
        The most records the file may hold; reading stops at the first one over it.

    Returns
    -------
    Table

    Raises
    ------
    ImportProblem
        When the file ends inside a quoted value (cut off), a row cannot be read, or
        there are more than *limit* records.

    Examples
    --------
    >>> t = read_table(
    ...     'x\\nname,notes\\n\\nAda,"two\\nlines"\\n',
    ...     offset=2,
    ...     first_line=2,
    ...     delimiter=",",
    ...     name="t.csv",
    ... )
    >>> t.header, t.rows
    (['name', 'notes'], [(4, ['Ada', 'two\\nlines'])])
    """
    # The physical lines as the csv module counts them; its line_num says how many it took.
    lines = io.StringIO(text[offset:], newline="").readlines()
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    refused: list[tuple[int, str]] = []
    last_start = 0  # the lines before the last record
    field_limit = csv.field_size_limit()
    csv.field_size_limit(max(field_limit, len(text) + 1))  # a huge cell refuses its record only
    try:
        while True:
            taken = reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise ImportProblem(
                    f"we cannot read the record starting on this line ({exc})",
                    file=name,
                    line=first_line + taken,
                    fix="Open the file in a spreadsheet program, check this row, save it as "
                    "'CSV UTF-8' and import it again.",
                ) from None
            if header is None:
                header = cells
                continue
            if not any(map(str.strip, cells)):
                continue
            last_start = taken
            start_line = first_line + taken
            if limit is not None and len(rows) + len(refused) >= limit:
                raise ImportProblem(
                    f"this file has more than {limit:,} records, more than we import at once",
                    file=name,
                    line=start_line,
                    fix="Split it into smaller files (in a spreadsheet program, or export one "
                    "contacts folder or label at a time) and import them one after the other.",
                )
            longest = max(map(len, cells))
            if longest > CELL_LIMIT:
                refused.append((start_line, _too_large(longest)))
                continue
            rows.append((start_line, cells))
    finally:
        csv.field_size_limit(field_limit)
    if (rows or refused) and _cut_off("".join(lines[last_start:]), delimiter):
        raise ImportProblem(
            "the file ends in the middle of a record: a quoted value that starts on this "
            "line is never closed, so the file was probably cut off",
            file=name,
            line=max([r[0] for r in rows[-1:]] + [r[0] for r in refused[-1:]]),
            fix="Export the file again (wait until the download has finished), or add the "
            'missing closing quote (") in a text editor.',
        )
    return Table(header=header or [], header_line=first_line, rows=rows, refused=refused)


def _too_large(size: int) -> str:
    """The reason a record with a cell of *size* characters is refused.

    Examples
    --------
    >>> _too_large(200_000).split(";")[0]
    'one value in this record is 200,000 characters long, more than the 131,072 (128 KiB) we read in one cell'
    """
    return (
        f"one value in this record is {size:,} characters long, more than the {CELL_LIMIT:,} "
        "(128 KiB) we read in one cell; it is probably pasted by mistake: shorten it in a "
        "spreadsheet program and import the file again (the other records are imported)"
    )


def _cut_off(tail: str, delimiter: str) -> bool:
    """Whether the last record (*tail*) runs into the end of the file inside quotes."""
    if '"' not in tail:
        return False
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False
