"""Is everything the workbook needs installed? One cell, one clear answer.

The first code cell of notebook 00 calls :func:`check_environment`. It lists
each package the workbook needs with the version found, or, when a package is
missing or too old, exactly what to do about it. The checks themselves are
plain functions (:func:`check_packages`, :func:`check_python`) so they can be
tested, and this module imports nothing that might be missing at import time.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from importlib import metadata

__all__ = [
    "FIX",
    "MIN_PYTHON",
    "REQUIRED",
    "PackageStatus",
    "check_environment",
    "check_packages",
    "check_python",
    "environment_html",
]

#: The packages the workbook needs (distribution name, lowest version), as in pyproject.toml.
REQUIRED: tuple[tuple[str, str], ...] = (
    ("jupyterlab", "4.2"),
    ("ipywidgets", "8.1"),
    ("pandas", "2.2"),
    ("plotly", "6"),
    ("networkx", "3.4"),
    ("vobject", "0.9.9"),
    ("openpyxl", "3.1"),
    ("platformdirs", "4"),
)
MIN_PYTHON = (3, 11)
#: What to do when something is missing or too old.
FIX = "run `make lab` from the repository folder"


@dataclass(frozen=True, slots=True)
class PackageStatus:
    """What was found for one requirement.

    ``version`` is ``None`` when the package is not installed; ``advice`` is
    empty when all is well, otherwise it says what to do.
    """

    name: str
    needed: str
    version: str | None
    advice: str = ""

    @property
    def ok(self) -> bool:
        """True when the requirement is met."""
        return not self.advice


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit()) if piece[:1].isdigit() else ""
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def _at_least(found: str, needed: str) -> bool:
    have, want = _version_tuple(found), _version_tuple(needed)
    return have + (0,) * (len(want) - len(have)) >= want


def check_python(version_info: tuple[int, ...] | None = None) -> PackageStatus:
    """Check the Python version.

    Examples
    --------
    >>> check_python((3, 12, 1)).ok
    True
    >>> check_python((3, 10, 4)).advice
    'Python 3.11 or newer is needed (found 3.10.4): run `make lab` from the repository folder.'
    """
    info = tuple(version_info or sys.version_info[:3])
    found = ".".join(str(p) for p in info[:3])
    needed = ".".join(str(p) for p in MIN_PYTHON)
    advice = ""
    if info[:2] < MIN_PYTHON:
        advice = f"Python {needed} or newer is needed (found {found}): {FIX}."
    return PackageStatus("python", needed, found, advice)


def check_packages(
    required: tuple[tuple[str, str], ...] = REQUIRED,
    version_of=metadata.version,
) -> list[PackageStatus]:
    """Check each required package: installed, and recent enough?

    Parameters
    ----------
    required : tuple of (name, lowest version)
        What to look for.
    version_of : callable
        Returns the installed version of a distribution, or raises
        :class:`importlib.metadata.PackageNotFoundError` (a seam for tests).

    Examples
    --------
    >>> [s.ok for s in check_packages((("pip", "1"),))]
    [True]
    >>> check_packages((("no-such-package-xyz", "1"),))[0].advice
    'not installed: run `make lab` from the repository folder.'
    """
    statuses = []
    for name, needed in required:
        try:
            found: str | None = version_of(name)
        except metadata.PackageNotFoundError:
            found = None
        if found is None:
            advice = f"not installed: {FIX}."
        elif not _at_least(found, needed):
            advice = f"version {found} is older than the {needed} needed: {FIX}."
        else:
            advice = ""
        statuses.append(PackageStatus(name, needed, found, advice))
    return statuses


def environment_html(statuses: list[PackageStatus]) -> str:
    """Render the statuses as a short HTML report (a headline and a table).

    Examples
    --------
    >>> "All set" in environment_html([PackageStatus("pandas", "2.2", "3.1.1")])
    True
    """
    problems = [s for s in statuses if not s.ok]
    if problems:
        head = (
            f"<p><b>{len(problems)} thing{'s' if len(problems) > 1 else ''} to fix "
            f"before you go on</b>: {html.escape(FIX)}, then restart the kernel "
            "(Kernel menu, Restart Kernel) and run this cell again.</p>"
        )
    else:
        head = "<p><b>All set.</b> Everything the workbook needs is installed.</p>"
    rows = []
    for s in statuses:
        found = html.escape(s.version) if s.version else "missing"
        state = "ok" if s.ok else html.escape(s.advice)
        rows.append(
            f"<tr><td>{html.escape(s.name)}</td><td>{found}</td>"
            f"<td>{html.escape(s.needed)} or newer</td><td>{state}</td></tr>"
        )
    table = (
        "<table class='leadnet-envcheck'><caption>What this workbook needs</caption>"
        "<thead><tr><th scope='col'>package</th><th scope='col'>installed</th>"
        "<th scope='col'>needed</th><th scope='col'>status</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return head + table


def check_environment():
    """Check the environment and return a small report to show in the notebook.

    Returns
    -------
    ipywidgets.HTML or IPython.display.HTML
        An ``ipywidgets.HTML`` when ipywidgets is installed; otherwise a plain
        HTML display object, so the report still shows what is missing.

    Examples
    --------
    >>> report = check_environment()
    >>> "jupyterlab" in report.value
    True
    """
    text = environment_html([check_python(), *check_packages()])
    try:
        import ipywidgets
    except ImportError:
        from IPython.display import HTML

        return HTML(text)
    return ipywidgets.HTML(value=text)
