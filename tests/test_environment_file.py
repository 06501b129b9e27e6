"""environment.yml (conda / Binder) names the same packages as pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

REPO = Path(__file__).resolve().parent.parent
#: Optional extras environment.yml carries as well as the core dependencies.
MIRRORED_EXTRAS = ("course",)


def _pyproject_requirements() -> dict[str, SpecifierSet]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    extras = data["project"]["optional-dependencies"]
    # the core, plus the extras a conda or Binder user needs too (the course pack)
    wanted = data["project"]["dependencies"] + [r for e in MIRRORED_EXTRAS for r in extras[e]]
    reqs = [Requirement(r) for r in wanted]
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
    wanted = _pyproject_requirements()
    _, conda = _conda_dependencies()
    assert sorted(conda) == sorted(wanted)
    for name, spec in conda.items():
        assert not re.search(r"(^|,)\s*=[^=]", spec), (
            f"{name}: conda's single '=' is not pip's '=='"
        )
        assert SpecifierSet(spec) == wanted[name], f"{name}: {spec} vs {wanted[name]}"


def test_binder_installs_the_workbook_package_after_the_environment():
    post_build = (REPO / "postBuild").read_text(encoding="utf-8")
    assert "pip install" in post_build and "-e ." in post_build
