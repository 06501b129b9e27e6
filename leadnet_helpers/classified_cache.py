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
import hmac
import os
import pickle
import secrets
import tempfile
from pathlib import Path
from typing import Any

from . import __version__

__all__ = ["code_stamp", "load", "save"]

#: The modules whose code decides the classification and the contacts table.
_CODE = ("classify.py", "network.py", "rules.py", "model.py", "analysis.py", "store/rows.py")


#: What a signed file starts with: a format tag, then the signature of what follows.
_TAG = b"leadnet-classified-1\n"
_SIGNATURE_SIZE = hashlib.sha256().digest_size


def _file(workspace: Path) -> Path:
    return workspace.with_name(f".{workspace.name}.classified")


def _key() -> bytes | None:
    """This user's secret signing key (made on first use), or ``None`` if it cannot be kept.

    It lives in the user's configuration folder (``LEADNET_CACHE_KEY`` names
    another file), never beside a workspace, so a workspace folder copied from
    someone else brings no key that would make its files trusted.
    """
    from platformdirs import user_config_dir

    where = Path(
        os.environ.get("LEADNET_CACHE_KEY")
        or Path(user_config_dir("LeadNet", appauthor=False)) / "cache-signing.key"
    )
    try:
        key = where.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(where, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it a moment ago
        try:
            key = where.read_bytes()
        except OSError:
            return None
        return key if len(key) >= 32 else None
    except OSError:
        return None
    key = secrets.token_bytes(32)
    with os.fdopen(fd, "wb") as out:
        out.write(key)
    return key


def _signature(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


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
    """What :func:`save` kept for *workspace* (``None`` when nothing, unreadable or unsigned).

    A file whose signature does not match this user's key is not unpickled.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> where = pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite"
    >>> save(where, {"kept": 1})
    >>> planted = _file(where)
    >>> load(where)
    {'kept': 1}
    >>> _ = planted.write_bytes(planted.read_bytes().replace(b"kept", b"kepT"))  # changed
    >>> load(where) is None
    True
    """
    key = _key()
    if key is None:
        return None
    try:
        blob = _file(Path(workspace)).read_bytes()
    except OSError:
        return None
    head = len(_TAG) + _SIGNATURE_SIZE
    if not blob.startswith(_TAG) or len(blob) <= head:
        return None
    signature, payload = blob[len(_TAG) : head], blob[head:]
    if not hmac.compare_digest(signature, _signature(key, payload)):
        return None
    try:
        kept = pickle.loads(payload)  # signed by this user's LeadNet: its own file
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    return kept if isinstance(kept, dict) else None


def save(workspace: Path, kept: dict[str, Any]) -> None:
    """Keep *kept* for *workspace*, replacing what was kept; silently nothing if unwritable."""
    key = _key()
    if key is None:
        return
    payload = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    target = _file(Path(workspace))
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_TAG + _signature(key, payload) + payload)
        os.replace(name, target)
    except OSError:
        Path(name).unlink(missing_ok=True)
