"""Replay mode: every ``https://host/path`` request is fetched from the local replay server.

A download handler, not a middleware, does the rewrite, so everything above it (robots.txt, the
offsite filter, per-domain throttling, link joining, stored URLs) sees the real addresses. Only this
explicit mode may reach 127.0.0.1.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response


def replay_url(base: str, url: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{base.rstrip('/')}/{parts.hostname}{path}{query}"


class ReplayDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.base = crawler.settings.get("CONFWATCH_REPLAY_URL")

    async def download_request(self, request: Request) -> Response:
        local = request.replace(url=replay_url(self.base, request.url))
        response = await super().download_request(local)
        return response.replace(url=request.url)
