"""``confwatch extract`` as a person reads it (issue 16): text by default, JSON only with --json,
and no ``url: None`` for a page given without --url."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from confwatch.scheduler.cli import main
from tests.conftest import REPO

PAGE = (
    REPO
    / "tests/fixtures/sites/mfa.gov.mn/en"
    / "deputy-foreign-minister-attends-inter-regional-conference-on-counter-terrorism-2/index.html"
)


def test_extract_without_url_prints_text_that_never_says_none(home: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(PAGE)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Inter-Regional Conference on Preventing and Countering")
    assert "2018-04-19 – 2018-04-20  Seoul, KR" in result.stdout
    assert "None" not in result.stdout


def test_extract_json_gives_a_page_without_url_a_null_url(home: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(PAGE), "--json"])
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.stdout)
    assert event["url"] is None


def test_extract_help_says_text_is_printed_and_json_only_with_the_option(home: Path) -> None:
    result = CliRunner().invoke(main, ["extract", "--help"])
    text = " ".join(result.stdout.split())
    assert "Prints the events found, in page order; --json prints one JSON array instead" in text
