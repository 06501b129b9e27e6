"""The ``leadnet`` command: everything the notebooks do, headless.

Coaches use it to prepare workspaces in batch; the tests use it to drive the
workbook end to end. Problems are reported as one clear message (the file, the
line, the fix) and a non-zero exit status, never as a traceback.

Examples
--------
.. code-block:: console

    $ leadnet init ana.leadnet.sqlite --name "Ana Lima" --organisation Contoso
    $ leadnet import ana.leadnet.sqlite Connections.csv contacts.vcf
    $ leadnet contacts ana.leadnet.sqlite --csv contacts.csv
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import LeadNetError
from .model import CAREER_STAGES, INTERACTION_KINDS, NETWORK_TYPES, TEMPLATE_COLUMNS, Profile
from .rules import parse_date
from .store import Workspace

if TYPE_CHECKING:
    from .merge import ImportReport

__all__ = ["build_parser", "clean", "main", "say"]

# Characters a terminal acts on rather than shows: C0 and C1 controls (ESC starts the
# sequences that move the cursor, recolour or retitle the window), DEL, the bidi
# overrides, and the lone surrogates that stand for bytes that were not UTF-8.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Commands that change the workspace, and so need to write its file and folder.
_WRITES = frozenset({"init", "import", "classify", "log", "snapshot", "progress", "plan", "share"})


def clean(value: object) -> str:
    """*value* as text safe to print on a terminal: one line, no control characters.

    Every piece of user data the command prints (names, organisations, file
    names, messages quoting them) goes through this, via :func:`say`.

    Examples
    --------
    >>> clean("Ada\\x1b]0;pwned\\x07 Brooks\\nLine\\tTab \\udcff")
    'Ada?]0;pwned? Brooks Line Tab \ufffd'
    """
    text = str(value).replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _UNSAFE.sub(lambda m: "\ufffd" if _SURROGATE.match(m.group()) else "?", text)


def say(*parts: object, err: bool = False) -> None:
    """Print one line of output (to stderr with *err*), made safe by :func:`clean`."""
    print(clean(" ".join(str(p) for p in parts)), file=sys.stderr if err else sys.stdout)


_PROGRESS_MIN_BYTES = 200_000  # show a progress bar for files larger than this


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``leadnet`` command."""
    parser = argparse.ArgumentParser(
        prog="leadnet",
        description="LeadNet: map, classify and grow your leadership network (headless).",
    )
    parser.add_argument("--version", action="version", version=f"leadnet {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = sub.add_parser("init", help="create a new workspace for a person")
    init.add_argument("workspace", type=Path, help="the workspace file to create")
    init.add_argument("--name", required=True, help="the person's name")
    init.add_argument("--organisation", required=True, help="the person's organisation")
    init.add_argument("--role", default="", help="the person's role")
    init.add_argument("--function", default="", help="the person's function")
    init.add_argument("--industry", default="", help="the person's industry")
    init.add_argument(
        "--career-stage",
        default="",
        choices=("", *CAREER_STAGES),
        metavar="STAGE",
        help=f"one of: {', '.join(CAREER_STAGES)}",
    )
    init.set_defaults(run=_init)

    imp = sub.add_parser("import", help="import contacts exports (format detected)")
    imp.add_argument("workspace", type=Path)
    imp.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="LinkedIn, Google, Outlook, vCard, template CSV or .xlsx",
    )
    imp.add_argument("--quiet", action="store_true", help="print only the summary lines")
    imp.set_defaults(run=_import)

    contacts = sub.add_parser("contacts", help="list or export all contacts")
    contacts.add_argument("workspace", type=Path)
    contacts.add_argument(
        "--csv",
        type=Path,
        metavar="OUT",
        help="write all contacts in the template's columns (plus id, source)",
    )
    contacts.set_defaults(run=_contacts)

    classify = sub.add_parser(
        "classify", help="suggest each contact's network (operational, personal, strategic)"
    )
    classify.add_argument("workspace", type=Path)
    classify.add_argument(
        "--csv",
        type=Path,
        metavar="OUT",
        help="write one row per contact with its type, confidence and reasons",
    )
    classify.set_defaults(run=_classify)

    gaps = sub.add_parser("gaps", help="measure the gaps in the network, with their sources")
    gaps.add_argument("workspace", type=Path)
    gaps.add_argument(
        "--json",
        type=Path,
        metavar="OUT",
        help="write every diagnostic (value, reading, gap, severity, principle, "
        "source, details) as JSON",
    )
    gaps.add_argument("--today", type=_iso_date, default=None, help=argparse.SUPPRESS)
    gaps.set_defaults(run=_gaps)

    plan = sub.add_parser("plan", help="export the action plan (HTML, PDF, Markdown, ICS, CSV)")
    plan.add_argument("workspace", type=Path)
    plan.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder for plan.html, plan.pdf, plan.md, plan.ics, plan.csv",
    )
    plan.set_defaults(run=_plan)

    demo = sub.add_parser(
        "demo", help="the sample persona from import to exported plan, in one command"
    )
    demo.add_argument("out", type=Path, metavar="OUT", help="folder for the workspace and plan")
    demo.add_argument("--persona", default=None, help="which sample persona (default: the first)")
    demo.set_defaults(run=_demo)

    log = sub.add_parser("log", help="log an interaction (resets the keeping-warm clock)")
    log.add_argument("workspace", type=Path)
    log.add_argument("contact", help="the contact's name (or id)")
    log.add_argument(
        "--kind",
        required=True,
        choices=INTERACTION_KINDS,
        help="met, gave (I gave something) or asked (I asked for something)",
    )
    log.add_argument("--date", type=_iso_date, default=None, help="YYYY-MM-DD (default today)")
    log.add_argument("--note", default="", help="what happened, in a few words")
    log.set_defaults(run=_log)

    snap = sub.add_parser("snapshot", help="save today's network to compare with later")
    snap.add_argument("workspace", type=Path)
    snap.add_argument("--label", default="", help="a name for it, e.g. 'after the workshop'")
    snap.set_defaults(run=_snapshot)

    short = sub.add_parser(
        "shortlist", help="propose the key contacts who probably matter, ranked, with reasons"
    )
    short.add_argument("workspace", type=Path)
    short.add_argument("--size", type=int, default=50, help="how many to propose (default 50)")
    short.add_argument("--csv", type=Path, metavar="OUT", help="write the shortlist as CSV")
    short.add_argument(
        "--accept", action="store_true", help="keep them as your key contacts (undoable)"
    )
    short.add_argument("--today", type=_iso_date, default=None, help=argparse.SUPPRESS)
    short.set_defaults(run=_shortlist)

    prog = sub.add_parser("progress", help="compare now with an earlier snapshot")
    prog.add_argument("workspace", type=Path)
    prog.add_argument(
        "--since",
        type=_iso_date,
        default=None,
        help="compare with the last snapshot taken on or before this date",
    )
    prog.set_defaults(run=_progress)

    share = sub.add_parser("share", help="write an anonymised share for your coach (previewed)")
    share.add_argument("workspace", type=Path)
    share.add_argument("--out", type=Path, required=True, metavar="FILE", help="the share file")
    share.add_argument("--pseudonym", default=None, help="a made-up name the coach may see")
    for side in ("offer", "ask"):
        share.add_argument(
            f"--{side}",
            action="append",
            default=None,
            metavar="KIND[:AREA][=PHRASE]",
            help=f"what you {side} the room (up to 3; e.g. feedback=on a pitch)",
        )
    share.add_argument("--force", action="store_true", help="replace FILE if it exists")
    share.add_argument("--today", type=_iso_date, default=None, help=argparse.SUPPRESS)
    share.set_defaults(run=_share)

    cohort = sub.add_parser("cohort", help="the coach's view of a folder of shares")
    cohort.add_argument("folder", type=Path, metavar="DIR")
    cohort.add_argument("--json", type=Path, required=True, metavar="OUT")
    cohort.add_argument("--html", type=Path, default=None, metavar="OUT", help="offline debrief")
    cohort.set_defaults(run=_cohort)

    sheets = sub.add_parser(
        "worksheets", help="printable worksheets (prompts, grid, plan) for people without a laptop"
    )
    sheets.add_argument(
        "--out", dest="sheets_out", type=Path, required=True, metavar="FILE", help=".pdf or .html"
    )
    sheets.set_defaults(run=_worksheets)

    net = sub.add_parser("network", help="export the ego network for research (GraphML, egor CSVs)")
    net.add_argument("workspace", type=Path)
    net.add_argument(
        "--graphml", type=Path, metavar="FILE", help="write GraphML (networkx, igraph, Gephi)"
    )
    net.add_argument(
        "--egor", type=Path, metavar="DIR", help="write ego.csv, alters.csv, aaties.csv (R egor)"
    )
    net.add_argument(
        "--pseudonymise",
        action="store_true",
        help="replace names and organisations with stable pseudonyms; leave out free text",
    )
    net.set_defaults(run=_network)
    return parser


