"""Plain dataclasses that cross package lines.

Spiders build ``EventFields`` and ``Sighting``; the store returns ``Outcome``, ``EventView``,
``ChangeView`` and ``SourceHealth``. Nobody outside ``store/`` holds a live database session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

STATUSES = ("scheduled", "postponed", "cancelled")
OutcomeKind = Literal["new", "changed", "unchanged"]

# The fields of an event that are compared, diffed and published, in display order.
EVENT_FIELDS = (
    "title",
    "start_date",
    "end_date",
    "city",
    "country",
    "organisers",
    "topics",
    "description",
    "url",
    "registration_deadline",
    "documents",
    "status",
)


@dataclass(frozen=True)
class Document:
    title: str
    url: str


@dataclass
class EventFields:
    """One conference's normalised fields, as one page describes it."""

    title: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    city: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, upper case
    organisers: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    description: str | None = None
    url: str | None = None
    registration_deadline: dt.date | None = None
    documents: list[Document] = field(default_factory=list)
    status: str = "scheduled"

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict: dates as ISO strings, documents as {title, url}."""
        # Written out by hand: dataclasses.asdict deep-copies and was ~5x slower on the hot path.
        start, end, deadline = self.start_date, self.end_date, self.registration_deadline
        return {
            "title": self.title,
            "start_date": start.isoformat() if start else None,
            "end_date": end.isoformat() if end else None,
            "city": self.city,
            "country": self.country,
            "organisers": list(self.organisers),
            "topics": list(self.topics),
            "description": self.description,
            "url": self.url,
            "registration_deadline": deadline.isoformat() if deadline else None,
            "documents": [{"title": d.title, "url": d.url} for d in self.documents],
            "status": self.status,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventFields:
        def day(value: Any) -> dt.date | None:
            return dt.date.fromisoformat(value) if value else None

        return cls(
            title=data.get("title") or "",
            start_date=day(data.get("start_date")),
            end_date=day(data.get("end_date")),
            city=data.get("city"),
            country=data.get("country"),
            organisers=list(data.get("organisers") or []),
            topics=list(data.get("topics") or []),
            description=data.get("description"),
            url=data.get("url"),
            registration_deadline=day(data.get("registration_deadline")),
            documents=[Document(d["title"], d["url"]) for d in data.get("documents") or []],
            status=data.get("status") or "scheduled",
        )


@dataclass
class Sighting:
    """One event as seen at one URL of one source in one crawl."""

    source: str
    url: str  # page URL, with a #fragment when a page lists several events
    fields: EventFields
    raw: dict[str, Any] = field(default_factory=dict)  # the extracted text, before normalising
    seen_at: dt.datetime | None = None


@dataclass(frozen=True)
class PageFetch:
    """What one fetch of a page taught about it: its validators and body hash, saved so the next
    crawl can ask conditionally and skip an unchanged page."""

    url: str
    source: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    status: int


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass
class Outcome:
    kind: OutcomeKind
    event_id: int
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class RunInfo:
    id: int
    source: str
    started_at: dt.datetime


@dataclass
class SourceRef:
    source: str
    url: str
    withdrawn: bool = False  # the source no longer announces the event (see store/withdrawal.py)


def timing(start: dt.date | None, end: dt.date | None, today: dt.date) -> str | None:
    """ "upcoming", "ongoing" or "past" on ``today``; None when the dates are unknown.

    Computed when reading, never stored: a quiet week must not produce "changes"."""
    if start is None:
        return None
    last = end or start
    if today < start:
        return "upcoming"
    return "ongoing" if today <= last else "past"


@dataclass
class EventView:
    id: int
    uid: str
    fields: EventFields
    sources: list[SourceRef]
    first_seen: dt.datetime
    last_seen: dt.datetime
    last_changed: dt.datetime

    def to_json(self) -> dict[str, Any]:
        out = self.fields.to_json()
        out.update(
            id=self.id,
            uid=self.uid,
            sources=[
                {"source": s.source, "url": s.url, "withdrawn": s.withdrawn} for s in self.sources
            ],
            first_seen=self.first_seen.isoformat(),
            last_seen=self.last_seen.isoformat(),
            last_changed=self.last_changed.isoformat(),
        )
        return out


@dataclass
class ChangeView:
    """One entry of the change stream: an event's creation or a revision of it."""

    revision_id: int
    uid: str  # stable, unique per revision: feeds use it for entry ids
    event_id: int
    event_uid: str
    kind: Literal["new", "changed"]
    at: dt.datetime
    changes: list[FieldChange]
    event: EventFields  # the event's fields right after this revision
    sources: list[SourceRef]
    run_id: int | None = None


@dataclass
class RunView:
    id: int
    source: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    pages: int
    items: int
    new: int
    changed: int
    unchanged: int
    errors: list[dict[str, Any]]
    stats: dict[str, Any]


@dataclass
class SourceHealth:
    source: str
    last_run: RunView | None
    last_success_at: dt.datetime | None
    state: Literal["ok", "failing", "overdue", "never"]
    message: str = ""
