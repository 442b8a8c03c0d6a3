"""confwatch's store: tables, change detection, history and provenance.

Import the API from here: ``from confwatch.store import Store, Sighting, EventFields``.
"""

from confwatch.store.api import EventDetail, PageStateView, SightingView, SourceInfo, Store
from confwatch.store.db import redact_url
from confwatch.store.recording import RunNotRunning
from confwatch.store.records import (
    EVENT_FIELDS,
    ChangeView,
    Document,
    EventFields,
    EventView,
    FieldChange,
    Outcome,
    RunInfo,
    RunView,
    Sighting,
    SourceHealth,
    SourceRef,
)

__all__ = [
    "EVENT_FIELDS",
    "ChangeView",
    "Document",
    "EventDetail",
    "EventFields",
    "EventView",
    "FieldChange",
    "Outcome",
    "PageStateView",
    "RunInfo",
    "RunNotRunning",
    "RunView",
    "Sighting",
    "SightingView",
    "SourceHealth",
    "SourceInfo",
    "SourceRef",
    "Store",
    "redact_url",
]
