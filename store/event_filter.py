"""Which events a listing keeps: ``confwatch events --country --organiser --since --search``.

The country and the dates are conditions of the SQL query (the same on SQLite and PostgreSQL).
Organiser and free text are matched in Python on the rows the query streams: the match is case-
and accent-insensitive ("geneve" finds "Genève"), which neither SQLite's ``lower()`` nor
PostgreSQL without its ``unaccent`` extension can do, and organisers and topics are JSON lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry
import sqlalchemy as sa

from confwatch.store.match import plain
from confwatch.store.models import EVENT
from confwatch.store.records import EventFields

# Codes in use that ISO 3166-1 has not assigned (the place normaliser writes XK for Kosovo).
EXTRA_COUNTRIES = {"XK": "Kosovo"}


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
    place = (event.city, country_name(event.country))
    # Joined with a separator that folds to nothing a search can contain: a phrase never
    # matches across two fields.
    texts = (event.title, *place, *event.organisers, *event.topics)
    return search in " | ".join(fold(t) for t in texts if t)


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """ "Austria" for "AT" (with its common name where ISO's differs); None when unknown."""
    code = (code or "").strip().upper()
    if code in EXTRA_COUNTRIES:
        return EXTRA_COUNTRIES[code]
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return None
    common = getattr(country, "common_name", None)
    return f"{country.name} {common}" if common else str(country.name)


def known_country(code: str) -> bool:
    """``code`` is an ISO 3166-1 alpha-2 code (any case) or one of ``EXTRA_COUNTRIES``."""
    return country_name(code) is not None
