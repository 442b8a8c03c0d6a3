"""The iCalendar file of all conferences with known dates, written line by line (RFC 5545).

All-day events: DTSTART is the first day and DTEND the day after the last (RFC 5545 3.6.1:
an all-day DTEND is exclusive). UIDs are stable for an event's life so calendar apps update
the entry they already show instead of adding a second one.

Why no icalendar object tree: building a ``Component`` per event, an object per property and
parameter, then folding every line character by character took about 1 s and 10 MB for the
1,000 events of a build, most of the feed build. The calendar uses five value types (TEXT,
DATE, UTC DATE-TIME, INTEGER, URI), so each VEVENT is written straight to bytes. The output is
the one icalendar 7 wrote: the same properties in its order (the canonical ones first, then
alphabetical), the same escaping, lines folded below 75 octets without splitting a UTF-8
sequence or an escape, CRLF line ends (tests parse the file with icalendar and compare it with
icalendar's own serialisation). One deliberate difference: icalendar turned a literal
backslash-N in text into a line break; here the backslash is escaped as RFC 5545 3.3.11 says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from confwatch.feeds.headlines import reported_after_held
from confwatch.feeds.ids import calendar_uid
from confwatch.feeds.safe import clean_paragraphs, clean_text, http_url, shorten, utc_datetime
from confwatch.feeds.settings import FeedSettings
from confwatch.feeds.wording import NOT_ANNOUNCED, event_facts, format_place
from confwatch.store.records import EventView

PRODID = "-//confwatch//confwatch feeds//EN"
STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}
SUMMARY_PREFIX = {"cancelled": "Cancelled: ", "postponed": "Postponed: "}
HELD_SUFFIX = " (held)"  # first seen after it ended: in the calendar as a record, not a plan
CRLF = b"\r\n"
FOLD = b"\r\n "  # RFC 5545 3.1: a fold is CRLF and one space
LINE_OCTETS = 74  # octets of content per physical line: with a fold's space, at most 75


def ics_calendar(
    events: Iterable[EventView],
    settings: FeedSettings,
    *,
    now: dt.datetime,
    revisions: Mapping[str, int] | None = None,
) -> bytes:
    """One VEVENT per event with a known start date; ``revisions`` (event uid → number of
    revisions) gives SEQUENCE when known, else it is 0."""
    dated = [e for e in events if e.fields.start_date is not None]
    dated.sort(key=lambda e: (e.fields.start_date, e.uid))
    lines = [
        b"BEGIN:VCALENDAR",
        b"VERSION:2.0",
        content_line("PRODID", text(PRODID)),
        b"CALSCALE:GREGORIAN",
        b"METHOD:PUBLISH",
        content_line("X-WR-CALDESC", text(clean_text(settings.subtitle))),
        content_line("X-WR-CALNAME", text(clean_text(settings.title) or "confwatch")),
    ]
    counts = revisions or {}
    for event in dated:
        lines.extend(vevent_lines(event, now=now, sequence=counts.get(event.uid, 0)))
    lines.append(b"END:VCALENDAR")
    lines.append(b"")  # the last line ends with CRLF too
    return CRLF.join(lines)


def vevent_lines(event: EventView, *, now: dt.datetime, sequence: int) -> Iterator[bytes]:
    """The content lines of one event's VEVENT, folded, in icalendar's property order."""
    f = event.fields
    assert f.start_date is not None
    end = f.end_date if f.end_date and f.end_date >= f.start_date else f.start_date
    status = clean_text(f.status) or "scheduled"
    title = shorten(clean_text(f.title), 300) or "Untitled conference"
    urls = [u for u in (http_url(s.url) for s in event.sources) if u]
    url = http_url(f.url) or (urls[0] if urls else None)
    place = format_place(f.city, f.country)
    organisers = [o for o in (clean_text(o) for o in f.organisers) if o]
    yield b"BEGIN:VEVENT"
    held = HELD_SUFFIX if reported_after_held(f, event.first_seen) else ""
    yield content_line("SUMMARY", text(SUMMARY_PREFIX.get(status, "") + title + held))
    yield content_line("DTSTART;VALUE=DATE", date_value(f.start_date))
    yield content_line("DTEND;VALUE=DATE", date_value(end + dt.timedelta(days=1)))
    yield content_line("DTSTAMP", utc_value(event.last_changed or now))
    yield content_line("UID", text(calendar_uid(event.uid)))
    yield content_line("SEQUENCE", str(max(0, sequence)))
    if organisers:
        yield content_line("CATEGORIES", ",".join(text(o) for o in organisers))
    yield content_line("CREATED", utc_value(event.first_seen))
    yield content_line("DESCRIPTION", text(_description(event, urls)))
    yield content_line("LAST-MODIFIED", utc_value(event.last_changed))
    if place != NOT_ANNOUNCED:
        yield content_line("LOCATION", text(place))
    yield content_line("STATUS", STATUS.get(status, "CONFIRMED"))
    # A conference elsewhere does not make anyone busy.
    yield b"TRANSP:TRANSPARENT"
    if url:
        yield content_line("URL", url)  # a URI value is not escaped; http_url has no CR/LF
    yield b"END:VEVENT"


def _description(event: EventView, urls: list[str]) -> str:
    lines = []
    if reported_after_held(event.fields, event.first_seen):
        lines.append("Already held when confwatch first reported it.")
    lines += [f"{label}: {value}" for label, value in event_facts(event.fields)]
    lines += clean_paragraphs(event.fields.description)[:5]
    lines += [f"Source: {url}" for url in urls]
    return "\n".join(lines)


def text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks
    (CRLF, LF or a lone CR) written as ``\\n``."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def date_value(day: dt.date) -> str:
    return f"{day.year:04}{day.month:02}{day.day:02}"


def utc_value(moment: dt.datetime) -> str:
    """A UTC DATE-TIME (form 2, with Z); a naive time is taken to be UTC, seconds truncated."""
    m = utc_datetime(moment)
    return f"{m.year:04}{m.month:02}{m.day:02}T{m.hour:02}{m.minute:02}{m.second:02}Z"


def content_line(name: str, value: str) -> bytes:
    """``NAME:value`` in UTF-8, folded (RFC 5545 3.1)."""
    return fold(f"{name}:{value}".encode())


def fold(line: bytes) -> bytes:
    """Fold a content line into physical lines of at most LINE_OCTETS octets (plus the fold's
    space), as icalendar does: never inside a UTF-8 sequence, and never between a backslash (or
    a caret, RFC 6868) and the character it escapes, which some clients misread."""
    if len(line) <= LINE_OCTETS:
        return line
    parts = []
    start = 0
    while len(line) - start > LINE_OCTETS:
        end = start + LINE_OCTETS
        while line[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        if end - start > 1 and line[end - 1] in b"\\^":
            end -= 1  # the escape character starts the next line with what it escapes
        parts.append(line[start:end])
        start = end
    parts.append(line[start:])
    return FOLD.join(parts)
