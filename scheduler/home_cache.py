"""The home's cache folder: for a crawl's child, and for processes that extract without a crawl
(``extract``, ``eval``, ``reextract``) and a trial's child (``try``).

The folder keeps what every fresh process would otherwise build again: the gazetteer (~0.6 s of
CPU) and the compiled programs of the lexicon's regular expressions (~1.5 s over a crawl's first
pages; decision 0022). The offline commands use it only where it costs nothing else: never
creating a home, and on a read-only home only reading what is already there.
"""

from __future__ import annotations

from pathlib import Path

from confwatch.scheduler.config import Settings
from confwatch.scheduler.paths import writable
from confwatch.spiders.normalise import pattern_cache, places


def use_home_cache(settings: Settings) -> None:
    """Let the gazetteer and the patterns load from (and, where the home is writable, save to)
    the home's cache."""
    folder = settings.home / "cache"
    try:
        if folder.is_dir():
            usable, write = True, writable(folder)
        else:
            usable = write = settings.home.is_dir() and writable(settings.home)
    except OSError:  # an over-long or unreadable home: build in memory, as before
        return
    if usable:
        use_cache_folder(folder, write=write)


def use_cache_folder(folder: Path, *, write: bool = True) -> None:
    """Keep the gazetteer and the compiled patterns in ``folder`` (created when first written)."""
    places.use_cache_dir(folder)
    pattern_cache.use_cache_dir(folder, write=write)
