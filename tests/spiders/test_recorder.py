"""The crawl's recorder: what a crawl tells the store, against a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from confwatch.spiders.context import CrawlContext
from confwatch.spiders.recorder import CrawlRecorder
from confwatch.spiders.sources import CrawlSettings
from confwatch.store import Store
from confwatch.store.migrate import upgrade
from confwatch.store.records import PageFetch, RunInfo

SOURCE = "osce"
PAGE = "https://www.osce.org/event/ct-conference-2019"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'confwatch.db'}"
    upgrade(url)
    opened = Store.open(url)
    yield opened
    opened.close()


def test_an_error_is_recorded_on_the_run_of_its_source(store: Store) -> None:
    context = CrawlContext(store=store, crawl=CrawlSettings(), sources={})
    context.runs[SOURCE] = store.begin_run(SOURCE)
    context.recorder.error(SOURCE, PAGE, "HTTP 500")
    (run,) = store.runs(source=SOURCE)
    assert run.errors == [{"url": PAGE, "message": "HTTP 500"}]


def test_a_source_without_a_run_records_no_error(store: Store) -> None:
    recorder = CrawlRecorder(store, {})
    recorder.error(SOURCE, PAGE, "HTTP 500")
    recorder.unchanged(SOURCE, PAGE)
    assert store.runs() == []


def test_a_run_begun_after_the_recorder_was_made_is_found(store: Store) -> None:
    runs: dict[str, RunInfo] = {}
    recorder = CrawlRecorder(store, runs)
    runs[SOURCE] = store.begin_run(SOURCE)
    recorder.error(SOURCE, None, "crawl stopped early")
    (run,) = store.runs(source=SOURCE)
    assert run.errors == [{"url": None, "message": "crawl stopped early"}]


def test_a_gone_page_is_remembered_with_its_status_and_no_validators(store: Store) -> None:
    recorder = CrawlRecorder(store, {})
    recorder.page_gone(SOURCE, PAGE, 410)
    state = recorder.page_state(PAGE)
    assert state is not None
    assert (state.last_status, state.etag, state.content_hash) == (410, None, None)


def test_a_page_read_in_full_is_remembered_and_read_back_by_source(store: Store) -> None:
    recorder = CrawlRecorder(store, {})
    recorder.page_read(PageFetch(PAGE, SOURCE, '"v1"', None, "hash", 200))
    states = recorder.page_states(SOURCE)
    assert list(states) == [PAGE]
    assert (states[PAGE].etag, states[PAGE].content_hash) == ('"v1"', "hash")
