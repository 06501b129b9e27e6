"""A plan as plain data: dicts and JSON to store it in the workspace and read it back."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from ..errors import LeadNetError
from ..rules import parse_date
from .actions import PLAN_FORMAT, Action, Plan, who_entry

__all__ = ["plan_from_dict", "plan_from_json", "plan_to_dict", "plan_to_json"]

_ACTION_FIELDS = {f.name for f in fields(Action)}


def _action_to_dict(action: Action) -> dict[str, Any]:
    data = asdict(action)
    data["due"] = action.due.isoformat()
    return data


def _action_from_dict(data: Mapping[str, Any]) -> Action:
    values = {k: v for k, v in data.items() if k in _ACTION_FIELDS}
    if not values.get("id") or not isinstance(values.get("title"), str):
        raise LeadNetError(
            "a saved action has no id or title", fix="Build the plan again from your gaps."
        )
    values["who"] = [who_entry(w) for w in values.get("who") or [] if isinstance(w, Mapping)]
    values["due"] = parse_date(str(values.get("due") or date.today().isoformat()), "due")
    values["cadence"] = values.get("cadence") or ""
    values["status"] = values.get("status") or "todo"
    values["custom"] = bool(values.get("custom", False))
    values["score"] = float(values.get("score") or 0.0)
    return Action(**values)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain JSON-ready data (what the workspace stores).

    Examples
    --------
    >>> d = plan_to_dict(Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo")]))
    >>> d["format"], d["created"], d["actions"][0]["title"]
    (1, '2026-01-05', 'Call Bo')
    """
    return {
        "format": PLAN_FORMAT,
        "person": plan.person,
        "created": plan.created.isoformat(),
        "limit": plan.limit,
        "findings": [dict(f) for f in plan.findings],
        "actions": [_action_to_dict(a) for a in plan.actions],
        "backlog": [_action_to_dict(a) for a in plan.backlog],
        **({"basis": plan.basis} if plan.basis else {}),
    }


def plan_from_dict(data: Mapping[str, Any]) -> Plan:
    """Read a plan written by :func:`plan_to_dict`.

    Raises
    ------
    LeadNetError
        When the data is not a plan, or comes from a newer workbook.

    Examples
    --------
    >>> p = Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo", cadence="monthly")])
    >>> plan_from_dict(plan_to_dict(p)) == p
    True
    """
    if not isinstance(data, Mapping) or "actions" not in data:
        raise LeadNetError(
            "this is not a saved action plan", fix="Build the plan again from your gaps."
        )
    version = data.get("format", PLAN_FORMAT)
    if not isinstance(version, int) or version > PLAN_FORMAT:
        raise LeadNetError(
            f"this plan was saved by a newer LeadNet (format {version})",
            fix="Update the workbook, or build the plan again.",
        )
    findings = data.get("findings") or []
    return Plan(
        person=str(data.get("person", "")),
        created=parse_date(str(data.get("created") or date.today().isoformat()), "created"),
        findings=[dict(f) for f in findings if isinstance(f, Mapping)],
        actions=[_action_from_dict(a) for a in data.get("actions") or []],
        backlog=[_action_from_dict(a) for a in data.get("backlog") or []],
        limit=int(data.get("limit", 5)),
        basis=str(data.get("basis", "")),
    )


def plan_to_json(plan: Plan) -> str:
    """The plan as JSON text (UTF-8, readable, stable key order).

    Examples
    --------
    >>> plan_to_json(Plan("Zoë", date(2026, 1, 5))).splitlines()[2]
    '  "person": "Zoë",'
    """
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2)


def plan_from_json(text: str | bytes) -> Plan:
    """Read a plan from JSON text written by :func:`plan_to_json`.

    Examples
    --------
    >>> plan_from_json(plan_to_json(Plan("Ana", date(2026, 1, 5)))).person
    'Ana'
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LeadNetError(
            f"the saved plan is not valid JSON ({exc.msg})",
            line=exc.lineno,
            fix="Build the plan again from your gaps.",
        ) from exc
    return plan_from_dict(data)
