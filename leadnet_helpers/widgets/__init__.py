"""The workbook's interactive views (ipywidgets), one module per view.

Each view only wires what the person does to functions of the package; the
logic behind it (searching, paging, building reports and tables, checking
forms) lives in plain functions next to it, tested without a browser. Errors
inside a view are shown in it as a message, never as a traceback.

=================  =========================================  ==========
view               what it is for                             notebook
=================  =========================================  ==========
``start_view``     sample persona, new or existing workspace  00
``prompts_view``   name-generator prompts, each with a form   01
``import_view``    upload exports, import, read the report    01
``contacts_view``  search, page, edit, delete, undo           01
``ties_view``      who knows whom                             01
``introductions_view``  how we met, who introduced us         01
=================  =========================================  ==========
"""

from .contacts import contacts_view
from .importing import import_view
from .introductions import introductions_view
from .prompt_forms import prompts_view
from .start import start_view
from .ties import ties_view

__all__ = [
    "contacts_view",
    "import_view",
    "introductions_view",
    "prompts_view",
    "start_view",
    "ties_view",
]
