"""Crawl benchmarks: confwatch's full pipeline against the bare Scrapy spider, then re-crawls.

Both crawls run as child processes (confwatch's crawl is always one: ``crawl_child``), against
the same mirror server, with the same Scrapy settings; each child's wall time and peak RSS come
from ``os.wait4``. The order is interleaved (bare, confwatch, bare, confwatch, ...) after one
warm-up of each, so drift on the machine hits both sides alike.

confwatch's side is the production path: a configuration file, ``open_store`` (migrates the
embedded SQLite store), ``python -m confwatch.scheduler.crawl.child osce``, then ``build_all``
for the feeds. Requests, statuses and wire bytes come from the server's counters.

Each repetition crawls into a fresh home (an empty store), but not a fresh installation: like
the migration, the places gazetteer is built once per installation and version, on the first
crawl, into ``CONFWATCH_HOME/cache``. The warm-up crawl builds it; the timed repetitions find it
there, as every scheduled crawl after the first does. The warm-up's own wall time, which
includes building it, is reported as ``first_crawl_wall_s`` (not part of the ratio).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.mirror import Mirror, mark_changed
from bench.stats import summary

REPO = Path(__file__).resolve().parent.parent
_CLEAN_ENV = (
    "DATABASE_URL",
    "CONFWATCH_CONFIG",
    "CONFWATCH_REPLAY_URL",
    "CONFWATCH_DOWNLOAD_DELAY",
    "CONFWATCH_HOME",
    "CONFWATCH_LOG_FORMAT",
)


@dataclass
class Child:
    wall: float
    rss_mb: float
    status: int
    stdout: str


def run_child(cmd: list[str], env: dict[str, str] | None = None) -> Child:
    """Run ``cmd``, returning its wall time and its own peak RSS (``wait4``, not a sum)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        text = out.read()
        if proc.returncode != 0:
            raise RuntimeError(
                f"{' '.join(cmd[:4])}... exited {proc.returncode}: {err.read()[-2000:]}"
            )
    return Child(wall=wall, rss_mb=usage.ru_maxrss / 1024, status=proc.returncode, stdout=text)


class MirrorSite:
    """The counting mirror server in its own process."""

    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.mirror_server", "--root", str(root)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("listening on "):
            self.proc.kill()
            raise RuntimeError(f"mirror server did not start: {line!r}")
        self.url = line.removeprefix("listening on ")

    def stats(self, clear: bool = False) -> dict[str, int]:
        with urllib.request.urlopen(f"{self.url}/_stats{'?clear=1' if clear else ''}") as r:
            return dict(json.loads(r.read()))

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@contextmanager
def serving(root: Path) -> Iterator[MirrorSite]:
    site = MirrorSite(root)
    try:
        yield site
    finally:
        site.close()


def _env(home: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _CLEAN_ENV}
    if home is not None:
        env["CONFWATCH_HOME"] = str(home)
    return env


def write_config(
    home: Path, mirror: Mirror, replay_url: str, concurrency: int, delay: float
) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "confwatch.toml"
    path.write_text(f"""
[crawl]
download_delay = {delay}
concurrency_per_domain = {concurrency}
replay_url = "{replay_url}"
crawl_timeout = "60m"

[[sources]]
key = "osce"
kind = "osce"
name = "OSCE events"
organisation = "OSCE"
start_urls = ["https://www.osce.org/events"]
allowed_domains = ["osce.org"]
every = "6h"
max_pages = {mirror.n + mirror.listing_pages + 50}
""")
    return path


class Pipeline:
    """One confwatch installation (home, configuration, embedded store) crawling the mirror."""

    def __init__(
        self,
        home: Path,
        mirror: Mirror,
        site: MirrorSite,
        concurrency: int,
        delay: float,
        *,
        cache_from: Path | None = None,
    ) -> None:
        from confwatch.scheduler.config import load_settings
        from confwatch.scheduler.database import open_store

        self.home = home
        self.config = write_config(home, mirror, site.url, concurrency, delay)
        self.settings = load_settings(self.config, env={"CONFWATCH_HOME": str(home)})
        with open_store(self.settings):  # migrate once, outside the timed crawl
            pass
        if cache_from is not None and cache_from.is_dir():
            # The installation's gazetteer, built by an earlier crawl (see the module docstring).
            shutil.copytree(cache_from, self.cache_dir, dirs_exist_ok=True)
        self.site = site

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    def crawl(self) -> dict[str, Any]:
        from confwatch.scheduler.database import open_store

        self.site.stats(clear=True)
        cmd = [
            sys.executable,
            "-m",
            "confwatch.scheduler.crawl.child",
            "osce",
            "--config",
            str(self.config),
        ]
        child = run_child(cmd, _env(self.home))
        server = self.site.stats()
        with open_store(self.settings, sync_sources=False) as store:
            run = store.runs(source="osce", limit=1)[0]
        assert run.finished_at is not None
        return {
            "wall": child.wall,
            "rss_mb": child.rss_mb,
            "server": server,
            "status": run.status,
            "crawl_seconds": (run.finished_at - run.started_at).total_seconds(),
            "pages": run.pages,
            "items": run.items,
            "new": run.new,
            "changed": run.changed,
            "unchanged": run.unchanged,
            "not_modified": run.stats.get("not_modified", 0),
            "parsed": run.stats.get("parsed", 0),
            "errors": len(run.errors),
        }

    def build_feeds(self) -> float:
        from confwatch.scheduler.database import open_store
        from confwatch.scheduler.publish import rebuild_feeds

        with open_store(self.settings, sync_sources=False) as store:
            started = time.perf_counter()
            rebuild_feeds(self.settings, store, now=dt.datetime.now(dt.UTC))
            return time.perf_counter() - started


