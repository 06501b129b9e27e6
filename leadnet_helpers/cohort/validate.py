"""Reading a folder of shares: each file checked against the share format, problems named.

A coach receives files by e-mail, chat or a shared drive, so anything can
arrive: a file cut short, a hand-edited one, one from a newer LeadNet, the
same share twice. Every file is read and checked field by field against
:mod:`leadnet_helpers.share.schema` (nothing beyond the format, the right
types, values in range); a file that fails is reported with its name and the
reason, never skipped silently. The same share id with the same date is one
share, counted once however many copies arrive.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import LeadNetError
from ..rules import parse_date
from ..share.offers import load_choices
from ..share.schema import (
    CHOICE_FIELDS,
    FIELDS,
    FINDING_FIELDS,
    MIX_KEYS,
    NETWORK_FIELDS,
    NUMBER_KEY,
    PSEUDONYM_MAX,
    SCHEMA,
    SHARE_ID,
    VERSION,
    action_kinds,
    finding_titles,
    stages,
)

__all__ = ["FileProblem", "Loaded", "load_shares", "share_problem"]

#: No share comes near this size; anything larger is refused unread.
MAX_BYTES = 256_000
#: The most contacts a share may report.
MAX_CONTACTS = 1_000_000


class _Bad(Exception):
    """One reason a share is not valid (internal)."""


@dataclass(frozen=True)
class FileProblem:
    """A file that was not counted (or counted once for several), and why."""

    file: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "reason": self.reason}


@dataclass
class Loaded:
    """What a folder of shares held: the valid shares, and every file that was not counted.

    Attributes
    ----------
    shares : list of (file name, share)
        The valid shares, one per share id and date, in file-name order.
    problems : list of FileProblem
        Files refused, with the reason.
    duplicates : list of FileProblem
        Files holding a share already counted (same share id and date).
    """

    shares: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    duplicates: list[FileProblem] = field(default_factory=list)


def _is_number(value: object) -> bool:
    return (
        not isinstance(value, bool)
        and isinstance(value, (int, float))
        and math.isfinite(float(value))
    )


def _exact_fields(obj: object, expected: tuple[str, ...], where: str) -> Mapping[str, Any]:
    if not isinstance(obj, Mapping):
        raise _Bad(f"{where} should be an object")
    extra = [k for k in obj if k not in expected]
    if extra:
        raise _Bad(f"{where} holds a field the share format does not have: '{extra[0]}'")
    missing = [k for k in expected if k not in obj]
    if missing:
        raise _Bad(f"{where} lacks the field '{missing[0]}'")
    return obj


def _text(value: object, where: str, limit: int) -> str:
    if not isinstance(value, str):
        raise _Bad(f"{where} should be text")
    if len(value) > limit:
        raise _Bad(f"{where} is longer than {limit} characters")
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in value):
        raise _Bad(f"{where} holds a control character")
    return value


def _share_of(value: object, where: str) -> float:
    if not _is_number(value) or not 0 <= float(value) <= 1:  # type: ignore[arg-type]
        raise _Bad(f"{where} should be a number from 0 to 1")
    return float(value)  # type: ignore[arg-type]


def _mix(value: object, where: str, *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, Mapping):
        raise _Bad(f"{where} should be an object of shares")
    for kind, share in value.items():
        if kind not in MIX_KEYS:
            raise _Bad(f"{where} holds '{kind}', which is not one of the three networks")
        _share_of(share, f"{where}.{kind}")


def _finding_value(value: object, where: str) -> None:
    if value is None or _is_number(value):
        return
    if not isinstance(value, Mapping):
        raise _Bad(f"{where} should be a number, an object of numbers or null")
    for key, number in value.items():
        if not NUMBER_KEY.fullmatch(key):
            raise _Bad(f"{where} holds a key that is not a measure's name")
        if number is not None and not _is_number(number):
            raise _Bad(f"{where}.{key} should be a number or null")


def _choices(value: object, where: str) -> None:
    rules = load_choices()
    kinds = {k["id"] for k in rules["kinds"]}
    areas = {a["id"] for a in rules["areas"]}
    if not isinstance(value, list):
        raise _Bad(f"{where} should be a list")
    if len(value) > int(rules["max_choices"]):
        raise _Bad(f"{where} holds more than {rules['max_choices']} choices")
    for i, item in enumerate(value):
        here = f"{where}[{i}]"
        c = _exact_fields(item, CHOICE_FIELDS, here)
        if c["kind"] not in kinds:
            raise _Bad(f"{here}.kind is not a kind of the list")
        if c["area"] != "" and c["area"] not in areas:
            raise _Bad(f"{here}.area is not an area of the list")
        _text(c["phrase"], f"{here}.phrase", int(rules["phrase_max_chars"]))


def share_problem(data: object) -> str | None:
    """Why *data* (a parsed share file) is not a valid share, or None when it is.

    Examples
    --------
    >>> share_problem({"schema": "leadnet-share", "version": 9})
    'it is share format version 9; this LeadNet reads version 1 (update LeadNet to read it)'
    >>> share_problem([1, 2])
    'it is not a LeadNet share (a list, not an object)'
    """
    try:
        _check(data)
    except _Bad as bad:
        return str(bad)
    return None


def _check(data: object) -> None:
    if not isinstance(data, Mapping):
        raise _Bad(f"it is not a LeadNet share (a {type(data).__name__}, not an object)")
    if data.get("schema") != SCHEMA:
        raise _Bad("it is not a LeadNet share (its 'schema' is not 'leadnet-share')")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _Bad("its 'version' should be a whole number")
    if version != VERSION:
        hint = "update LeadNet to read it" if version > VERSION else "ask for a new share"
        raise _Bad(
            f"it is share format version {version}; this LeadNet reads version {VERSION} ({hint})"
        )
    _exact_fields(data, FIELDS, "the share")
    if not isinstance(data["share_id"], str) or not SHARE_ID.fullmatch(data["share_id"]):
        raise _Bad("its 'share_id' should be 32 hexadecimal digits")
    try:
        if not isinstance(data["date"], str):
            raise LeadNetError("not text")
        parse_date(data["date"], formats=())
    except LeadNetError:
        raise _Bad("its 'date' should be a date like 2026-11-30") from None
    if data["career_stage"] not in stages():
        raise _Bad("its 'career_stage' is not one of the workbook's career stages")
    _text(data["pseudonym"], "its 'pseudonym'", PSEUDONYM_MAX)
    network = _exact_fields(data["network"], NETWORK_FIELDS, "its 'network'")
    contacts = network["contacts"]
    if not isinstance(contacts, int) or isinstance(contacts, bool):
        raise _Bad("network.contacts should be a whole number")
    if not 0 <= contacts <= MAX_CONTACTS:
        raise _Bad("network.contacts is out of range")
    _mix(network["mix"], "network.mix", optional=False)
    _mix(network["target"], "network.target", optional=True)
    if not isinstance(data["findings"], list):
        raise _Bad("its 'findings' should be a list")
    seen: set[str] = set()
    for i, item in enumerate(data["findings"]):
        f = _exact_fields(item, FINDING_FIELDS, f"findings[{i}]")
        if f["key"] not in finding_titles() or f["key"] in seen:
            raise _Bad(f"findings[{i}].key is not a measure of the workbook, or comes twice")
        seen.add(f["key"])
        _finding_value(f["value"], f"findings[{i}].value")
        _share_of(f["severity"], f"findings[{i}].severity")
        if not isinstance(f["is_gap"], bool):
            raise _Bad(f"findings[{i}].is_gap should be true or false")
    actions = data["actions"]
    if not isinstance(actions, list) or len(set(map(str, actions))) != len(actions):
        raise _Bad("its 'actions' should be a list of different kinds of action")
    for kind in actions:
        if kind not in action_kinds():
            raise _Bad("its 'actions' holds a kind of action the workbook does not have")
    _choices(data["offers"], "offers")
    _choices(data["asks"], "asks")


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _read(path: Path) -> dict[str, Any]:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _Bad(f"it is {size:,} bytes, far larger than any share")
    raw = path.read_bytes()
    if not raw.strip():
        raise _Bad("it is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Bad("it is not UTF-8 text") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except ValueError as err:
        if isinstance(err, json.JSONDecodeError):
            cut = err.pos >= len(text.rstrip()) or (
                err.msg.startswith("Unterminated string") and '"' not in text[err.pos + 1 :]
            )
            detail = f"line {err.lineno}, column {err.colno}: {err.msg}"
            if cut:
                raise _Bad(f"it is cut short (the JSON ends early, {detail})") from None
            raise _Bad(f"it is not valid JSON ({detail})") from None
        raise _Bad(f"it is not valid JSON ({err})") from None
    _check(data)
    return data


def load_shares(folder: str | Path) -> Loaded:
    """Read every ``*.json`` file in *folder* (not its subfolders), in name order.

    Raises
    ------
    LeadNetError
        When *folder* is not a folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "broken.json").write_text('{"schema": "leadnet-share"', encoding="utf-8")
    >>> [p.as_dict() for p in load_shares(d).problems]  # doctest: +NORMALIZE_WHITESPACE
    [{'file': 'broken.json', 'reason': "it is cut short (the JSON ends early, line 1, column 27:
      Expecting ',' delimiter)"}]
    """
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise LeadNetError(
            f"'{root}' is not a folder",
            fix="Give the folder holding the participants' share files (*.json).",
        )
    loaded = Loaded()
    first: dict[tuple[str, str], str] = {}
    for path in sorted(p for p in root.iterdir() if p.suffix.lower() == ".json"):
        if not path.is_file():
            continue
        try:
            share = _read(path)
        except _Bad as bad:
            loaded.problems.append(FileProblem(path.name, str(bad)))
            continue
        except OSError as err:
            reason = f"it cannot be read ({err.strerror or type(err).__name__})"
            loaded.problems.append(FileProblem(path.name, reason))
            continue
        key = (share["share_id"], share["date"])
        if key in first:
            reason = f"the same share (share id and date) as {first[key]}; counted once"
            loaded.duplicates.append(FileProblem(path.name, reason))
            continue
        first[key] = path.name
        loaded.shares.append((path.name, share))
    return loaded
