"""The plan as a table: one row per action (the month's, then the backlog), and its CSV."""

from __future__ import annotations

from ..plan import Plan, who_text
from .files import csv_text

__all__ = ["PLAN_CSV_COLUMNS", "plan_csv", "plan_rows"]


#: Columns of the plan's CSV, one row per action (the month's, then the backlog).
PLAN_CSV_COLUMNS = (
    "section",
    "number",
    "id",
    "status",
    "title",
    "due",
    "cadence",
    "gap",
    "who",
    "first_step",
    "success_measure",
    "why",
    "principle",
    "source",
    "custom",
)


def plan_rows(plan: Plan) -> list[dict[str, object]]:
    """One row per action (the month's, then the backlog), columns :data:`PLAN_CSV_COLUMNS`.

    Examples
    --------
    >>> from datetime import date
    >>> from leadnet_helpers.plan import Action
    >>> rows = plan_rows(Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo")]))
    >>> rows[0]["section"], rows[0]["title"]
    ('this month', 'Call Bo')
    """
    titles = {f.get("key"): f.get("title", "") for f in plan.findings}
    rows = []
    for section, actions in (("this month", plan.actions), ("backlog", plan.backlog)):
        for number, a in enumerate(actions, 1):
            rows.append(
                {
                    "section": section,
                    "number": number,
                    "id": a.id,
                    "status": a.status,
                    "title": a.title,
                    "due": a.due.isoformat(),
                    "cadence": a.cadence,
                    "gap": titles.get(a.gap_key, a.gap_key),
                    "who": who_text(a),
                    "first_step": a.first_step,
                    "success_measure": a.success_measure,
                    "why": a.why,
                    "principle": a.principle,
                    "source": a.source,
                    "custom": "yes" if a.custom else "no",
                }
            )
    return rows


def plan_csv(plan: Plan) -> str:
    """The plan as CSV text, one row per action, every cell neutralised (:func:`.safe_cell`).

    Examples
    --------
    >>> from datetime import date
    >>> from leadnet_helpers.plan import Action
    >>> text = plan_csv(Plan("Ana", date(2026, 1, 5), [], [Action("a", "=1+1")]))
    >>> text.splitlines()[1].split(",")[4]
    "'=1+1"
    """
    return csv_text(plan_rows(plan), PLAN_CSV_COLUMNS)
