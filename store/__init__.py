"""confwatch's store: tables, change detection, history and provenance.

Import the API from here: ``from confwatch.store import Store, Sighting, EventFields``.

The names are loaded on first use (PEP 562): a process that only extracts (``confwatch
extract``, ``eval``) imports ``confwatch.store.records`` through the spiders, and importing the
package must not make it load SQLAlchemy and the tables it never opens (about half a second).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "confwatch.store.api": ("EventDetail", "PageStateView", "SightingView", "SourceInfo", "Store"),
    "confwatch.store.db": ("redact_url",),
    "confwatch.store.recording": ("RunNotRunning",),
    "confwatch.store.records": (
        "EVENT_FIELDS",
        "ChangeView",
        "Document",
        "EventFields",
        "EventView",
        "FieldChange",
        "Outcome",
        "RunInfo",
        "RunView",
        "Sighting",
        "SourceHealth",
        "SourceRef",
    ),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

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


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
