"""Messages shown to the person, and the guard every widget callback runs in.

A callback never lets an error escape (JupyterLab would hide it in the log)
and never shows a traceback. A :class:`~leadnet_helpers.errors.LeadNetError`
is shown as its own message (what, where, the fix); anything else as
"Something went wrong: ..." with the kind of error, so it can be reported.
Messages go into an ``ipywidgets.HTML`` (a value widget), not an ``Output``.
"""

from __future__ import annotations

import base64
import functools
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..errors import LeadNetError
from ..rules import badge_html

__all__ = [
    "LABEL_STYLE",
    "MAX_DATA_URI_BYTES",
    "MIME_TYPES",
    "badge_html",
    "download_link",
    "empty_message",
    "error_text",
    "feedback_widget",
    "guarded",
    "message_html",
    "show",
]

#: Labels wide enough to read in full (ipywidgets cuts long descriptions otherwise).
LABEL_STYLE = {"description_width": "11em"}

_KINDS = {
    "ok": ("leadnet-ok", "#1b5e20", "#e8f5e9"),
    "info": ("leadnet-info", "#0d3c61", "#e3f2fd"),
    "error": ("leadnet-error", "#7f0000", "#ffebee"),
}


def message_html(kind: str, text: str, *, escape: bool = True) -> str:
    """Wrap *text* as a coloured message paragraph (escaped unless told otherwise).

    Examples
    --------
    >>> message_html("error", "<script>x</script>")
    '<div class="leadnet-error" role="alert" style="color:#7f0000;background:#ffebee;padding:4px 8px;margin:4px 0">&lt;script&gt;x&lt;/script&gt;</div>'
    """
    cls, colour, background = _KINDS.get(kind, _KINDS["info"])
    role = ' role="alert"' if kind == "error" else ' role="status"'
    body = html.escape(text) if escape else text
    return (
        f'<div class="{cls}"{role} style="color:{colour};background:{background};'
        f'padding:4px 8px;margin:4px 0">{body}</div>'
    )


def error_text(err: BaseException) -> str:
    """The words shown for an error raised inside a callback.

    Examples
    --------
    >>> error_text(LeadNetError("the file is empty", file="c.csv", line=1, fix="Export again."))
    'c.csv, line 1: the file is empty. Export again.'
    >>> error_text(KeyError("name"))
    "Something went wrong: KeyError: 'name'. Please tell whoever runs your workshop."
    """
    if isinstance(err, LeadNetError):
        return str(err)
    detail = str(err) or "no details"
    return (
        f"Something went wrong: {type(err).__name__}: {detail}. "
        "Please tell whoever runs your workshop."
    )


#: The media type of each export, for its download link.
MIME_TYPES = {
    "html": "text/html",
    "pdf": "application/pdf",
    "md": "text/markdown",
    "ics": "text/calendar",
    "csv": "text/csv",
    "json": "application/json",
}
#: Files up to this size are offered as a ``data:`` link (the HTML with plotly.js is ~5 MB).
MAX_DATA_URI_BYTES = 12_000_000


def download_link(
    path: str | Path, *, fmt: str | None = None, max_bytes: int = MAX_DATA_URI_BYTES
) -> str:
    """A download link for a saved file, and where it was saved (HTML, escaped).

    The file travels inside the link (a ``data:`` URI with the ``download``
    attribute), so the browser saves it without asking the Jupyter server.
    A file larger than *max_bytes* shows its path only.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "plan.md"
    >>> _ = path.write_text("# Plan", encoding="utf-8")
    >>> link = download_link(path)
    >>> 'download="plan.md"' in link and "data:text/markdown;base64,IyBQbGFu" in link
    True
    """
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".")
    mime = MIME_TYPES.get(fmt, "application/octet-stream")
    where = (
        f'<span class="leadnet-export-path">saved to <code>{html.escape(str(path))}</code></span>'
    )
    size = path.stat().st_size
    if size > max_bytes:
        return (
            f'<div class="leadnet-export-file" data-format="{html.escape(fmt)}">'
            f"{html.escape(path.name)} ({size / 1e6:.1f} MB) is too large to offer here: "
            f"{where}</div>"
        )
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    label = f"Download {path.name}"
    kb = max(1, round(size / 1000))
    return (
        f'<div class="leadnet-export-file" data-format="{html.escape(fmt)}">'
        f'<a class="leadnet-download" download="{html.escape(path.name)}" '
        'style="color:#0b57d0;text-decoration:underline;font-weight:bold" '
        f'href="data:{mime};base64,{data}">{html.escape(label)}</a> ({kb:,} KB), '
        f"{where}</div>"
    )


def feedback_widget(**shared: Any) -> widgets.HTML:
    """An empty HTML widget for messages (announced to screen readers when it changes).

    *shared* may give a ``style`` and a ``layout`` several widgets share (fewer
    widget models for the browser to build).
    """
    box = widgets.HTML(value="", **shared)
    box.add_class("leadnet-feedback")
    return box


def show(target: widgets.HTML, kind: str, text: str, *, escape: bool = True) -> None:
    """Put a message into *target*."""
    target.value = message_html(kind, text, escape=escape)


def guarded(target: widgets.HTML) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a callback so any error is shown in *target* instead of escaping.

    Examples
    --------
    >>> box = feedback_widget()
    >>> @guarded(box)
    ... def on_click(_):
    ...     raise LeadNetError("a contact needs a name", fix="Type a name.")
    >>> on_click(None)
    >>> "A contact needs a name. Type a name." in box.value
    True
    """

    def decorate(callback: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(callback)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return callback(*args, **kwargs)
            except Exception as err:  # noqa: BLE001 - shown to the person, never swallowed
                show(target, "error", error_text(err))
                return None

        return run

    return decorate


def empty_message() -> str:
    """The friendly message notebook 02's views show when there are no contacts (escaped HTML).

    Examples
    --------
    >>> "01_map_your_contacts" in empty_message()
    True
    """
    from ..app.board import EMPTY_TEXT  # the board (pandas) only where it is shown

    return message_html("info", EMPTY_TEXT)
