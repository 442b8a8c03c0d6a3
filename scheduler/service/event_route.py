"""``/events/ID`` from the store: the lookup ``confwatch serve`` gives its web server.

One read of the store per request (``Store.event``: the event, its revisions and its sightings,
through the read API only); the page itself is rendered only when it must be sent, so a
conditional request for an unchanged event costs that read and nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from confwatch.feeds.event_page import last_modified, render_event, validator
from confwatch.feeds.settings import FeedSettings
from confwatch.scheduler.service.web import EventPage, Moved
from confwatch.store.api import Store

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class StoreEventPages:
    """``lookup(event_id)``: the event's page, ``Moved`` for a merged one, None for none.

    ``store`` gives the store to read (the service's one read store, opened on first use).
    """

    def __init__(
        self, store: Callable[[], Store], settings: FeedSettings, *, clock: Clock = _utc_now
    ) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock

    def __call__(self, event_id: int) -> EventPage | Moved | None:
        detail = self.store().event(event_id)
        if detail is None:
            return None
        if detail.merged_into is not None:
            return Moved(detail.merged_into)
        now = self.clock()
        settings = self.settings
        return EventPage(
            validator=validator(detail, settings, now=now),
            modified=last_modified(detail, now=now),
            render=lambda: render_event(detail, settings, now=now),
        )
