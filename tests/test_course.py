"""The course pack (course/): nbgrader generates, validates and grades every assignment.

Each test works on a copy of course/ and runs the real ``nbgrader`` command, with the
environment's ``bin/`` on ``PATH`` (nbgrader runs ``alembic``) and this checkout first on
``PYTHONPATH`` (so the kernels it starts import this code).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip(
    "nbgrader", reason="the course extra is not installed: pip install -e .[course]"
)

REPO = Path(__file__).resolve().parent.parent
COURSE = REPO / "course"
ASSIGNMENTS = sorted(p.name for p in (COURSE / "source").iterdir() if p.is_dir())

pytestmark = pytest.mark.slow


def _nbgrader(course: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["LEADNET_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        check=False,
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture
def course(tmp_path) -> Path:
    """A copy of course/ without anything nbgrader wrote there before."""
    ignore = shutil.ignore_patterns(
        "release", "submitted", "autograded", "feedback", "gradebook.db", ".ipynb_checkpoints"
    )
    copy = tmp_path / "course"
    shutil.copytree(COURSE, copy, ignore=ignore)
    (tmp_path / "home").mkdir()
    return copy


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _grading(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _source(cell: dict) -> str:
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else text


def test_at_least_four_assignments_each_with_graded_reflection_and_hidden_tests():
    assert len(ASSIGNMENTS) >= 4
    for name in ASSIGNMENTS:
        (notebook,) = (COURSE / "source" / name).glob("*.ipynb")
        cells = _cells(notebook)
        manual = [c for c in cells if c["cell_type"] == "markdown" and _grading(c).get("grade")]
        tests = [c for c in cells if c["cell_type"] == "code" and _grading(c).get("grade")]
        assert manual and all(_grading(c)["points"] > 0 for c in manual), name
        assert tests and all("BEGIN HIDDEN TESTS" in _source(c) for c in tests), name
        assert "open_sample(" in "".join(_source(c) for c in cells), "works on a persona"
        assert not any(c.get("outputs") for c in cells if c["cell_type"] == "code"), "stripped"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_generate_and_validate_every_assignment(course, name):
    home = course.parent / "home"
    done = _nbgrader(course, "generate_assignment", name, "--force", home=home)
    assert done.returncode == 0, done.stdout + done.stderr
    (released,) = (course / "release" / name).glob("*.ipynb")
    text = released.read_text(encoding="utf-8")
    # the students' copy hides the solutions and the hidden tests
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "_expected" not in text
    assert "raise NotImplementedError()" in text and "YOUR ANSWER HERE" in text

    (source,) = (course / "source" / name).glob("*.ipynb")
    checked = _nbgrader(course, "validate", str(source), home=home)
    assert "Success! Your notebook passes all the tests." in checked.stdout, checked.stdout


def _submit(course: Path, name: str, student: str, answers: dict[str, str]) -> None:
    """Fill in the released notebook as *student* would, and put it where nbgrader collects."""
    (released,) = (course / "release" / name).glob("*.ipynb")
    notebook = json.loads(released.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        grade_id = _grading(cell).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    folder = course / "submitted" / student / name
    folder.mkdir(parents=True)
    (folder / released.name).write_text(json.dumps(notebook), encoding="utf-8")


def _solutions(name: str) -> dict[str, str]:
    """The source notebook's answers: solutions without their markers, reflections as written."""
    (source,) = (COURSE / "source" / name).glob("*.ipynb")
    answers = {}
    for cell in _cells(source):
        grading = _grading(cell)
        if grading.get("solution"):
            lines = _source(cell).splitlines()
            kept = [line for line in lines if "### BEGIN SOLUTION" not in line]
            kept = [line for line in kept if "### END SOLUTION" not in line]
            answers[grading["grade_id"]] = "\n".join(kept) or "My reflection."
    return answers


def _code_score(course: Path, name: str, student: str) -> tuple[float, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(name, student)
        return submission.code_score, submission.max_code_score


def test_autograde_gives_full_points_to_right_answers_and_takes_them_from_a_wrong_one(course):
    home = course.parent / "home"
    name = "a1_three_networks"
    done = _nbgrader(course, "generate_assignment", name, "--force", home=home)
    assert done.returncode == 0, done.stderr

    (released,) = (course / "release" / name).glob("*.ipynb")
    blank = _nbgrader(course, "validate", str(released), home=home)
    assert "Success!" not in blank.stdout and "did not provide a response" in blank.stdout

    right = _solutions(name)
    right["a1-reflection"] = "Thabo's network stays inside and looks at today."
    wrong = dict(right, **{"a1-q2-answer": "ei = 0.5  # guessed"})
    _submit(course, name, "student_right", right)
    _submit(course, name, "student_wrong", wrong)
    graded = _nbgrader(course, "autograde", name, "--create", home=home)
    assert graded.returncode == 0, graded.stdout + graded.stderr

    score, most = _code_score(course, name, "student_right")
    assert most == 7 and score == most
    score, most = _code_score(course, name, "student_wrong")
    assert score == most - 3  # question 2, the E-I index, is worth 3 points
