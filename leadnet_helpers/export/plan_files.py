"""All of a plan's exports at once: plan.html, plan.pdf, plan.md, plan.ics and plan.csv."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import LeadNetError
from ..plan import Plan
from .files import write_files_together
from .html import FigureSet, plan_html
from .ics import plan_ics
from .markdown import plan_markdown
from .pdf import plan_pdf
from .plan_csv import plan_csv

__all__ = ["PLAN_FILES", "write_plan"]


#: The files :func:`write_plan` writes, by format.
PLAN_FILES = {
    "html": "plan.html",
    "pdf": "plan.pdf",
    "md": "plan.md",
    "ics": "plan.ics",
    "csv": "plan.csv",
}


def write_plan(
    plan: Plan,
    out_dir: str | Path,
    figures: FigureSet = None,
    *,
    formats: Iterable[str] = tuple(PLAN_FILES),
    stamp: datetime | None = None,
) -> dict[str, Path]:
    """Write the plan as plan.html, plan.pdf, plan.md, plan.ics and plan.csv, as a set.

    Every file is rendered in memory first; only then are they written, each
    to a hidden temporary file in *out_dir* and all renamed into place at the
    end. A failure while rendering or writing therefore writes none of them
    and leaves no temporary file behind. The one exception: when no PDF
    renderer is available, the other files are written and then the
    :class:`LeadNetError` saying how to get the PDF (print plan.html) is
    raised.

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
        raise LeadNetError(
            f"unknown export format '{unknown[0]}'", fix=f"Use any of {', '.join(PLAN_FILES)}."
        )
    folder = Path(out_dir)
    renderers: dict[str, Any] = {
        "html": lambda: plan_html(plan, figures).encode("utf-8"),
        "md": lambda: plan_markdown(plan).encode("utf-8"),
        "ics": lambda: plan_ics(plan, stamp=stamp),
        "csv": lambda: ("\ufeff" + plan_csv(plan)).encode("utf-8"),
        "pdf": lambda: plan_pdf(plan),
    }
    rendered: dict[str, bytes] = {}
    no_pdf: LeadNetError | None = None
    for name in wanted:
        try:
            rendered[name] = renderers[name]()
        except LeadNetError as err:
            if name != "pdf":
                raise
            no_pdf = err  # the others are still worth having: print plan.html instead
    written = write_files_together({folder / PLAN_FILES[n]: data for n, data in rendered.items()})
    if no_pdf is not None:
        raise no_pdf
    return dict(zip(rendered, written, strict=True))
