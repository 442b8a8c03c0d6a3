"""Configuration: one TOML file for everything but secrets; secrets only from the environment.

``load_settings()`` validates the file once against the schema (``config_schema.py``: strict
types, unknown keys refused, bounded numbers, URLs, regexes, selectors and cron checked) and
builds the typed dataclasses below. It is the only place that reads ``os.environ``. Errors name
the file, the source and the field, and exit with status 2::

    confwatch.toml: sources[mfa-example].every: "6 hours": try "6h"

``check_config()`` finds every problem at once (``confwatch config check``); ``load_settings``
reports the first and how many more there are.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from confwatch.errors import ConfigError
from confwatch.feeds.filters import FeedFilter
from confwatch.scheduler.config_problems import Loc, Problem, cross_checks, problems_of
from confwatch.scheduler.config_schema import (
    KINDS,
    ConfigFile,
    SourceTable,
    parse_duration,
    valid_email,
)
from confwatch.spiders.sources import CrawlSettings, SourceConfig
from confwatch.store.subscribers import SubscriberSpec

__all__ = ["KINDS", "parse_duration"]  # re-exported: the schema's, named where they always were

DEFAULT_CONFIG = "default.toml"
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")

#: Variables that override a value of the file; a problem with one names the variable.
ENV_OVERRIDES: dict[str, tuple[str, str]] = {
    "CONFWATCH_REPLAY_URL": ("crawl", "replay_url"),
    "CONFWATCH_DOWNLOAD_DELAY": ("crawl", "download_delay"),
    "CONFWATCH_REDIS_URL": ("crawl", "redis_url"),
    "CONFWATCH_REDIS_PREFIX": ("crawl", "redis_prefix"),
    "CONFWATCH_MAIL_FROM": ("mail", "from"),
}


@dataclass(frozen=True)
class FeedConfig:
    title: str = "confwatch: counter-terrorism and P/CVE conferences"
    base_url: str = "http://127.0.0.1:8080"
    max_entries: int = 200
    filters: tuple[FeedFilter, ...] = ()  # [[feeds.filters]], as the feeds read them
    automatic_filters: bool = True
    max_calendar_events: int = 1000


@dataclass(frozen=True)
class ServiceSettings:
    digest_cron: str = "0 7 * * mon"  # the weekly digest job (UTC)
    misfire_grace: dt.timedelta | None = None  # default: half of each source's interval


SMTP_SECURITY = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class MailSettings:
    host: str | None = None
    port: int = 25
    user: str | None = None
    password: str | None = None
    # "none" | "starttls" | "ssl"; unset: starttls (ssl on port 465) with credentials, else none
    security: str = "none"
    mail_from: str = "confwatch@localhost"
    operator: str | None = None


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    config_path: Path | None  # None: the packaged default
    crawl: CrawlSettings
    feeds: FeedConfig
    mail: MailSettings
    sources: tuple[SourceConfig, ...]
    log_format: str = "text"
    service: ServiceSettings = field(default_factory=ServiceSettings)
    digest: DigestSettings = field(default_factory=lambda: DigestSettings())
    subscribers: tuple[SubscriberSpec, ...] = ()

    @property
    def feeds_dir(self) -> Path:
        return self.home / "feeds"

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"

    @property
    def embedded_database(self) -> bool:
        """True when the store is the SQLite file inside CONFWATCH_HOME (we may migrate it)."""
        return self.database_url == default_database_url(self.home)

    def source(self, key: str) -> SourceConfig:
        for s in self.sources:
            if s.key == key:
                return s
        known = ", ".join(s.key for s in self.sources)
        raise ConfigError(f"unknown source {key!r} (known: {known})")

    def secrets(self) -> list[str]:
        """Values that must never appear in logs or output."""
        out = [self.mail.password] if self.mail.password else []
        pw = urlsplit(self.database_url).password
        if pw:
            out.append(pw)
        redis_pw = urlsplit(self.crawl.redis_url).password if self.crawl.redis_url else None
        if redis_pw:
            out.append(redis_pw)
        return out


def default_database_url(home: Path) -> str:
    return f"sqlite:///{home / 'confwatch.db'}"


def read_config_text(path: Path | None) -> tuple[str, str]:
    """The TOML text and a name for messages; the packaged default when path is None."""
    if path is None:
        text = resources.files("confwatch.scheduler").joinpath(DEFAULT_CONFIG).read_text("utf-8")
        return text, "default configuration"
    try:
        return path.read_text("utf-8"), path.name
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


@dataclass(frozen=True)
class Checked:
    """A configuration checked: its problems, and its settings when it has none."""

    path: Path | None
    where: str
    problems: tuple[Problem, ...]
    settings: Settings | None


def config_path(config: str | Path | None, env: Mapping[str, str]) -> Path | None:
    path_text = config or env.get("CONFWATCH_CONFIG")
    return Path(path_text) if path_text else None


def check_config(config: str | Path | None = None, env: Mapping[str, str] | None = None) -> Checked:
    """Every problem of the configuration (file and environment) at once, in a stable order.

    A file that cannot be read or is not TOML raises ``ConfigError``: nothing else can be said."""
    env = os.environ if env is None else env
    path = config_path(config, env)
    text, where = read_config_text(path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None
    merged, from_env = _with_environment(raw, env)
    crawl = merged.get("crawl")
    replay = bool(isinstance(crawl, Mapping) and crawl.get("replay_url"))
    model: ConfigFile | None = None
    problems = cross_checks(merged, where)
    try:
        model = ConfigFile.model_validate(merged, context={"replay": replay})
    except ValidationError as exc:
        problems += problems_of(exc, merged, where, from_env)
    problems += _environment_problems(env)
    problems.sort(key=lambda p: (p.variable is None, p.field, p.message))
    if problems or model is None:
        return Checked(path, where, tuple(problems), None)
    return Checked(path, where, (), _settings(model, merged, path, env))


def load_settings(
    config: str | Path | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Read and validate everything once; ``env`` defaults to ``os.environ``."""
    checked = check_config(config, env)
    if checked.settings is None:
        first, more = checked.problems[0], len(checked.problems) - 1
        rest = f" (and {more} more problem{'s' if more > 1 else ''}: confwatch config check)"
        raise ConfigError(f"{first}{rest if more else ''}")
    return checked.settings


