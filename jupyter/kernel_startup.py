"""Run by the workbook's kernels when they start (``PYTHONSTARTUP``, which ``make lab``,
``make app`` and the class hub set; IPython kernels run that file, scripts do not).

A background thread imports the heavy libraries the kernel's notebook will use
(pandas, scipy, networkx, plotly and ipywidgets for notebook 03) while the person
reads the notebook's opening prose; the kernel answers at once. Nothing of the
workspace is read ahead: see ``leadnet_helpers.app.preload``.
"""

try:
    from leadnet_helpers.app.preload import start as _leadnet_preload

    _leadnet_preload()
    del _leadnet_preload
except ImportError:  # the workbook is not installed in this kernel's Python
    pass
