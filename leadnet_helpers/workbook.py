"""Notebook glue: which workspace the notebooks are working in.

Notebook 00 creates or opens the person's workspace (or a copy of a sample
persona) with :func:`start_workspace`; the choice is remembered on disk, so
every later notebook finds the same workspace with :func:`current_workspace`.
A notebook run on its own, before any choice was made (as the automatic
notebook tests do, with a fresh kernel), gets a fresh copy of the first
sample persona, and :func:`workspace_banner` says so plainly.

Everything stays on this computer: one SQLite file per person in the folder
given by :func:`~leadnet_helpers.paths.leadnet_home`.
"""

from __future__ import annotations

import html
import threading
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from . import paths, personas
from .app.figure_renderer import prepare_dashboard
from .errors import WorkspaceError
from .model import Profile, normalise_text
from .store import Workspace

if TYPE_CHECKING:
    from .plan import Plan

__all__ = [
    "Session",
    "current_plan",
    "current_session",
    "current_workspace",
    "describe_session",
    "example_contacts",
    "export_folder",
    "network_examples",
    "open_sample_workspace",
    "prepare_dashboard",
    "reset_session",
    "start_workspace",
    "where_things_live",
    "workspace_banner",
]


@dataclass(slots=True)
class Session:
    """The workspace a kernel is working in, and how it was chosen.

    ``kind`` is ``"own"`` (the person's workspace), ``"sample"`` (a copy of a
    sample persona the person chose) or ``"fallback"`` (a sample copy opened
    because no workspace was chosen yet). ``note`` says what happened, e.g.
    that an existing workspace was opened rather than created.
    """

    workspace: Workspace
    kind: str
    note: str = ""


_session: Session | None = None
# Held while the session is chosen: the kernel's preload thread (:mod:`.app.preload`) and a
# cell may both ask at once, and must get the same workspace object.
_choosing = threading.RLock()
#: This kernel's undo session: a workspace opened again in the same kernel (a re-run
#: cell) keeps its Undo history; another kernel or a CLI command has its own.
KERNEL_SESSION = uuid.uuid4().hex[:16]


def _set(session: Session, *, remember: bool) -> Workspace:
    global _session
    # The previous workspace is not closed: views made earlier may still use it.
    _session = session
    if remember:
        paths.remember_current_workspace(session.workspace.path)
    return session.workspace


def _is_sample_path(path: Path) -> bool:
    samples = (paths.leadnet_home() / "samples").resolve()
    return Path(path).resolve().parent == samples


def start_workspace(profile: Profile | None = None, *, path: str | Path | None = None) -> Workspace:
    """Create the person's workspace, or open it if it already exists.

    Parameters
    ----------
    profile : Profile, optional
        The person. With a profile and no *path*, the workspace file is
        ``paths.workspace_path_for(profile.name)``; if it exists already it is
        opened (nothing in it is lost) and its profile updated.
    path : str or Path, optional
        A workspace file to open (or create, with *profile*).

    Returns
    -------
    Workspace
        Also remembered as the current workspace for the next notebooks.

    Raises
    ------
    WorkspaceError
        When neither a profile nor an existing workspace file is given.

    Examples
    --------
    >>> ws = start_workspace(Profile(name="Ana Lima", organisation="Contoso"))
    >>> ws.path.name, current_workspace() is ws
    ('ana-lima.leadnet.sqlite', True)
    """
    if profile is None:
        target = Path(path) if path else paths.current_workspace_path()
        if target is None or not Path(target).exists():
            raise WorkspaceError(
                "there is no workspace to open yet", fix="Create one with the form in notebook 00."
            )
        ws = Workspace.open(target, session=KERNEL_SESSION)
        kind = "sample" if _is_sample_path(ws.path) else "own"
        return _set(Session(ws, kind, "Opened your existing workspace."), remember=True)
    target = Path(path) if path else paths.workspace_path_for(normalise_text(profile.name))
    if target.exists():
        ws = Workspace.open(target, session=KERNEL_SESSION)
        ws.set_profile(profile)
        note = (
            "A workspace under this name already existed, so it was opened (with "
            "everything in it) and its profile updated."
        )
    else:
        ws = Workspace.create(target, profile, session=KERNEL_SESSION)
        note = "Created a new, empty workspace."
    return _set(Session(ws, "own", note), remember=True)


def open_sample_workspace(slug: str | None = None, *, remember: bool = True) -> Workspace:
    """Build a fresh copy of a sample persona and work in it.

    The shipped persona files are never changed; the copy lives under
    ``samples/`` in the workspaces folder and is rebuilt each time.

    Examples
    --------
    >>> open_sample_workspace().count_contacts() > 10
    True
    """
    ws = personas.open_sample(slug)
    return _set(
        Session(ws, "sample", "Built a fresh copy of the sample persona."), remember=remember
    )


