"""Configuration: one TOML file for everything but secrets; secrets only from the environment.

``load_settings()`` validates the file once into typed dataclasses. It is the only place that reads
``os.environ``. Errors name the file, the source and the field, and exit with status 2::

    confwatch.toml: sources[mfa-example].every: "6 hours": try "6h"
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

from confwatch.errors import ConfigError
from confwatch.spiders.sources import CrawlSettings, SourceConfig
from confwatch.store.db import redact_url
from confwatch.store.subscribers import SubscriberSpec

KINDS = ("osce", "unoct", "mfa-mn", "generic")
DEFAULT_CONFIG = "default.toml"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


def parse_duration(text: str) -> dt.timedelta:
    """ "6h" -> 6 hours. Raises ValueError with a hint for anything else."""
    m = _DURATION.match(str(text))
    if not m:
        raise ValueError(f'"{text}": try "30m", "6h", "1d" or "1w"')
    return dt.timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2)])


@dataclass(frozen=True)
class FeedFilterConfig:
    name: str
    title: str
    organisers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedConfig:
    title: str = "confwatch: counter-terrorism and P/CVE conferences"
    base_url: str = "http://127.0.0.1:8080"
    max_entries: int = 200
    filters: tuple[FeedFilterConfig, ...] = ()
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


def _where(path: Path | None) -> str:
    return path.name if path else "default configuration"


class _Reader:
    """Reads one table of the TOML file, naming file and field in every error."""

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        self.table = table
        self.where = where

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}.{key}: {problem}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = self.table.get(key, default)
        if value is not None and not isinstance(value, kind):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise self.fail(key, f"{value!r} is not a {names}")
        return value

    def duration(self, key: str, default: dt.timedelta) -> dt.timedelta:
        value = self.table.get(key)
        if value is None:
            return default
        try:
            return parse_duration(value)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None

    def url_list(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, [])
        for v in values:
            parts = urlsplit(str(v))
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise self.fail(key, f"{v!r} is not an http(s) URL")
        return tuple(str(v) for v in values)


def _source(data: Mapping[str, Any], index: int, where: str) -> SourceConfig:
    key = data.get("key")
    if not isinstance(key, str) or not _KEY.match(key):
        raise ConfigError(
            f"{where}: sources[{index}].key: {key!r} must be lower-case letters, digits, - or _"
        )
    r = _Reader(data, f"{where}: sources[{key}]")
    kind = r.get("kind", str, "generic")
    if kind not in KINDS:
        raise r.fail("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    start_urls = r.url_list("start_urls")
    if not start_urls:
        raise r.fail("start_urls", "at least one URL is needed")
    domains = r.get("allowed_domains", list) or sorted(
        {urlsplit(u).hostname or "" for u in start_urls}
    )
    cron = r.get("cron", str)
    if cron is not None:
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger.from_crontab(cron)
        except ValueError as exc:
            raise r.fail("cron", f"{cron!r}: {exc}") from None
    follow = tuple(r.get("follow", list, []))
    for pattern in follow:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise r.fail("follow", f"{pattern!r}: {exc}") from None
    fields = r.get("fields", dict, {})
    max_pages = r.get("max_pages", int, 200)
    if max_pages < 1:
        raise r.fail("max_pages", "must be at least 1")
    return SourceConfig(
        key=key,
        kind=kind,
        name=r.get("name", str, key),
        organisation=r.get("organisation", str, ""),
        start_urls=start_urls,
        allowed_domains=tuple(str(d) for d in domains),
        every=r.duration("every", dt.timedelta(hours=6)),
        cron=cron,
        jitter=r.duration("jitter", dt.timedelta(minutes=5)),
        follow=follow,
        fields={str(k): str(v) for k, v in fields.items()},
        max_pages=max_pages,
        relevance=r.get("relevance", dict, {}),
        language=r.get("language", str),
        revisit_past=r.duration("revisit_past", dt.timedelta(days=30)),
        enabled=r.get("enabled", bool, True),
    )


def _crawl(data: Mapping[str, Any], where: str, env: Mapping[str, str]) -> CrawlSettings:
    r = _Reader(data, f"{where}: crawl")
    replay = env.get("CONFWATCH_REPLAY_URL") or r.get("replay_url", str)
    d = CrawlSettings()
    return CrawlSettings(
        user_agent=r.get("user_agent", str, d.user_agent),
        contact=r.get("contact", str),
        download_delay=_delay(env.get("CONFWATCH_DOWNLOAD_DELAY"))
        if env.get("CONFWATCH_DOWNLOAD_DELAY")
        else float(r.get("download_delay", (int, float), d.download_delay)),
        concurrency_per_domain=r.get("concurrency_per_domain", int, 1),
        timeout=float(r.get("timeout", (int, float), d.timeout)),
        max_page_bytes=r.get("max_page_bytes", int, d.max_page_bytes),
        retries=r.get("retries", int, d.retries),
        obey_robots=r.get("obey_robots", bool, True),
        replay_url=replay,
        crawl_timeout=r.duration("crawl_timeout", d.crawl_timeout),
        redis_url=_redis_url(env.get("CONFWATCH_REDIS_URL") or r.get("redis_url", str), where),
        redis_prefix=env.get("CONFWATCH_REDIS_PREFIX")
        or r.get("redis_prefix", str, d.redis_prefix),
    )


def _redis_url(url: str | None, where: str) -> str | None:
    """Distributed mode's Redis (decision 0004); None (off) when unset or empty."""
    if not url:
        return None
    if urlsplit(url).scheme not in ("redis", "rediss", "unix"):
        shown = redact_url(url)  # never echo a password, even in a URL we refuse
        raise ConfigError(f"{where}: crawl.redis_url: {shown!r}: use redis://HOST:PORT/DB")
    return url


