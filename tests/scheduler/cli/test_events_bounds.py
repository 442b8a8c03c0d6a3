"""Event ids ``confwatch events show|merge|split`` cannot trust: ids beyond any integer column.
Each gives one line naming the problem and exit 2 (pages: test_extract_bounds.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.scheduler.cli import main

HUGE = "99999999999999999999999"


@pytest.fixture
def runner(home: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    if not database_url.startswith("sqlite"):
        monkeypatch.setenv("DATABASE_URL", database_url)
        assert CliRunner().invoke(main, ["db", "upgrade"]).exit_code == 0
    return CliRunner()


# 2**31: one beyond PostgreSQL's INTEGER; 2**63: beyond SQLite's.
@pytest.mark.parametrize("event_id", [HUGE, str(2**31), str(2**63), "-" + HUGE])
def test_events_show_of_an_id_beyond_any_integer_column_exits_2_naming_it(
    runner: CliRunner, event_id: str
) -> None:
    result = runner.invoke(main, ["events", "show", "--", event_id])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: no event with id {event_id}\n"


@pytest.mark.parametrize(
    "args",
    [
        ["events", "merge", "1", HUGE],
        ["events", "merge", HUGE, "1"],
        ["events", "split", HUGE, "osce"],
    ],
)
def test_events_merge_and_split_of_an_id_beyond_any_integer_column_exit_2_naming_it(
    runner: CliRunner, args: list[str]
) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: no event with id {HUGE}\n"