def reset_session() -> None:
    """Close this kernel's workspace and forget it (the choice on disk stays)."""
    global _session
    if _session is not None:
        _session.workspace.close()
    _session = None


def current_session() -> Session:
    """The session of this kernel, choosing one as :func:`current_workspace` does."""
    current_workspace()
    assert _session is not None
    return _session


def current_workspace() -> Workspace:
    """The workspace the notebooks are working in.

    In order: the one already open in this kernel; the one chosen in notebook
    00 (remembered on disk); otherwise a fresh copy of the first sample
    persona (without remembering it, so the person's own choice is not
    overridden), flagged so :func:`workspace_banner` can say so.

    Examples
    --------
    >>> reset_session()
    >>> ws = current_workspace()
    >>> current_session().kind
    'fallback'
    """
    with _choosing:
        return _current_workspace()


def _current_workspace() -> Workspace:
    global _session
    remembered = paths.current_workspace_path()
    if _session is not None and _session.workspace.path.exists():
        if remembered is None or _same_file(remembered, _session.workspace.path):
            return _session.workspace
        # Notebook 00 chose another workspace since this kernel opened its own: follow the
        # choice (the views already shown keep the workspace they were made with).
        _session = None
    if remembered is not None:
        try:
            ws = Workspace.open(remembered, session=KERNEL_SESSION)
        except WorkspaceError as err:
            ws = personas.open_sample()
            return _set(
                Session(
                    ws,
                    "fallback",
                    f"Your last workspace could not be opened ({err}) so this is a sample copy.",
                ),
                remember=False,
            )
        kind = "sample" if _is_sample_path(ws.path) else "own"
        return _set(
            Session(ws, kind, "Opened the workspace you chose in notebook 00."), remember=False
        )
    ws = personas.open_sample()
    return _set(
        Session(
            ws,
            "fallback",
            "No workspace was chosen yet, so this is a fresh copy of a sample persona.",
        ),
        remember=False,
    )


