"""Notifications through Apprise (Slack, Teams, Telegram, Matrix, Discord, ntfy, webhooks...).

A notifier names Apprise URLs and a mode: ``weekly`` gets the week's digest summary when
``digest send`` runs; ``each`` gets one message per new or changed conference after a crawl
publishes the feeds (``after_publish``). Both go through the notify outbox
(``store/notifiers.py``): stored before sending, marked sent after the service accepted it,
retried by the next run when it failed. URLs carry the services' tokens: they are shown only
masked (``masked``), in listings, logs and errors.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from confwatch.feeds import digest as render
from confwatch.feeds.notice import change_notice, weekly_notice
from confwatch.scheduler.config import Settings
from confwatch.spiders.normalise.organisers import same_body
from confwatch.store import notifiers as notes
from confwatch.store.api import Store
from confwatch.store.records import ChangeView, EventFields

if TYPE_CHECKING:
    import apprise

log = logging.getLogger("confwatch.notify")

STALE_RUN = dt.timedelta(days=1)  # an unfinished run older than this crashed: it records nothing


@dataclass
class Sent:
    """One notification's outcome, for ``digest send``'s report."""

    to: str  # "NAME: masked URL"
    key: str
    status: str  # sent | failed | skipped | would_send | would_skip
    title: str
    error: str | None = None


def _plugin(url: str) -> apprise.NotifyBase | None:
    import apprise  # imported only when a notifier exists: it loads ~100 plugins

    return apprise.Apprise.instantiate(url)


def validate(url: str) -> str:
    """The URL stripped, or ValueError saying Apprise cannot use it."""
    url = url.strip()
    if _plugin(url) is None:
        raise ValueError(
            f"{masked(url)!r} is not a notification URL Apprise knows "
            "(e.g. json://host/path, slack://..., tgram://..., ntfys://...)"
        )
    return url


def masked(url: str) -> str:
    """The URL as Apprise prints it with privacy on (tokens and passwords elided), without its
    query string (custom headers and some services' keys live there)."""
    plugin = _plugin(url)
    if plugin is None:  # never echo an unparsable URL: it may be all secret
        scheme = urlsplit(url).scheme
        return f"{scheme}://***" if scheme else "***"
    # apprise's URLBase.url() has no annotations: a str, as apprise documents it.
    parts = urlsplit(plugin.url(privacy=True))  # type: ignore[no-untyped-call]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _filters(n: notes.NotifierView) -> render.Filters:
    return render.Filters(
        organisers=tuple(n.organisers),
        countries=tuple(n.countries),
        topics=tuple(n.topics),
        keywords=tuple(n.keywords),
    )


def _same_organiser(wanted: str, organiser: str) -> bool:
    return same_body(wanted, organiser) or render.same_name(wanted, organiser)


def _store_rows(
    store: Store,
    n: notes.NotifierView,
    key: str,
    title: str,
    body: str,
    status: str,
    now: dt.datetime,
    out: list[Sent] | None,
    dry_run: bool = False,
) -> int:
    """One outbox row per URL of ``n`` not yet holding ``key``; returns how many are to send."""
    stored = 0
    known = store.notifiers.known_keys(n.id, [key]) if n.id else set()
    for url in n.urls:
        target = notes.target_of(url)
        if (target, key) in known:
            continue
        shown = masked(url)
        if dry_run:
            if out is not None:
                would = "would_send" if status == "pending" else "would_skip"
                out.append(Sent(f"{n.name}: {shown}", key, would, title))
            continue
        row = notes.NewNotification(n.id, target, shown, key, title, body, status)
        if not store.notifiers.add_outbox(row, now=now):
            continue  # another run stored it first
        stored += status == "pending"
        if status == "skipped" and out is not None:
            out.append(Sent(f"{n.name}: {shown}", key, "skipped", title))
    return stored


# -- weekly: with 'digest send' -----------------------------------------------------------------


def prepare_weekly(
    settings: Settings,
    store: Store,
    now: dt.datetime,
    *,
    out: list[Sent] | None = None,
    dry_run: bool = False,
) -> None:
    """Store the last complete week's summary for every weekly notifier that lacks it."""
    weekly = [n for n in store.notifiers.listing() if n.mode == "weekly"]
    if not weekly:
        return
    period = render.period_for("weekly", now)
    changes = store.changes(since=period.start)
    for n in weekly:
        built = render.build_digest(
            period,
            changes,
            [],
            now=now,
            filters=_filters(n),
            same_organiser=_same_organiser,
        )
        title, body = weekly_notice(built, settings.digest.subject_prefix)
        skip = built.empty and settings.digest.empty == "skip"
        status = "skipped" if skip else "pending"
        _store_rows(store, n, period.key, title, body, status, now, out, dry_run)


# -- each: after a crawl publishes ---------------------------------------------------------------


def _wanted(change: ChangeView, n: notes.NotifierView) -> bool:
    filters = _filters(n)
    if render.matches(change.event, filters, _same_organiser):
        return True
    if change.kind != "changed":
        return False
    # As in the digest: a conference that moves out of a watched country is news too.
    data = change.event.to_json()
    data.update({c.field: c.old for c in change.changes})
    try:
        before = EventFields.from_json(data)
    except (KeyError, TypeError, ValueError):
        return False
    return render.matches(before, filters, _same_organiser)


def _folded(changes: Sequence[ChangeView]) -> tuple[set[str], dict[str, ChangeView]]:
    """Revisions found by the same run that created their conference fold into its "new"
    message, which tells the conference as that run left it. Returns the folded revisions'
    uids, and per "new" revision the run's last revision of its conference."""
    created = {(c.event_id, c.run_id): c for c in changes if c.kind == "new"}
    folded: set[str] = set()
    last: dict[str, ChangeView] = {}
    for c in changes:  # oldest first
        new = created.get((c.event_id, c.run_id))
        if new is None:
            continue
        last[new.uid] = c
        if c.kind == "changed":
            folded.add(c.uid)
    return folded, last


def _running(store: Store, now: dt.datetime) -> tuple[dt.datetime, set[int]]:
    """Runs still recording (another source's crawl may be half-way): their changes wait for
    the publish after them, which sees the conference as the whole run left it. Returns the
    moment before which every change is final, and those runs' ids."""
    running = [
        r
        for r in store.runs(limit=50, kind=None)
        if r.finished_at is None and r.started_at > now - STALE_RUN
    ]
    return min([now, *(r.started_at for r in running)]), {r.id for r in running}


def prepare_each(store: Store, now: dt.datetime) -> int:
    """Store one message per new or changed conference since each "each" notifier's cursor;
    returns how many were stored to send."""
    each = [n for n in store.notifiers.listing() if n.mode == "each"]
    if not each:
        return 0
    settled, running = _running(store, now)
    since = min((n.cursor or now) for n in each)
    changes = sorted(store.changes(since=since), key=lambda c: (c.at, c.revision_id))
    folded, last = _folded(changes)
    stored = 0
    for n in each:
        cursor = n.cursor or now
        for change in changes:
            told = change
            if change.uid in last:
                told = replace(
                    change, event=last[change.uid].event, sources=last[change.uid].sources
                )
            if change.at < cursor or change.run_id in running or not _wanted(told, n):
                continue
            title, body = change_notice(told)
            status = "skipped" if change.uid in folded else "pending"
            stored += _store_rows(store, n, change.uid, title, body, status, now, None)
        # Re-reading from ``settled`` is harmless (the outbox keys repeat), skipping is not.
        store.notifiers.advance(n.id, max(cursor, settled))
    return stored


# -- sending ------------------------------------------------------------------------------------


def _deliver(url: str, title: str, body: str) -> str | None:
    """Send one message to one URL; None when the service accepted it, else why not."""
    import apprise

    sender = apprise.Apprise()
    if not sender.add(url):
        return "Apprise can no longer parse this URL"
    result: Any = sender.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT)
    if result:
        return None
    messages = [entry.message for r in result.results for entry in r.logs()]
    return messages[-1] if messages else "the service did not accept the notification"


