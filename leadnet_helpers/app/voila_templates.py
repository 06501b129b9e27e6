"""Compile the Voilà page's templates once per server, not once per page.

Voilà renders each page with a new nbconvert exporter, and each exporter makes a new
Jinja environment, which compiles every template of the page again (Voilà's lab
template, nbconvert's base templates and LeadNet's own): about 0.13 s of the server's
processor per page on our 2-core machines, while the page's kernel starts and
imports its libraries on the same cores. A profile of the server (py-spy, notebook
03, 54 contacts) put most of a page's 0.2 s there; with the templates compiled once,
a page took 0.05-0.09 s of the server's processor and its first byte came after
0.04-0.06 s instead of 0.15-0.20 s.

:func:`share_compiled_templates` gives every environment nbconvert's template
exporters make one shared Jinja bytecode cache (:class:`CompiledTemplates`), held in
the server's memory. Jinja looks a template up there by its name and file, and uses
what it finds only if the template's source is the same (its checksum): a template
edited while the server runs is compiled again. The compiled code also depends on how
the environment compiles (asynchronous or not, its extensions), which is part of the
key. ``jupyter/config/voila.py``, Voilà's configuration beside ``voila.json``, calls
it when the Voilà app starts (``make app``, ``make voila``).

References
----------
Jinja, "Bytecode Cache": https://jinja.palletsprojects.com/en/stable/api/#bytecode-cache.
nbconvert, ``TemplateExporter`` (one Jinja environment per exporter).

Examples
--------
>>> from jinja2 import DictLoader, Environment
>>> cache = CompiledTemplates()
>>> first = Environment(loader=DictLoader({"t": "Hi {{ who }}"}), bytecode_cache=cache)
>>> again = Environment(loader=DictLoader({"t": "Hi {{ who }}"}), bytecode_cache=cache)
>>> first.get_template("t").render(who="Ana"), again.get_template("t").render(who="Ana")
('Hi Ana', 'Hi Ana')
>>> cache.compiled, cache.reused
(1, 1)
"""

from __future__ import annotations

from types import CodeType
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

__all__ = ["CompiledTemplates", "share_compiled_templates", "shared_cache"]


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates kept in memory, shared by environments that compile alike.

    Attributes
    ----------
    compiled : int
        Templates compiled and kept.
    reused : int
        Templates taken from here instead of being compiled again.

    Examples
    --------
    >>> from jinja2 import DictLoader, Environment
    >>> cache = CompiledTemplates()
    >>> sources = {"t": "one"}
    >>> Environment(loader=DictLoader(sources), bytecode_cache=cache).get_template("t").render()
    'one'
    >>> sources["t"] = "two"  # edited: compiled again, not the old code
    >>> Environment(loader=DictLoader(sources), bytecode_cache=cache).get_template("t").render()
    'two'
    >>> cache.compiled, cache.reused
    (2, 0)
    """

    def __init__(self) -> None:
        self._codes: dict[str, tuple[str, CodeType]] = {}
        self.compiled = 0
        self.reused = 0

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """The bucket of template *name* (*filename*) as *environment* compiles it."""
        # the code differs with the environment's way of compiling: part of the key
        key = f"{self.get_cache_key(name, filename)}:{_compiles_as(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give *bucket* the code kept for its template, if its source is unchanged."""
        kept = self._codes.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]
            self.reused += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep *bucket*'s newly compiled code."""
        if bucket.code is not None:
            self._codes[bucket.key] = (bucket.checksum, bucket.code)
            self.compiled += 1


def _compiles_as(environment: Environment) -> str:
    """What in *environment* changes the code Jinja compiles: async, extensions, syntax."""
    syntax = (
        environment.block_start_string,
        environment.variable_start_string,
        environment.comment_start_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.autoescape if isinstance(environment.autoescape, bool) else "callable",
    )
    return repr((environment.is_async, sorted(environment.extensions), syntax))


#: The one cache of this process (:func:`share_compiled_templates`).
shared_cache = CompiledTemplates()


def share_compiled_templates() -> bool:
    """Give every Jinja environment nbconvert's template exporters make :data:`shared_cache`.

    Wraps ``TemplateExporter._create_environment`` once (calling again changes
    nothing). Returns False, and changes nothing, where nbconvert has no such method.

    Examples
    --------
    >>> share_compiled_templates() and share_compiled_templates()
    True
    """
    try:
        from nbconvert.exporters.templateexporter import TemplateExporter
    except ImportError:  # pragma: no cover - nbconvert comes with Jupyter
        return False
    create = getattr(TemplateExporter, "_create_environment", None)
    if create is None:
        return False
    if getattr(create, "_leadnet_shared", False):
        return True

    def create_environment(self: Any) -> Environment:
        environment = create(self)
        if environment.bytecode_cache is None:
            environment.bytecode_cache = shared_cache
        return environment

    create_environment._leadnet_shared = True  # type: ignore[attr-defined]
    create_environment.__doc__ = create.__doc__
    TemplateExporter._create_environment = create_environment  # type: ignore[method-assign]
    return True
