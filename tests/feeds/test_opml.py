"""The OPML file lists the published feeds for feed readers."""

from __future__ import annotations

from lxml import etree

from confwatch.feeds.opml import default_feeds, opml


def test_opml_lists_every_feed_with_its_url(settings, now) -> None:
    doc = etree.fromstring(opml(default_feeds(settings), settings, now=now))
    assert doc.tag == "opml" and doc.get("version") == "2.0"
    assert doc.findtext("head/title") == settings.title
    assert doc.findtext("head/dateCreated") == "Tue, 15 Sep 2020 12:00:00 +0000"
    feeds = {o.get("xmlUrl"): o.get("type") for o in doc.iter("outline") if o.get("xmlUrl")}
    assert feeds == {
        "https://confwatch.example/feeds/feed.atom": "rss",
        "https://confwatch.example/feeds/feed.rss": "rss",
    }
    calendars = [o.get("url") for o in doc.iter("outline") if o.get("type") == "link"]
    assert calendars == ["https://confwatch.example/feeds/events.ics"]


def test_every_outline_has_text(settings, now) -> None:
    doc = etree.fromstring(opml(default_feeds(settings), settings, now=now))
    assert all(o.get("text") for o in doc.iter("outline"))
