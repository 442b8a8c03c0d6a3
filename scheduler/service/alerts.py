"""Alerts on broken sources, judged after every crawl against the source's own history.

The classic scraper failure is silent: a redesign and the spider yields nothing. So a source
alerts when (1) its crawl failed or timed out; (2) it parsed pages but yielded no event while its
recent runs did; (3) the share of its items with a date or a country fell below half its usual
share; (4) more than a third of its requests failed. Following the field notes (urlwatch users
drown in alerts), an alert is sent when it is *raised* (the previous run did not have it) and when
it is *cleared*, never again on every run in between.
"""

from __future__ import annotations

import logging
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from confwatch.store.records import RunView

log = logging.getLogger("confwatch.alerts")
HISTORY = 5


@dataclass(frozen=True)
class Alert:
    source: str
    kind: str  # "failed", "no_events", "parse_drop", "http_errors"
    message: str


def _share(run: RunView, key: str) -> float | None:
    return run.stats.get(key, 0) / run.items if run.items >= 3 else None


def check_run(
    run: RunView, history: Sequence[RunView], *, error_share: float = 1 / 3
) -> list[Alert]:
    """Alerts for ``run`` given the source's earlier finished runs (newest first)."""
    alerts: list[Alert] = []
    if run.status == "failed":
        first = run.errors[0] if run.errors else {}
        detail = f"{first.get('url') or ''} {first.get('message') or ''}".strip()
        alerts.append(Alert(run.source, "failed", f"crawl failed: {detail or 'no detail'}"))
        return alerts
    parsed_before = [
        r for r in history if r.status in ("ok", "partial") and r.stats.get("parsed", 0) > 0
    ][:HISTORY]
    usual = statistics.median([r.items for r in parsed_before]) if parsed_before else 0
    if run.stats.get("parsed", 0) > 0 and run.items == 0 and usual > 0:
        alerts.append(
            Alert(
                run.source,
                "no_events",
                f"parsed {run.stats.get('parsed')} pages but found no event (usually {usual:g}): "
                "has the site changed its layout?",
            )
        )
    for key, what in (("with_date", "a date"), ("with_country", "a country")):
        now = _share(run, key)
        before = [s for s in (_share(r, key) for r in parsed_before) if s is not None]
        if now is not None and before and now < 0.5 * statistics.median(before):
            alerts.append(
                Alert(
                    run.source,
                    "parse_drop",
                    f"only {now:.0%} of items have {what} "
                    f"(usually {statistics.median(before):.0%})",
                )
            )
    if len(run.errors) >= 2 and len(run.errors) > error_share * max(run.pages, 1):
        alerts.append(
            Alert(run.source, "http_errors", f"{len(run.errors)} of {run.pages} requests failed")
        )
    return alerts


def transitions(runs: Sequence[RunView]) -> tuple[list[Alert], list[Alert]]:
    """(raised, cleared) by the newest of ``runs`` (newest first) compared with the one before."""
    finished = [r for r in runs if r.status != "running"]
    if not finished:
        return [], []
    now = check_run(finished[0], finished[1:])
    before = check_run(finished[1], finished[2:]) if len(finished) > 1 else []
    kinds_now = {a.kind for a in now}
    kinds_before = {a.kind for a in before}
    return [a for a in now if a.kind not in kinds_before], [
        a for a in before if a.kind not in kinds_now
    ]


def log_transitions(raised: Sequence[Alert], cleared: Sequence[Alert]) -> None:
    for a in raised:
        log.warning(
            "alert.raised", extra={"source": a.source, "alert": a.kind, "detail": a.message}
        )
    for a in cleared:
        log.info("alert.cleared", extra={"source": a.source, "alert": a.kind, "detail": a.message})
