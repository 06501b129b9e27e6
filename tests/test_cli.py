"""The `leadnet` command, end to end, as a coach would run it in a terminal."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from leadnet_helpers.store import Workspace

REPO = Path(__file__).resolve().parent.parent


def cli_env() -> dict[str, str]:
    """The environment of a CLI run: this checkout's code first, UTF-8 output."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": path}


def leadnet(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script (falls back to `python -m` in a bare checkout)."""
    exe = Path(sys.executable).with_name("leadnet")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "leadnet_helpers.cli"]
    return subprocess.run(
        [*cmd, *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=cli_env(),
    )


@pytest.fixture
def workspace(tmp_path) -> Path:
    path = tmp_path / "ana.leadnet.sqlite"
    done = leadnet(
        "init",
        str(path),
        "--name",
        "Ana Lima",
        "--organisation",
        "Contoso",
        "--role",
        "Head of Operations",
    )
    assert done.returncode == 0, done.stderr
    assert "Created the workspace of Ana Lima" in done.stdout
    return path


def test_init_records_the_profile(workspace):
    with Workspace.open(workspace) as ws:
        profile = ws.profile()
    assert (profile.name, profile.organisation, profile.role) == (
        "Ana Lima",
        "Contoso",
        "Head of Operations",
    )


def test_init_refuses_to_overwrite_a_workspace(workspace):
    done = leadnet("init", str(workspace), "--name", "Eve", "--organisation", "X")
    assert done.returncode != 0
    assert "already exists" in done.stderr and "Traceback" not in done.stderr


def test_import_several_exports_reports_each_and_merges_people_across_files(
    workspace, fixtures_dir
):
    done = leadnet(
        "import",
        str(workspace),
        str(fixtures_dir / "linkedin_connections.csv"),
        str(fixtures_dir / "google_contacts.csv"),
        str(fixtures_dir / "contacts_ios.vcf"),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    summaries = [line for line in lines if " records: " in line]
    assert [s.split(" (")[0] for s in summaries] == [
        "linkedin_connections.csv",
        "google_contacts.csv",
        "contacts_ios.vcf",
    ]
    # Zoë is in all three files with the same e-mail address: one contact.
    with Workspace.open(workspace) as ws:
        zoes = [c for c in ws.contacts() if c.email == "zoe.angstrom@nordlys.example"]
        total = ws.count_contacts()
    assert len(zoes) == 1
    assert f"The workspace now holds {total} contacts." in done.stdout
    assert any(": merged: Zoë Ångström" in line for line in lines)


def test_importing_the_same_file_twice_adds_nothing(workspace, fixtures_dir):
    source = str(fixtures_dir / "contacts_android.vcf")
    first = leadnet("import", str(workspace), source)
    again = leadnet("import", str(workspace), source)
    assert first.returncode == again.returncode == 0
    count = lambda out: int(out.split("now holds ")[1].split()[0])
    assert count(first.stdout) == count(again.stdout) > 0
    assert " 0 imported" in again.stdout


def test_a_file_that_cannot_be_imported_fails_with_a_clear_message(workspace, fixtures_dir):
    done = leadnet("import", str(workspace), str(fixtures_dir / "hostile_header_only.csv"))
    assert done.returncode != 0
    assert "hostile_header_only.csv" in done.stderr and "line" in done.stderr
    assert "Traceback" not in done.stderr
    with Workspace.open(workspace) as ws:
        assert ws.count_contacts() == 0


def test_a_missing_file_is_named(workspace, tmp_path):
    done = leadnet("import", str(workspace), str(tmp_path / "nope.csv"))
    assert done.returncode != 0 and "nope.csv" in done.stderr
    assert "Traceback" not in done.stderr


def test_contacts_csv_has_template_columns_and_neutralised_formulas(
    workspace, fixtures_dir, tmp_path
):
    assert (
        leadnet(
            "import", str(workspace), str(fixtures_dir / "hostile_formula_injection.csv")
        ).returncode
        == 0
    )
    out = tmp_path / "contacts.csv"
    done = leadnet("contacts", str(workspace), "--csv", str(out))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    assert header[:3] == ["id", "name", "organisation"] and "source" in header
    assert len(rows) == 7
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    names = {r["name"] for r in rows}
    assert "Jane '+cmd|' /C calc'!A0" not in names  # cells are neutralised, not rewritten
    assert any(n.startswith("'=HYPERLINK(") for n in names)


def test_contacts_without_csv_lists_people(workspace, fixtures_dir):
    leadnet("import", str(workspace), str(fixtures_dir / "outlook_contacts.csv"))
    done = leadnet("contacts", str(workspace))
    assert done.returncode == 0
    assert "Aisha Bello" in done.stdout and done.stdout.rstrip().endswith("contacts.")


def test_classify_writes_one_row_per_contact_with_reasons(workspace, tmp_path):
    template = tmp_path / "mine.csv"
    template.write_text(
        "name,relationship,inside_org,orientation\n"
        "Ada Brooks,direct report,yes,current\n"
        "Gina Russo,professional association,no,\n"
        "Kenji Watanabe,board member of our parent company,no,future\n",
        encoding="utf-8",
    )
    assert leadnet("import", str(workspace), str(template)).returncode == 0
    out = tmp_path / "types.csv"
    done = leadnet("classify", str(workspace), "--csv", str(out))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["name"]: r for r in csv.DictReader(handle)}
    assert list(next(iter(rows.values()))) == [
        "id",
        "name",
        "network_type",
        "secondary_types",
        "confidence",
        "reasons",
        "decided_by",
    ]
    assert rows["Ada Brooks"]["network_type"] == "operational"
    assert rows["Gina Russo"]["network_type"] == "personal"
    assert rows["Kenji Watanabe"]["network_type"] == "strategic"
    assert all(r["reasons"] and r["decided_by"] == "rules" for r in rows.values())
    assert all(0 <= float(r["confidence"]) <= 1 for r in rows.values())


def test_classify_keeps_the_persons_decision_and_summarises(workspace, fixtures_dir):
    leadnet("import", str(workspace), str(fixtures_dir / "linkedin_connections.csv"))
    with Workspace.open(workspace) as ws:
        first = ws.contacts()[0]
        ws.decide(first.id, "strategic")
    done = leadnet("classify", str(workspace))
    assert done.returncode == 0, done.stderr
    assert "operational" in done.stdout and "strategic" in done.stdout
    assert "1 decided by you" in done.stdout
    with Workspace.open(workspace) as ws:
        assert ws.decisions()[first.id]["network_type"] == "strategic"
        assert ws.decisions()[first.id]["decided_by"] == "person"


def test_log_records_an_interaction_by_name_and_explains_ambiguity(workspace, tmp_path):
    people = tmp_path / "people.csv"
    people.write_text(
        "name,organisation\nAda Brooks,Riverside\nBen Carter,Club\nBen Carter,Contoso\n",
        encoding="utf-8",
    )
    assert leadnet("import", str(workspace), str(people)).returncode == 0
    done = leadnet(
        "log",
        str(workspace),
        "ada brooks",
        "--kind",
        "gave",
        "--date",
        "2026-11-02",
        "--note",
        "sent the rota template",
    )
    assert done.returncode == 0, done.stderr
    assert "Logged 'gave' with Ada Brooks on 2026-11-02" in done.stdout
    with Workspace.open(workspace) as ws:
        (entry,) = ws.interactions()
        assert (entry.kind, entry.date, entry.note) == (
            "gave",
            "2026-11-02",
            "sent the rota template",
        )
    ambiguous = leadnet("log", str(workspace), "Ben Carter", "--kind", "met")
    assert ambiguous.returncode == 1 and "2 contacts are called 'Ben Carter'" in ambiguous.stderr
    assert "Give the id" in ambiguous.stderr
    unknown = leadnet("log", str(workspace), "Nobody", "--kind", "met")
    assert unknown.returncode == 1 and "no contact called 'Nobody'" in unknown.stderr
    bad_date = leadnet("log", str(workspace), "Ada Brooks", "--kind", "met", "--date", "soon")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr


@pytest.fixture
def sample_workspace(home) -> Path:
    from leadnet_helpers.personas import open_sample

    with open_sample("ana-lucia-ferreira") as ws:
        return ws.path


def test_gaps_json_has_every_diagnostic_with_its_source(sample_workspace, tmp_path):
    import json

    out = tmp_path / "gaps.json"
    done = leadnet("gaps", str(sample_workspace), "--json", str(out), "--today", "2026-11-21")
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "NaN" not in text
    diagnostics = json.loads(text)["diagnostics"]
    assert len(diagnostics) >= 10
    for d in diagnostics:
        assert {"key", "value", "reading", "is_gap", "severity", "principle", "source"} <= set(d)
        assert d["principle"] and d["source"] and 0 <= d["severity"] <= 1
    balance = next(d for d in diagnostics if d["key"] == "balance")
    assert balance["is_gap"] and "strategic" in balance["reading"]


def test_gaps_summary_names_strategic_under_use_first(sample_workspace):
    done = leadnet("gaps", str(sample_workspace), "--today", "2026-11-21")
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[1]
    assert first.startswith("1. [high] Balance") and "strategic" in first
    assert "Why it matters" in done.stdout and "Ibarra" in done.stdout


def test_snapshot_then_progress_shows_what_changed(sample_workspace):
    assert leadnet("progress", str(sample_workspace)).stdout.startswith("No snapshot yet")
    done = leadnet("snapshot", str(sample_workspace), "--label", "before the workshop")
    assert done.returncode == 0 and "before the workshop" in done.stdout
    with Workspace.open(sample_workspace) as ws:
        ws.add_contact({"name": "Hiro Tanaka", "relationship": "board member", "inside_org": "no"})
        ws.delete_contacts([ws.contacts()[0].id])
    done = leadnet("progress", str(sample_workspace))
    assert done.returncode == 0, done.stderr
    assert "Since before the workshop: 1 contacts added, 1 dropped" in done.stdout
    assert "Added: Hiro Tanaka" in done.stdout
    assert "Network mix:" in done.stdout


def test_plan_writes_the_five_files_and_saves_the_plan(sample_workspace, tmp_path):
    from icalendar import Calendar
    from pypdf import PdfReader

    out = tmp_path / "plan"
    done = leadnet("plan", str(sample_workspace), "--out", str(out))
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["plan.csv", "plan.html", "plan.ics", "plan.md", "plan.pdf"]
    with Workspace.open(sample_workspace) as ws:
        saved = ws.latest_plan()
    titles = [a["title"] for a in saved["actions"]]
    assert 1 <= len(titles) <= 5
    html_text = (out / "plan.html").read_text(encoding="utf-8")
    assert "Ana Lucía Ferreira" in html_text and titles[0].split()[0] in html_text
    events = Calendar.from_ical((out / "plan.ics").read_bytes()).walk("VEVENT")
    assert len(events) == len(titles)
    pdf_text = "".join(page.extract_text() for page in PdfReader(out / "plan.pdf").pages)
    assert "Ana Lucía Ferreira" in pdf_text
    # The plan is kept: a second export writes the same actions.
    again = leadnet("plan", str(sample_workspace), "--out", str(tmp_path / "again"))
    assert again.returncode == 0
    assert (tmp_path / "again" / "plan.md").read_text(encoding="utf-8") == (
        out / "plan.md"
    ).read_text(encoding="utf-8")


def test_demo_goes_from_import_to_exported_plan(tmp_path):
    done = leadnet("demo", str(tmp_path / "demo"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("1. Imported the contacts of ")
    assert any(line.startswith("3. Found ") for line in lines)
    for name in ("plan.html", "plan.pdf", "plan.md", "plan.ics", "plan.csv"):
        path = tmp_path / "demo" / name
        assert path.stat().st_size > 0 and str(path) in done.stdout
    workspaces = list((tmp_path / "demo").glob("*.leadnet.sqlite"))
    assert len(workspaces) == 1 and str(workspaces[0]) in done.stdout


# --------------------------------------------------------------------------- odd input


def run_module(*args: str, optimise: bool = False) -> subprocess.CompletedProcess[str]:
    """``python [-O] -m leadnet_helpers.cli ARGS`` (str arguments may hold surrogate escapes)."""
    cmd = [sys.executable, *(["-O"] if optimise else []), "-m", "leadnet_helpers.cli", *args]
    return subprocess.run(
        cmd,
        check=False,
        capture_output=True,
        text=True,
        timeout=180,
        env=cli_env(),
        errors="replace",
    )


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr and done.stderr.startswith("leadnet: "), done.stderr


@pytest.mark.parametrize("optimise", [False, True], ids=["python", "python -O"])
def test_plan_with_a_line_break_in_the_name_writes_every_file_and_injects_nothing(
    tmp_path, optimise
):
    from icalendar import Calendar

    ws = tmp_path / "ana.leadnet.sqlite"
    done = run_module("init", str(ws), "--name", "Ana\r\nX-INJECTED:1\nLima", "--organisation", "C")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "plan"
    done = run_module("plan", str(ws), "--out", str(out), optimise=optimise)
    names = sorted(p.name for p in out.iterdir())
    assert done.returncode == 0 or names == [], done.stderr
    assert "Traceback" not in done.stderr
    assert {"plan.csv", "plan.html", "plan.ics", "plan.md"} <= set(names)
    assert not [n for n in names if n.startswith(".")]
    ics = (out / "plan.ics").read_bytes()
    assert b"\r\nX-INJECTED" not in ics and b"\nX-INJECTED" not in ics
    calendar = Calendar.from_ical(ics)
    assert "\n" not in str(calendar["X-WR-CALNAME"])


def test_contact_names_cannot_drive_the_terminal(workspace, tmp_path):
    with Workspace.open(workspace) as ws:
        ws.add_contact({"name": "Eve\x1b[2J\x1b]0;pwned\x07", "organisation": "Evil\x9b31m Corp"})
    done = leadnet("log", str(workspace), "Eve\x1b[2J\x1b]0;pwned\x07", "--kind", "met")
    listed = leadnet("contacts", str(workspace))
    assert listed.returncode == 0
    for text in (done.stdout, listed.stdout, done.stderr, listed.stderr):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "Eve" in listed.stdout


def test_an_argument_with_a_byte_that_is_not_utf8_is_refused_and_nothing_is_made(tmp_path):
    ws = tmp_path / "ana.leadnet.sqlite"
    done = run_module("init", str(ws), "--name", "Ana \udcff", "--organisation", "C")
    no_traceback(done)
    assert "--name" in done.stderr and "UTF-8" in done.stderr
    assert list(tmp_path.iterdir()) == []
    again = run_module("init", str(ws), "--name", "Ana", "--organisation", "C")
    assert again.returncode == 0, again.stderr
    odd = str(tmp_path / "w\udcff.leadnet.sqlite")
    done = run_module("init", odd, "--name", "Ana", "--organisation", "C")
    no_traceback(done)
    assert "workspace file name" in done.stderr and "Rename" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ana.leadnet.sqlite"]


def test_a_file_name_with_a_byte_that_is_not_utf8_imports(workspace, tmp_path):
    name = os.fsdecode(bytes(tmp_path) + b"/b\xff.csv")
    Path(name).write_text("name,organisation\nAda Brooks,Riverside\n", encoding="utf-8")
    done = run_module("import", str(workspace), name)
    assert done.returncode == 0, done.stderr
    assert "1 imported" in done.stdout and "b\ufffd.csv" in done.stdout


def test_out_naming_a_file_is_refused(workspace, tmp_path):
    (tmp_path / "plan.txt").write_text("x", encoding="utf-8")
    done = leadnet("plan", str(workspace), "--out", str(tmp_path / "plan.txt"))
    no_traceback(done)
    assert "plan.txt" in done.stderr and "not a folder" in done.stderr
    done = leadnet("contacts", str(workspace), "--csv", str(tmp_path))
    no_traceback(done)
    assert "is a folder" in done.stderr


def test_contacts_piped_into_head_stops_without_a_traceback(workspace, tmp_path):
    many = tmp_path / "many.csv"
    many.write_text(
        "name,organisation\n" + "".join(f"Person {i},Org {i}\n" for i in range(4000)),
        encoding="utf-8",
    )
    assert leadnet("import", str(workspace), str(many), "--quiet").returncode == 0
    cmd = [sys.executable, "-m", "leadnet_helpers.cli", "contacts", str(workspace)]
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env()
    ) as proc:
        assert proc.stdout.readline()
        proc.stdout.close()  # what `head -1` does
        stderr = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert "Traceback" not in stderr and code != 0


def _freeze(path: Path):
    """Make *path* read-only even for root (chattr +i), or skip; returns the undo."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        return lambda: path.chmod(mode)
    done = subprocess.run(["chattr", "+i", str(path)], check=False, capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot make a file read-only for root here (chattr +i failed)")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=False)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_workspace_or_folder_is_named_with_the_fix(tmp_path, what):
    folder = tmp_path / "ro"
    ws = folder / "ana.leadnet.sqlite"
    assert leadnet("init", str(ws), "--name", "Ana", "--organisation", "C").returncode == 0
    contacts = tmp_path / "c.csv"
    contacts.write_text("name,organisation\nAda Brooks,Riverside\n", encoding="utf-8")
    undo = _freeze(ws if what == "file" else folder)
    try:
        done = leadnet("import", str(ws), str(contacts))
        made = leadnet(
            "init", str(folder / "new.leadnet.sqlite"), "--name", "B", "--organisation", "C"
        )
        listed = leadnet("contacts", str(ws))
    finally:
        undo()
    no_traceback(done)
    assert "read-only" in done.stderr and "not a LeadNet workspace" not in done.stderr
    assert ("chmod u+w FILE" if what == "file" else "chmod u+w FOLDER") in done.stderr
    if what == "file":
        assert listed.returncode == 0, listed.stderr  # reading still works
    else:
        no_traceback(listed)
        assert "read-only" in listed.stderr and "not a LeadNet workspace" not in listed.stderr
        no_traceback(made)
        assert "read-only" in made.stderr
    with Workspace.open(ws) as opened:
        assert opened.count_contacts() == 0


def test_a_long_import_report_is_summarised(workspace, tmp_path):
    rows = "".join(f",Org {i}\n" for i in range(45))  # 45 rows without a name
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("name,organisation\nAda Brooks,R\n" + rows, encoding="utf-8")
    done = leadnet("import", str(workspace), str(nameless))
    lines = [line for line in done.stdout.splitlines() if line.startswith("  ")]
    assert len(lines) == 21, done.stdout
    assert lines[-1].startswith("  ... and 25 more (25 rejected)")


def test_many_people_sharing_a_name_print_one_short_entry(workspace, tmp_path):
    files = []
    for start in (0, 1_000):
        path = tmp_path / f"sam-{start}.csv"
        rows = "".join(f"Sam Lee,Org {i}\n" for i in range(start, start + 1_000))
        path.write_text("name,organisation\n" + rows, encoding="utf-8")
        files.append(str(path))
    done = leadnet("import", str(workspace), *files)
    second = done.stdout.split("sam-1000.csv (")[1]
    assert "1000 possible duplicates to review (1 name)" in second
    (entry,) = [
        line
        for line in second.splitlines()
        if "possible duplicate" in line and line.startswith("  ")
    ]
    assert "1,000 contacts already in your workspace too (among them Sam Lee)" in entry
    assert len(entry) < 1_000
    assert len(done.stdout) < 5_000, done.stdout
