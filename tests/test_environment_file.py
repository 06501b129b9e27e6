"""environment.yml (conda / Binder) names the same packages as pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

REPO = Path(__file__).resolve().parent.parent
#: Optional extras environment.yml must carry too: a class on Binder or conda generates and
#: grades the assignments (course) and runs the hub's single-user server (hub).
MIRRORED_EXTRAS = ("course", "hub")


def _pyproject_requirements(*, extras: bool = False) -> dict[str, SpecifierSet]:
    """The core dependencies (and, with *extras*, those of every optional extra)."""
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    lines = list(data["project"]["dependencies"])
    if extras:
        for extra in data["project"].get("optional-dependencies", {}).values():
            lines.extend(extra)
    reqs = [Requirement(r) for r in lines]
    return {r.name.lower(): r.specifier for r in reqs}


def _conda_dependencies() -> tuple[str, dict[str, str]]:
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    python, deps = "", {}
    for item in env["dependencies"]:
        if isinstance(item, dict):  # a pip: section
            for line in item.get("pip", []):
                req = Requirement(line)
                deps[req.name.lower()] = str(req.specifier)
            continue
        name, spec = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", item).groups()
        if name == "python":
            python = spec
        elif name != "pip":
            deps[name.lower()] = spec
    return python, deps


def test_environment_yml_uses_conda_forge_and_an_exact_python():
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    python, _ = _conda_dependencies()
    assert re.fullmatch(r"=3\.\d+", python), f"pin python exactly, e.g. python=3.11: {python!r}"
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert SpecifierSet(data["project"]["requires-python"]).contains(python.lstrip("="))


def test_environment_yml_and_pyproject_name_the_same_packages_and_ranges():
    core = _pyproject_requirements()
    wanted = _pyproject_requirements(extras=True)
    _, conda = _conda_dependencies()
    assert not set(core) - set(conda), "every core dependency is in environment.yml"
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    for extra in MIRRORED_EXTRAS:
        names = {
            Requirement(r).name.lower() for r in data["project"]["optional-dependencies"][extra]
        }
        assert not names - set(conda), f"the {extra} extra is in environment.yml"
    assert not set(conda) - set(wanted), "environment.yml names only pyproject's packages"
    for name, spec in conda.items():
        assert not re.search(r"(^|,)\s*=[^=]", spec), (
            f"{name}: conda's single '=' is not pip's '=='"
        )
        assert SpecifierSet(spec) == wanted[name], f"{name}: {spec} vs {wanted[name]}"


def test_binder_installs_the_workbook_package_after_the_environment():
    post_build = (REPO / "postBuild").read_text(encoding="utf-8")
    assert "pip install --no-deps ." in post_build
    # a built install, not an editable one: only a built install puts LeadNet's figure
    # renderer (a JupyterLab extension, the package's data files) where JupyterLab finds it
    assert " -e " not in post_build
