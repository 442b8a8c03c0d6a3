"""Retry-After and backoff: how long a retry waits (the crawl-level behaviour is in test_faults)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confwatch.spiders.retry_after import backoff_seconds, retry_after_seconds

NOW = dt.datetime(2025, 3, 1, 12, 0, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        ("0", 0.0),
        ("Sat, 01 Mar 2025 12:01:30 GMT", 90.0),
        ("Sat, 01 Mar 2025 11:00:00 GMT", 0.0),  # a date in the past: retry now
        ("soon", None),
        ("-5", None),
        ("1.5", None),  # not delta-seconds (RFC 9110): ignored, backoff applies
        ("", None),
        (None, None),
    ],
)
def test_retry_after_reads_seconds_and_http_dates(value: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value, NOW) == seconds


@given(st.text(max_size=60))
def test_any_retry_after_value_never_raises_and_is_never_negative(value: str) -> None:
    got = retry_after_seconds(value, NOW)
    assert got is None or got >= 0


def test_backoff_doubles_per_retry_up_to_the_cap() -> None:
    assert [backoff_seconds(n, 1.0, 10.0) for n in range(6)] == [1, 2, 4, 8, 10, 10]
