"""Words for readers: date ranges, places, and what a change means ("Dates changed: ...").

Inputs are the store's values: ``EventFields`` and ``FieldChange`` whose old/new are in JSON
form (dates as ISO strings, documents as {"title", "url"} dicts, lists as lists). All scraped
text that comes out of here is cleaned with ``safe.clean_text``; escaping is the caller's job.

A revision caused by a correction (confwatch read the same stored page again, better: see
``records.CORRECTION``) is no news from the site, and is worded so: "Dates corrected: 3 November
2026 → 9–10 February 2027", always with both sides, since the old value was confwatch's reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from confwatch.countries import country_name
from confwatch.feeds.safe import clean_text
from confwatch.store.records import CORRECTION, ChangeView, EventFields, FieldChange

NOT_ANNOUNCED = "not announced"
# English month names, independent of the process locale (strftime's %B is not).
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Changes described in this order (dates and place first: what readers act on).
CHANGE_ORDER = (
    "status",
    "dates",
    "place",
    "title",
    "registration_deadline",
    "documents",
    "organisers",
    "topics",
    "url",
    "description",
)


def format_date(day: dt.date) -> str:
    """``11 February 2020``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_date_range(start: dt.date | None, end: dt.date | None) -> str:
    """``20–21 June 2019``, ``30 September – 1 October 2020``, ``11 February 2020``."""
    if start is None and end is None:
        return NOT_ANNOUNCED
    if start is None:
        assert end is not None
        return f"until {format_date(end)}"
    if end is None or end == start:
        return format_date(start)
    if end < start:  # a source's mistake: show it as given rather than hide it
        return f"{format_date(start)} – {format_date(end)}"
    if start.year != end.year:
        return f"{format_date(start)} – {format_date(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} – {format_date(end)}"
    return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"


@lru_cache(maxsize=512)
def country_label(code: str | None) -> str | None:
    """How the feeds name a country: its common English name ("AT" → "Austria", "XK" →
    "Kosovo"); an unknown code as written ("ZZ"); anything else not at all."""
    code = clean_text(code).upper()
    name = country_name(code, common=True)
    if name is None and code.isascii() and code.isalpha() and len(code) <= 3:
        return code
    return name


def format_place(city: str | None, country: str | None) -> str:
    """``Vienna, Austria``; ``Online`` stays ``Online``; nothing known is ``not announced``."""
    parts = [p for p in (clean_text(city), country_label(country)) if p]
    return ", ".join(parts) if parts else NOT_ANNOUNCED


def format_list(items: Iterable[Any]) -> str:
    return ", ".join(t for t in (clean_text(str(i)) for i in items if i) if t)


def event_facts(event: EventFields) -> list[tuple[str, str]]:
    """The facts a reader wants first, as (label, text) pairs: dates, place, organisers, ..."""
    facts = [
        ("Dates", format_date_range(event.start_date, event.end_date)),
        ("Place", format_place(event.city, event.country)),
    ]
    if organisers := format_list(event.organisers):
        facts.append(("Organisers", organisers))
    if event.status and event.status != "scheduled":
        facts.append(("Status", clean_text(event.status)))
    if event.registration_deadline:
        facts.append(("Registration deadline", format_date(event.registration_deadline)))
    return facts


