"""The HTML page: upcoming conferences and recent changes, rendered with jinja2 (autoescape on).

The template only prints; this module turns store records into plain view dicts of cleaned
strings and http(s)-only URLs, so the template has no logic a scraped value could abuse.
Each conference links to its own page (``/events/ID``, served by ``confwatch serve``); the
filtered feeds the build publishes are listed by country, organiser and topic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import jinja2

from confwatch.feeds.event_page import event_url, site_name
from confwatch.feeds.headlines import change_is_reported_after_held
from confwatch.feeds.opml import FeedLink, default_feeds
from confwatch.feeds.safe import clean_paragraphs, clean_text, http_url, shorten, utc_datetime
from confwatch.feeds.settings import FeedSettings
from confwatch.feeds.syndication import entry_title, event_title, source_links
from confwatch.feeds.wording import (
    change_lines,
    format_date,
    format_date_range,
    format_list,
    format_place,
)
from confwatch.store.records import ChangeView, EventFields, EventView, SourceRef

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("confwatch.feeds", "templates"),
    autoescape=True,  # every page is HTML: escape everything, always
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
DESCRIPTION_LIMIT = 600


def render_index(
    upcoming: Iterable[EventView],
    recent: Iterable[ChangeView],
    settings: FeedSettings,
    *,
    now: dt.datetime,
    feeds: Sequence[FeedLink] | None = None,
    filtered: Sequence[FeedLink] = (),
) -> str:
    """The index page: upcoming conferences (soonest first), then recent changes.

    ``feeds`` are the main links in the header; ``filtered`` (per country, organiser, topic) are
    listed compactly, folded, at the end.
    """
    events = sorted(upcoming, key=lambda e: (e.fields.start_date or dt.date.max, e.uid))
    links = feeds if feeds is not None else default_feeds(settings)
    return _ENV.get_template("index.html").render(
        title=clean_text(settings.title) or "confwatch",
        subtitle=clean_text(settings.subtitle),
        generated=utc_datetime(now).strftime("%Y-%m-%d %H:%M UTC"),
        upcoming=[
            _event_view(e.fields, e.sources) | {"page": event_url(settings.base_url, e.id)}
            for e in events
        ],
        recent=[
            _change_view(c) | {"page": event_url(settings.base_url, c.event_id)} for c in recent
        ],
        feeds=[
            {"title": clean_text(f.title), "url": f.url(settings), "type": f.media_type}
            for f in links
        ],
        filtered=_filter_groups(filtered, settings),
    )


# Filtered feed file names start with their kind (``filters.FeedFilter.filename_base``).
FILTER_GROUPS = (
    ("country-", "By country", "Conferences in "),
    ("organiser-", "By organiser", "Conferences organised by "),
    ("topic-", "By topic", ""),
)
FORMATS = {"atom": "Atom", "rss": "RSS"}


def _filter_groups(filtered: Sequence[FeedLink], settings: FeedSettings) -> list[dict[str, Any]]:
    """The filtered feeds that were built, by kind: each name once, with its Atom and RSS."""
    groups = []
    for prefix, heading, redundant in FILTER_GROUPS:
        names: dict[str, dict[str, Any]] = {}
        for f in filtered:
            if not f.filename.startswith(prefix) or f.kind not in FORMATS:
                continue
            stem = f.filename.rsplit(".", 1)[0]
            name = clean_text(f.description or f.title).removeprefix(redundant) or stem
            feed = names.setdefault(stem, {"name": name, "links": []})
            feed["links"].append(
                {"label": FORMATS[f.kind], "url": f.url(settings), "type": f.media_type}
            )
        if names:
            items = sorted(names.values(), key=lambda n: n["name"].casefold())
            groups.append({"heading": heading, "feeds": items})
    return groups


def _event_view(fields: EventFields, sources: list[SourceRef]) -> dict[str, Any]:
    status = clean_text(fields.status) or "scheduled"
    description = " ".join(clean_paragraphs(fields.description))
    deadline = fields.registration_deadline
    return {
        "title": shorten(clean_text(fields.title), 300) or "Untitled conference",
        "url": http_url(fields.url),
        "dates": format_date_range(fields.start_date, fields.end_date),
        "start": fields.start_date.isoformat() if fields.start_date else None,
        "place": format_place(fields.city, fields.country),
        "organisers": format_list(fields.organisers),
        "status": status if status in ("postponed", "cancelled") else None,
        "deadline": format_date(deadline) if deadline else None,
        "description": shorten(description, DESCRIPTION_LIMIT),
        # Readers know sites (osce.org), not our source keys.
        "sources": [
            {"label": site_name(url) or clean_text(s.source) or "source", "url": url}
            for s in sources
            if (url := http_url(s.url))
        ],
    }


def _change_view(change: ChangeView) -> dict[str, Any]:
    at = utc_datetime(change.at)
    lines = change_lines(change)
    return {
        "kind": change.kind,
        "held": change_is_reported_after_held(change),  # first seen after it ended
        "headline": entry_title(change) if change.kind == "new" else event_title(change),
        "changes": lines,
        "at": at.strftime("%Y-%m-%d %H:%M UTC"),
        "at_iso": at.isoformat(),
        "dates": format_date_range(change.event.start_date, change.event.end_date),
        "place": format_place(change.event.city, change.event.country),
        "sources": [
            {"label": site_name(url) or label, "url": url} for label, url in source_links(change)
        ],
    }
