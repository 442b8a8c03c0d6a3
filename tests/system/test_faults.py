"""Every fault a site can throw at a crawl, against the real replay server and a real store.

One crawl stores a conference per page; then each page fails in its own way at once (a 500, a
reset, a hang, a gzip bomb, a PDF where the page was, ...); then the site heals. For each fault:
the crawl finishes, the error is on the run with the page's URL, the run does not pass as ok (the
CLI's exit status 1), the stored conference is unchanged, and the next good crawl recovers.
Malformed but readable pages (truncated markup, wrong or mixed encodings) are read leniently:
no error, nothing blanked.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from confwatch.scheduler.config import load_settings
from confwatch.scheduler.crawl.parent import CrawlResult, crawl_sources
from confwatch.scheduler.database import open_store
from confwatch.store.records import EventFields, RunView
from tests.system.conftest import (
    HOST,
    LISTING,
    SOURCE,
    FaultySite,
    add_event_pages,
    crawl,
    event_page,
    private_site,
    slug,
    stored,
)

# fault -> a fragment of the message recorded on the run (None: any message)
FAILING = {
    "500": "HTTP 500",
    "503": "HTTP 503",
    "429": "HTTP 429",
    "429?after=3600": "HTTP 429",  # asks for longer than the cap: not retried in this crawl
    "reset": "connection lost",
    "hang": "timed out after 3 s",
    "slow": "timed out after 3 s",
    "huge": "larger than download max size",
    "gzip-bomb": "exceeded DOWNLOAD_MAXSIZE",
    "cut": "connection closed before the whole response arrived",
    "redirect-loop": "redirect loop",
    "pdf": "not an HTML page (application/pdf)",
    "image": "not an HTML page (image/png)",
    "gone": "HTTP 404",  # the page's file is deleted: a once-good URL answers 404
}
LENIENT = ["truncated", "bad-encoding", "mixed-encoding", "unknown-charset"]


@dataclass
class Scenario:
    urls: dict[str, str]  # fault -> the page's real URL
    first: RunView
    baseline: dict[int, EventFields]
    ids: dict[str, int]  # URL -> event id after the first crawl
    faulty: CrawlResult
    after_fault: dict[int, EventFields]
    asked: list[dict[str, object]]  # what the replay server saw during the faulty crawl
    healed: CrawlResult
    after_heal: dict[int, EventFields]
    seconds: float


def _crawl(settings, env: dict[str, str]) -> tuple[CrawlResult, dict[int, EventFields]]:  # type: ignore[no-untyped-def]
    store = open_store(settings)
    try:
        return crawl_sources(settings, store, [SOURCE]), stored(env)
    finally:
        store.close()


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    tmp = tmp_path_factory.mktemp("faults")
    faults = [*FAILING, *LENIENT]
    with private_site(tmp) as (site, env):
        root = site.root
        urls = dict(zip(faults, add_event_pages(root, [slug(f) for f in faults]), strict=True))
        settings = load_settings(env=env)
        start = time.monotonic()
        first, baseline = _crawl(settings, env)
        store = open_store(settings)
        ids = {ref.url: e.id for e in store.events() for ref in e.sources}
        store.close()
        for fault in faults:
            if fault == "gone":
                (root / HOST / "events" / slug(fault) / "index.html").unlink()
            else:
                site.fail(f"/events/{slug(fault)}", fault)
        site.replay.requests(clear=True)
        faulty, after_fault = _crawl(settings, env)
        asked = site.replay.requests()
        site.heal()
        (root / HOST / "events" / slug("gone") / "index.html").write_text(
            event_page(faults.index("gone")), "utf-8"
        )
        healed, after_heal = _crawl(settings, env)
        yield Scenario(
            urls,
            first.runs[0],
            baseline,
            ids,
            faulty,
            after_fault,
            asked,
            healed,
            after_heal,
            time.monotonic() - start,
        )


def test_first_crawl_stores_one_conference_per_page(scenario: Scenario) -> None:
    assert scenario.first.status == "ok", scenario.first.errors
    for url in scenario.urls.values():
        assert url in scenario.ids, f"{url} was not stored"


@pytest.mark.parametrize("fault", list(FAILING))
def test_fault_is_recorded_on_the_run_with_its_url(scenario: Scenario, fault: str) -> None:
    (run,) = scenario.faulty.runs
    url = scenario.urls[fault]
    messages = [e["message"] for e in run.errors if e.get("url") == url]
    if fault == "redirect-loop":  # the error may name the last hop: same page
        messages = [e["message"] for e in run.errors if (e.get("url") or "").startswith(url)]
    assert messages, f"no error for {url}: {run.errors}"
    expected = FAILING[fault]
    assert expected is None or any(expected in m for m in messages), messages
    assert all(m.strip() for m in messages)


def test_faulty_crawl_finishes_and_does_not_pass_as_ok(scenario: Scenario) -> None:
    (run,) = scenario.faulty.runs
    assert run.finished_at is not None
    assert run.status == "partial"  # the listing was fine; pages failed
    assert scenario.faulty.failed  # what makes `confwatch crawl` exit with status 1


@pytest.mark.parametrize("fault", [*FAILING, *LENIENT])
def test_fault_leaves_the_stored_conference_unchanged(scenario: Scenario, fault: str) -> None:
    event_id = scenario.ids[scenario.urls[fault]]
    assert scenario.after_fault[event_id] == scenario.baseline[event_id]


def test_faulty_crawl_loses_or_adds_no_conference(scenario: Scenario) -> None:
    assert scenario.after_fault == scenario.baseline


@pytest.mark.parametrize("fault", LENIENT)
def test_malformed_but_readable_page_is_no_error(scenario: Scenario, fault: str) -> None:
    (run,) = scenario.faulty.runs
    assert not [e for e in run.errors if e.get("url") == scenario.urls[fault]]


def test_next_good_crawl_recovers_every_page(scenario: Scenario) -> None:
    (run,) = scenario.healed.runs
    assert run.status == "ok", run.errors
    assert not scenario.healed.failed
    assert scenario.after_heal == scenario.baseline


def paths_asked(scenario: Scenario, fault: str) -> list[dict[str, object]]:
    path = f"/{HOST}/events/{slug(fault)}"
    return [r for r in scenario.asked if str(r["path"]).split("?")[0] == path]


def test_retry_after_is_honoured_before_the_retry(scenario: Scenario) -> None:
    for fault in ("429", "503"):  # both answer with Retry-After: 1
        asked = paths_asked(scenario, fault)
        assert len(asked) == 2, asked  # the first try and one retry (retries = 1)
        assert float(asked[1]["at"]) - float(asked[0]["at"]) >= 0.9  # type: ignore[arg-type]


def test_retry_after_longer_than_the_cap_is_not_waited_for(scenario: Scenario) -> None:
    assert len(paths_asked(scenario, "429?after=3600")) == 1


def test_server_errors_are_retried_with_backoff(scenario: Scenario) -> None:
    asked = paths_asked(scenario, "500")
    assert len(asked) == 2
    assert float(asked[1]["at"]) - float(asked[0]["at"]) >= 0.9  # type: ignore[arg-type]


def test_fault_scenario_is_quick(scenario: Scenario) -> None:
    # three crawls of 20 pages, hangs and drips included: bounded by the 3 s timeout, not the faults
    assert scenario.seconds < 90


def test_listing_fault_fails_the_run_exits_1_and_keeps_events(
    site: FaultySite, env: dict[str, str]
) -> None:
    assert crawl(env).exit == 0
    before = stored(env)
    site.fail("/events", "503")
    bad = crawl(env)
    assert bad.exit == 1
    assert bad.run["status"] == "failed"
    assert "HTTP 503" in bad.error_for(LISTING)
    assert stored(env) == before
    site.heal()
    good = crawl(env)
    assert (good.exit, good.run["status"], good.errors) == (0, "ok", [])
    assert stored(env) == before


def test_new_page_that_failed_is_fetched_by_the_next_good_crawl(
    site: FaultySite, env: dict[str, str]
) -> None:
    # A 304 on the listing skips its links: the listing must not count as read while a page it
    # led to failed, or the new conference would wait for the next change to the listing.
    assert crawl(env).exit == 0
    (new_url,) = add_event_pages(site.root, ["fresh"])
    site.fail("/events/fresh", "500")
    bad = crawl(env)
    assert bad.exit == 1 and "HTTP 500" in bad.error_for(new_url)
    site.heal()
    good = crawl(env)
    assert (good.exit, good.run["status"], good.run["new"]) == (0, "ok", 1)
    assert len(stored(env)) == 3
