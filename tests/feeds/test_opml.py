"""The OPML file lists the published feeds for feed readers, and changes only when they do."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from confwatch.feeds.build import render_all
from confwatch.feeds.opml import default_feeds, opml
from tests.feeds.factories import T0, change, event


def test_opml_lists_every_feed_with_its_url(settings, now) -> None:
    doc = etree.fromstring(opml(default_feeds(settings), settings, created=now))
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
    doc = etree.fromstring(opml(default_feeds(settings), settings, created=now))
    assert all(o.get("text") for o in doc.iter("outline"))


def test_two_builds_with_no_change_give_the_same_opml_bytes(settings, now) -> None:
    changes, events = [change(1), change(2, event_id=2)], [event(1), event(2)]
    first = render_all(changes, events, settings, now=now)["feeds.opml"]
    later = render_all(changes, events, settings, now=now + dt.timedelta(days=3))["feeds.opml"]
    assert later == first


def test_opml_date_is_the_newest_change_not_the_build_time(settings, now) -> None:
    changes = [change(1), change(2, event_id=2, at=T0 + dt.timedelta(days=2))]
    events = [event(1), event(2, last_changed=T0 + dt.timedelta(days=1))]
    doc = etree.fromstring(render_all(changes, events, settings, now=now)["feeds.opml"])
    assert doc.findtext("head/dateCreated") == "Thu, 03 Sep 2020 06:00:00 +0000"


def test_a_new_change_moves_the_opml_date(settings, now) -> None:
    events = [event(1)]
    before = render_all([change(1)], events, settings, now=now)["feeds.opml"]
    later = T0 + dt.timedelta(days=5)
    after = render_all([change(1), change(2, at=later)], events, settings, now=now)["feeds.opml"]
    assert after != before
    assert etree.fromstring(after).findtext("head/dateCreated") == "Sun, 06 Sep 2020 06:00:00 +0000"


def test_an_empty_store_gives_a_stable_opml_without_a_date(settings, now) -> None:
    first = render_all([], [], settings, now=now)["feeds.opml"]
    assert first == render_all([], [], settings, now=now + dt.timedelta(days=1))["feeds.opml"]
    assert etree.fromstring(first).find("head/dateCreated") is None
