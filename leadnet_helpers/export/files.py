"""Files that leave the workbook: atomic writes, and CSV whose cells no spreadsheet runs.

Text is stored exactly as the person gave it; it is made safe here, at output
time. A CSV cell that a spreadsheet would run as a formula (it starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return, also behind invisible
characters or in fullwidth form) gets a leading apostrophe, the
neutralisation OWASP recommends for CSV injection; the template importer
removes it again when the workbook reads its own CSV back (the rule is in
:mod:`leadnet_helpers.csvsafe`). Files are
written to a temporary name and renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..csvsafe import guard_cell

__all__ = [
    "atomic_write_bytes",
    "atomic_write_text",
    "csv_text",
    "safe_cell",
    "write_csv",
    "write_files_together",
]


def safe_cell(value: object) -> str:
    """Return *value* as a CSV cell that no spreadsheet will run as a formula.

    The guard rule: a cell whose first visible character (after zero-width
    and other invisible format characters such as ``U+200B`` and ``U+FEFF``,
    read in NFKC form so that fullwidth ``＝`` counts as ``=``) is ``=``,
    ``+``, ``-`` or ``@``, or that starts with a tab or a carriage return, is
    written with a leading ``'``. Reading the workbook's own contacts CSV
    back (the template importer) removes exactly that ``'``: a cell starting
    with ``'`` whose rest needs the guard loses it; other cells are read as
    written (:func:`leadnet_helpers.csvsafe.unguard_cell`).

    Examples
    --------
    >>> safe_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> safe_cell("Ada Brooks"), safe_cell(None), safe_cell(-3)
    ('Ada Brooks', '', "'-3")
    >>> safe_cell("\u200b=1+1"), safe_cell("＝1+1")
    ("'\u200b=1+1", "'＝1+1")
    """
    return guard_cell(value)


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """Return rows as CSV text with a header, every cell neutralised.

    Examples
    --------
    >>> print(csv_text([{"name": "@Ada", "role": "Nurse"}], ["name", "role"]), end="")
    name,role
    '@Ada,Nurse
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(c, "")) for c in columns])
    return buffer.getvalue()


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write *text* to *path* through a temporary file and an atomic rename."""
    return atomic_write_bytes(path, text.encode(encoding))


def write_csv(
    path: str | Path, rows: Iterable[Mapping[str, object]], columns: Sequence[str]
) -> Path:
    """Write rows to a CSV file (UTF-8 with a BOM, so Excel reads accents), safely.

    Returns
    -------
    Path
        The file written.
    """
    return atomic_write_text(path, "\ufeff" + csv_text(rows, columns))


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write *data* to *path* through a temporary file and an atomic rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_files_together(files: Mapping[Path, bytes]) -> list[Path]:
    """Write several files as a set: all of them, or none.

    Each is written to a hidden temporary file beside it (``.plan.html.xxxx``)
    and synced; only when every one is written are they renamed into place.
    On any failure the temporary files are removed and the error raised, so
    no partial file and no earlier file of the set is left behind.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> [p.name for p in write_files_together({folder / "a.txt": b"a", folder / "b.txt": b"b"})]
    ['a.txt', 'b.txt']
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)
        raise
    return [path for _, path in temps]
