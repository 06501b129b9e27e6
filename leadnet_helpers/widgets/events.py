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

__all__ = ["changed", "contacts", "subscribe"]

_listeners: dict[str, list[weakref.WeakMethod]] = {}
_cache: dict[str, tuple[tuple[object, ...], list[Contact]]] = {}


def _key(workspace) -> str:
    return str(Path(workspace.path).resolve())


def _stamp(workspace) -> tuple[object, ...]:
    # cheap signs of a change made elsewhere (another notebook on the same file)
    return (workspace.count_contacts(), workspace.last_change())


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


def subscribe(workspace, method: Callable[[], None]) -> None:
    """Call *method* (a bound method of a view) whenever *workspace* changes."""
    _listeners.setdefault(_key(workspace), []).append(weakref.WeakMethod(method))


def changed(workspace, *, source: object = None) -> None:
    """Refresh every live view of *workspace* (except *source*, which did the change)."""
    key = _key(workspace)
    _cache.pop(key, None)
    alive = []
    for ref in _listeners.get(key, []):
        method = ref()
        if method is None:
            continue
        alive.append(ref)
        if getattr(method, "__self__", None) is not source:
            method()
    _listeners[key] = alive
