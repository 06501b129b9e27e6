"""The open workspace as the views see it: its contacts, and a counter views observe.

When a prompt form adds a contact or an import finishes, the view that made
the change calls :meth:`WorkspaceModel.changed`; every view showing the same
workspace observes the model's ``revision`` and refreshes. The contacts are
loaded once per change of the file (:meth:`~leadnet_helpers.store.Workspace.revision`)
and shared by the views.

There is one model per open :class:`~leadnet_helpers.store.Workspace` object
(:func:`workspace_model`), forgotten with it; a view observes it weakly
(:func:`watch`), so a view whose cell was re-run is forgotten too.

Examples
--------
>>> import tempfile, pathlib
>>> from leadnet_helpers.model import Contact, Profile
>>> from leadnet_helpers.store import Workspace
>>> ws = Workspace.create(pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana"))
>>> model = workspace_model(ws)
>>> model is workspace_model(ws), len(model.contacts())
(True, 0)
>>> seen = []
>>> model.observe(lambda change: seen.append(change["new"]), names="revision")
>>> _ = ws.add_contact(Contact("Bo"))
>>> model.changed()
>>> seen, [c.name for c in model.contacts()]
([1], ['Bo'])
>>> ws.close()
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from traitlets import HasTraits, Int

from ..model import Contact

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["WorkspaceModel", "per_workspace", "watch", "workspace_model"]


class WorkspaceModel(HasTraits):
    """The contacts of one open workspace and a counter bumped on every change a view makes.

    Attributes
    ----------
    revision : int
        Bumped by :meth:`changed`; observe it to refresh.
    """

    revision = Int(0, help="bumped whenever a view changed the workspace")

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = weakref.ref(ws)  # the model never keeps the workspace alive
        self._contacts: tuple[object, list[Contact]] | None = None

    @property
    def ws(self) -> Workspace:
        """The workspace (the model lives only as long as it does)."""
        ws = self._ws()
        if ws is None:  # pragma: no cover - the model is forgotten with its workspace
            raise ReferenceError("the workspace is gone")
        return ws

    def contacts(self) -> list[Contact]:
        """All contacts, loaded once per change of the file. Treat the list as read-only."""
        stamp = self.ws.revision()
        if self._contacts is None or self._contacts[0] != stamp:
            self._contacts = (stamp, self.ws.contacts())
        return self._contacts[1]

    def changed(self) -> None:
        """Tell every view of the workspace that it changed (they refresh)."""
        self._contacts = None
        self.revision += 1


def per_workspace(factory: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Make ``factory(ws)`` return one model per open workspace object, forgotten with it."""
    made: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()

    def get(ws):
        model = made.get(ws)
        if model is None:
            model = made[ws] = factory(ws)
        return model

    get.__doc__ = factory.__doc__
    get.__name__ = getattr(factory, "__name__", "get")
    return get


@per_workspace
def workspace_model(ws: Workspace) -> WorkspaceModel:
    """The one :class:`WorkspaceModel` of *ws*."""
    return WorkspaceModel(ws)


def watch(model: HasTraits, method: Callable[[], None], names: str = "revision") -> None:
    """Call *method* (a bound method of a view) when *names* of *model* changes.

    The view is held weakly: once it is gone, the model forgets it.

    Examples
    --------
    >>> class View:
    ...     def refresh(self):
    ...         print("refreshed")
    >>> model, view = WorkspaceModel.__new__(WorkspaceModel), View()
    >>> HasTraits.__init__(model)
    >>> watch(model, view.refresh)
    >>> model.revision += 1
    refreshed
    >>> del view
    >>> model.revision += 1
    """
    ref = weakref.WeakMethod(method)

    def handler(_change: dict) -> None:
        alive = ref()
        if alive is None:
            model.unobserve(handler, names=names)
            return
        alive()

    model.observe(handler, names=names)
