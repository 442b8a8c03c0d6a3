"""Plain dataclasses that cross package lines.

Spiders build ``EventFields`` and ``Sighting``; the store returns ``Outcome``, ``EventView``,
``ChangeView`` and ``SourceHealth``. Nobody outside ``store/`` holds a live database session.

Each record's JSON form is its ``to_json()``, built here once: what a revision stores, what
``events --json`` and ``events show --json`` print (interface.md) and what the HTTP side serves
are the same objects by construction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

# The fields' home is confwatch.fields (no database there); importable from here as before.
from confwatch.fields import EVENT_FIELDS as EVENT_FIELDS
from confwatch.fields import STATUSES as STATUSES
from confwatch.fields import Document as Document
from confwatch.fields import EventFields as EventFields

OutcomeKind = Literal["new", "changed", "unchanged"]

# A revision's cause: None when the site changed (news); CORRECTION when confwatch read the same
# stored page again and read it better (a new extractor version or new extraction settings).
CORRECTION = "correction"
# What a crawl run did: fetch pages ("crawl") or read stored pages again ("reextract").
RunKind = Literal["crawl", "reextract"]


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
    # A page whose events were read: the text read (zlib-compressed UTF-8), the extraction tag
    # it was read with and the day it was read on, so that it can be read again without a fetch.
    body: bytes | None = None
    extraction: str | None = None
    read_on: dt.date | None = None


@dataclass(frozen=True)
class StoredPage:
    """A page whose body is stored: what re-reading it needs to know, without the body."""

    url: str
    source: str
    extraction: str | None  # the tag it was last read with (None: a store of an older release)
    read_on: dt.date | None  # the day it was read on: "today" for reading it again


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any

    def to_json(self) -> dict[str, Any]:
        """As a revision stores it (``store/bulk.py`` writes the same text for a creation)."""
        return {"field": self.field, "old": self.old, "new": self.new}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FieldChange:
        return cls(data["field"], data["old"], data["new"])


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
    kind: RunKind = "crawl"


@dataclass
class SourceRef:
    source: str
    url: str
    withdrawn: bool = False  # the source no longer announces the event (see store/withdrawal.py)

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "url": self.url, "withdrawn": self.withdrawn}


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
            sources=[s.to_json() for s in self.sources],
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
    cause: str | None = None  # None: the site changed; CORRECTION: confwatch read it better
    # Who wrote it: the crawled source's key, or "operator" for a merge or split.
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        """As ``events show --json`` lists the event's revisions."""
        return {
            "uid": self.uid,
            "kind": self.kind,
            "at": self.at.isoformat(),
            "run_id": self.run_id,
            "cause": self.cause,
            "changes": [c.to_json() for c in self.changes],
        }


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
    kind: RunKind = "crawl"


@dataclass
class SourceHealth:
    source: str
    last_run: RunView | None
    last_success_at: dt.datetime | None
    # "disabled": not the store's verdict; the CLI's for a source the configuration turns off.
    state: Literal["ok", "failing", "overdue", "never", "disabled"]
    message: str = ""


# The states that make ``confwatch status`` exit 1 and ``/healthz`` answer 503.
UNHEALTHY = ("failing", "overdue")


def health_json(sources: list[dict[str, Any]], now: dt.datetime) -> dict[str, Any]:
    """The document of ``status --json`` and ``/healthz``: each source's object (``state`` in
    each) and whether none of them is unhealthy."""
    bad = [s for s in sources if s["state"] in UNHEALTHY]
    return {"ok": not bad, "checked_at": now.isoformat(), "sources": sources}