def _delay(text: str | None) -> float:
    try:
        return max(0.0, float(text or 0))
    except ValueError:
        raise ConfigError(
            f"CONFWATCH_DOWNLOAD_DELAY: {text!r} is not a number of seconds"
        ) from None


def _mail(data: Mapping[str, Any], where: str, env: Mapping[str, str]) -> MailSettings:
    r = _Reader(data, f"{where}: mail")
    user = env.get("CONFWATCH_SMTP_USER") or None
    password = env.get("CONFWATCH_SMTP_PASSWORD") or None
    security = env.get("CONFWATCH_SMTP_SECURITY", "").strip().lower()
    if security and security not in SMTP_SECURITY:
        raise ConfigError(f"CONFWATCH_SMTP_SECURITY: {security!r}: use none, starttls or ssl")
    if not security:
        # Credentials never go over plain TCP unless the operator says "none" (mailer.py).
        implicit_tls = env.get("CONFWATCH_SMTP_PORT", "").strip() == "465"
        security = ("ssl" if implicit_tls else "starttls") if user else "none"
    port_text = env.get("CONFWATCH_SMTP_PORT") or ("465" if security == "ssl" else "25")
    if not port_text.isdigit():
        raise ConfigError(f"CONFWATCH_SMTP_PORT: {port_text!r} is not a port number")
    return MailSettings(
        host=env.get("CONFWATCH_SMTP_HOST") or None,
        port=int(port_text),
        user=user,
        password=password,
        security=security,
        mail_from=env.get("CONFWATCH_MAIL_FROM") or r.get("from", str, "confwatch@localhost"),
        operator=r.get("operator", str),
    )


def _service(data: Mapping[str, Any], where: str) -> ServiceSettings:
    r = _Reader(data, f"{where}: service")
    cron = r.get("digest_cron", str, ServiceSettings.digest_cron)
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(cron)
    except ValueError as exc:
        raise r.fail("digest_cron", f"{cron!r}: {exc}") from None
    grace = r.duration("misfire_grace", dt.timedelta(0))
    return ServiceSettings(digest_cron=cron, misfire_grace=grace or None)


def _feeds(data: Mapping[str, Any], where: str) -> FeedConfig:
    r = _Reader(data, f"{where}: feeds")
    d = FeedConfig()
    filters = []
    for i, item in enumerate(r.get("filters", list, [])):
        if not isinstance(item, dict):
            raise r.fail(f"filters[{i}]", "use [[feeds.filters]] tables")
        fr = _Reader(item, f"{where}: feeds.filters[{item.get('name', i)}]")
        name = fr.get("name", str)
        if not name or not _KEY.match(name):
            raise fr.fail("name", f"{name!r} must be lower-case letters, digits, - or _")
        lists = {
            k: tuple(str(v) for v in fr.get(k, list, []))
            for k in ("organisers", "countries", "topics", "keywords")
        }
        if not any(lists.values()):
            raise fr.fail("name", "a filter needs organisers, countries, topics or keywords")
        filters.append(FeedFilterConfig(name=name, title=fr.get("title", str, name), **lists))
    return FeedConfig(
        title=r.get("title", str, d.title),
        base_url=r.get("base_url", str, d.base_url).rstrip("/"),
        max_entries=r.get("max_entries", int, d.max_entries),
        filters=tuple(filters),
        automatic_filters=r.get("automatic_filters", bool, True),
        max_calendar_events=r.get("max_calendar_events", int, d.max_calendar_events),
    )


