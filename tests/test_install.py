"""The workbook installs like any package: one version, the right dependencies, data included.

The slow test builds a wheel, installs it outside the repository and runs
``leadnet demo`` from there, so the shipped copy (code and ``data/``) is what
runs, not the checkout.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import leadnet_helpers
from leadnet_helpers.cli import build_parser

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "leadnet_helpers"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))

#: Runtime dependencies that our code does not import, and why they are there all the same.
NOT_IMPORTED = {
    "jupyterlab": "runs the notebooks (make lab)",
    "ipykernel": "the notebooks' Python kernel",
    "voila": "serves the notebooks as an app without code (make app, make voila)",
    "defusedxml": "openpyxl parses workbooks safely only when it is installed",
}
#: Imported modules whose distribution has another name.
DISTRIBUTION_OF = {"IPython": "ipython"}


def _subpackages() -> set[str]:
    return {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in PACKAGE.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }


def _runtime_requirements() -> dict[str, Requirement]:
    reqs = (Requirement(r) for r in PYPROJECT["project"]["dependencies"])
    return {canonicalize_name(r.name): r for r in reqs}


def _imported_top_level_modules() -> set[str]:
    names = set()
    for file in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"leadnet_helpers", "__future__"}


# --------------------------------------------------------------------------- one version


def test_the_version_is_written_once_in_the_package():
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "leadnet_helpers.__version__"
    }
    assert re.fullmatch(r"\d+\.\d+\.\d+", leadnet_helpers.__version__)


def test_leadnet_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"leadnet {leadnet_helpers.__version__}"


# --------------------------------------------------------------------------- what the wheel holds


def test_every_subpackage_is_listed_for_the_wheel():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert listed - {"leadnet_helpers.data"} == _subpackages(), (
        "add the new subpackage to [tool.setuptools] packages in pyproject.toml"
    )
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"leadnet_helpers.data": "data"}


def test_the_package_says_it_is_typed():
    assert (PACKAGE / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["leadnet_helpers"]


# --------------------------------------------------------------------------- dependencies


def test_every_third_party_import_is_a_declared_dependency():
    declared = _runtime_requirements()
    distributions = metadata.packages_distributions()
    for module in sorted(_imported_top_level_modules()):
        names = {canonicalize_name(d) for d in distributions.get(module, [])}
        names.add(canonicalize_name(DISTRIBUTION_OF.get(module, module)))
        assert names & set(declared), f"leadnet_helpers imports {module}: declare it in pyproject"


def test_every_dependency_is_imported_or_says_why_not():
    imported = set()
    distributions = metadata.packages_distributions()
    for module in _imported_top_level_modules():
        imported.update(canonicalize_name(d) for d in distributions.get(module, []))
        imported.add(canonicalize_name(DISTRIBUTION_OF.get(module, module)))
    unused = set(_runtime_requirements()) - imported
    assert unused == set(NOT_IMPORTED), (
        "a runtime dependency nothing imports: remove it, or say why"
    )


def test_test_tools_are_not_runtime_dependencies():
    runtime = set(_runtime_requirements())
    for tool in ("nbval", "pytest", "mypy", "ruff", "hypothesis", "playwright"):
        assert tool not in runtime
    test = {
        canonicalize_name(Requirement(r).name)
        for r in PYPROJECT["project"]["optional-dependencies"]["test"]
    }
    assert {"nbval", "mypy", "pandas-stubs"} <= test


# --------------------------------------------------------------------------- the installed wheel


def _pip(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.mark.slow
def test_the_wheel_runs_the_demo_outside_the_repository(tmp_path):
    source = tmp_path / "source"  # a copy: the build leaves build/ and *.egg-info behind
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "build",
            "dist",
            "*.egg-info",
            "__pycache__",
            ".*_cache",
            ".hypothesis",
            "test-artifacts",
            "notebooks",
            "tests",
        ),
    )
    _pip("wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "wheels"), str(source), cwd=tmp_path)
    (wheel,) = (tmp_path / "wheels").glob("leadnet-*.whl")
    assert wheel.name.startswith(f"leadnet-{leadnet_helpers.__version__}-")

    shipped = set(zipfile.ZipFile(wheel).namelist())
    modules = {
        f"{p.relative_to(REPO).as_posix()}"
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    data = {
        f"leadnet_helpers/data/{p.relative_to(REPO / 'data').as_posix()}"
        for p in (REPO / "data").rglob("*")
        if p.is_file()
    }
    assert not (modules | data | {"leadnet_helpers/py.typed"}) - shipped
    # LeadNet's figure renderer goes where JupyterLab and Voilà look for extensions
    extension = REPO / "jupyter" / "labextensions" / "leadnet-plotly"
    renderer = {
        f"leadnet-{leadnet_helpers.__version__}.data/data/share/jupyter/labextensions/"
        f"leadnet-plotly/{p.relative_to(extension).as_posix()}"
        for p in extension.rglob("*")
        if p.is_file()
    }
    # package.json, remoteEntry.js, plotly.js's basic and gl2d builds and their licences
    assert len(renderer) == 6 and not renderer - shipped, sorted(renderer - shipped)

    site = tmp_path / "site"
    _pip("install", "--no-deps", "--quiet", "--target", str(site), str(wheel), cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("LEADNET_DATA", "PYTHONPATH")}
    env.update(PYTHONPATH=str(site), LEADNET_HOME=str(tmp_path / "home"))

    script = (
        "import leadnet_helpers, leadnet_helpers.paths as p; "
        "print(leadnet_helpers.__file__); print(p.data_dir())"
    )
    where = subprocess.run(
        [sys.executable, "-c", script],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    module_file, data_dir = (Path(line) for line in where.stdout.splitlines())
    assert module_file.is_relative_to(site), "the checkout was imported, not the installed copy"
    assert data_dir == site / "leadnet_helpers" / "data"

    out = tmp_path / "demo"
    demo = subprocess.run(
        [sys.executable, str(site / "bin" / "leadnet"), "demo", str(out)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert demo.returncode == 0, demo.stderr
    for name in ("plan.html", "plan.pdf", "plan.md", "plan.ics", "plan.csv"):
        assert (out / name).stat().st_size > 0, name
    assert list(out.glob("*.leadnet.sqlite"))
    assert "4. Exported the action plan" in demo.stdout
