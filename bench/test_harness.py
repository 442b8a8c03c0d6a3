"""Checks of the benchmark harness itself (not timed): ``.venv/bin/python -m pytest bench -q``.

The figures are only worth something if the generated mirror reads like the real site, the
server answers conditional requests like the real one, and its byte counters add up.
"""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.crawl_bench import serving
from bench.mirror import generate, mark_changed
from confwatch.spiders.offline import extract_page
from confwatch.spiders.registry import offline_source

TODAY = dt.date(2026, 1, 15)


def test_generated_event_page_reads_like_the_real_osce_page(tmp_path: Path) -> None:
    mirror = generate(tmp_path / "m", 40, today=TODAY)
    event = next(e for e in mirror.events if e.relevant)
    body = (mirror.root / event.path).read_text("utf-8")
    found = extract_page(
        body, url=event.url, source=offline_source("osce", event.url), is_text=False
    ).events
    assert [(f.title, f.start_date, f.end_date, f.city) for f in found] == [
        (event.title, event.start, event.end, event.city)
    ]


def test_mirror_has_upcoming_and_past_events_and_a_paged_listing(tmp_path: Path) -> None:
    mirror = generate(tmp_path / "m", 100, today=TODAY)
    assert 0 < len(mirror.upcoming) < mirror.n
    assert mirror.listing_pages == 5
    last = (mirror.root / "www.osce.org/events/index@page=4.html").read_text("utf-8")
    first = (mirror.root / "www.osce.org/events/index.html").read_text("utf-8")
    assert 'pager__item--next"><a href="?page=1"' in first
    assert "pager__item--next" not in last


def test_mark_changed_edits_only_the_chosen_share_of_upcoming_pages(tmp_path: Path) -> None:
    mirror = generate(tmp_path / "m", 200, today=TODAY)
    before = {p: p.read_bytes() for p in mirror.root.rglob("*.html")}
    chosen = mark_changed(mirror, 0.01, seed=1)
    edited = {p for p, data in before.items() if p.read_bytes() != data}
    assert len(chosen) == 2
    assert edited == {mirror.root / e.path for e in chosen}
    assert all(e.end >= TODAY for e in chosen)


def test_server_answers_304_to_a_matching_etag_and_counts_wire_bytes(tmp_path: Path) -> None:
    mirror = generate(tmp_path / "m", 5, today=TODAY)
    with serving(mirror.root) as site:
        url = f"{site.url}/www.osce.org/event/{mirror.events[0].slug}"
        site.stats(clear=True)
        with urllib.request.urlopen(url) as response:
            body = response.read()
            etag = response.headers["ETag"]
        request = urllib.request.Request(url, headers={"If-None-Match": etag})
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(request)
        assert answer.value.code == 304
        stats = site.stats()
    assert stats.get("event_304") == 1, stats
    assert stats["event_200"] == 1 and stats["event_304"] == 1 and stats["conditional"] == 1
    assert stats["body_bytes"] == len(body)
    assert len(body) < stats["wire_out"] < len(body) + 1000  # headers of two answers on top
    assert stats["wire_in"] > 0
