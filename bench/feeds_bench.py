"""Feed build cost (step 5): every feed, calendar, OPML and page file from stores of growing size.

``populate`` fills a migrated SQLite store with ``count`` events (each with its sighting and its
"new" revision) through the batched Core writer of ``store_bench``. The build itself runs in a
child process (``python -m bench.feeds_bench --db URL --out DIR``) so its memory is its own:
RSS after imports and ``Store.open`` is the baseline, the peak RSS during ``build_all`` minus
that baseline is the growth.

The peak is the kernel's high-water mark (``VmHWM``), reset to the current RSS just before the
build by writing 5 to ``/proc/self/clear_refs``. ``getrusage().ru_maxrss`` is no measure here:
Linux carries it across ``exec``, so a child reports at least the RSS its parent had when it
spawned it (the parent that filled a 50,000-event store first had 178 MB: the "growth" read 93 MB
where the build's own was 31 MB). Without a resettable mark (no ``/proc``), ``peak_since`` says
what the figure covers.

The digest render for 500 subscribers is measured only when ``confwatch.feeds.digest`` exists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import resource
import sys
import time
from pathlib import Path

from bench.store_bench import NOW, open_store, sightings, write_core
from confwatch.feeds.build import build_all
from confwatch.feeds.settings import FeedSettings
from confwatch.store import migrate
from confwatch.store.api import Store


def populate(path: Path, count: int) -> str:
    url = f"sqlite:///{path}"
    migrate.upgrade(url)
    with open_store(url, "sqlite") as store:
        run = store.begin_run("osce", now=NOW)
        write_core(store, run, sightings(count))
        store.finish_run(run, status="ok", pages=count, now=NOW)
    return url


def _status_mb(key: str) -> float | None:
    """A ``/proc/self/status`` figure in MB (VmRSS: now, VmHWM: the peak); None without /proc."""
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return None


def _rss_mb() -> float:
    return _status_mb("VmRSS") or 0.0


def reset_peak() -> bool:
    """Set this process's peak RSS (VmHWM) to its current RSS (Linux 4.0+); False if not."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_mb(reset: bool) -> tuple[float, str]:
    """The peak RSS and what it covers: since ``reset_peak``, since exec, or (no /proc) the
    process's ``ru_maxrss``, which may include the parent's RSS at spawn."""
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm, "reset" if reset else "exec"
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "ru_maxrss"


def digest_available() -> bool:
    return importlib.util.find_spec("confwatch.feeds.digest") is not None


def digest_run(url: str, subscribers: int = 500, week_changes: int = 100) -> dict[str, object]:
    """Render the weekly digest for ``subscribers`` with varied filters: the store is read once
    (the ``week_changes`` newest changes, as a busy week has, and every event), then one
    ``build_digest`` + ``compose`` per subscriber, as the sender does."""
    from confwatch.feeds import digest as dg

    now = NOW + dt.timedelta(days=7)  # the previous ISO week holds NOW, when the store was filled
    period = dg.period_for("weekly", now)
    letterhead = dg.Letterhead(mail_from="confwatch@example.org", base_url="https://example.org/")
    with Store.open(url) as store:
        started = time.perf_counter()
        changes = store.changes(since=period.start, limit=week_changes)
        events = store.events(upcoming_after=now.date())
        read = time.perf_counter() - started
        kinds = [
            dg.Filters(),
            dg.Filters(countries=("AT",)),
            dg.Filters(keywords=("extremism",)),
            dg.Filters(organisers=("OSCE",)),
            dg.Filters(countries=("MN",)),
        ]
        sizes = 0
        for i in range(subscribers):
            digest = dg.build_digest(
                period, changes, events, now=now, filters=kinds[i % len(kinds)]
            )
            message = dg.compose(
                digest,
                recipient=f"user{i}@example.org",
                name=f"User {i}",
                letterhead=letterhead,
                now=now,
            )
            sizes += len(message.as_bytes())
        seconds = time.perf_counter() - started
    return {
        "subscribers": subscribers,
        "seconds": seconds,
        "read_seconds": read,
        "per_subscriber_ms": (seconds - read) * 1000 / subscribers,
        "changes": len(changes),
        "events": len(events),
        "mean_message_bytes": sizes // subscribers,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build every feed file once and report the cost.")
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--digest", action="store_true", help="render 500 digests instead")
    args = parser.parse_args(argv)
    if args.digest:
        result = digest_run(args.db)
        result["rss_peak_mb"], result["peak_since"] = peak_mb(reset=False)
        print(json.dumps(result))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    with Store.open(args.db) as store:
        store.runs(limit=1)  # connect before the baseline, as a running service would be
        before = _rss_mb()
        reset = reset_peak()
        started, cpu_started = time.perf_counter(), time.process_time()
        report = build_all(
            store, args.out, now=NOW + dt.timedelta(hours=1), settings=FeedSettings()
        )
        seconds = time.perf_counter() - started
        # CPU time as well: on a shared machine the wall time also counts waiting for a core.
        cpu_seconds = time.process_time() - cpu_started
        peak, since = peak_mb(reset)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "rss_before_mb": before,
                "rss_peak_mb": peak,
                "growth_mb": peak - before,
                "peak_since": since,
                "entries": report.entries,
                "calendar_events": report.events,
                "bytes": {p.name: p.stat().st_size for p in report.paths},
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
