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
``key_contacts_view``  shortlist, bulk choices, rules, questions  01b
``contacts_view``  search, page, edit, delete, undo           01
``ties_view``      who knows whom                             01
``introductions_view``  how we met, who introduced us         01
``triage_view``    one card at a time: answer, decide, skip   02
``overview_view``  contacts by network: filter, override      02
``dashboard_view``  filters and figures, each with its reading  03
``plan_editor_view``  edit the month's actions, preview, export  04
``review_view``    log, snapshot, then versus now               05
``share_view``     offers, asks, preview, write the file      06
``roles_view``     kinds of help and energy per contact        07
=================  =========================================  ==========
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .contacts import contacts_view
    from .dashboard import dashboard_view
    from .importing import import_view
    from .introductions import introductions_view
    from .key_contacts import key_contacts_view
    from .overview import overview_view
    from .plan_editor import plan_editor_view
    from .prompt_forms import prompts_view
    from .review import review_view
    from .roles import roles_view
    from .share import share_view
    from .start import start_view
    from .ties import ties_view
    from .triage import triage_view

# Each view's module is imported when the view is first asked for, so a notebook
# that shows the contacts does not wait for the dashboard's plotting libraries.
_HOME = {
    "contacts_view": "contacts",
    "dashboard_view": "dashboard",
    "import_view": "importing",
    "introductions_view": "introductions",
    "key_contacts_view": "key_contacts",
    "overview_view": "overview",
    "plan_editor_view": "plan_editor",
    "prompts_view": "prompt_forms",
    "review_view": "review",
    "roles_view": "roles",
    "share_view": "share",
    "start_view": "start",
    "ties_view": "ties",
    "triage_view": "triage",
}

__all__ = [
    "contacts_view",
    "dashboard_view",
    "import_view",
    "introductions_view",
    "key_contacts_view",
    "overview_view",
    "plan_editor_view",
    "prompts_view",
    "review_view",
    "roles_view",
    "share_view",
    "start_view",
    "ties_view",
    "triage_view",
]


def __getattr__(name: str) -> Any:
    """Import a view's module on first use (PEP 562)."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOME])