# -- the environment ----------------------------------------------------------------------------


def _with_environment(
    raw: dict[str, Any], env: Mapping[str, str]
) -> tuple[dict[str, Any], dict[Loc, str]]:
    """The file's tables with the variables that override values put in, and where each went."""
    merged = dict(raw)
    from_env: dict[Loc, str] = {}
    for variable, (table, key) in ENV_OVERRIDES.items():
        text = env.get(variable)
        if not text:
            continue
        section = merged.get(table, {})
        if not isinstance(section, dict):
            continue  # the schema reports the table itself
        value: Any = _number(text) if key == "download_delay" else text
        merged[table] = {**section, key: value}
        from_env[(table, key)] = variable
    return merged, from_env


def _number(text: str) -> Any:
    """A number as TOML would read it (2 or 2.5); the text itself when it is none."""
    text = text.strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    try:
        return float(text)
    except ValueError:
        return text


def _environment_problems(env: Mapping[str, str]) -> list[Problem]:
    out = []
    security = env.get("CONFWATCH_SMTP_SECURITY", "").strip().lower()
    if security and security not in SMTP_SECURITY:
        out.append(
            _env_problem("CONFWATCH_SMTP_SECURITY", f"{security!r}: use none, starttls or ssl")
        )
    port = env.get("CONFWATCH_SMTP_PORT", "").strip()
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        out.append(_env_problem("CONFWATCH_SMTP_PORT", f"{port!r} is not a port number"))
    log_format = env.get("CONFWATCH_LOG_FORMAT", "text")
    if log_format not in ("text", "json"):
        out.append(_env_problem("CONFWATCH_LOG_FORMAT", f"{log_format!r}: use text or json"))
    return out


def _env_problem(variable: str, message: str) -> Problem:
    return Problem("environment", "", message, variable=variable)


def _mail(table: Any, env: Mapping[str, str]) -> MailSettings:
    user = env.get("CONFWATCH_SMTP_USER") or None
    security = env.get("CONFWATCH_SMTP_SECURITY", "").strip().lower()
    if not security:
        # Credentials never go over plain TCP unless the operator says "none" (mailer.py).
        implicit_tls = env.get("CONFWATCH_SMTP_PORT", "").strip() == "465"
        security = ("ssl" if implicit_tls else "starttls") if user else "none"
    port_text = env.get("CONFWATCH_SMTP_PORT", "").strip() or ("465" if security == "ssl" else "25")
    return MailSettings(
        host=env.get("CONFWATCH_SMTP_HOST") or None,
        port=int(port_text),
        user=user,
        password=env.get("CONFWATCH_SMTP_PASSWORD") or None,
        security=security,
        mail_from=table.mail_from,
        operator=table.operator,
    )


# -- settings from the checked file -------------------------------------------------------------


