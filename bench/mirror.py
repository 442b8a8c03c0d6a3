# ruff: noqa: E501  (the HTML templates below keep the real pages' long lines)
"""A generated local mirror of osce.org's events: N event pages and a paged listing.

The pages are built from the recorded pages in ``tests/fixtures/sites/www.osce.org`` (same head,
chrome, Drupal field markup and pager), so the real ``OsceSpider`` reads them as it reads the
site. Dates are relative to ``today``: most events upcoming, some past, so the revisit policy
(upcoming pages every run, past ones rarely) is exercised. ``mark_changed`` edits a share of the
upcoming event pages in place (a revised first paragraph and a registration deadline), which is
what the server's ETag / Last-Modified then report.

Layout follows the replay server's rule: ``<root>/www.osce.org/event/<slug>/index.html``,
``<root>/www.osce.org/events/index.html`` and ``events/index@page=K.html``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "sites" / "www.osce.org"
HOST = "www.osce.org"
PER_LISTING = 20  # teasers per listing page, as the real events view shows them
UPCOMING_SHARE = 0.8

CT_TITLES = (
    "{year} OSCE-wide Counter-Terrorism Conference",
    "Regional Workshop on Preventing Violent Extremism and Radicalization that Lead to Terrorism in {region}",
    "Expert Seminar on Countering the Financing of Terrorism",
    "National Round Table on Community Policing to Prevent VERLT in {country}",
    "Sub-regional Conference on Foreign Terrorist Fighters and their Families",
    "High-level Conference on the Role of Women in Preventing Violent Extremism",
    # Not a training course: eval-format §5.1 says a training course is no event, and the
    # extractor rightly skips one, so the mirror would count it as a missed upcoming event.
    "Workshop on Countering Terrorist Use of the Internet for {country}",
    "Inter-Regional Conference on a Whole-of-Society Approach to Countering Terrorism",
    "Table-top Exercise on Protecting Critical Infrastructure from Terrorist Attacks",
    "Seminar on Rehabilitation and Reintegration of Violent Extremist Offenders",
)
OTHER_TITLES = (  # real kinds of OSCE events that are not about terrorism: skipped by relevance
    "{year} Annual Security Review Conference",
    "Preparatory Meeting of the {nth} OSCE Economic and Environmental Forum",
    "Human Dimension Implementation Meeting {year}",
    "Conference on Media Freedom in {region}",
    "Gender Equality Review Conference {year}",
)
PLACES = (
    ("Vienna", "Austria"),
    ("Warsaw", "Poland"),
    ("Bishkek", "Kyrgyzstan"),
    ("Tashkent", "Uzbekistan"),
    ("Ulaanbaatar", "Mongolia"),
    ("Astana", "Kazakhstan"),
    ("Dushanbe", "Tajikistan"),
    ("Skopje", "North Macedonia"),
    ("Sarajevo", "Bosnia and Herzegovina"),
    ("Tirana", "Albania"),
    ("Belgrade", "Serbia"),
    ("Chisinau", "Moldova"),
    ("Tbilisi", "Georgia"),
    ("Yerevan", "Armenia"),
    ("Malta", "Malta"),
    ("Prague", "Czech Republic"),
    ("Geneva", "Switzerland"),
    ("Helsinki", "Finland"),
    ("Ashgabat", "Turkmenistan"),
    ("Podgorica", "Montenegro"),
)
REGIONS = (
    "Central Asia",
    "South-Eastern Europe",
    "the South Caucasus",
    "Eastern Europe",
    "the Mediterranean",
)
ORGANISERS = (
    ("Transnational Threats Department", "/secretariat/transnational-threats-department"),
    ("Chairmanship", "/chairmanship"),
    ("Office for Democratic Institutions and Human Rights", "/odihr"),
    ("OSCE Programme Office in Bishkek", "/programme-office-in-bishkek"),
    ("Action against Terrorism Unit", "/secretariat/terrorism"),
)
PARAGRAPHS = (
    "The event brings together representatives of participating States, international "
    "organizations, civil society and academia to discuss effective responses to terrorism and "
    "violent extremism.",
    "Participants will share good practices in preventing and countering violent extremism and "
    "radicalization that lead to terrorism (VERLT), with attention to human rights.",
    "Sessions address the role of local communities, youth and women, and the co-operation "
    "between law enforcement and civil society in addressing terrorism.",
    "The discussions will also cover the use of the Internet for terrorist purposes and the "
    "financing of terrorism, and how public-private partnerships can help.",
    "The meeting is part of the OSCE's long-standing support to participating States in "
    "implementing their commitments on countering terrorism.",
)
OTHER_PARAGRAPHS = (
    "The meeting reviews the implementation of commitments across the OSCE region.",
    "Delegations, experts and civil society exchange views on recent developments and "
    "recommendations for the coming year.",
)


@dataclass
class EventPage:
    slug: str
    title: str
    start: dt.date
    end: dt.date
    city: str
    country: str
    relevant: bool

    @property
    def url(self) -> str:
        return f"https://{HOST}/event/{self.slug}"

    @property
    def path(self) -> str:
        return f"{HOST}/event/{self.slug}/index.html"


@dataclass
class Mirror:
    root: Path
    n: int
    today: dt.date
    listing_pages: int
    events: list[EventPage] = field(default_factory=list)

    @property
    def upcoming(self) -> list[EventPage]:
        return [e for e in self.events if e.end >= self.today]

    def summary(self) -> dict[str, object]:
        upcoming = self.upcoming
        return {
            "n": self.n,
            "listing_pages": self.listing_pages,
            "upcoming": len(upcoming),
            "past": self.n - len(upcoming),
            "relevant": sum(e.relevant for e in self.events),
            "bytes": sum(p.stat().st_size for p in self.root.rglob("*.html")),
        }

    def save(self) -> None:
        data = {
            "n": self.n,
            "today": self.today.isoformat(),
            "listing_pages": self.listing_pages,
            "events": [
                {**asdict(e), "start": e.start.isoformat(), "end": e.end.isoformat()}
                for e in self.events
            ],
        }
        (self.root / "mirror.json").write_text(json.dumps(data))


def _template(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:90]


def _time(day: dt.date) -> str:
    return (
        f'<time datetime="{day.isoformat()}T12:00:00Z" class="datetime">'
        f"{day.day} {day:%B %Y}</time>"
    )


def _dates(start: dt.date, end: dt.date) -> str:
    return _time(start) if start == end else f"{_time(start)} - {_time(end)}"


def _set_head(page: str, title: str, url: str, description: str) -> str:
    """The fixture's head, retitled: title, canonical, og/twitter tags, description."""
    t, d, u = html.escape(title), html.escape(description), html.escape(url)
    page = re.sub(r"<title>.*?</title>", f"<title>{t} | OSCE</title>", page, count=1)
    page = re.sub(r'(<link rel="canonical" href=")[^"]*', rf"\g<1>{u}", page, count=1)
    page = re.sub(r'(<meta property="og:url" content=")[^"]*', rf"\g<1>{u}", page, count=1)
    for tag in ('property="og:title"', 'name="twitter:title"'):
        page = re.sub(rf'(<meta {tag} content=")[^"]*', rf"\g<1>{t}", page, count=1)
    for tag in ('name="description"', 'property="og:description"'):
        page = re.sub(rf'(<meta {tag} content=")[^"]*', rf"\g<1>{d}", page, count=1)
    return page


