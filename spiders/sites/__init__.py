"""One module per kind of site: the packaged spiders, and the generic one set by configuration.

This package is the one list of source kinds. A module here *is* a kind: ``mfa_mn.py`` holds the
spider of kind ``mfa-mn`` (STYLE: one file per site, named by its source key), and its spider
class says the same in ``kind``. ``KINDS`` is read from the file names alone, without importing
any module, so the configuration can check a source's kind without loading Scrapy;
``confwatch.spiders.registry`` imports the modules and finds their spider classes.

To add a kind, add a module: ``python -m confwatch.spiders.new_site`` writes one from a template.
"""

from __future__ import annotations

import pkgutil

#: The kind every source has unless it says otherwise: a site that needs no code.
GENERIC = "generic"


def kind_of(module: str) -> str:
    """The kind a module of this package holds: ``mfa_mn`` -> ``mfa-mn``."""
    return module.replace("_", "-")


def module_of(kind: str) -> str:
    """The module of this package that holds ``kind``: ``mfa-mn`` -> ``mfa_mn``."""
    return kind.replace("-", "_")


def _kinds() -> tuple[str, ...]:
    # Modules whose name starts with "_" are not kinds (room for private helpers).
    found = sorted(
        kind_of(m.name) for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")
    )
    # The sites first, alphabetically; the generic kind, the fallback, last.
    return (*(k for k in found if k != GENERIC), GENERIC)


#: Every source kind, in the order help texts and error messages list them.
KINDS: tuple[str, ...] = _kinds()
