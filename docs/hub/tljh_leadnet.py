"""LeadNet on The Littlest JupyterHub: copy to /opt/tljh/config/jupyterhub_config.d/leadnet.py.

Then ``sudo tljh-config reload``. See docs/jupyterhub.md for the rest (installing the workbook
into /opt/tljh/user, the shared folder, nbgrader's exchange, logins).

TLJH makes a system user per student (``jupyter-NAME``, home ``/home/jupyter-NAME``), so ``~``
is each student's own home: the workbook expands it.
"""

c = get_config()  # type: ignore[name-defined]  # noqa: F821 (given by JupyterHub)

c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    # each student's workspaces, in their own home (the file browser shows them)
    "LEADNET_HOME": "~/leadnet",
    # the drop box the instructor's cohort view reads (mode 1733, owned by the instructor)
    "LEADNET_SHARES": "/srv/leadnet/shares",
}

# For a one-day workshop only (a course should use the university's single sign-on):
# c.JupyterHub.authenticator_class = "shared-password"
# c.SharedPasswordAuthenticator.user_password = "at-least-8-characters"
# c.Authenticator.allowed_users = {"ana", "ben", "chloe"}
# c.Authenticator.admin_users = {"instructor"}
