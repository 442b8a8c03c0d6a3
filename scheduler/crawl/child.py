"""The child process of one crawl: ``python -m confwatch.scheduler.crawl.child SOURCE...``.

Scrapy's reactor cannot be restarted, so every crawl runs in a fresh process (what scrapyd does);
the parent (CLI or scheduler) waits for it with a timeout. The child reads the same configuration
(``CONFWATCH_CONFIG`` / ``--config``), writes runs and events to the store, and prints the run ids
as one JSON line on stdout. Logs go to stderr. With ``--join SOURCE:RUN`` it is a worker of a
distributed crawl (decision 0004): it joins runs another process started and prints the pages
it fetched per source. With ``--trial`` it tries one source (``confwatch try``: the spec as JSON on
stdin, ``spiders/trial.py``), opens no store, and prints the trial's report; ``--force`` makes a
crawl fetch and read every page in full.

It cannot outlive its parent (decision 0007): ``--parent PID`` makes Linux send it SIGTERM when
that process dies (``PR_SET_PDEATHSIG``), a parent already gone by then is seen in ``getppid()``,
and a thread watching ``getppid()`` stops it on other systems too. While it crawls it holds each
source's child lock (``crawl-KEY.child``), so no new crawl of the source starts before it has
stopped; losing that lock stops it as well. Stopping is what the parent's ``stop_child`` does:
SIGTERM (Scrapy closes its spiders and the runs are recorded as failed), SIGTERM again after
``FORCE_AFTER`` seconds, and at last SIGKILL (the next crawl then closes the runs as abandoned).

Every scheduled crawl pays this process's start and end, so both are kept short:

- The modules (Scrapy, SQLAlchemy, the normalisers: about 1.5 s) are imported inside ``main``
  with the garbage collector paused, then frozen (``gc.freeze``): they live as long as the
  process, so later collections need not walk them again and again (that was ~0.5 s a crawl).
  The youngest generation is then collected every 10,000 allocations instead of 700: a page
  makes thousands of short-lived objects, and a collection every few hundred of them cost
  ~0.06 s a crawl for nothing (a cycle waits a little longer to be freed).
- Run as a program, the process leaves with ``os._exit`` once the store is closed, the output
  flushed and the ``atexit`` hooks (logging's among them) have run: the interpreter's own
  teardown, freeing every object one by one, took another ~0.5 s and did nothing useful.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn

_YOUNG_THRESHOLD = 10_000  # allocations between collections of the youngest generation
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_FORCE_AFTER = 10.0  # as crawling.FORCE_AFTER: the wait before a second SIGTERM
_ENDED = threading.Event()  # the crawl is over: nothing left to stop
_STOPPED_BECAUSE: list[str] = []  # why this crawl was stopped, to say so on its runs

if TYPE_CHECKING:
    from confwatch.scheduler.config import Settings
    from confwatch.spiders.sources import SourceConfig
    from confwatch.store.api import Store
    from confwatch.store.records import RunInfo, RunView


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="confwatch-crawl-child")
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--config")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument(
        "--force", action="store_true", help="fetch every page in full and read it (no validators)"
    )
    parser.add_argument(
        "--join",
        action="append",
        default=[],
        metavar="SOURCE:RUN",
        help="worker mode: join these runs of a distributed crawl",
    )
    parser.add_argument(
        "--trial",
        action="store_true",
        help="try a source (its TrialSpec as JSON on stdin): store nothing, print the report",
    )
    parser.add_argument(
        "--parent", type=int, metavar="PID", help="stop when this process (the caller) dies"
    )
    args = parser.parse_args(argv)
    if bool(args.sources) + bool(args.join) + args.trial != 1:
        parser.error("give SOURCE keys to crawl, --join SOURCE:RUN to work on runs, or --trial")
    if args.parent and not _die_with_parent(args.parent):
        return 1  # the parent died before we started: nobody wants this crawl
    with _long_lived():
        # Imported here, not at the top, so that they load with the collector paused.
        from confwatch.scheduler import locks
        from confwatch.scheduler.config import load_settings
        from confwatch.scheduler.crawl import parent as crawling
        from confwatch.scheduler.database import open_store
        from confwatch.scheduler.home_cache import use_cache_folder, use_home_cache
        from confwatch.scheduler.logs import setup_logging
        from confwatch.spiders.runner import run_crawl, run_worker
    settings: Settings | None = None
    try:
        settings = load_settings(args.config)
        # A trial writes nothing to the home: its logs go to stderr only, and it uses the
        # gazetteer cache as extract does (never creating a home to hold one).
        logs_dir = None if args.trial else settings.logs_dir
        setup_logging(log_format=settings.log_format, logs_dir=logs_dir, secrets=settings.secrets())
        if args.trial:  # no store, no lock
            use_home_cache(settings)
            report = _trial(settings, sys.stdin.read())
            with contextlib.suppress(BrokenPipeError):
                print(json.dumps(report), flush=True)
            return 0
        use_cache_folder(settings.home / "cache")  # the gazetteer and patterns, once per version
        with open_store(settings, sync_sources=False) as store:
            if args.join:
                pages = run_worker(store, _joins(settings, store, args.join), settings.crawl)
                print(json.dumps({"pages": pages}), flush=True)
                return 0
            sources = [settings.source(key) for key in args.sources]
            with contextlib.ExitStack() as stack:
                for key in args.sources:
                    try:
                        held = stack.enter_context(locks.hold(settings, crawling.child_lock(key)))
                    except locks.Busy:
                        raise locks.Busy(crawling.RUNNING_ALREADY, source=key) from None
                    held.on_lost(lambda why: _stop_self(f"{crawling.LOST_LOCK}: {why}"))
                try:
                    runs = run_crawl(
                        store,
                        sources,
                        settings.crawl,
                        show_progress=args.progress,
                        force=args.force,
                    )
                finally:
                    _ENDED.set()
                _say_why_stopped(store, runs)
    except Exception as exc:  # one line, as the CLI says it (the parent's stderr is ours)
        from confwatch.scheduler import failures
        from confwatch.scheduler.logs import mask

        known = failures.explain(exc, settings)
        line = str(known) if known is not None else failures.unexpected_line(exc)
        print(mask(f"Error: {line}", failures.masker(settings)), file=sys.stderr)
        return known.exit_code if known is not None else 1
    with contextlib.suppress(BrokenPipeError):  # a parent that died reads nothing
        print(json.dumps({"runs": [r.id for r in runs]}), flush=True)
    return 0


def _trial(settings: Settings, spec_text: str) -> dict[str, object]:
    """Try the source the parent's ``TrialSpec`` names; the report."""
    from confwatch.scheduler.crawl.trial import TrialSpec, trial_source
    from confwatch.spiders.trial import run_trial

    source = trial_source(settings, TrialSpec.from_json(json.loads(spec_text)))
    try:
        return run_trial(source, settings.crawl).to_json()
    finally:
        _ENDED.set()


