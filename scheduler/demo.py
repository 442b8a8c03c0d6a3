"""The demo: the recorded sites served on 127.0.0.1 as the real sites, read by the real spiders.

``confwatch demo`` crawls the recorded snapshot once into CONFWATCH_HOME and writes the feeds;
``confwatch demo --serve`` then runs the service on that home with the replay server beside it,
so the page, the feeds, /healthz and the scheduled crawls all work on a machine with no network.

The replay setting reaches every crawl through the environment (``CONFWATCH_REPLAY_URL``,
``CONFWATCH_DOWNLOAD_DELAY``), not only through this process's settings: a scheduled crawl job
loads the configuration afresh and starts a child process, and both read it from there. Without
that, the service would crawl the real sites 5 s after it starts (issue 16).

The recorded conferences are all long past, so without a configuration of its own the demo adds
one fictional source to the packaged default (``demo_site.toml``: the "Demo Regional
Counter-Terrorism Centre" on ``demo-rctc.example``, whose pages the replay server dates relative
to the run date) and writes the result to ``CONFWATCH_HOME/demo.toml``, where the crawl children
and ``demo --serve`` read it. The calendar and the page then always show a conference to come.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from confwatch.errors import ConfigError
from confwatch.scheduler.config import DEFAULT_CONFIG, Settings, load_settings
from confwatch.scheduler.crawl.parent import CrawlResult, crawl_sources
from confwatch.scheduler.database import open_store
from confwatch.scheduler.publish import rebuild_feeds

DEFAULT_SITES = Path("tests/fixtures/sites")
REPLAY_ENV = ("CONFWATCH_REPLAY_URL", "CONFWATCH_DOWNLOAD_DELAY")
DEMO_SITE_CONFIG = "demo_site.toml"  # packaged: the fictional demo site's source
DEMO_CONFIG = "demo.toml"  # in CONFWATCH_HOME: the default configuration plus the demo site
RUNS_READ = 10_000


@dataclass
class DemoRun:
    replay_url: str
    result: CrawlResult
    events: int
    feeds: list[Path]
    entries: int
    first_crawl: dt.date  # the day of the store's first crawl: a digest since then has it all


def require_sites(sites: Path) -> None:
    if not sites.is_dir():
        raise ConfigError(f"{sites}: recorded sites folder not found (run from the repository)")


def demo_settings(settings: Settings, config: str | None) -> Settings:
    """The demo's configuration: the file given (``--config``/``CONFWATCH_CONFIG``) as it is,
    else the packaged default plus the demo site's source, written to HOME/demo.toml."""
    if config or settings.config_path is not None:
        return settings
    package = resources.files("confwatch.scheduler")
    text = package.joinpath(DEFAULT_CONFIG).read_text("utf-8")
    text += "\n" + package.joinpath(DEMO_SITE_CONFIG).read_text("utf-8")
    path = settings.home / DEMO_CONFIG
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the demo's configuration: {exc}") from None
    return replace(load_settings(path), log_format=settings.log_format)


@contextmanager
def replaying(sites: Path, *, today: dt.date | None = None) -> Iterator[str]:
    """The replay server on a thread of this process, for this process and every crawl it
    starts, for as long as the block runs; yields its URL. ``today`` is the run date of the
    demo site's dated pages (default: today, UTC)."""
    from confwatch.spiders.replay.server import ReplayServer

    require_sites(sites)
    saved = {name: os.environ.get(name) for name in REPLAY_ENV}
    with ReplayServer(sites, today=today) as server:
        os.environ["CONFWATCH_REPLAY_URL"] = server.url
        os.environ["CONFWATCH_DOWNLOAD_DELAY"] = "0"  # a local server needs no politeness
        try:
            yield server.url
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def replayed(settings: Settings, replay_url: str) -> Settings:
    return replace(
        settings, crawl=replace(settings.crawl, replay_url=replay_url, download_delay=0.0)
    )


def run_demo(
    settings: Settings, sites: Path, *, progress: bool, today: dt.date | None = None
) -> DemoRun:
    """Crawl every enabled source from the recorded sites, then write the feeds."""
    with replaying(sites, today=today) as url:
        settings = replayed(settings, url)
        with open_store(settings, for_writing=True) as store:
            result = crawl_sources(
                settings, store, [s.key for s in settings.sources if s.enabled], progress=progress
            )
            report = rebuild_feeds(settings, store)
            events = len(store.events())
            runs = store.runs(limit=RUNS_READ)
    first = min((r.started_at for r in runs), default=dt.datetime.now(dt.UTC))
    first_day = first.astimezone(dt.UTC).date()
    return DemoRun(url, result, events, list(report.paths), report.entries, first_day)


def serve_demo(settings: Settings, sites: Path, *, host: str, port: int) -> None:
    """The service on the demo's home, its crawls reading the recorded sites, until stopped."""
    import logging

    from confwatch.scheduler.service.serve import serve

    with replaying(sites) as url:
        logging.getLogger("confwatch.service").info(
            "demo.serve", extra={"replay": url, "sites": str(sites)}
        )
        serve(replayed(settings, url), host=host, port=port)


def demo_port(settings: Settings) -> int:
    """The port of ``feeds.base_url`` (where the page's links point), else serve's 8080."""
    try:
        return urlsplit(settings.feeds.base_url).port or 8080
    except ValueError:
        return 8080


def next_step(settings: Settings, sites: Path, config: str | None) -> str:
    """The command that serves this demo, as the person who ran the demo can type it here."""
    words: list[str] = []
    if settings.home != Path("var").resolve():
        words.append(f"CONFWATCH_HOME={shlex.quote(str(settings.home))}")
    words += [shlex.quote(w) for w in _program()]
    if config:
        words += ["--config", shlex.quote(config)]
    words += ["demo", "--serve"]
    if sites != DEFAULT_SITES:
        words += ["--sites", shlex.quote(str(sites.resolve()))]
    return " ".join(words)


def preview_step(settings: Settings, since: dt.date) -> str:
    """The command that shows the digest of everything this home holds (the demo's runs are all
    after the last complete week, so the default preview would be empty), typed as for
    ``next_step``."""
    words: list[str] = []
    if settings.home != Path("var").resolve():
        words.append(f"CONFWATCH_HOME={shlex.quote(str(settings.home))}")
    words += [shlex.quote(w) for w in _program()]
    if settings.config_path is not None:
        words += ["--config", shlex.quote(_typed(settings.config_path))]
    words += ["digest", "preview", "--since", since.isoformat()]
    return " ".join(words)


def _typed(path: Path) -> str:
    """A path as short as it can be typed from here: relative below the current folder."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path.resolve())


def _program() -> list[str]:
    """How this program was started: ``.venv/bin/confwatch`` is not on the PATH after
    ``make demo``, so its path is repeated as given (relative to the current folder)."""
    argv0 = sys.argv[0]
    if Path(argv0).name == "confwatch":
        return [argv0]
    return [sys.executable, "-m", "confwatch.scheduler"]
