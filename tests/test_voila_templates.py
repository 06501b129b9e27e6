"""Voilà's templates compiled once per server (leadnet_helpers.app.voila_templates)."""

from __future__ import annotations

import runpy
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from leadnet_helpers.app import voila_templates
from leadnet_helpers.app.voila_templates import CompiledTemplates, share_compiled_templates

REPO = Path(__file__).resolve().parents[1]


def notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Your gaps\n\nA *thin* network."),
        nbformat.v4.new_code_cell("1 + 1"),
    ]
    return nb


def test_a_second_page_reuses_the_compiled_templates_and_is_the_same(monkeypatch) -> None:
    cache = CompiledTemplates()
    monkeypatch.setattr(voila_templates, "shared_cache", cache)
    nb = notebook()
    assert share_compiled_templates()
    uncached = HTMLExporter()
    uncached.environment.bytecode_cache = None  # every template compiled from its source
    plain, _ = uncached.from_notebook_node(nb)
    assert cache.compiled == cache.reused == 0
    first, _ = HTMLExporter().from_notebook_node(nb)
    compiled = cache.compiled
    assert compiled > 0 and cache.reused == 0
    second, _ = HTMLExporter().from_notebook_node(nb)  # a new exporter: a new page
    assert cache.compiled == compiled  # nothing compiled again
    assert cache.reused >= compiled
    assert first == second == plain
    assert "A <em>thin</em> network." in second


def test_an_edited_template_is_compiled_again(tmp_path: Path, monkeypatch) -> None:
    cache = CompiledTemplates()
    monkeypatch.setattr(voila_templates, "shared_cache", cache)
    assert share_compiled_templates()
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "conf.json").write_text('{"base_template": "base"}')
    template = folder / "index.html.j2"
    template.write_text("{%- extends 'base/null.j2' -%}{% block body %}OLD{% endblock %}")

    def render() -> str:
        exporter = HTMLExporter(extra_template_basedirs=[str(tmp_path)], template_name="mine")
        return exporter.from_notebook_node(notebook())[0]

    assert "OLD" in render()
    template.write_text("{%- extends 'base/null.j2' -%}{% block body %}NEW{% endblock %}")
    edited = render()
    assert "NEW" in edited and "OLD" not in edited


def test_voilas_python_configuration_shares_them() -> None:
    runpy.run_path(str(REPO / "jupyter" / "config" / "voila.py"), run_name="voila_config")
    from nbconvert.exporters.templateexporter import TemplateExporter

    assert TemplateExporter._create_environment._leadnet_shared  # type: ignore[attr-defined]
    assert HTMLExporter().environment.bytecode_cache is voila_templates.shared_cache
