"""The catalogue of published feeds (``FeedLink``) and its OPML 2.0 file for feed readers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import format_datetime
from typing import Literal

from lxml import etree

from confwatch.feeds.safe import clean_text, utc_datetime
from confwatch.feeds.settings import FeedSettings

FeedKind = Literal["atom", "rss", "ics", "opml"]
MEDIA_TYPES = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "ics": "text/calendar",
    "opml": "text/x-opml",
}
OPML_VERSIONS = {"atom": "ATOM", "rss": "RSS2"}


@dataclass(frozen=True)
class FeedLink:
    """One published file: what it is called, where it lives, what kind it is."""

    title: str
    filename: str
    kind: FeedKind
    description: str = ""

    def url(self, settings: FeedSettings) -> str:
        return settings.feed_url(self.filename)

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.kind]


def default_feeds(settings: FeedSettings) -> list[FeedLink]:
    """The feeds every build publishes (filtered feeds will be appended to this list)."""
    return [
        FeedLink("All changes (Atom)", "feed.atom", "atom", "New and changed conferences"),
        FeedLink("All changes (RSS)", "feed.rss", "rss", "New and changed conferences"),
        FeedLink("Calendar (iCalendar)", "events.ics", "ics", "All conferences with dates"),
    ]


def opml(
    feeds: Iterable[FeedLink], settings: FeedSettings, *, created: dt.datetime | None
) -> bytes:
    """OPML 2.0 listing the feeds; calendars are ``type="link"`` outlines (not feeds).

    ``created`` is the newest change among what the feeds are built from, not the build time,
    so a rebuild with nothing changed gives the same bytes; None (an empty store) leaves the
    optional ``dateCreated`` out.
    """
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = clean_text(settings.title) or "confwatch"
    if created is not None:
        etree.SubElement(head, "dateCreated").text = format_datetime(utc_datetime(created))
    etree.SubElement(head, "ownerName").text = clean_text(settings.author_name) or "confwatch"
    body = etree.SubElement(root, "body")
    for feed in feeds:
        text = clean_text(feed.title) or feed.filename
        attrs = {"text": text, "title": text}
        if feed.description:
            attrs["description"] = clean_text(feed.description)
        if feed.kind == "ics":
            attrs.update(type="link", url=feed.url(settings))
        else:
            # OPML's "rss" outline type covers every syndication format, Atom included.
            attrs.update(type="rss", version=OPML_VERSIONS[feed.kind], xmlUrl=feed.url(settings))
            attrs["htmlUrl"] = settings.url("/")
        etree.SubElement(body, "outline", attrs)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
