"""A page parsed into the pieces every reader needs (``Page``), and the two questions both the
one-event reading (``page``) and the section finder (``sections``) ask of its lines: is this line
only a date or a place, does this text name a meeting.

``page.read_page`` builds a ``Page``; ``sections`` finds where each event of a page starts, and
``page`` turns a page, or each of its sections, into ``RawEvent`` items.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from confwatch.spiders.extract import Block

# Headings and paragraphs that name a meeting of any kind; a press conference is none.
_EVENTISH_KINDS = frozenset({"large", "small", "qualified", "meeting", "training"})


@dataclass
class Page:
    url: str
    html: str
    doc: Any  # lxml's HtmlElement: lxml ships no type information
    blocks: list[Block]
    text: str
    labels: dict[str, str]
    meta: dict[str, str]
    published: dt.date | None
    structured: list[dict[str, Any]] = field(default_factory=list)
    is_text: bool = False

    @property
    def language(self) -> str | None:
        return self.meta.get("lang")


# Lower-case words of four letters or more: a place line has at most one ("Palais des Congrès,
# Paris", "Hotel am Stadtpark, Wien"); a headline naming a country has its verb and its object.
_PROSE_WORD = re.compile(r"(?<!\w)[^\W\d_]{4,}")
_PROSE_WORDS = 2


@lru_cache(maxsize=1024)  # the same lines are asked about for the title and for sections
def is_date_or_place_line(text: str) -> bool:
    """A short line that is only a date and/or a place, or a publication line."""
    from confwatch.spiders.normalise import dates, headings, places

    if headings.is_title_junk(text):
        return True
    if len(text) > 90 or re.search(r"[.!?]$", text):
        return False
    hits = dates.find_date_ranges(text, published=dt.date(2000, 6, 30))
    rest = text
    if hits and hits[0][1] <= 3:
        rest = text[hits[0][2] :]
    elif hits:
        return False
    rest = re.sub(r"^[\s,;:–—-]*(?:in\s+)?", "", rest).strip(" ,")
    if not rest:
        return bool(hits)
    if not hits and sum(w[0].islower() for w in _PROSE_WORD.findall(rest)) >= _PROSE_WORDS:
        return False  # "ASEAN, Australia sign MoU on counter-terrorism": a headline, not a place
    found = places.parse_place(rest)
    return bool(found and (found.city or found.country)) and len(rest.split()) <= 6


def is_eventish(text: str) -> bool:
    """The text names a meeting of some kind (a lexicon event noun; not a press conference)."""
    from confwatch.spiders.normalise import lexicon

    return lexicon.has_event_word(text, _EVENTISH_KINDS)
