"""The home's cache folder for processes that extract without a crawl (``extract``, ``eval``,
``reextract``) and for a trial's child (``try``).

A crawl's child reads the gazetteer from ``CONFWATCH_HOME/cache`` (built once per version, ~0.6 s
of CPU otherwise); the offline commands may do the same, but only where it costs nothing else:
never creating a home, and on a read-only home only reading a cache that is already there.
"""

from __future__ import annotations

from confwatch.scheduler.config import Settings
from confwatch.scheduler.paths import writable
from confwatch.spiders.normalise import places


def use_home_cache(settings: Settings) -> None:
    """Let the gazetteer load from (and, where the home is writable, save to) the home's cache."""
    folder = settings.home / "cache"
    try:
        usable = folder.is_dir() or (settings.home.is_dir() and writable(settings.home))
    except OSError:  # an over-long or unreadable home: build in memory, as before
        return
    if usable:
        places.use_cache_dir(folder)
