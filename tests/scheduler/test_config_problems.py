"""Strict configuration: every mistake an operator makes is refused at load, naming file, source
and field, and ``confwatch config check [FILE]`` lists every problem at once (exit 2).

The table below is the issue's 22 broken configurations (and a few more), each written as the one
change an operator makes to a good file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.errors import ConfigError
from confwatch.scheduler.cli import main
from confwatch.scheduler.config import load_settings
from confwatch.scheduler.config_schema import cron_shortest_gap, show_duration

REPO = Path(__file__).resolve().parents[2]

GOOD = """\
[crawl]
download_delay = 2.0
timeout = 30
max_page_bytes = 5000000
retries = 2

[feeds]
base_url = "https://confwatch.example.org"

[service]
digest_cron = "0 7 * * mon"

[[sources]]
key = "mfa-example"
kind = "generic"
start_urls = ["https://mfa.example/en/news"]
follow = ['/en/news/\\d+']
every = "6h"
max_pages = 50
enabled = true
fields = { date_text = ".post-date::text", place_text = "span.location::text" }

[[subscribers]]
email = "analyst@example.org"
"""

SOURCE = GOOD[GOOD.index("[[sources]]") : GOOD.index("[[subscribers]]")]

# (id, text replaced, replacement, field named, words the message must hold)
BROKEN = [
    # The six that loaded with exit 0 before.
    (
        "typo-key",
        'every = "6h"',
        'evry = "1d"',
        "sources[mfa-example].evry",
        'did you mean "every"',
    ),
    (
        "typo-crawl-key",
        "download_delay = 2.0",
        "downlod_delay = 2.0",
        "crawl.downlod_delay",
        'did you mean "download_delay"',
    ),
    ("typo-section", "[service]", "[servce]", "servce", 'unknown section; did you mean "service"'),
    (
        "every-and-cron",
        'every = "6h"',
        'every = "6h"\ncron = "0 6 * * *"',
        "sources[mfa-example].cron",
        "every and cron",
    ),
    (
        "host-with-space",
        '["https://mfa.example/en/news"]',
        '["https://mfa example/en/news"]',
        "sources[mfa-example].start_urls[0]",
        "'mfa example' is not a host name",
    ),
    (
        "bad-css",
        '"span.location::text"',
        '"span.location[::text"',
        "sources[mfa-example].fields.place_text",
        "'span.location[::text' is not a valid CSS selector",
    ),
    # Values that made crawling impolite or unbounded.
    ("every-0s", 'every = "6h"', 'every = "0s"', "sources[mfa-example].every", "at least 5m"),
    (
        "negative-delay",
        "download_delay = 2.0",
        "download_delay = -5",
        "crawl.download_delay",
        "-5: must be at least 0",
    ),
    (
        "no-size-cap",
        "max_page_bytes = 5000000",
        "max_page_bytes = 0",
        "crawl.max_page_bytes",
        "0 would mean no limit",
    ),
    ("no-timeout", "timeout = 30", "timeout = 0", "crawl.timeout", "0: must be at least 1"),
    (
        "endless-retries",
        "retries = 2",
        "retries = 100000",
        "crawl.retries",
        "100000: must be at most 10",
    ),
    (
        "javascript-base-url",
        'base_url = "https://confwatch.example.org"',
        'base_url = "javascript:alert(1)"',
        "feeds.base_url",
        "'javascript:alert(1)' is not an http(s) URL",
    ),
    # Others operators really make.
    (
        "wrong-type",
        "download_delay = 2.0",
        'download_delay = "2s"',
        "crawl.download_delay",
        "'2s' is not a number: write seconds as 2 or 2.5",
    ),
    (
        "unknown-kind",
        'kind = "generic"',
        'kind = "spider"',
        "sources[mfa-example].kind",
        "'spider' is not one of mfa-mn, osce, unoct, generic",
    ),
    (
        "duplicate-key",
        "[[subscribers]]",
        SOURCE + "[[subscribers]]",
        "sources[mfa-example].key",
        "defined twice",
    ),
    (
        "bad-cron",
        'every = "6h"',
        'cron = "61 * * * *"',
        "sources[mfa-example].cron",
        "'61 * * * *' is not a cron schedule",
    ),
    (
        "url-without-scheme",
        '["https://mfa.example/en/news"]',
        '["mfa.example/en/news"]',
        "sources[mfa-example].start_urls[0]",
        "'mfa.example/en/news' is not an http(s) URL: try 'https://mfa.example/en/news'",
    ),
    (
        "follow-regex",
        "follow = ['/en/news/\\d+']",
        "follow = ['/en/news/(\\d+']",
        "sources[mfa-example].follow[0]",
        "'/en/news/(\\\\d+' is not a regular expression",
    ),
    (
        "bad-xpath",
        '".post-date::text"',
        "\"//div[@class='date'\"",
        "sources[mfa-example].fields.date_text",
        "is not a valid XPath",
    ),
    (
        "no-start-urls",
        '["https://mfa.example/en/news"]',
        "[]",
        "sources[mfa-example].start_urls",
        "at least one URL is needed",
    ),
    (
        "unknown-section",
        "[feeds]",
        '[logging]\nlevel = "debug"\n\n[feeds]',
        "logging",
        "unknown section",
    ),
    (
        "negative-max-pages",
        "max_pages = 50",
        "max_pages = -1",
        "sources[mfa-example].max_pages",
        "-1: must be at least 1",
    ),
    # A few more.
    (
        "unknown-selector-field",
        'date_text = ".post-date::text"',
        'date = ".post-date::text"',
        "sources[mfa-example].fields.date",
        'did you mean "date_text"',
    ),
    (
        "yes-for-true",
        "enabled = true",
        'enabled = "yes"',
        "sources[mfa-example].enabled",
        "'yes' is not true or false",
    ),
    (
        "key-with-spaces",
        'key = "mfa-example"',
        'key = "MFA Example"',
        "sources[0].key",
        "'MFA Example' must be lower-case letters, digits, - or _",
    ),
    (
        "private-start-url",
        '["https://mfa.example/en/news"]',
        '["http://10.0.0.7/news"]',
        "sources[mfa-example].start_urls[0]",
        'allow_private = ["10.0.0.7"]',
    ),
    (
        "bad-allow-entry",
        'kind = "generic"',
        'kind = "generic"\nallow_private = ["10.0.0.0/33"]',
        "sources[mfa-example].allow_private[0]",
        "'10.0.0.0/33' is neither a host name nor a network",
    ),
    (
        "bad-digest-cron",
        'digest_cron = "0 7 * * mon"',
        'digest_cron = "weekly"',
        "service.digest_cron",
        "'weekly' is not a cron schedule",
    ),
    (
        "bad-subscriber",
        'email = "analyst@example.org"',
        'email = "analyst.example.org"',
        "subscribers[analyst.example.org].email",
        "is not a valid email address",
    ),
    (
        "cron-every-minute",
        'every = "6h"',
        'cron = "* * * * *"',
        "sources[mfa-example].cron",
        "'* * * * *' runs 1m apart: must be at least 5m",
    ),
    ("sources-as-table", "[[sources]]", "[sources]", "sources", "use [[sources]] tables"),
    (
        "too-much-concurrency",
        "retries = 2",
        "retries = 2\nconcurrency_per_domain = 100",
        "crawl.concurrency_per_domain",
        "100: must be at most 8",
    ),
]
SIX = ["typo-key", "typo-crawl-key", "typo-section", "every-and-cron", "host-with-space", "bad-css"]


def write(tmp_path: Path, text: str, name: str = "confwatch.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def broken(old: str, new: str) -> str:
    assert GOOD.count(old) == 1, old
    return GOOD.replace(old, new)


@pytest.fixture
def runner(home: Path) -> CliRunner:
    return CliRunner()


def test_the_good_file_passes_the_check(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["config", "check", str(write(tmp_path, GOOD))])
    assert result.exit_code == 0, result.output
    assert result.stdout == "confwatch.toml: no problems (1 source, 1 enabled)\n"


@pytest.mark.parametrize(
    ("old", "new", "where", "words"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN]
)
def test_broken_configuration_fails_the_check_naming_file_source_and_field(
    runner: CliRunner, tmp_path: Path, old: str, new: str, where: str, words: str
) -> None:
    path = write(tmp_path, broken(old, new))
    result = runner.invoke(main, ["config", "check", str(path)])
    assert result.exit_code == 2, result.output
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"confwatch.toml: {where}: ") and words in line for line in lines), (
        result.stdout
    )
    assert result.stderr.startswith("Error: confwatch.toml: ")


@pytest.mark.parametrize(
    ("old", "new", "where", "words"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN]
)
def test_broken_configuration_is_refused_at_load(
    tmp_path: Path, old: str, new: str, where: str, words: str
) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, broken(old, new)), env={})
    assert err.value.exit_code == 2
    assert str(err.value).startswith("confwatch.toml: ")


@pytest.mark.parametrize("case", SIX)
def test_the_six_silent_mistakes_now_stop_every_command_with_exit_2(
    runner: CliRunner, tmp_path: Path, case: str
) -> None:
    (_, old, new, where, words) = next(c for c in BROKEN if c[0] == case)
    path = write(tmp_path, broken(old, new))
    result = runner.invoke(main, ["--config", str(path), "sources"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: confwatch.toml: {where}: ") and words in line, line


def test_check_lists_every_problem_at_once(runner: CliRunner, tmp_path: Path) -> None:
    text = (
        GOOD.replace('every = "6h"', 'evry = "1d"')
        .replace("download_delay = 2.0", "download_delay = -5")
        .replace("[service]", "[servce]")
        .replace('"span.location::text"', '"span.location[::text"')
    )
    result = runner.invoke(main, ["config", "check", str(write(tmp_path, text))])
    assert result.exit_code == 2
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == [
        "crawl.download_delay",
        "servce",
        "sources[mfa-example].evry",
        "sources[mfa-example].fields.place_text",
    ]
    assert result.stderr == "Error: confwatch.toml: 4 problems (listed above)\n"


def test_a_command_names_the_first_problem_and_how_to_see_the_rest(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = GOOD.replace('every = "6h"', 'evry = "1d"').replace("retries = 2", "retries = -1")
    result = runner.invoke(main, ["--config", str(write(tmp_path, text)), "sources"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: confwatch.toml: crawl.retries: -1: must be at least 0"
        " (and 1 more problem: confwatch config check)\n"
    )


def test_check_json_lists_the_problems_with_their_fields(runner: CliRunner, tmp_path: Path) -> None:
    text = GOOD.replace('every = "6h"', 'evry = "1d"')
    result = runner.invoke(main, ["config", "check", str(write(tmp_path, text)), "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {
        "file": str(tmp_path / "confwatch.toml"),
        "ok": False,
        "problems": [
            {
                "source": "mfa-example",
                "field": "sources[mfa-example].evry",
                "message": 'unknown setting; did you mean "every"?',
            }
        ],
    }


def test_check_without_a_file_checks_the_configured_one(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("retries = 2", "retries = 11"), "mine.toml")
    result = runner.invoke(main, ["--config", str(path), "config", "check"])
    assert result.exit_code == 2
    assert result.stdout == "mine.toml: crawl.retries: 11: must be at most 10\n"


def test_check_of_a_missing_file_or_invalid_toml_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(main, ["config", "check", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 2
    assert "configuration file not found" in missing.output
    bad = runner.invoke(main, ["config", "check", str(write(tmp_path, "[[sources]\nkey="))])
    assert bad.exit_code == 2
    assert "confwatch.toml: not valid TOML" in bad.output


@pytest.mark.parametrize(
    "path",
    [None, REPO / "deploy" / "confwatch.example.toml"],
    ids=["packaged-default", "deploy-example"],
)
def test_shipped_configurations_pass_the_check(runner: CliRunner, path: Path | None) -> None:
    result = runner.invoke(main, ["config", "check", *([str(path)] if path else [])])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stdout


def test_short_intervals_are_for_replay_mode_only(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('every = "6h"', 'every = "3s"'))
    with pytest.raises(ConfigError, match=r"sources\[mfa-example\]\.every: '3s': must be at least"):
        load_settings(path, env={})
    replayed = load_settings(path, env={"CONFWATCH_REPLAY_URL": "http://127.0.0.1:8765"})
    assert replayed.sources[0].every.total_seconds() == 3


@pytest.mark.parametrize(
    ("cron", "gap"),
    [
        ("*/5 * * * *", "5m"),
        ("0 6 * * *", "1d"),
        ("0 */6 * * *", "6h"),
        ("0 7 * * mon", "1d"),  # only the minute and hour fields make runs less than a day apart
        ("0-4 9 * * *", "1m"),
        ("0,58 0,23 * * *", "2m"),  # 23:58 and 00:00 the next day
    ],
)
def test_a_cron_schedules_shortest_gap_between_runs(cron: str, gap: str) -> None:
    assert show_duration(cron_shortest_gap(cron)) == gap


def test_a_cron_schedule_is_held_to_the_interval_bound_except_in_replay_mode(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, GOOD.replace('every = "6h"', 'cron = "*/2 * * * *"'))
    with pytest.raises(
        ConfigError, match=r"sources\[mfa-example\]\.cron: '\*/2 \* \* \* \*' runs 2m apart"
    ):
        load_settings(path, env={})
    replayed = load_settings(path, env={"CONFWATCH_REPLAY_URL": "http://127.0.0.1:8765"})
    assert replayed.sources[0].cron == "*/2 * * * *"
    polite = write(tmp_path, GOOD.replace('every = "6h"', 'cron = "*/5 * * * *"'), "ok.toml")
    assert load_settings(polite, env={}).sources[0].cron == "*/5 * * * *"


def test_environment_overrides_are_checked_naming_the_variable() -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(env={"CONFWATCH_DOWNLOAD_DELAY": "-5"})
    assert str(err.value) == (
        "CONFWATCH_DOWNLOAD_DELAY (crawl.download_delay): -5: must be at least 0"
    )
    with pytest.raises(
        ConfigError,
        match=r"CONFWATCH_DOWNLOAD_DELAY \(crawl\.download_delay\): 'soon' is not a number",
    ):
        load_settings(env={"CONFWATCH_DOWNLOAD_DELAY": "soon"})
    assert load_settings(env={"CONFWATCH_DOWNLOAD_DELAY": "0"}).crawl.download_delay == 0.0


def test_a_refused_redis_url_is_never_echoed_with_its_password(tmp_path: Path) -> None:
    path = write(
        tmp_path, GOOD.replace("retries = 2", 'retries = 2\nredis_url = "http://:pw-9@r/0"')
    )
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert "crawl.redis_url" in str(err.value) and "pw-9" not in str(err.value)
