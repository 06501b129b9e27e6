"""The hub configurations shipped in docs/hub/ load and put each student's workspaces at home.

The TLJH and z2jh files cannot be tried on a real TLJH or Kubernetes here; these checks load
them the way JupyterHub and Helm read them and follow their settings through the workbook.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from traitlets.config import Config, PyFileConfigLoader

from leadnet_helpers import paths

REPO = Path(__file__).resolve().parents[2]
HUB = REPO / "docs" / "hub"


def _load(name: str) -> Config:
    return PyFileConfigLoader(name, path=str(HUB)).load_config()


def test_the_rehearsal_hub_gives_each_student_a_workspace_folder_in_their_home(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("LEADNET_CLASS_DIR", str(tmp_path))
    monkeypatch.setenv("LEADNET_CLASS_PASSWORD", "rehearsal-only")
    monkeypatch.setenv("LEADNET_CLASS_USERS", "ana, ben")
    config = _load("jupyterhub_config.py")
    assert config.Authenticator.allowed_users == {"ana", "ben"}
    template = config.SimpleLocalProcessSpawner.home_dir_template
    homes = {user: template.format(username=user) for user in ("ana", "ben")}
    leadnet_home = config.Spawner.environment["LEADNET_HOME"]
    folders = {user: leadnet_home(SimpleNamespace(home_dir=home)) for user, home in homes.items()}
    assert folders["ana"] != folders["ben"]
    assert Path(folders["ana"]).is_relative_to(homes["ana"])
    assert Path(config.Spawner.environment["LEADNET_SHARES"]).is_dir()
    page_config = tmp_path / "jupyter-config" / "labconfig" / "page_config.json"
    assert "announcements" in page_config.read_text()  # no "Jupyter news?" prompt


def test_on_tljh_the_workspace_folder_is_in_each_students_own_home(tmp_path, monkeypatch):
    config = _load("tljh_leadnet.py")
    value = config.Spawner.environment["LEADNET_HOME"]
    student = tmp_path / "home" / "jupyter-ana"
    monkeypatch.setenv("HOME", str(student))
    monkeypatch.setenv("LEADNET_HOME", value)  # as the spawner sets it
    assert paths.leadnet_home() == student / "leadnet"


def test_z2jh_values_set_the_workspace_folder_and_mount_what_they_name():
    values = yaml.safe_load((HUB / "z2jh-values.yaml").read_text(encoding="utf-8"))
    user = values["singleuser"]
    assert user["extraEnv"]["LEADNET_HOME"].startswith("/home/jovyan/")
    volumes = {v["name"] for v in user["storage"]["extraVolumes"]}
    mounts = {m["mountPath"]: m["name"] for m in user["storage"]["extraVolumeMounts"]}
    assert set(mounts.values()) == volumes
    assert mounts[user["extraEnv"]["LEADNET_SHARES"]] == "leadnet-shares"
    nbgrader = _load("nbgrader_config.py")
    assert nbgrader.Exchange.root in mounts


@pytest.mark.parametrize("name", ["Dockerfile", "z2jh-values.yaml", "tljh_leadnet.py"])
def test_the_guide_names_every_example_file(name):
    assert f"docs/hub/{name}" in (REPO / "docs" / "jupyterhub.md").read_text(encoding="utf-8")
