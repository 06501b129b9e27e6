"""How a plan's words read in every export: escaping, dates, cadences and citations."""

from __future__ import annotations

import html
import re
from datetime import date

__all__ = ["cadence_text", "citations", "esc", "long_date", "short_cite"]


_CADENCE_WORDS = {
    "": "once",
    "weekly": "every week",
    "monthly": "every month",
    "quarterly": "every three months",
}


def esc(value: object) -> str:
    """*value* as HTML (or SVG) text: ``&``, ``<``, ``>`` and quotes escaped, None as ``""``."""
    return html.escape("" if value is None else str(value), quote=True)


def cadence_text(cadence: str) -> str:
    """``"repeats every month"`` for ``"monthly"``; ``""`` for a one-off action."""
    return "" if not cadence else f"repeats {_CADENCE_WORDS.get(cadence, cadence)}"


_SHORT_CITE = re.compile(r"^(.{1,120}?\(\d{4}[a-z]?\))")


def citations(source: str) -> list[str]:
    """Split a source line into its citations (joined with '; ' after a full stop)."""
    text = source.strip()
    if not text:
        return []
    parts = re.split(r";\s+(?=[A-Z][^;]{0,80}\(\d{4}[a-z]?\))", text)
    return [p.strip().rstrip(".") + "." for p in parts if p.strip()]


def short_cite(citation: str) -> str:
    """``'Ibarra, H. & Hunter, M. (2007)'`` from a full citation (else the text itself)."""
    match = _SHORT_CITE.match(citation)
    return match.group(1) if match else citation


def long_date(day: date) -> str:
    """``"5 January 2026"``."""
    return f"{day.day} {day.strftime('%B %Y')}"
