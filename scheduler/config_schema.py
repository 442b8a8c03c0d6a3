"""The configuration file's schema: one pydantic model per table, with every bound and check.

``config.load_settings`` validates the TOML document against ``ConfigFile`` once (strict types,
unknown keys refused) and builds the ``Settings`` dataclasses from it; ``config_docs`` renders the
reference tables of docs/configuration.md from these same fields, so the two cannot drift.

Each field says what it means (``description``) and, where the plain default or type would not
tell a reader enough, ``default_text`` and ``allowed`` (shown in the docs), ``why`` (added to a
bound's error) or ``messages`` (an error worded for this field). Bounds keep crawling polite and
bounded: no interval below 5 minutes against real sites, no negative delay, a size cap that is
never "no limit", a finite timeout and a few retries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from confwatch.spiders.field_selectors import selector_problem
from confwatch.spiders.safety import allow_entry_problem, host_address, host_name_problem
from confwatch.spiders.sites import KINDS as KINDS  # the one list; config.py re-exports it

if TYPE_CHECKING:
    Kind = str
else:
    # One module of spiders/sites/ per kind, plus "generic": a Literal built at run time (so a
    # wrong kind is refused with the list), which mypy cannot read.
    Kind = Literal[KINDS]

KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"
_KEY = re.compile(KEY_PATTERN)
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
#: Against real sites a source is crawled at most this often; replay mode (a local recorded
#: site: tests, the demo) may go down to a second.
MIN_EVERY = dt.timedelta(minutes=5)
MIN_EVERY_REPLAY = dt.timedelta(seconds=1)


def problem(message: str) -> PydanticCustomError:
    """A validation error whose message is shown as written."""
    return PydanticCustomError("confwatch", "{message}", {"message": message})


def parse_duration(text: str) -> dt.timedelta:
    """ "6h" -> 6 hours. Raises ValueError with a hint for anything else."""
    m = _DURATION.match(str(text))
    if not m:
        raise ValueError(f'"{text}": try "30m", "6h", "1d" or "1w"')
    return dt.timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2)])


def show_duration(value: dt.timedelta) -> str:
    """The shortest way to write ``value`` in the file's own units: 300 s -> "5m"."""
    seconds = value.total_seconds()
    for unit, size in sorted(_UNITS.items(), key=lambda u: -u[1]):
        if seconds and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


# -- value types --------------------------------------------------------------------------------


def _duration(value: Any) -> dt.timedelta:
    if isinstance(value, dt.timedelta):
        return value
    if not isinstance(value, str):
        raise problem(f'{value!r} is not a duration: write "90s", "30m", "6h", "1d" or "1w"')
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise problem(str(exc)) from None


def duration_between(low: dt.timedelta, high: dt.timedelta) -> AfterValidator:
    def check(value: dt.timedelta) -> dt.timedelta:
        if value < low:
            raise problem(f"{show_duration(value)!r}: must be at least {show_duration(low)}")
        if value > high:
            raise problem(f"{show_duration(value)!r}: must be at most {show_duration(high)}")
        return value

    return AfterValidator(check)


Duration = Annotated[dt.timedelta, BeforeValidator(_duration)]


