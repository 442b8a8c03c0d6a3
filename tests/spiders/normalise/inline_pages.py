"""Normalise a small inline page as the generic source would: the fields, or why it was skipped.

Shared by the behaviour test files (dates, places, relevance) that check whole-page rules.
"""

from __future__ import annotations

import datetime as dt

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise
from confwatch.store.records import EventFields


def fields_of(
    body: str, *, title: str | None = None, published: dt.date | None = None
) -> EventFields:
    raw = RawEvent(
        source="generic",
        url="https://example.org/x",
        title=title,
        body_text=body,
        published=published,
    )
    result = normalise(raw)
    assert result.fields is not None, result.skipped
    return result.fields


def skipped(body: str, *, title: str | None = None) -> str | None:
    return normalise(
        RawEvent(source="generic", url="https://example.org/x", title=title, body_text=body)
    ).skipped
