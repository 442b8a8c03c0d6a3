"""The ``confwatch`` command line: the group in ``main``, one module per command group.

``confwatch.scheduler.cli:main`` is the console script. Each command module lists its click
commands in ``COMMANDS``; they are attached here, so ``main`` itself imports no command and the
commands import only ``context`` (``Ctx``), ``output`` and ``reading`` (the store of a command
that only reads).
"""

from __future__ import annotations

from confwatch.scheduler.cli import (
    config,
    crawl,
    digest,
    events,
    extract,
    reextract,
    try_source,
    worker,
)
from confwatch.scheduler.cli.main import main

for _module in (crawl, reextract, events, extract, digest, worker, config, try_source):
    for _command in _module.COMMANDS:
        main.add_command(_command)

__all__ = ["main"]
