"""Retries that wait: ``Retry-After`` honoured on 429/503, exponential backoff otherwise, capped.

Scrapy's own ``RetryMiddleware`` retries at once and ignores ``Retry-After`` (#3849), which turns
a site's "slow down" into a burst. This one replaces it (same settings: ``RETRY_TIMES``,
``RETRY_HTTP_CODES``, ``RETRY_EXCEPTIONS``) and sleeps before handing the retry back:

- a 429/503 with ``Retry-After`` (seconds or an HTTP date) waits that long; when the site asks for
  more than ``CONFWATCH_RETRY_MAX_WAIT`` the page is not retried in this crawl (the next scheduled
  crawl asks again) and the response goes on to be recorded as an error;
- any other retry waits ``CONFWATCH_RETRY_BACKOFF * 2**n`` seconds (n = retries so far), capped.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

log = logging.getLogger("confwatch.crawl")

HONOURS_RETRY_AFTER = (429, 503)


def retry_after_seconds(value: str | None, now: dt.datetime) -> float | None:
    """Seconds a ``Retry-After`` value asks for (never negative), or None when unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():  # "¹" and "٣" are digits to str.isdigit, not to RFC 9110
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


def backoff_seconds(retries_so_far: int, base: float, cap: float) -> float:
    """``base * 2**n``, at most ``cap``."""
    return float(min(cap, base * (2 ** max(0, retries_so_far))))


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("CONFWATCH_RETRY_MAX_WAIT", 60.0)
        self.backoff = settings.getfloat("CONFWATCH_RETRY_BACKOFF", 1.0)

    def _backoff(self, request: Request) -> float:
        return backoff_seconds(int(request.meta.get("retry_times", 0)), self.backoff, self.max_wait)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = self._backoff(request)
        if response.status in HONOURS_RETRY_AFTER:
            header = response.headers.get(b"Retry-After")
            asked = retry_after_seconds(
                header.decode("latin-1") if header else None, dt.datetime.now(dt.UTC)
            )
            if asked is not None:
                if asked > self.max_wait:
                    log.warning(
                        "crawl.retry_later",
                        extra={
                            "url": request.url,
                            "status": response.status,
                            "retry_after": asked,
                            "max_wait": self.max_wait,
                        },
                    )
                    return response
                wait = asked
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await sleep(wait)
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> Request | Response | None:
        retry = super().process_exception(request, exception)
        if isinstance(retry, Request):
            await sleep(self._backoff(request))
        return retry
