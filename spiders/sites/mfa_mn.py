"""Ministry of Foreign Affairs of Mongolia (mfa.gov.mn): a news listing, then posts.

Posts are WordPress-style articles with a "POSTED: 2019-10-24" line and no date or place fields:
the conference's name, dates and place are read from the post's text by the normaliser, and "the
Ministry of Foreign Affairs" is named for the country the event is in.
"""

from __future__ import annotations

from typing import ClassVar

from confwatch.spiders.base import SourceSpider


class MfaMnSpider(SourceSpider):
    kind: ClassVar[str] = "mfa-mn"
    listing_links: ClassVar[tuple[str, ...]] = (
        "article h2 a",
        "article h3 a",
        ".entry-title a",
        ".post-title a",
        ".news-item a",
        ".card-title a",
    )
    next_page: ClassVar[str | None] = "a.next"
