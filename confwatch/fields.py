"""The fields of one conference as a page describes it: what the normaliser produces and the
store keeps. A module of its own, free of the database, so that reading pages (``confwatch
extract``, ``eval``) never loads SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("scheduled", "postponed", "cancelled")

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
