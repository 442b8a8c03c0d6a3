"""UNOCT: one page lists a series of regional conferences, one section each.

A section starts at a date line ("15-17 May 2019 Dushanbe, Tajikistan", "3-4 September, Minsk,
Belarus") or at a short place heading ("United Arab Emirates", "Vienna"); its title is the first
heading-like block after that, skipping photo captions and quotes. Each section becomes one
``RawEvent`` whose URL carries the section's anchor. The layout is read from the text blocks, so
the same code reads the live page and a text capture of it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from confwatch.slugs import slug
from confwatch.spiders import extract
from confwatch.spiders.base import SourceSpider
from confwatch.spiders.extract import Block
from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import dates, places
from confwatch.spiders.page import Page, is_eventish, single_event, topics_of

_CAPTION = re.compile(
    r"\bPhoto(?:\s*credit)?\s*:|\bparticipates?\b|\(center\)|\(centre\)|from the left", re.I
)
_QUOTE = re.compile(r"^[\"“«']|^--\s")
_URLISH = re.compile(r"^(?:https?://|www\.)\S+(?:\s+https?://\S+)*$")
# Date lines are recognised whatever their year: any fixed day makes a missing year resolvable.
_ANY_YEAR = dt.date(2000, 6, 30)


def _slug(text: str) -> str:
    # Part of each event's URL, as first stored: accented Latin letters separate words.
    return slug(text, fallback="section", letters="latin-ascii", strip_cut=False)


def _date_line(b: Block, published: dt.date | None) -> bool:
    text = b.text.strip()
    if len(text) > 90 or ("\n" in text and len(text) > 60):
        return False
    hits = dates.find_date_ranges(text, published=published or _ANY_YEAR)
    return bool(hits) and hits[0][1] <= 3


def _place_heading(b: Block) -> bool:
    text = b.text.strip()
    if len(text) > 40 or re.search(r"[.:;!?]$", text) or len(text.split()) > 4:
        return False
    found = places.parse_place(text)
    return bool(found and (found.city or found.country))


class UnoctSpider(SourceSpider):
    kind: ClassVar[str] = "unoct"

    def page_events(self, page: Page) -> list[RawEvent]:
        sections = split_sections(page)
        if not sections:
            return single_event(page, self.name, relevance=dict(self.source.relevance))
        events = []
        used: set[str] = set()
        for heading, body in sections:
            event = self._section_event(page, heading, body)
            if event is None:
                continue
            anchor = _slug(event.title or heading[0].text)
            while anchor in used:
                anchor += "-2"
            used.add(anchor)
            el = heading[0].element
            anchor_id = el.get("id") if el is not None and el.get("id") else anchor
            event.url = f"{page.url.split('#')[0]}#{anchor_id}"
            events.append(event)
        return events

    def _section_event(
        self, page: Page, heading: list[Block], body: list[Block]
    ) -> RawEvent | None:
        title = None
        rest: list[Block] = []
        for b in body:
            text = b.text.strip()
            if (
                title is None
                and b.kind != "li"
                and not _CAPTION.search(text)
                and not _QUOTE.match(text)
                and not _URLISH.match(text)
                and 12 <= len(text) <= 250
                and not re.search(r"[.!?]\s*$", text)
                and is_eventish(text) | (len(text) < 160)
            ):
                title = text
                continue
            if _URLISH.match(text):
                continue
            rest.append(b)
        if title is None:
            return None
        head_text = " ".join(b.text.strip() for b in heading)
        body_text = extract.page_text(rest)
        docs: list[dict[str, str]] = []
        for b in rest:
            if b.element is not None:
                docs += extract.document_links(page.doc, page.url, root=b.element)
        date_text = head_text if any(_date_line(b, page.published) for b in heading) else None
        return RawEvent(
            source=self.name,
            url=page.url,
            title=title,
            date_text=date_text,
            place_text=_place_part(head_text),
            body_text=body_text,
            topics=topics_of(rest),
            documents=docs,
            published=page.published,
            language=page.language,
            relevance=dict(self.source.relevance),
        )


def _place_part(head: str) -> str | None:
    """The place in a date line: what follows the date ("Dushanbe, Tajikistan")."""
    hits = dates.find_date_ranges(head, published=_ANY_YEAR)
    rest = head[hits[0][2] :] if hits else head
    rest = re.sub(r"^[\s,;:–—-]*(?:in\s+)?", "", rest).strip(" ,")
    return rest or None


def split_sections(page: Page) -> list[tuple[list[Block], list[Block]]]:
    """(heading blocks, body blocks) per conference section, in page order."""
    blocks = page.blocks
    starts: list[int] = []
    for i, b in enumerate(blocks):
        if b.kind == "li":
            continue
        if _date_line(b, page.published) or _place_heading(b):
            # A place heading right after a date line belongs to the same heading.
            if starts and starts[-1] == i - 1:
                continue
            starts.append(i)
    sections = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        heading = [blocks[start]]
        body = blocks[start + 1 : end]
        if body:
            sections.append((heading, body))
    # Fewer than two sections is not a list of conferences.
    return sections if len(sections) >= 2 else []
