"""Google Contacts CSV, in the current layout and the older one.

Current: ``First Name, Middle Name, Last Name, ..., Organization Name,
Organization Title, Organization Department, Notes, Labels, E-mail 1 - Label,
E-mail 1 - Value, ...``. Older ("google-legacy"): ``Name, Given Name, ...,
Group Membership, E-mail 1 - Type, E-mail 1 - Value, Organization 1 - Name,
Organization 1 - Title, Organization 1 - Department, ...``, often UTF-16.

Several values in one cell are joined by `` ::: ``; a label starting with
``* `` marks the primary value. ``* myContacts`` is a system label (dropped);
other system labels such as ``* starred`` become tags without the ``* ``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import normalise_linkedin_url
from .base import ParsedRecord
from .common import Columns, Draft, join_name, odd_url_warning
from .decode import Table

__all__ = ["labels_to_tags", "parse_table", "split_values"]

_SEPARATOR = ":::"
_DROPPED_LABELS = frozenset({"*mycontacts", "mycontacts", "systemgroup:mycontacts"})


def split_values(cell: str) -> list[str]:
    """Split a Google multi-value cell.

    Examples
    --------
    >>> split_values("a@x.example ::: b@x.example")
    ['a@x.example', 'b@x.example']
    """
    if _SEPARATOR not in cell:
        return [cell] if cell else []
    return [part.strip() for part in cell.split(_SEPARATOR) if part.strip()]


def labels_to_tags(cell: str) -> tuple[str, ...]:
    """Turn Google labels into tags, dropping ``* myContacts``.

    Examples
    --------
    >>> labels_to_tags("Board ::: * myContacts ::: * starred")
    ('Board', 'starred')
    """
    tags = []
    for label in split_values(cell):
        if "".join(label.casefold().split()) in _DROPPED_LABELS:
            continue
        tag = label.removeprefix("* ").strip()
        if tag:
            tags.append(tag)
    return tuple(dict.fromkeys(tags))


def _values(draft: Draft, pairs: list[tuple[int | None, int]]) -> list[str]:
    """All values of numbered (label, value) columns, the primary (``* `` label) first."""
    primary: list[str] = []
    others: list[str] = []
    for label_index, value_index in pairs:
        label = draft.take(label_index)
        values = split_values(draft.take(value_index))
        (primary if label.startswith("*") else others).extend(values)
    return primary + others


def _pairs(cols: Columns, kind: str) -> list[tuple[int | None, int]]:
    values = cols.numbered(rf"{kind} (\d+) - value")
    return [
        (
            cols.find(
                cols.keys[i].replace(" - value", " - label"),
                cols.keys[i].replace(" - value", " - type"),
            ),
            i,
        )
        for i in values
    ]


def parse_table(table: Table, *, legacy: bool = False) -> Iterator[ParsedRecord]:
    """Turn the rows of a Google Contacts table into records.

    Examples
    --------
    >>> t = Table(
    ...     ["First Name", "Last Name", "Labels", "E-mail 1 - Label", "E-mail 1 - Value"],
    ...     1,
    ...     [
    ...         (
    ...             2,
    ...             [
    ...                 "Ben",
    ...                 "Carter",
    ...                 "Football ::: * myContacts",
    ...                 "* Home",
    ...                 "Ben.Carter@example.com",
    ...             ],
    ...         )
    ...     ],
    ... )
    >>> c = next(parse_table(t)).contact
    >>> c.name, c.tags, c.email
    ('Ben Carter', ('Football',), 'ben.carter@example.com')
    """
    cols = Columns(table.header, table.unknown)
    source = "google-legacy" if legacy else "google"
    full = cols.find("name") if legacy else None
    first = cols.find("first name", "given name")
    middle = cols.find("middle name", "additional name")
    last = cols.find("last name", "family name")
    nickname, file_as = cols.find("nickname"), cols.find("file as")
    org = cols.find("organization name", "organization 1 - name")
    title = cols.find("organization title", "organization 1 - title")
    department = cols.find("organization department", "organization 1 - department")
    notes = cols.find("notes")
    labels = cols.find("labels", "group membership")
    email_pairs, phone_pairs = _pairs(cols, "e-mail"), _pairs(cols, "phone")
    web_pairs = _pairs(cols, "website")
    for line, cells in table.rows:
        draft = Draft(line, cells, cols)
        parts = join_name(draft.take(first), draft.take(middle), draft.take(last))
        name = draft.take(full) or parts
        if not name:  # a nickname or "file as" is still the person's name
            name = draft.take(nickname) or draft.take(file_as)
        emails = draft.emails(_values(draft, email_pairs), "E-mail")
        phones = _values(draft, phone_pairs)
        if len(phones) > 1:
            draft.keep("other_phones", "; ".join(phones[1:]))
        linkedin_url = ""
        for site in _values(draft, web_pairs):
            url = normalise_linkedin_url(site)
            if url and not linkedin_url:
                linkedin_url = url
            else:
                draft.keep("websites", site)
                warning = odd_url_warning(site, "Website")
                if warning:
                    draft.warnings.append(warning)
        organisations = split_values(draft.take(org))
        if len(organisations) > 1:
            draft.keep("other_organisations", "; ".join(organisations[1:]))
        yield draft.finish(
            source,
            name=name,
            organisation=organisations[0] if organisations else "",
            role=draft.take(title),
            function=draft.take(department),
            notes=draft.take(notes),
            tags=labels_to_tags(draft.take(labels)),
            emails=emails,
            phone=phones[0] if phones else "",
            linkedin_url=linkedin_url,
        )
