"""LeadNet helpers: the logic behind the LeadNet coaching workbook.

Data flows one way: an export file is read by an importer, becomes contacts
(:mod:`~leadnet_helpers.model`), is merged and saved in the person's workspace
(:mod:`~leadnet_helpers.store`), and from there is classified, diagnosed,
plotted and exported. The notebooks only call these functions.
"""

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

from .friendly_errors import install as _install_friendly_errors

_install_friendly_errors()  # in a notebook, our errors show as plain messages
