"""confwatch.feeds: RSS/Atom, iCalendar, OPML and the HTML page, built from the store's records.

Uses only the store's read API (``changes`` and ``events``); see ``build.build_all``.
"""

from confwatch.feeds.build import BuildReport, build_all, render_all
from confwatch.feeds.settings import FeedSettings

__all__ = ["BuildReport", "FeedSettings", "build_all", "render_all"]
