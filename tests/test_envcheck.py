"""The environment check of notebook 00: what a person sees when something is missing."""

from __future__ import annotations

from importlib import metadata

import ipywidgets

from leadnet_helpers import envcheck


def _versions(found: dict[str, str]):
    def version_of(name: str) -> str:
        if name not in found:
            raise metadata.PackageNotFoundError(name)
        return found[name]

    return version_of


def test_this_environment_is_all_set_and_lists_every_package():
    report = envcheck.check_environment()
    assert isinstance(report, ipywidgets.HTML)
    assert "All set" in report.value
    for name, _ in envcheck.REQUIRED:
        assert f"<td>{name}</td><td>{metadata.version(name)}</td>" in report.value
    assert "<td>python</td>" in report.value


def test_a_missing_package_says_missing_and_what_to_run():
    found = {name: "99.0" for name, _ in envcheck.REQUIRED}
    del found["vobject"]
    statuses = envcheck.check_packages(version_of=_versions(found))
    text = envcheck.environment_html(statuses)
    assert "1 thing to fix" in text
    assert "<td>vobject</td><td>missing</td>" in text
    assert "run `make lab` from the repository folder" in text
    assert [s.name for s in statuses if not s.ok] == ["vobject"]


def test_a_too_old_package_names_both_versions():
    found = {name: "99.0" for name, _ in envcheck.REQUIRED}
    found["pandas"] = "1.5.3"
    (bad,) = [s for s in envcheck.check_packages(version_of=_versions(found)) if not s.ok]
    assert bad.advice == (
        "version 1.5.3 is older than the 2.2 needed: run `make lab` from the repository folder."
    )


def test_prerelease_and_local_versions_count_as_their_release():
    found = {name: "99.0" for name, _ in envcheck.REQUIRED}
    found["ipywidgets"] = "8.1.0rc1"
    found["plotly"] = "6.0.0+local"
    assert all(s.ok for s in envcheck.check_packages(version_of=_versions(found)))


def test_old_python_is_reported_with_the_fix():
    status = envcheck.check_python((3, 10, 2))
    assert not status.ok
    assert "Python 3.11 or newer is needed (found 3.10.2)" in status.advice
    assert envcheck.check_python((3, 11, 0)).ok
