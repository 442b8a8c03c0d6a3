"""A site that sends neither ETag nor Last-Modified: every revisit is a 200 with the same body.

Such a page is not read again (its body hashes the same), and its conferences are still current:
a same-content 200 is as good as a 304. It must never count as the source no longer announcing
them (three such "misses" would withdraw them).
"""

from __future__ import annotations

from confwatch.scheduler.config import load_settings
from confwatch.scheduler.database import open_store
from tests.system.conftest import (
    ALPHA,
    BETA,
    HOST,
    LISTING,
    FaultySite,
    crawl,
)


def _sightings(env: dict[str, str]) -> list[tuple[str, bool]]:
    store = open_store(load_settings(env=env), sync_sources=False)
    try:
        return sorted(
            (s.url, s.withdrawn)
            for e in store.events()
            if (detail := store.event(e.id)) is not None
            for s in detail.sightings
        )
    finally:
        store.close()


def test_unchanged_pages_without_validators_keep_their_conferences_current(
    site: FaultySite, env: dict[str, str]
) -> None:
    for url in (LISTING, ALPHA, BETA):
        site.fail(url.removeprefix(f"https://{HOST}"), "no-validators")
    first = crawl(env)
    assert first.exit == 0 and first.run["new"] == 2

    later = [crawl(env) for _ in range(4)]

    for run in later:
        assert run.exit == 0 and run.run["status"] == "ok", run.errors
        assert run.run["new"] == run.run["changed"] == 0
    assert _sightings(env) == [(ALPHA, False), (BETA, False)]