def _settings(
    model: ConfigFile, raw: Mapping[str, Any], path: Path | None, env: Mapping[str, str]
) -> Settings:
    home = Path(env.get("CONFWATCH_HOME") or "var").resolve()
    raw_sources = raw.get("sources", [])
    return Settings(
        home=home,
        database_url=env.get("DATABASE_URL") or default_database_url(home),
        config_path=path,
        crawl=_crawl(model),
        feeds=_feeds(model),
        mail=_mail(model.mail, env),
        sources=tuple(_source(t, raw_sources[i]) for i, t in enumerate(model.sources)),
        log_format=env.get("CONFWATCH_LOG_FORMAT", "text"),
        service=ServiceSettings(
            digest_cron=model.service.digest_cron,
            misfire_grace=model.service.misfire_grace or None,
        ),
        digest=_digest(model),
        subscribers=tuple(
            SubscriberSpec(
                email=s.email,
                name=s.name,
                frequency=s.frequency,
                organisers=list(s.organisers),
                countries=list(s.countries),
                topics=list(s.topics),
                keywords=list(s.keywords),
                health_notes=s.health_notes,
            )
            for s in model.subscribers
        ),
    )


def _crawl(model: ConfigFile) -> CrawlSettings:
    c = model.crawl
    return CrawlSettings(
        user_agent=c.user_agent,
        contact=c.contact,
        download_delay=float(c.download_delay),
        concurrency_per_domain=c.concurrency_per_domain,
        timeout=float(c.timeout),
        max_page_bytes=c.max_page_bytes,
        retries=c.retries,
        obey_robots=c.obey_robots,
        replay_url=c.replay_url,
        crawl_timeout=c.crawl_timeout,
        redis_url=c.redis_url or None,
        redis_prefix=c.redis_prefix,
        allow_private=tuple(c.allow_private),
    )


def _source(table: SourceTable, raw: Mapping[str, Any]) -> SourceConfig:
    start_urls = tuple(table.start_urls)
    domains = table.allowed_domains or sorted({urlsplit(u).hostname or "" for u in start_urls})
    return SourceConfig(
        key=table.key,
        kind=table.kind,
        name=table.name or table.key,
        organisation=table.organisation,
        start_urls=start_urls,
        allowed_domains=tuple(domains),
        every=table.every or dt.timedelta(hours=6),
        cron=table.cron,
        jitter=table.jitter,
        follow=tuple(table.follow),
        # As written (checked by the schema): the extraction tag hashes exactly these.
        fields={str(k): str(v) for k, v in raw.get("fields", {}).items()},
        max_pages=table.max_pages,
        relevance=dict(raw.get("relevance", {})),
        language=table.language,
        revisit_past=table.revisit_past,
        enabled=table.enabled,
        allow_private=tuple(table.allow_private),
    )


def _feeds(model: ConfigFile) -> FeedConfig:
    f = model.feeds
    return FeedConfig(
        title=f.title,
        base_url=f.base_url.rstrip("/"),
        max_entries=f.max_entries,
        filters=tuple(
            FeedFilter(
                name=t.name,
                title=t.title or t.name,
                organisers=tuple(t.organisers),
                countries=tuple(t.countries),
                topics=tuple(t.topics),
                keywords=tuple(t.keywords),
            )
            for t in f.filters
        ),
        automatic_filters=f.automatic_filters,
        max_calendar_events=f.max_calendar_events,
    )


def _digest(model: ConfigFile) -> DigestSettings:
    d = model.digest
    return DigestSettings(
        empty=d.empty,
        base_url=d.base_url.rstrip("/") if d.base_url else None,
        subject_prefix=d.subject_prefix,
        unsubscribe_mailto=d.unsubscribe_mailto,
        unsubscribe_url=d.unsubscribe_url,
    )


# -- the digest and its subscribers (issue 6) ---------------------------------------------------

DIGEST_EMPTY = ("skip", "send")
FREQUENCIES = ("weekly", "daily")


@dataclass(frozen=True)
class DigestSettings:
    empty: str = "skip"  # an empty digest: "skip" (record it, send nothing) or "send"
    base_url: str | None = None  # links in the digest; default: [feeds].base_url
    subject_prefix: str = "[confwatch]"
    unsubscribe_mailto: str | None = None  # default: the From address
    unsubscribe_url: str | None = None  # with "{email}"; only if a web page really handles it


class _Reader:
    """Names a place in messages for ``subscriber_spec`` (``subscribers add`` uses it too)."""

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        self.table = table
        self.where = where

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}.{key}: {problem}")


def subscriber_spec(r: _Reader, email: str, frequency: str, countries: list[str]) -> SubscriberSpec:
    """Validated subscriber fields; errors name ``r.where`` and the field."""
    try:
        email = valid_email(email)
    except ValueError as exc:
        raise r.fail("email", str(exc)) from None
    if frequency not in FREQUENCIES:
        raise r.fail("frequency", f"{frequency!r}: use weekly or daily")
    for code in countries:
        if not re.fullmatch(r"[A-Za-z]{2}", code):
            raise r.fail("countries", f"{code!r} is not an ISO 3166 two-letter code (AT, MN, ...)")
    upper = [c.upper() for c in countries]
    return SubscriberSpec(email=email, frequency=frequency, countries=upper)
