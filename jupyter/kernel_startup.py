"""Run by the workbook's kernels when they start (``PYTHONSTARTUP``, which ``make lab``,
``make app`` and the class hub set; IPython kernels run that file, scripts do not).

A background thread imports the heavy libraries the kernel's notebook will use
(pandas, scipy, networkx, plotly and ipywidgets for notebook 03) while the person
reads the notebook's opening prose; the kernel answers at once. Notebook 03's kernel
then works the chosen workspace's dashboard out, used only if nothing has changed by
the time its cell runs: see ``leadnet_helpers.app.preload``.
"""

try:
    import os as _os
    import sys as _sys

    from leadnet_helpers.app.preload import start as _leadnet_preload

    # IPython runs this file with its folder first on sys.path, and takes it off after
    _folder = _os.path.dirname(_os.path.realpath(_os.environ.get("PYTHONSTARTUP", "")))
    _leadnet_preload(after_leaving_path=_folder if _sys.path[:1] == [_folder] else None)
    del _leadnet_preload, _folder, _os, _sys
except ImportError:  # the workbook is not installed in this kernel's Python
    pass
