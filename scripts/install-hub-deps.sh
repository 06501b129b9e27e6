#!/usr/bin/env bash
# Installs what the JupyterHub class test (tests/hub/) needs beyond PyPI: JupyterHub's proxy,
# configurable-http-proxy, from the npm registry into .hub-deps/ (git-ignored) in the repo.
# `make test` runs it; a second run does nothing. Without node/npm the hub test is skipped
# locally (and fails in CI, which must run it).
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX=.hub-deps
VERSION="${CHP_VERSION:-5.3.0}"
if [ -x "$PREFIX/node_modules/.bin/configurable-http-proxy" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  fi
  if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
    echo "Installing Node.js and npm from Debian (JupyterHub test)..."
    # shellcheck source=scripts/apt-get-waiting.sh
    source scripts/apt-get-waiting.sh
    apt_install nodejs npm
  fi
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "The JupyterHub test needs node and npm for configurable-http-proxy;" >&2
  echo "install Node.js (for example 'apt-get install nodejs npm'), then run make test again." >&2
  exit 0
fi
echo "Installing configurable-http-proxy $VERSION from npm into $PREFIX/ (JupyterHub test)..."
mkdir -p "$PREFIX"
npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error \
  "configurable-http-proxy@$VERSION" >/dev/null
echo "configurable-http-proxy installed at $PREFIX/node_modules/.bin/configurable-http-proxy."
