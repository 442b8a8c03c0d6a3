"""``confwatch extract`` as a person reads it (issue 16): text by default, JSON only with --json,
and no ``url: None`` for a page given without --url. ``extract`` and ``eval`` run offline: they
neither create ``CONFWATCH_HOME`` nor write logs into it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

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


# Invented pages: two announcements (the second names no place), one without a date, one that
# announces no meeting at all.
TWO_SECTIONS = """Conference tag

Regional Conference on Countering Terrorist Financing

On 12-13 May 2031, a regional conference in Tbilisi will discuss terrorist financing
and violent extremism, organised by the OSCE.

Annual Seminar on Preventing Radicalisation

The annual Seminar on Preventing Radicalisation will take place on 3-4 June 2031 and review
work against terrorism and violent extremism.
"""
NO_DATE = (
    "Regional Conference on Countering Violent Extremism\n\n"
    "A regional conference on countering violent extremism and terrorism will be held in "
    "Almaty, Kazakhstan, organised by the OSCE Programme Office.\n"
)
NO_MEETING = "Annual report\n\nThe ministry published its annual report on road safety.\n"


def _extract(tmp_path: Path, text: str, *args: str) -> tuple[str, Any]:
    page = tmp_path / "page.txt"
    page.write_text(text, "utf-8")
    return str(page), CliRunner().invoke(main, ["extract", str(page), *args])


def test_extract_without_url_names_the_page_file_in_its_warnings(
    tmp_path: Path, home: Path
) -> None:
    page, result = _extract(tmp_path, NO_DATE)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"warning: {page}: start_date: no date found\n"


def test_extract_without_url_names_a_section_by_file_and_anchor(tmp_path: Path, home: Path) -> None:
    page, result = _extract(tmp_path, TWO_SECTIONS, "--json")
    second = json.loads(result.stdout)[1]["url"]
    assert second == "#annual-seminar-on-preventing-radicalisation"
    assert result.stderr == f"warning: {page}{second}: city: no place found\n"


def test_extract_without_url_names_the_page_file_in_what_it_skips(
    tmp_path: Path, home: Path
) -> None:
    page, result = _extract(tmp_path, NO_MEETING)
    assert result.stderr.startswith(f"skipped: {page}: not a conference page: ")
    assert "file://" not in result.stderr


def test_extract_with_url_names_the_url_in_its_warnings(tmp_path: Path, home: Path) -> None:
    _, result = _extract(tmp_path, NO_DATE, "--url", "https://mfa.example/en/news/7")
    assert result.stderr == "warning: https://mfa.example/en/news/7: start_date: no date found\n"


def test_extract_text_says_unknown_dates_and_place_instead_of_none(
    tmp_path: Path, home: Path
) -> None:
    _, dateless = _extract(tmp_path, NO_DATE)
    assert "  dates unknown  Almaty, KZ\n" in dateless.stdout
    _, placeless = _extract(tmp_path, TWO_SECTIONS)
    assert "  2031-06-03 – 2031-06-04  place unknown\n" in placeless.stdout
    assert "None" not in dateless.stdout + placeless.stdout
