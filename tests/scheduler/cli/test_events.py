"""``confwatch events --country --organiser --since --search``: each narrows the listing, they
combine, bad values exit 2 naming the option. Events are recorded through the Store API into a
real store (a SQLite file in CONFWATCH_HOME, and PostgreSQL through DATABASE_URL)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.scheduler.cli import main
from confwatch.scheduler.config import load_settings
from confwatch.scheduler.database import open_store
from confwatch.store.migrate import upgrade
from confwatch.store.records import EventFields, Sighting

NOW = dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC)

# title -> (source, fields). Distinct dates and places: the matcher keeps them apart.
EVENTS: dict[str, tuple[str, EventFields]] = {
    "vienna": (
        "osce",
        EventFields(
            title="Regional Conference on Countering Violent Extremism",
            start_date=dt.date(2026, 3, 10),
            end_date=dt.date(2026, 3, 12),
            city="Vienna",
            country="AT",
            organisers=[
                "OSCE Transnational Threats Department",
                "Federal Ministry of the Interior",
            ],
            topics=["violent extremism"],
        ),
    ),
    "geneva": (
        "unoct",
        EventFields(
            title="Conférence régionale sur le terrorisme",
            start_date=dt.date(2025, 11, 5),
            city="Genève",
            country="CH",
            organisers=["Office des Nations Unies à Genève"],
            topics=["Radicalisation en ligne"],
        ),
    ),
    "new-york": (
        "unoct",
        EventFields(
            title="Counter-Terrorism Week",
            start_date=dt.date(2024, 6, 1),
            end_date=dt.date(2024, 6, 5),
            city="New York",
            country="US",
            organisers=["UNOCT"],
        ),
    ),
    "undated": (
        "osce",
        EventFields(title="Expert Meeting on Terrorist Financing", country="AT", organisers=[]),
    ),
}


@pytest.fixture(params=["sqlite", "postgresql"])
def recorded(request: pytest.FixtureRequest, home: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """The EVENTS recorded in a fresh store; their ids by key."""
    env = {"CONFWATCH_HOME": str(home)}
    if request.param == "postgresql":
        url = str(request.getfixturevalue("postgres_url"))
        upgrade(url)
        monkeypatch.setenv("DATABASE_URL", url)
        env["DATABASE_URL"] = url
    store = open_store(load_settings(env=env), sync_sources=True)
    ids = {}
    try:
        for source in ("osce", "unoct"):
            run = store.begin_run(source, now=NOW)
            for key, (seen_on, fields) in EVENTS.items():
                if seen_on == source:
                    url = f"https://example.org/{source}/{key}"
                    outcome = store.record(run, Sighting(source, url, fields), now=NOW)
                    assert outcome.kind == "new"
                    ids[key] = outcome.event_id
            store.finish_run(run, status="ok", pages=1, now=NOW)
    finally:
        store.close()
    return ids


def listed(*args: str) -> list[int]:
    result = CliRunner().invoke(main, ["events", *args, "--json"])
    assert result.exit_code == 0, result.output
    return [e["id"] for e in json.loads(result.stdout)]


def ids_of(recorded: dict[str, int], *keys: str) -> list[int]:
    return [recorded[k] for k in keys]


def test_without_filters_every_event_is_listed_by_start_date(recorded: dict[str, int]) -> None:
    assert listed() == ids_of(recorded, "new-york", "geneva", "vienna", "undated")


@pytest.mark.parametrize("code", ["AT", "at", " At "])
def test_country_keeps_the_events_in_that_country_in_any_case(
    recorded: dict[str, int], code: str
) -> None:
    assert listed("--country", code) == ids_of(recorded, "vienna", "undated")


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("osce", ["vienna"]),  # a part of one organiser's name, any case
        ("INTERIOR", ["vienna"]),  # any of the organisers
        ("nations unies a geneve", ["geneva"]),  # accents ignored
        ("Genève", ["geneva"]),
        ("unoct", ["new-york"]),
        ("Interpol", []),
    ],
)
def test_organiser_keeps_events_with_an_organiser_containing_the_name(
    recorded: dict[str, int], name: str, keys: list[str]
) -> None:
    assert listed("--organiser", name) == ids_of(recorded, *keys)


@pytest.mark.parametrize(
    ("since", "keys"),
    [
        ("2024-06-05", ["new-york", "geneva", "vienna"]),  # ending on the day counts
        ("2024-06-06", ["geneva", "vienna"]),
        ("2025-11-05", ["geneva", "vienna"]),  # no end: its start counts
        ("2025-11-06", ["vienna"]),
        ("2027-01-01", []),
    ],
)
def test_since_keeps_events_ending_on_or_after_the_date(
    recorded: dict[str, int], since: str, keys: list[str]
) -> None:
    assert listed("--since", since) == ids_of(recorded, *keys)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("violent extremism", ["vienna"]),  # title (and topic)
        ("TERRORISME", ["geneva"]),  # title, any case
        ("terrorism", ["new-york", "geneva"]),  # "terrorisme" contains it; "terrorist" not
        ("terror", ["new-york", "geneva", "undated"]),
        ("geneve", ["geneva"]),  # the city, accents ignored
        ("Switzerland", ["geneva"]),  # the country's name
        ("unoct", ["new-york"]),  # an organiser
        ("radicalisation en ligne", ["geneva"]),  # a topic
        ("Budapest", []),
    ],
)
def test_search_looks_in_title_place_organisers_and_topics(
    recorded: dict[str, int], text: str, keys: list[str]
) -> None:
    assert listed("--search", text) == ids_of(recorded, *keys)


def test_search_phrase_does_not_match_across_two_fields(recorded: dict[str, int]) -> None:
    # The Vienna event's title ends "Extremism" and its city is "Vienna".
    assert listed("--search", "extremism vienna") == []


def test_filters_combine_all_must_hold(recorded: dict[str, int]) -> None:
    assert listed("--country", "AT", "--search", "conference") == ids_of(recorded, "vienna")
    assert listed("--country", "AT", "--since", "2026-01-01", "--organiser", "osce") == ids_of(
        recorded, "vienna"
    )
    assert listed("--country", "CH", "--organiser", "osce") == []
    assert listed("--source", "unoct", "--search", "terror") == ids_of(
        recorded, "new-york", "geneva"
    )


def test_limit_counts_the_events_a_text_filter_kept(recorded: dict[str, int]) -> None:
    # The first events by date are not OSCE's: a limit applied before matching would list none.
    assert listed("--organiser", "osce", "--limit", "1") == ids_of(recorded, "vienna")
    assert listed("--search", "terror", "--limit", "2") == ids_of(recorded, "new-york", "geneva")


@pytest.mark.parametrize("code", ["QQ", "AUT", "1", ""])
def test_an_unknown_country_code_exits_2_naming_the_option(home: Path, code: str) -> None:
    result = CliRunner().invoke(main, ["events", "--country", code])
    assert result.exit_code == 2
    assert "--country" in result.stderr
    assert "country code" in result.stderr
    assert result.stdout == ""


def test_kosovo_user_assigned_code_is_accepted(home: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--country", "xk", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("date", ["2026-13-01", "yesterday", "01/02/2026", "2026-02-30"])
def test_a_bad_date_exits_2_naming_the_option(home: Path, date: str) -> None:
    result = CliRunner().invoke(main, ["events", "--since", date])
    assert result.exit_code == 2
    assert "--since" in result.stderr
    assert result.stdout == ""
