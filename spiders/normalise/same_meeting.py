"""One meeting, one event per page: two events read from one page's sections that name the same
meeting are one event (decision 0005: one conference, one record; eval-format §5.1).

A page is read section by section, so a news story can give its meeting twice: once under its
headline, once under a later paragraph that names the conference ("Mehr als 70 Staaten ..." and
"Konferenz zur Bekämpfung der Finanzierung ..."), or once under the meeting's name and once under
a phrase about it ("African Counter-Terrorism Summit" and "Summit under the theme").

Two events of one page are the same meeting when

- their places agree: the same city and country, or one of them has none;
- their dates overlap, or one of them has none;
- their titles name the same meeting: both name an event noun, and one title's event nouns and
  topic words are all in the other (the shorter adds nothing the longer lacks); or one title
  names no meeting at all (a headline) and the evidence is positive: both have dates, which
  overlap, and both a city, the same one.

Two different meetings of a listing page or a report name different nouns or topics, or differ
in place or days, and stay apart. The merged event keeps the title that names the meeting most
fully, the wider date range, and every organiser either gave. ``confwatch extract`` and the crawl
both call ``one_event_per_meeting`` after normalising a page (decision 0015).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from confwatch.fields import EventFields
from confwatch.spiders.normalise import lexicon

# Any event noun names a meeting, except a press conference, a videoconference and the like.
_MEETING_KINDS = frozenset(lexicon.EVENT_KINDS) - {"not_event"}


@dataclass(frozen=True)
class Meeting:
    """One event of the page after merging: ``index`` is the event whose title it keeps,
    ``dates_from`` the one whose dates it keeps, ``merged`` every event it is made of."""

    index: int
    fields: EventFields
    dates_from: int
    merged: tuple[int, ...]


@dataclass(frozen=True)
class _Name:
    nouns: frozenset[str]
    topics: frozenset[str]


def _name(title: str) -> _Name:
    nouns = frozenset(w.text.casefold() for w in lexicon.event_words(title, _MEETING_KINDS))
    topics = frozenset(m.group(0).casefold() for m in lexicon.words("topic").finditer(title))
    return _Name(nouns, topics)


def _within(small: _Name, large: _Name) -> bool:
    return small.nouns <= large.nouns and small.topics <= large.topics


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


def _overlap(a: EventFields, b: EventFields) -> bool:
    if a.start_date is None or b.start_date is None:
        return True
    a_end = a.end_date or a.start_date
    b_end = b.end_date or b.start_date
    return a.start_date <= b_end and b.start_date <= a_end


def same_meeting(a: EventFields, b: EventFields) -> bool:
    """Whether two events read from one page are one meeting (the rule in the docstring)."""
    if not (_agree(a.city, b.city) and _agree(a.country, b.country) and _overlap(a, b)):
        return False
    na, nb = _name(a.title), _name(b.title)
    if na.nouns and nb.nouns:
        return _within(na, nb) or _within(nb, na)
    if na.nouns or nb.nouns:
        # A headline names no meeting: it is this one only where the page says so plainly.
        return (
            a.start_date is not None
            and b.start_date is not None
            and a.city is not None
            and b.city is not None
        )
    return False


def _fuller(a: EventFields, b: EventFields) -> bool:
    """Whether ``b``'s title names the meeting more fully than ``a``'s (ties: ``a``, earlier)."""
    na, nb = _name(a.title), _name(b.title)
    if bool(na.nouns) != bool(nb.nouns):
        return bool(nb.nouns)
    return (len(nb.topics), len(nb.nouns)) > (len(na.topics), len(na.nouns))


def _width(e: EventFields) -> int:
    if e.start_date is None:
        return -1
    return ((e.end_date or e.start_date) - e.start_date).days


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _merge(kept: Meeting, index: int, other: EventFields) -> Meeting:
    base, base_index, extra = kept.fields, kept.index, other
    if _fuller(base, other):
        base, base_index, extra = other, index, kept.fields
    # The wider range: the other reading saw the meeting's end (or start) that this one missed.
    if _width(other) > _width(kept.fields):
        dated, dates_from = other, index
    else:
        dated, dates_from = kept.fields, kept.dates_from
    fields = dataclasses.replace(
        base,
        start_date=dated.start_date,
        end_date=dated.end_date,
        city=base.city or extra.city,
        country=base.country or extra.country,
        organisers=_union(base.organisers, extra.organisers),
        topics=_union(base.topics, extra.topics),
        description=base.description or extra.description,
        registration_deadline=base.registration_deadline or extra.registration_deadline,
        documents=base.documents + [d for d in extra.documents if d not in base.documents],
        status=base.status if base.status != "scheduled" else extra.status,
    )
    return Meeting(base_index, fields, dates_from, (*kept.merged, index))


def one_event_per_meeting(events: Sequence[EventFields]) -> list[Meeting]:
    """The page's events with each meeting once, in page order (of its first event)."""
    meetings: list[Meeting] = []
    for i, event in enumerate(events):
        for n, meeting in enumerate(meetings):
            if same_meeting(meeting.fields, event):
                meetings[n] = _merge(meeting, i, event)
                break
        else:
            meetings.append(Meeting(i, event, i, (i,)))
    return meetings
