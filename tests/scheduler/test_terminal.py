"""Stored text printed to a terminal: no escape sequence, carriage return or bidi override reaches
the operator's screen, whatever the store holds (text stored by earlier versions was not
cleaned); ``--json`` stays valid JSON carrying the exact stored value."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.scheduler.cli import main
from confwatch.scheduler.cli.output import table
from confwatch.scheduler.config import load_settings
from confwatch.scheduler.database import open_store
from confwatch.scheduler.terminal import terminal_text
from confwatch.store.records import Document, EventFields, Sighting

# ESC sequences (clear screen, set the window title, hide text), a C1 CSI, a carriage return that
# would overwrite the line, a backspace, DEL, and a right-to-left override (title spoofing).
HOSTILE = "Conf\x1b[2J\x1b]0;pwned\x07\x1b[8mhidden\x9b31m\rX\x08\x7f \u202egnp.exe\u2066"
# What a terminal acts on: C0 controls but LF (and tab), DEL, C1 controls, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NOW = dt.datetime(2031, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def hostile_event(home: Path) -> int:
    """An event whose every text field is hostile, written straight into the store."""
    store = open_store(load_settings(env={"CONFWATCH_HOME": str(home)}), sync_sources=True)
    try:
        run = store.begin_run("osce", now=NOW)
        fields = EventFields(
            title=f"Regional {HOSTILE} Conference",
            start_date=dt.date(2031, 5, 5),
            city=f"Vienna{HOSTILE}",
            country="AT",
            organisers=[f"OSCE{HOSTILE}"],
            topics=[f"Topic{HOSTILE}"],
            description=f"About{HOSTILE}",
            url="https://www.osce.org/event/x",
            documents=[Document(f"Agenda{HOSTILE}", "https://www.osce.org/a.pdf")],
        )
        store.record(run, Sighting("osce", "https://www.osce.org/event/x", fields), now=NOW)
        store.finish_run(run, status="ok", pages=1, now=NOW)
        (event,) = store.events()
        return event.id
    finally:
        store.close()


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text, é, \u0645\u0624\u062a\u0645\u0631\u200f", "plain text, é, مؤتمر\u200f"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("a\rb\x08c\x7fd", "a\\rb\\x08c\\x7fd"),
        ("a\x9b31mb\x85c", "a\\x9b31mb\\x85c"),
        ("\u202egnp.exe\u2066\u2069", "\\u202egnp.exe\\u2066\\u2069"),
        ("line one\nline two\tcolumn", "line one\nline two\tcolumn"),
    ],
)
def test_terminal_text_shows_control_and_bidi_characters_as_visible_escapes(
    raw: str, shown: str
) -> None:
    assert terminal_text(raw) == shown


def test_table_cells_show_control_characters_as_escapes() -> None:
    out = table(["title"], [[HOSTILE]], max_width=200)
    assert not UNSAFE.search(out.replace("\n", " "))
    assert "\\x1b[2J" in out


def test_events_show_of_hostile_text_sends_no_escape_sequence(hostile_event: int) -> None:
    result = CliRunner().invoke(main, ["events", "show", str(hostile_event)])
    assert result.exit_code == 0, result.output
    assert "\\x1b[2J" in result.stdout and "\\u202e" in result.stdout
    assert not UNSAFE.search(result.stdout.replace("\n", " ")), repr(result.stdout)


def test_events_table_of_hostile_text_sends_no_escape_sequence(hostile_event: int) -> None:
    result = CliRunner().invoke(main, ["events"])
    assert result.exit_code == 0, result.output
    assert "Regional" in result.stdout
    assert not UNSAFE.search(result.stdout.replace("\n", " ")), repr(result.stdout)


@pytest.mark.parametrize("args", [["events", "show", "{id}", "--json"], ["events", "--json"]])
def test_json_output_of_hostile_text_is_valid_json_with_the_stored_value_and_no_raw_controls(
    hostile_event: int, args: list[str]
) -> None:
    result = CliRunner().invoke(main, [a.format(id=hostile_event) for a in args])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    event = data if isinstance(data, dict) else data[0]
    assert event["title"] == f"Regional {HOSTILE} Conference"
    assert not UNSAFE.search(result.stdout.replace("\n", " ")), repr(result.stdout)


def test_readable_log_lines_show_control_characters_as_escapes() -> None:
    import logging

    from confwatch.scheduler.logs import TextFormatter

    record = logging.makeLogRecord(
        {"msg": "item.warning", "levelname": "WARNING", "problem": "title\x1b[2J\u202eevil"}
    )
    line = TextFormatter().format(record)
    assert "\x1b" not in line and "\u202e" not in line
    assert "\\x1b[2J" in line and "\\u202e" in line