def pending(store: Store) -> list[Sent]:
    """What the next send would deliver (for 'digest send --dry-run')."""
    return [
        Sent(f"{n.name}: {row.shown}", row.key, "would_send", row.title, row.last_error)
        for row, n in store.notifiers.pending()
    ]


def send_pending(store: Store, now: dt.datetime, *, out: list[Sent] | None = None) -> int:
    """Send every pending notification (retrying earlier failures); returns how many failed.
    Leases keep two senders (a crawl's hook and 'digest send') from sending one row twice."""
    failed = 0
    for row, n in store.notifiers.pending():
        who = f"{n.name}: {row.shown}"
        url = next((u for u in n.urls if notes.target_of(u) == row.target), None)
        if url is None:
            store.notifiers.mark_skipped(row.id, "URL removed from the subscriber")
            continue
        if not store.notifiers.claim(row.id, now=now):
            continue  # another sender has it, or has sent it
        try:
            error = _deliver(url, row.title, row.body)
        except Exception as exc:  # a plugin bug must not lose the lease or stop the others
            error = f"{type(exc).__name__}: {exc}"
        if error is None:
            store.notifiers.mark_sent(row.id, now=now)
            log.info("notify.sent", extra={"subscriber": n.name, "to": row.shown, "key": row.key})
            if out is not None:
                out.append(Sent(who, row.key, "sent", row.title))
            continue
        failed += 1
        message = f"{who}: {error} (retried on the next run)"
        store.notifiers.mark_failed(row.id, message)
        log.error(
            "notify.failed",
            extra={"subscriber": n.name, "to": row.shown, "key": row.key, "error": error},
        )
        if out is not None:
            out.append(Sent(who, row.key, "failed", row.title, message))
    return failed


def after_publish(settings: Settings, store: Store, *, now: dt.datetime | None = None) -> None:
    """The hook after a crawl published its feeds: never raises (a notification failure must
    not fail the crawl), logs instead."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    try:
        if not store.notifiers.listing():
            return
        prepare_each(store, now)
        send_pending(store, now)
    except Exception:
        log.exception("notify.error")
