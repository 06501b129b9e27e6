"""Where things live on disk: the person's workspaces and the shipped data.

Workspaces live per user, outside the repository, in the operating system's
usual place for application data (``platformdirs``), for example
``~/.local/share/LeadNet`` on Linux, ``~/Library/Application Support/LeadNet``
on macOS and ``%LOCALAPPDATA%\\LeadNet`` on Windows. Set the environment
variable ``LEADNET_HOME`` to use another folder (tests and workshops do).
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

from platformdirs import user_data_dir

__all__ = [
    "WORKSPACE_SUFFIX",
    "current_workspace_path",
    "data_dir",
    "leadnet_home",
    "remember_current_workspace",
    "workspace_path_for",
]

WORKSPACE_SUFFIX = ".leadnet.sqlite"


def leadnet_home() -> Path:
    """Return the folder that holds this user's workspaces (created if missing).

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["LEADNET_HOME"] = tempfile.mkdtemp()
    >>> leadnet_home().is_dir()
    True
    """
    home = os.environ.get("LEADNET_HOME") or user_data_dir("LeadNet", appauthor=False)
    path = Path(home).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Return the folder of data shipped with the workbook (personas, prompts, rules).

    In the repository it is the top-level ``data/`` folder. An installed wheel
    carries the same files inside the package, as ``leadnet_helpers/data``
    (``pyproject.toml`` maps one onto the other), and they are found with
    :mod:`importlib.resources`; an editable install (``make lab``) and a plain
    checkout read the top-level folder beside the package. ``LEADNET_DATA``
    overrides both.

    Examples
    --------
    >>> (data_dir() / "personas" / "index.json").is_file()
    True
    """
    override = os.environ.get("LEADNET_DATA")
    if override:
        return Path(override)
    shipped = resources.files("leadnet_helpers") / "data"
    if shipped.is_dir():  # installed from a wheel
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "data"


def _slug(name: str) -> str:
    slug = re.sub(r"[^\w]+", "-", name.strip().casefold()).strip("-")
    return slug or "workspace"


def workspace_path_for(name: str) -> Path:
    """Return the default workspace file for a person's name.

    Examples
    --------
    >>> workspace_path_for("Zoë Ångström").name
    'zoë-ångström.leadnet.sqlite'
    """
    return leadnet_home() / f"{_slug(name)}{WORKSPACE_SUFFIX}"


def current_workspace_path() -> Path | None:
    """Return the workspace the person last opened in a notebook, if any."""
    pointer = leadnet_home() / "current.txt"
    if not pointer.exists():
        return None
    path = Path(pointer.read_text(encoding="utf-8").strip())
    return path if path.exists() else None


def remember_current_workspace(path: Path) -> None:
    """Remember *path* so the next notebook opens the same workspace."""
    pointer = leadnet_home() / "current.txt"
    tmp = pointer.with_suffix(".tmp")
    tmp.write_text(str(Path(path).resolve()), encoding="utf-8")
    tmp.replace(pointer)
