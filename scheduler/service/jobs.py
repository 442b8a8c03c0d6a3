"""The scheduled jobs: what one tick of the service does. Referenced by name in the job store.

``crawl_job`` crawls one source in a child process, rebuilds the feeds, and raises or clears
alerts; while another crawl of the source runs it only logs ``crawl.skipped`` (INFO).
``digest_job`` is the weekly digest's slot (the digest itself is built and sent by the digest
module once mail is configured). Both load the configuration afresh, so an edited file
takes effect at the next run, and neither lets an exception escape into the scheduler.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage

from confwatch.errors import ConfwatchError
from confwatch.scheduler.config import Settings, load_settings
from confwatch.scheduler.crawl.parent import crawl_sources
from confwatch.scheduler.database import open_store
from confwatch.scheduler.locks import Busy
from confwatch.scheduler.mail.smtp import mail_configured, send
from confwatch.scheduler.publish import rebuild_feeds
from confwatch.scheduler.service import alerts
from confwatch.store.api import Store

log = logging.getLogger("confwatch.service")


def crawl_job(config: str | None, key: str) -> None:
    try:
        settings = load_settings(config)
        store = open_store(settings)
    except ConfwatchError as exc:
        log.error("crawl.error", extra={"source": key, "error": str(exc)})
        return
    with store:
        try:
            _crawl_and_report(settings, store, key)
        except Exception:  # the scheduler must keep running whatever one job meets
            log.exception("job.error", extra={"source": key})


def _crawl_and_report(settings: Settings, store: Store, key: str) -> None:
    """One scheduled crawl of ``key``, then its feeds and its alerts."""
    try:
        crawl_sources(settings, store, [key])
    except Busy as exc:
        # A manual crawl (or one still stopping) has the source: this job did nothing, so
        # the feeds and alerts have nothing new to say. Expected, hence no error.
        log.info("crawl.skipped", extra={"source": key, "reason": exc.message})
        return
    except ConfwatchError as exc:
        log.error("crawl.error", extra={"source": key, "error": str(exc)})
    rebuild_feeds(settings, store)
    raised, cleared = alerts.transitions(store.runs(source=key, limit=alerts.HISTORY + 2))
    alerts.log_transitions(raised, cleared)
    if raised or cleared:
        notify_operator(settings, raised, cleared)


def notify_operator(
    settings: Settings, raised: list[alerts.Alert], cleared: list[alerts.Alert]
) -> None:
    """One plain-text email to the operator per crawl that raised or cleared alerts."""
    operator = settings.mail.operator
    if not operator or not mail_configured(settings.mail):
        return
    msg = EmailMessage()
    source = (raised or cleared)[0].source
    msg["Subject"] = f"confwatch: {source}: " + ("alert" if raised else "recovered")
    msg["From"] = settings.mail.mail_from
    msg["To"] = operator
    lines = [f"RAISED  {a.source}: {a.kind}: {a.message}" for a in raised]
    lines += [f"CLEARED {a.source}: {a.kind}: {a.message}" for a in cleared]
    msg.set_content("\n".join(lines) + "\n\nRun 'confwatch status' for every source.\n")
    try:
        send(settings.mail, msg)
        log.info("alert.mailed", extra={"source": source, "to": operator})
    except ConfwatchError as exc:
        log.error("alert.mail_failed", extra={"source": source, "error": str(exc)})


def digest_job(config: str | None) -> None:
    """The weekly digest slot: sends the digest when mail and subscribers are configured."""
    try:
        settings = load_settings(config)
        from confwatch.scheduler.mail import digests as digest_runner
    except ImportError:
        log.info(
            "digest.skipped", extra={"reason": "digest sending is not available in this version"}
        )
        return
    except ConfwatchError as exc:
        log.error("digest.error", extra={"error": str(exc)})
        return
    try:
        digest_runner.send_due(settings)
    except Exception:
        log.exception("digest.error")
