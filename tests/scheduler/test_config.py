"""Configuration is validated once; errors name file, source and field; secrets from the env."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from confwatch.errors import ConfigError
from confwatch.scheduler.config import load_settings, parse_duration

GOOD = """
[[sources]]
key = "mfa-example"
kind = "generic"
start_urls = ["https://mfa.example/en/news"]
follow = ['/en/news/\\d+']
every = "6h"
fields = { date_text = ".post-date::text" }
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "confwatch.toml"
    path.write_text(text, "utf-8")
    return path


def test_packaged_default_configuration_lists_the_real_sites() -> None:
    settings = load_settings(env={})
    urls = [u for s in settings.sources for u in s.start_urls]
    assert "https://www.un.org/counterterrorism/regional-conferences-0" in urls
    assert all(u.startswith("https://") for u in urls)
    assert {s.kind for s in settings.sources} >= {"osce", "unoct", "mfa-mn", "generic"}


def test_generic_source_is_read_with_its_selectors_and_schedule(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, GOOD), env={})
    (source,) = settings.sources
    assert source.every == dt.timedelta(hours=6)
    assert source.allowed_domains == ("mfa.example",)
    assert source.fields == {"date_text": ".post-date::text"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('every = "6h"', 'every = "6 hours"'),
            'confwatch.toml: sources[mfa-example].every: "6 hours": try',
        ),
        (
            ('kind = "generic"', 'kind = "spider"'),
            "sources[mfa-example].kind: 'spider' is not one of",
        ),
        (
            ('start_urls = ["https://mfa.example/en/news"]', 'start_urls = ["ftp://mfa.example/"]'),
            "sources[mfa-example].start_urls[0]: 'ftp://mfa.example/' is not an http(s) URL",
        ),
        (("follow = ['/en/news/\\d+']", "follow = ['(']"), "sources[mfa-example].follow[0]: '('"),
        (
            ('every = "6h"', 'cron = "61 * * * *"'),
            "sources[mfa-example].cron: '61 * * * *' is not a cron schedule",
        ),
        (('key = "mfa-example"', 'key = "MFA Example"'), "sources[0].key: 'MFA Example' must be"),
    ],
)
def test_bad_setting_is_refused_naming_file_source_and_field(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, GOOD.replace(old, new)), env={})
    assert message in str(err.value)
    assert err.value.exit_code == 2


def test_invalid_toml_and_missing_file_are_configuration_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(write(tmp_path, "[[sources]\nkey="), env={})
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_settings(tmp_path / "missing.toml", env={})


def test_duplicate_source_keys_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="defined twice"):
        load_settings(write(tmp_path, GOOD + GOOD), env={})


def test_database_defaults_to_sqlite_in_home_and_database_url_overrides(tmp_path: Path) -> None:
    home = tmp_path / "h"
    assert (
        load_settings(env={"CONFWATCH_HOME": str(home)}).database_url
        == f"sqlite:///{home / 'confwatch.db'}"
    )
    url = "postgresql://cw:s3cret@db/cw"
    settings = load_settings(env={"CONFWATCH_HOME": str(home), "DATABASE_URL": url})
    assert settings.database_url == url and not settings.embedded_database
    assert "s3cret" in settings.secrets()


def test_mail_settings_and_password_come_from_the_environment_only() -> None:
    env = {
        "CONFWATCH_SMTP_HOST": "smtp.example",
        "CONFWATCH_SMTP_PORT": "587",
        "CONFWATCH_SMTP_USER": "u",
        "CONFWATCH_SMTP_PASSWORD": "pw-123",
        "CONFWATCH_SMTP_SECURITY": "starttls",
        "CONFWATCH_MAIL_FROM": "cw@example.org",
    }
    mail = load_settings(env=env).mail
    assert (mail.host, mail.port, mail.security, mail.password, mail.mail_from) == (
        "smtp.example",
        587,
        "starttls",
        "pw-123",
        "cw@example.org",
    )
    with pytest.raises(ConfigError, match="CONFWATCH_SMTP_SECURITY"):
        load_settings(env={"CONFWATCH_SMTP_SECURITY": "tls1.3"})


@pytest.mark.parametrize(
    ("text", "seconds"), [("30m", 1800), ("6h", 21600), ("1d", 86400), ("1w", 604800), ("90s", 90)]
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text).total_seconds() == seconds
