"""In a notebook, show a LeadNetError as its plain message, never as a traceback.

The package installs this when it is imported inside IPython (JupyterLab,
Voilà, the console): a :class:`~leadnet_helpers.errors.LeadNetError` raised in
a cell then shows what went wrong, where, and what to do, in a short red box.
Other exceptions keep IPython's usual traceback: they are our bugs, and the
traceback is what a bug report needs.
"""

from __future__ import annotations

import html

from .errors import LeadNetError

__all__ = ["friendly_html", "install"]


def friendly_html(err: LeadNetError) -> str:
    """The error as a small, escaped HTML notice.

    Examples
    --------
    >>> print(
    ...     friendly_html(LeadNetError("no <name>", file="a.csv", line=2, fix="Add one."))
    ... )  # doctest: +ELLIPSIS
    <div role="alert" ...>a.csv, line 2: no &lt;name&gt;. Add one.</div>
    """
    return (
        '<div role="alert" style="border-left:4px solid #b00020;padding:.4em .8em;'
        f'background:#fdecee;color:#5f000f">{html.escape(str(err))}</div>'
    )


def _show(shell, etype, value, tb, tb_offset=None):
    from IPython.display import HTML, display

    display(HTML(friendly_html(value)))
    return [f"{etype.__name__}: {value}"]


def install() -> bool:
    """Register the friendly display with the running IPython; False outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((LeadNetError,), _show)
    return True
