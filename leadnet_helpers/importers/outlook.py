"""Outlook contacts CSV: the desktop export and the web / new Outlook export.

Desktop (``outlook``): many quoted columns ``"Title","First Name","Middle
Name","Last Name",...,"Company","Department","Job Title",...,"Categories",
...,"E-mail Address",...,"Notes",...``, often Windows-1252, categories
separated by ``;``; unused fields hold defaults such as ``0/0/00`` and
``Normal``, which are not kept.

Web (``outlook-web``): Outlook on the web, new Outlook and outlook.com write
fewer columns, with names such as ``First name``, ``Job title``, ``Business
email``, ``Personal email``, ``Mobile phone``, ``Categories``, ``Notes`` (or
the outlook.com layout with ``Given Yomi`` and ``IMAddress``). Columns are
found by name, in any order and any letter case.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import normalise_linkedin_url, normalise_text
from .base import ParsedRecord
from .common import Columns, Draft, join_name
from .decode import Table

__all__ = ["parse_table", "split_categories"]

_EMAIL_COLUMNS = (
    "e-mail address",
    "email",
    "email address",
    "business email",
    "work email",
    "personal email",
    "home email",
    "other email",
    "e-mail 2 address",
    "email 2",
    "e-mail 3 address",
    "email 3",
)
_PHONE_COLUMNS = (
    "mobile phone",
    "mobile",
    "primary phone",
    "business phone",
    "work phone",
    "home phone",
    "phone",
    "business phone 2",
    "home phone 2",
    "other phone",
    "car phone",
)
_WEB_COLUMNS = ("web page", "personal web page", "business web page", "website", "web site")
# Fields Outlook fills with a default when they are empty: not worth keeping.
_DEFAULTS = {
    "birthday": "0/0/00",
    "anniversary": "0/0/00",
    "gender": "unspecified",
    "priority": "normal",
    "sensitivity": "normal",
    "private": "false",
}
# Fields derived from others (kept elsewhere), not worth keeping twice.
_DERIVED = (
    "e-mail type",
    "e-mail 2 type",
    "e-mail 3 type",
    "e-mail display name",
    "e-mail 2 display name",
    "e-mail 3 display name",
    "initials",
)


def split_categories(cell: str) -> tuple[str, ...]:
    """Split Outlook categories (``;``-separated) into tags.

    Examples
    --------
    >>> split_categories("Board;VIP; Board")
    ('Board', 'VIP')
    """
    return tuple(dict.fromkeys(t.strip() for t in cell.split(";") if t.strip()))


def parse_table(table: Table, *, web: bool = False) -> Iterator[ParsedRecord]:
    """Turn the rows of an Outlook contacts table into records.

    Examples
    --------
    >>> t = Table(["First Name", "Last Name", "Company", "Categories", "E-mail Address"], 1,
    ...           [(2, ["Aisha", "Bello", "Kestrel Health", "Board;VIP", "aisha@k.example"])])
    >>> c = next(parse_table(t)).contact
    >>> c.name, c.organisation, c.tags, c.email
    ('Aisha Bello', 'Kestrel Health', ('Board', 'VIP'), 'aisha@k.example')
    """
    cols = Columns(table.header, table.unknown)
    source = "outlook-web" if web else "outlook"
    first, middle, last = cols.find("first name"), cols.find("middle name"), cols.find("last name")
    full, nickname = cols.find("display name", "full name", "name"), cols.find("nickname")
    company, department = cols.find("company"), cols.find("department")
    job = cols.find("job title")  # "Title" is Mr./Ms.
    notes, categories = cols.find("notes"), cols.find("categories")
    emails_at = [
        (cols.header[i], i) for i in (cols.find(n) for n in _EMAIL_COLUMNS) if i is not None
    ]
    phones_at = [i for i in (cols.find(n) for n in _PHONE_COLUMNS) if i is not None]
    web_at = [i for i in (cols.find(n) for n in _WEB_COLUMNS) if i is not None]
    defaults = [(i, v) for k, v in _DEFAULTS.items() if (i := cols.find(k)) is not None]
    derived = [cols.find(k) for k in _DERIVED]
    for line, cells in table.rows:
        draft = Draft(line, cells, cols)
        draft.skip(*derived)
        for index, default in defaults:
            if index < len(cells) and normalise_text(cells[index]).casefold() == default:
                draft.skip(index)
        name = join_name(draft.take(first), draft.take(middle), draft.take(last))
        name = name or draft.take(full) or draft.take(nickname)
        emails: list[str] = []
        for column, index in emails_at:
            emails += draft.emails([draft.take(index)], column)
        phone = ""
        for index in phones_at:
            if index < len(cells) and cells[index].strip():
                phone = draft.take(index)
                break
        linkedin_url = ""
        for index in web_at:
            url = normalise_linkedin_url(cells[index]) if index < len(cells) else ""
            if url:
                draft.skip(index)
                linkedin_url = url
                break
        yield draft.finish(
            source,
            name=name,
            organisation=draft.take(company),
            role=draft.take(job),
            function=draft.take(department),
            notes=draft.take(notes),
            tags=split_categories(draft.take(categories)),
            emails=emails,
            phone=phone,
            linkedin_url=linkedin_url,
        )