def _between(page: str, start: str, end: str) -> tuple[str, str]:
    """The parts of ``page`` before ``start`` and from the end of ``end`` on."""
    i = page.index(start)
    j = page.index(end, i) + len(end)
    return page[:i], page[j:]


def event_html(
    event: EventPage, template: str, paragraphs: list[str], organisers: list[tuple[str, str]]
) -> str:
    head_and_chrome, footer = _between(
        template, '<article class="node node--type-event', "</article>"
    )
    page = _set_head(head_and_chrome, event.title, event.url, paragraphs[0]) + footer
    orgs = "".join(
        f'<div class="field__item"><a href="{href}" hreflang="en">{html.escape(name)}</a></div>'
        for name, href in organisers
    )
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    article = f"""<article class="node node--type-event node--promoted node--view-mode-full">
<div class="event-header">
<div class="content-type-label">Event</div>
<h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{html.escape(event.title)}</span></h1>
<div class="event-details">
<div class="field field--name-field-date field--type-daterange field--label-above">
<div class="field__label">Date</div>
<div class="field__item">{_dates(event.start, event.end)}</div>
</div>
<div class="field field--name-field-location field--type-string field--label-above">
<div class="field__label">Location</div>
<div class="field__item">{html.escape(event.city)}, {html.escape(event.country)}</div>
</div>
<div class="field field--name-field-organized-by field--type-entity-reference field--label-above">
<div class="field__label">Organized by</div>
<div class="field__items">{orgs}</div>
</div>
</div>
</div>
<div class="node__content">
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body}
</div>
</div>
</article>"""
    i = page.index("<main")
    j = page.index('<div data-drupal-messages-fallback class="hidden"></div>', i)
    marker = '<div data-drupal-messages-fallback class="hidden"></div>\n'
    return page[: j + len(marker)] + article + page[j + len(marker) :]


def _teaser(event: EventPage) -> str:
    return f"""<div class="views-row">
<article class="node node--type-event node--view-mode-teaser">
<div class="teaser__type">Event</div>
<h3 class="teaser__title"><a href="/event/{event.slug}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">{html.escape(event.title)}</span></a></h3>
<div class="teaser__date field--name-field-date">{_dates(event.start, event.end)}</div>
<div class="teaser__place field--name-field-location">{html.escape(event.city)}, {html.escape(event.country)}</div>
</article>
</div>"""