def describe_change(change: FieldChange, *, corrected: bool = False) -> str:
    """One change in a reader's words: ``Status: postponed``, ``New document: Agenda``;
    ``corrected``: ``Start date corrected: 3 November 2026 → 9 February 2027``."""
    if corrected:
        return _describe_correction(change)
    field, old, new = change.field, change.old, change.new
    if field in ("start_date", "end_date"):
        label = "Start date" if field == "start_date" else "End date"
        return f"{label} changed: {_day_text(old)} → {_day_text(new)}"
    if field in ("city", "country"):
        label = "City" if field == "city" else "Country"
        show = clean_text if field == "city" else country_label
        return f"{label} changed: {show(old) or NOT_ANNOUNCED} → {show(new) or NOT_ANNOUNCED}"
    if field == "title":
        return f"Title changed: {clean_text(old) or NOT_ANNOUNCED} → {clean_text(new)}"
    if field == "status":
        new_status = clean_text(new) or "scheduled"
        old_status = clean_text(old) or "scheduled"
        if new_status == "scheduled" and old_status != "scheduled":
            return f"Status: scheduled again (was {old_status})"
        return f"Status: {new_status}"
    if field == "registration_deadline":
        if old:
            return f"Registration deadline changed: {_day_text(old)} → {_day_text(new)}"
        return f"Registration deadline: {_day_text(new)}"
    if field == "documents":
        return _describe_documents(old, new)
    if field in ("organisers", "topics"):
        return _describe_list(field, old, new)
    if field == "url":
        return f"Web page moved: {clean_text(new) or NOT_ANNOUNCED}"
    if field == "description":
        return "Description updated"
    return f"{clean_text(field).replace('_', ' ').capitalize()} changed"


def describe_changes(
    changes: Sequence[FieldChange], event: EventFields | None = None, *, cause: str | None = None
) -> list[str]:
    """All changes of one revision, start+end merged into ``Dates changed``, city+country into
    ``Place changed``. ``event`` (the fields after the revision) fills the unchanged half.
    ``cause``: the revision's; a correction's changes read ``Dates corrected: ...``."""
    corrected = cause == CORRECTION
    by_field = {c.field: c for c in changes}
    lines: dict[str, str] = {}
    if "start_date" in by_field or "end_date" in by_field:
        lines["dates"] = _describe_dates(by_field, event, corrected)
    if "city" in by_field or "country" in by_field:
        lines["place"] = _describe_place(by_field, event, corrected)
    for c in changes:
        if c.field not in ("start_date", "end_date", "city", "country"):
            lines.setdefault(c.field, describe_change(c, corrected=corrected))
    known = [lines.pop(key) for key in CHANGE_ORDER if key in lines]
    return known + list(lines.values())


def change_lines(change: ChangeView) -> list[str]:
    """What one revision changed, in a reader's words (none for a new event)."""
    if change.kind == "new":
        return []
    return describe_changes(change.changes, change.event, cause=change.cause)


# Said beside a correction, and beside an event that only a correction found.
CORRECTED_NOTE = (
    "Corrected: confwatch read the same page again and now reads it better; the site did not "
    "change."
)
FOUND_NOTE = (
    "Found by reading again, better, a page confwatch had already fetched: the site may have "
    "announced it some time ago."
)


def cause_note(change: ChangeView) -> str | None:
    """A sentence for readers when the revision is a correction, else None."""
    if change.cause != CORRECTION:
        return None
    return FOUND_NOTE if change.kind == "new" else CORRECTED_NOTE


def _describe_correction(change: FieldChange) -> str:
    """One corrected field: both sides, since the old value was confwatch's misreading."""
    field, old, new = change.field, change.old, change.new
    labels = {
        "start_date": "Start date",
        "end_date": "End date",
        "registration_deadline": "Registration deadline",
    }
    if field in labels:
        return f"{labels[field]} corrected: {_day_text(old)} → {_day_text(new)}"
    if field in ("city", "country"):
        label = "City" if field == "city" else "Country"
        show = clean_text if field == "city" else country_label
        return f"{label} corrected: {show(old) or NOT_ANNOUNCED} → {show(new) or NOT_ANNOUNCED}"
    if field in ("title", "status"):
        before = clean_text(old) or ("scheduled" if field == "status" else NOT_ANNOUNCED)
        after = clean_text(new) or ("scheduled" if field == "status" else NOT_ANNOUNCED)
        return f"{field.capitalize()} corrected: {before} → {after}"
    if field in ("organisers", "topics", "documents"):
        label = field.capitalize()
        if field == "documents":
            before, after = (", ".join(t for t, _ in _documents(v)) for v in (old, new))
        else:
            before, after = (
                ", ".join(clean_text(str(i)) for i in v or [] if i) for v in (old, new)
            )
        return f"{label} corrected: {before or 'none'} → {after or 'none'}"
    if field == "url":
        return f"Web page corrected: {clean_text(new) or NOT_ANNOUNCED}"
    if field == "description":
        return "Description corrected"
    return f"{clean_text(field).replace('_', ' ').capitalize()} corrected"


def _describe_dates(
    by_field: dict[str, FieldChange], event: EventFields | None, corrected: bool = False
) -> str:
    def side(which: str) -> tuple[dt.date | None, dt.date | None]:
        days = []
        for name in ("start_date", "end_date"):
            if name in by_field:
                days.append(_day(getattr(by_field[name], which)))
            else:  # unchanged half: same before and after
                days.append(getattr(event, name) if event else None)
        return days[0], days[1]

    old, new = side("old"), side("new")
    if corrected:
        return f"Dates corrected: {format_date_range(*old)} → {format_date_range(*new)}"
    if old == (None, None):
        return f"Dates announced: {format_date_range(*new)}"
    return f"Dates changed: {format_date_range(*old)} → {format_date_range(*new)}"


def _describe_place(
    by_field: dict[str, FieldChange], event: EventFields | None, corrected: bool = False
) -> str:
    def side(which: str) -> str:
        values = []
        for name in ("city", "country"):
            if name in by_field:
                values.append(getattr(by_field[name], which))
            else:
                values.append(getattr(event, name) if event else None)
        return format_place(values[0], values[1])

    old, new = side("old"), side("new")
    if corrected:
        return f"Place corrected: {old} → {new}"
    if old == NOT_ANNOUNCED:
        return f"Place announced: {new}"
    return f"Place changed: {old} → {new}"


def _describe_documents(old: Any, new: Any) -> str:
    old_docs, new_docs = _documents(old), _documents(new)
    old_keys = {url or title for title, url in old_docs}
    new_keys = {url or title for title, url in new_docs}
    added = [title for title, url in new_docs if (url or title) not in old_keys]
    removed = [title for title, url in old_docs if (url or title) not in new_keys]
    parts = []
    if added:
        label = "New document: " if len(added) == 1 else "New documents: "
        parts.append(label + "; ".join(added))
    if removed:
        label = "Document removed: " if len(removed) == 1 else "Documents removed: "
        parts.append(label + "; ".join(removed))
    return "; ".join(parts) or "Documents updated"


def _describe_list(field: str, old: Any, new: Any) -> str:
    old_items = [clean_text(str(i)) for i in old or [] if i]
    new_items = [clean_text(str(i)) for i in new or [] if i]
    added = [i for i in new_items if i and i not in old_items]
    removed = [i for i in old_items if i and i not in new_items]
    noun = "Organiser" if field == "organisers" else "Topic"
    if added and not removed:
        return f"{noun}{'s' if len(added) > 1 else ''} added: {', '.join(added)}"
    if removed and not added:
        return f"{noun}{'s' if len(removed) > 1 else ''} removed: {', '.join(removed)}"
    return f"{noun}s changed: {', '.join(old_items) or 'none'} → {', '.join(new_items) or 'none'}"


def _documents(value: Any) -> list[tuple[str, str]]:
    out = []
    for doc in value or []:
        if isinstance(doc, dict):
            title, url = clean_text(doc.get("title")), clean_text(doc.get("url"))
        else:  # a records.Document, or anything with title/url attributes
            title = clean_text(getattr(doc, "title", None) or str(doc))
            url = clean_text(getattr(doc, "url", None))
        out.append((title or url or "untitled document", url))
    return out


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _day_text(value: Any) -> str:
    day = _day(value)
    return format_date(day) if day else NOT_ANNOUNCED
