"""The digest email: what one subscriber sees for one period, as HTML and plain text in one message.

Pure functions over the store's read records (``ChangeView``, ``EventView``, ``SourceHealth``):
``period_for`` names the period, ``build_digest`` picks and groups what changed in it for one
subscriber's filters, ``compose`` renders both parts (jinja2, autoescaped HTML with inline CSS)
and the headers. Nothing here sends, stores or reads the clock: ``now`` is always an argument.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any, Literal
from urllib.parse import quote, urlsplit

import jinja2

from confwatch.feeds.event_page import event_url
from confwatch.feeds.filters import SameOrganiser, event_matches, organiser_prefix
from confwatch.feeds.headlines import reported_after_held
from confwatch.feeds.safe import clean_paragraphs, clean_text, header_value, http_url, shorten
from confwatch.feeds.wording import (
    describe_changes,
    format_date,
    format_date_range,
    format_list,
    format_place,
)
from confwatch.store.records import (
    CORRECTION,
    ChangeView,
    EventFields,
    EventView,
    FieldChange,
    RunView,
    SourceHealth,
)

Frequency = Literal["weekly", "daily"]
FREQUENCIES: tuple[Frequency, ...] = ("weekly", "daily")
UPCOMING_DAYS = 30
DEADLINE_DAYS = 14
TITLE_LIMIT = 300
DESCRIPTION_LIMIT = 400

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("confwatch.feeds", "templates"),
    # HTML escapes everything; the text part is not HTML, and its values are clean_text'ed.
    autoescape=jinja2.select_autoescape(
        enabled_extensions=("html",), disabled_extensions=("txt",), default=True
    ),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


@dataclass(frozen=True)
class Period:
    """A closed interval of time [start, end) in UTC that one digest covers."""

    frequency: Frequency
    key: str  # "2026-W47" or "2026-11-20": the outbox key and the Message-ID's part
    start: dt.datetime
    end: dt.datetime
    chosen: bool = False  # a span someone asked for (``digest preview --since``), not a week/day

    @property
    def label(self) -> str:
        """``week 47, 16–22 November 2026``, ``20 November 2026`` or ``1–6 December 2026``."""
        first = self.start.date()
        last = max(first, (self.end - dt.timedelta(microseconds=1)).date())
        if self.chosen:
            return format_date_range(first, last) if last != first else format_date(first)
        if self.frequency == "daily":
            return format_date(first)
        return f"week {first.isocalendar().week}, {format_date_range(first, last)}"


def period_for(frequency: Frequency, now: dt.datetime) -> Period:
    """The last complete period before ``now``: the previous ISO week, or yesterday."""
    today = now.astimezone(dt.UTC).date() if now.tzinfo else now.date()
    if frequency == "daily":
        first = today - dt.timedelta(days=1)
        return Period("daily", first.isoformat(), _midnight(first), _midnight(today))
    if frequency != "weekly":
        raise ValueError(f"unknown digest frequency {frequency!r}")
    monday = today - dt.timedelta(days=today.weekday())
    first = monday - dt.timedelta(days=7)
    iso = first.isocalendar()
    return Period("weekly", f"{iso.year}-W{iso.week:02d}", _midnight(first), _midnight(monday))


def period_of_week(week: str, frequency: Frequency = "weekly") -> Period:
    """The ISO week ``2026-W49`` (Monday to Sunday, UTC); ValueError when it is no such week."""
    year, sep, number = week.strip().upper().partition("-W")
    if not (sep and year.isdigit() and number.isdigit()):
        raise ValueError(f"{week!r}: not an ISO week like 2026-W49")
    try:
        monday = dt.date.fromisocalendar(int(year), int(number), 1)
    except ValueError as exc:
        raise ValueError(f"{week!r}: no such ISO week ({exc})") from None
    iso = monday.isocalendar()
    key = f"{iso.year}-W{iso.week:02d}"
    return Period(frequency, key, _midnight(monday), _midnight(monday + dt.timedelta(days=7)))


def period_since(since: dt.date, now: dt.datetime, frequency: Frequency = "weekly") -> Period:
    """From midnight (UTC) of ``since`` up to ``now``: what a preview of "everything since the
    first crawl" covers. ValueError when ``since`` is after ``now``."""
    start = _midnight(since)
    end = now.astimezone(dt.UTC)
    if start > end:
        raise ValueError(f"{since.isoformat()} is in the future")
    key = f"{since.isoformat()}..{end:%Y-%m-%dT%H:%M}"
    return Period(frequency, key, start, end, chosen=True)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


