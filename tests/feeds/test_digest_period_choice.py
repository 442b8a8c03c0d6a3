"""A digest for a period someone chooses (``digest preview --since/--week``), and source-health
notes that speak only of the crawls inside the period."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.feeds import digest as render
from confwatch.store.records import RunView, SourceHealth

NOW = dt.datetime(2026, 12, 6, 13, 0, tzinfo=dt.UTC)


def run(source: str, at: dt.datetime, status: str = "ok") -> RunView:
    return RunView(1, source, at, at + dt.timedelta(minutes=1), status, 1, 1, 1, 0, 0, [], {})


def healthy(*sources: str) -> list[SourceHealth]:
    return [SourceHealth(s, None, NOW, "ok", f"{s}: last success") for s in sources]


def test_since_covers_midnight_of_the_day_up_to_now() -> None:
    period = render.period_since(dt.date(2026, 12, 1), NOW)
    assert (period.start, period.end) == (dt.datetime(2026, 12, 1, tzinfo=dt.UTC), NOW)
    assert period.label == "1–6 December 2026"


def test_since_today_is_labelled_with_the_day() -> None:
    assert render.period_since(NOW.date(), NOW).label == "6 December 2026"


def test_week_covers_monday_to_sunday() -> None:
    period = render.period_of_week("2026-w49")
    assert period.key == "2026-W49"
    assert (period.start, period.end) == (
        dt.datetime(2026, 11, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 7, tzinfo=dt.UTC),
    )
    assert period.label == render.period_for("weekly", period.end).label


@pytest.mark.parametrize("week", ["2026-W54", "2026-W00", "49", "2026W49", "2026-Wxx"])
def test_a_week_that_does_not_exist_is_refused(week: str) -> None:
    with pytest.raises(ValueError, match="ISO week"):
        render.period_of_week(week)


def test_a_period_before_any_crawl_claims_nothing_about_the_sources() -> None:
    before = render.period_for("weekly", NOW)  # 23–29 November; the store began on 6 December
    notes = render.health_notes(before, healthy("osce", "unoct"), [run("osce", NOW)])
    assert notes == ["No crawl ran in this period: nothing is known about the sources then."]


def test_all_sources_ok_inside_the_period_are_counted() -> None:
    period = render.period_since(NOW.date(), NOW)
    runs = [run("osce", NOW - dt.timedelta(hours=2)), run("unoct", NOW - dt.timedelta(hours=1))]
    notes = render.health_notes(period, healthy("osce", "unoct"), runs)
    assert notes == ["All 2 sources crawled successfully in this period (2 crawls)."]


def test_failed_and_missing_crawls_inside_the_period_are_named() -> None:
    period = render.period_since(NOW.date(), NOW)
    runs = [
        run("osce", NOW - dt.timedelta(hours=2)),
        run("unoct", NOW - dt.timedelta(hours=1), "failed"),
    ]
    health = healthy("osce", "unoct", "gia-mn")
    health[1] = SourceHealth("unoct", runs[1], None, "failing", "unoct: run 1 failed")
    notes = render.health_notes(period, health, runs)
    assert notes == [
        "1 of 3 sources crawled successfully in this period (2 crawls, 1 failed); "
        "not successfully: gia-mn, unoct.",
        "unoct: run 1 failed",
    ]
