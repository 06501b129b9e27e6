"""The classification of a workspace's contacts, kept on disk between kernels.

Classifying 30,000 contacts and building their table takes seconds, and
every notebook's fresh kernel used to do it again although nothing had
changed since the last notebook did. :func:`load` and :func:`save` keep the
rules' raw classification (:func:`~leadnet_helpers.classify.classify`'s rows)
and the network's contacts table beside the workspace, in a hidden file
(``.NAME.leadnet.sqlite.classified``), under a key that says what they were
made from: the contacts as stored (:meth:`~leadnet_helpers.store.Workspace.contacts_digest`),
the profile, the rules file and the code that classifies. Any change to one
of them misses the cache and the analysis classifies again, as before.

The file holds the same personal data as the workspace, stays beside it on
this machine, and is written atomically (a reader sees the old file or the
new one). It is a pickle: read only the files LeadNet wrote itself (it never
reads one from anywhere but beside the workspace it opened). When the folder
cannot be written (a read-only sample), nothing is kept.

Examples
--------
>>> import tempfile, pathlib
>>> where = pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite"
>>> save(where, {"classified": ("k", 1)})
>>> load(where)
{'classified': ('k', 1)}
>>> load(where.with_name("other.leadnet.sqlite")) is None
True
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from . import __version__

__all__ = ["code_stamp", "load", "save"]

#: The modules whose code decides the classification and the contacts table.
_CODE = ("classify.py", "network.py", "rules.py", "model.py", "analysis.py", "store/rows.py")


def _file(workspace: Path) -> Path:
    return workspace.with_name(f".{workspace.name}.classified")


def code_stamp() -> str:
    """What identifies the code and rules that classify (version, files' sizes and times).

    Examples
    --------
    >>> code_stamp() == code_stamp()
    True
    """
    from .paths import data_dir

    here = Path(__file__).resolve().parent
    parts = [__version__]
    for path in (*(here / name for name in _CODE), data_dir() / "classifier_rules.json"):
        try:
            st = path.stat()
            parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path.name}:-")
    return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


def load(workspace: Path) -> dict[str, Any] | None:
    """What :func:`save` kept for *workspace* (``None`` when nothing, or unreadable)."""
    try:
        with _file(Path(workspace)).open("rb") as handle:
            kept = pickle.load(handle)  # LeadNet's own file, beside the workspace
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    return kept if isinstance(kept, dict) else None


def save(workspace: Path, kept: dict[str, Any]) -> None:
    """Keep *kept* for *workspace*, replacing what was kept; silently nothing if unwritable."""
    target = _file(Path(workspace))
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(kept, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(name, target)
    except OSError:
        Path(name).unlink(missing_ok=True)
