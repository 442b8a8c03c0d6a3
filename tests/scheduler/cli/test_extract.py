"""``confwatch extract`` as a person reads it (issue 16): text by default, JSON only with --json,
and no ``url: None`` for a page given without --url. ``extract`` and ``eval`` run offline: they
neither create ``CONFWATCH_HOME`` nor write logs into it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.scheduler.cli import main
from tests.conftest import REPO
from tests.system.conftest import confwatch

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


# An invented page and a labelled case of it, for the commands that read pages offline.
TEXT = (
    "International Conference on Countering Terrorism\n\n"
    "An international conference on countering terrorism will be held in Tashkent on "
    "12-13 May 2031, organized by the OSCE Secretariat.\n"
)


def _offline_command(tmp_path: Path, command: str) -> list[str]:
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "tashkent.txt").write_text(TEXT, "utf-8")
    case = {"url": "https://t.example/x", "page": "tashkent.txt", "split": "dev", "events": []}
    (cases / "tashkent.json").write_text(json.dumps(case), "utf-8")
    if command == "extract":
        return ["extract", str(cases / "tashkent.txt"), "--json"]
    return ["eval", str(cases), "--json"]


@pytest.mark.parametrize("command", ["extract", "eval"])
def test_offline_commands_leave_a_missing_home_uncreated(
    tmp_path: Path, home: Path, command: str
) -> None:
    done = confwatch(dict(os.environ), *_offline_command(tmp_path, command))
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)  # the page was read
    assert not home.exists()  # eval-format §1: no database, and no home either


@pytest.mark.parametrize("command", ["extract", "eval"])
def test_offline_commands_write_no_log_into_an_existing_home(
    tmp_path: Path, home: Path, command: str
) -> None:
    home.mkdir()
    done = confwatch(dict(os.environ), *_offline_command(tmp_path, command))
    assert done.returncode == 0, done.stderr[-2000:]
    # The gazetteer is cached there to be read faster next time (home_cache.py); nothing else.
    assert {p.name for p in home.iterdir()} <= {"cache"}
