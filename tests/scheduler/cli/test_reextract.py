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
