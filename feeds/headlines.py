"""What a reader sees first about an entry: the conference's name, its place, what happened.

``entry_headline`` is a feed entry's title: ``Regional Conference on … (Budapest): dates
changed``, at most ``HEADLINE_LIMIT`` characters. The name leads (newsboat, Thunderbird and
phones cut titles on the right), and only the name is ever shortened: what happened is the
point of the entry. The full list of changes, before → after, is in the entry's body.

``reported_after_held``: a conference first seen after it ended is no news to plan by. It is
labelled "reported, already held" wherever it appears (feeds, page, calendar, digest).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from confwatch.feeds.safe import plain_text, utc_datetime
from confwatch.feeds.wording import CHANGE_ORDER, country_label
from confwatch.store.records import CORRECTION, ChangeView, EventFields, FieldChange

HEADLINE_LIMIT = 120
MIN_NAME = 40  # below this many characters of the name, the place gives way to the name
UNTITLED = "Untitled conference"
NEW = "new conference"
REPORTED = "reported, already held"
# What readers act on: with three changes or more, the first of these is still named.
_FIRST = ("status", "dates", "place")
_GROUP = {"start_date": "dates", "end_date": "dates", "city": "place", "country": "place"}


def reported_after_held(event: EventFields, first_seen: dt.datetime | dt.date) -> bool:
    """Whether the conference was over (its end date, else its start date, before the day it
    was first seen) when confwatch first saw it. Unknown dates: not known to be over."""
    last = event.end_date or event.start_date
    if last is None:
        return False
    seen = utc_datetime(first_seen).date() if isinstance(first_seen, dt.datetime) else first_seen
    return last < seen


def change_is_reported_after_held(change: ChangeView) -> bool:
    """A "new" entry of a conference over by the time it was first seen (``change.at``)."""
    return change.kind == "new" and reported_after_held(change.event, change.at)


def short_place(event: EventFields) -> str:
    """The city, else the country's name, else nothing: ``Budapest``, ``Hungary``, ``Online``."""
    return plain_text(event.city) or plain_text(country_label(event.country))


def what_happened(change: ChangeView) -> str:
    """``new conference``, ``reported, already held``, ``dates changed``, ``dates and place
    changed``, ``cancelled and 2 other changes``, ``4 changes``."""
    if change.kind == "new":
        return REPORTED if change_is_reported_after_held(change) else NEW
    return summarise(change.changes, change.event, corrected=change.cause == CORRECTION)


def summarise(
    changes: Sequence[FieldChange], event: EventFields | None = None, *, corrected: bool = False
) -> str:
    """Several field changes in a few words (``wording.describe_changes`` has them in full).
    ``event``: the fields after the changes, for the unchanged half of dates and place."""
    by_key: dict[str, dict[str, FieldChange]] = {}
    for c in changes:
        by_key.setdefault(_GROUP.get(c.field, c.field), {})[c.field] = c
    keys = [k for k in CHANGE_ORDER if k in by_key] + [k for k in by_key if k not in CHANGE_ORDER]
    phrases = [_phrase(k, by_key[k], event, corrected) for k in keys]
    if not phrases:
        return "updated"
    if len(phrases) == 1:
        return _join(phrases[0])
    if len(phrases) == 2:
        (noun1, verb1), (noun2, verb2) = phrases
        if verb1 == verb2 and verb1:
            return f"{noun1} and {noun2} {verb1}"
        return f"{_join(phrases[0])}, {_join(phrases[1])}"
    if keys[0] in _FIRST:
        return f"{_join(phrases[0])} and {len(phrases) - 1} other changes"
    return f"{len(phrases)} changes"


def entry_headline(change: ChangeView, limit: int = HEADLINE_LIMIT) -> str:
    """``Name (Place): what happened`` in at most ``limit`` characters, markup dropped."""
    return headline(
        plain_text(change.event.title), short_place(change.event), what_happened(change), limit
    )


def headline(name: str, place: str, what: str, limit: int = HEADLINE_LIMIT) -> str:
    """The name, shortened with an ellipsis to leave room for the rest; the place is dropped
    before the name would fall under ``MIN_NAME`` characters; ``what`` is never cut."""
    name = name or UNTITLED
    tail = f": {what}"
    where = f" ({place})" if place else ""
    if (
        where
        and len(name) + len(where) + len(tail) > limit
        and limit - len(where) - len(tail) < min(MIN_NAME, len(name))
    ):
        where = ""
    room = max(limit - len(where) - len(tail), 1)
    return f"{shorten_words(name, room)}{where}{tail}"


def shorten_words(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut after a whole word when one ends in the
    second half, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–-—") + "…"


def _join(phrase: tuple[str, str]) -> str:
    noun, verb = phrase
    return f"{noun} {verb}" if verb else noun


def _phrase(
    key: str, fields: dict[str, FieldChange], event: EventFields | None, corrected: bool
) -> tuple[str, str]:
    """(noun, verb) of one group of changes; a verb "" makes the noun the whole phrase."""
    if corrected:
        return _NOUNS.get(key, key.replace("_", " ")), "corrected"
    if key in ("dates", "place"):
        names = ("start_date", "end_date") if key == "dates" else ("city", "country")
        before = [fields[n].old if n in fields else getattr(event, n, None) for n in names]
        announced = all(_empty(value) for value in before)
        return key, "announced" if announced else "changed"
    if key == "registration_deadline":
        (c,) = fields.values()
        return "registration deadline", "announced" if _empty(c.old) else "changed"
    if key == "status":
        (c,) = fields.values()
        new = plain_text(str(c.new or "")) or "scheduled"
        old = plain_text(str(c.old or "")) or "scheduled"
        if new in ("cancelled", "postponed"):
            return new, ""
        if new == "scheduled" and old != "scheduled":
            return "scheduled again", ""
        return "status", "changed"
    if key in ("organisers", "topics", "documents"):
        (c,) = fields.values()
        return _list_phrase(key, c.old, c.new)
    if key == "url":
        return "web page", "moved"
    if key == "description":
        return "description", "updated"
    return _NOUNS.get(key, key.replace("_", " ")), "changed"


_NOUNS = {"registration_deadline": "registration deadline", "url": "web page"}


def _list_phrase(key: str, old: Any, new: Any) -> tuple[str, str]:
    def keys(value: Any) -> set[str]:
        if key == "documents":
            return {
                str(d.get("url") or d.get("title")) if isinstance(d, dict) else str(d)
                for d in value or []
            }
        return {" ".join(str(i).split()).casefold() for i in value or [] if i}

    before, after = keys(old), keys(new)
    added, removed = after - before, before - after
    singular = {"organisers": "organiser", "topics": "topic", "documents": "document"}[key]
    if added and not removed:
        if key == "documents":
            return ("new document" if len(added) == 1 else "new documents"), ""
        return (singular if len(added) == 1 else key), "added"
    if removed and not added:
        return (singular if len(removed) == 1 else key), "removed"
    return key, "changed"


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []
