"""Building and sending the digests: the code behind ``confwatch digest send`` and the weekly job.

One run: (1) the configured [[subscribers]] become the "config" subscribers; (2) for every active
subscriber whose last complete period has no outbox row yet, the digest is rendered and stored
(one transaction per row, before anything is sent); (3) holding the "digest-send" lock, every
pending row is leased, sent byte for byte as stored, and marked sent only after the server
accepted it. A refused recipient or a dropped connection records the error on that row and
leaves it pending for the next run. Weekly notifiers (Apprise URLs, ``mail/notify.py``) get the
week's summary in the same run, through their own outbox with the same guarantee.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import logging
import smtplib
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Any

from confwatch.errors import ConfigError, ConfwatchError
from confwatch.feeds import digest as render
from confwatch.scheduler import locks
from confwatch.scheduler.config import Settings
from confwatch.scheduler.database import open_store
from confwatch.scheduler.mail import notify
from confwatch.scheduler.mail.smtp import connect, mail_configured
from confwatch.spiders.normalise.organisers import same_body
from confwatch.store import subscribers as subs
from confwatch.store.api import Store
from confwatch.store.records import ChangeView, EventView, RunView, SourceHealth

log = logging.getLogger("confwatch.digest")


@dataclass
class Delivery:
    recipient: str
    period: str
    status: str  # sent | failed | skipped | not_attempted | would_send | would_skip
    subject: str
    message_id: str
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass
class SendReport:
    now: dt.datetime
    dry_run: bool
    deliveries: list[Delivery] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for d in self.deliveries if d.status == status)

    @property
    def exit_code(self) -> int:
        return 1 if self.count("failed") or self.count("not_attempted") else 0

    def to_json(self) -> dict[str, Any]:
        statuses = ("sent", "failed", "skipped", "not_attempted", "would_send", "would_skip")
        return {
            "now": self.now.isoformat(),
            "dry_run": self.dry_run,
            "counts": {s: self.count(s) for s in statuses},
            "digests": [d.to_json() for d in self.deliveries],
        }


def letterhead(settings: Settings) -> render.Letterhead:
    d = settings.digest
    return render.Letterhead(
        mail_from=settings.mail.mail_from,
        subject_prefix=d.subject_prefix,
        base_url=d.base_url or settings.feeds.base_url,
        unsubscribe_mailto=d.unsubscribe_mailto,
        unsubscribe_url=d.unsubscribe_url,
    )


def _same_organiser(wanted: str, organiser: str) -> bool:
    return same_body(wanted, organiser) or render.same_name(wanted, organiser)


def filters_of(sub: subs.SubscriberSpec) -> render.Filters:
    return render.Filters(
        organisers=tuple(sub.organisers),
        countries=tuple(sub.countries),
        topics=tuple(sub.topics),
        keywords=tuple(sub.keywords),
    )


@dataclass
class _Reads:
    """What every subscriber's digest is built from, read once per run."""

    changes: list[ChangeView]
    events: list[EventView]
    health: list[SourceHealth]
    runs: list[RunView]  # crawls since the earliest period's start, for the health notes


RUNS_READ = 10_000  # the newest crawls read for the health notes (a year of 25 sources at 6h)


def _reads(settings: Settings, store: Store, since: dt.datetime, now: dt.datetime) -> _Reads:
    max_age = {s.key: s.max_age for s in settings.sources if s.enabled}
    return _Reads(
        changes=store.changes(since=since),
        events=store.events(upcoming_after=now.date()),
        health=store.source_health(now, max_age),
        runs=[r for r in store.runs(limit=RUNS_READ) if r.started_at >= since],
    )


def compose_for(
    settings: Settings,
    sub: subs.SubscriberSpec,
    reads: _Reads,
    period: render.Period,
    now: dt.datetime,
) -> tuple[render.Digest, EmailMessage]:
    built = render.build_digest(
        period,
        reads.changes,
        reads.events,
        now=now,
        filters=filters_of(sub),
        same_organiser=_same_organiser,
        health=reads.health if sub.health_notes else None,
        runs=reads.runs,
    )
    message = render.compose(
        built, recipient=sub.email, name=sub.name, letterhead=letterhead(settings), now=now
    )
    return built, message


