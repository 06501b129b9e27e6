"""Test-wide set-up: never touch the person's real workspaces.

Every test run (unit, doctest, notebook kernels started by nbval, the browser's
JupyterLab) gets its own empty LEADNET_HOME, set before anything starts.
"""

import os
import tempfile

import pytest

os.environ["LEADNET_HOME"] = tempfile.mkdtemp(prefix="leadnet-test-home-")
#: the key that signs kept classifications (classified_cache): the run's own, not the user's
os.environ["LEADNET_CACHE_KEY"] = os.path.join(
    tempfile.mkdtemp(prefix="leadnet-test-key-"), "cache-signing.key"
)


@pytest.fixture(autouse=True)
def _private_home_for_doctests(request, tmp_path, monkeypatch):
    """Each doctest in leadnet_helpers gets its own empty LEADNET_HOME and session."""
    if type(request.node).__name__ != "DoctestItem":
        yield
        return
    from leadnet_helpers import workbook

    monkeypatch.setenv("LEADNET_HOME", str(tmp_path))
    workbook.reset_session()
    yield
    workbook.reset_session()