def bare_crawl(site: MirrorSite, concurrency: int, delay: float) -> dict[str, Any]:
    site.stats(clear=True)
    cmd = [
        sys.executable,
        "-m",
        "bench.bare_spider",
        "--replay-url",
        site.url,
        "--concurrency",
        str(concurrency),
        "--delay",
        str(delay),
    ]
    child = run_child(cmd, _env())
    server = site.stats()
    inner = json.loads(child.stdout.strip().splitlines()[-1])
    return {"wall": child.wall, "rss_mb": child.rss_mb, "server": server, **inner}


def html_pages(server: dict[str, int]) -> int:
    return sum(v for k, v in server.items() if k.startswith(("listing_", "event_")))


def _rate(pages: int, seconds: float) -> float:
    return pages / seconds if seconds > 0 else 0.0


def compare(
    mirror: Mirror,
    workdir: Path,
    *,
    reps: int,
    concurrency: int,
    delay: float,
    changed_share: float = 0.01,
) -> dict[str, Any]:
    """Steps 1-3 for one mirror: full crawl vs bare, no-change re-crawl, 1%-changed re-crawl."""
    bare_runs: list[dict[str, Any]] = []
    full_runs: list[dict[str, Any]] = []
    with serving(mirror.root) as site:
        homes: list[Path] = []
        first: dict[str, Any] = {}
        installed: Path | None = None  # the gazetteer cache the warm-up crawl built
        for rep in range(reps + 1):  # rep 0 is the warm-up of each side
            bare = bare_crawl(site, concurrency, delay)
            home = workdir / f"home-{rep}"
            pipeline = Pipeline(home, mirror, site, concurrency, delay, cache_from=installed)
            full = pipeline.crawl()
            full["feeds_seconds"] = pipeline.build_feeds()
            if rep:
                bare_runs.append(bare)
                full_runs.append(full)
            else:
                first = full
                installed = pipeline.cache_dir
            homes.append(home)
            print(
                f"  N={mirror.n} rep {rep}{' (warm-up)' if not rep else ''}: bare "
                f"{html_pages(bare['server'])} pages {bare['wall']:.2f} s, confwatch "
                f"{html_pages(full['server'])} pages {full['wall']:.2f} s "
                f"+ feeds {full['feeds_seconds']:.2f} s",
                file=sys.stderr,
                flush=True,
            )
        # Re-crawls reuse the last full crawl's store, as the service would on its next run.
        last = pipeline
        for old in homes[:-1]:
            shutil.rmtree(old, ignore_errors=True)
        same = [last.crawl() for _ in range(reps)]
        changed_runs = []
        for rep in range(reps):
            edited = mark_changed(mirror, changed_share, seed=1000 + rep)
            result = last.crawl()
            result["changed_pages"] = len(edited)
            changed_runs.append(result)
        shutil.rmtree(homes[-1], ignore_errors=True)
    report = _report(mirror, bare_runs, full_runs, same, changed_runs)
    report["full"]["first_crawl_wall_s"] = first.get("wall")  # gazetteer built in this crawl
    return report