# -- choosing what a subscriber sees ------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """Each non-empty list must match (any of its values); empty lists match everything."""

    organisers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO alpha-2
    topics: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


# Without the spiders' organiser knowledge: "OSCE" keeps "OSCE" and "OSCE TNTD".
same_name = organiser_prefix


def matches(
    fields: EventFields, filters: Filters, same_organiser: SameOrganiser = same_name
) -> bool:
    """Whether an event passes a subscriber's filters (the rule of ``filters.event_matches``).
    ``same_organiser(wanted, organiser)`` is passed in by the caller (the scheduler uses the
    spiders' ``same_body``: "OSCE TNTD" is OSCE)."""
    return event_matches(
        fields,
        organisers=filters.organisers,
        countries=filters.countries,
        topics=filters.topics,
        keywords=filters.keywords,
        same_organiser=same_organiser,
    )


@dataclass
class Item:
    """One conference as the templates print it: cleaned strings and http(s) URLs only."""

    title: str
    url: str | None
    dates: str
    place: str
    organisers: str
    status: str | None
    deadline: str | None
    description: str
    sources: list[tuple[str, str]]  # (label, url)
    changes: list[str] = field(default_factory=list)
    corrected: bool = False  # some of ``changes`` correct confwatch's own reading
    event_id: int | None = None  # its page is ``/events/ID`` under the letterhead's base_url


@dataclass
class Digest:
    period: Period
    new: list[Item]
    changed: list[Item]
    upcoming: list[Item]
    deadlines: list[Item]
    health: list[str] | None = None  # None: not an operator's digest
    # New to confwatch but over before it first saw them: a record, kept out of "New".
    reported: list[Item] = field(default_factory=list)

    @property
    def changed_note(self) -> str:
        """What the "Changed conferences" section's lines mean."""
        note = "Before → after, as the source pages now say."
        if any(item.corrected for item in self.changed):
            note += " “Corrected”: confwatch had misread the page; the site did not change it."
        return note

    @property
    def empty(self) -> bool:
        """Nothing new, changed or reported (upcoming dates alone are no news)."""
        return not self.new and not self.changed and not self.reported

    def subject(self, prefix: str) -> str:
        # Only the counts that are not zero: "1 new conference", "3 new, 2 changed conferences".
        parts = [
            f"{n} {what}"
            for n, what in ((len(self.new), "new"), (len(self.changed), "changed"))
            if n
        ]
        total = len(self.new) + len(self.changed)
        if parts:
            counts = ", ".join(parts) + (" conference" if total == 1 else " conferences")
        else:
            counts = "nothing new"
        if self.reported:
            counts += f", {len(self.reported)} already held"
        return header_value(f"{prefix} {counts} – {self.period.label}")


def _item(
    fields: EventFields,
    sources: Iterable[tuple[str, str]],
    changes: list[str],
    event_id: int | None = None,
) -> Item:
    status = clean_text(fields.status) or "scheduled"
    deadline = fields.registration_deadline
    links: list[tuple[str, str]] = []
    for key, raw in [*sources, ("event page", fields.url or "")]:
        url = http_url(raw)
        if url and url not in {u for _, u in links}:
            links.append((_site(url) or clean_text(key) or "source", url))
    return Item(
        title=shorten(clean_text(fields.title), TITLE_LIMIT) or "Untitled conference",
        url=http_url(fields.url),
        dates=format_date_range(fields.start_date, fields.end_date),
        place=format_place(fields.city, fields.country),
        organisers=format_list(fields.organisers),
        status=status if status != "scheduled" else None,
        deadline=format_date(deadline) if deadline else None,
        description=shorten(" ".join(clean_paragraphs(fields.description)), DESCRIPTION_LIMIT),
        sources=links,
        changes=changes,
        event_id=event_id,
    )


