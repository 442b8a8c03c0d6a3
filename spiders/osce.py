"""OSCE (osce.org): an events listing, then event pages and press releases.

Event pages carry Drupal field blocks ("Date", "Location", "Organized by"); press releases a
"Date / Place / Source / Fields of work" block and a dateline ("ULAANBAATAR, 6 July 2017 - ...").
Both go through the shared single-event reading; this class only knows where the links are.
"""

from __future__ import annotations

from typing import ClassVar

from confwatch.spiders.base import SourceSpider


class OsceSpider(SourceSpider):
    kind: ClassVar[str] = "osce"
    listing_links: ClassVar[tuple[str, ...]] = (
        ".views-row .teaser__title a",
        ".view-content .views-row h3 a",
        ".views-row .node__title a",
        "article.node--view-mode-teaser h2 a",
    )
    next_page: ClassVar[str | None] = ".pager__item--next a"
