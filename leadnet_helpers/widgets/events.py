"""Tell every open view of a workspace that its contacts changed.

When a prompt form adds a contact or an import finishes, the contacts table
and the who-knows-whom view below it refresh. Views subscribe with a bound
method; they are held weakly, so a view whose cell was re-run is forgotten.

The views also share one loaded copy of the contacts (:func:`contacts`), so a
change to a workspace of 30,000 contacts reads them once, not once per view.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

from ..model import Contact

__all__ = ["change_stamp", "changed", "contacts", "notify", "subscribe", "workspace_key"]

#: (workspace key, topic) -> the views listening
_listeners: dict[tuple[str, str], list[weakref.WeakMethod]] = {}
_cache: dict[str, tuple[tuple[object, ...], list[Contact]]] = {}


def workspace_key(workspace) -> str:
    """The key that identifies a workspace file, however it was opened."""
    return str(Path(workspace.path).resolve())


def change_stamp(workspace) -> tuple[object, ...]:
    """Cheap signs of a change, made here or elsewhere (another notebook on the same file)."""
    return (workspace.count_contacts(), workspace.last_change(everyone=True))


_key, _stamp = workspace_key, change_stamp


def contacts(workspace) -> list[Contact]:
    """All contacts of *workspace*, loaded once per change and shared by the views.

    Treat the list as read-only.
    """
    key, stamp = _key(workspace), _stamp(workspace)
    cached = _cache.get(key)
    if cached is None or cached[0] != stamp:
        cached = (stamp, workspace.contacts())
        _cache[key] = cached
    return cached[1]


def subscribe(workspace, method: Callable[[], None], *, topic: str = "contacts") -> None:
    """Call *method* (a bound method of a view) whenever *topic* changes in *workspace*.

    Topics: ``"contacts"`` (any change to the contacts, see :func:`changed`) and
    ``"decisions"`` (classification decisions, told by notebook 02's views).
    """
    key = (_key(workspace), topic)
    _listeners.setdefault(key, []).append(weakref.WeakMethod(method))


def notify(workspace, *, source: object = None, topic: str = "contacts") -> None:
    """Call every live listener of *topic* in *workspace* but *source*'s own."""
    key, alive = (_key(workspace), topic), []
    for ref in _listeners.get(key, []):
        method = ref()
        if method is None:
            continue
        alive.append(ref)
        if getattr(method, "__self__", None) is not source:
            method()
    _listeners[key] = alive


def changed(workspace, *, source: object = None) -> None:
    """Refresh every live view of *workspace* (except *source*, which did the change)."""
    _cache.pop(_key(workspace), None)
    notify(workspace, source=source)
