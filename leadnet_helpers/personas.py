"""The sample personas shipped in ``data/personas/``: list them, build a copy.

A persona's files (profile, contacts, ties, interactions) are read, never
written: exploring a sample builds a fresh workspace from them, so a person can
change the copy freely and the shipped sample stays as it was.
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path
from typing import Any

from .errors import WorkspaceError
from .model import Profile, name_key
from .paths import WORKSPACE_SUFFIX, data_dir, leadnet_home
from .store import Workspace

__all__ = ["build_persona_workspace", "list_personas", "open_sample", "persona_dir"]


def list_personas() -> list[dict[str, Any]]:
    """The sample personas: slug, name, career stage and a one-line description.

    The course personas add ``intended_gaps``: the keys of the findings their
    story is about (their folder's ``story.md`` tells it).

    Examples
    --------
    >>> len(list_personas()) >= 2
    True
    """
    index = data_dir() / "personas" / "index.json"
    personas: list[dict[str, Any]] = json.loads(index.read_text(encoding="utf-8"))
    return personas


def persona_dir(slug: str) -> Path:
    """The folder holding one persona's files."""
    folder = data_dir() / "personas" / slug
    if not (folder / "profile.json").exists():
        known = ", ".join(p["slug"] for p in list_personas())
        raise WorkspaceError(
            f"there is no sample persona called '{slug}'", fix=f"Choose one of: {known}."
        )
    return folder


def build_persona_workspace(slug: str, path: str | Path) -> Workspace:
    """Build a workspace at *path* from a persona's files and open it.

    The persona's contacts go through the same importer as a person's own
    template CSV; its ties and interactions refer to contacts by name. The
    copy is built aside and then written over *path* through SQLite's backup
    API, so a notebook that still has the old copy open is never broken.
    """
    folder = persona_dir(slug)
    info = json.loads((folder / "profile.json").read_text(encoding="utf-8"))
    profile = Profile(**{k: info.get(k, "") for k in Profile.__slots__})
    with tempfile.TemporaryDirectory(prefix="leadnet-sample-") as staging_dir:
        staging = Workspace.create(Path(staging_dir) / f"{slug}{WORKSPACE_SUFFIX}", profile)
        with staging:
            _fill(staging, folder)
            staging.copy_to(path)
    return Workspace.open(path)


def _fill(ws: Workspace, folder: Path) -> None:
    ws.import_file(folder / "contacts.csv")
    ids = {name_key(c.name): c.id for c in ws.contacts()}
    ties = []
    for row in _rows(folder / "ties.csv"):
        a, b = ids.get(name_key(row["contact_a"])), ids.get(name_key(row["contact_b"]))
        if a and b:
            ties.append((a, b, int(row.get("strength") or 3)))
    if ties:
        ws.add_ties(ties)
    for row in _rows(folder / "interactions.csv"):
        cid = ids.get(name_key(row["contact"]))
        if cid:
            ws.log_interaction(cid, row["kind"], row["date"], row.get("note", ""))
    ws.clear_undo()  # a fresh sample starts with nothing to undo


def open_sample(slug: str | None = None) -> Workspace:
    """Open a personal copy of a sample persona (built afresh each time).

    The copy lives in the workspaces folder under ``samples/``; the shipped
    files in ``data/personas/`` are never modified.
    """
    slug = slug or list_personas()[0]["slug"]
    path = leadnet_home() / "samples" / f"{slug}{WORKSPACE_SUFFIX}"
    path.parent.mkdir(parents=True, exist_ok=True)
    return build_persona_workspace(slug, path)


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
