"""Real-browser tests (JupyterLab in Debian Chromium via Playwright)."""
