"""The workspace: one SQLite file per person, with every change a transaction.

A workspace holds the leader's profile, their contacts, who knows whom (ties),
an interaction log, classification decisions and dated snapshots. It is an
ordinary SQLite database (Python's :mod:`sqlite3`), so it survives a crash
mid-save (SQLite's write-ahead log: a change is all there or not there at all)
and two notebooks can have it open at once (writers wait their turn).

The schema carries a version (``PRAGMA user_version``). Opening an older
workspace migrates it forward; opening one written by a newer LeadNet says so
plainly instead of guessing.

All of LeadNet's SQL lives in this package, one idea per module:

- :mod:`.connection`: opening the file (WAL, full sync) and the locked connection
- :mod:`.schema`: the tables, the format version and the migrations
- :mod:`.rows`: contacts to table rows and back, and their low-level writes
- :mod:`.undo`: the undo log and its operations
- :mod:`.workspace`: the :class:`Workspace` class (opening, copying, the profile),
  made of :mod:`.contacts`, :mod:`.ties`, :mod:`.decisions`, :mod:`.plans`, :mod:`.sharing`,
  :mod:`.snapshots` and :mod:`.imports`

Examples
--------
>>> import tempfile, pathlib
>>> from leadnet_helpers.model import Contact, Profile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "me.leadnet.sqlite"
>>> ws = Workspace.create(path, Profile(name="Ana Lima", organisation="Contoso"))
>>> cid = ws.add_contact(Contact(name="Ada Brooks", organisation="Riverside"))
>>> [c.name for c in ws.contacts()]
['Ada Brooks']
>>> ws.undo()
'Undid: added Ada Brooks'
>>> ws.count_contacts()
0
>>> ws.close()
"""

from .schema import MIGRATIONS, SCHEMA_VERSION
from .workspace import Workspace

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Workspace"]
