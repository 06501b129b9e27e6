#!/usr/bin/env bash
# Installs what the real-browser tests need from Debian: Chromium at /usr/bin/chromium.
# Playwright's own browser download cannot work offline, so the tests drive Debian's build.
set -euo pipefail
# axe-core (the accessibility checker the browser tests inject into each page) from the npm
# registry into .cache/node_modules (git-ignored); the tests read the file from there, no CDN.
AXE_VERSION=4.14.1
AXE_JS=".cache/node_modules/axe-core/axe.min.js"
if [ ! -f "$AXE_JS" ] || ! grep -q "axe v$AXE_VERSION" "$AXE_JS"; then
  if command -v npm >/dev/null 2>&1; then
    echo "Installing axe-core $AXE_VERSION from npm into .cache/node_modules (accessibility tests)..."
    mkdir -p .cache
    npm install --silent --no-audit --no-fund --no-save --prefix .cache "axe-core@$AXE_VERSION" >/dev/null
  else
    echo "The accessibility tests need npm (Node.js) to fetch axe-core; install Node.js." >&2
    echo "(Without it those tests are skipped locally, and fail in CI.)" >&2
  fi
fi
# Chromium for the browser tests; pango for WeasyPrint's PDF export (Chromium pulls it in too).
if [ -x /usr/bin/chromium ] && ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Browser tests need Chromium at /usr/bin/chromium; install it with your package manager." >&2
  echo "(Without it the browser tests are skipped locally, and fail in CI.)" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "Browser tests need Chromium: run 'sudo apt-get install chromium' once." >&2
    exit 0
  fi
fi
echo "Installing Chromium (browser tests) and pango (PDF export) from Debian (about 30 s)..."
# shellcheck source=scripts/apt-get-waiting.sh
source "$(dirname "$0")/apt-get-waiting.sh"
apt_install chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0
echo "Chromium installed at /usr/bin/chromium."