def _iso_date(text: str) -> date:
    try:
        return parse_date(text, formats=())
    except LeadNetError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-21") from None


def _find_contact(ws: Workspace, wanted: str):
    if wanted.isdigit():
        return ws.contact(int(wanted))
    found = ws.find_contacts(wanted)
    if not found:
        raise LeadNetError(
            f"there is no contact called '{wanted}'",
            fix="Check the spelling (`leadnet contacts WORKSPACE` lists them).",
        )
    if len(found) > 1:
        ids = ", ".join(f"{c.id} ({c.organisation or 'no organisation'})" for c in found)
        raise LeadNetError(
            f"{len(found)} contacts are called '{wanted}': ids {ids}",
            fix="Give the id instead of the name.",
        )
    return found[0]


class _WaitNotice(logging.Handler):
    """Print the store's "waiting for the workspace" notices to stderr as they happen."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"leadnet: {record.getMessage()}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0 ok, 1 nothing done, 2 usage)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    args = build_parser().parse_args(argv)
    store_log = logging.getLogger("leadnet_helpers.store")
    notice = _WaitNotice(logging.WARNING)
    store_log.addHandler(notice)
    try:
        _check_arguments(args)
        return int(args.run(args) or 0)
    except LeadNetError as err:
        say(f"leadnet: {err}", err=True)
        return 1
    except BrokenPipeError:
        # The reader went away (`leadnet contacts | head`): stop quietly, no traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        say(
            "leadnet: the output was closed before the end (e.g. by `head`); nothing else "
            "was done.",
            err=True,
        )
        return 141
    except sqlite3.Error as err:
        from .store.connection import is_busy

        if is_busy(err):  # a last resort: never a traceback for "locked"
            say(
                "leadnet: the workspace is busy, so nothing was saved. Try again in a minute; "
                "another notebook or command is saving a large change.",
                err=True,
            )
            return 1
        say(
            f"leadnet: {getattr(args, 'workspace', '')}: the workspace cannot be read or written "
            f"({err}). Check that the file and its folder are writable and that no other "
            "program has it open, then try again.",
            err=True,
        )
        return 1
    except OSError as err:
        name = err.filename or getattr(args, "workspace", "") or "a file"
        say(
            f"leadnet: {name}: {err.strerror or type(err).__name__}. Check the name, that the "
            "folder exists and that you may write there, then try again.",
            err=True,
        )
        return 1
    except KeyboardInterrupt:
        say(
            "leadnet: stopped; nothing half-saved (each file is saved whole or not at all).",
            err=True,
        )
        return 130
    finally:
        store_log.removeHandler(notice)


def _check_arguments(args: argparse.Namespace) -> None:
    """Refuse, before anything is done, arguments the command could only half-use."""
    for key, value in vars(args).items():
        if isinstance(value, str) and _SURROGATE.search(value):
            option = f"--{key.replace('_', '-')}" if key not in ("contact",) else key.upper()
            raise LeadNetError(
                f"the argument {option} '{clean(value)}' holds bytes that are not UTF-8 text",
                fix="Type it again in a terminal set to UTF-8 (or copy it from a UTF-8 file).",
            )
    workspace = getattr(args, "workspace", None)
    if isinstance(workspace, Path):
        if _SURROGATE.search(str(workspace)):
            raise LeadNetError(
                f"the workspace file name '{clean(workspace)}' holds bytes that are not UTF-8 text",
                fix="Rename the file (or its folder) with plain letters, then run the command "
                "with the new name.",
            )
        _check_writable(
            workspace, creating=args.command == "init", reading=args.command not in _WRITES
        )
    for key in ("out", "csv", "json", "html"):
        target = getattr(args, key, None)
        if not isinstance(target, Path):
            continue
        folder_wanted = key == "out" and args.command != "share"
        if folder_wanted and target.exists() and not target.is_dir():
            raise LeadNetError(
                f"--out '{clean(target)}' is a file, not a folder",
                fix="Give the name of a folder (it is created if missing), e.g. --out plan.",
            )
        if not folder_wanted and target.is_dir():
            raise LeadNetError(
                f"--{key} '{clean(target)}' is a folder, not a file",
                fix=f"Give a file name, e.g. --{key} {target / ('out.' + key)}.",
            )


def _nearest_folder(path: Path) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _check_writable(workspace: Path, *, creating: bool, reading: bool = False) -> None:
    """A read-only workspace or folder, said as such before SQLite fails on it.

    Reading needs the folder to be writable too: SQLite keeps a shared-memory
    file next to the workspace while it is open.
    """
    folder = _nearest_folder(workspace)
    if creating or not workspace.exists():
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise LeadNetError(
                f"the folder '{clean(folder)}' is read-only, so the workspace "
                f"'{clean(workspace.name)}' cannot be created there",
                fix="Choose a folder you can write to, or make this one writable "
                "(chmod u+w FOLDER).",
            )
        return
    if not os.access(workspace, os.W_OK) and not reading:
        raise LeadNetError(
            f"the workspace file '{clean(workspace)}' is read-only, so this command cannot "
            "save to it",
            fix="Make it writable (chmod u+w FILE, or untick 'Read-only' in its properties), "
            "or work on a copy.",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LeadNetError(
            f"the folder '{clean(folder)}' holding the workspace is read-only; opening it needs "
            "to write a journal file next to the workspace",
            fix="Make the folder writable (chmod u+w FOLDER), or copy the workspace to a folder "
            "you can write to and use the copy.",
        )


def _init(args: argparse.Namespace) -> int:
    profile = Profile(
        name=args.name,
        organisation=args.organisation,
        role=args.role,
        function=args.function,
        industry=args.industry,
        career_stage=args.career_stage,
    )
    path: Path = args.workspace
    traces = [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
    existed = {p for p in traces if p.exists()}
    try:
        with Workspace.create(path, profile):
            pass
    except BaseException:
        for trace in traces:  # leave no half-made workspace that a second init would refuse
            if trace not in existed:
                trace.unlink(missing_ok=True)
        raise
    say(f"Created the workspace of {args.name} at {args.workspace}")
    return 0


def _import(args: argparse.Namespace) -> int:
    failed = 0
    with Workspace.open(args.workspace) as ws:
        for path in args.files:
            try:
                report = ws.import_file(path, name=clean(path.name), progress=_progress_bar(path))
            except LeadNetError as err:
                failed += 1
                say(f"leadnet: {err}", err=True)
                continue
            _print_report(report, quiet=args.quiet)
            if not report.ok:
                failed += 1
        say(f"The workspace now holds {ws.count_contacts()} contacts.")
    return 1 if failed else 0


#: How many lines of an import report are printed; the rest are counted.
REPORT_LINES = 20


def _print_report(report: ImportReport, *, quiet: bool) -> None:
    say(report.summary())
    if quiet:
        return
    notes = [e for e in report.events if e.outcome != "imported"]
    for event in notes[:REPORT_LINES]:
        name = f" {event.name}" if event.name else ""
        say(f"  {report.file}:{event.line}: {event.outcome}:{name} ({event.detail})")
    if len(notes) > REPORT_LINES:
        kinds: dict[str, int] = {}
        for event in notes[REPORT_LINES:]:
            kinds[event.outcome] = kinds.get(event.outcome, 0) + 1
        counted = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
        say(
            f"  ... and {len(notes) - REPORT_LINES} more ({counted}); the import report in "
            "notebook 01 lists every one."
        )


def _progress_bar(path: Path):
    """A tqdm bar on an interactive terminal for large files; None otherwise."""
    try:
        large = path.stat().st_size > _PROGRESS_MIN_BYTES
    except OSError:
        return None
    if not (large and sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def update(phase: str, done: int, total: int) -> None:
        bar = bars.get(phase)
        if bar is None:
            bar = bars[phase] = tqdm(
                total=total, desc=f"{phase} {path.name}", unit=" records", leave=False, err=True
            )
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return update


def _contacts(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace, read_only=True) as ws:
        contacts = ws.contacts()
    columns = ("id", *TEMPLATE_COLUMNS, "email", "linkedin_url", "phone", "source")
    rows = [{**c.to_row(), "id": c.id} for c in contacts]
    if args.csv:
        from .export.files import write_csv

        write_csv(args.csv, rows, columns)
        say(f"Wrote {len(rows)} contacts to {args.csv}")
        return 0
    for row in rows:
        say(
            f"{row['id']:>6}  {row['name']}"
            + (f"  ({row['organisation']})" if row["organisation"] else "")
        )
    say(f"{len(rows)} contacts.")
    return 0


def _classify(args: argparse.Namespace) -> int:
    from .analysis import classify_and_save

    with Workspace.open(args.workspace) as ws:
        result = classify_and_save(ws).classification
    # pandas-stubs types a row's fields as any scalar; these two hold tuples of text.
    rows = [
        {
            "id": r.contact_id,
            "name": r.name,
            "network_type": r.network_type,
            "secondary_types": ";".join(r.secondary_types),  # type: ignore[arg-type]
            "confidence": f"{r.confidence:.2f}",
            "reasons": "; ".join(r.reasons),  # type: ignore[arg-type]
            "decided_by": r.decided_by,
        }
        for r in result.itertuples()
    ]
    if args.csv:
        columns = (
            "id",
            "name",
            "network_type",
            "secondary_types",
            "confidence",
            "reasons",
            "decided_by",
        )
        from .export.files import write_csv

        write_csv(args.csv, rows, columns)
        say(f"Wrote {len(rows)} classified contacts to {args.csv}")
        return 0
    if not rows:
        say("No contacts yet: import or add some first (notebook 01, or `leadnet import`).")
        return 0
    say(f"{len(rows)} contacts:")
    counts = result["network_type"].value_counts()
    for kind in NETWORK_TYPES:
        n = int(counts.get(kind, 0))
        say(f"  {kind:<12} {n:>6}  ({n / len(rows):.0%})")
    review = int(result["needs_review"].sum())
    decided = int((result["decided_by"] == "person").sum())
    say(f"{decided} decided by you; {review} suggestions need your review (notebook 02).")
    return 0


def _gaps(args: argparse.Namespace) -> int:
    from .analysis import analysis_of
    from .diagnostics import gap_list
    from .export import atomic_write_text

    with Workspace.open(args.workspace, read_only=True) as ws:
        analysis = analysis_of(ws, args.today)
    findings = list(analysis.findings)
    if args.json:
        payload = {
            "workspace": str(args.workspace),
            "measured_on": (args.today or date.today()).isoformat(),
            "scope": analysis.scope,
            "basis": analysis.scope_line(),
            "mostly_guessed": analysis.mostly_guessed,
            "diagnostics": [f.to_dict() for f in findings],
        }
        atomic_write_text(
            args.json, json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False)
        )
        say(f"Wrote {len(findings)} diagnostics to {args.json}")
        return 0
    gaps = gap_list(findings)
    say(f"{len(gaps)} gaps found, most important first:" if gaps else "No gaps found.")
    if analysis.mostly_guessed:
        say(analysis.gaps_label())
    for number, f in enumerate(gaps, 1):
        tag = ", mostly guessed" if analysis.mostly_guessed else ""
        say(f"{number}. [{f.severity_label}{tag}] {f.title}: {f.reading}")
        say(f"   Why it matters: {f.principle} ({f.source})")
    others = [f for f in findings if not f.is_gap]
    if others:
        say("Also measured, no gap: " + "; ".join(f.title for f in others) + ".")
    say(analysis.scope_line())
    return 0


def _shortlist(args: argparse.Namespace) -> int:
    from .key_contacts import shortlist_command

    return shortlist_command(args.workspace, args.size, args.csv, args.accept, args.today, say)


def _export_plan(ws: Workspace, out: Path) -> dict[str, Path]:
    """Write the person's plan (the saved one, else one built from the gaps) to *out*."""
    from .analysis import analysis_of
    from .export import write_plan
    from .plan import plan_to_dict
    from .workbook import current_plan

    analysis = analysis_of(ws)
    figures = _plan_figures(analysis)  # the analysis, computed once, is reused below
    plan = current_plan(ws)
    if ws.latest_plan() is None and not ws.read_only:
        ws.save_plan(plan_to_dict(plan))
    plan.basis = analysis.gaps_label()  # as the workspace stands today, not when saved
    return write_plan(plan, out, figures=figures)


