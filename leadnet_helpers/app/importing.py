"""Notebook 01's import: uploaded exports in, each on its own, all or nothing.

A file that cannot be read leaves the workspace as it was and says why; the
others still go in (:func:`import_files`). The report lists, per file, a
summary and the records worth a look (rejected, merged, possible
duplicates, warnings) with their line numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from ..merge import ImportReport
from .workspace import workspace_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "MAX_ROWS",
    "FileOutcome",
    "ProgressSteps",
    "import_files",
    "report_rows",
    "uploaded_files",
]

#: Most event rows shown in the report table (the counts always cover all).
MAX_ROWS = 200


@dataclass(slots=True)
class FileOutcome:
    """One uploaded file: its report, or the problem that stopped it."""

    file: str
    report: ImportReport | None = None
    problem: str = ""


def uploaded_files(value: object) -> list[tuple[str, bytes]]:
    """The uploaded files as ``(name, content)`` pairs, in upload order.

    Accepts the value of an ipywidgets 8 ``FileUpload`` (a tuple of dicts
    with ``name`` and ``content``) and the ipywidgets 7 shape (a dict by name).

    Examples
    --------
    >>> uploaded_files(({"name": "c.csv", "content": memoryview(b"name\\nAda\\n")},))
    [('c.csv', b'name\\nAda\\n')]
    """
    items: Iterable[Any] = (
        value.values() if isinstance(value, dict) else cast(Iterable[Any], value or ())
    )
    files = []
    for item in items:
        name = item.get("name") or item.get("metadata", {}).get("name", "upload")
        files.append((str(name), bytes(item["content"])))
    return files


def report_rows(reports: Iterable[ImportReport], limit: int = MAX_ROWS) -> list[dict[str, object]]:
    """The records worth a look: everything but plain imports, at most *limit* rows.

    Examples
    --------
    >>> from leadnet_helpers.merge import ImportEvent
    >>> r = ImportReport(
    ...     "c.csv",
    ...     "CSV",
    ...     2,
    ...     imported=1,
    ...     rejected=1,
    ...     events=[ImportEvent(2, "imported", "Ada"), ImportEvent(3, "rejected", "", "no name")],
    ... )
    >>> report_rows([r])
    [{'file': 'c.csv', 'line': 3, 'outcome': 'rejected', 'name': '', 'detail': 'no name'}]
    """
    rows: list[dict[str, object]] = []
    for report in reports:
        rows.extend(r for r in report.rows() if r["outcome"] != "imported")
    return rows[:limit]


class ProgressSteps:
    """Turn ``progress(phase, done, total)`` calls into a few bar updates.

    :meth:`update` returns ``(percent, label)`` when the bar should move and
    ``None`` otherwise, so a 30,000-record file sends about a hundred
    updates, not thirty thousand.

    Examples
    --------
    >>> steps = ProgressSteps()
    >>> steps.update("reading", 1, 1000), steps.update("reading", 2, 1000)
    ((0, 'reading'), None)
    >>> steps.update("saving", 1000, 1000)
    (100, 'saving')
    """

    def __init__(self) -> None:
        self.last: tuple[int, str] | None = None

    def update(self, phase: str, done: int, total: int) -> tuple[int, str] | None:
        """The new bar position, or None when it would not visibly move."""
        share = done / total if total else 1.0
        # reading is the first half of the bar, saving the second
        percent = int(50 * share) + (50 if phase == "saving" else 0)
        if phase == "saving" and done >= total:
            percent = 100
        step = (percent, phase)
        if self.last == step:
            return None
        self.last = step
        return step


def import_files(
    ws: Workspace,
    files: Sequence[tuple[str, bytes]],
    *,
    describe: Callable[[BaseException], str] = str,
    on_file: Callable[[str, int, int], None] | None = None,
    on_progress: Callable[[int, str], None] | None = None,
) -> list[FileOutcome]:
    """Import each file on its own; what happened to each. Tells every view of *ws*.

    Parameters
    ----------
    describe : callable
        The words for an error that stopped a file.
    on_file : callable, optional
        Called with (name, number, count) before each file.
    on_progress : callable, optional
        Called with (percent, phase) when the progress bar should move.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from leadnet_helpers.model import Profile
    >>> from leadnet_helpers.store import Workspace
    >>> ws = Workspace.create(pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile("Ana"))
    >>> done = import_files(ws, [("c.csv", b"name\\nAda\\n"), ("e.csv", b"")])
    >>> [(o.file, o.report is not None) for o in done], ws.count_contacts()
    ([('c.csv', True), ('e.csv', False)], 1)
    >>> ws.close()
    """
    outcomes = []
    for number, (name, data) in enumerate(files, start=1):
        if on_file is not None:
            on_file(name, number, len(files))
        steps = ProgressSteps()

        def progress(phase: str, done: int, total: int, steps=steps) -> None:
            moved = steps.update(phase, done, total)
            if moved and on_progress is not None:
                on_progress(*moved)

        try:
            report = ws.import_file(name, name=name, data=data, progress=progress)
            outcomes.append(FileOutcome(name, report=report))
        except Exception as err:  # noqa: BLE001 - said per file, the others still go in
            outcomes.append(FileOutcome(name, problem=describe(err)))
    if any(o.report is not None for o in outcomes):
        workspace_model(ws).changed()
    return outcomes
