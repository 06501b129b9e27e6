"""LeadNet helpers: the logic behind the LeadNet coaching workbook.

Data flows one way: an export file is read by an importer, becomes contacts
(:mod:`~leadnet_helpers.model`), is merged and saved in the person's workspace
(:mod:`~leadnet_helpers.store`), and from there is classified, analysed
(:mod:`~leadnet_helpers.analysis`), plotted and exported. The notebooks only
call these functions.

The names below are imported when first used, so ``leadnet --help`` and a
command that needs only the store do not pay for pandas, plotting or IPython.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import ImportProblem, LeadNetError, WorkspaceError
    from .merge import ImportReport
    from .model import Contact, Interaction, Profile, Tie
    from .store import Workspace

__all__ = [
    "Contact",
    "ImportProblem",
    "ImportReport",
    "Interaction",
    "LeadNetError",
    "Profile",
    "Tie",
    "Workspace",
    "WorkspaceError",
]

__version__ = "0.1.0"  # the one place it is written: pyproject.toml reads it from here

_HOMES = {
    "Contact": "model",
    "Interaction": "model",
    "Profile": "model",
    "Tie": "model",
    "ImportProblem": "errors",
    "LeadNetError": "errors",
    "WorkspaceError": "errors",
    "ImportReport": "merge",
    "Workspace": "store",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'leadnet_helpers' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{home}", __name__), name)


if "IPython" in sys.modules:  # in a notebook, our errors show as plain messages
    from .friendly_errors import install as _install_friendly_errors

    _install_friendly_errors()