def _http_url(value: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is no port
    except ValueError as exc:
        raise problem(f"{value!r} is not a URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        hint = f": try {'https://' + value!r}" if not parts.scheme and "." in value else ""
        raise problem(f"{value!r} is not an http(s) URL{hint}")
    if not host:
        raise problem(f"{value!r} has no host")
    if host_address(host) is None and host_name_problem(host):
        raise problem(f"{value!r}: {host_name_problem(host)}")
    if any(c.isspace() for c in value):
        raise problem(f"{value!r} holds white space: write it as %20")
    return value


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise problem(f"{value!r} is not a regular expression: {exc}") from None
    return value


def _selector(value: str) -> str:
    why = selector_problem(value)
    if why:
        raise problem(why)
    return value


def _cron(value: str) -> str:
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(value)
    except ValueError as exc:
        raise problem(f"{value!r} is not a cron schedule: {exc}") from None
    return value


def cron_shortest_gap(value: str) -> dt.timedelta:
    """The shortest time between two runs of the crontab ``value`` (a valid one). Runs less than
    a day apart come only from its minute and hour fields, so those are expanded over one day
    (at most 84 fire times) and the gap over midnight counts as if the next day ran too."""
    from apscheduler.triggers.cron import CronTrigger

    minute, hour = value.split()[:2]
    day = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    def fires(minute: str | int, hour: str | int, span: dt.timedelta) -> list[dt.datetime]:
        trigger = CronTrigger(minute=minute, hour=hour, timezone=dt.UTC)
        found: list[dt.datetime] = []
        at = trigger.get_next_fire_time(None, day)
        while at is not None and at < day + span:
            found.append(at)
            at = trigger.get_next_fire_time(at, at + dt.timedelta(seconds=1))
        return found

    minutes = [t.minute for t in fires(minute, 0, dt.timedelta(hours=1))]
    hours = [t.hour for t in fires(0, hour, dt.timedelta(days=1))]
    times = sorted(h * 60 + m for h in hours for m in minutes)
    if len(times) < 2:
        return dt.timedelta(days=1)  # at most once a day
    gaps = [b - a for a, b in pairwise(times)] + [times[0] + 1440 - times[-1]]
    return dt.timedelta(minutes=min(gaps))


def _allow_entry(value: str) -> str:
    why = allow_entry_problem(value)
    if why:
        raise problem(why)
    return value


def _host(value: str) -> str:
    why = host_name_problem(value)
    if why:
        raise problem(why)
    return value.lower()


def _key(value: str) -> str:
    if not _KEY.match(value):
        raise problem(f"{value!r} must be lower-case letters, digits, - or _")
    return value


def valid_email(text: str) -> str:
    """The normalised address, or ValueError saying what is wrong with it."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(text, check_deliverability=False).normalized)
    except EmailNotValidError as exc:
        raise ValueError(f"{text!r} is not a valid email address: {exc}") from None


def _email(value: str) -> str:
    try:
        return valid_email(value)
    except ValueError as exc:
        raise problem(str(exc)) from None


def _country(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", value):
        raise problem(f"{value!r} is not an ISO 3166 two-letter code (AT, MN, ...)")
    return value.upper()


def _word(value: str) -> str:
    if not value.strip():
        raise problem("must not be empty")
    return value.strip()


def _redis_url(value: str) -> str:
    from urllib.parse import urlsplit

    from confwatch.store.db import redact_url

    if value and urlsplit(value).scheme not in ("redis", "rediss", "unix"):
        # Never echo a password, even in a URL we refuse.
        raise problem(f"{redact_url(value)!r}: use redis://HOST:PORT/DB")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]
Regex = Annotated[str, AfterValidator(_regex)]
Selector = Annotated[str, AfterValidator(_selector)]
Cron = Annotated[str, AfterValidator(_cron)]
AllowEntry = Annotated[str, AfterValidator(_allow_entry)]
Host = Annotated[str, AfterValidator(_host)]
Key = Annotated[str, AfterValidator(_key)]
Email = Annotated[str, AfterValidator(_email)]
Country = Annotated[str, AfterValidator(_country)]
Word = Annotated[str, AfterValidator(_word)]
Text = Annotated[str, Field(min_length=1, max_length=500)]

#: How docs/configuration.md names each checked kind of value (one, several).
VALUE_WORDS: dict[Callable[..., Any], tuple[str, str]] = {
    _http_url: ("http(s) URL", "http(s) URLs"),
    _regex: ("regex", "regexes"),
    _selector: ("selector", "selectors"),
    _cron: ("cron schedule", "cron schedules"),
    _allow_entry: ("host or network", "hosts or networks"),
    _host: ("host name", "host names"),
    _key: ("lower-case letters, digits, `-`, `_`", "keys"),
    _email: ("email address", "email addresses"),
    _country: ("ISO 3166 code", "ISO 3166 codes"),
    _word: ("word", "words"),
}


def doc(
    default: Any,
    description: str,
    *,
    default_text: str | None = None,
    allowed: str | None = None,
    why: str | None = None,
    messages: dict[str, str] | None = None,
    unit: str | None = None,
    **bounds: Any,
) -> Any:
    """A field with what the docs and the error messages say about it."""
    extra: dict[str, Any] = {
        k: v
        for k, v in {
            "default_text": default_text,
            "allowed": allowed,
            "why": why,
            "messages": messages,
            "unit": unit,
        }.items()
        if v is not None
    }
    return Field(
        default,
        description=description,
        json_schema_extra=extra or None,
        **bounds,
    )


ALLOW_PRIVATE = (
    "host names (`intranet.example`), addresses or networks (`10.20.0.0/16`) that may be crawled "
    "although they are loopback, private or otherwise not public; see "
    "[Private addresses](#private-addresses-by-decision)"
)


class Table(BaseModel):
    """A TOML table: strict types (no "2" for 2), unknown keys refused."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


# -- [crawl] ------------------------------------------------------------------------------------


class CrawlTable(Table):
    user_agent: Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\r\n]*$")] = doc(
        "confwatch/0.1 (+https://github.com/confwatch/confwatch)",
        "identifies the crawler to sites",
    )
    contact: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\r\n]*$")] | None = (
        doc(
            None,
            "appended to the User-Agent (e.g. `mailto:ops@example.org`) so sites can reach you",
        )
    )
    download_delay: float = doc(
        2.0,
        "seconds between two requests to one domain, at least (AutoThrottle may wait longer)",
        unit="seconds",
        ge=0,
        le=60,
    )
    concurrency_per_domain: int = doc(1, "requests in flight per domain", ge=1, le=8)
    timeout: float = doc(30.0, "seconds per request", unit="seconds", ge=1, le=300)
    max_page_bytes: int = doc(
        5_000_000,
        "larger responses are dropped with an error; also the largest page `confwatch extract` "
        "reads (a larger file or standard input: exit 2)",
        why="0 would mean no limit to Scrapy",
        ge=1000,
        le=100_000_000,
    )
    retries: int = doc(2, "retries for 5xx, 408, 429 and network errors", ge=0, le=10)
    obey_robots: bool = doc(True, "obey robots.txt")
    replay_url: HttpUrl | None = doc(
        None, "replay mode: fetch every page from this local replay server (tests, demo)"
    )
    crawl_timeout: Annotated[
        Duration, duration_between(dt.timedelta(seconds=30), dt.timedelta(days=1))
    ] = doc(
        dt.timedelta(minutes=30),
        "a crawl running longer is stopped and its runs marked failed",
        allowed="duration, 30s – 1d",
    )
    redis_url: Annotated[str, AfterValidator(_redis_url)] | None = doc(
        None,
        "distributed mode: `redis://HOST:PORT/DB` of the shared scrapy-redis queue and duplicate "
        "filter; several processes (`confwatch worker`) then crawl one run together "
        "(docs/decisions/0004-distributed-crawling.md). Unset: one process, Scrapy's own scheduler",
        allowed="`redis://`, `rediss://` or `unix://` URL",
    )
    redis_prefix: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")] = doc(
        "confwatch",
        "namespace of every Redis key a crawl writes (`PREFIX:SOURCE:RUN:requests`, ...); give "
        "each installation sharing one Redis its own",
        allowed="letters, digits, `_ . : -`",
    )
    allow_private: list[AllowEntry] = doc(
        [], f"for every source: {ALLOW_PRIVATE}", default_text="none", max_length=100
    )


