"""The command line's contract: help texts, --json documents, exit codes, one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.scheduler.cli import main
from tests.conftest import FIXTURES

SEEDS = FIXTURES / "sites"
UN_PAGE = SEEDS / "www.un.org" / "counterterrorism" / "regional-conferences-0" / "index.html"
UN_URL = "https://www.un.org/counterterrorism/regional-conferences-0"


@pytest.fixture
def runner(home: Path) -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    "command",
    [
        "crawl",
        "feeds",
        "events",
        "events show",
        "status",
        "sources",
        "extract",
        "eval",
        "db upgrade",
        "demo",
    ],
)
def test_every_command_has_help_with_examples(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Examples:" in result.output or command == "db upgrade"


def test_extract_prints_one_json_array_with_the_contract_fields(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(UN_PAGE), "--url", UN_URL, "--json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert len(events) == 7
    for event in events:
        assert set(event) >= {
            "title",
            "start_date",
            "end_date",
            "city",
            "country",
            "organisers",
            "registration_deadline",
            "status",
            "url",
        }
        assert event["url"].startswith(UN_URL + "#")
    assert [(e["city"], e["country"]) for e in events][:2] == [
        ("Dushanbe", "TJ"),
        ("Ulaanbaatar", "MN"),
    ]


def test_extract_of_a_page_without_a_conference_prints_an_empty_array(
    runner: CliRunner, tmp_path: Path
) -> None:
    page = tmp_path / "news.txt"
    page.write_text(
        "Foreign Minister meets Chinese delegation\n\nThe sides discussed trade and tourism.\n"
    )
    result = runner.invoke(main, ["extract", str(page), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_extract_reads_standard_input(runner: CliRunner) -> None:
    text = (
        "Regional Conference on Countering Violent Extremism\n\n"
        "The Regional Conference on Countering "
        "Violent Extremism and Terrorism will be held in Budapest, Hungary on 7-8 November 2019.\n"
    )
    result = runner.invoke(main, ["extract", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.stdout)
    assert (event["start_date"], event["end_date"], event["city"], event["country"]) == (
        "2019-11-07",
        "2019-11-08",
        "Budapest",
        "HU",
    )


def test_extract_of_an_unreadable_file_exits_non_zero_with_one_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(main, ["extract", str(tmp_path / "missing.html"), "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "missing.html" in result.stderr


def test_extract_with_an_unknown_source_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(UN_PAGE), "--source", "nope", "--json"])
    assert result.exit_code == 2
    assert "unknown source 'nope'" in result.stderr


def test_crawl_of_an_unknown_source_exits_2_naming_it(runner: CliRunner) -> None:
    result = runner.invoke(main, ["crawl", "no-such-source"])
    assert result.exit_code == 2
    assert "unknown source 'no-such-source'" in result.stderr


def test_bad_configuration_file_exits_2_naming_the_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sources]]\nkey = "x"\nstart_urls = ["https://x.example/"]\nevery = "often"\n')
    result = runner.invoke(main, ["--config", str(bad), "sources"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("Error: bad.toml: sources[x].every:")


def test_sources_json_lists_each_source_with_its_schedule(runner: CliRunner) -> None:
    result = runner.invoke(main, ["sources", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {s["key"] for s in data} >= {"osce", "unoct", "mfa-mn"}
    assert all(s["every"] > 0 and s["start_urls"] for s in data)


def test_status_before_any_crawl_reports_never_and_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(main, ["status", "--json"])
    assert result.exit_code == 0, result.output
    assert {s["state"] for s in json.loads(result.stdout)["sources"]} == {"never"}


def test_events_show_of_an_unknown_id_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["events", "show", "999"])
    assert result.exit_code == 2
    assert "no event with id 999" in result.stderr


def test_eval_reports_accuracy_per_field_as_json(runner: CliRunner) -> None:
    labelled = FIXTURES / "labelled"
    result = runner.invoke(main, ["eval", str(labelled), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["cases"] >= 40
    assert set(report["accuracy"]) >= {
        "title",
        "start_date",
        "end_date",
        "city",
        "country",
        "organisers",
    }
    assert all(0.0 <= v <= 1.0 for v in report["accuracy"].values())


def test_debug_prints_the_traceback_and_keeps_the_exit_status(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--debug", "crawl", "no-such-source"])
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: unknown source 'no-such-source'")


TWO_SOURCES = """
[[sources]]
key = "on"
kind = "generic"
start_urls = ["https://on.example/news"]

[[sources]]
key = "off"
kind = "generic"
start_urls = ["https://off.example/news"]
enabled = false
"""


def test_status_shows_a_disabled_source_as_disabled_and_not_scheduled(
    runner: CliRunner, tmp_path: Path
) -> None:
    config = tmp_path / "two.toml"
    config.write_text(TWO_SOURCES, "utf-8")
    result = runner.invoke(main, ["--config", str(config), "status", "--json"])
    assert result.exit_code == 0, result.output
    by_key = {s["source"]: s for s in json.loads(result.stdout)["sources"]}
    assert by_key["off"]["state"] == "disabled"
    assert by_key["off"]["next_run"] is None
    assert by_key["on"]["state"] == "never" and by_key["on"]["next_run"] == "now"
    header, *rows = runner.invoke(main, ["--config", str(config), "status"]).stdout.splitlines()
    off_row = next(row for row in rows if row.startswith("off "))
    assert _cell(header, off_row, "state") == "disabled"
    assert _cell(header, off_row, "next run") == "-"


def _cell(header: str, row: str, column: str) -> str:
    """The text of a plain table's row under ``column`` (columns start where their names do)."""
    starts = [m.start() for m in re.finditer(r"\S+(?: \S+)*", header)]
    start = header.index(column)
    end = next((s for s in starts if s > start), None)
    return row[start:end].strip()


def test_sources_says_which_sources_are_enabled(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "two.toml"
    config.write_text(TWO_SOURCES, "utf-8")
    data = json.loads(runner.invoke(main, ["--config", str(config), "sources", "--json"]).stdout)
    assert {s["key"]: s["enabled"] for s in data} == {"on": True, "off": False}
    text = runner.invoke(main, ["--config", str(config), "sources"]).stdout
    rows = {line.split()[0]: line.split() for line in text.splitlines()[1:] if line.strip()}
    assert "yes" in rows["on"] and "no" not in rows["on"]
    assert "no" in rows["off"] and "yes" not in rows["off"]
    assert "1 of 2 sources enabled" in text


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("extract", "--published DATE"),
        ("digest preview", "--subscriber EMAIL"),
        ("extract", "naming the page by --url, or else as the file was given"),
        ("status", 'A source not crawled yet shows "never"'),
        ("feeds", "the filtered feeds per country, organiser and configured topic"),
        ("", "Commands that only read (sources, status, events, subscribers list, digest preview)"),
    ],
)
def test_help_says_what_the_command_does(runner: CliRunner, command: str, shown: str) -> None:
    result = runner.invoke(main, [*command.split(), "--help"])
    assert shown in " ".join(result.stdout.split())
