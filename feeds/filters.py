"""Filtered feeds: one Atom + RSS pair per organiser, per country, and per configured filter.

File names are stable slugs, so subscribers' URLs never change: ``country-at.atom``,
``organiser-unoct.atom``, and ``topic-<name>.atom`` for each configured filter (organisers,
countries, topics, keywords; all given criteria must hold, any value within one criterion).
Matching is case- and accent-insensitive; an organiser filter "OSCE" also keeps "OSCE TNTD".
``event_matches`` is the one filter rule; subscribers' digests use it too.
Automatic feeds are made for the countries and organisers of the events in the store.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from confwatch.feeds.wording import country_label
from confwatch.slugs import slug
from confwatch.store.records import ChangeView, EventFields, EventView


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Case- and accent-free form; cached, as every subscriber's filter folds the same texts."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


def _file_slug(text: str) -> str:
    """A feed file's name part, as first published: "osce-tntd", "geneve", "конференция"."""
    return slug(text, letters="latin-ascii", fold=True, strip_cut=False)


@dataclass(frozen=True)
class FeedFilter:
    """A named subscription: the events it keeps match every criterion given."""

    name: str
    title: str
    organisers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    kind: str = "topic"  # file name prefix: "topic", "country", "organiser"

    @property
    def filename_base(self) -> str:
        return f"{self.kind}-{_file_slug(self.name)}"

    def keeps(self, event: EventFields) -> bool:
        return event_matches(
            event,
            organisers=self.organisers,
            countries=self.countries,
            topics=self.topics,
            keywords=self.keywords,
        )


SameOrganiser = Callable[[str, str], bool]


def organiser_prefix(wanted: str, organiser: str) -> bool:
    """ "OSCE" keeps "OSCE" and "OSCE TNTD" (case- and accent-insensitive)."""
    a, b = fold(wanted), fold(organiser)
    return bool(a) and (a == b or b.startswith(a + " "))


def event_matches(
    event: EventFields,
    *,
    organisers: Iterable[str] = (),
    countries: Iterable[str] = (),
    topics: Iterable[str] = (),
    keywords: Iterable[str] = (),
    same_organiser: SameOrganiser = organiser_prefix,
) -> bool:
    """The one filter rule of feeds and digests: every criterion given must hold, any value within
    one. Topics and keywords are looked for in the title, the topics and the description."""
    organisers, countries = [o for o in organisers if o], [c.upper() for c in countries if c]
    if organisers and not any(
        same_organiser(w, o) for w in organisers for o in event.organisers if o
    ):
        return False
    if countries and (event.country or "").upper() not in countries:
        return False
    wanted = [words for words in ([t for t in topics if t], [k for k in keywords if k]) if words]
    if not wanted:
        return True  # no text criterion: the event's text need not be folded
    text = " | ".join(fold(t) for t in (event.title, *event.topics, event.description) if t)
    return all(any(fold(w) in text for w in words) for words in wanted)


def automatic_filters(events: Iterable[EventView | EventFields]) -> list[FeedFilter]:
    """A feed per country and per organiser found among the events, in a stable order."""
    countries: set[str] = set()
    organisers: dict[str, str] = {}
    for e in events:
        f = e.fields if isinstance(e, EventView) else e
        if f.country:
            countries.add(f.country.upper())
        for o in f.organisers:
            organisers.setdefault(_file_slug(o), o)
    out = [
        FeedFilter(
            name=c.lower(),
            title=f"Conferences in {country_label(c) or c}",
            countries=(c,),
            kind="country",
        )
        for c in sorted(countries)
    ]
    out += [
        FeedFilter(
            name=key, title=f"Conferences organised by {name}", organisers=(name,), kind="organiser"
        )
        for key, name in sorted(organisers.items())
    ]
    return out


def selector(f: FeedFilter) -> Callable[[ChangeView], bool]:
    return lambda change: f.keeps(change.event)


def unique(filters: Sequence[FeedFilter]) -> list[FeedFilter]:
    seen: set[str] = set()
    out = []
    for f in filters:
        if f.filename_base not in seen:
            seen.add(f.filename_base)
            out.append(f)
    return out
