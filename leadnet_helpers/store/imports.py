"""Importing a contacts export into the workspace (all or nothing), and the import history.

The file is parsed by :mod:`leadnet_helpers.importers` and matched against the
known contacts by :func:`leadnet_helpers.merge.plan_import`; this module saves
the outcome in one transaction and logs it for undo. Mixed into
:class:`~leadnet_helpers.store.Workspace`, which gives it ``_conn`` (reads),
``_write()`` (one write transaction) and ``contact()``.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from pathlib import Path

from ..merge import ImportReport, plan_import
from .base import WorkspaceBase
from .connection import LockedConnection, indexes_rebuilt, now
from .rows import insert_contacts, record_keys, to_json, update_contacts
from .undo import log_undo

__all__ = ["ImportsMixin"]

_BATCH = 2000  # contacts inserted between two progress reports
_IMPORT_CACHE_KIB = -65536  # SQLite's page cache while an import is saved (negative: KiB)
#: The fewest new contacts for which an import builds the contacts' indexes after inserting
#: them, rather than row by row (and only when they at least double the contacts).
_REBUILD_FROM = 5000


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a file is read and saved.

    An import makes a few objects per record that all live until it ends (the
    records, their contacts, the report's events), so each collection the
    allocations trigger walks every one of them again for no garbage. Objects
    are still freed as usual; cycles wait for the collector's next run, which
    should come after the records are freed (or it walks them all once more).

    Examples
    --------
    >>> with _collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class ImportsMixin(WorkspaceBase):
    """Importing files and listing what was imported."""

    def import_file(
        self,
        path: str | Path,
        *,
        name: str | None = None,
        data: bytes | None = None,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> ImportReport:
        """Read a contacts export and save it into the workspace, all or nothing.

        The format is detected from the content. Records that share an e-mail
        address or LinkedIn profile with a contact merge into it; the very same
        record imported again adds nothing; records that only share a name are
        imported and listed as possible duplicates.

        Parameters
        ----------
        path : str or Path
            The file (or just its name when *data* is given).
        name : str, optional
            The file name to show in the report.
        data : bytes, optional
            The file's content, when it did not come from disk (an upload).
        progress : callable, optional
            ``progress(phase, done, total)`` with phase ``"reading"`` or
            ``"saving"``.

        Returns
        -------
        ImportReport

        Raises
        ------
        ImportProblem
            When the file cannot be read at all; the workspace is unchanged.
        """
        from ..importers import check_size

        shown = name or Path(path).name
        if data is None:
            try:
                check_size(Path(path), shown)  # refused before it is read whole
                data = Path(path).read_bytes()
            except OSError as exc:
                from ..errors import ImportProblem

                raise ImportProblem(
                    f"the file cannot be opened ({exc.strerror})",
                    file=shown,
                    fix="Check the file name and that the file exists.",
                ) from None
        with _collector_paused():
            # the records are gone when the collector runs again: it walks only the report
            return self._read_and_save(data, shown, progress)

    def _read_and_save(self, data: bytes, shown: str, progress) -> ImportReport:
        from ..importers import parse_bytes

        reading = (lambda d, t: progress("reading", d, t)) if progress else None
        parsed = parse_bytes(data, shown, progress=reading)
        with self._write() as conn:
            # A page cache that holds the whole import (up to 64 MiB, for this transaction
            # only): a large file's pages are not written out and read back mid-transaction.
            cache = conn.execute("PRAGMA cache_size").one()[0]
            conn.execute(f"PRAGMA cache_size = {_IMPORT_CACHE_KIB}")
            try:
                return self._save_parsed(conn, parsed, progress)
            finally:
                conn.execute(f"PRAGMA cache_size = {int(cache)}")

    def _save_parsed(self, conn: LockedConnection, parsed, progress) -> ImportReport:
        known_keys: dict[str, int] = dict(conn.tuples("SELECT key, contact_id FROM contact_keys"))
        known_names: dict[str, list[str]] = {}
        for key, cname in conn.tuples("SELECT name_key, name FROM contacts"):
            known_names.setdefault(key, []).append(cname)
        plan = plan_import(parsed, known_keys, known_names, self.contact)
        report = plan.report
        if not (plan.new or plan.updates or plan.keys.keys() - known_keys.keys()):
            # Nothing imported or merged (all rejected, or all known already): no
            # import record and no undo entry that would undo nothing.
            report.new_ids = []
            return report
        before = [to_json(self.contact(cid)) for cid in plan.updates]
        total = len(plan.new) + len(plan.updates)
        ids: list[int] = []
        held = sum(map(len, known_names.values()))
        bulk = len(plan.new) >= max(_REBUILD_FROM, held)
        with indexes_rebuilt(conn, ("contacts", "contact_keys")) if bulk else nullcontext():
            for start in range(0, len(plan.new), _BATCH):
                ids.extend(insert_contacts(conn, plan.new[start : start + _BATCH]))
                if progress:
                    progress("saving", len(ids), total)
            updates = [replace(c, id=cid) for cid, c in plan.updates.items()]
            update_contacts(conn, updates)
            resolved = {k: (ids[v] if kind == "new" else v) for k, (kind, v) in plan.keys.items()}
            record_keys(conn, resolved)
        if progress:
            progress("saving", total, total)
        report.new_ids = ids
        conn.execute(
            "INSERT INTO imports (file, format, imported_at, report) VALUES (?, ?, ?, ?)",
            (
                parsed.file,
                parsed.format,
                now(),
                json.dumps(
                    {
                        "summary": report.summary(),
                        "imported": report.imported,
                        "merged": report.merged,
                        "rejected": report.rejected,
                    },
                    ensure_ascii=False,
                ),
            ),
        )
        log_undo(
            conn,
            f"imported {parsed.file}",
            [
                {"op": "delete", "ids": ids},
                {"op": "restore", "rows": before},
                # the new contacts' keys go with them (ON DELETE CASCADE): only the keys
                # given to contacts already there are listed (a large import's keys
                # would make the entry megabytes long)
                {
                    "op": "forget_keys",
                    "keys": [k for k, (kind, _) in plan.keys.items() if kind != "new"],
                },
            ],
        )
        return report

    def imports(self) -> list[dict[str, object]]:
        """The files imported so far, newest last."""
        return [
            {
                "file": r["file"],
                "format": r["format"],
                "imported_at": r["imported_at"],
                **json.loads(r["report"]),
            }
            for r in self._conn.execute("SELECT * FROM imports ORDER BY id")
        ]
