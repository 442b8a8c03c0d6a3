"""The HTML page: upcoming and recently changed conferences, scraped text always escaped."""

from __future__ import annotations

import datetime as dt
import re

from lxml import html as lxml_html

from confwatch.feeds.page import render_index
from confwatch.feeds.settings import FeedSettings
from confwatch.store.records import FieldChange, SourceRef
from tests.feeds.factories import HOSTILE, OSCE_URL, change, event


def render(settings: FeedSettings, now: dt.datetime, upcoming=None, recent=None) -> str:
    return render_index(
        upcoming if upcoming is not None else [event(1)],
        recent if recent is not None else [change(1)],
        settings,
        now=now,
    )


def test_page_is_phone_readable_with_no_scripts_or_external_resources(settings, now) -> None:
    page = render(settings, now)
    doc = lxml_html.fromstring(page)
    assert doc.xpath("//meta[@name='viewport']/@content") == ["width=device-width, initial-scale=1"]
    assert doc.xpath("//script") == []
    assert doc.xpath("//*[@src]") == []  # no images, scripts or frames from anywhere
    assert doc.xpath("//link[@rel='stylesheet']") == []
    assert "system-ui" in page


def test_page_has_both_sections_with_their_events(settings, now) -> None:
    doc = lxml_html.fromstring(render(settings, now))
    assert doc.xpath("//h2/text()") == ["Upcoming conferences", "Recently changed"]
    upcoming = doc.xpath("//section[@id='upcoming']")[0].text_content()
    assert "2020 OSCE-wide Counter-Terrorism Conference" in upcoming
    assert "30 September – 1 October 2020" in upcoming
    assert "Vienna, Austria" in upcoming
    assert "OSCE, UNOCT" in upcoming
    recent = doc.xpath("//section[@id='recent']")[0].text_content()
    assert "2020 OSCE-wide Counter-Terrorism Conference (Vienna): new conference" in recent


def test_page_links_to_source_pages_and_feed_files(settings, now) -> None:
    doc = lxml_html.fromstring(render(settings, now))
    hrefs = doc.xpath("//a/@href")
    assert OSCE_URL in hrefs
    for name in ("feed.atom", "feed.rss", "events.ics"):
        assert f"https://confwatch.example/feeds/{name}" in hrefs
    alternates = doc.xpath("//link[@rel='alternate']/@type")
    assert alternates == ["application/atom+xml", "application/rss+xml"]


def test_recent_change_lists_what_changed(settings, now) -> None:
    moved = change(
        2,
        kind="changed",
        changes=[FieldChange("status", "scheduled", "postponed")],
        status="postponed",
    )
    recent = lxml_html.fromstring(render(settings, now, recent=[moved])).xpath(
        "//section[@id='recent']"
    )
    assert "Status: postponed" in recent[0].text_content()


def test_postponed_and_cancelled_events_get_a_badge(settings, now) -> None:
    events = [event(1, status="postponed"), event(2, status="cancelled"), event(3)]
    doc = lxml_html.fromstring(render(settings, now, upcoming=events))
    assert doc.xpath("//span[contains(@class, 'badge')]/text()") == ["postponed", "cancelled"]


def test_upcoming_events_are_soonest_first(settings, now) -> None:
    later = event(1, title="Later", start_date=dt.date(2021, 5, 1), end_date=None)
    sooner = event(2, title="Sooner", start_date=dt.date(2020, 10, 1), end_date=None)
    doc = lxml_html.fromstring(render(settings, now, upcoming=[later, sooner]))
    assert [h.text_content().strip() for h in doc.xpath("//section[@id='upcoming']//h3")] == [
        "Sooner",
        "Later",
    ]


def test_scraped_markup_is_escaped(settings, now) -> None:
    hostile = event(
        1,
        title=HOSTILE,
        description=HOSTILE,
        organisers=[HOSTILE],
        city=HOSTILE,
        url="javascript:alert(1)",
        sources=[SourceRef(HOSTILE, "javascript:alert(2)"), SourceRef("ok", "https://ok.example/")],
    )
    page = render(settings, now, upcoming=[hostile], recent=[change(1, title=HOSTILE)])
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page
    assert "javascript:" not in page
    assert "\x00" not in page and "\x07" not in page
    doc = lxml_html.fromstring(page)
    assert doc.xpath("//script") == []
    title = doc.xpath("//section[@id='upcoming']//h3")[0].text_content()
    assert "<script>alert('x')</script>" in title  # shown as text, not run


def test_empty_page_says_so(settings, now) -> None:
    page = render(settings, now, upcoming=[], recent=[])
    assert "No upcoming conferences known." in page
    assert "No changes yet." in page


def test_page_markup_is_well_formed_enough_to_round_trip(settings: FeedSettings, now) -> None:
    page = render(settings, now)
    assert re.match(r"<!doctype html>\s*<html lang=\"en\">", page)
    assert page.rstrip().endswith("</html>")
