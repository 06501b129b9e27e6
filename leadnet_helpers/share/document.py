"""Building a share from the analysis and the plan, field by field, and writing it.

A share holds numbers and categories only. It is built from
:func:`~leadnet_helpers.analysis.analysis_of` and the person's plan, never from
the contacts: each field of :data:`.schema.FIELDS` is filled on purpose
(no object is dumped whole), finding readings are left out because they name
people, and the only free text, the pseudonym and the phrases of the offers
and asks, is checked against every name in the workspace before it is kept.

Examples
--------
>>> import tempfile, pathlib
>>> from leadnet_helpers.model import Contact, Profile
>>> from leadnet_helpers.store import Workspace
>>> ws = Workspace.create(
...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite",
...     Profile(name="Ana Lima", organisation="Contoso", career_stage="functional manager"),
... )
>>> _ = ws.add_contact(Contact(name="Bo Chen", organisation="Fabrikam", relationship="my manager"))
>>> share = build_share(ws, "2026-11-30", offers=[Choice("feedback")])
>>> share["schema"], share["career_stage"], share["network"]["contacts"], share["offers"][0]["kind"]
('leadnet-share', 'functional manager', 1, 'feedback')
>>> "Bo Chen" in share_json(share) or "Contoso" in share_json(share)
False
>>> ws.close()
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LeadNetError
from ..rules import as_date
from .offers import Choice, load_choices
from .privacy import Names, private_names
from .schema import (
    CUSTOM_ACTION,
    FIELDS,
    MIX_KEYS,
    NUMBER_KEY,
    PSEUDONYM_MAX,
    SCHEMA,
    VERSION,
    action_kinds,
    finding_titles,
    stages,
)

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..plan import Plan
    from ..store import Workspace

__all__ = [
    "build_share",
    "check_choices",
    "check_pseudonym",
    "check_target",
    "share_json",
    "write_share",
]

Share = dict[str, Any]


def _number(value: object) -> float | int | None:
    """A finite number rounded for sharing, else None (never NaN, never text)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, int):
        return value
    return round(value, 4) if math.isfinite(value) else None


def _finding_value(value: object) -> float | int | dict[str, float | int | None] | None:
    """A finding's value, kept only when it is a number or a mapping of named numbers."""
    if isinstance(value, Mapping):
        return {
            str(k): _number(v)
            for k, v in value.items()
            if isinstance(k, str) and NUMBER_KEY.fullmatch(k)
        }
    return _number(value)


def _mix(value: object) -> dict[str, float]:
    if not isinstance(value, Mapping):
        return {}
    out = {}
    for kind in MIX_KEYS:
        share = _number(value.get(kind))
        if share is not None:
            out[kind] = float(min(1.0, max(0.0, share)))
    return out


def check_pseudonym(pseudonym: str, names: Names) -> str:
    """The pseudonym, trimmed, or a clear refusal (too long, a line break, a real name).

    Examples
    --------
    >>> check_pseudonym("  Heron ", Names(["Ana Lima"]))
    'Heron'
    >>> check_pseudonym("Ana", Names(["Ana Lima"]))
    Traceback (most recent call last):
    ...
    leadnet_helpers.errors.LeadNetError: The pseudonym 'Ana' contains a name from your workspace (1 match), and names never leave your machine. Reword the pseudonym without names of people or organisations.
    """
    text = " ".join(pseudonym.split())
    if len(text) > PSEUDONYM_MAX:
        raise LeadNetError(
            f"the pseudonym is {len(text)} characters long",
            fix=f"Choose one of at most {PSEUDONYM_MAX} characters, e.g. a bird or a city.",
        )
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in text):
        raise LeadNetError("the pseudonym holds a control character", fix="Type plain words.")
    names.check(text, "pseudonym")
    return text


def check_choices(choices: Iterable[Choice], side: str, names: Names) -> list[Choice]:
    """At most three offers (or asks), each phrase free of names; duplicates dropped."""
    kept: list[Choice] = []
    for c in choices:
        names.check(c.phrase, f"{side} phrase")
        if c not in kept:
            kept.append(c)
    limit = int(load_choices()["max_choices"])
    if len(kept) > limit:
        raise LeadNetError(
            f"{len(kept)} {side}s were chosen",
            fix=f"Keep the {limit} that matter most to you.",
        )
    return kept