# -- [feeds] ------------------------------------------------------------------------------------


class FeedFilterTable(Table):
    name: Key = doc(..., "the feed's name: `topic-NAME.atom` / `.rss`")
    title: Text | None = doc(None, "the feed's title", default_text="the name")
    organisers: list[Word] = doc([], "organisers, by name or acronym", default_text="any")
    countries: list[Country] = doc([], "ISO 3166 two-letter codes", default_text="any")
    topics: list[Word] = doc(
        [], "words found in the title, topics or description", default_text="any"
    )
    keywords: list[Word] = doc([], "the same, a second criterion", default_text="any")

    @model_validator(mode="after")
    def _has_a_criterion(self) -> FeedFilterTable:
        if not (self.organisers or self.countries or self.topics or self.keywords):
            raise problem("a filter needs organisers, countries, topics or keywords")
        return self


class FeedsTable(Table):
    title: Text = doc("confwatch: counter-terrorism and P/CVE conferences", "feed and page title")
    base_url: HttpUrl = doc(
        "http://127.0.0.1:8080", "public address of `confwatch serve` (links in feeds, OPML)"
    )
    max_entries: int = doc(200, "newest entries per feed", ge=1, le=10_000)
    max_calendar_events: int = doc(
        1000,
        "the calendar (`events.ics`) and the page hold the soonest conferences not over 90 days "
        "ago, at most this many: the build stays flat in the store's size",
        ge=1,
        le=100_000,
    )
    automatic_filters: bool = doc(
        True,
        "also publish a feed per country (`country-at.atom`) and per organiser "
        "(`organiser-unoct.atom`)",
    )
    filters: list[FeedFilterTable] = doc(
        [],
        "`[[feeds.filters]]` tables, each a feed `topic-NAME.atom` / `.rss`: `name`, `title`, and "
        "any of `organisers`, `countries` (ISO codes), `topics`, `keywords` (all given criteria "
        "must hold; any value within one)",
        default_text="none",
        allowed="tables",
        messages={"list_type": "use [[feeds.filters]] tables"},
    )


