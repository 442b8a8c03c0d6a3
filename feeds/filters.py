"""Filtered feeds: one Atom + RSS pair per organiser, per country, and per configured filter.

File names are stable slugs, so subscribers' URLs never change: ``country-at.atom``,
``organiser-unoct.atom``, and ``topic-<name>.atom`` for each configured filter (organisers,
countries, topics, keywords; all given criteria must hold, any value within one criterion).
Matching is case- and accent-insensitive; an organiser filter "OSCE" also keeps "OSCE TNTD".
Automatic feeds are made for the countries and organisers of the events in the store.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from confwatch.feeds.wording import country_name
from confwatch.store.records import ChangeView, EventFields, EventView


def fold(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "x"


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
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def filename_base(self) -> str:
        return f"{self.kind}-{slug(self.name)}"

    def keeps(self, event: EventFields) -> bool:
        if self.organisers and not any(_organiser_match(f, o) for f in self.organisers for o in event.organisers):
            return False
        if self.countries and (event.country or "").upper() not in {c.upper() for c in self.countries}:
            return False
        topics = " | ".join(fold(t) for t in event.topics)
        if self.topics and not any(fold(t) in topics for t in self.topics):
            return False
        text = " | ".join([fold(event.title), fold(event.description), topics])
        return not (self.keywords and not any(fold(k) in text for k in self.keywords))


def _organiser_match(wanted: str, organiser: str) -> bool:
    a, b = fold(wanted), fold(organiser)
    return bool(a) and (a == b or b.startswith(a + " "))


def automatic_filters(events: Iterable[EventView]) -> list[FeedFilter]:
    """A feed per country and per organiser found among the events, in a stable order."""
    countries: set[str] = set()
    organisers: dict[str, str] = {}
    for e in events:
        if e.fields.country:
            countries.add(e.fields.country.upper())
        for o in e.fields.organisers:
            organisers.setdefault(slug(o), o)
    out = [FeedFilter(name=c.lower(), title=f"Conferences in {country_name(c) or c}", countries=(c,),
                      kind="country") for c in sorted(countries)]
    out += [FeedFilter(name=key, title=f"Conferences organised by {name}", organisers=(name,),
                       kind="organiser") for key, name in sorted(organisers.items())]
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
