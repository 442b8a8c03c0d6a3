"""Which events a listing keeps: ``confwatch events --country --organiser --since --search``.

The country and the dates are conditions of the SQL query (the same on SQLite and PostgreSQL).
Organiser and free text are matched in Python on the rows the query streams: the match is case-
and accent-insensitive ("geneve" finds "Genève"), which neither SQLite's ``lower()`` nor
PostgreSQL without its ``unaccent`` extension can do, and organisers and topics are JSON lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from confwatch.countries import country_names
from confwatch.store.match import plain
from confwatch.store.models import EVENT
from confwatch.store.records import EventFields


@dataclass(frozen=True)
class EventFilter:
    """All given criteria must hold; None (or blank text) is no criterion."""

    country: str | None = None  # ISO 3166-1 alpha-2, any case
    organiser: str | None = None  # within any of the organisers' names
    since: dt.date | None = None  # ending on/after it (starting, when the end is unknown)
    search: str | None = None  # within the title, the place, an organiser or a topic

    @property
    def needs_rows(self) -> bool:
        """True when some criterion is matched in Python, so SQL cannot apply a LIMIT."""
        return bool(fold(self.organiser) or fold(self.search))


def fold(text: str | None) -> str:
    """Case, accents, punctuation and runs of white space ignored ("Genève," -> "geneve")."""
    return " ".join(plain(text).split())


def narrow(query: sa.Select[Any], wanted: EventFilter) -> sa.Select[Any]:
    """``query`` (rows of the event table) with the criteria SQL can check."""
    if wanted.country:
        query = query.where(sa.func.upper(EVENT.c.country) == wanted.country.strip().upper())
    if wanted.since is not None:
        query = query.where(sa.func.coalesce(EVENT.c.end_date, EVENT.c.start_date) >= wanted.since)
    return query


def keeps(event: EventFields, wanted: EventFilter) -> bool:
    """The criteria checked in Python (organiser, search) hold for ``event``."""
    organiser = fold(wanted.organiser)
    if organiser and not any(organiser in fold(o) for o in event.organisers):
        return False
    search = fold(wanted.search)
    if not search:
        return True
    place = (event.city, *country_names(event.country))  # "korea", "south korea": all find KR
    # Joined with a separator that folds to nothing a search can contain: a phrase never
    # matches across two fields.
    texts = (event.title, *place, *event.organisers, *event.topics)
    return search in " | ".join(fold(t) for t in texts if t)
