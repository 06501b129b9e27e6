"""All of a plan's exports at once: plan.html, plan.pdf, plan.md, plan.ics and plan.csv."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import LeadNetError
from ..plan import Plan
from .files import atomic_write_bytes, atomic_write_text
from .html import FigureSet, plan_html
from .ics import plan_ics
from .markdown import plan_markdown
from .pdf import plan_pdf
from .plan_csv import plan_csv

__all__ = ["PLAN_FILES", "write_plan"]


#: The files :func:`write_plan` writes, by format.
PLAN_FILES = {"html": "plan.html", "pdf": "plan.pdf", "md": "plan.md", "ics": "plan.ics",
              "csv": "plan.csv"}


def write_plan(
    plan: Plan,
    out_dir: str | Path,
    figures: FigureSet = None,
    *,
    formats: Iterable[str] = tuple(PLAN_FILES),
    stamp: datetime | None = None,
) -> dict[str, Path]:
    """Write the plan as plan.html, plan.pdf, plan.md, plan.ics and plan.csv.

    Each file is written atomically (a temporary file, then a rename). The PDF
    comes last, so when no PDF renderer is available the other files are
    already written when the :class:`LeadNetError` is raised.

    Parameters
    ----------
    plan : Plan
        The plan.
    out_dir : str or Path
        The folder (created if missing).
    figures : mapping or list of plotly Figures, optional
        Interactive charts for the HTML (the PDF shows the static charts).
    formats : iterable of str
        Which of ``html``, ``pdf``, ``md``, ``ics``, ``csv`` to write.
    stamp : datetime, optional
        The calendar's ``DTSTAMP``.

    Returns
    -------
    dict
        Format to the path written.

    Examples
    --------
    >>> import tempfile
    >>> from datetime import date
    >>> out = write_plan(Plan("Ana", date(2026, 1, 5)), tempfile.mkdtemp(), formats=["md"])
    >>> out["md"].name
    'plan.md'
    """
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in PLAN_FILES]
    if unknown:
        raise LeadNetError(f"unknown export format '{unknown[0]}'",
                           fix=f"Use any of {', '.join(PLAN_FILES)}.")
    folder = Path(out_dir)
    written: dict[str, Path] = {}
    writers: dict[str, Any] = {
        "html": lambda: atomic_write_text(folder / PLAN_FILES["html"], plan_html(plan, figures)),
        "md": lambda: atomic_write_text(folder / PLAN_FILES["md"], plan_markdown(plan)),
        "ics": lambda: atomic_write_bytes(folder / PLAN_FILES["ics"],
                                          plan_ics(plan, stamp=stamp)),
        "csv": lambda: atomic_write_text(folder / PLAN_FILES["csv"], "\ufeff" + plan_csv(plan)),
        "pdf": lambda: atomic_write_bytes(folder / PLAN_FILES["pdf"], plan_pdf(plan)),
    }
    for name in sorted(wanted, key=lambda f: f == "pdf"):
        written[name] = writers[name]()
    return {name: written[name] for name in wanted}
