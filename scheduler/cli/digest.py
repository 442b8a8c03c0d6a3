"""Commands for the digest email and notifications: ``subscribers add|list|remove`` and
``digest preview|send``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from confwatch.errors import ConfigError
from confwatch.feeds import digest as render
from confwatch.scheduler.cli.context import Ctx
from confwatch.scheduler.cli.output import Listing, echo, emit, emit_json, output_options, table
from confwatch.scheduler.cli.reading import reading_store
from confwatch.scheduler.config import Settings, _Reader, subscriber_spec
from confwatch.scheduler.database import ScratchStore, home_writable, open_store
from confwatch.scheduler.mail import digests as digest_runner
from confwatch.scheduler.mail import notify
from confwatch.scheduler.paths import shown
from confwatch.store import notifiers as notes
from confwatch.store import subscribers as subs
from confwatch.store.api import Store

pass_ctx = click.make_pass_decorator(Ctx)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _synced_store(settings: Settings, *, for_writing: bool = False) -> Store:
    """The store with the configuration's [[subscribers]] applied, as every run applies them
    (a read-only home is listed as it stands; a home with no store yet is read as an empty one,
    created nowhere: ``reading_store``)."""
    if for_writing:
        store = open_store(settings, sync_sources=False, for_writing=True)
    else:
        store = reading_store(settings)
    if for_writing or isinstance(store, ScratchStore) or home_writable(settings):
        try:
            store.subscribers.sync_configured(settings.subscribers, now=_now())
        except BaseException:
            store.close()
            raise
    return store


@click.group()
def subscribers() -> None:
    """Manage who receives the digest email or notifications (chat, webhooks).

    Subscribers come from the command line or from [[subscribers]] tables in the configuration
    file; those from the file are changed or removed there. A subscriber with --notify URLs
    (Apprise: Slack, Teams, Telegram, Matrix, Discord, ntfy, json:// webhooks...) is named,
    not addressed, and is added on the command line only.

    \b
    Examples:
      confwatch subscribers add analyst@example.org --name "A. Analyst" --country MN
      confwatch subscribers add desk --notify 'slack://T1/B2/C3' --mode each --country MN
      confwatch subscribers list --json
      confwatch subscribers remove analyst@example.org
    """


@subscribers.command("add")
@click.argument("email", metavar="EMAIL|NAME")
@click.option("--name", help="The subscriber's name, used in the greeting and the To header.")
@click.option(
    "--frequency",
    type=click.Choice(["weekly", "daily"]),
    default=None,
    help="How often the digest is sent.  [default: weekly]",
)
@click.option(
    "--notify",
    "urls",
    multiple=True,
    metavar="URL",
    help="Notify through this Apprise URL instead of email; NAME names the subscriber (repeat).",
)
@click.option(
    "--mode",
    type=click.Choice(notes.MODES),
    default=None,
    help="With --notify: 'weekly' sends the week's summary with 'digest send'; 'each' sends "
    "one message per new or changed conference after a crawl.  [default: weekly]",
)
@click.option("--organiser", "organisers", multiple=True, help="Only these organisers (repeat).")
@click.option(
    "--country", "countries", multiple=True, help="Only these ISO countries, e.g. AT (repeat)."
)
@click.option("--topic", "topics", multiple=True, help="Only events about this topic (repeat).")
@click.option(
    "--keyword",
    "keywords",
    multiple=True,
    help="Only events whose title, topics or description contain it (repeat).",
)
@click.option("--health-notes", is_flag=True, help="Add the sources' health (for operators).")
@pass_ctx
def add(
    ctx: Ctx,
    email: str,
    name: str | None,
    frequency: str | None,
    urls: tuple[str, ...],
    mode: str | None,
    organisers: tuple[str, ...],
    countries: tuple[str, ...],
    topics: tuple[str, ...],
    keywords: tuple[str, ...],
    health_notes: bool,
) -> None:
    """Add a subscriber, or update one added here before (filters are replaced).

    Filters of different kinds must all match; any value of one kind matches. No filter: every
    conference. With --notify, the first argument is a name for the subscriber and the URLs
    are checked with Apprise; they are stored in the database and shown only masked.
    Exit status 2 for an invalid address or a URL Apprise cannot use.

    \b
    Examples:
      confwatch subscribers add analyst@example.org
      confwatch subscribers add desk@example.org --organiser OSCE --country AT --country MN
      confwatch subscribers add ops@example.org --frequency daily --health-notes
      confwatch subscribers add mn-desk --notify 'tgram://BOT_TOKEN/CHAT_ID' --country MN
      confwatch subscribers add hook --notify 'json://hooks.example.org/confwatch' --mode each
    """
    organisers_ = [o.strip() for o in organisers if o.strip()]
    topics_ = [t.strip() for t in topics if t.strip()]
    keywords_ = [k.strip() for k in keywords if k.strip()]
    if urls:
        if name or frequency or health_notes:
            raise click.UsageError("--name, --frequency and --health-notes are for email digests")
        notifier = _notifier_spec(email, urls, mode or "weekly", countries)
        notifier.organisers, notifier.topics, notifier.keywords = organisers_, topics_, keywords_
        _add_notifier(ctx.settings, notifier)
        return
    if mode:
        raise click.UsageError("--mode is for --notify subscribers")
    r = _Reader({}, "subscribers add")
    spec = subscriber_spec(r, email, frequency or "weekly", list(countries))
    spec.name = name
    spec.organisers, spec.topics, spec.keywords = organisers_, topics_, keywords_
    spec.health_notes = health_notes
    with _synced_store(ctx.settings, for_writing=True) as store:
        current = store.subscribers.get(spec.email)
        if current is not None and current.active and current.origin == "config":
            raise ConfigError(f"{spec.email} is defined in the configuration file: change it there")
        added = store.subscribers.add(spec, origin="cli", now=_now())
    click.echo(f"{'updated' if current else 'added'}: {added.email} ({added.frequency})")


def _notifier_spec(
    name: str, urls: tuple[str, ...], mode: str, countries: tuple[str, ...]
) -> notes.NotifierSpec:
    name = " ".join(name.split())
    if not name or "@" in name or len(name) > 120:
        raise ConfigError(
            f"subscribers add: {name!r}: a --notify subscriber needs a name "
            "(up to 120 characters, no '@': addresses are for email digests)"
        )
    checked = []
    for url in urls:
        try:
            checked.append(notify.validate(url))
        except ValueError as exc:
            raise ConfigError(f"subscribers add: --notify: {exc}") from None
    # Countries are checked and upper-cased as for email subscribers.
    r = _Reader({}, "subscribers add")
    upper = subscriber_spec(r, "x@example.org", "weekly", list(countries)).countries
    unique = list(dict.fromkeys(checked))
    return notes.NotifierSpec(name=name, urls=unique, mode=mode, countries=upper)


def _add_notifier(settings: Settings, spec: notes.NotifierSpec) -> None:
    with _synced_store(settings, for_writing=True) as store:
        current = store.notifiers.get(spec.name)
        added = store.notifiers.add(spec, origin="cli", now=_now())
    shown = ", ".join(notify.masked(u) for u in added.urls)
    click.echo(f"{'updated' if current else 'added'}: {added.name} ({added.mode}: {shown})")


@subscribers.command("list")
@click.option("--all", "include_inactive", is_flag=True, help="Include removed subscribers.")
@output_options
@pass_ctx
def list_(ctx: Ctx, include_inactive: bool, output_format: str) -> None:
    """List the digest's subscribers and their filters; notification subscribers show their
    URLs masked (tokens and passwords are never printed).

    \b
    Examples:
      confwatch subscribers list
      confwatch subscribers list --all --json
      confwatch subscribers list --format csv
    """
    with _synced_store(ctx.reading_settings) as store:
        found = store.subscribers.listing(include_inactive=include_inactive)
        notifiers = store.notifiers.listing(include_inactive=include_inactive)
    listing = Listing(
        items=[s.to_json() for s in found] + [n.to_json(notify.masked) for n in notifiers],
        # One column per filter kind, not a nested object.
        csv_items=[
            {k: v for k, v in s.to_json().items() if k != "filters"}
            | {"organisers": s.organisers, "countries": s.countries}
            | {"topics": s.topics, "keywords": s.keywords}
            for s in found
        ]
        + [_notifier_csv(n) for n in notifiers],
        columns=_CSV_COLUMNS,
        headers=["email", "name", "frequency", "filters", "from", ""],
        rows=[
            [
                s.email,
                s.name or "",
                s.frequency,
                _filters_text(s),
                s.origin,
                "" if s.active else "removed",
            ]
            for s in found
        ]
        + [  # a notifier's URLs, masked, where an address would be
            [
                _urls_text(n),
                n.name,
                n.mode,
                _filters_text(n),
                n.origin,
                "" if n.active else "removed",
            ]
            for n in notifiers
        ],
        max_width=100,
    )
    emit(output_format, listing)


_CSV_COLUMNS = (
    *("id", "email", "name", "frequency", "health_notes", "active", "origin"),
    *("organisers", "countries", "topics", "keywords"),
    *("notify", "mode"),
)


def _urls_text(n: notes.NotifierView) -> str:
    return " ".join(notify.masked(u) for u in n.urls)


def _notifier_csv(n: notes.NotifierView) -> dict[str, object]:
    flat = {k: v for k, v in n.to_json(notify.masked).items() if k != "filters"}
    return (
        flat
        | {"organisers": n.organisers, "countries": n.countries}
        | {
            "topics": n.topics,
            "keywords": n.keywords,
        }
    )


def _filters_text(s: subs.SubscriberView | notes.NotifierView) -> str:
    parts = [
        f"{label}={','.join(values)}"
        for label, values in (
            ("organisers", s.organisers),
            ("countries", s.countries),
            ("topics", s.topics),
            ("keywords", s.keywords),
        )
        if values
    ]
    return " ".join(parts) or "all"


@subscribers.command("remove")
@click.argument("email", metavar="EMAIL|NAME")
@pass_ctx
def remove(ctx: Ctx, email: str) -> None:
    """Stop sending the digest to EMAIL, or notifications to NAME (what was sent stays on
    record).

    \b
    Examples:
      confwatch subscribers remove analyst@example.org
      confwatch subscribers remove mn-desk
    """
    with _synced_store(ctx.settings, for_writing=True) as store:
        notifier = None if "@" in email else store.notifiers.get(email.strip())
        if notifier is not None and notifier.active:
            store.notifiers.remove(notifier.name, now=_now())
            click.echo(f"removed: {notifier.name}")
            return
        current = store.subscribers.get(email.strip())
        if current is None or not current.active:
            raise ConfigError(f"no active subscriber {email!r} (see 'confwatch subscribers list')")
        if current.origin == "config":
            raise ConfigError(
                f"{current.email} is defined in the configuration file: remove it there"
            )
        store.subscribers.remove(current.email, now=_now())
    click.echo(f"removed: {current.email}")


@click.group()
def digest() -> None:
    """Build, preview and send the digest email.

    Each subscriber gets one digest per period (the last complete ISO week, or the last day for
    daily subscribers): new conferences, changes with before → after, what starts in the next
    30 days and registration deadlines in the next 14. The scheduled service runs 'digest send'
    at [service].digest_cron. SMTP settings come from CONFWATCH_SMTP_* variables.

    \b
    Examples:
      confwatch digest preview --out /tmp/digest.eml
      confwatch digest send --dry-run --json
      confwatch digest send
    """


@digest.command("preview")
@click.option(
    "--subscriber",
    "email",
    metavar="EMAIL",
    help="Whose digest (default: unfiltered, with source health).",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="DATE",
    help="Cover DATE (YYYY-MM-DD, from 00:00 UTC) up to now instead of the last complete period.",
)
@click.option(
    "--week",
    metavar="YYYY-Www",
    help="Cover this ISO week (e.g. 2026-W49) instead of the last complete period.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the message here (.eml, plus the HTML part next to it; .html: HTML only). "
    "Default: print the plain-text part.",
)
@pass_ctx
def preview(
    ctx: Ctx, email: str | None, since: dt.datetime | None, week: str | None, out: Path | None
) -> None:
    """Show the digest a subscriber would receive now, without storing or sending anything.

    It covers the last complete period (last week, or yesterday for daily subscribers), or the
    period chosen with --since or --week. Its source-health notes speak only of crawls inside
    that period.

    \b
    Examples:
      confwatch digest preview
      confwatch digest preview --since 2026-12-01
      confwatch digest preview --week 2026-W49 --out /tmp/digest.eml
      confwatch digest preview --subscriber analyst@example.org --out /tmp/analyst.html
    """
    settings = ctx.reading_settings
    now = _now()
    period = _chosen_period(since, week, now)
    with reading_store(settings) as store:
        _built, message = digest_runner.preview(
            settings, store, email=email, now=now, period=period
        )
    if out is None:
        text_part = message.get_body(("plain",))
        assert text_part is not None
        echo(f"Subject: {message['Subject']}\n")
        for line in text_part.get_content().rstrip("\n").splitlines():
            echo(line)  # scraped text: no terminal control sequences
        return
    html_part = message.get_body(("html",))
    assert html_part is not None
    html = html_part.get_content()
    written = []
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() in (".html", ".htm"):
            out.write_text(html, "utf-8")
            written.append(out)
        else:
            out.write_bytes(digest_runner.message_text(message).encode("utf-8"))
            out.with_suffix(".html").write_text(html, "utf-8")
            written += [out, out.with_suffix(".html")]
    except OSError as exc:
        raise ConfigError(f"--out {shown(out)}: {exc.strerror or exc}") from None
    echo(f"{message['Subject']}")
    for path in written:
        click.echo(f"wrote {path}")


def _chosen_period(
    since: dt.datetime | None, week: str | None, now: dt.datetime
) -> render.Period | None:
    """The period of --since or --week (None: the subscriber's last complete one)."""
    if since is not None and week is not None:
        raise click.UsageError("--since and --week choose the period: give one of them")
    try:
        if since is not None:
            return render.period_since(since.date(), now)
        if week is not None:
            return render.period_of_week(week)
    except ValueError as exc:
        option = "--since" if since is not None else "--week"
        raise click.BadParameter(str(exc), param_hint=option) from None
    return None


@digest.command("send")
@click.option("--dry-run", is_flag=True, help="Show what would be sent; store and send nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON document.")
@pass_ctx
def send(ctx: Ctx, dry_run: bool, as_json: bool) -> None:
    """Send the digests that are due, and retry those a previous run could not send.

    Every digest is stored before it is sent and marked sent once the mail server accepted it,
    so a crash or an SMTP failure never loses one, and a re-run never repeats an accepted one.
    Exit status 1 when a digest could not be sent (it is retried on the next run).

    \b
    Examples:
      confwatch digest send --dry-run
      confwatch digest send --json
    """
    if dry_run:  # stores and sends nothing: reads only
        settings = ctx.reading_settings
        with reading_store(settings) as store:
            report = digest_runner.send_due(settings, now=_now(), dry_run=True, store=store)
    else:
        report = digest_runner.send_due(ctx.settings, now=_now())
    if as_json:
        emit_json(report.to_json())
    else:
        rows = [
            [d.recipient, d.period, d.status, d.subject, d.error or ""] for d in report.deliveries
        ]
        click.echo(
            table(["to", "period", "result", "subject", "error"], rows)
            if rows
            else "no digests due"
        )
    if report.exit_code:
        click.get_current_context().exit(report.exit_code)


COMMANDS = [subscribers, digest]