# -- [mail], [service], [digest] ----------------------------------------------------------------


class MailTable(Table):
    mail_from: Text = doc(
        "confwatch@localhost",
        "sender address (`CONFWATCH_MAIL_FROM` overrides)",
        alias="from",
    )
    operator: Email | None = doc(None, "receives alerts about broken sources")


class ServiceTable(Table):
    digest_cron: Cron = doc("0 7 * * mon", "when the weekly digest job runs (cron, UTC)")
    misfire_grace: (
        Annotated[Duration, duration_between(dt.timedelta(0), dt.timedelta(days=7))] | None
    ) = doc(
        None,
        "how late a missed run may still start after downtime (missed runs are coalesced into one)",
        default_text="half of each source's interval",
        allowed="duration, 0s – 7d",
    )


class DigestTable(Table):
    empty: Literal["skip", "send"] = doc(
        "skip",
        "a period with nothing new or changed for a subscriber: `skip` (recorded, nothing sent) "
        'or `send` (a short "nothing new" email)',
    )
    base_url: HttpUrl | None = doc(
        None, "the web page linked from the digest", default_text="`[feeds].base_url`"
    )
    subject_prefix: Annotated[str, Field(max_length=100, pattern=r"^[^\r\n]*$")] = doc(
        "[confwatch]", "start of every digest's Subject"
    )
    unsubscribe_mailto: Email | None = doc(
        None,
        "mailbox named in the `List-Unsubscribe` mailto: link",
        default_text="the From address",
    )
    unsubscribe_url: HttpUrl | None = doc(
        None,
        "an http(s) unsubscribe page for `List-Unsubscribe`; `{email}` is replaced by the "
        "address. Only set it when such a page exists",
    )


class SubscriberTable(Table):
    email: Email = doc(..., "the address (checked for syntax, not deliverability)")
    name: Text | None = doc(None, "used in the greeting and the To header")
    frequency: Literal["weekly", "daily"] = doc(
        "weekly",
        "`weekly` (the last complete ISO week) or `daily` (yesterday; needs a daily "
        "`[service].digest_cron`)",
    )
    organisers: list[Word] = doc(
        [],
        "organisers, by name or acronym (`OSCE` also matches `OSCE TNTD`)",
        default_text="all",
    )
    countries: list[Country] = doc([], "ISO 3166 two-letter codes (`AT`, `MN`)", default_text="all")
    topics: list[Word] = doc(
        [],
        "words found in the title, topics or description (case-insensitive)",
        default_text="all",
    )
    keywords: list[Word] = doc(
        [], "the same, a second criterion that must hold as well", default_text="all"
    )
    health_notes: bool = doc(
        False, "add the sources' health to this subscriber's digest (operators)"
    )


# -- [[sources]] --------------------------------------------------------------------------------


class FieldSelectors(Table):
    """``fields = { date_text = "...", ... }``: a CSS (``::text`` allowed) or XPath selector."""

    title: Selector | None = None
    date_text: Selector | None = None
    place_text: Selector | None = None
    organiser_text: Selector | None = None
    registration_text: Selector | None = None
    description: Selector | None = None


class RelevanceRule(Table):
    """Overrides of the relevance rule (``spiders/normalise/relevance.py``)."""

    require_event_words: bool = True
    require_topic_words: bool = True
    extra_topic_words: list[Word] = []
    exclude_words: list[Word] = []


