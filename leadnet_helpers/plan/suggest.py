"""Suggested actions: every gap answered by its templates, ranked by the gap's severity.

A template answering several gaps gives one action, for the most severe of
them; its score is that severity times the template's weight. The people an
action names are the people its findings name (:mod:`.people`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..rules import as_date
from .actions import Action, Who
from .people import people_for
from .templates import fill, join_names, load_templates, templates_for

__all__ = ["gaps_in_order", "suggest_actions"]


def _source_text(ref: str, data: Mapping[str, Any]) -> str:
    return data["sources"].get(ref, ref)


def _make_action(
    template: Mapping[str, Any],
    finding: Finding | None,
    people: list[Who],
    today: date,
    data: Mapping[str, Any],
    suffix: str = "",
    also_closes: Sequence[Finding] = (),
) -> Action:
    names = [p["name"] for p in people if p.get("name")]
    extra = len(names) - 1
    resource = next((p.get("resource") for p in people if p.get("resource")), "") or (
        "advice and information"
    )
    values = {
        "name": names[0] if names else "",
        "names": join_names(names),
        "others": (f" and {extra} other{'s' * (extra != 1)}" if extra > 0 else ""),
        "count_text": (
            f"all {len(names)} of them" if len(names) > 1 else (names[0] if names else "them")
        ),
        "with_name": f" with {names[0]}" if names else "",
        "beside_name": f" beside {names[0]}" if names else "",
        "pair_a": names[0] if names else "",
        "pair_b": names[1] if len(names) > 1 else "",
        "resource": resource,
        "reason": next((str(p["reason"]) for p in people if p.get("reason")), ""),
        "gap_title": finding.title if finding else "",
        "gap_reading": finding.reading if finding else "",
        "gap_principle": finding.principle if finding else "",
        "gap_source": finding.source if finding else "",
    }
    refs = [template["source"], *([template["also_source"]] if template.get("also_source") else [])]
    cites = [fill(_source_text(r, data), values).strip().rstrip(".") for r in refs]
    source = "; ".join(c for c in cites if c) + ("." if any(cites) else "")
    why = fill(template["why"], values)
    if finding is not None and template["id"] != "_default":
        also = [g.title for g in (also_closes or []) if g.key != finding.key]
        quoted = [f"'{t}'" for t in also]
        closes = f"Closes the gap '{finding.title}'" + (
            f" (and helps with {join_names(quoted)})" if also else ""
        )
        why = f"{closes}. {why}".strip()
    action_id = template["id"] + (f"-{suffix}" if suffix else "")
    return Action(
        id=action_id,
        title=fill(template["title"], values),
        why=why,
        gap_key=finding.key if finding else "",
        principle=fill(template["principle"], values),
        source=source,
        who=[{k: v for k, v in p.items() if k in ("contact_id", "name", "detail")} for p in people],
        first_step=fill(template["first_step"], values),
        due=today + timedelta(days=int(template["due_days"])),
        cadence=template.get("cadence", ""),
        success_measure=fill(template["success_measure"], values),
        template=template["id"],
    )


def _ident(people: list[Who], index: int) -> str:
    ids = [str(p["contact_id"]) for p in people if p.get("contact_id") is not None]
    if ids:
        return "-".join(ids)
    digest = hashlib.sha256("\x00".join(p.get("name", "") for p in people).encode())
    return f"n{index}-{digest.hexdigest()[:8]}"


def suggest_actions(
    findings: Iterable[Finding],
    today: date | datetime | str | None = None,
    *,
    templates: str | Path | Mapping[str, Any] | None = None,
) -> list[Action]:
    """Suggest actions for every gap, best first.

    Each finding that is a gap is answered by the templates that list its key
    (or its alias) in ``answers``; an unknown key gets the ``_default``
    template. A template answering several gaps gives one action, for the
    most severe of them. Named contacts are the people the findings name in
    the template's roles (:func:`~.people.people_for`). With no gap at all, a single
    "keep the habit" action is suggested.

    Parameters
    ----------
    findings : iterable of Finding
        The diagnostics' results (gaps and non-gaps).
    today : date, optional
        The plan's date (due dates count from it); defaults to today.
    templates : path or mapping, optional
        Other templates than ``data/action_templates.json``.

    Returns
    -------
    list of Action
        Sorted by score (the gap's severity times the template's weight).

    Examples
    --------
    >>> f = Finding(
    ...     "give_and_take",
    ...     "Give and take",
    ...     0.2,
    ...     "You ask more than you give.",
    ...     True,
    ...     0.7,
    ...     "Reciprocity.",
    ...     "Baker (2000)",
    ... )
    >>> [a.template for a in suggest_actions([f], today=date(2026, 1, 5))][:2]
    ['give_first', 'reallocate_time']
    """
    day = as_date(today)
    data = templates if isinstance(templates, Mapping) else load_templates(templates)
    items = list(findings)
    gaps = gaps_in_order(items)
    if not gaps:
        none = [t for t in data["templates"] if t["id"] == "_none"]
        return [_make_action(none[0], None, [], day, data)] if none else []
    by_key: dict[str, Finding] = {}
    for finding in gaps:
        by_key.setdefault(finding.key, finding)
        by_key.setdefault(data["aliases"].get(finding.key, finding.key), finding)
    actions: list[Action] = []
    used: set[str] = set()
    for finding in gaps:
        for template in templates_for(finding.key, data):
            tid = template["id"]
            if tid in used and tid != "_default":
                continue
            # The template's home gap is the first key it answers that is a gap here
            # (reconnecting answers keep_warm first, and reads its losing-touch list).
            home = next((by_key[k] for k in template["answers"] if k in by_key), finding)
            closes = list(
                {id(by_key[k]): by_key[k] for k in template["answers"] if k in by_key}.values()
            )
            groups = people_for(template, home, data, items)
            if not groups and template.get("needs_who"):
                continue
            used.add(tid)
            limit = int(template.get("max_who", 3))
            weight = float(template.get("weight", 1.0))
            # Rank by the worst gap it closes, with a little credit for each other one.
            worst = max([g.severity for g in closes] or [finding.severity])
            base = min(1.0, max(worst, 0.01) * weight + 0.05 * max(0, len(closes) - 1))
            if template.get("split") == "each":
                for i, people in enumerate(groups[: max(limit, 1)]):
                    action = _make_action(
                        template, home, people, day, data, _ident(people, i), closes
                    )
                    action.score = round(base * 0.9**i, 4)
                    actions.append(action)
            else:
                people = [p for group in groups[:limit] for p in group] if limit else []
                suffix = finding.key if tid == "_default" else ""
                action = _make_action(template, home, people, day, data, suffix, closes)
                action.score = round(base, 4)
                actions.append(action)
    actions.sort(key=lambda a: -a.score)
    return actions


def gaps_in_order(findings: Iterable[Finding]) -> list[Finding]:
    """Gaps, most severe first; strategic under-use leads (Ibarra & Hunter's main finding)."""
    return sorted(
        (f for f in findings if f.is_gap),
        key=lambda f: (not (f.details or {}).get("strategic_underuse"), -f.severity),
    )