def _pager(page: int, last: int) -> str:
    """Drupal's full pager: first/previous, a window of page numbers, next/last."""

    def item(css: str, target: int, label: str, extra: str = "") -> str:
        return f'<li class="pager__item{css}"><a href="?page={target}"{extra}>{label}</a></li>'

    items: list[str] = []
    if page > 0:
        items.append(item(" pager__item--first", 0, '<span aria-hidden="true">« First</span>'))
        items.append(
            item(
                " pager__item--previous",
                page - 1,
                '<span aria-hidden="true">‹ Previous</span>',
                ' rel="prev"',
            )
        )
    for k in range(max(0, page - 4), min(last, page + 4) + 1):
        active = " is-active" if k == page else ""
        items.append(item(active, k, f'<span class="visually-hidden">Page</span>{k + 1}'))
    if page < last:
        items.append(
            item(
                " pager__item--next",
                page + 1,
                '<span aria-hidden="true">Next ›</span>',
                ' rel="next"',
            )
        )
        items.append(item(" pager__item--last", last, '<span aria-hidden="true">Last »</span>'))
    return (
        '<nav class="pager" role="navigation" aria-labelledby="pagination-heading">\n'
        '<h4 id="pagination-heading" class="visually-hidden">Pagination</h4>\n'
        '<ul class="pager__items js-pager__items">\n' + "\n".join(items) + "\n</ul>\n</nav>"
    )


def listing_html(events: list[EventPage], page: int, last: int, template: str) -> str:
    before, after = _between(template, '<div class="view-content">', "</nav>")
    url = f"https://{HOST}/events" + (f"?page={page}" if page else "")
    before = _set_head(before, "Events", url, "Events of the OSCE")
    rows = "\n".join(_teaser(e) for e in events)
    return f'{before}<div class="view-content">\n{rows}\n</div>\n{_pager(page, last)}{after}'


def _event(rng: random.Random, index: int, today: dt.date, used: set[str]) -> EventPage:
    upcoming = rng.random() < UPCOMING_SHARE
    start = today + dt.timedelta(days=rng.randint(1, 450) if upcoming else -rng.randint(4, 700))
    end = start + dt.timedelta(days=rng.choice((0, 1, 1, 2, 2, 3)))  # some cross a month's end
    city, country = rng.choice(PLACES)
    relevant = rng.random() < 0.8
    pattern = rng.choice(CT_TITLES if relevant else OTHER_TITLES)
    title = pattern.format(
        year=start.year, region=rng.choice(REGIONS), country=country, nth=f"{20 + index % 15}th"
    )
    slug = _slugify(title)
    if slug in used:  # Drupal's own answer to duplicate titles: a numeric suffix
        slug = f"{slug}-{index}"
    used.add(slug)
    return EventPage(slug, title, start, end, city, country, relevant)


def generate(root: Path, n: int, *, today: dt.date, seed: int = 9) -> Mirror:
    """Write a mirror of ``n`` event pages and their listing under ``root`` (emptied first)."""
    if root.exists():
        shutil.rmtree(root)
    site = root / HOST
    (site / "events").mkdir(parents=True)
    shutil.copy(FIXTURES / "robots.txt", site / "robots.txt")
    rng = random.Random(seed)
    used: set[str] = set()
    events = [_event(rng, i, today, used) for i in range(n)]
    events.sort(key=lambda e: (e.start, e.slug), reverse=True)  # the view lists newest first
    event_template = _template("event/osce-wide-counter-terrorism-conference-2020/index.html")
    for event in events:
        pool = PARAGRAPHS if event.relevant else OTHER_PARAGRAPHS
        paragraphs = rng.sample(pool, k=min(len(pool), rng.randint(2, 4)))
        organisers = rng.sample(ORGANISERS, k=rng.randint(1, 2))
        path = root / event.path
        path.parent.mkdir(parents=True)
        path.write_text(event_html(event, event_template, paragraphs, organisers), "utf-8")
    listing_template = _template("events/index.html")
    last = max(0, (n - 1) // PER_LISTING)
    for page in range(last + 1):
        chunk = events[page * PER_LISTING : (page + 1) * PER_LISTING]
        text = listing_html(chunk, page, last, listing_template)
        (site / "events" / f"index@page={page}.html").write_text(text, "utf-8")
        if page == 0:
            (site / "events" / "index.html").write_text(text, "utf-8")
    mirror = Mirror(root=root, n=n, today=today, listing_pages=last + 1, events=events)
    mirror.save()
    return mirror


def mark_changed(mirror: Mirror, share: float, *, seed: int) -> list[EventPage]:
    """Edit ``share`` of the upcoming event pages (at least one): a revised first paragraph and
    a registration deadline, as when an announcement is updated. The listing stays as it is."""
    rng = random.Random(seed)
    candidates = [e for e in mirror.upcoming if e.relevant]
    chosen = rng.sample(candidates, k=max(1, round(share * mirror.n)))
    for event in chosen:
        path = mirror.root / event.path
        text = path.read_text("utf-8")
        marker = '<div class="clearfix text-formatted field field--name-body'
        i = text.index(">", text.index(marker)) + 1
        deadline = event.start - dt.timedelta(days=7)
        update = (
            f"\n<p>Updated programme (revision {seed}): the agenda now includes a session on "
            f"countering terrorism online.</p>\n<p><strong>Registration deadline: "
            f"{deadline.day} {deadline:%B %Y}.</strong></p>"
        )
        path.write_text(text[:i] + update + text[i:], "utf-8")
    return chosen
