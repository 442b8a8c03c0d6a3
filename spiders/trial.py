"""A trial crawl: one source's real spider and reading, and nothing stored (``confwatch try``).

The source's spider fetches its start pages and the links it follows with the very Scrapy
settings of a crawl (``settings.scrapy_settings``): robots.txt obeyed, the identifying
User-Agent, the politeness delay, the size and time caps, the private-address guard (and its
allow-list), replay mode. Only the components that touch the store are swapped:

- no conditional GET and no page states (``ConditionalGetMiddleware``, ``PageStateMiddleware``):
  every page is fetched in full and nothing is remembered of it;
- the item pipeline reads each item with ``normalise(..., explain=...)``, as a crawl reads it, and
  keeps the fields and their evidence instead of recording them; the report gives each page's
  meetings once (``one_event_per_meeting``), as the crawl stores them (decision 0015), and
  warns that a field was not found only where the meeting so stored lacks it
  (``field_warnings``), as the crawl does when the page closes;
- the spider revisits no stored pages and records errors nowhere but in the trial.

The crawl context holds no store at all (``_NoStore`` raises if anything reaches for one), so a
trial cannot change the store, whatever component a later change adds. What a crawl logs
(``item.skipped``, ``item.warning``, ``crawl.error``) is logged here too and gathered into the
report; links of a start page that no follow pattern matches are listed, as the usual reason a
page was not found. Like every crawl it runs its reactor once: in a child process
(``confwatch.scheduler.crawl.child --trial``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, NoReturn, cast

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from confwatch.fields import EventFields
from confwatch.spiders.base import SourceSpider, describe_failure
from confwatch.spiders.context import CrawlContext, context_of
from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import Normalised, normalise
from confwatch.spiders.normalise.explain import Candidate, Explanation, FieldChoice
from confwatch.spiders.normalise.field_warnings import standing
from confwatch.spiders.normalise.same_meeting import Meeting, explained, one_event_per_meeting
from confwatch.spiders.page import Page, select_text
from confwatch.spiders.registry import spider_class
from confwatch.spiders.runner import run_status
from confwatch.spiders.settings import scrapy_settings
from confwatch.spiders.sources import CrawlSettings, SourceConfig
from confwatch.store.api import Store

log = logging.getLogger("confwatch.crawl")

NOT_FOLLOWED_KEPT = 100  # links a report lists as not followed, at most


@dataclass(frozen=True)
class Reading:
    """One item read as a conference: its URL, fields, their reasons, and the warnings that say
    a field was not found (``Normalised.missing``), settled once its page's meetings are merged."""

    url: str
    fields: EventFields
    why: Explanation
    missing: dict[str, str]


@dataclass
class Trial:
    """What trying one source found: the events a crawl would store, and what it passed over."""

    source: str
    kind: str
    start_urls: list[str]
    fetched: list[dict[str, Any]] = field(default_factory=list)  # {"url", "status"}
    readings: list[Reading] = field(default_factory=list)  # each item read as a conference
    skipped: list[dict[str, Any]] = field(default_factory=list)  # {"url", "reason"}
    not_followed: list[str] = field(default_factory=list)  # start pages' links left alone
    warnings: list[dict[str, Any]] = field(default_factory=list)  # {"url", "problem"}
    errors: list[dict[str, Any]] = field(default_factory=list)  # {"url", "message"}
    listing_ok: bool = False  # a start page was fetched
    finish_reason: str | None = None

    @property
    def events(self) -> list[dict[str, Any]]:
        """What a crawl would store: each page's events with each meeting once (as the store
        pipeline merges a page's sightings), fields and ``"explain"``, pages in reading order."""
        out = []
        for read, meetings in self._pages():
            reasons = [r.why for r in read]
            for meeting in meetings:
                why = explained(meeting, reasons)
                out.append({**meeting.fields.to_json(), "explain": why.to_json()})
        return out

    def field_warnings(self) -> list[tuple[str, str]]:
        """(item URL, warning) for each field not found that the meeting as stored still lacks
        (``field_warnings.standing``), pages in reading order."""
        out = []
        for read, meetings in self._pages():
            missing = [r.missing for r in read]
            said = standing(meetings, [list(m.values()) for m in missing], missing)
            out += [(r.url, w) for r, warnings in zip(read, said, strict=True) for w in warnings]
        return out

    def _pages(self) -> list[tuple[list[Reading], list[Meeting]]]:
        """Each page's readings (a section's URL has its "#anchor"), and its meetings."""
        pages: dict[str, list[Reading]] = {}
        for r in self.readings:
            pages.setdefault(r.url.split("#")[0], []).append(r)
        return [(read, one_event_per_meeting([r.fields for r in read])) for read in pages.values()]

    @property
    def status(self) -> str:
        """What a crawl's run would say: ``ok``, ``partial`` or ``failed``."""
        return run_status(self.listing_ok, len(self.errors), self.finish_reason)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "start_urls": self.start_urls,
            "status": self.status,
            "stored": False,  # a trial never writes: said, so that no reader has to guess
            "pages": len(self.fetched),
            "fetched": self.fetched,
            "events": self.events,
            "skipped": self.skipped,
            "not_followed": self.not_followed,
            "warnings": self.warnings,
            "errors": self.errors,
            "finish_reason": self.finish_reason,
        }


