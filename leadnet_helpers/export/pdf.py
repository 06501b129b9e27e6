"""The plan (and any self-contained page) as PDF, printed by WeasyPrint or, failing that, Chromium.

Nothing is fetched: the page is self-contained, WeasyPrint is given a URL
fetcher that refuses everything but ``data:``, and Chromium prints a local file.
:func:`html_pdf` is the one path from HTML to PDF; the plan and the printable
worksheets (:mod:`.worksheets`) both take it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ..errors import LeadNetError
from ..plan import Plan
from .html import plan_html

__all__ = ["html_pdf", "plan_pdf"]

_CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
_PLAN_FIX = "open plan.html in a browser and print it to PDF"


def _weasyprint_pdf(page: str) -> bytes:
    import weasyprint  # imported late: it loads pango and friends

    try:
        from weasyprint.urls import URLFetcher

        fetcher: Any = URLFetcher(allowed_protocols=("data",))
    except (ImportError, TypeError):  # WeasyPrint before 68 takes a function

        def fetcher(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
            raise ValueError(f"LeadNet plans load nothing ({url[:40]})")

    return weasyprint.HTML(string=page, url_fetcher=fetcher).write_pdf()


def _chromium_pdf(page: str, browser: str, what: str = "the plan", fix: str = _PLAN_FIX) -> bytes:
    fix = fix[:1].upper() + fix[1:] + "."
    with tempfile.TemporaryDirectory(prefix="leadnet-pdf-") as folder:
        source = Path(folder) / "plan.html"
        target = Path(folder) / "plan.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--disable-extensions",
            "--no-first-run",
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root otherwise
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=120)
        except (OSError, subprocess.SubprocessError) as exc:
            raise LeadNetError(
                f"Chromium could not print {what} ({exc})",
                fix=fix,
            ) from exc
        if not target.exists():
            raise LeadNetError(
                f"Chromium did not write the PDF of {what}",
                fix=fix,
            )
        return target.read_bytes()


def plan_pdf(plan: Plan, *, engine: str = "auto") -> bytes:
    """The plan as PDF, rendered from the same HTML (static charts, no script).

    WeasyPrint renders it when it and its system libraries (pango) are
    present; otherwise Chromium prints it (``--headless --print-to-pdf``).
    Nothing is fetched: the page is self-contained and WeasyPrint is given a
    fetcher that refuses every URL but ``data:``.

    Parameters
    ----------
    plan : Plan
        The plan.
    engine : {"auto", "weasyprint", "chromium"}
        Force one renderer (tests do).

    Returns
    -------
    bytes
        The PDF file.

    Raises
    ------
    LeadNetError
        When neither WeasyPrint nor Chromium is available, with how to fix it.

    Examples
    --------
    >>> from datetime import date
    >>> plan_pdf(Plan("Ana", date(2026, 1, 5)))[:5]  # doctest: +SKIP
    b'%PDF-'
    """
    return html_pdf(plan_html(plan), engine=engine)


def html_pdf(
    page: str, *, engine: str = "auto", what: str = "the plan", fix: str = _PLAN_FIX
) -> bytes:
    """A self-contained HTML page as PDF: WeasyPrint, else Chromium.

    Parameters
    ----------
    page : str
        The page; it must load nothing (every URL but ``data:`` is refused).
    engine : {"auto", "weasyprint", "chromium"}
        Force one renderer (tests do).
    what : str
        What the page is, for error messages ("the worksheets").
    fix : str
        What the person can do meanwhile when no renderer works, in lower case
        ("open plan.html in a browser and print it to PDF").

    Returns
    -------
    bytes
        The PDF file.

    Raises
    ------
    LeadNetError
        When neither WeasyPrint nor Chromium is available, with how to fix it.

    Examples
    --------
    >>> html_pdf("<p>Hello</p>")[:5]  # doctest: +SKIP
    b'%PDF-'
    """
    problem = ""
    if engine in ("auto", "weasyprint"):
        try:
            return _weasyprint_pdf(page)
        except (ImportError, OSError) as exc:
            problem = f"WeasyPrint is not usable here ({exc})"
            if engine == "weasyprint":
                raise LeadNetError(problem, fix=_PDF_FIX + fix + ".") from exc
    browser = (
        os.environ.get("LEADNET_CHROMIUM")
        or next((b for b in _CHROMIUM if Path(b).exists()), None)
        or shutil.which("chromium")
    )
    if browser:
        return _chromium_pdf(page, browser, what, fix)
    raise LeadNetError(problem or "no PDF renderer is installed", fix=_PDF_FIX + fix + ".")


_PDF_FIX = (
    "Install WeasyPrint with its system libraries (conda install -c conda-forge "
    "weasyprint, or pip install weasyprint plus pango from your system's packages), "
    "or install Chromium; meanwhile "
)