class SourceTable(Table):
    key: Key = doc(..., "lower-case id used on the command line (`confwatch crawl KEY`)")
    kind: Kind = doc(
        "generic", "a module of `spiders/sites/`, or `generic` (a site that needs no code)"
    )
    name: Text | None = doc(None, "human name", default_text="the key")
    organisation: Annotated[str, Field(max_length=500)] = doc(
        "", "who runs the site", default_text="empty"
    )
    start_urls: Annotated[list[HttpUrl], Field(min_length=1, max_length=100)] = doc(
        ...,
        "listing or event pages to start from (http/https)",
        messages={"too_short": "at least one URL is needed"},
    )
    allowed_domains: list[Host] = doc(
        [],
        "links are followed only within these domains (and subdomains)",
        default_text="hosts of `start_urls`",
    )
    every: Duration | None = doc(
        None,
        "crawl interval",
        default_text="`6h`",
        allowed="duration, 5m – 30d (from 1s in replay mode)",
    )
    cron: Cron | None = doc(
        None,
        'crawl on a cron schedule instead (`"0 6 * * *"`, UTC); not with `every`; runs at least '
        "5m apart (shorter only in replay mode)",
    )
    jitter: Annotated[Duration, duration_between(dt.timedelta(0), dt.timedelta(days=1))] = doc(
        dt.timedelta(minutes=5),
        "random delay added to each scheduled start",
        allowed="duration, 0s – 1d",
    )
    follow: list[Regex] = doc(
        [], "regexes of links to follow from the start pages (generic kind)", default_text="none"
    )
    fields: FieldSelectors = doc(
        FieldSelectors(),
        "CSS (`::text` allowed) or XPath per field: `title`, `date_text`, `place_text`, "
        "`organiser_text`, `registration_text`, `description`; checked when the file is loaded",
        default_text="none",
        allowed="table of selectors",
    )
    max_pages: int = doc(200, "pages per crawl, at most", ge=1, le=100_000)
    relevance: RelevanceRule = doc(
        RelevanceRule(),
        "overrides of the relevance rule: `require_event_words`, `require_topic_words` "
        "(`true`/`false`), `extra_topic_words`, `exclude_words` (lists of words)",
        default_text="defaults",
        allowed="table",
    )
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")] | None = doc(
        None,
        "language hint for dates (`en`, `ru`, `fr`, ...)",
        default_text="from the page",
        allowed="language code",
    )
    revisit_past: Annotated[Duration, duration_between(dt.timedelta(0), dt.timedelta(days=365))] = (
        doc(
            dt.timedelta(days=30),
            "how often pages of past events are re-checked",
            allowed="duration, 0s – 365d",
        )
    )
    enabled: bool = doc(True, "crawl this source")
    allow_private: list[AllowEntry] = doc(
        [], f"for this source only: {ALLOW_PRIVATE}", default_text="none", max_length=100
    )

    @field_validator("cron")
    @classmethod
    def _polite_cron(cls, value: str | None, info: ValidationInfo) -> Any:
        # "every" has its lower bound; a cron schedule is held to the same one.
        if value is None or (info.context and info.context.get("replay")):
            return value
        gap = cron_shortest_gap(value)
        if gap < MIN_EVERY:
            raise problem(
                f"{value!r} runs {show_duration(gap)} apart: must be at least "
                f"{show_duration(MIN_EVERY)} (shorter only in replay mode)"
            )
        return value

    @field_validator("every")
    @classmethod
    def _polite_interval(cls, value: dt.timedelta | None, info: ValidationInfo) -> Any:
        if value is None:
            return value
        replay = bool(info.context and info.context.get("replay"))
        low = MIN_EVERY_REPLAY if replay else MIN_EVERY
        if value < low:
            why = "" if replay else " (shorter only in replay mode)"
            raise problem(f"{show_duration(value)!r}: must be at least {show_duration(low)}{why}")
        if value > dt.timedelta(days=30):
            raise problem(f"{show_duration(value)!r}: must be at most 30d")
        return value


# -- the file -----------------------------------------------------------------------------------


class ConfigFile(Table):
    crawl: CrawlTable = doc(CrawlTable(), "how politely and how long")
    feeds: FeedsTable = doc(FeedsTable(), "the published feeds")
    mail: MailTable = doc(MailTable(), "the sender and the operator")
    service: ServiceTable = doc(ServiceTable(), "the running service")
    digest: DigestTable = doc(DigestTable(), "the digest email")
    subscribers: list[SubscriberTable] = doc(
        [], "digest subscribers", messages={"list_type": "use [[subscribers]] tables"}
    )
    sources: list[SourceTable] = doc(
        [], "the sites", messages={"list_type": "use [[sources]] tables"}
    )
