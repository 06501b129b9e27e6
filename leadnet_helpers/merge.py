"""How the records of one file join the contacts already in the workspace.

Pure functions: given the parsed file and what the workspace already holds,
decide for every record whether it is *imported* (a new contact), *merged*
(into a contact that shares an e-mail address, a LinkedIn profile, or is the
very same record imported before) or *rejected* (with the reason). Records
that only share a name with someone are imported and listed as *possible
duplicates* for the person to decide: they are never merged silently.

The result always balances: ``imported + merged + rejected == records``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from operator import attrgetter, is_
from typing import TYPE_CHECKING, Any

from .model import CONTACT_FIELDS, Contact, name_key

if TYPE_CHECKING:  # the importers are loaded only when a file is imported
    from .importers.base import ParsedFile

__all__ = [
    "ImportEvent",
    "ImportPlan",
    "ImportReport",
    "contact_keys",
    "fingerprint",
    "merge_contacts",
    "plan_import",
]


@dataclass(frozen=True, slots=True)
class ImportEvent:
    """What happened to one record: imported, merged, rejected, or a note on it."""

    line: int
    outcome: str  # imported | merged | rejected | possible duplicate | warning
    name: str
    detail: str = ""


@dataclass(slots=True)
class ImportReport:
    """The account of one imported file, shown to the person as a table.

    Examples
    --------
    >>> r = ImportReport(
    ...     file="c.csv", format_label="LinkedIn", records=3, imported=2, merged=1, rejected=0
    ... )
    >>> r.summary()
    'c.csv (LinkedIn): 3 records: 2 imported, 1 merged, 0 rejected.'
    """

    file: str
    format_label: str
    records: int
    imported: int = 0
    merged: int = 0
    rejected: int = 0
    encoding: str = "utf-8"
    events: list[ImportEvent] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    new_ids: list[int] = field(default_factory=list)

    #: records imported that share only a name with another contact (see possible_duplicates)
    duplicate_records: int = 0

    @property
    def possible_duplicates(self) -> list[ImportEvent]:
        """One entry per shared name: how many records have it, a few lines and names.

        The entries stay few and short however many records share a name
        (never one per pair of records).
        """
        return [e for e in self.events if e.outcome == "possible duplicate"]

    @property
    def ok(self) -> bool:
        """True when at least one record was imported or merged."""
        return self.imported + self.merged > 0

    def summary(self) -> str:
        """One line: the file, its format and the counts."""
        text = (
            f"{self.file} ({self.format_label}): {self.records} records: "
            f"{self.imported} imported, {self.merged} merged, {self.rejected} rejected."
        )
        if self.duplicate_records:
            groups = len(self.possible_duplicates)
            text += (
                f" {self.duplicate_records} possible duplicates to review "
                f"({groups:,} name{'s' if groups > 1 else ''})."
            )
        return text

    def rows(self) -> list[dict[str, object]]:
        """The events as table rows (file, line, outcome, name, detail)."""
        return [
            {
                "file": self.file,
                "line": e.line,
                "outcome": e.outcome,
                "name": e.name,
                "detail": e.detail,
            }
            for e in self.events
        ]


#: Fields a record's fingerprint covers only when filled, so that records stored before
#: these fields existed keep their fingerprints (re-importing them still adds nothing).
_LATER_FIELDS = ("helps_with", "energy")
_IDENTITY = tuple(f for f in CONTACT_FIELDS if f not in ("source", *_LATER_FIELDS))
_later = attrgetter(*_LATER_FIELDS)
# The identity is (name, organisation, role, <the middle fields>, email, linkedin_url,
# phone). An export fills the outer ones and nearly always leaves the middle ones at
# their defaults, whose text is then known: the very objects '', None and () (CPython
# keeps one of each; any other object, even an equal one, has its repr taken).
_HEAD, _TAIL = _IDENTITY[:3], _IDENTITY[-3:]
assert _HEAD == ("name", "organisation", "role") and _TAIL == ("email", "linkedin_url", "phone")
_head, _tail = attrgetter(*_HEAD), attrgetter(*_TAIL)
_middle = attrgetter(*_IDENTITY[3:-3])
_DEFAULT_MIDDLE = _middle(Contact(""))
_DEFAULT_MIDDLE_TEXT = repr(_DEFAULT_MIDDLE)[1:-1]
#: ``repr((identity, sorted(extra.items())))`` with the middle fields' text as one %s.
_TEXT = "((%r, %r, %r, %s, %r, %r, %r), %r)"


def fingerprint(contact: Contact) -> str:
    """Return a stable hash of what a record says (its source aside).

    The same record imported twice has the same fingerprint, so it adds nothing.
    It hashes ``repr((identity, sorted(extra.items())))`` (then the later fields'
    repr when one is filled), *identity* being the tuple of every field but
    ``source``, ``emails``, ``extra`` and the later fields: stored keys depend
    on this text, so it must never change.

    Examples
    --------
    >>> fingerprint(Contact("Ada")) == fingerprint(Contact("Ada", source="x"))
    True
    >>> fingerprint(Contact("Ada")) == fingerprint(Contact("Ada", role="Nurse"))
    False
    >>> fingerprint(Contact("Ada")) == fingerprint(Contact("Ada", energy="drains"))
    False
    """
    middle = _middle(contact)
    known = all(map(is_, middle, _DEFAULT_MIDDLE))
    text = _DEFAULT_MIDDLE_TEXT if known else repr(middle)[1:-1]
    text = _TEXT % (*_head(contact), text, *_tail(contact), sorted(contact.extra.items()))
    later = _later(contact)
    if any(later):
        text += repr(later)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def contact_keys(contact: Contact) -> list[str]:
    """Return the keys that identify a contact for merging (e-mails, LinkedIn URL).

    Examples
    --------
    >>> contact_keys(Contact("Ada", email="ada@x.org", emails=("ada@x.org", "a@y.org")))
    ['email:ada@x.org', 'email:a@y.org']
    """
    email, emails = contact.email, contact.emails
    if emails:
        keys = [f"email:{e}" for e in dict.fromkeys((email, *emails)) if e]
    else:
        keys = [f"email:{email}"] if email else []
    if contact.linkedin_url:
        keys.append(f"linkedin:{contact.linkedin_url}")
    return keys


def merge_contacts(base: Contact, incoming: Contact) -> Contact:
    """Fill what *base* lacks from *incoming*; never overwrite what base has.

    Tags and e-mail addresses are united; extra columns are added when new.

    Examples
    --------
    >>> a = Contact("Ada", role="Nurse", tags=("work",))
    >>> b = Contact("Ada B.", role="Matron", organisation="Riverside", tags=("alumni",))
    >>> m = merge_contacts(a, b)
    >>> m.name, m.role, m.organisation, m.tags
    ('Ada', 'Nurse', 'Riverside', ('work', 'alumni'))
    """
    changes: dict[str, Any] = {}  # field name -> value of that field's type
    for name in CONTACT_FIELDS:
        if name in ("tags", "source"):
            continue
        mine, theirs = getattr(base, name), getattr(incoming, name)
        if mine in ("", None, ()) and theirs not in ("", None, ()):
            changes[name] = theirs
    changes["tags"] = tuple(dict.fromkeys((*base.tags, *incoming.tags)))
    changes["emails"] = tuple(e for e in dict.fromkeys((*base.emails, *incoming.emails)) if e)
    extra = dict(incoming.extra)
    extra.update(base.extra)
    changes["extra"] = extra
    return replace(base, **changes)


@dataclass(slots=True)
class ImportPlan:
    """What saving a file will do: new contacts, merges, and the report."""

    report: ImportReport
    #: new contacts in file order, each with its local index
    new: list[Contact] = field(default_factory=list)
    #: merges into contacts already in the workspace: id -> merged contact
    updates: dict[int, Contact] = field(default_factory=dict)
    #: keys to record: key -> ("new", index) or ("id", contact id)
    keys: dict[str, tuple[str, int]] = field(default_factory=dict)


def plan_import(
    parsed: ParsedFile,
    known_keys: Mapping[str, int],
    known_names: Mapping[str, list[str]],
    load: Callable[[int], Contact],
) -> ImportPlan:
    """Decide, record by record, how *parsed* joins the workspace.

    Parameters
    ----------
    parsed : ParsedFile
        The file, as an importer read it.
    known_keys : mapping
        Keys already in the workspace (``email:...``, ``linkedin:...``,
        ``fp:...``) to the contact id holding them.
    known_names : mapping
        :func:`~leadnet_helpers.model.name_key` to the names of the contacts
        in the workspace that have it.
    load : callable
        Returns the stored contact for an id (called only for merges).

    Returns
    -------
    ImportPlan
    """
    report = ImportReport(
        file=parsed.file,
        format_label=parsed.format_label,
        records=len(parsed.records),
        encoding=parsed.encoding,
        unknown_columns=list(parsed.unknown_columns),
    )
    plan = ImportPlan(report=report)
    events = report.events
    file_keys: dict[str, tuple[str, int]] = {}
    groups: dict[str, _NameGroup] = {}
    new_lines: list[int] = []
    for record in parsed.records:
        contact = record.contact
        if contact is None:
            report.rejected += 1
            events.append(ImportEvent(record.line, "rejected", "", record.problem))
            continue
        for warning in record.warnings:
            events.append(ImportEvent(record.line, "warning", contact.name, warning))
        fp = f"fp:{fingerprint(contact)}"
        keys = contact_keys(contact)
        target, why = _find_target(fp, keys, known_keys, file_keys, new_lines)
        if target is None:
            index = len(plan.new)
            plan.new.append(contact)
            new_lines.append(record.line)
            report.imported += 1
            events.append(ImportEvent(record.line, "imported", contact.name))
            nk = name_key(contact.name)
            group = groups.get(nk)
            if group is None:
                group = groups[nk] = _NameGroup(contact.name, len(known_names.get(nk, ())))
            if group.add(record.line, contact.name):
                if group.event < 0:
                    group.event = len(events)
                    events.append(ImportEvent(record.line, "possible duplicate", contact.name))
                report.duplicate_records += 1
            target = ("new", index)
        else:
            report.merged += 1
            events.append(ImportEvent(record.line, "merged", contact.name, why))
            if fp not in known_keys:  # the very same record adds nothing new
                _apply_merge(plan, target, contact, load)
        for key in (fp, *keys):
            file_keys.setdefault(key, target)
    for nk, group in groups.items():
        if group.event >= 0:
            first = events[group.event]
            names = list(dict.fromkeys(known_names[nk][:100]))[:_EXAMPLES] if group.known else []
            events[group.event] = ImportEvent(
                first.line, first.outcome, first.name, group.detail(names)
            )
    plan.keys = {k: v for k, v in file_keys.items() if k not in known_keys}
    return plan


#: How many lines and names a possible-duplicate entry quotes; the rest are counted.
_EXAMPLES = 5


@dataclass(slots=True)
class _NameGroup:
    """The records of one file sharing a name key: one report entry, whatever their number."""

    name: str
    known: int  # contacts with this name already in the workspace
    count: int = 0  # records of this file with the name
    lines: list[int] = field(default_factory=list)  # the first few of them
    event: int = -1  # index of the group's entry in the events, once it has one

    def add(self, line: int, name: str) -> bool:
        """Count one more record; True when the name is now shared (a possible duplicate)."""
        self.count += 1
        if len(self.lines) < _EXAMPLES:
            self.lines.append(line)
        return self.known > 0 or self.count > 1

    def detail(self, examples: list[str]) -> str:
        lines = ", ".join(str(n) for n in self.lines)
        if self.count > len(self.lines):
            lines += f" and {self.count - len(self.lines):,} more"
        text = (
            f"{self.count:,} records of this file have this name (lines {lines})"
            if self.count > 1
            else f"line {self.lines[0]} has this name"
        )
        if self.known:
            names = ", ".join(examples)  # distinct names, at most a few
            if self.known > len(examples):
                names = f"among them {names}"
            text += (
                f"; {self.known:,} contact{'s' if self.known > 1 else ''} already in your "
                f"workspace too ({names})"
            )
        return text + "; not merged: check and delete the extra ones if they are the same person"


def _find_target(fp, keys, known_keys, file_keys, new_lines):
    if fp in known_keys:
        return ("id", known_keys[fp]), "the same record is already in your workspace"
    if fp in file_keys:
        where = file_keys[fp]
        return where, _describe(where, new_lines, "the same record as")
    for key in keys:
        if key in known_keys:
            label = _label(key)
            return ("id", known_keys[key]), f"same {label} as a contact already in your workspace"
        if key in file_keys:
            return file_keys[key], _describe(file_keys[key], new_lines, f"same {_label(key)} as")
    return None, ""


def _label(key: str) -> str:
    return "e-mail address" if key.startswith("email:") else "LinkedIn profile"


def _describe(target, new_lines, prefix):
    kind, value = target
    if kind == "new":
        return f"{prefix} line {new_lines[value]} of this file"
    return f"{prefix} a contact already in your workspace"


def _apply_merge(plan: ImportPlan, target, contact: Contact, load) -> None:
    kind, value = target
    if kind == "new":
        plan.new[value] = merge_contacts(plan.new[value], contact)
    else:
        base = plan.updates.get(value) or load(value)
        plan.updates[value] = merge_contacts(base, contact)