def read_config_text(path: Path | None) -> tuple[str, str]:
    """The TOML text and a name for messages; the packaged default when path is None."""
    if path is None:
        text = resources.files("confwatch.scheduler").joinpath(DEFAULT_CONFIG).read_text("utf-8")
        return text, "default configuration"
    try:
        return path.read_text("utf-8"), path.name
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def load_settings(
    config: str | Path | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Read and validate everything once; ``env`` defaults to ``os.environ``."""
    env = os.environ if env is None else env
    path_text = config or env.get("CONFWATCH_CONFIG")
    path = Path(path_text) if path_text else None
    text, where = read_config_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None
    sources_data = data.get("sources", [])
    if not isinstance(sources_data, list):
        raise ConfigError(f"{where}: sources: use [[sources]] tables")
    sources = tuple(_source(s, i, where) for i, s in enumerate(sources_data))
    seen: set[str] = set()
    for s in sources:
        if s.key in seen:
            raise ConfigError(f"{where}: sources[{s.key}].key: defined twice")
        seen.add(s.key)
    home = Path(env.get("CONFWATCH_HOME") or "var").resolve()
    log_format = env.get("CONFWATCH_LOG_FORMAT", "text")
    if log_format not in ("text", "json"):
        raise ConfigError(f"CONFWATCH_LOG_FORMAT: {log_format!r}: use text or json")
    return Settings(
        home=home,
        database_url=env.get("DATABASE_URL") or default_database_url(home),
        config_path=path,
        crawl=_crawl(data.get("crawl", {}), where, env),
        feeds=_feeds(data.get("feeds", {}), where),
        mail=_mail(data.get("mail", {}), where, env),
        sources=sources,
        log_format=log_format,
        service=_service(data.get("service", {}), where),
        digest=_digest(data.get("digest", {}), where),
        subscribers=_subscribers(data.get("subscribers", []), where),
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


def valid_email(text: str) -> str:
    """The normalised address, or ValueError saying what is wrong with it."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(text, check_deliverability=False).normalized)
    except EmailNotValidError as exc:
        raise ValueError(f"{text!r} is not a valid email address: {exc}") from None


def _digest(data: Mapping[str, Any], where: str) -> DigestSettings:
    r = _Reader(data, f"{where}: digest")
    empty = r.get("empty", str, "skip")
    if empty not in DIGEST_EMPTY:
        raise r.fail("empty", f"{empty!r}: use skip or send")
    base_url = r.get("base_url", str)
    url = r.get("unsubscribe_url", str)
    for key, value in (("base_url", base_url), ("unsubscribe_url", url)):
        if value is not None and urlsplit(value).scheme not in ("http", "https"):
            raise r.fail(key, f"{value!r} is not an http(s) URL")
    mailto = r.get("unsubscribe_mailto", str)
    if mailto is not None:
        try:
            mailto = valid_email(mailto)
        except ValueError as exc:
            raise r.fail("unsubscribe_mailto", str(exc)) from None
    return DigestSettings(
        empty=empty,
        base_url=base_url.rstrip("/") if base_url else None,
        subject_prefix=r.get("subject_prefix", str, DigestSettings.subject_prefix),
        unsubscribe_mailto=mailto,
        unsubscribe_url=url,
    )


def _words(r: _Reader, key: str) -> list[str]:
    values = r.get(key, list, [])
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise r.fail(key, "must be a list of non-empty strings")
    return [v.strip() for v in values]


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


def _subscribers(data: Any, where: str) -> tuple[SubscriberSpec, ...]:
    if not isinstance(data, list):
        raise ConfigError(f"{where}: subscribers: use [[subscribers]] tables")
    out: list[SubscriberSpec] = []
    for index, table in enumerate(data):
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: subscribers[{index}]: use [[subscribers]] tables")
        label = table.get("email")
        r = _Reader(table, f"{where}: subscribers[{label or index}]")
        email = r.get("email", str)
        if not email:
            raise r.fail("email", "required")
        spec = subscriber_spec(r, email, r.get("frequency", str, "weekly"), _words(r, "countries"))
        spec.name = r.get("name", str)
        spec.organisers = _words(r, "organisers")
        spec.topics = _words(r, "topics")
        spec.keywords = _words(r, "keywords")
        spec.health_notes = r.get("health_notes", bool, False)
        if spec.email.lower() in {s.email.lower() for s in out}:
            raise r.fail("email", "listed twice")
        out.append(spec)
    return tuple(out)
