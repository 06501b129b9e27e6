"""Widgets are views over models: the import rules between app/ and widgets/."""

from __future__ import annotations

import ast
from pathlib import Path

import leadnet_helpers

PACKAGE = Path(leadnet_helpers.__file__).parent
# the only widget modules other views may import: helpers and building blocks, no view
SHARED = {"feedback", "tables", "figure_panel"}


def _imports(path: Path) -> set[str]:
    """The modules *path* imports, relative ones resolved against the package."""
    found = set()
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(parts[: len(parts) - node.level])
                module = f"{base}.{node.module}" if node.module else base
                if node.module is None:
                    found.update(f"{base}.{alias.name}" for alias in node.names)
                    continue
            else:
                module = node.module or ""
            found.add(module)
    return found


def test_view_models_do_not_import_ipywidgets_or_views():
    for path in sorted((PACKAGE / "app").glob("*.py")):
        imported = _imports(path)
        assert not any(m.split(".")[0] == "ipywidgets" for m in imported), path.name
        assert not any(m.startswith("leadnet_helpers.widgets") for m in imported), path.name


def test_a_view_imports_no_other_view_but_the_shared_helpers():
    for path in sorted((PACKAGE / "widgets").glob("*.py")):
        if path.name == "__init__.py":
            continue
        views = {
            m.rsplit(".", 1)[-1] for m in _imports(path) if m.startswith("leadnet_helpers.widgets.")
        }
        assert views <= SHARED, (path.name, views - SHARED)


def test_the_event_bus_is_gone():
    assert not (PACKAGE / "widgets" / "events.py").exists()
