"""Reading commands create nothing: on a CONFWATCH_HOME with no store yet (no such folder, or
nothing crawled into it) they list what an empty store lists, say on stderr which home has no
store, and leave the home as it was. Writing commands still create it."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.scheduler.cli import main

# command -> (exit status, what stdout starts with). As on a fresh, empty store.
READING: dict[str, tuple[int, str]] = {
    "sources --json": (0, "["),
    "status --json": (0, "{"),
    "events --json": (0, "[]"),
    "events --format csv": (0, "id,title,"),
    "events show 7": (2, ""),  # no event with id 7
    "events ambiguous --json": (0, "[]"),
    "subscribers list --json": (0, "[]"),
    "digest preview": (0, "Subject: "),
    "digest send --dry-run --json": (0, "{"),
}


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """The folder temporary files go to, watched: an empty store must not be left behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    before, tempfile.tempdir = tempfile.tempdir, str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = before


@pytest.mark.parametrize("command", READING)
def test_a_reading_command_on_a_missing_home_creates_nothing_and_reads_an_empty_store(
    home: Path, scratch: Path, command: str
) -> None:
    result = CliRunner().invoke(main, command.split())
    code, starts = READING[command]
    assert result.exit_code == code, result.output
    assert result.stdout.startswith(starts), result.stdout
    assert not home.exists()
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("command", [c for c in READING if not c.startswith("sources")])
def test_a_reading_command_says_which_home_has_no_store_yet(home: Path, command: str) -> None:
    result = CliRunner().invoke(main, command.split())
    assert f"note: CONFWATCH_HOME {home} has no store yet" in result.stderr


def test_a_home_without_a_database_is_read_as_empty_and_left_without_one(home: Path) -> None:
    (home / "logs").mkdir(parents=True)
    result = CliRunner().invoke(main, ["events", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert not (home / "confwatch.db").exists()


def test_status_on_a_missing_home_lists_every_source_as_never_run(home: Path) -> None:
    result = CliRunner().invoke(main, ["status", "--json"])
    assert result.exit_code == 0, result.output
    states = {s["source"]: s["state"] for s in json.loads(result.stdout)["sources"]}
    assert set(states) >= {"osce", "unoct"} and set(states.values()) == {"never"}


def test_subscribers_list_on_a_missing_home_shows_the_configured_ones(
    home: Path, tmp_path: Path
) -> None:
    config = tmp_path / "confwatch.toml"
    config.write_text('[[subscribers]]\nemail = "desk@example.org"\n', "utf-8")
    result = CliRunner().invoke(main, ["--config", str(config), "subscribers", "list", "--json"])
    assert result.exit_code == 0, result.output
    assert [(s["email"], s["origin"]) for s in json.loads(result.stdout)] == [
        ("desk@example.org", "config")
    ]
    assert not home.exists()


def test_a_reading_command_on_a_home_that_exists_says_no_note_once_crawled(home: Path) -> None:
    assert CliRunner().invoke(main, ["db", "upgrade"]).exit_code == 0
    result = CliRunner().invoke(main, ["events", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "no store yet" not in result.stderr


def test_a_writing_command_still_creates_the_home(home: Path) -> None:
    assert CliRunner().invoke(main, ["db", "upgrade"]).exit_code == 0
    assert (home / "confwatch.db").is_file()


@pytest.mark.parametrize("where", ["the home", "a folder above it"])
def test_a_file_in_the_way_of_the_home_is_one_line_and_exit_2(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("", "utf-8")
    home = blocker if where == "the home" else blocker / "home"
    monkeypatch.setenv("CONFWATCH_HOME", str(home))
    result = CliRunner().invoke(main, ["events"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: CONFWATCH_HOME {home}: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("command", "line"),
    [
        ("events", "no conferences stored yet ('confwatch crawl' fetches them)"),
        ("events --country AT --upcoming", "no conference matches these filters"),
    ],
)
def test_an_empty_event_table_says_why_it_is_empty(home: Path, command: str, line: str) -> None:
    result = CliRunner().invoke(main, command.split())
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == line
