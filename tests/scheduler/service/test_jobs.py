"""The scheduled jobs on real components: a crawl job meeting a crawl already in progress."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from confwatch.scheduler import locks
from confwatch.scheduler.config import load_settings
from confwatch.scheduler.database import open_store
from confwatch.scheduler.service import jobs
from tests.conftest import ReplaySite

CONFIG = """
[[sources]]
key = "unoct"
kind = "unoct"
start_urls = ["https://www.un.org/counterterrorism/regional-conferences-0"]
"""


def test_scheduled_crawl_meeting_a_manual_one_is_skipped_without_error_feeds_or_alerts(
    tmp_path: Path,
    home: Path,
    replay_site: ReplaySite,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = tmp_path / "confwatch.toml"
    config.write_text(CONFIG, "utf-8")
    monkeypatch.setenv("CONFWATCH_REPLAY_URL", replay_site.url)
    settings = load_settings(config)
    open_store(settings).close()
    caplog.set_level(logging.INFO)
    with locks.hold(settings, "crawl-unoct"):  # what a manual `confwatch crawl unoct` holds
        jobs.crawl_job(str(config), "unoct")
    skipped = [r for r in caplog.records if r.getMessage() == "crawl.skipped"]
    assert [r.levelno for r in skipped] == [logging.INFO]
    assert getattr(skipped[0], "source", None) == "unoct"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], [
        r.getMessage() for r in caplog.records
    ]
    assert not settings.feeds_dir.exists() or not any(settings.feeds_dir.iterdir())
    store = open_store(settings, sync_sources=False)
    try:
        assert store.runs(source="unoct") == []
    finally:
        store.close()
