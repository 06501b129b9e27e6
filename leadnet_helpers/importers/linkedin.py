"""LinkedIn ``Connections.csv``: one row a connection.

The export starts with a ``Notes:`` preamble, then
``First Name,Last Name,URL,Email Address,Company,Position,Connected On`` with
dates like ``14 Mar 2025``. After Excel re-saved it the preamble may be gone
or mangled, the separator may be ``;`` or a tab, and dates look like
``3/14/2025`` (or ``14/03/2025`` in day-first countries).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache

from ..errors import LeadNetError
from ..model import Contact, normalise_email, normalise_linkedin_url, normalise_text
from ..rules import parse_date
from .base import ParsedRecord
from .common import Columns, Draft, join_name
from .decode import Table

__all__ = ["iso_date", "parse_table"]

_SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_TEXT_FORMATS = ("%d %b %Y", "%d-%b-%Y", "%d %B %Y", "%b %d, %Y", "%Y-%m-%d", "%d-%b-%y")
#: LinkedIn's own layout, ``14 Mar 2025``: its first format, read without strptime per date.
_LINKEDIN_DATE = re.compile(r"^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$", re.ASCII)


def _day_first(values: list[str]) -> bool:
    """Whether this file writes slashed dates day first (decided from the whole file)."""
    for value in values:
        match = _SLASHED.match(value)
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            if first > 12 >= second:
                return True
            if second > 12 >= first:
                return False
    return False  # no evidence: Excel's US default, month first


def iso_date(value: str, *, day_first: bool = False) -> str:
    """Return *value* as an ISO date, or ``""`` when it is not a date we know.

    Examples
    --------
    >>> iso_date("14 Mar 2025"), iso_date("3/14/2025"), iso_date("14/03/2025", day_first=True)
    ('2025-03-14', '2025-03-14', '2025-03-14')
    >>> iso_date("soon")
    ''
    """
    match = _LINKEDIN_DATE.match(value)
    if match:
        month = _month(match.group(2))
        if month:
            try:
                return date(int(match.group(3)), month, int(match.group(1))).isoformat()
            except ValueError:
                pass  # not a day of that month: the formats below say so
    match = _SLASHED.match(value)
    if match:
        first, second, year = (int(g) for g in match.groups())
        month, day = (second, first) if day_first else (first, second)
        year += 2000 if year < 100 else 0
        try:
            return datetime(year, month, day).date().isoformat()
        except ValueError:
            return ""
    try:
        return parse_date(value, formats=_TEXT_FORMATS).isoformat()
    except LeadNetError:
        return ""


@lru_cache(maxsize=64)
def _month(name: str) -> int:
    """The month a ``%b`` month name stands for (as ``strptime`` reads it), or 0.

    Examples
    --------
    >>> _month("Mar"), _month("mar"), _month("Foo")
    (3, 3, 0)
    """
    try:
        return parse_date(f"1 {name} 2000", formats=_TEXT_FORMATS[:1]).month
    except LeadNetError:
        return 0


def parse_table(table: Table) -> Iterator[ParsedRecord]:
    """Turn the rows of a LinkedIn connections table into records.

    Examples
    --------
    >>> t = Table(
    ...     ["First Name", "Last Name", "URL", "Company", "Position", "Connected On"],
    ...     1,
    ...     [
    ...         (
    ...             2,
    ...             [
    ...                 "Zoë",
    ...                 "Ångström",
    ...                 "https://www.linkedin.com/in/zoe",
    ...                 "Nordlys Energi AS",
    ...                 "Head of Strategy",
    ...                 "14 Mar 2025",
    ...             ],
    ...         )
    ...     ],
    ... )
    >>> r = next(parse_table(t))
    >>> r.contact.name, r.contact.linkedin_url, r.contact.extra
    ('Zoë Ångström', 'https://www.linkedin.com/in/zoe', {'connected_on': '2025-03-14'})
    """
    cols = Columns(table.header, table.unknown)
    first, last = cols.find("first name"), cols.find("last name")
    url, email = cols.find("url", "profile url"), cols.find("email address", "email", "e-mail")
    company, position = cols.find("company"), cols.find("position")
    connected = cols.find("connected on")
    day_first = False
    if connected is not None:
        day_first = _day_first(
            [cells[connected] for _, cells in table.rows if connected < len(cells)]
        )
    seen_dates: dict[str, str] = {}
    width = len(table.header)
    # A row of exactly these columns, each one a field, can take the plain path
    places = [i for i in (first, last, url, email, company, position, connected) if i is not None]
    plain = len(places) == 7 and set(places) == set(range(width))
    for line, cells in table.rows:
        if plain and len(cells) == width:
            record = _plain_record(line, cells, places, seen_dates, day_first)
            if record is not None:
                yield record
                continue
        draft = Draft(line, cells, cols)
        raw_url = draft.take(url)
        linkedin_url = draft.linkedin(raw_url, "URL")
        raw_email = draft.take(email)
        emails = draft.emails([raw_email], "Email Address")
        when = draft.take(connected)
        if when:
            iso = seen_dates.get(when)
            if iso is None:
                iso = seen_dates[when] = iso_date(when, day_first=day_first)
            draft.keep("connected_on", iso or when)
            if not iso:
                draft.warnings.append(
                    f"Connected On '{when}' is not a date we understand; kept as written"
                )
        yield draft.finish(
            "linkedin",
            name=join_name(draft.take(first), draft.take(last)),
            organisation=draft.take(company),
            role=draft.take(position),
            emails=emails,
            linkedin_url=linkedin_url,
        )


def _plain_record(
    line: int,
    cells: list[str],
    places: list[int],
    seen_dates: dict[str, str],
    day_first: bool,
) -> ParsedRecord | None:
    """The record of a row with nothing to warn about, or ``None`` for the full path.

    The common row of a large export (a name, a profile URL, an e-mail address or
    none, a date we read) makes the very record a :class:`~.common.Draft` would,
    without one; any row that needs a warning, a rejection or keeps a value in
    ``extra`` as written returns ``None`` and takes the full path.

    Examples
    --------
    >>> row = [
    ...     "Ada",
    ...     "Brooks",
    ...     "https://www.linkedin.com/in/ada",
    ...     "",
    ...     "Riverside",
    ...     "",
    ...     "1 Mar 2025",
    ... ]
    >>> r = _plain_record(2, row, [0, 1, 2, 3, 4, 5, 6], {}, False)
    >>> r.contact.name, r.contact.organisation, r.contact.extra
    ('Ada Brooks', 'Riverside', {'connected_on': '2025-03-01'})
    >>> _plain_record(3, ["", "", "", "", "Riverside", "", ""], list(range(7)), {}, False)
    """
    first, last, url, email, company, position, connected = places
    # normalise_text of every cell, without a call for the usual ASCII one
    cells = [c.strip() if c.isascii() else normalise_text(c) for c in cells]
    raw_url = cells[url]
    linkedin_url = normalise_linkedin_url(raw_url)
    if raw_url and not linkedin_url:
        return None
    raw_email = cells[email]
    address = normalise_email(raw_email) if raw_email else ""
    if raw_email and not address:
        return None
    extra: dict[str, str] = {}
    when = cells[connected]
    if when:
        iso = seen_dates.get(when)
        if iso is None:
            iso = seen_dates[when] = iso_date(when, day_first=day_first)
        if not iso:
            return None
        extra["connected_on"] = iso
    name = join_name(cells[first], cells[last])
    if not name:
        return None
    contact = Contact(
        name=name,
        organisation=cells[company],
        role=cells[position],
        email=address,
        emails=(address,) if address else (),
        linkedin_url=linkedin_url,
        source="linkedin",
        extra=extra,
    )
    return ParsedRecord(line, contact, warnings=[])
