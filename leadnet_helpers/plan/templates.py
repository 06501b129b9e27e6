"""The action templates (``data/action_templates.json``) and filling them in.

Which templates answer which finding, with aliases for other names of the
same gap, lives in that file, so a new diagnostic needs a line of data, not
code. Each template names the principle it rests on and its source, and
which people it names by *role* (see :data:`~leadnet_helpers.findings.ROLES`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LeadNetError
from ..paths import data_dir
from .actions import CADENCES

__all__ = ["TEMPLATES_FILE", "fill", "join_names", "load_templates", "templates_for"]

TEMPLATES_FILE = "action_templates.json"
_REQUIRED = (
    "id",
    "answers",
    "title",
    "why",
    "principle",
    "source",
    "first_step",
    "due_days",
    "success_measure",
)


def load_templates(path: str | Path | None = None) -> dict[str, Any]:
    """Read and check the action templates (``data/action_templates.json``).

    Parameters
    ----------
    path : str or Path, optional
        An edited copy; ``None`` reads the shipped file (cached).

    Returns
    -------
    dict
        ``sources``, ``aliases``, ``selectors`` and ``templates`` (a list).

    Raises
    ------
    LeadNetError
        When the file cannot be read or a template lacks a field.

    Examples
    --------
    >>> t = load_templates()
    >>> "reconnect_dormant" in {x["id"] for x in t["templates"]}
    True
    """
    if path is None:
        return _shipped_templates()
    return _read_templates(Path(path))


@lru_cache(maxsize=1)
def _shipped_templates() -> dict[str, Any]:
    return _read_templates(data_dir() / TEMPLATES_FILE)


def _read_templates(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LeadNetError(
            f"cannot read the action templates ({exc.strerror})",
            file=path.name,
            fix="Check the path of the templates file.",
        ) from exc
    except json.JSONDecodeError as exc:
        raise LeadNetError(
            f"the action templates are not valid JSON ({exc.msg})",
            file=path.name,
            line=exc.lineno,
            fix=f"Fix the file, or start again from data/{TEMPLATES_FILE}.",
        ) from exc
    templates = data.get("templates") if isinstance(data, dict) else None
    if not isinstance(templates, list):
        raise LeadNetError(
            "the action templates file has no list of templates",
            file=path.name,
            fix=f"Start again from data/{TEMPLATES_FILE}.",
        )
    for number, template in enumerate(templates, 1):
        missing = [k for k in _REQUIRED if k not in template]
        if missing:
            raise LeadNetError(
                f"template {number} lacks {', '.join(missing)}",
                file=path.name,
                fix="Add the missing fields (see the file's 'about').",
            )
        if template.get("cadence", "") not in CADENCES:
            raise LeadNetError(
                f"template {template['id']} has an unknown cadence '{template['cadence']}'",
                file=path.name,
                fix="Use '', weekly, monthly or quarterly.",
            )
    data.setdefault("sources", {})
    data.setdefault("aliases", {})
    data.setdefault("selectors", {})
    return data


def templates_for(key: str, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    wanted = {key, data["aliases"].get(key, key)}
    found = [t for t in data["templates"] if wanted & set(t["answers"])]
    if not found:
        found = [t for t in data["templates"] if t["id"] == "_default"]
    return found


_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\|([^{}]*))?\}")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill ``{key}`` and ``{key|fallback}`` placeholders; unknown keys become ``""``.

    Values are inserted as they are, never re-read as templates, so a contact
    called ``{name}`` stays ``{name}``.
    """

    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "")
        return value if value else (match.group(2) or "")

    return _PLACEHOLDER.sub(one, text)


def join_names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
