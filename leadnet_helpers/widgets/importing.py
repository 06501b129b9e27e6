"""Notebook 01's import view: upload exports, import them, read the report.

Each file is imported on its own, all or nothing: a file that cannot be read
leaves the workspace as it was and says why; the others still go in. The
report lists, per file, a summary line and the records worth a look
(rejected, merged, possible duplicates, warnings) with their line numbers.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets

from ..app.importing import FileOutcome, import_files, report_rows, uploaded_files
from ..errors import LeadNetError
from ..store import Workspace
from .feedback import LABEL_STYLE, error_text, feedback_widget, guarded, message_html, show
from .tables import html_table

__all__ = ["ACCEPT", "ImportView", "import_view", "report_html"]

#: The file types offered in the upload dialog.
ACCEPT = ".csv,.vcf,.xlsx,.txt"
_REPORT_COLUMNS = (
    ("file", "File"),
    ("line", "Line"),
    ("outcome", "What happened"),
    ("name", "Name"),
    ("detail", "Why"),
)


def report_html(outcomes: Sequence[FileOutcome]) -> str:
    """The whole report: a summary per file, then one escaped table of notable records.

    Examples
    --------
    >>> html_text = report_html([FileOutcome("x.csv", problem="x.csv: the file is empty.")])
    >>> "x.csv: the file is empty." in html_text and "unchanged" in html_text
    True
    """
    parts = []
    for outcome in outcomes:
        if outcome.report is not None:
            parts.append(message_html("ok", outcome.report.summary()))
        else:
            parts.append(
                message_html(
                    "error",
                    f"{outcome.problem} Nothing from this file was "
                    "imported; your workspace is unchanged.",
                )
            )
    reports = [o.report for o in outcomes if o.report is not None]
    total = sum(1 for r in reports for e in r.events if e.outcome != "imported")
    if total:
        rows = report_rows(reports)
        caption = "Records worth a look" + (
            f" (the first {len(rows)} of {total})" if total > len(rows) else ""
        )
        parts.append(
            html_table(_REPORT_COLUMNS, rows, caption=caption, css_class="leadnet-import-report")
        )
    return "".join(parts)


class ImportView(widgets.VBox):
    """Upload one or more exports, import them, and show the report."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.upload = widgets.FileUpload(
            accept=ACCEPT,
            multiple=True,
            description="Choose files",
            tooltip="Choose contact exports (.csv, .vcf, .xlsx, .txt)",
        )
        self.upload.add_class("leadnet-upload")
        self.chosen = widgets.HTML("<p>No files chosen yet.</p>")
        self.import_button = widgets.Button(
            description="Import",
            button_style="primary",
            tooltip="Import the chosen files into your workspace",
        )
        self.import_button.add_class("leadnet-import")
        self.progress = widgets.IntProgress(
            value=0, min=0, max=100, description="Progress", style=LABEL_STYLE
        )
        self.progress.add_class("leadnet-import-progress")
        self.feedback = feedback_widget()
        self.report = widgets.HTML()
        self.report.add_class("leadnet-import-report-box")
        super().__init__(
            [
                widgets.HBox([self.upload, self.import_button]),
                self.chosen,
                self.progress,
                self.feedback,
                self.report,
            ]
        )
        self.add_class("leadnet-import-view")
        self.upload.observe(self._on_upload, names="value")
        self.import_button.on_click(guarded(self.feedback)(self._on_import))

    def _on_upload(self, change: dict) -> None:
        names = [name for name, _ in uploaded_files(change["new"])]
        self.chosen.value = (
            ("<p>Chosen: " + ", ".join(html.escape(n) for n in names) + ". Press Import.</p>")
            if names
            else "<p>No files chosen yet.</p>"
        )

    def import_files(self, files: Sequence[tuple[str, bytes]]) -> list[FileOutcome]:
        """Import each file on its own; show and return what happened to each."""

        def on_file(name: str, number: int, count: int) -> None:
            show(self.feedback, "info", f"Importing {name} ({number} of {count})...")

        def on_progress(percent: int, phase: str) -> None:
            self.progress.value, self.progress.description = percent, phase

        outcomes = import_files(
            self.ws, files, describe=error_text, on_file=on_file, on_progress=on_progress
        )
        self.report.value = report_html(outcomes)
        done = sum(1 for o in outcomes if o.report is not None)
        kind = "ok" if done == len(outcomes) else "error"
        show(
            self.feedback,
            kind,
            f"Imported {done} of {len(outcomes)} file(s). You now have "
            f"{self.ws.count_contacts():,} contacts.",
        )
        self.progress.value, self.progress.description = 100, "done"
        return outcomes

    def _on_import(self, _button: widgets.Button) -> None:
        files = uploaded_files(self.upload.value)
        if not files:
            raise LeadNetError(
                "no files are chosen yet",
                fix="Press Choose files, pick your exports, then press Import.",
            )
        self.import_button.disabled = True
        try:
            self.import_files(files)
        finally:
            self.import_button.disabled = False
            self.upload.value = ()
            self.chosen.value = "<p>Choose more files to import more.</p>"


def import_view(ws: Workspace) -> ImportView:
    """Show the import view for *ws* (see :class:`ImportView`).

    Examples
    --------
    >>> from leadnet_helpers.workbook import start_workspace
    >>> from leadnet_helpers.model import Profile
    >>> view = import_view(start_workspace(Profile("Bo")))
    >>> view.import_button.click()
    >>> "no files are chosen yet" in view.feedback.value.lower()
    True
    """
    return ImportView(ws)
