"""The store of a command that only reads (``events``, ``status``, ``subscribers list``...).

Such a command creates nothing: on a CONFWATCH_HOME with no store yet (nothing crawled into it,
or no such folder) it reads an empty store, as a fresh home would list, and says on stderr which
home that is, so a home given wrongly (a typo, another working directory for ``./var``) is seen at
once. stdout keeps its format (``[]`` with ``--json``) and the exit status is that of an empty
store: an empty list is the truth about that home, not bad usage.
"""

from __future__ import annotations

from confwatch.scheduler.cli.output import echo
from confwatch.scheduler.config import Settings
from confwatch.scheduler.database import has_store, open_store
from confwatch.scheduler.paths import shown
from confwatch.store.api import Store


def reading_store(settings: Settings, *, sync_sources: bool = False, verify: bool = False) -> Store:
    """The store to read (``with reading_store(settings) as store:``), an empty one where the
    home has none yet."""
    if not has_store(settings):
        echo(
            f"note: CONFWATCH_HOME {shown(settings.home)} has no store yet (nothing was crawled "
            "into it; 'confwatch crawl' does): read as empty",
            err=True,
        )
    return open_store(settings, reading=True, sync_sources=sync_sources, verify=verify)
