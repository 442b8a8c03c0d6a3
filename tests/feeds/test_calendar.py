"""The iCalendar file: parses, all-day events with exclusive DTEND, stable UIDs, statuses."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from confwatch.feeds.build import FeedSettings
from confwatch.feeds.calendar import ics_calendar
from confwatch.store.records import SourceRef
from tests.feeds.factories import HOSTILE, OSCE_URL, event


def vevents(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_calendar_parses_and_names_itself(settings: FeedSettings, now: dt.datetime) -> None:
    cal = Calendar.from_ical(ics_calendar([event(1)], settings, now=now))
    assert str(cal["X-WR-CALNAME"]) == settings.title
    assert str(cal["VERSION"]) == "2.0"
    assert len(vevents(ics_calendar([event(1)], settings, now=now))) == 1


def test_all_day_dtend_is_the_day_after_the_last_day(settings: FeedSettings, now) -> None:
    (vevent,) = vevents(ics_calendar([event(1)], settings, now=now))
    assert vevent.decoded("DTSTART") == dt.date(2020, 9, 30)
    assert vevent.decoded("DTEND") == dt.date(2020, 10, 2)
    assert not isinstance(vevent.decoded("DTSTART"), dt.datetime)


def test_one_day_event_without_end_date_lasts_one_day(settings: FeedSettings, now) -> None:
    one_day = event(1, start_date=dt.date(2020, 2, 11), end_date=None)
    (vevent,) = vevents(ics_calendar([one_day], settings, now=now))
    assert vevent.decoded("DTEND") == dt.date(2020, 2, 12)


def test_end_before_start_is_treated_as_one_day(settings: FeedSettings, now) -> None:
    wrong = event(1, start_date=dt.date(2020, 2, 11), end_date=dt.date(2020, 2, 9))
    (vevent,) = vevents(ics_calendar([wrong], settings, now=now))
    assert vevent.decoded("DTEND") == dt.date(2020, 2, 12)


def test_events_without_start_date_are_left_out(settings: FeedSettings, now) -> None:
    undated = event(2, start_date=None, end_date=None)
    assert [
        str(v["UID"]) for v in vevents(ics_calendar([event(1), undated], settings, now=now))
    ] == ["event-1@confwatch"]


def test_uids_are_stable_across_builds_and_changes(settings: FeedSettings, now) -> None:
    before = vevents(ics_calendar([event(1), event(2)], settings, now=now))
    moved = event(1, start_date=dt.date(2021, 1, 5), end_date=dt.date(2021, 1, 6))
    after = vevents(ics_calendar([moved, event(2)], settings, now=now + dt.timedelta(days=3)))
    assert sorted(str(v["UID"]) for v in before) == sorted(str(v["UID"]) for v in after)
    assert sorted(str(v["UID"]) for v in before) == ["event-1@confwatch", "event-2@confwatch"]


def test_vevent_fields(settings: FeedSettings, now: dt.datetime) -> None:
    changed = dt.datetime(2020, 9, 3, 10, 0, tzinfo=dt.UTC)
    (vevent,) = vevents(ics_calendar([event(1, last_changed=changed)], settings, now=now))
    assert str(vevent["SUMMARY"]) == "2020 OSCE-wide Counter-Terrorism Conference"
    assert str(vevent["LOCATION"]) == "Vienna, Austria"
    assert str(vevent["URL"]) == OSCE_URL
    assert vevent.decoded("DTSTAMP") == changed
    assert int(vevent["SEQUENCE"]) == 0
    description = str(vevent["DESCRIPTION"])
    assert "Organisers: OSCE, UNOCT" in description
    assert f"Source: {OSCE_URL}" in description


def test_sequence_comes_from_revision_counts(settings: FeedSettings, now) -> None:
    data = ics_calendar([event(1)], settings, now=now, revisions={"event-1": 3})
    assert int(vevents(data)[0]["SEQUENCE"]) == 3


@pytest.mark.parametrize(
    ("status", "ical", "prefix"),
    [("scheduled", "CONFIRMED", ""), ("postponed", "TENTATIVE", "Postponed: "),
     ("cancelled", "CANCELLED", "Cancelled: ")],
)  # fmt: skip
def test_status_maps_to_ical_status(settings, now, status: str, ical: str, prefix: str) -> None:
    (vevent,) = vevents(ics_calendar([event(1, status=status)], settings, now=now))
    assert str(vevent["STATUS"]) == ical
    assert str(vevent["SUMMARY"]).startswith(prefix + "2020 OSCE")


def test_hostile_text_still_parses_and_keeps_one_line_summary(settings, now) -> None:
    hostile = event(
        1,
        title=HOSTILE,
        description=HOSTILE,
        city=HOSTILE + ";,\\",
        organisers=[HOSTILE],
        url="javascript:alert(1)",
        sources=[SourceRef("x", "javascript:alert(1)")],
    )
    data = ics_calendar([hostile], settings, now=now)
    (vevent,) = vevents(data)
    assert "\n" not in str(vevent["SUMMARY"]) and "\x00" not in str(vevent["SUMMARY"])
    assert "URL" not in vevent
    assert b"javascript:" not in data
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # RFC 5545 3.1 folding
