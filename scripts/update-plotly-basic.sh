#!/usr/bin/env bash
# Refresh the plotly.js "basic" and "gl2d" builds that LeadNet's figure renderer ships
# (jupyter/labextensions/leadnet-plotly/static/plotly-basic.min.js and plotly-gl2d.min.js, and
# their MIT licence) to the plotly.js version the installed `plotly` package makes its figures
# for. Run it after
# upgrading plotly, from the repository root: bash scripts/update-plotly-basic.sh
# (npm's registry; nothing is fetched at run time: the renderer loads the build from the
# Jupyter server). Until it is run, the renderer draws with the whole plotly.js of
# jupyterlab-plotly, as it does for any figure made for another plotly.js version. (The basic
# build has an npm package of its own; the gl2d build is in the dist folder of plotly.js's.)
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
mkdir "$work/whole"
(cd "$work/whole" && npm pack --silent "plotly.js@$version" >/dev/null && tar xzf ./*.tgz \
  package/dist/plotly-gl2d.min.js package/LICENSE)
cp "$work/whole/package/dist/plotly-gl2d.min.js" "$static/plotly-gl2d.min.js"
cp "$work/whole/package/LICENSE" "$static/plotly-gl2d.LICENSE"
echo "plotly.js basic and gl2d builds $version in $static"
