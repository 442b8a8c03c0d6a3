"""Stable identifiers for feed entries and feeds.

Feed readers de-duplicate by id, so an id must be stable across builds and never reused for
different content: one id per revision of an event, derived from the store's revision uid.
"""

from __future__ import annotations

import uuid

from confwatch.store.records import ChangeView

# Fixed namespace for confwatch's uuid5 ids; changing it would re-announce every entry.
NAMESPACE = uuid.UUID("6f1b7c1e-3c55-5a53-9a43-6d0c8a1f2e11")


def entry_id(change: ChangeView) -> str:
    """The entry id of one revision: the same revision always gives the same id."""
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, 'revision:' + change.uid)}"


def feed_id(name: str) -> str:
    """The id of a feed by its name ("feed", later "organiser-osce"): independent of the host."""
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, 'feed:' + name)}"


def calendar_uid(event_uid: str) -> str:
    """The iCalendar UID of an event: stable for the event's whole life."""
    return f"{event_uid}@confwatch"
