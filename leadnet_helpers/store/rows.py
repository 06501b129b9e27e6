"""Contacts as rows of the ``contacts`` table, and the low-level writes of those rows.

A :class:`~leadnet_helpers.model.Contact` is stored one column per field
(:data:`COLUMNS`): tuples as ``;``-joined text, booleans as 0/1, the
``extra`` mapping as JSON text. The writes here run inside the caller's
write transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any

from ..model import CONTACT_FIELDS, Contact, name_key
from .connection import LockedConnection, now

__all__ = [
    "BOOL_FIELDS",
    "COLUMNS",
    "SELECT",
    "TUPLE_FIELDS",
    "cell",
    "contacts_from_db",
    "from_db",
    "insert_contacts",
    "record_keys",
    "restore_rows",
    "to_db",
    "to_json",
    "update_contacts",
]

TUPLE_FIELDS = ("gives_me", "i_give", "tags", "helps_with", "emails")
BOOL_FIELDS = ("inside_org", "discretionary")
#: The stored columns of a contact, in table order (besides id, name_key and the times).
COLUMNS = (*CONTACT_FIELDS, "emails", "extra")
#: Reads every stored column of a contact, then its id.
SELECT = f"SELECT {', '.join(COLUMNS)}, id FROM contacts"
_STAMPED = (*COLUMNS, "name_key", "created_at", "updated_at")

_TUPLE_AT = [i for i, c in enumerate(COLUMNS) if c in TUPLE_FIELDS]
_BOOL_AT = [i for i, c in enumerate(COLUMNS) if c in BOOL_FIELDS]
_TEXT_AT = [
    i for i, c in enumerate(COLUMNS) if c not in (*TUPLE_FIELDS, *BOOL_FIELDS, "strength", "extra")
]
_EXTRA_AT = COLUMNS.index("extra")
# A row read with SELECT (COLUMNS, then id) reordered as Contact's fields, for Contact(*row).
_in_field_order = itemgetter(*((*COLUMNS, "id").index(f.name) for f in fields(Contact)))
# json.dumps(extra, ensure_ascii=False), without building an encoder per contact
_EXTRA_JSON = json.JSONEncoder(ensure_ascii=False).encode


@lru_cache(maxsize=4096)
def _extra_text(items: tuple[tuple[str, str], ...]) -> str:
    """The JSON text of an ``extra`` mapping given as its items.

    Cached: the contacts of one export often hold the same extra values (a
    LinkedIn export's ``connected_on`` repeats a few thousand dates).

    Examples
    --------
    >>> _extra_text((("connected_on", "2025-03-14"), ("note", "Zoë")))
    '{"connected_on": "2025-03-14", "note": "Zoë"}'
    """
    return _EXTRA_JSON(dict(items))


def _extra_json(extra: dict[str, object]) -> str:
    for value in extra.values():
        if type(value) is not str:  # 1 and True are equal keys, a list cannot be one
            return _EXTRA_JSON(extra)
    return _extra_text(tuple(extra.items()))


def to_db(contact: Contact) -> list[object]:
    """The contact's cells in :data:`COLUMNS` order, as SQLite stores them (:func:`_cells_of`).

    Examples
    --------
    >>> cells = dict(zip(COLUMNS, to_db(Contact("Ada", tags=("a", "b"), inside_org=True))))
    >>> cells["name"], cells["tags"], cells["inside_org"], cells["extra"]
    ('Ada', 'a;b', 1, '')
    """
    return [_cells_of(at, [contact])[0] for at in range(len(COLUMNS))]


def from_db(row: tuple) -> Contact:
    """The contact from a row read with :data:`SELECT` (its columns, then its id)."""
    return contacts_from_db([row])[0]


def contacts_from_db(rows: list[tuple]) -> list[Contact]:
    """The contacts from rows read with :data:`SELECT`, as :func:`from_db` makes each.

    The cells are converted a column at a time, and a text column's distinct
    values are split into tuples once (a tuple is immutable, so contacts may
    share one); each contact gets its own ``extra`` dictionary.

    Examples
    --------
    >>> row = ["Ada", *[""] * (len(COLUMNS) - 1), 7]
    >>> row[COLUMNS.index("tags")], row[COLUMNS.index("inside_org")] = "a;;b", 0
    >>> row[COLUMNS.index("role")], row[COLUMNS.index("extra")] = None, '{"n": "1"}'
    >>> (ada,) = contacts_from_db([tuple(row)])
    >>> ada.id, ada.tags, ada.inside_org, ada.role, ada.extra, ada.strength
    (7, ('a', 'b'), False, '', {'n': '1'}, '')
    """
    if not rows:
        return []
    columns: list[Any] = list(zip(*rows, strict=True))
    for i in _TEXT_AT:
        if None in columns[i]:
            columns[i] = ["" if v is None else v for v in columns[i]]
    for i in _TUPLE_AT:
        split: dict[object, tuple[str, ...]] = {}
        for value in set(columns[i]):
            split[value] = tuple(v for v in value.split(";") if v) if value else ()
        columns[i] = list(map(split.__getitem__, columns[i]))
    for i in _BOOL_AT:
        columns[i] = [v if v is None else bool(v) for v in columns[i]]
    loads = json.loads
    columns[_EXTRA_AT] = [loads(v) if v else {} for v in columns[_EXTRA_AT]]
    return list(map(Contact, *_in_field_order(columns)))


def to_json(contact: Contact) -> dict[str, object]:
    """The contact's stored cells (and id) as plain JSON data, for undo and snapshots."""
    row = dict(zip(COLUMNS, to_db(contact), strict=True))
    row["id"] = contact.id
    return row


def cell(value: object) -> str:
    """A typed value as template text (``True`` -> ``"yes"``, tuples ``;``-joined)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (tuple, list)):
        return ";".join(map(str, value))
    return str(value)


def insert_contacts(conn: LockedConnection, contacts: list[Contact]) -> list[int]:
    """Insert contacts inside the caller's write transaction; return their new ids.

    The cells are prepared a column at a time, and a column that is empty in
    every one of these contacts (``''`` or NULL, as most of an export's fields
    are) is written as that literal rather than bound row by row: SQLite
    stores the very same cells either way.

    Examples
    --------
    >>> import sqlite3
    >>> from .schema import MIGRATIONS
    >>> conn = LockedConnection(sqlite3.connect(":memory:", isolation_level=None))
    >>> for version in sorted(MIGRATIONS):
    ...     for statement in MIGRATIONS[version].split(";"):
    ...         _ = conn.execute(statement) if statement.strip() else None
    >>> insert_contacts(conn, [Contact("Ada", strength=4, tags=("a", "b")), Contact("Bo")])
    [1, 2]
    >>> [tuple(r) for r in conn.execute("SELECT name, strength, tags, inside_org FROM contacts")]
    [('Ada', 4, 'a;b', None), ('Bo', None, '', None)]
    """
    stamp = now()
    # Inside BEGIN IMMEDIATE no one else can write, so the next ids are ours to take.
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM contacts").one()[0]
    ids = list(range(first, first + len(contacts)))
    if not contacts:
        return ids
    columns: list[tuple[str, str, Sequence[object] | None]] = [("id", "?", ids)]
    columns += [(column, *_literal(_cells_of(at, contacts))) for at, column in enumerate(COLUMNS)]
    columns.append(("name_key", "?", [name_key(c.name) for c in contacts]))
    columns.append(("created_at", "?", [stamp] * len(ids)))
    columns.append(("updated_at", "?", [stamp] * len(ids)))
    bound = [values for _, mark, values in columns if values is not None]
    conn.executemany(
        f"INSERT INTO contacts ({', '.join(c for c, _, _ in columns)}) "
        f"VALUES ({', '.join(mark for _, mark, _ in columns)})",
        zip(*bound, strict=True),
    )
    return ids


_GETTERS = [attrgetter(c) for c in COLUMNS]
_TUPLE_SET = frozenset(_TUPLE_AT)
_BOOL_SET = frozenset(_BOOL_AT)


def _cells_of(at: int, contacts: list[Contact]) -> list[Any]:
    """The cells of column ``COLUMNS[at]`` for *contacts*, as SQLite stores them: tuples
    ``;``-joined, booleans 0/1, ``extra`` as JSON text (``""`` when empty). The one home of
    that rule: :func:`to_db`, :func:`insert_contacts` and :func:`update_contacts` use it."""
    values: list[Any] = list(map(_GETTERS[at], contacts))
    if at in _TUPLE_SET:
        return list(map(";".join, values))
    if at in _BOOL_SET:
        return [v if v is None else int(v) for v in values]
    if at == _EXTRA_AT:
        return [_extra_json(v) if v else "" for v in values]
    return values


def _literal(values: list[Any]) -> tuple[str, list[Any] | None]:
    """How a column's cells are written: ``("?", values)`` bound, or a literal for all.

    Only the empty text and NULL are written as literals, when every cell is that.

    Examples
    --------
    >>> _literal(["", ""]), _literal([None, None]), _literal(["", None]), _literal(["", "x"])
    (("''", None), ('NULL', None), ('?', ['', None]), ('?', ['', 'x']))
    """
    first = values[0]
    if (first is None or (type(first) is str and first == "")) and values.count(first) == len(
        values
    ):
        return ("NULL" if first is None else "''"), None
    return "?", values


def update_contacts(conn: LockedConnection, contacts: list[Contact]) -> None:
    """Save changed contacts (by their ids) inside the caller's write transaction."""
    sets = ", ".join(f"{c} = ?" for c in COLUMNS)
    stamp = now()
    cells = zip(*(_cells_of(at, contacts) for at in range(len(COLUMNS))), strict=True)
    conn.executemany(
        f"UPDATE contacts SET {sets}, name_key = ?, updated_at = ? WHERE id = ?",
        [(*row, name_key(c.name), stamp, c.id) for row, c in zip(cells, contacts, strict=True)],
    )


def restore_rows(conn: LockedConnection, rows: list[dict[str, object]]) -> None:
    """Put back contacts saved by :func:`to_json`, under their old ids.

    A contact deleted since is added again; one still there (an import merged into it)
    gets its saved fields back in place, keeping its ties, log, keys, classification and
    key-contact place, and the day it was added. (``INSERT OR REPLACE`` would delete the
    row first, and the foreign keys' ``ON DELETE CASCADE`` would take all of those with it.)
    """
    stamp = now()
    updated = ", ".join(f"{c} = excluded.{c}" for c in (*COLUMNS, "name_key", "updated_at"))
    sql = (
        f"INSERT INTO contacts (id, {', '.join(_STAMPED)}) "
        f"VALUES ({', '.join('?' * (len(_STAMPED) + 1))}) "
        f"ON CONFLICT(id) DO UPDATE SET {updated}"
    )
    for row in rows:
        # rows saved before a column existed (an older undo entry) lack it: empty
        values = [row.get(c, "") for c in COLUMNS]
        conn.execute(sql, (row["id"], *values, name_key(str(row["name"])), stamp, stamp))


def record_keys(conn: LockedConnection, keys: dict[str, int]) -> None:
    """Remember which contact each identity key (e-mail, profile URL) belongs to."""
    conn.executemany(
        "INSERT OR IGNORE INTO contact_keys (key, contact_id) VALUES (?, ?)", keys.items()
    )
