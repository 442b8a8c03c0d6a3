"""Store records built by hand for the feed tests (the feeds are pure functions over them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from confwatch.store.records import (
    ChangeView,
    Document,
    EventFields,
    EventView,
    FieldChange,
    SourceRef,
)

T0 = dt.datetime(2020, 9, 1, 6, 0, tzinfo=dt.UTC)
OSCE_URL = "https://www.osce.org/event/2020-osce-wide-counter-terrorism-conference"


def fields(**overrides: Any) -> EventFields:
    values: dict[str, Any] = {
        "title": "2020 OSCE-wide Counter-Terrorism Conference",
        "start_date": dt.date(2020, 9, 30),
        "end_date": dt.date(2020, 10, 1),
        "city": "Vienna",
        "country": "AT",
        "organisers": ["OSCE", "UNOCT"],
        "description": "Regional conference on preventing violent extremism.",
        "url": OSCE_URL,
        "documents": [Document("Agenda", "https://www.osce.org/files/agenda.pdf")],
    }
    values.update(overrides)
    return EventFields(**values)


def change(
    revision_id: int = 1,
    *,
    kind: str = "new",
    at: dt.datetime | None = None,
    event_id: int = 1,
    changes: list[FieldChange] | None = None,
    sources: list[SourceRef] | None = None,
    **field_overrides: Any,
) -> ChangeView:
    return ChangeView(
        revision_id=revision_id,
        uid=f"rev-{event_id}-{revision_id}",
        event_id=event_id,
        event_uid=f"event-{event_id}",
        kind=kind,  # type: ignore[arg-type]
        at=at or T0 + dt.timedelta(hours=revision_id),
        changes=changes or [],
        event=fields(**field_overrides),
        sources=sources if sources is not None else [SourceRef("osce", OSCE_URL)],
    )


def event(
    event_id: int = 1,
    *,
    sources: list[SourceRef] | None = None,
    last_changed: dt.datetime | None = None,
    **field_overrides: Any,
) -> EventView:
    return EventView(
        id=event_id,
        uid=f"event-{event_id}",
        fields=fields(**field_overrides),
        sources=sources if sources is not None else [SourceRef("osce", OSCE_URL)],
        first_seen=T0,
        last_seen=T0 + dt.timedelta(days=1),
        last_changed=last_changed or T0 + dt.timedelta(hours=3),
    )


# Markup, XML-illegal controls, a C1 control, a noncharacter, CDATA end and a CR/LF.
HOSTILE = (
    "<script>alert('x')</script>\x00\x07\x1b Evil\u0085 \ufffe</title>]]>&amp; \r\n<b>bold</b>"
)
