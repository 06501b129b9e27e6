"""Voilà's configuration in Python, read with voila.json beside it (make app, make voila).

The Voilà page's templates are compiled once per server instead of once per page:
see leadnet_helpers.app.voila_templates. Nothing is set where the workbook is not
installed in Voilà's Python.
"""

try:
    from leadnet_helpers.app.voila_templates import share_compiled_templates
except ImportError:
    pass
else:
    share_compiled_templates()
