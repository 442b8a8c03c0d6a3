"""``confwatch reextract``: its contract on the command line (exit codes, --json, locks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.scheduler import locks
from confwatch.scheduler.cli import main
from confwatch.scheduler.config import load_settings

CONFIG = """
[[sources]]
key = "news"
kind = "generic"
start_urls = ["https://news.example/en/news/"]
"""


@pytest.fixture
def config(home: Path, tmp_path: Path) -> Path:
    path = tmp_path / "confwatch.toml"
    path.write_text(CONFIG, "utf-8")
    return path


def test_reextract_has_help_with_examples() -> None:
    result = CliRunner().invoke(main, ["reextract", "--help"])
    assert result.exit_code == 0 and "Examples:" in result.output


def test_an_unknown_source_is_a_usage_error_in_one_line(config: Path) -> None:
    result = CliRunner().invoke(main, ["--config", str(config), "reextract", "nope"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "nope" in result.stderr


def test_json_is_one_document_with_a_run_per_source(config: Path) -> None:
    result = CliRunner().invoke(main, ["--config", str(config), "reextract", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (run,) = data["runs"]
    assert (data["ok"], data["stale_only"]) == (True, False)
    assert (run["source"], run["status"], run["pages"]) == ("news", "ok", 0)


def test_it_refuses_while_a_crawl_of_the_source_runs(config: Path) -> None:
    settings = load_settings(config)
    with locks.hold(settings, "crawl-news"):
        result = CliRunner().invoke(main, ["--config", str(config), "reextract", "news"])
    assert result.exit_code == 1  # as for a second crawl: the work could not run
    assert result.stderr == "Error: news: a crawl of this source is already running\n"


PAGE_URL = "https://news.example/en/news/regional-conference/"
# An invented page whose meeting names a place but no date.
DATELESS = """<html lang="en"><head><meta charset="utf-8"><title>Conference</title></head><body>
<h1>Regional Conference on Countering the Financing of Terrorism</h1>
<p>The Regional Conference on Countering the Financing of Terrorism will take place in Vienna,
Austria, organised by the OSCE.</p>
</body></html>"""


def _crawled_page(config: Path, text: str) -> None:
    """What a crawl of the source "news" leaves of one page: its reading and its body."""
    from confwatch.scheduler.database import open_store
    from confwatch.spiders import stored_bodies
    from confwatch.spiders.normalise import normalise
    from confwatch.spiders.page import read_page
    from confwatch.spiders.pipelines import sighting_of
    from confwatch.spiders.registry import spider_class
    from confwatch.store.records import PageFetch

    settings = load_settings(config)
    source = settings.source("news")
    with open_store(settings, for_writing=True) as store:
        run = store.begin_run("news")
        raws = spider_class(source.kind)(source).page_events(read_page(text, PAGE_URL))
        sightings = [
            sighting_of(raw, done.fields) for raw in raws if (done := normalise(raw)).fields
        ]
        tag = stored_bodies.extraction_tag(source)
        body = stored_bodies.pack(text)
        fetch = PageFetch(PAGE_URL, "news", None, None, "h", 200, body, tag, None)
        store.record_many(run, sightings, pages=[fetch])
        store.finish_run(run, status="ok", pages=1)


def test_reextract_logs_the_field_warnings_of_the_pages_it_reads_again(config: Path) -> None:
    _crawled_page(config, DATELESS)
    result = CliRunner().invoke(main, ["--config", str(config), "reextract", "--json"])
    assert result.exit_code == 0, result.output
    (run,) = json.loads(result.stdout)["runs"]
    assert (run["pages"], run["warnings"]) == (1, 1)
    (line,) = [x for x in result.stderr.splitlines() if " item.warning " in x]
    assert f"source=news url={PAGE_URL} " in line
    assert "start_date: no date found" in line