def message_text(message: EmailMessage) -> str:
    """The message as stored in the outbox: CRLF lines, 7-bit (encoded words, QP or base64)."""
    return message.as_bytes(policy=email.policy.SMTP).decode("utf-8")


def effective_subscribers(settings: Settings, store: Store) -> list[subs.SubscriberView]:
    """Active subscribers as a run would see them, without writing (for --dry-run and preview)."""
    known = {s.email.lower(): s for s in store.subscribers.listing()}
    for spec in settings.subscribers:
        current = known.get(spec.email.lower())
        known[spec.email.lower()] = subs.SubscriberView(
            **vars(spec), id=current.id if current else 0, origin="config"
        )
    configured = {s.email.lower() for s in settings.subscribers}
    return [s for key, s in sorted(known.items()) if s.origin != "config" or key in configured]


def send_due(
    settings: Settings,
    *,
    now: dt.datetime | None = None,
    dry_run: bool = False,
    store: Store | None = None,
) -> SendReport:
    """Render the digests now due, then send everything pending. ``dry_run`` writes and sends
    nothing: it reports what a run would send."""
    if store is None:
        with open_store(settings, sync_sources=False) as own:
            return send_due(settings, now=now, dry_run=dry_run, store=own)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    report = SendReport(now=now, dry_run=dry_run)
    if dry_run:
        active = effective_subscribers(settings, store)
    else:
        store.subscribers.sync_configured(settings.subscribers, now=now)
        active = store.subscribers.listing()
    _prepare(settings, store, active, now, report)
    # Chat and webhook notifiers (Apprise) first: a mail server that is not configured
    # must not hold back their summaries.
    sent: list[notify.Sent] = []
    notify.prepare_weekly(settings, store, now, out=sent, dry_run=dry_run)
    if dry_run:
        sent += notify.pending(store)
    else:
        notify.send_pending(store, now, out=sent)
    report.deliveries += [Delivery(s.to, s.key, s.status, s.title, "", s.error) for s in sent]
    if dry_run:
        for row in store.subscribers.pending():
            report.deliveries.append(
                Delivery(row.recipient, row.period, "would_send", row.subject, row.message_id)
            )
    else:
        try:
            # One sender at a time (a lock the OS or server drops when its holder dies), so a
            # lease left by a sender killed mid-run is stale at once: its digest goes out now.
            with locks.hold(settings, "digest-send"):
                _send_pending(settings, store, now, report, lease=dt.timedelta(0))
        except locks.Busy:
            raise ConfwatchError(
                "another 'digest send' is running; its digests are on their way"
            ) from None
    return report


def _prepare(
    settings: Settings,
    store: Store,
    active: list[subs.SubscriberView],
    now: dt.datetime,
    report: SendReport,
) -> None:
    due = []
    for sub in active:
        period = _period(sub, now)
        if not (sub.id and store.subscribers.has_outbox(sub.id, period.key)):
            due.append((sub, period))
    if not due:
        return
    reads = _reads(settings, store, min(p.start for _, p in due), now)
    for sub, period in due:
        built, message = compose_for(settings, sub, reads, period, now)
        skip = built.empty and settings.digest.empty == "skip"
        subject, mid = str(message["Subject"]), str(message["Message-ID"])
        if report.dry_run:
            status = "would_skip" if skip else "would_send"
            report.deliveries.append(Delivery(sub.email, period.key, status, subject, mid))
            continue
        row = subs.NewDigest(
            subscriber_id=sub.id,
            period=period.key,
            recipient=sub.email,
            message_id=mid,
            subject=subject,
            message=message_text(message),
            new=len(built.new),
            changed=len(built.changed),
            status="skipped" if skip else "pending",
        )
        if store.subscribers.add_outbox(row, now=now) and skip:
            report.deliveries.append(Delivery(sub.email, period.key, "skipped", subject, mid))
            log.info(
                "digest.skipped", extra={"to": sub.email, "period": period.key, "reason": "empty"}
            )


