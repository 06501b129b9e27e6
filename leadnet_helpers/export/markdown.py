"""The plan as Markdown, with everything the person typed escaped so it shows as written."""

from __future__ import annotations

import re

from ..plan import Plan
from .text import cadence_text, long_date

__all__ = ["markdown_escape", "plan_markdown"]


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~!])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=>])|(\d+)([.)]))")


def markdown_escape(text: object) -> str:
    """Escape text so Markdown shows it as written: no markup, no HTML, one line.

    Examples
    --------
    >>> markdown_escape("<script>*x*</script> [a](javascript:b) | c")
    '&lt;script&gt;\\\\*x\\\\*&lt;/script&gt; \\\\[a\\\\](javascript:b) \\\\| c'
    >>> markdown_escape("- 1. not a list")
    '\\\\- 1. not a list'
    """
    value = " ".join(("" if text is None else str(text)).split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return _MD_LINE_START.sub(_escape_line_start, value)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def plan_markdown(plan: Plan) -> str:
    """The plan as Markdown (everything dynamic escaped).

    Examples
    --------
    >>> from datetime import date
    >>> print(plan_markdown(Plan("Ana_B", date(2026, 1, 5))).splitlines()[0])
    # Action plan for Ana\\_B
    """
    person = markdown_escape(plan.person or "you")
    lines = [
        f"# Action plan for {person}",
        "",
        f"Made on {long_date(plan.created)} with LeadNet.",
        "",
        "## What your network map shows",
        "",
    ]
    if plan.basis:
        lines += [f"**{markdown_escape(plan.basis)}**", ""]
    if plan.gaps:
        lines += ["| Gap | Severity | What it means |", "|---|---|---|"]
        lines += [
            f"| {markdown_escape(f.get('title'))} | {markdown_escape(f.get('severity'))} "
            f"| {markdown_escape(f.get('reading'))} |"
            for f in plan.gaps
        ]
    else:
        lines.append("No gap stands out: keep the habits that got you here.")
    lines += ["", "## Your actions this month", ""]
    if not plan.actions:
        lines.append("No action chosen yet: pick one from the backlog below.")
    for number, action in enumerate(plan.actions, 1):
        done = " (done)" if action.status == "done" else ""
        lines += [f"### {number}. {markdown_escape(action.title)}{done}", ""]
        when = f"{action.due.isoformat()}"
        if action.cadence:
            when += f", then {cadence_text(action.cadence)}"
        lines.append(f"- **Due:** {when}")
        lines.append(f"- **Why:** {markdown_escape(action.why)}")
        if action.who:
            lines.append(
                "- **Who:** "
                + "; ".join(
                    markdown_escape(p.get("name", ""))
                    + (f" ({markdown_escape(p.get('detail'))})" if p.get("detail") else "")
                    for p in action.who
                )
            )
        if action.first_step:
            lines.append(f"- **First step:** {markdown_escape(action.first_step)}")
        if action.success_measure:
            lines.append(f"- **It worked when:** {markdown_escape(action.success_measure)}")
        if action.principle or action.source:
            lines.append(
                f"- **Principle:** {markdown_escape(action.principle)} "
                f"*{markdown_escape(action.source)}*"
            )
        lines.append("")
    if plan.backlog:
        lines += ["## Backlog: for later", ""]
        lines += [f"{i}. {markdown_escape(a.title)}" for i, a in enumerate(plan.backlog, 1)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
