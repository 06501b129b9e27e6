"""The workbook's own contacts template, as CSV or as an Excel workbook.

Columns come in any order (see :data:`leadnet_helpers.model.TEMPLATE_COLUMNS`);
only ``name`` is required. Cells are understood by
:func:`leadnet_helpers.model.contact_from_row`: values it cannot understand
become warnings (the text is kept in ``extra``), unknown columns are kept in
``extra``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date, datetime, time

from ..csvsafe import unguard_cell
from ..errors import ImportProblem, LeadNetError
from ..model import CONTACT_FIELDS, contact_from_row, normalise_email, normalise_text
from .base import ParsedRecord
from .common import no_name_problem
from .decode import Table

__all__ = ["SURPLUS_COLUMNS", "cell_text", "parse_table", "read_sheet"]


def parse_table(table: Table) -> Iterator[ParsedRecord]:
    """Turn the rows of a template table into records.

    Examples
    --------
    >>> t = Table(
    ...     ["name", "strength", "linkedin_url"],
    ...     1,
    ...     [(2, ["Ada Brooks", "4", "javascript:alert(1)"]), (3, ["", "2"])],
    ... )
    >>> ok, bad = parse_table(t)
    >>> ok.contact.name, ok.contact.strength, ok.contact.extra
    ('Ada Brooks', 4, {'linkedin_url': 'javascript:alert(1)'})
    >>> bad.problem.split(":")[0]
    'no name'
    """
    header = table.header
    width = len(header)
    known = {*CONTACT_FIELDS, "emails"}
    columns = [normalise_text(h).casefold().replace(" ", "_") for h in header]
    for line, cells in table.rows:
        cells = [unguard_cell(c) for c in cells]  # the workbook's own CSV export, read back
        row = dict(zip(header, cells, strict=False))
        surplus = [
            (i, normalise_text(c)) for i, c in enumerate(cells[width:], start=width) if c.strip()
        ]
        try:
            contact, warnings = contact_from_row(row, source="template")
        except LeadNetError:
            found = dict(zip(columns, cells, strict=False))
            hints = [normalise_text(found.get(k, "")) for k in ("organisation", "email", "phone")]
            yield ParsedRecord(line, None, no_name_problem(hints))
            continue
        table.unknown.update(
            i for i, c in enumerate(cells[:width]) if columns[i] not in known and c.strip()
        )
        for key, value in row.items():
            column = normalise_text(key).casefold().replace(" ", "_")
            text = normalise_text(value)
            if not text:
                continue
            if column == "linkedin_url" and not contact.linkedin_url:
                contact.extra["linkedin_url"] = text
                warnings.append(
                    f"'{text}' in linkedin_url is not a LinkedIn profile address; kept with the "
                    "contact as extra information, not as its LinkedIn link"
                )
            elif column == "email" and not normalise_email(text):
                contact.extra["email"] = text
                warnings.append(
                    f"'{text}' in email is not an e-mail address; kept with the contact as "
                    "extra information"
                )
        for index, value in surplus:
            contact.extra[f"column {index + 1}"] = value
            warnings.append(
                f"this row has a value in column {index + 1}, which has no heading; kept with "
                "the contact as extra information"
            )
        yield ParsedRecord(line, contact, warnings=warnings)


def cell_text(value: object) -> str:
    """Return an Excel cell value as the text a person would type.

    Examples
    --------
    >>> cell_text(4.0), cell_text(datetime(2026, 3, 14)), cell_text(None), cell_text(True)
    ('4', '2026-03-14', '', 'yes')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


#: Columns right of the last heading still read from a workbook (their values are kept as
#: extra information); cells further right are ignored, so a stray cell in column XFD
#: (16,384) costs nothing.
SURPLUS_COLUMNS = 26


def _trimmed(values: tuple[object, ...]) -> list[str]:
    cells = [cell_text(v) for v in values]
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def read_sheet(
    data: bytes,
    name: str,
    *,
    is_header: Callable[[int, list[str]], bool] = lambda position, cells: position == 0,
    search: int = 20,
    limit: int | None = None,
) -> list[tuple[int, list[str]]]:
    """Read the non-empty rows of the first sheet of an .xlsx workbook.

    Returns ``(row_number, cells)`` pairs; cells are text (see :func:`cell_text`).
    Formulas give the value Excel last computed. Rows are read one at a time
    (openpyxl's read-only mode). The heading row is the first of the first
    *search* non-empty rows for which ``is_header(position, cells)`` is true;
    the rows below it are read only as far as :data:`SURPLUS_COLUMNS` right of
    its last heading, so memory and time follow the cells that matter, not
    the sheet's width. When no heading is found the rows searched are
    returned. At most *limit* rows below the heading are read (then one more,
    so the caller can tell the sheet is larger).

    Raises
    ------
    ImportProblem
        When the workbook cannot be opened.

    Examples
    --------
    >>> try:
    ...     read_sheet(b"PK\\x03\\x04junk", "c.xlsx")
    ... except ImportProblem as exc:
    ...     print(exc.what)
    we cannot open this Excel workbook (BadZipFile)
    """
    # openpyxl parses with defusedxml (a declared dependency) when it is installed: it refuses
    # the entity tricks of a hostile workbook. tests/importers/test_template.py checks it is on.
    import openpyxl  # imported here: only needed for workbooks

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            if not workbook.worksheets:
                return []
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()  # some writers record wrong sheet sizes
            rows: list[tuple[int, list[str]]] = []
            header: tuple[int, int] | None = None  # (row number, width)
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1):
                cells = _trimmed(values)
                if not cells:
                    continue
                rows.append((number, cells))
                if is_header(len(rows) - 1, cells):
                    header = number, len(cells)
                    break
                if len(rows) >= search:
                    break
            if header is None:
                return rows
            heading, width = header
            below = sheet.iter_rows(
                min_row=heading + 1, max_col=width + SURPLUS_COLUMNS, values_only=True
            )
            for number, values in enumerate(below, heading + 1):
                cells = _trimmed(values)
                if cells:
                    rows.append((number, cells))
                    if limit is not None and len(rows) > limit + search:
                        break
            return rows
        finally:
            workbook.close()
    except Exception as exc:  # noqa: BLE001 - openpyxl fails in many ways on damaged files
        raise ImportProblem(
            f"we cannot open this Excel workbook ({type(exc).__name__})",
            file=name,
            line=1,
            fix="Open it in Excel and save it again as .xlsx, or save the first sheet as "
            "'CSV UTF-8' and import that file.",
        ) from None