def _die_with_parent(parent: int) -> bool:
    """Arrange to stop when ``parent`` dies; False when it already has (we are someone's orphan)."""
    watched_by_kernel = False
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        watched_by_kernel = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    # A parent that died before prctl took effect sent nothing: then we were reparented already.
    if os.getppid() != parent:
        return False
    threading.Thread(
        target=_watch_parent, args=(parent, watched_by_kernel), name="parent", daemon=True
    ).start()
    return True


def _watch_parent(parent: int, signalled_by_kernel: bool) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    import logging

    logging.getLogger("confwatch.crawl").warning("crawl.orphaned", extra={"parent": parent})
    _stop_self("the crawl's parent process died", already_signalled=signalled_by_kernel)


def _stop_self(reason: str, *, already_signalled: bool = False) -> None:
    """Stop this crawl as the parent's ``stop_child`` would, from a thread of its own."""
    _STOPPED_BECAUSE.append(reason)

    def escalate() -> None:
        steps = [(0.0, signal.SIGTERM), (_FORCE_AFTER, signal.SIGTERM)]
        steps += [(3 * _FORCE_AFTER, signal.SIGKILL)]
        for wait, signum in steps[1:] if already_signalled else steps:
            if _ENDED.wait(wait):
                return  # the crawl is over and its runs recorded: let it finish leaving
            os.kill(os.getpid(), signum)

    threading.Thread(target=escalate, name=f"stop: {reason}", daemon=True).start()


def _say_why_stopped(store: Store, runs: Sequence[RunView]) -> None:
    """On each run that did not finish ``ok``, why the crawl was stopped (Scrapy knows only that
    it was)."""
    if not _STOPPED_BECAUSE:
        return
    from confwatch.store.records import RunInfo

    for run in runs:
        if run.status != "ok":
            info = RunInfo(id=run.id, source=run.source, started_at=run.started_at)
            store.add_error(info, None, f"{_STOPPED_BECAUSE[0]}; crawl stopped")


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """Objects made in this block live as long as the process: no collections while they are
    made, and none of them is looked at by a collection again (``gc.freeze``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        _, *older = gc.get_threshold()
        gc.set_threshold(_YOUNG_THRESHOLD, *older)
        if enabled:
            gc.enable()


def _joins(
    settings: Settings, store: Store, members: list[str]
) -> list[tuple[SourceConfig, RunInfo]]:
    """``SOURCE:RUN`` -> the source's configuration and the running run it names."""
    from confwatch.errors import ConfwatchError
    from confwatch.store.records import RunInfo

    joins = []
    for member in members:
        key, _, run_text = member.rpartition(":")
        source = settings.source(key)
        run = next((r for r in store.runs(source=key, limit=50) if str(r.id) == run_text), None)
        if run is None or run.status != "running":
            raise ConfwatchError(f"run {run_text} is not running", source=key)
        joins.append((source, RunInfo(id=run.id, source=key, started_at=run.started_at)))
    return joins


def _exit(code: int) -> NoReturn:
    """Leave without the interpreter's teardown: everything that must reach a file or a pipe has
    been written once the streams are flushed and the ``atexit`` hooks have run."""
    import atexit
    import os
    import threading

    run_hooks = getattr(atexit, "_run_exitfuncs", None)
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if run_hooks is None or any(t.is_alive() and not t.daemon for t in others):
        sys.exit(code)  # a thread still at work, or no way to run the hooks: the usual exit
    run_hooks()  # logging.shutdown among them: log files are flushed and closed
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    _exit(main())
