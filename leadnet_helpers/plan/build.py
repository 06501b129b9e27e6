"""The month's plan: a few actions for the worst gaps, the rest in a backlog.

The most severe gap gets its best action first, then the next gap, and so
on; any slots left go to the best remaining suggestions. Five by default:
what a busy person can do in a month (Ibarra & Hunter: networking takes time
taken from elsewhere, so a few deliberate moves beat a long list).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..analysis import Analysis
from ..errors import LeadNetError
from ..findings import Finding
from ..rules import as_date
from .actions import BACKLOG_DELAY, MAX_WEEKLY, Action, Plan
from .suggest import gaps_in_order, suggest_actions

__all__ = ["build_plan"]


def _summary(finding: Finding) -> dict[str, Any]:
    value = finding.value
    if not (isinstance(value, (int, float)) and not isinstance(value, bool)) and not (
        isinstance(value, Mapping)
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values())
    ):
        value = None
    summary = {
        "key": finding.key,
        "title": finding.title,
        "reading": finding.reading,
        "severity": finding.severity_label,
        "score": float(finding.severity),
        "is_gap": bool(finding.is_gap),
        "principle": finding.principle,
        "source": finding.source,
        "value": dict(value) if isinstance(value, Mapping) else value,
    }
    target = (finding.details or {}).get("target")
    if (
        isinstance(target, Mapping)
        and target
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in target.values())
    ):
        summary["target"] = dict(target)
    return summary


def build_plan(
    findings: Analysis | Iterable[Finding],
    today: date | datetime | str | None = None,
    limit: int = 5,
    *,
    person: str | None = None,
    templates: str | Path | Mapping[str, Any] | None = None,
) -> Plan:
    """Build the month's plan: a few actions for the worst gaps, the rest in a backlog.

    The most severe gap gets its best action first, then the next gap, and so
    on; any slots left go to the best remaining suggestions. At most
    :data:`MAX_WEEKLY` weekly actions go into one month. Backlog actions are
    dated a month later (:data:`BACKLOG_DELAY` days).

    Parameters
    ----------
    findings : Analysis or iterable of Finding
        The analysis of a workspace (its findings, day and person), or the
        diagnostics' results alone.
    today : date, optional
        The plan's date; defaults to the analysis's day, else today.
    limit : int
        How many actions go into the month (default 5).
    person : str, optional
        Whose plan it is (defaults to the analysis's person).
    templates : path or mapping, optional
        Other templates than the shipped ones.

    Returns
    -------
    Plan

    Examples
    --------
    >>> fs = [
    ...     Finding("balance", "Balance", None, "Few strategic contacts.", True, 0.8, "p", "s"),
    ...     Finding("give_and_take", "Give and take", None, "You ask more.", True, 0.5, "p", "s"),
    ... ]
    >>> plan = build_plan(fs, today=date(2026, 1, 5), limit=2, person="Ana")
    >>> [a.gap_key for a in plan.actions], len(plan.backlog) > 0
    (['balance', 'give_and_take'], True)
    """
    if limit < 0:
        raise LeadNetError("the number of actions a month cannot be negative")
    analysis: Analysis | None
    if isinstance(findings, Analysis):
        analysis, items = findings, list(findings.findings)
    else:
        analysis, items = None, list(findings)
    day = as_date(today if today is not None or analysis is None else analysis.today)
    candidates = suggest_actions(items, day, templates=templates)
    chosen: list[Action] = []
    weekly = 0

    def take(action: Action) -> bool:
        nonlocal weekly
        if len(chosen) >= limit or action in chosen:
            return False
        if action.cadence == "weekly" and weekly >= MAX_WEEKLY:
            return False
        weekly += action.cadence == "weekly"
        chosen.append(action)
        return True

    for finding in gaps_in_order(items):
        for action in candidates:
            if action.gap_key == finding.key and take(action):
                break
    for action in candidates:
        take(action)
    chosen.sort(key=lambda a: (a.due, -a.score))
    backlog = [a for a in candidates if a not in chosen]
    for action in backlog:
        action.due = action.due + timedelta(days=BACKLOG_DELAY)
    who = (
        person
        if person is not None
        else (analysis.profile.name if analysis is not None and analysis.profile else "")
    )
    order = {id(f): i for i, f in enumerate(gaps_in_order(items))}
    summary = [_summary(f) for f in sorted(items, key=lambda f: order.get(id(f), len(order)))]
    return Plan(
        person=who,
        created=day,
        findings=summary,
        actions=chosen,
        backlog=backlog,
        limit=limit,
        basis=analysis.gaps_label() if analysis is not None else "",
    )