def explanation_from_json(items: Iterable[dict[str, Any]]) -> Explanation:
    """An ``Explanation`` back from its ``to_json()``, to print it as ``extract --explain`` does."""

    def candidate(data: dict[str, Any]) -> Candidate:
        return Candidate(str(data["value"]), data.get("evidence"), str(data["rule"]))

    why = Explanation()
    for item in items:
        chosen = item.get("chosen")
        why.fields[item["field"]] = FieldChoice(
            item["field"],
            candidate(chosen) if chosen else None,
            str(item.get("why") or ""),
            [(candidate(p), str(p.get("why_not") or "")) for p in item.get("passed_over", [])],
        )
    return why


class _NoStore:
    """Where a crawl's store would be: a trial reads and writes none."""

    def __getattr__(self, name: str) -> NoReturn:
        raise RuntimeError(f"a trial has no store (something asked for Store.{name})")


class _Gather(logging.Handler):
    """Gathers the crawl's own log lines about pages into the trial's report."""

    def __init__(self, trial: Trial) -> None:
        super().__init__(logging.INFO)
        self.trial = trial

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "source", None) != self.trial.source:
            return
        url = getattr(record, "url", None)
        if record.msg == "item.skipped":
            self.trial.skipped.append({"url": url, "reason": getattr(record, "reason", None)})
        elif record.msg == "item.warning":
            problem = getattr(record, "problem", None) or getattr(record, "reason", None)
            self.trial.warnings.append({"url": url, "problem": problem})
        elif record.msg == "crawl.error":
            self.trial.errors.append({"url": url, "message": getattr(record, "error", None)})


def _trial_spider(base: type[SourceSpider]) -> type[SourceSpider]:
    """``base`` without what a crawl keeps: no stored pages to revisit, no errors recorded."""

    class TrialSpider(base):  # type: ignore[valid-type,misc]
        def revisit_urls(self) -> list[str]:
            return []

        def on_error(self, failure: Failure) -> None:
            ctx = self.context
            message = describe_failure(failure, timeout=ctx.crawl.timeout if ctx else None)
            url = failure.request.url  # type: ignore[attr-defined]
            log.error("crawl.error", extra={"source": self.name, "url": url, "error": message})
            if ctx is not None:
                ctx.of(self.name).errors += 1

    TrialSpider.__name__ = TrialSpider.__qualname__ = f"Trial{base.__name__}"
    return TrialSpider


class TrialPipeline:
    """Reads every item as the store pipeline does, with its explanation, and keeps it."""

    def __init__(self, context: CrawlContext, trial: Trial) -> None:
        self.context = context
        self.trial = trial
        self.unmatched: dict[str, list[str]] = {}  # page URL -> fields whose selector found nothing

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TrialPipeline:
        pipeline = cls(context_of(crawler), _TRIALS[crawler.settings["CONFWATCH_CONTEXT"]])
        crawler.signals.connect(pipeline.fetched, signal=signals.response_received)
        return pipeline

    def fetched(self, response: Response, request: Request, spider: Spider) -> None:
        if not request.url.endswith("/robots.txt"):
            self.trial.fetched.append({"url": response.url, "status": response.status})
        source = self.context.sources.get(self.trial.source)
        if source and source.fields and isinstance(response, TextResponse):
            page = Page(response.url, response.text, None, [], "", {}, {}, None)
            missed = [n for n, sel in source.fields.items() if select_text(page, sel) is None]
            self.unmatched[response.url] = missed

    def _say_unmatched(self, item: RawEvent) -> None:
        """A selector that finds nothing on an event's page leaves the field to the heuristics,
        silently in a crawl: the trial is where the operator should hear of it."""
        source = self.context.sources[self.trial.source]
        for name in self.unmatched.get(item.url, []):
            problem = (
                f"fields.{name}: {source.fields[name]!r} found nothing on this page "
                "(the value, if any, was read without it)"
            )
            log.warning(
                "item.warning", extra={"source": item.source, "url": item.url, "problem": problem}
            )

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, RawEvent):
            return item
        why = Explanation()
        try:
            done = normalise(item, explain=why)
        except Exception as exc:  # as a crawl: this item is reported, the others go on
            log.error(
                "crawl.error",
                extra={"source": item.source, "url": item.url, "error": f"could not read: {exc!r}"},
            )
            return item
        # A field not found is said when the trial closes, if the merged meeting lacks it too.
        for warning in done.warnings if done.fields is None else _not_fields(done):
            _warn(item.source, item.url, warning)
        if done.fields is None:
            log.info(
                "item.skipped",
                extra={"source": item.source, "url": item.url, "reason": done.skipped},
            )
        else:
            self._say_unmatched(item)
            self.trial.readings.append(Reading(item.url, done.fields, why, done.missing))
        return item

    def close_spider(self, spider: Spider | None = None) -> None:
        for url, warning in self.trial.field_warnings():
            _warn(self.trial.source, url, warning)