def _action_kinds(plan: Plan) -> list[str]:
    known = set(action_kinds())
    kinds = set()
    for action in plan.actions:
        kind = CUSTOM_ACTION if action.custom or not action.template else action.template
        kinds.add(kind if kind in known else CUSTOM_ACTION)
    return sorted(kinds)


def _plan_of(ws: Workspace, analysis: Analysis) -> Plan:
    from ..plan import build_plan, plan_from_dict

    saved = ws.latest_plan()
    return plan_from_dict(saved) if saved is not None else build_plan(analysis)


def build_share(
    ws: Workspace,
    today: date | str | None = None,
    *,
    pseudonym: str | None = None,
    offers: Sequence[Choice] | None = None,
    asks: Sequence[Choice] | None = None,
) -> Share:
    """The share of *ws*: numbers and categories only, built field by field.

    Parameters
    ----------
    ws : Workspace
        The person's workspace (its share id is made and saved the first time).
    today : date, optional
        The share's date (default: today).
    pseudonym, offers, asks : optional
        What to share besides the numbers; ``None`` keeps what the workspace
        saved last (:meth:`~leadnet_helpers.store.Workspace.share_settings`).

    Returns
    -------
    dict
        The document, with exactly the fields of :data:`.schema.FIELDS`.

    Raises
    ------
    LeadNetError
        When the pseudonym or a phrase contains a name, or too many offers or
        asks are given.
    """
    from ..analysis import analysis_of

    day = as_date(today)
    analysis = analysis_of(ws, day)
    names = private_names(analysis.profile, ws.contacts())
    saved = ws.share_settings() or {}
    if pseudonym is None:
        pseudonym = str(saved.get("pseudonym", ""))
    if offers is None:
        offers = [Choice(**c) for c in saved.get("offers", [])]
    if asks is None:
        asks = [Choice(**c) for c in saved.get("asks", [])]
    kept_offers = check_choices(offers, "offer", names)
    kept_asks = check_choices(asks, "ask", names)
    stage = analysis.profile.career_stage if analysis.profile.career_stage in stages() else ""
    balance = analysis.finding("balance")
    known = finding_titles()
    share: Share = {
        "schema": SCHEMA,
        "version": VERSION,
        "share_id": ws.share_id(),
        "date": day.isoformat(),
        "career_stage": stage,
        "pseudonym": check_pseudonym(pseudonym, names),
        "network": {
            "contacts": int(analysis.network.size),
            "mix": _mix(balance.value if balance else None),
            "target": _mix(balance.details.get("target") if balance else None) or None,
        },
        "findings": [
            {
                "key": f.key,
                "value": _finding_value(f.value),
                "severity": float(min(1.0, max(0.0, _number(f.severity) or 0.0))),
                "is_gap": bool(f.is_gap),
            }
            for f in analysis.findings
            if f.key in known
        ],
        "actions": _action_kinds(_plan_of(ws, analysis)),
        "offers": [c.as_dict() for c in kept_offers],
        "asks": [c.as_dict() for c in kept_asks],
    }
    assert tuple(share) == FIELDS
    return share


def share_json(share: Share) -> str:
    """The share as the text of its file (UTF-8 JSON, two-space indent, no NaN)."""
    return json.dumps(share, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def check_target(path: str | Path, *, force: bool = False, day: str = "") -> None:
    """Refuse a share file name that is a folder, or an existing file unless *force*.

    Checked before the share is built, so nothing is previewed for nothing.

    Raises
    ------
    LeadNetError
        With the fix: another name (dated, so then and now pair up) or ``--force``.
    """
    target = Path(path)
    if target.is_dir():
        raise LeadNetError(
            f"'{target}' is a folder, not a file",
            fix=f"Give a file name, e.g. {target / 'my-share.json'}.",
        )
    if target.exists() and not force:
        suggestion = f"{target.stem}-{day or 'later'}{target.suffix or '.json'}"
        raise LeadNetError(
            f"'{target}' already exists, so the share was not written",
            fix=f"Give another name (e.g. {suggestion}; the coach pairs your shares by their "
            "code, whatever the file is called), or add --force to replace it.",
        )


def write_share(share: Share, path: str | Path, *, force: bool = False) -> Path:
    """Write *share* to *path* (whole or not at all); refuse to replace a file unless *force*.

    Raises
    ------
    LeadNetError
        When *path* exists and *force* is false, or is a folder.
    """
    from ..export import atomic_write_text

    target = Path(path)
    check_target(target, force=force, day=str(share["date"]))
    return atomic_write_text(target, share_json(share))
