"""Writers for everything that leaves the workbook, safe by construction.

Text is stored exactly as the person gave it; it is made safe here, at output
time: a CSV cell that a spreadsheet would run as a formula is neutralised
(:func:`safe_cell`), and every file is written to a temporary name and
renamed, so a crash never leaves half a file (:mod:`.files` says more).

The action plan (:mod:`leadnet_helpers.plan`) leaves as five files
(:func:`write_plan`): a self-contained HTML page that opens offline and prints
to one to three pages (:func:`plan_html`), the same page as PDF
(:func:`plan_pdf`, WeasyPrint, else Chromium), Markdown (:func:`plan_markdown`),
an iCalendar file with an all-day event per action (:func:`plan_ics`, RFC 5545
via the ``icalendar`` library) and a CSV with a row per action
(:func:`plan_csv`). Each is a pure function returning text or bytes.

Text the person typed (their name, contacts' names, custom actions) can hold
anything, so: HTML escapes every piece of text with :func:`html.escape` and
forbids any network load with a Content-Security-Policy; the PDF is rendered
from that HTML with a URL fetcher that refuses everything; Markdown escapes
its markup; the iCalendar file is written by the icalendar library (which
escapes TEXT values); CSV cells go through :func:`safe_cell`.

One idea per module:

- :mod:`.files`: atomic writes of text and bytes, safe CSV cells and CSV files
- :mod:`.text`: escaping, dates, cadences and citations as every format words them
- :mod:`.charts`: the plan's static SVG charts
- :mod:`.html`: the plan's HTML page and its Content-Security-Policy
- :mod:`.pdf`: the plan as PDF (WeasyPrint or Chromium)
- :mod:`.markdown`: the plan as Markdown
- :mod:`.ics`: the plan as an iCalendar file
- :mod:`.plan_csv`: the plan as rows and as CSV
- :mod:`.plan_files`: all the plan's files at once (:func:`write_plan`)
- :mod:`.worksheets`: the printable worksheets (prompts, classification grid, action-plan
  page) for people without a laptop, through the plan's HTML-to-PDF path

The research exports of ``leadnet network`` (imported where used, not here):

- :mod:`.egonet`: the ego network as clean, typed rows (and what pseudonymising changes)
- :mod:`.graphml`: those rows as GraphML (networkx, igraph, Gephi, R)
- :mod:`.egor`: those rows as the three CSV tables R's egor reads
- :mod:`.research`: checking the targets and writing both (the command's work)
"""

from .charts import plan_charts_svg
from .files import atomic_write_bytes, atomic_write_text, csv_text, safe_cell, write_csv
from .html import plan_html
from .ics import plan_ics
from .markdown import markdown_escape, plan_markdown
from .pdf import plan_pdf
from .plan_csv import PLAN_CSV_COLUMNS, plan_csv, plan_rows
from .plan_files import PLAN_FILES, write_plan

__all__ = [
    "PLAN_CSV_COLUMNS",
    "PLAN_FILES",
    "atomic_write_bytes",
    "atomic_write_text",
    "csv_text",
    "markdown_escape",
    "plan_charts_svg",
    "plan_csv",
    "plan_html",
    "plan_ics",
    "plan_markdown",
    "plan_pdf",
    "plan_rows",
    "safe_cell",
    "write_csv",
    "write_plan",
]