def _same_file(a: Path, b: Path) -> bool:
    """Whether *a* and *b* name the same file (either may be relative or a link)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def describe_session(session: Session) -> str:
    """Say in one short HTML paragraph which workspace this is and where it lives.

    Examples
    --------
    >>> ws = start_workspace(Profile(name="<b>Bo</b>"))
    >>> "&lt;b&gt;Bo&lt;/b&gt;" in describe_session(current_session())
    True
    """
    ws = session.workspace
    profile = ws.profile()
    who = html.escape(profile.name if profile else "someone")
    where = html.escape(str(ws.path))
    count = ws.count_contacts()
    contacts = f"{count:,} contact{'' if count == 1 else 's'}"
    if session.kind == "own":
        head = f"You are working in <b>{who}</b>'s workspace ({contacts})."
    elif session.kind == "sample":
        head = f"You are exploring a copy of the sample persona <b>{who}</b> ({contacts})."
    else:
        head = (
            f"<b>No workspace was chosen yet</b>, so you are working in a fresh copy of "
            f"the sample persona <b>{who}</b> ({contacts}). Changes here are practice "
            "only. To map your own network, run notebook 00_start_here and create "
            "your workspace, then come back here."
        )
    note = "" if session.kind == "fallback" else f" {html.escape(session.note)}"
    return (
        f"<p class='leadnet-banner'>{head}{note} The file is <code>{where}</code>; "
        "it stays on this computer.</p>"
    )


def workspace_banner(ws: Workspace | None = None):
    """Show which workspace this notebook works in (an ``ipywidgets.HTML``).

    Examples
    --------
    >>> "sample persona" in workspace_banner(open_sample_workspace()).value
    True
    """
    import ipywidgets

    session = current_session()
    if ws is not None and ws is not session.workspace:
        session = Session(ws, "sample" if _is_sample_path(ws.path) else "own")
    return ipywidgets.HTML(value=describe_session(session))


def where_things_live():
    """Show where workspaces are kept on this computer (an ``ipywidgets.HTML``).

    Examples
    --------
    >>> "stays on this computer" in where_things_live().value
    True
    """
    import ipywidgets

    home = html.escape(str(paths.leadnet_home()))
    return ipywidgets.HTML(
        value=(
            f"<p>Your workspaces are kept in <code>{home}</code>, one SQLite file per person. "
            "Everything stays on this computer: the workbook sends nothing anywhere and "
            "collects no usage data.</p>"
        )
    )


def example_contacts(slug: str | None = None) -> dict[str, dict[str, object]]:
    """One clear example of each network from a sample persona's contacts.

    The persona's shipped contacts are classified (nothing is written); for
    each network the contact the rules place there most confidently is taken,
    with their role, organisation, how the persona knows them and the reasons.

    Parameters
    ----------
    slug : str, optional
        A sample persona (the first one by default).

    Returns
    -------
    dict
        Network type -> ``name``, ``role``, ``organisation``,
        ``relationship``, ``confidence`` and ``reasons`` (tuple of str). A
        network with no contact at all is left out.

    Examples
    --------
    >>> examples = example_contacts()
    >>> sorted(examples)
    ['operational', 'personal', 'strategic']
    >>> all(e["reasons"] for e in examples.values())
    True
    """
    import csv
    import json
    from dataclasses import replace

    from .classify import classify
    from .model import contact_from_row

    slug = slug or personas.list_personas()[0]["slug"]
    folder = personas.persona_dir(slug)
    with (folder / "contacts.csv").open(encoding="utf-8", newline="") as handle:
        contacts = [contact_from_row(row)[0] for row in csv.DictReader(handle)]
    info = json.loads((folder / "profile.json").read_text(encoding="utf-8"))
    profile = Profile(**{k: info.get(k, "") for k in Profile.__slots__})
    # what the rules say: the persona's own labels are left aside for the example
    contacts = [replace(c, network_type="") for c in contacts]
    result = classify(contacts, profile)
    out: dict[str, dict[str, object]] = {}
    for kind in ("operational", "personal", "strategic"):
        rows = result[result["network_type"] == kind]
        if rows.empty:
            continue
        best = rows.sort_values("confidence", ascending=False, kind="stable").index[0]
        contact = contacts[int(best)]
        out[kind] = {
            "name": contact.name,
            "role": contact.role,
            "organisation": contact.organisation,
            "relationship": contact.relationship,
            # pandas-stubs types a cell as any scalar; these hold a float and a tuple.
            "confidence": float(result.at[best, "confidence"]),  # type: ignore[arg-type]
            "reasons": tuple(result.at[best, "reasons"]),  # type: ignore[arg-type]
        }
    return out


def network_examples(slug: str | None = None):
    """Show one example contact of each network from a sample persona (``ipywidgets.HTML``).

    Examples
    --------
    >>> "strategic" in network_examples().value
    True
    """
    import ipywidgets

    from .rules import badge_html

    slug = slug or personas.list_personas()[0]["slug"]
    who = next((p["name"] for p in personas.list_personas() if p["slug"] == slug), slug)
    rows = []
    for kind, example in example_contacts(slug).items():
        about = ", ".join(str(x) for x in (example["role"], example["organisation"]) if x)
        # example_contacts stores the reasons as a tuple
        reasons = "".join(
            f"<li>{html.escape(str(r))}</li>" for r in cast(tuple[str, ...], example["reasons"])
        )
        rows.append(
            f"<tr><td style='padding:4px 8px;vertical-align:top'>{badge_html(kind)}</td>"
            f"<td style='padding:4px 8px;vertical-align:top'><b>{html.escape(str(example['name']))}"
            f"</b><br>{html.escape(about)}<br><i>{html.escape(str(example['relationship']))}</i>"
            f"</td><td style='padding:4px 8px;vertical-align:top'><ul style='margin:0'>"
            f"{reasons}</ul></td></tr>"
        )
    head = "".join(
        f"<th scope='col' style='text-align:left;padding:4px 8px'>{h}</th>"
        for h in ("Network", "Example", "Why the rules put them there")
    )
    return ipywidgets.HTML(
        value=(
            f"<table class='leadnet-examples' style='border-collapse:collapse'><caption "
            f"style='text-align:left'>One contact of each network from the sample persona "
            f"{html.escape(who)}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}"
            "</tbody></table>"
        )
    )


def current_plan(ws: Workspace, today: date | None = None) -> Plan:
    """The person's action plan: the one saved last, else one built from their gaps.

    A plan built here is not saved; the plan editor of notebook 04 saves it
    as soon as it shows it.

    Parameters
    ----------
    ws : Workspace
        The workspace.
    today : date, optional
        The day a new plan starts from (default: today).

    Returns
    -------
    Plan
        See :mod:`leadnet_helpers.plan`.

    Examples
    --------
    >>> ws = open_sample_workspace(remember=False)
    >>> 0 < len(current_plan(ws).actions) <= 5
    True
    """
    from .analysis import analysis_of
    from .plan import build_plan, plan_from_dict

    saved = ws.latest_plan()
    if saved is not None:
        return plan_from_dict(saved)
    return build_plan(analysis_of(ws, today))


def export_folder(ws: Workspace) -> Path:
    """The folder the exports of *ws* are written to: ``<home>/exports/<workspace>/``.

    The folder is created if missing. It sits in the workbook's home folder,
    beside the workspaces, so exports of different people never mix.

    Examples
    --------
    >>> folder = export_folder(open_sample_workspace(remember=False))
    >>> folder.parent.name, folder.is_dir()
    ('exports', True)
    """
    name = ws.path.name.removesuffix(paths.WORKSPACE_SUFFIX)
    folder = paths.leadnet_home() / "exports" / (name or "workspace")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
