#!/usr/bin/env bash
# Refresh the plotly.js "basic" build that LeadNet's figure renderer ships
# (jupyter/labextensions/leadnet-plotly/static/plotly-basic.min.js, and its MIT licence) to
# the plotly.js version the installed `plotly` package makes its figures for. Run it after
# upgrading plotly, from the repository root: bash scripts/update-plotly-basic.sh
# (npm's registry; nothing is fetched at run time: the renderer loads the build from the
# Jupyter server). Until it is run, the renderer draws with the whole plotly.js of
# jupyterlab-plotly, as it does for any figure made for another plotly.js version.
set -euo pipefail
PYTHON="${PYTHON:-.venv/bin/python}"
version="$("$PYTHON" -c 'from leadnet_helpers.app.figure_renderer import plotlyjs_version; print(plotlyjs_version())')"
if [ -z "$version" ]; then
  echo "update-plotly-basic: the installed plotly does not say its plotly.js version" >&2
  exit 1
fi
static="jupyter/labextensions/leadnet-plotly/static"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "plotly.js-basic-dist-min@$version" >/dev/null && tar xzf ./*.tgz)
cp "$work/package/plotly-basic.min.js" "$static/plotly-basic.min.js"
cp "$work/package/LICENSE" "$static/plotly-basic.LICENSE"
echo "plotly.js basic build $version in $static"
