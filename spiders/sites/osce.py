"""OSCE (osce.org, polis.osce.org): an events listing, then event pages and press releases.

Event pages carry Drupal field blocks ("Date", "Location", "Organized by"); press releases a
"Date / Place / Source / Fields of work" block and a dateline ("ULAANBAATAR, 6 July 2017 - ...").
Both go through the shared single-event reading. What only this site does: its "Organized by"
field names OSCE structures without the organisation ("Chairmanship", "Transnational Threats
Department"), so they are read as the OSCE's.
"""

from __future__ import annotations

import re
from typing import ClassVar

from confwatch.spiders.base import SourceSpider
from confwatch.spiders.items import RawEvent
from confwatch.spiders.page import Page

_OSCE_NAMED = re.compile(r"\b(?:OSCE|Organization for Security)", re.I)
_STRUCTURE = re.compile(
    r"^(?:the\s+)?(?:\w+\s+)?(?:Chairmanship|Chairpersonship|Secretariat|Secretary General|"
    r"[\w\s-]*Department|Office for [\w\s]+|Conflict Prevention Centre|Representative on [\w\s]+|"
    r"High Commissioner on National Minorities|Parliamentary Assembly|Mission [\w\s]+|"
    r"Programme Office [\w\s]+|Centre in [\w\s]+)$",
    re.I,
)


def osce_organisers(text: str) -> str:
    """Prefix OSCE structures named alone ("Chairmanship") with "OSCE"."""
    names = [n.strip() for n in re.split(r"\s*[,;]\s*|\s+and\s+", text) if n.strip()]
    return ", ".join(
        n if _OSCE_NAMED.search(n) or not _STRUCTURE.match(n) else f"OSCE {n}" for n in names
    )


class OsceSpider(SourceSpider):
    kind: ClassVar[str] = "osce"
    listing_links: ClassVar[tuple[str, ...]] = (
        ".views-row .teaser__title a",
        ".view-content .views-row h3 a",
        ".views-row .node__title a",
        "article.node--view-mode-teaser h2 a",
    )
    next_page: ClassVar[str | None] = ".pager__item--next a"

    def page_events(self, page: Page) -> list[RawEvent]:
        events = super().page_events(page)
        for event in events:
            if event.organiser_text:
                event.organiser_text = osce_organisers(event.organiser_text)
        return events