def _plan_figures(analysis):
    """The key charts embedded in the HTML plan (none if plotting is unavailable)."""
    try:
        from .plots import plan_figures
    except ImportError:
        return None
    return plan_figures(analysis.network, list(analysis.findings))


def _plan(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        written = _export_plan(ws, args.out)
    for kind, path in written.items():
        say(f"{kind:<5} {path}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from .analysis import classify_and_save
    from .paths import WORKSPACE_SUFFIX
    from .personas import build_persona_workspace, list_personas

    slug = args.persona or list_personas()[0]["slug"]
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"{slug}{WORKSPACE_SUFFIX}"
    with build_persona_workspace(slug, path) as ws:
        profile = ws.profile()
        assert profile is not None  # the persona's workspace is created with its profile
        say(
            f"1. Imported the contacts of {profile.name} ({profile.career_stage}): "
            f"{ws.count_contacts()} contacts, {len(ws.ties())} ties, "
            f"{len(ws.interactions())} logged interactions."
        )
        analysis = classify_and_save(ws)
        types = analysis.classification["network_type"].value_counts()
        mix = ", ".join(f"{int(types.get(t, 0))} {t}" for t in NETWORK_TYPES)
        say(f"2. Classified them into the three networks: {mix}.")
        gaps = analysis.gaps
        say(
            f"3. Found {len(gaps)} gaps; the first: {gaps[0].title}: {gaps[0].reading}"
            if gaps
            else "3. Found no gaps."
        )
        written = _export_plan(ws, args.out)
    say("4. Exported the action plan:")
    say(f"   workspace {path}")
    for kind, file in written.items():
        say(f"   {kind:<9} {file}")
    return 0


def _log(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        contact = _find_contact(ws, args.contact)
        when = (args.date or date.today()).isoformat()
        ws.log_interaction(contact.id, args.kind, when, args.note)
    say(f"Logged '{args.kind}' with {contact.name} on {when}.")
    return 0


def _snapshot(args: argparse.Namespace) -> int:
    from .progress import take_snapshot

    with Workspace.open(args.workspace) as ws:
        sid = take_snapshot(ws, args.label)
        count = ws.count_contacts()
    say(f"Snapshot {sid} saved ({count} contacts)" + (f": {args.label}" if args.label else "."))
    return 0


def _progress(args: argparse.Namespace) -> int:
    from .progress import format_value, progress_since

    with Workspace.open(args.workspace) as ws:
        result = progress_since(ws, args.since)
    if result is None:
        say("No snapshot yet: take one with `leadnet snapshot WORKSPACE`, then come back later.")
        return 0
    for line in result.summary():
        say(line)
    for f in result.findings:
        say(f"  {f['title']}: {format_value(f['then'])} → {format_value(f['now'])}")
    if result.added:
        say("Added: " + ", ".join(result.added[:20]))
    if result.dropped:
        say("Dropped: " + ", ".join(result.dropped[:20]))
    return 0


def _share(args: argparse.Namespace) -> int:
    from .share import build_share, check_target, parse_choice, preview_text, write_share

    check_target(args.out, force=args.force, day=(args.today or date.today()).isoformat())
    offers = None if args.offer is None else [parse_choice(t) for t in args.offer]
    asks = None if args.ask is None else [parse_choice(t) for t in args.ask]
    with Workspace.open(args.workspace) as ws:
        share = build_share(ws, args.today, pseudonym=args.pseudonym, offers=offers, asks=asks)
        for line in preview_text(share).splitlines():
            say(line)
        write_share(share, args.out, force=args.force)
        if args.pseudonym is not None or offers is not None or asks is not None:
            ws.save_share_settings(
                pseudonym=share["pseudonym"], offers=share["offers"], asks=share["asks"]
            )
    say(f"Wrote your share to {args.out}: give this file to your coach.")
    return 0


def _cohort(args: argparse.Namespace) -> int:
    from .cohort import write_cohort

    view = write_cohort(args.folder, json_out=args.json, html_out=args.html)
    for line in view.summary():
        say(line)
    return 0


def _network(args: argparse.Namespace) -> int:
    from .analysis import analysis_of
    from .export.research import check_targets, export_network

    check_targets(args.graphml, args.egor)
    with Workspace.open(args.workspace, read_only=True) as ws:
        analysis = analysis_of(ws)
    for line in export_network(analysis, args.graphml, args.egor, pseudonymise=args.pseudonymise):
        say(line)
    return 0


def _worksheets(args: argparse.Namespace) -> int:
    from .export.worksheets import write_worksheets

    say(f"Worksheets written to {write_worksheets(args.sheets_out)}: print one set per person.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