def _report(
    mirror: Mirror,
    bare: list[dict[str, Any]],
    full: list[dict[str, Any]],
    same: list[dict[str, Any]],
    changed: list[dict[str, Any]],
) -> dict[str, Any]:
    pages = html_pages(full[0]["server"])
    bare_pages = html_pages(bare[0]["server"])
    bare_wall = [_rate(html_pages(b["server"]), b["wall"]) for b in bare]
    bare_inner = [_rate(html_pages(b["server"]), b["crawl_seconds"]) for b in bare]
    full_wall = [_rate(html_pages(f["server"]), f["wall"] + f["feeds_seconds"]) for f in full]
    full_inner = [_rate(html_pages(f["server"]), f["crawl_seconds"]) for f in full]
    # The ratio pairs each rep's two sides (run back to back), then takes the median.
    ratio_wall = [f / b for f, b in zip(full_wall, bare_wall, strict=True)]
    ratio_inner = [f / b for f, b in zip(full_inner, bare_inner, strict=True)]
    full_requests = summary([f["server"]["requests"] for f in full])["median"]
    full_bytes = summary([f["server"]["wire_in"] + f["server"]["wire_out"] for f in full])["median"]
    full_parses = summary([_parses(f) for f in full])["median"]
    full_seconds = summary([f["wall"] for f in full])["median"]
    upcoming = len([e for e in mirror.upcoming if e.relevant])

    def recrawl(runs: list[dict[str, Any]]) -> dict[str, Any]:
        wire = [r["server"]["wire_in"] + r["server"]["wire_out"] for r in runs]
        return {
            "requests": summary([r["server"]["requests"] for r in runs]),
            "requests_share": summary([r["server"]["requests"] / full_requests for r in runs]),
            "expected_requests": 2 + upcoming,  # robots.txt + first listing page + upcoming events
            "listing_requests": summary([_kind(r, "listing") for r in runs]),
            "event_requests": summary([_kind(r, "event") for r in runs]),
            "status_200": summary([r["server"].get("status_200", 0) for r in runs]),
            "status_304": summary([r["server"].get("status_304", 0) for r in runs]),
            "unconditional_page_requests": summary(
                [
                    r["server"]["requests"] - r["server"].get("conditional", 0) - _kind(r, "robots")
                    for r in runs
                ]
            ),
            "wire_bytes": summary(wire),
            "wire_share": summary([w / full_bytes for w in wire]),
            "parses": summary([_parses(r) for r in runs]),
            "event_pages_parsed": summary([r["parsed"] for r in runs]),
            "parses_share": summary([_parses(r) / full_parses for r in runs]),
            "seconds": summary([r["wall"] for r in runs]),
            "seconds_share": summary([r["wall"] / full_seconds for r in runs]),
            "record_calls": summary([r["items"] for r in runs]),
            "changed_outcomes": summary([r["changed"] for r in runs]),
            "touch_page_calls": summary([r["not_modified"] for r in runs]),
            "crawler_pages_vs_server_requests": summary(
                [r["pages"] - (r["server"]["requests"] - _kind(r, "robots")) for r in runs]
            ),
            "rss_mb": summary([r["rss_mb"] for r in runs]),
            "errors": sum(r["errors"] for r in runs),
        }

    no_change = recrawl(same)
    one_pct = recrawl(changed)
    one_pct["changed_pages"] = [r["changed_pages"] for r in changed]
    one_pct["parses_equal_changed"] = all(
        _parses(r) == r["parsed"] == r["changed_pages"] for r in changed
    )
    one_pct["writes_equal_changed"] = all(r["items"] == r["changed_pages"] for r in changed)
    return {
        "mirror": mirror.summary(),
        "full": {
            "pages": pages,
            "bare_pages": bare_pages,
            "bare_pages_per_s_wall": summary(bare_wall),
            "confwatch_pages_per_s_wall": summary(full_wall),
            "ratio_wall": summary(ratio_wall),
            "bare_pages_per_s_crawl": summary(bare_inner),
            "confwatch_pages_per_s_crawl": summary(full_inner),
            "ratio_crawl": summary(ratio_inner),
            "confwatch_wall_s": summary([f["wall"] for f in full]),
            "confwatch_feeds_s": summary([f["feeds_seconds"] for f in full]),
            "bare_wall_s": summary([b["wall"] for b in bare]),
            "requests": full_requests,
            "wire_bytes": full_bytes,
            "parses": full_parses,
            "items": summary([f["items"] for f in full]),
            "bare_items": summary([b["items"] for b in bare]),
            "confwatch_rss_mb": summary([f["rss_mb"] for f in full]),
            "bare_rss_mb": summary([b["rss_mb"] for b in bare]),
            "errors": sum(f["errors"] for f in full),
        },
        "no_change": no_change,
        "changed_1pct": one_pct,
    }


def _kind(run: dict[str, Any], kind: str) -> int:
    return sum(v for k, v in run["server"].items() if k.startswith(f"{kind}_"))


def _parses(run: dict[str, Any]) -> int:
    """Pages the crawl had to read: every 200 answer for a listing or an event page."""
    server = run["server"]
    return server.get("listing_200", 0) + server.get("event_200", 0)
