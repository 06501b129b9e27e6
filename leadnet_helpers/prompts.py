"""The name-generator prompts of notebook 01, and contacts made from them.

A name generator is a question that brings people to mind ("Who would you
call for career advice?"). The prompts live in ``data/prompts.json``, one
object each: ``id``, ``network_type`` (the network the question explores),
``prompt``, ``why`` (the reason to ask it), ``source`` (where the idea comes
from) and ``defaults`` (template fields a contact named there starts with).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LeadNetError
from .model import TEMPLATE_COLUMNS, normalise_text
from .paths import data_dir

__all__ = ["FORM_FIELDS", "ME", "Prompt", "load_prompts", "prompt_row"]

#: What "who introduced us" holds when nobody did.
ME = "me"
#: The fields of a prompt's quick form, in order.
FORM_FIELDS = ("name", "organisation", "role", "inside_org", "context", "introduced_by")


@dataclass(frozen=True, slots=True)
class Prompt:
    """One name-generator question."""

    id: str
    network_type: str
    prompt: str
    why: str = ""
    source: str = ""
    defaults: dict[str, str] = field(default_factory=dict)


def load_prompts(path: str | Path | None = None) -> list[Prompt]:
    """Read the prompts from ``data/prompts.json`` (or *path*).

    Raises
    ------
    LeadNetError
        When the file is missing or not the expected shape (naming the file).

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "prompts.json"
    >>> _ = p.write_text(
    ...     json.dumps(
    ...         [
    ...             {
    ...                 "id": "q",
    ...                 "network_type": "personal",
    ...                 "prompt": "Who?",
    ...                 "defaults": {"inside_org": "no"},
    ...             }
    ...         ]
    ...     )
    ... )
    >>> load_prompts(p)[0].defaults
    {'inside_org': 'no'}
    """
    path = Path(path) if path else data_dir() / "prompts.json"
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LeadNetError(
            "the prompts file is missing",
            file=path.name,
            fix="Update the workbook folder (git pull), then run `make lab`.",
        ) from None
    except (OSError, ValueError) as exc:
        raise LeadNetError(
            f"the prompts file cannot be read ({exc})",
            file=path.name,
            fix="Restore it with `git checkout data/prompts.json`.",
        ) from None
    prompts = []
    for number, item in enumerate(items if isinstance(items, list) else [], start=1):
        try:
            defaults = {
                str(k): normalise_text(v)
                for k, v in (item.get("defaults") or {}).items()
                if k in TEMPLATE_COLUMNS
            }
            prompts.append(
                Prompt(
                    id=str(item["id"]),
                    network_type=str(item.get("network_type", "")),
                    prompt=normalise_text(item["prompt"]),
                    why=normalise_text(item.get("why", "")),
                    source=normalise_text(item.get("source", "")),
                    defaults=defaults,
                )
            )
        except (KeyError, AttributeError, TypeError):
            raise LeadNetError(
                f"prompt number {number} lacks an id or a prompt",
                file=path.name,
                fix="Restore it with `git checkout data/prompts.json`.",
            ) from None
    if not prompts:
        raise LeadNetError(
            "the prompts file holds no prompts",
            file=path.name,
            fix="Restore it with `git checkout data/prompts.json`.",
        )
    return prompts


def prompt_row(prompt: Prompt, form: Mapping[str, object]) -> dict[str, str]:
    """Combine a prompt's defaults with what the person typed into one contact row.

    What the person typed wins over the defaults; empty fields keep the
    default. The row is template-shaped, ready for ``Workspace.add_contact``.

    Raises
    ------
    LeadNetError
        When no name was typed.

    Examples
    --------
    >>> p = Prompt("q", "operational", "Who?", defaults={"inside_org": "yes"})
    >>> prompt_row(p, {"name": " Ada ", "inside_org": "", "introduced_by": "me"})
    {'inside_org': 'yes', 'name': 'Ada', 'introduced_by': 'me'}
    """
    row = dict(prompt.defaults)
    for key in FORM_FIELDS:
        value = normalise_text(form.get(key, ""))
        if value:
            row[key] = value
    if not normalise_text(form.get("name", "")):
        raise LeadNetError("a contact needs a name", fix="Type their name, then press Add.")
    return row