def _period(sub: subs.SubscriberSpec, now: dt.datetime) -> render.Period:
    frequency: render.Frequency = "daily" if sub.frequency == "daily" else "weekly"
    return render.period_for(frequency, now)


def _send_pending(
    settings: Settings, store: Store, now: dt.datetime, report: SendReport, *, lease: dt.timedelta
) -> None:
    rows = store.subscribers.pending()
    if not rows:
        return
    if not mail_configured(settings.mail):
        raise ConfigError(
            f"{len(rows)} digest(s) waiting, but mail is not configured: set CONFWATCH_SMTP_HOST"
        )
    sender = parseaddr(settings.mail.mail_from)[1] or settings.mail.mail_from
    smtp: smtplib.SMTP | None = None
    try:
        for index, row in enumerate(rows):
            delivery = Delivery(row.recipient, row.period, "failed", row.subject, row.message_id)
            if not store.subscribers.claim(row.id, now=now, lease=lease):
                continue  # another run is sending it, or has sent it
            report.deliveries.append(delivery)
            try:
                if smtp is None:
                    smtp = connect(settings.mail)
                smtp.sendmail(sender, [row.recipient], row.message.encode("utf-8"))
            except ConfwatchError as exc:  # cannot connect: the rest waits for the next run
                delivery.error = str(exc)
                store.subscribers.mark_failed(row.id, delivery.error)
                log.error(
                    "digest.failed",
                    extra={"to": row.recipient, "period": row.period, "error": delivery.error},
                )
                for rest in rows[index + 1 :]:
                    report.deliveries.append(
                        Delivery(
                            rest.recipient,
                            rest.period,
                            "not_attempted",
                            rest.subject,
                            rest.message_id,
                        )
                    )
                return
            except (smtplib.SMTPException, OSError) as exc:
                delivery.error = _smtp_error(exc)
                store.subscribers.mark_failed(row.id, delivery.error)
                log.error(
                    "digest.failed",
                    extra={"to": row.recipient, "period": row.period, "error": delivery.error},
                )
                if isinstance(exc, smtplib.SMTPServerDisconnected | OSError):
                    _close(smtp)
                    smtp = None  # reconnect for the next one
                continue
            store.subscribers.mark_sent(row.id, now=now)
            delivery.status = "sent"
            log.info(
                "digest.sent",
                extra={"to": row.recipient, "period": row.period, "message_id": row.message_id},
            )
    finally:
        _close(smtp, quit=True)


def _smtp_error(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        parts = [
            f"{code} {msg.decode('utf-8', 'replace')}" for code, msg in exc.recipients.values()
        ]
        return "recipient refused: " + "; ".join(parts)
    if isinstance(exc, smtplib.SMTPResponseException):
        said = exc.smtp_error  # bytes from smtplib itself; typeshed allows a str too
        text = said.decode("utf-8", "replace") if isinstance(said, bytes) else said
        return f"{exc.smtp_code} {text}"
    return f"{type(exc).__name__}: {exc}"


def _close(smtp: smtplib.SMTP | None, *, quit: bool = False) -> None:
    if smtp is None:
        return
    try:
        smtp.quit() if quit else smtp.close()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def preview(
    settings: Settings,
    store: Store,
    *,
    email: str | None,
    now: dt.datetime,
    period: render.Period | None = None,
) -> tuple[render.Digest, EmailMessage]:
    """The digest a subscriber (default: an unfiltered operator's digest) would get now, for
    its last complete period or the ``period`` given (``digest preview --since/--week``)."""
    if email is None:
        sub: subs.SubscriberSpec = subs.SubscriberSpec(
            email="preview@example.org",
            name="Preview",
            health_notes=True,
        )
    else:
        found = [
            s for s in effective_subscribers(settings, store) if s.email.lower() == email.lower()
        ]
        if not found:
            raise ConfigError(f"no active subscriber {email!r} (see 'confwatch subscribers list')")
        sub = found[0]
    if period is None:
        period = _period(sub, now)
    elif period.chosen:  # a span, in the subscriber's own words ("your daily digest")
        period = replace(period, frequency=_period(sub, now).frequency)
    return compose_for(settings, sub, _reads(settings, store, period.start, now), period, now)
