"""After ``confwatch demo`` there is something to see: the digest preview the demo prints is not
empty, and the calendar, the page and the digest's "Coming up" hold the demo site's conference,
which the replay server dates relative to the day the demo runs (issue 17).

The demo runs once, as ``make demo`` runs it (``.venv/bin/confwatch demo`` from the repository,
into a fresh CONFWATCH_HOME), and each command it prints runs in a shell that has neither
confwatch on its PATH nor CONFWATCH_HOME set."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

import icalendar
import parsel
import pytest

from tests.system.demo_next_step import CONFWATCH, REPO, _env

DEMO_TITLE = "Demo Regional Conference on Countering the Financing of Terrorism"


@dataclass
class Demo:
    home: Path
    stdout: str
    preview_command: str


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    home = tmp_path_factory.mktemp("demo") / "home"
    done = subprocess.run(
        [CONFWATCH, "demo"],
        cwd=REPO,
        env=_env(CONFWATCH_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    command = next((ln.removeprefix("digest: ") for ln in lines if ln.startswith("digest: ")), "")
    return Demo(home, done.stdout, command)


def confwatch(demo: Demo, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CONFWATCH, *args],
        cwd=REPO,
        env=_env(CONFWATCH_HOME=str(demo.home)),
        capture_output=True,
        text=True,
        timeout=120,
    )


def section(digest: str, heading: str) -> str:
    """The lines of one plain-text digest section, up to the next heading."""
    _, found, rest = digest.partition(f"\n{heading} (")
    assert found, f"no {heading} section in:\n{digest}"
    return rest.split("\n\n", 1)[1].split("\nSOURCE HEALTH", 1)[0]


def test_demo_prints_a_digest_preview_command_since_its_first_crawl(demo: Demo) -> None:
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert demo.preview_command.startswith(f"CONFWATCH_HOME={demo.home} {CONFWATCH} "), demo.stdout
    assert demo.preview_command.endswith(f"digest preview --since {today}"), demo.stdout


def test_printed_preview_command_run_as_written_shows_a_non_empty_digest(demo: Demo) -> None:
    done = subprocess.run(
        ["bash", "-c", demo.preview_command],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    subject = done.stdout.splitlines()[0]
    assert subject.startswith("Subject: [confwatch] ") and "nothing new" not in subject
    assert DEMO_TITLE in section(done.stdout, "NEW CONFERENCES")
    # The recorded conferences, over long ago, are there too, as reported, not as news.
    held = section(done.stdout, "RECENTLY REPORTED, ALREADY HELD")
    assert "OSCE-wide Counter-Terrorism Conference 2020" in held


def test_preview_since_the_demo_lists_the_demo_conference_as_coming_up(demo: Demo) -> None:
    since = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    done = confwatch(demo, "digest", "preview", "--since", since.isoformat())
    assert done.returncode == 0, done.stderr[-2000:]
    assert DEMO_TITLE in section(done.stdout, "COMING UP")
    assert DEMO_TITLE in section(done.stdout, "REGISTRATION DEADLINES")


def test_preview_of_the_week_before_the_store_existed_claims_no_healthy_crawls(
    demo: Demo,
) -> None:
    done = confwatch(demo, "digest", "preview")  # the last complete week: before the demo ran
    assert done.returncode == 0, done.stderr[-2000:]
    assert "nothing new" in done.stdout.splitlines()[0]
    health = done.stdout.split("SOURCE HEALTH", 1)[1]
    assert "No crawl ran in this period" in health
    assert "successfully" not in health and "on time" not in health


def test_preview_of_the_demo_week_speaks_of_the_crawls_inside_it(demo: Demo) -> None:
    iso = dt.datetime.now(dt.UTC).date().isocalendar()
    done = confwatch(
        demo, "--config", str(demo.home / "demo.toml"), "digest", "preview", "--week",
        f"{iso.year}-W{iso.week:02d}",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "nothing new" not in done.stdout.splitlines()[0]
    health = done.stdout.split("SOURCE HEALTH", 1)[1]
    assert "All 5 sources crawled successfully in this period (5 crawls)." in health


def test_demo_calendar_has_an_upcoming_event(demo: Demo) -> None:
    calendar = icalendar.Calendar.from_ical((demo.home / "feeds" / "events.ics").read_bytes())
    today = dt.datetime.now(dt.UTC).date()
    upcoming = {
        str(e["SUMMARY"]) for e in calendar.walk("VEVENT") if _day(e.decoded("DTSTART")) >= today
    }
    assert any(DEMO_TITLE in summary for summary in upcoming), upcoming


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def test_demo_page_lists_the_demo_conference_under_upcoming(demo: Demo) -> None:
    page = parsel.Selector((demo.home / "feeds" / "index.html").read_text("utf-8"))
    titles = [t.strip() for t in page.css("#upcoming article h3 a::text").getall()]
    assert DEMO_TITLE in titles


def test_demo_site_is_labelled_fictional_in_what_confwatch_publishes(demo: Demo) -> None:
    done = confwatch(demo, "--config", str(demo.home / "demo.toml"), "sources", "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "fictional demo site" in done.stdout
    page = (demo.home / "feeds" / "index.html").read_text("utf-8")
    assert "Fictional demo event" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2026-12-01", "--week", "2026-W49"], "give one of them"),
        (["--week", "2026-W60"], "2026-W60"),
        (["--week", "week 49"], "not an ISO week"),
        (["--since", "2999-01-01"], "is in the future"),
    ],
)
def test_preview_refuses_a_period_it_cannot_cover(
    demo: Demo, args: list[str], message: str
) -> None:
    done = confwatch(demo, "digest", "preview", *args)
    assert done.returncode == 2
    assert message in done.stderr
