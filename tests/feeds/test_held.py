"""A conference first seen after it ended is labelled so on the page and in the calendar."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from lxml import html as lxml_html

from confwatch.feeds.calendar import ics_calendar
from confwatch.feeds.ids import calendar_uid
from confwatch.feeds.page import render_index
from confwatch.feeds.settings import FeedSettings
from tests.feeds.factories import T0, change, event

HELD = {"start_date": dt.date(2017, 5, 1), "end_date": dt.date(2017, 5, 2)}


def test_the_page_marks_a_conference_reported_after_it_was_held(
    settings: FeedSettings, now: dt.datetime
) -> None:
    recent = [change(2, event_id=2, title="Held long ago", **HELD), change(1)]
    page = render_index([], recent, settings, now=now)
    articles = lxml_html.fromstring(page).xpath("//section[@id='recent']/article")
    held, fresh = (a.xpath(".//h3")[0].text_content() for a in articles)
    assert "held" in held.split() and held.endswith(
        "Held long ago (Vienna): reported, already held"
    )
    assert fresh.endswith(": new conference") and "held" not in fresh.split()


def test_the_calendar_marks_a_conference_reported_after_it_was_held_and_keeps_its_uid(
    settings: FeedSettings, now: dt.datetime
) -> None:
    # First seen on 1 September 2020 (T0): the one of 2017 was over, the other is to come.
    assert event(2).first_seen == T0
    cal = Calendar.from_ical(ics_calendar([event(1), event(2, **HELD)], settings, now=now))
    by_uid = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    marked, upcoming = by_uid[calendar_uid("event-2")], by_uid[calendar_uid("event-1")]
    assert str(marked["SUMMARY"]) == "2020 OSCE-wide Counter-Terrorism Conference (held)"
    assert str(marked["DESCRIPTION"]).startswith("Already held when confwatch first reported it.")
    assert str(upcoming["SUMMARY"]) == "2020 OSCE-wide Counter-Terrorism Conference"
