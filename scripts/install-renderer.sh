#!/usr/bin/env bash
# Lays out LeadNet's figure renderer (a JupyterLab / Voila extension) in the virtual
# environment, where Jupyter finds extensions: the repository's files, copied (`make` copies
# them again when one changes), plus plotly.js whole beside them, copied from the `plotly`
# package itself (plotly/package_data/plotly.min.js: the very plotly.js version the kernel
# makes figures for). The renderer draws the WebGL maps with it, so LeadNet's Voila need not
# load jupyterlab-plotly (jupyter/config/voila.json). Copies, not links: Jupyter's servers
# refuse (403) a file whose real path is outside their extension folders.
# Usage: install-renderer.sh DEST PYTHON
set -euo pipefail
dest=$1
python=$2
src="$(cd "$(dirname "$0")/.." && pwd)/jupyter/labextensions/leadnet-plotly"
rm -rf "$dest" # the earlier layouts: a link to the repository's folder, or links to its files
mkdir -p "$dest/static"
cp "$src/package.json" "$dest/"
cp "$src"/static/* "$dest/static/"
whole=$("$python" -c 'import pathlib, plotly
print(pathlib.Path(plotly.__file__).parent / "package_data" / "plotly.min.js")')
if [ -f "$whole" ]; then
  cp "$whole" "$dest/static/plotly.min.js"
else
  echo "plotly's plotly.min.js was not found ($whole): the renderer will borrow jupyterlab-plotly's." >&2
fi
