"""``make bench``: every benchmark in one invocation, printed as a table and saved as JSON.

Quick mode (default): a mirror of N=100 event pages, 3 repetitions, store writes of 1,000 items,
feeds from 1,000 and 10,000 events, the CPU cost of reading one ~5 MB page (``large_page``).
Full mode (``--full``, ``make bench FULL=1``): N=100, 1,000 and 10,000 (one repetition at
10,000), 3,000 items, feeds from 1,000 / 10,000 / 50,000 events.
Benchmarks print figures and never fail on a slow machine: the exit status is 0 unless a step
crashed. Targets met or missed are reported in the table and in ``targets`` in the JSON.

Generated mirrors and databases live in a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench import crawl_bench, feeds_bench, store_bench
from bench.mirror import generate
from bench.stats import summary

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    import scrapy
    import sqlalchemy

    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        ),
        0,
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "scrapy": scrapy.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite": sqlite3.sqlite_version,
        "postgresql": store_bench.postgres_settings(),
    }


def crawl_steps(
    sizes: list[int],
    reps: dict[int, int],
    work: Path,
    today: dt.date,
    concurrency: int,
    delay: float,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n in sizes:
        mirror = generate(work / f"mirror-{n}", n, today=today)
        print(
            f"crawl N={n}: {mirror.listing_pages} listing pages, {len(mirror.upcoming)} upcoming",
            file=sys.stderr,
            flush=True,
        )
        out[str(n)] = crawl_bench.compare(
            mirror, work / f"crawl-{n}", reps=reps.get(n, 3), concurrency=concurrency, delay=delay
        )
        # Linux carries ru_maxrss across fork and exec: a child's peak RSS from wait4 is at
        # least this process's RSS when it was started, so figures near this one are a floor.
        out[str(n)]["harness_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        shutil.rmtree(mirror.root, ignore_errors=True)
    return out


def store_steps(count: int, work: Path, postgres: bool) -> dict[str, Any]:
    backends = ["sqlite", "sqlite-full"] + (["postgresql"] if postgres else [])
    out: dict[str, Any] = {}
    for backend in backends:
        for variant in store_bench.VARIANTS:
            runs = [store_bench.measure(backend, variant, count, work) for _ in range(3)]
            out[f"{backend}/{variant}"] = {key: summary([r[key] for r in runs]) for key in runs[0]}
            rate = out[f"{backend}/{variant}"]["new_per_s"]["median"]
            print(
                f"store {backend}/{variant}: {rate:.0f} new items/s",
                file=sys.stderr,
                flush=True,
            )
    return out


def feed_steps(sizes: list[int], work: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    out["digest"] = "not measured: confwatch.feeds.digest is not importable"
    for count in sizes:
        url = feeds_bench.populate(work / f"feeds-{count}.db", count)
        if count == 1000 and feeds_bench.digest_available():
            child = crawl_bench.run_child(
                [
                    sys.executable,
                    "-m",
                    "bench.feeds_bench",
                    "--db",
                    url,
                    "--out",
                    str(work),
                    "--digest",
                ]
            )
            out["digest"] = json.loads(child.stdout.strip().splitlines()[-1])
        runs = []
        for rep in range(3):
            child = crawl_bench.run_child(
                [
                    sys.executable,
                    "-m",
                    "bench.feeds_bench",
                    "--db",
                    url,
                    "--out",
                    str(work / f"out-{count}-{rep}"),
                ]
            )
            runs.append(json.loads(child.stdout.strip().splitlines()[-1]))
        out[str(count)] = {
            "seconds": summary([r["seconds"] for r in runs]),
            "growth_mb": summary([r["growth_mb"] for r in runs]),
            "rss_peak_mb": summary([r["rss_peak_mb"] for r in runs]),
            "entries": runs[0]["entries"],
            "calendar_events": runs[0]["calendar_events"],
            "bytes": runs[0]["bytes"],
        }
        print(
            f"feeds from {count} events: {out[str(count)]['seconds']['median']:.2f} s, "
            f"+{out[str(count)]['growth_mb']['median']:.0f} MB",
            file=sys.stderr,
            flush=True,
        )
        Path(work / f"feeds-{count}.db").unlink(missing_ok=True)
    return out


def date_step() -> dict[str, Any]:
    from bench import bench_dates

    return bench_dates.measure()


def extraction_step() -> dict[str, Any]:
    from bench import extraction_cost

    pages = extraction_cost.measure(extraction_cost.LABELLED)
    return {**pages, **extraction_cost.paragraph_calls()}


def large_page_step() -> dict[str, Any]:
    from bench import large_page

    return large_page.measure()


def targets(results: dict[str, Any]) -> dict[str, Any]:
    """Each target of issue 9 with the measured value and whether it is met."""
    out: dict[str, Any] = {}
    for n, crawl in results.get("crawl", {}).items():
        full, same, one = crawl["full"], crawl["no_change"], crawl["changed_1pct"]
        out[f"N={n} full pipeline >= 0.8x bare (wall)"] = _t(
            full["ratio_wall"]["median"], ">=", 0.8
        )
        out[f"N={n} no-change wire bytes <= 1%"] = _t(same["wire_share"]["median"], "<=", 0.01)
        out[f"N={n} no-change parses == 0"] = _t(same["parses"]["max"], "<=", 0)
        out[f"N={n} no-change unconditional page requests == 0"] = _t(
            same["unconditional_page_requests"]["max"], "<=", 0
        )
        out[f"N={n} no-change requests == listing + upcoming"] = _t(
            same["requests"]["median"], "==", same["expected_requests"]
        )
        out[f"N={n} 1%-changed parses == changed pages"] = {
            "value": one["parses"]["median"],
            "met": one["parses_equal_changed"],
        }
        out[f"N={n} 1%-changed store writes == changed pages"] = {
            "value": one["record_calls"]["median"],
            "met": one["writes_equal_changed"],
        }
    store = results.get("store", {})
    # The crawl pipeline writes through record_many (one transaction per page batch).
    if "sqlite/record_many" in store:
        production = store["sqlite/record_many"]
        out["store SQLite WAL >= 20,000 new items/s (record_many)"] = _t(
            production["new_per_s"]["median"], ">=", 20000
        )
        if "unchanged_per_s" in production:
            out["store SQLite WAL >= 20,000 unchanged items/s (record_many)"] = _t(
                production["unchanged_per_s"]["median"], ">=", 20000
            )
    feeds = results.get("feeds", {})
    if "50000" in feeds:
        out["feeds from 50,000 events < 1 s"] = _t(feeds["50000"]["seconds"]["median"], "<", 1.0)
        out["feeds from 50,000 events < 60 MB growth"] = _t(
            feeds["50000"]["growth_mb"]["median"], "<", 60
        )
    sizes = [k for k in feeds if k.isdigit()]
    if len(sizes) >= 2:
        small, large = feeds[min(sizes, key=int)], feeds[max(sizes, key=int)]
        ratio = large["seconds"]["median"] / max(small["seconds"]["median"], 1e-9)
        out[f"feed build flat in store size ({max(sizes, key=int)} vs {min(sizes, key=int)})"] = _t(
            ratio, "<=", 1.5
        )
    if "dates" in results:
        out["dates <= 2 ms per string"] = _t(results["dates"]["parse_date_range_ms"], "<=", 2.0)
    if "extraction" in results:
        out["extraction per labelled page <= 5 ms median CPU"] = _t(
            results["extraction"]["median_ms"], "<=", 5.0
        )
    if "large_page" in results:
        out["~5 MB page read + normalised <= 2 s CPU (worst shape)"] = _t(
            results["large_page"]["worst_cpu_s"], "<=", 2.0
        )
    return out


def _t(value: float, op: str, limit: float) -> dict[str, Any]:
    met = {"<=": value <= limit, ">=": value >= limit, "<": value < limit, "==": value == limit}[op]
    return {"value": value, "limit": f"{op} {limit:g}", "met": met}


def _fmt(s: dict[str, float], unit: str = "", digits: int = 1) -> str:
    return f"{s['median']:.{digits}f}{unit} ({s['min']:.{digits}f}-{s['max']:.{digits}f})"


def table(results: dict[str, Any]) -> str:
    lines = [
        "",
        "## Crawl (median, min-max)",
        "",
        "| N | pages | bare pages/s | confwatch pages/s (crawl+feeds) | ratio wall | ratio crawl"
        " | confwatch RSS MB | bare RSS MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, c in results.get("crawl", {}).items():
        f = c["full"]
        lines.append(
            f"| {n} | {f['pages']} | {_fmt(f['bare_pages_per_s_wall'])} | "
            f"{_fmt(f['confwatch_pages_per_s_wall'])} | {_fmt(f['ratio_wall'], '', 2)} | "
            f"{_fmt(f['ratio_crawl'], '', 2)} | {_fmt(f['confwatch_rss_mb'], '', 0)} | "
            f"{_fmt(f['bare_rss_mb'], '', 0)} |"
        )
    lines += [
        "",
        "| N | re-crawl | requests (expected) | share | wire bytes share | parses | "
        "record() | seconds share | RSS MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n, c in results.get("crawl", {}).items():
        for name in ("no_change", "changed_1pct"):
            r = c[name]
            extra = f" (changed {r['changed_pages'][0]})" if name == "changed_1pct" else ""
            lines.append(
                f"| {n} | {name}{extra} | {r['requests']['median']:.0f} "
                f"({r['expected_requests']}) | "
                f"{_fmt(r['requests_share'], '', 3)} | {_fmt(r['wire_share'], '', 4)} | "
                f"{r['parses']['median']:.0f} | {r['record_calls']['median']:.0f} | "
                f"{_fmt(r['seconds_share'], '', 2)} | {_fmt(r['rss_mb'], '', 0)} |"
            )
    if results.get("store"):
        lines += [
            "",
            "## Store writes (items/s, median, min-max)",
            "",
            "| backend / variant | new items/s | unchanged items/s |",
            "|---|---|---|",
        ]
        for key, s in results["store"].items():
            unchanged = _fmt(s["unchanged_per_s"], "", 0) if "unchanged_per_s" in s else "-"
            lines.append(f"| {key} | {_fmt(s['new_per_s'], '', 0)} | {unchanged} |")
    if results.get("feeds"):
        lines += [
            "",
            "## Feed build",
            "",
            "| events | seconds | RSS growth MB | peak RSS MB |",
            "|---|---|---|---|",
        ]
        for key, s in results["feeds"].items():
            if key.isdigit():
                lines.append(
                    f"| {key} | {_fmt(s['seconds'], '', 3)} | {_fmt(s['growth_mb'], '', 0)} |"
                    f" {_fmt(s['rss_peak_mb'], '', 0)} |"
                )
        d = results["feeds"]["digest"]
        if isinstance(d, dict):
            each = f"{d['per_subscriber_ms']:.1f} ms each"
            read = f"{d['changes']} changes, {d['events']} upcoming events"
            peak = f"peak RSS {d['rss_peak_mb']:.0f} MB"
            d = f"{d['subscribers']} subscribers in {d['seconds']:.2f} s ({each}; {read}; {peak})"
        lines.append(f"\ndigest: {d}")
    if "dates" in results:
        d = results["dates"]
        lines += [
            "",
            f"## Dates: parse_date_range {d['parse_date_range_ms']:.3f} ms/string, "
            f"find_date_ranges {d['find_date_ranges_ms']:.3f} ms/string, dateparser fallback "
            f"{d['dateparser_fallback_ms']:.2f} ms/string ({d['strings']} strings)",
        ]
    if "extraction" in results:
        e = results["extraction"]
        lines += [
            "",
            f"## Extraction: {e['median_ms']:.2f} ms median CPU per labelled page, p90 "
            f"{e['p90_ms']:.2f} ms ({e['pages']:.0f} pages, each read once); one paragraph: "
            f"find_place {e['find_place_ms']:.2f} ms, find_organisers "
            f"{e['find_organisers_ms']:.2f} ms",
        ]
    if "large_page" in results:
        lp = results["large_page"]
        shapes = ", ".join(f"{name} {s:.2f}" for name, s in lp["cpu_s"].items())
        lines += [
            "",
            f"## One {lp['bytes'] / 1e6:.1f} MB page, read + normalised: "
            f"worst {lp['worst_cpu_s']:.2f} s CPU ({shapes})",
        ]
    lines += ["", "## Targets", ""]
    for name, t in results.get("targets", {}).items():
        value = t["value"]
        shown = f"{value:.4g}" if isinstance(value, float) else str(value)
        lines.append(f"- [{'met' if t['met'] else 'MISSED'}] {name}: {shown}")
    return "\n".join(lines)


STEPS = ("crawl", "store", "feeds", "dates", "extraction", "large_page")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="confwatch benchmarks (see docs/performance.md).")
    parser.add_argument("--full", action="store_true", help="N = 100, 1,000 and 10,000")
    parser.add_argument("--sizes", type=int, nargs="*", help="mirror sizes (overrides the mode)")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument(
        "--concurrency",
        type=int,
        default=1,
        help="requests per domain on both sides (confwatch's default is 1)",
    )
    parser.add_argument("--delay", type=float, default=0.0, help="download delay on both sides")
    parser.add_argument("--only", nargs="*", choices=STEPS)
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([100, 1000, 10000] if args.full else [100])
    reps = {n: (1 if n >= 10000 else args.reps) for n in sizes}
    steps = args.only or list(STEPS)
    today = dt.datetime.now(dt.UTC).date()
    results: dict[str, Any] = {
        "mode": "full" if args.full else "quick",
        "date": dt.datetime.now(dt.UTC).isoformat(),
        "machine": machine(),
        "settings": {
            "concurrency_per_domain": args.concurrency,
            "download_delay": args.delay,
            "concurrent_requests": 8,
            "reps": reps,
            "today": today.isoformat(),
        },
    }
    work = Path(tempfile.mkdtemp(prefix="confwatch-bench-"))
    try:
        if "crawl" in steps:
            results["crawl"] = crawl_steps(sizes, reps, work, today, args.concurrency, args.delay)
        if "store" in steps:
            results["store"] = store_steps(
                3000 if args.full else 1000, work, results["machine"]["postgresql"] is not None
            )
        if "feeds" in steps:
            results["feeds"] = feed_steps(
                [1000, 10000, 50000] if args.full else [1000, 10000], work
            )
        if "dates" in steps:
            results["dates"] = date_step()
        if "extraction" in steps:
            results["extraction"] = extraction_step()
        if "large_page" in steps:
            results["large_page"] = large_page_step()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["targets"] = targets(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print(table(results))
    print(f"\nJSON: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
