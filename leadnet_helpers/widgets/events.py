"""Tell every open view of a workspace that its contacts changed.

When a prompt form adds a contact or an import finishes, the contacts table
and the who-knows-whom view below it refresh. Views subscribe with a bound
method; they are held weakly, so a view whose cell was re-run is forgotten.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

__all__ = ["subscribe", "changed"]

_listeners: dict[str, list[weakref.WeakMethod]] = {}


def _key(workspace) -> str:
    return str(Path(workspace.path).resolve())


def subscribe(workspace, method: Callable[[], None]) -> None:
    """Call *method* (a bound method of a view) whenever *workspace* changes."""
    _listeners.setdefault(_key(workspace), []).append(weakref.WeakMethod(method))


def changed(workspace, *, source: object = None) -> None:
    """Refresh every live view of *workspace* (except *source*, which did the change)."""
    alive = []
    for ref in _listeners.get(_key(workspace), []):
        method = ref()
        if method is None:
            continue
        alive.append(ref)
        if getattr(method, "__self__", None) is not source:
            method()
    _listeners[_key(workspace)] = alive
