"""Test-wide set-up: never touch the person's real workspaces.

Every test run (unit, doctest, notebook kernels started by nbval, the browser's
JupyterLab) gets its own empty LEADNET_HOME, set before anything starts.
"""

import os
import tempfile

os.environ["LEADNET_HOME"] = tempfile.mkdtemp(prefix="leadnet-test-home-")
