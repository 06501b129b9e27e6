"""The workbook's IPython kernels (``make lab``, ``make app`` and the class hub read this).

When a kernel starts, a background thread imports the heavy libraries its
notebook will use (pandas, scipy, networkx, plotly, ipywidgets for notebook
03), while the person reads the notebook's opening prose; the kernel answers
at once. Nothing of the workspace is read ahead: see ``leadnet_helpers.app.preload``.
"""

PRELOAD = """
try:
    __import__("leadnet_helpers.app.preload", fromlist=["start"]).start()
except ImportError:
    pass
"""

c = get_config()  # noqa: F821 - defined by the config loader
c.IPKernelApp.exec_lines = [PRELOAD]