def _not_fields(done: Normalised) -> list[str]:
    """The warnings of a read item that are not about a field it lacks."""
    return [w for w in done.warnings if w not in done.missing.values()]


def _warn(source: str, url: str, problem: str) -> None:
    log.warning("item.warning", extra={"source": source, "url": url, "problem": problem})


class NotFollowedMiddleware:
    """Lists the links of a start page that the spider did not follow."""

    def __init__(self, trial: Trial) -> None:
        self.trial = trial

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NotFollowedMiddleware:
        return cls(_TRIALS[crawler.settings["CONFWATCH_CONTEXT"]])

    def _note(self, response: Response, followed: set[str]) -> None:
        if not response.meta.get("listing") or not isinstance(response, TextResponse):
            return
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href.strip()).split("#")[0]
            if (
                url.startswith(("http://", "https://"))
                and url != response.url
                and url not in followed
                and url not in self.trial.not_followed
                and len(self.trial.not_followed) < NOT_FOLLOWED_KEPT
            ):
                self.trial.not_followed.append(url)

    def process_spider_output(
        self, response: Response, result: Iterable[Any], spider: Spider | None = None
    ) -> Iterator[Any]:
        followed = set()
        for out in result:
            if isinstance(out, Request):
                followed.add(out.url)
            yield out
        self._note(response, followed)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any], spider: Spider | None = None
    ) -> AsyncIterator[Any]:
        followed = set()
        async for out in result:
            if isinstance(out, Request):
                followed.add(out.url)
            yield out
        self._note(response, followed)


_TRIALS: dict[str, Trial] = {}  # context key -> its trial (Scrapy deep-copies settings)


def trial_settings(context: CrawlContext) -> dict[str, Any]:
    """A crawl's Scrapy settings with the store's components swapped for the trial's."""
    settings = scrapy_settings(context, max_pages=0)
    mine = "confwatch.spiders.trial"
    settings["ITEM_PIPELINES"] = {f"{mine}.TrialPipeline": 300}
    settings["DOWNLOADER_MIDDLEWARES"] = {
        **settings["DOWNLOADER_MIDDLEWARES"],
        "confwatch.spiders.middlewares.ConditionalGetMiddleware": None,
    }
    settings["SPIDER_MIDDLEWARES"] = {f"{mine}.NotFollowedMiddleware": 950}
    settings["EXTENSIONS"] = {}  # the progress line: a trial prints its report instead
    return settings


def run_trial(source: SourceConfig, crawl: CrawlSettings, *, today: dt.date | None = None) -> Trial:
    """Crawl ``source`` as a crawl would, store nothing, and say what would have been stored."""
    from scrapy.crawler import CrawlerProcess

    # One process, not a distributed crawl: a trial shares no queue with running crawls.
    crawl = replace(crawl, redis_url=None)
    context = CrawlContext(store=cast(Store, _NoStore()), crawl=crawl, sources={source.key: source})
    if today is not None:
        context.today = today
    trial = Trial(source.key, source.kind, list(source.start_urls))
    settings = trial_settings(context)
    _TRIALS[settings["CONFWATCH_CONTEXT"]] = trial
    gather = _Gather(trial)
    log.addHandler(gather)
    reasons: list[str] = []

    def closed(spider: Any, reason: str) -> None:
        reasons.append(reason)

    try:
        process = CrawlerProcess(settings)
        logging.getLogger("scrapy").setLevel(logging.WARNING)
        crawler = process.create_crawler(_trial_spider(spider_class(source.kind)))
        crawler.settings.set("CLOSESPIDER_PAGECOUNT", source.max_pages, priority="spider")
        crawler.signals.connect(closed, signal=signals.spider_closed)
        log.info("try.start", extra={"source": source.key, "urls": " ".join(source.start_urls)})
        process.crawl(crawler, source=source)
        process.start()
    finally:
        log.removeHandler(gather)
        _TRIALS.pop(settings["CONFWATCH_CONTEXT"], None)
    prog = context.of(source.key)
    trial.listing_ok = prog.listing_ok
    trial.finish_reason = reasons[0] if reasons else None
    log.info(
        "try.finish",
        extra={
            "source": source.key,
            "status": trial.status,
            "pages": len(trial.fetched),
            "events": len(trial.events),
            "skipped": len(trial.skipped),
            "errors": len(trial.errors),
        },
    )
    return trial
