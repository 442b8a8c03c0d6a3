"""What a spider yields: the text of one event as the page shows it, not yet parsed.

Spiders never parse dates or guess countries; ``confwatch.spiders.normalise`` does, so the
crawler, ``confwatch extract`` and ``confwatch eval`` share one path from text to fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawEvent:
    source: str
    url: str  # page URL; "#anchor" when a page lists several events
    title: str | None = None
    date_text: str | None = None  # "20-21 June 2019", "from 20 to 21 June, 2019"
    place_text: str | None = None  # "Ulaanbaatar, Mongolia", "in Budapest, Republic of Hungary"
    organiser_text: str | None = None  # "Organized by ..." block or sentence(s)
    registration_text: str | None = None  # "Registration deadline: 10 September 2020"
    body_text: str = ""  # the event's main text, paragraphs separated by blank lines
    description: str | None = None
    topics: list[str] = field(default_factory=list)
    documents: list[dict[str, str]] = field(default_factory=list)  # [{"title", "url"}]
    published: dt.date | None = None  # the page's own publication date
    page_kind: str | None = None  # "event", "press-release", "news", "listing" (site's own label)
    language: str | None = None  # "en", "ru", "fr" when known
    structured: dict[str, Any] = field(default_factory=dict)  # schema.org Event fields, if any
    relevance: dict[str, Any] = field(default_factory=dict)  # per-source relevance rule overrides
