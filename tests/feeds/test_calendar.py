"""The iCalendar file: parses, all-day events with exclusive DTEND, stable UIDs, statuses."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from confwatch.feeds.calendar import ics_calendar
from confwatch.feeds.settings import FeedSettings
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


# -- the line writer against icalendar's own serialisation --------------------------------------


def icalendar_reference(events, settings: FeedSettings, now: dt.datetime) -> bytes:
    """The calendar as the icalendar package writes it (how calendar.py built it before it
    wrote lines itself): the streaming writer must give the same bytes."""
    from icalendar import Event

    from confwatch.feeds.calendar import PRODID, STATUS, SUMMARY_PREFIX, _description
    from confwatch.feeds.ids import calendar_uid
    from confwatch.feeds.safe import clean_text, http_url, shorten, utc_datetime
    from confwatch.feeds.wording import NOT_ANNOUNCED, format_place

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean_text(settings.title) or "confwatch")
    cal.add("x-wr-caldesc", clean_text(settings.subtitle))
    dated = sorted(
        (e for e in events if e.fields.start_date is not None),
        key=lambda e: (e.fields.start_date, e.uid),
    )
    for e in dated:
        f = e.fields
        end = f.end_date if f.end_date and f.end_date >= f.start_date else f.start_date
        status = clean_text(f.status) or "scheduled"
        v = Event()
        v.add("uid", calendar_uid(e.uid))
        v.add("dtstamp", utc_datetime(e.last_changed or now))
        v.add("created", utc_datetime(e.first_seen))
        v.add("last-modified", utc_datetime(e.last_changed))
        v.add("sequence", 0)
        v.add("dtstart", f.start_date)
        v.add("dtend", end + dt.timedelta(days=1))
        v.add("transp", "TRANSPARENT")
        title = shorten(clean_text(f.title), 300) or "Untitled conference"
        v.add("summary", SUMMARY_PREFIX.get(status, "") + title)
        if (place := format_place(f.city, f.country)) != NOT_ANNOUNCED:
            v.add("location", place)
        v.add("status", STATUS.get(status, "CONFIRMED"))
        urls = [u for u in (http_url(s.url) for s in e.sources) if u]
        if url := http_url(f.url) or (urls[0] if urls else None):
            v.add("url", url)
        v.add("description", _description(e, urls))
        if organisers := [o for o in (clean_text(o) for o in f.organisers) if o]:
            v.add("categories", organisers)
        cal.add_component(v)
    return bytes(cal.to_ical())


# Lines that cross the 75-octet fold with multi-byte characters, escapes and carets at every
# offset, so each fold position meets each kind of character.
AWKWARD = [
    "é" * 80,
    "日本語のタイトル" * 12,
    "😀 emoji " * 20,
    "a;b,c\\d^e" * 20,
    *("x" * n + "\\;," * 10 for n in range(60, 76)),
    *("x" * n + "é^" * 10 for n in range(60, 76)),
]


def awkward_events() -> list:
    out = [event(1), event(2, start_date=dt.date(2020, 9, 30), status="cancelled")]
    for i, s in enumerate(AWKWARD, start=3):
        out.append(
            event(
                i,
                title=s,
                description=f"{s}\n\n{s}\r\nline",
                city=s[:40],
                organisers=[s[:50], "A, B; C"],
                status="postponed" if i % 3 else "scheduled",
                url=f"https://example.org/{i}?a=1,2;b=\\",
                sources=[SourceRef("x", f"https://example.org/s/{i}"), SourceRef("y", "ftp://no")],
            )
        )
    out.append(event(99, organisers=[], city=None, country=None, url=None, sources=[]))
    out.append(event(100, start_date=None, end_date=None))  # undated: not in the calendar
    hostile = event(101, title=HOSTILE, description=HOSTILE, city=HOSTILE, organisers=[HOSTILE])
    return [*out, hostile]


def test_same_bytes_as_icalendar(settings: FeedSettings, now: dt.datetime) -> None:
    events = awkward_events()
    assert ics_calendar(events, settings, now=now) == icalendar_reference(events, settings, now)


def test_same_bytes_as_icalendar_with_empty_names(now: dt.datetime) -> None:
    bare = FeedSettings(title="", subtitle="")
    assert ics_calendar([event(1)], bare, now=now) == icalendar_reference([event(1)], bare, now)


def test_lines_are_crlf_folded_and_within_75_octets(settings: FeedSettings, now) -> None:
    data = ics_calendar(awkward_events(), settings, now=now)
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # no bare LF: every line ends with CRLF
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # no physical line splits a UTF-8 sequence
    parsed = Calendar.from_ical(data)
    titles = {str(v["SUMMARY"]) for v in parsed.walk("VEVENT")}
    assert "é" * 80 in titles and "Postponed: " + "日本語のタイトル" * 12 in titles


def test_text_escaping_round_trips(settings: FeedSettings, now: dt.datetime) -> None:
    tricky = event(1, title="Talks; panels, and a back\\slash", city="Rome; Italy, EU")
    (vevent,) = vevents(ics_calendar([tricky], settings, now=now))
    assert str(vevent["SUMMARY"]) == "Talks; panels, and a back\\slash"
    assert str(vevent["LOCATION"]).startswith("Rome; Italy, EU")


def test_a_literal_backslash_n_is_escaped_not_made_a_line_break(settings, now) -> None:
    # RFC 5545 3.3.11: "\\" is a backslash. (icalendar wrote "\N" in text as a line break.)
    data = ics_calendar([event(1, title="C:\\New folder")], settings, now=now)
    assert b"SUMMARY:C:\\\\New folder\r\n" in data
