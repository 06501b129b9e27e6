"""A share in plain words: what the person reads before anything is written.

The preview walks through the document field by field, the same fields the
file holds, so what the person agrees to is exactly what leaves their machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..export.text import long_date
from ..rules import as_date
from .offers import choice_text
from .schema import finding_titles

__all__ = ["preview_text", "value_text"]


def value_text(value: object) -> str:
    """A finding's shared value in a few characters.

    Examples
    --------
    >>> (
    ...     value_text(0.12345),
    ...     value_text(12),
    ...     value_text({"gave": 4, "give_share": 0.0909}),
    ...     value_text(None),
    ... )
    ('0.12', '12', 'gave 4, give share 0.09', 'not measured')
    """
    if value is None:
        return "not measured"
    if isinstance(value, Mapping):
        return ", ".join(f"{k.replace('_', ' ')} {value_text(v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _mix_text(mix: Mapping[str, float] | None) -> str:
    if not mix:
        return "not known"
    return ", ".join(f"{share:.0%} {kind}" for kind, share in mix.items())


def preview_text(share: Mapping[str, Any]) -> str:
    """What the share holds, in plain words, one line a field.

    Examples
    --------
    >>> text = preview_text(
    ...     {
    ...         "share_id": "0" * 32,
    ...         "date": "2026-11-30",
    ...         "career_stage": "",
    ...         "pseudonym": "",
    ...         "network": {"contacts": 3, "mix": {"personal": 1.0}, "target": None},
    ...         "findings": [],
    ...         "actions": ["give_first"],
    ...         "offers": [],
    ...         "asks": [],
    ...     }
    ... )
    >>> text.splitlines()[0]
    'Your share with your coach will hold exactly this, and nothing else:'
    >>> "Pseudonym: none" in text and "give first" in text
    True
    """
    network = share["network"]
    titles = finding_titles()
    lines = [
        "Your share with your coach will hold exactly this, and nothing else:",
        (
            f"- A random code, {share['share_id'][:8]}…, that pairs this share with the ones you "
            "write later; it says nothing about you."
        ),
        f"- The date: {long_date(as_date(share['date']))}.",
        f"- Your career stage: {share['career_stage'] or 'not given'}.",
        (
            f"- Pseudonym: {share['pseudonym']} (the coach may pair you with others by it)."
            if share["pseudonym"]
            else "- Pseudonym: none (the coach sees only the code above)."
        ),
        (
            f"- Your network: {network['contacts']} contacts; the mix of the three networks "
            f"{_mix_text(network['mix'])}; the target for your stage {_mix_text(network['target'])}."
        ),
        (
            f"- {len(share['findings'])} measures of your network, as numbers (their readings stay "
            "here, because they name people):"
        ),
    ]
    for f in share["findings"]:
        gap = f"a gap of severity {f['severity']:.2f}" if f["is_gap"] else "no gap"
        lines.append(f"    {titles.get(f['key'], f['key'])}: {value_text(f['value'])}; {gap}.")
    kinds = ", ".join(k.replace("_", " ") for k in share["actions"]) or "none yet"
    lines.append(f"- The kinds of action in your plan (not who they are with): {kinds}.")
    for side, field, label in (
        ("offer", "offers", "What you offer the room"),
        ("ask", "asks", "What you ask the room for"),
    ):
        chosen = share[field]
        if not chosen:
            lines.append(f"- {label}: nothing.")
            continue
        lines.append(f"- {label}:")
        lines += [f"    {choice_text(c, side)}" for c in chosen]
    lines.append(
        "Never in it: the names, organisations, roles, tags, notes or addresses of your "
        "contacts, nor your own name or organisation."
    )
    return "\n".join(lines)
