"""The iCalendar file of all conferences with known dates, built with the icalendar package.

All-day events: DTSTART is the first day and DTEND the day after the last (RFC 5545 3.6.1:
an all-day DTEND is exclusive). UIDs are stable for an event's life so calendar apps update
the entry they already show instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from confwatch.feeds.ids import calendar_uid
from confwatch.feeds.safe import clean_paragraphs, clean_text, http_url, shorten, utc_datetime
from confwatch.feeds.wording import NOT_ANNOUNCED, event_facts, format_place
from confwatch.store.records import EventView

if TYPE_CHECKING:
    from confwatch.feeds.build import FeedSettings

PRODID = "-//confwatch//confwatch feeds//EN"
STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}
SUMMARY_PREFIX = {"cancelled": "Cancelled: ", "postponed": "Postponed: "}


def ics_calendar(
    events: Iterable[EventView],
    settings: FeedSettings,
    *,
    now: dt.datetime,
    revisions: Mapping[str, int] | None = None,
) -> bytes:
    """One VEVENT per event with a known start date; ``revisions`` (event uid → number of
    revisions) gives SEQUENCE when known, else it is 0."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean_text(settings.title) or "confwatch")
    cal.add("x-wr-caldesc", clean_text(settings.subtitle))
    dated = [e for e in events if e.fields.start_date is not None]
    dated.sort(key=lambda e: (e.fields.start_date, e.uid))
    for event in dated:
        cal.add_component(_vevent(event, now=now, sequence=(revisions or {}).get(event.uid, 0)))
    return bytes(cal.to_ical())


def _vevent(event: EventView, *, now: dt.datetime, sequence: int) -> Event:
    f = event.fields
    assert f.start_date is not None
    end = f.end_date if f.end_date and f.end_date >= f.start_date else f.start_date
    status = clean_text(f.status) or "scheduled"
    title = shorten(clean_text(f.title), 300) or "Untitled conference"
    vevent = Event()
    vevent.add("uid", calendar_uid(event.uid))
    vevent.add("dtstamp", utc_datetime(event.last_changed or now))
    vevent.add("created", utc_datetime(event.first_seen))
    vevent.add("last-modified", utc_datetime(event.last_changed))
    vevent.add("sequence", max(0, sequence))
    vevent.add("dtstart", f.start_date)
    vevent.add("dtend", end + dt.timedelta(days=1))
    vevent.add("transp", "TRANSPARENT")  # a conference elsewhere does not make anyone busy
    vevent.add("summary", SUMMARY_PREFIX.get(status, "") + title)
    place = format_place(f.city, f.country)
    if place != NOT_ANNOUNCED:
        vevent.add("location", place)
    vevent.add("status", STATUS.get(status, "CONFIRMED"))
    urls = [u for u in (http_url(s.url) for s in event.sources) if u]
    if url := http_url(f.url) or (urls[0] if urls else None):
        vevent.add("url", url)
    vevent.add("description", _description(event, urls))
    organisers = [o for o in (clean_text(o) for o in f.organisers) if o]
    if organisers:
        vevent.add("categories", organisers)
    return vevent


def _description(event: EventView, urls: list[str]) -> str:
    lines = [f"{label}: {value}" for label, value in event_facts(event.fields)]
    lines += clean_paragraphs(event.fields.description)[:5]
    lines += [f"Source: {url}" for url in urls]
    return "\n".join(lines)