def _site(url: str) -> str:
    """``osce.org`` for a link label: readers know sites, not our source keys."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _before(after: EventFields, changes: Sequence[FieldChange]) -> EventFields:
    data = after.to_json()
    data.update({c.field: c.old for c in changes})
    try:
        return EventFields.from_json(data)
    except (KeyError, TypeError, ValueError):  # an odd stored value: judge by "after" alone
        return after


def _corrected_fields(revisions: Sequence[ChangeView]) -> set[str]:
    """The fields that only corrections changed among ``revisions`` (confwatch's own reading,
    not the site): their net change is worded "corrected"."""
    news = {c.field for rev in revisions if rev.cause != CORRECTION for c in rev.changes}
    fixed = {c.field for rev in revisions if rev.cause == CORRECTION for c in rev.changes}
    return fixed - news


def _net_changes(revisions: Sequence[ChangeView]) -> list[FieldChange]:
    """Several revisions of one event as one: first old, last new; edits undone vanish."""
    first_old: dict[str, Any] = {}
    last_new: dict[str, Any] = {}
    for rev in revisions:  # oldest first
        for c in rev.changes:
            first_old.setdefault(c.field, c.old)
            last_new[c.field] = c.new
    return [
        FieldChange(f, first_old[f], last_new[f]) for f in last_new if first_old[f] != last_new[f]
    ]


def build_digest(
    period: Period,
    changes: Iterable[ChangeView],
    events: Iterable[EventView],
    *,
    now: dt.datetime,
    filters: Filters = Filters(),  # frozen: a shared default is safe
    same_organiser: SameOrganiser = same_name,
    health: Sequence[SourceHealth] | None = None,
    runs: Sequence[RunView] = (),
) -> Digest:
    """One subscriber's digest: events new or changed within the period (changes outside it are
    ignored, whatever the caller passed), events starting in the next 30 days, registration
    deadlines in the next 14 days, and (``health`` given) the sources' health for operators,
    judged from the crawl ``runs`` inside the period (see ``health_notes``).

    A changed event is shown when it matches the filters before or after the change, so a
    conference that moves out of a watched country is reported, not silently dropped."""
    in_period: dict[int, list[ChangeView]] = {}
    for change in changes:
        if period.start <= change.at < period.end:
            in_period.setdefault(change.event_id, []).append(change)
    new: list[tuple[EventFields, Item]] = []
    changed: list[tuple[EventFields, Item]] = []
    reported: list[tuple[EventFields, Item]] = []
    for revisions in in_period.values():
        revisions.sort(key=lambda c: (c.at, c.revision_id))
        last = revisions[-1]
        sources = [(s.source, s.url) for s in last.sources]
        creation = next((r for r in revisions if r.kind == "new"), None)
        if creation is not None:
            if matches(last.event, filters, same_organiser):
                held = reported_after_held(last.event, creation.at)
                (reported if held else new).append(
                    (last.event, _item(last.event, sources, [], last.event_id))
                )
            continue
        net = _net_changes(revisions)
        if not net:
            continue
        before = _before(last.event, net)
        if matches(last.event, filters, same_organiser) or matches(before, filters, same_organiser):
            fixed = _corrected_fields(revisions)
            lines = describe_changes([c for c in net if c.field not in fixed], last.event)
            lines += describe_changes(
                [c for c in net if c.field in fixed], last.event, cause=CORRECTION
            )
            item = _item(last.event, sources, lines, last.event_id)
            item.corrected = any(c.field in fixed for c in net)
            changed.append((last.event, item))

    today = now.astimezone(dt.UTC).date()
    upcoming: list[tuple[EventFields, Item]] = []
    deadlines: list[tuple[EventFields, Item]] = []
    horizon = today + dt.timedelta(days=UPCOMING_DAYS)
    deadline_horizon = today + dt.timedelta(days=DEADLINE_DAYS)
    for event in events:
        f = event.fields
        if not matches(f, filters, same_organiser):
            continue
        sources = [(s.source, s.url) for s in event.sources]
        if f.start_date and f.start_date <= horizon and (f.end_date or f.start_date) >= today:
            upcoming.append((f, _item(f, sources, [], event.id)))
        if f.registration_deadline and today <= f.registration_deadline <= deadline_horizon:
            deadlines.append((f, _item(f, sources, [], event.id)))

    def by_start(pair: tuple[EventFields, Item]) -> tuple[dt.date, str]:
        return pair[0].start_date or dt.date.max, pair[1].title

    def by_deadline(pair: tuple[EventFields, Item]) -> tuple[dt.date, str]:
        return pair[0].registration_deadline or dt.date.max, pair[1].title

    def latest_held_first(pair: tuple[EventFields, Item]) -> tuple[int, str]:
        last = pair[0].end_date or pair[0].start_date or dt.date.min
        return -last.toordinal(), pair[1].title

    notes = None if health is None else health_notes(period, health, runs)
    return Digest(
        period=period,
        new=[i for _, i in sorted(new, key=by_start)],
        changed=[i for _, i in sorted(changed, key=by_start)],
        upcoming=[i for _, i in sorted(upcoming, key=by_start)],
        deadlines=[i for _, i in sorted(deadlines, key=by_deadline)],
        health=notes,
        reported=[i for _, i in sorted(reported, key=latest_held_first)],
    )


_SUCCESS = ("ok", "partial")


def health_notes(
    period: Period, health: Sequence[SourceHealth], runs: Sequence[RunView]
) -> list[str]:
    """The operator's notes: what the crawls inside the period did, then each source's trouble
    now. Nothing is claimed for a period without crawls (one before the store existed, say):
    "on time" would be a guess."""
    watched = {h.source for h in health}
    inside = [
        r
        for r in runs
        if r.kind == "crawl" and r.source in watched and period.start <= r.started_at < period.end
    ]
    if not inside:
        notes = ["No crawl ran in this period: nothing is known about the sources then."]
    else:
        fine = {r.source for r in inside if r.status in _SUCCESS}
        failed = sum(1 for r in inside if r.status == "failed")
        crawls = f"{len(inside)} crawl{'s' if len(inside) != 1 else ''}"
        if failed:
            crawls += f", {failed} failed"
        if fine == watched:
            notes = [f"All {len(watched)} sources crawled successfully in this period ({crawls})."]
        else:
            missing = ", ".join(sorted(watched - fine))
            notes = [
                f"{len(fine)} of {len(watched)} sources crawled successfully in this period "
                f"({crawls}); not successfully: {missing}."
            ]
    return notes + [clean_text(h.message) for h in health if h.state != "ok"]


# -- the message --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """What the message says about its sender: from configuration, not from pages."""

    mail_from: str
    subject_prefix: str = "[confwatch]"
    base_url: str | None = None  # the web page with every conference and the feeds
    unsubscribe_mailto: str | None = None  # default: the From address
    unsubscribe_url: str | None = None  # "{email}" is replaced by the subscriber's address


def mail_domain(mail_from: str) -> str:
    domain = mail_from.rpartition("@")[2].strip(" <>") or "localhost"
    return clean_text(domain).lower() or "localhost"


def message_id(recipient: str, period_key: str, domain: str) -> str:
    """Deterministic: the same (subscriber, period) always gets the same Message-ID, so a copy
    sent again after a lost server reply is recognised by mail clients as the same message."""
    digest = hashlib.sha256(f"{recipient.lower()}\n{period_key}".encode()).hexdigest()[:24]
    return f"<digest.{clean_text(period_key)}.{digest}@{domain}>"


def unsubscribe_links(recipient: str, letterhead: Letterhead) -> list[str]:
    mailbox = clean_text(letterhead.unsubscribe_mailto or letterhead.mail_from)
    links = [f"mailto:{mailbox}?subject={quote('unsubscribe ' + recipient)}"]
    if letterhead.unsubscribe_url:
        url = http_url(letterhead.unsubscribe_url.replace("{email}", quote(recipient, safe="")))
        if url:
            links.append(url)
    return links


def render(
    digest: Digest, *, name: str | None, letterhead: Letterhead, unsubscribe: list[str]
) -> tuple[str, str]:
    """(html, text): the same sections and items in both. Each conference's title links to
    its page on the letterhead's ``base_url`` (``/events/ID``), when there is one."""
    base_url = http_url(letterhead.base_url)

    def page_url(item: Item) -> str | None:
        return event_url(base_url, item.event_id) if base_url and item.event_id else None

    context = {
        "digest": digest,
        "period": digest.period.label,
        "greeting": clean_text(name),
        "subject": digest.subject(letterhead.subject_prefix),
        "base_url": http_url(letterhead.base_url),
        "unsubscribe": unsubscribe,
        "page_url": page_url,
        "frequency": digest.period.frequency,
        "upcoming_days": UPCOMING_DAYS,
        "deadline_days": DEADLINE_DAYS,
    }
    html = _ENV.get_template("digest.html").render(context)
    text = _ENV.get_template("digest.txt").render(context)
    return html, text


def compose(
    digest: Digest,
    *,
    recipient: str,
    name: str | None,
    letterhead: Letterhead,
    now: dt.datetime,
) -> EmailMessage:
    """The multipart/alternative message (text first, HTML preferred) with all its headers."""
    links = unsubscribe_links(recipient, letterhead)
    html, text = render(digest, name=name, letterhead=letterhead, unsubscribe=links)
    domain = mail_domain(letterhead.mail_from)
    msg = EmailMessage()
    msg["Subject"] = digest.subject(letterhead.subject_prefix)
    msg["From"] = header_value(letterhead.mail_from)
    msg["To"] = formataddr((header_value(name), recipient))
    msg["Date"] = format_datetime(now.astimezone(dt.UTC))
    msg["Message-ID"] = message_id(recipient, digest.period.key, domain)
    msg["List-Id"] = f"confwatch digest <digest.{domain}>"
    msg["List-Unsubscribe"] = ", ".join(f"<{link}>" for link in links)
    msg["Auto-Submitted"] = "auto-generated"  # no vacation replies to a robot
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg
