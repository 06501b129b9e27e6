"""A class on one computer: JupyterHub for trying the workbook with a few students.

This is the hub the test ``tests/hub/test_class_on_hub.py`` starts, and a way for an
instructor to rehearse a class on a laptop before asking for The Littlest JupyterHub or
Zero to JupyterHub (see ``docs/jupyterhub.md``). It uses JupyterHub's *testing* parts: every
student runs as the same system user, so it gives no isolation. Never use it for a real class.

Everything it needs comes from the environment, so one file serves the test and a rehearsal::

    LEADNET_CLASS_DIR=/tmp/class LEADNET_CLASS_PASSWORD=choose-a-password \\
    LEADNET_CLASS_USERS=ana,ben,chloe,instructor \\
        jupyterhub -f docs/hub/jupyterhub_config.py

then open http://127.0.0.1:8000 and log in as ``ana`` with the shared password.

``LEADNET_CLASS_DIR``
    a folder for the hub's own files, the students' homes (``home/NAME``) and the shared
    folder where shares are collected (``shares/``).
``LEADNET_CLASS_PASSWORD``
    the password every student types (8 characters or more).
``LEADNET_CLASS_USERS``
    the students' (and the instructor's) user names, comma-separated.
``LEADNET_HUB_PORT``, ``LEADNET_HUB_API_PORT``, ``LEADNET_PROXY_API_PORT``
    the public port (8000), the hub's own port (8081) and the proxy's API port (8001).
``LEADNET_CLASS_SCRIPTED``
    set (to anything) by the test: JupyterLab exposes its application object to scripts.
``LEADNET_CHP``
    the ``configurable-http-proxy`` executable (``scripts/install-hub-deps.sh`` installs it
    into ``.hub-deps/``; found there, then on ``PATH``).
"""

import os
import shutil
import sys
from pathlib import Path

c = get_config()  # type: ignore[name-defined]  # noqa: F821 (given by JupyterHub)

REPO = Path(__file__).resolve().parents[2]
CLASS = Path(os.environ.get("LEADNET_CLASS_DIR", "leadnet-class")).resolve()
SHARES = CLASS / "shares"
SHARES.mkdir(parents=True, exist_ok=True)
BIN = Path(sys.executable).parent  # this environment: jupyterhub-singleuser, leadnet, git...

# Where the hub listens: only this computer.
port = int(os.environ.get("LEADNET_HUB_PORT", "8000"))
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("LEADNET_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{os.environ.get('LEADNET_PROXY_API_PORT', port + 1)}"
)
proxy = os.environ.get("LEADNET_CHP") or str(
    REPO / ".hub-deps" / "node_modules" / ".bin" / "configurable-http-proxy"
)
if not Path(proxy).exists():
    proxy = shutil.which("configurable-http-proxy") or proxy
c.ConfigurableHTTPProxy.command = [proxy]
c.ConfigurableHTTPProxy.pid_file = str(CLASS / "jupyterhub-proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{CLASS / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(CLASS / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(CLASS / "jupyterhub.pid")

# Who may log in: the class list, one shared password (JupyterHub 5+).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["LEADNET_CLASS_PASSWORD"]
c.Authenticator.allowed_users = {
    name.strip() for name in os.environ.get("LEADNET_CLASS_USERS", "").split(",") if name.strip()
}

# Each student's server: a process on this computer, with a home folder of its own.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(CLASS / "home" / "{username}")
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
args = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
if os.environ.get("LEADNET_CLASS_SCRIPTED"):  # the test drives JupyterLab through window.jupyterapp
    args.append("--LabApp.expose_app_in_browser=True")
c.Spawner.args = args
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 120  # a busy computer may take a while to start a server
c.Spawner.start_timeout = 120


def _leadnet_home(spawner) -> str:
    """Each student's workspaces folder, inside their own home (values are not templated)."""
    return str(Path(spawner.home_dir) / "leadnet")


c.Spawner.environment = {
    # the workbook keeps each student's workspaces apart: one folder per student
    "LEADNET_HOME": _leadnet_home,
    # where `leadnet share ... --out "$LEADNET_SHARES/NAME.json"` drops a share for the instructor
    "LEADNET_SHARES": str(SHARES),
    # JupyterLab settings of the workbook: no "Jupyter news?" prompt, nothing fetched
    "JUPYTER_CONFIG_DIR": str(CLASS / "jupyter-config"),
    # the kernels import a notebook's heavy libraries while the student reads its prose
    "PYTHONSTARTUP": str(REPO / "jupyter" / "kernel_startup.py"),
    "PATH": os.pathsep.join([str(BIN), os.environ.get("PATH", "")]),
}
labconfig = CLASS / "jupyter-config" / "labconfig"
labconfig.mkdir(parents=True, exist_ok=True)
(labconfig / "page_config.json").write_text(
    '{"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": true}}\n'
)
# Terminals: JupyterLab starts a *login* shell, whose /etc/profile resets PATH, and then
# `leadnet` is "command not found". A plain interactive bash keeps this environment's PATH.
(CLASS / "jupyter-config" / "jupyter_server_config.json").write_text(
    '{"ServerApp": {"terminado_settings": {"shell_command": ["/bin/bash"]}}}\n'
)
