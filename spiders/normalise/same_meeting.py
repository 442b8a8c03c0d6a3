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
fully, the wider date range, and every organiser either gave. ``confwatch extract``, ``try``
and the crawl all call ``one_event_per_meeting`` after normalising a page (decision 0015); the
merged event's explanation (``explained``) gives each field the reasons of the event, or events,
whose value it kept, so ``--explain`` never says "none" beside a value another mention gave.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from confwatch.fields import EventFields
from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.event_place import shown_place
from confwatch.spiders.normalise.explain import Candidate, Explanation, FieldChoice
from confwatch.spiders.normalise.places import Place

# Any event noun names a meeting, except a press conference, a videoconference and the like.
_MEETING_KINDS = frozenset(lexicon.EVENT_KINDS) - {"not_event"}


@dataclass(frozen=True)
class Meeting:
    """One event of the page after merging: ``index`` is the event whose title it keeps,
    ``merged`` every event it is made of, and ``gave`` which of them gave each field's value, by
    the names ``--explain`` uses (``GIVEN``): one event, or several when the value joins theirs."""

    index: int
    fields: EventFields
    merged: tuple[int, ...]
    gave: Mapping[str, tuple[int, ...]]

    @property
    def dates_from(self) -> int:
        """The event whose dates it keeps."""
        return self.gave["dates"][0]


# The fields as an explanation names them (``normalise(..., explain=...)``).
GIVEN = ("title", "dates", "place", "organisers")


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


def _place_parts(e: EventFields) -> frozenset[object]:
    return frozenset(p for p in (("city", e.city), ("country", e.country)) if p[1])


def _organiser_parts(e: EventFields) -> frozenset[object]:
    return frozenset(e.organisers)


def _givers(
    name: str, members: Sequence[Meeting], parts: Callable[[EventFields], frozenset[object]]
) -> tuple[int, ...]:
    """The events that gave the merged ``members``' value of ``name``: the first member whose
    value is the whole merged value (neither has one: the first), else each member that added to
    it."""
    whole = frozenset().union(*(parts(m.fields) for m in members))
    for m in members:
        if parts(m.fields) == whole:
            return tuple(m.gave[name])
    out: list[int] = []
    seen: set[object] = set()
    for m in members:
        if parts(m.fields) - seen:
            out += m.gave[name]
            seen |= parts(m.fields)
    return tuple(dict.fromkeys(out))


def _alone(index: int, event: EventFields) -> Meeting:
    return Meeting(index, event, (index,), dict.fromkeys(GIVEN, (index,)))


def _merge(kept: Meeting, index: int, other: EventFields) -> Meeting:
    new = _alone(index, other)
    base, extra = (new, kept) if _fuller(kept.fields, other) else (kept, new)
    # The wider range: the other reading saw the meeting's end (or start) that this one missed.
    dated = new if _width(other) > _width(kept.fields) else kept
    first, second = base.fields, extra.fields
    fields = dataclasses.replace(
        first,
        start_date=dated.fields.start_date,
        end_date=dated.fields.end_date,
        city=first.city or second.city,
        country=first.country or second.country,
        organisers=_union(first.organisers, second.organisers),
        topics=_union(first.topics, second.topics),
        description=first.description or second.description,
        registration_deadline=first.registration_deadline or second.registration_deadline,
        documents=first.documents + [d for d in second.documents if d not in first.documents],
        status=first.status if first.status != "scheduled" else second.status,
    )
    gave = {
        "title": base.gave["title"],
        "dates": dated.gave["dates"],
        "place": _givers("place", (base, extra), _place_parts),
        "organisers": _givers("organisers", (base, extra), _organiser_parts),
    }
    return Meeting(base.index, fields, (*kept.merged, index), gave)


def one_event_per_meeting(events: Sequence[EventFields]) -> list[Meeting]:
    """The page's events with each meeting once, in page order (of its first event)."""
    meetings: list[Meeting] = []
    for i, event in enumerate(events):
        for n, meeting in enumerate(meetings):
            if same_meeting(meeting.fields, event):
                meetings[n] = _merge(meeting, i, event)
                break
        else:
            meetings.append(_alone(i, event))
    return meetings


def explained(meeting: Meeting, reasons: Sequence[Explanation]) -> Explanation:
    """Why the meeting's fields are what they are: each field's explanation from the event that
    gave its value (``reasons[i]`` is event ``i``'s); a value joined from several events, one
    choice naming each of them."""
    if len(meeting.merged) == 1:
        return reasons[meeting.index]
    names = list(reasons[meeting.index].fields)
    names += [n for i in meeting.merged for n in reasons[i].fields if n not in names]
    why = Explanation()
    for name in names:
        givers = meeting.gave.get(name, (meeting.index,))
        choices = [reasons[i].fields[name] for i in givers if name in reasons[i].fields]
        if len(choices) == 1:
            why.fields[name] = choices[0]
        elif choices:
            why.fields[name] = _joined(name, choices, _JOINED[name](meeting.fields))
    return why


# The fields whose value can join several events' values, as an explanation shows it.
_JOINED: dict[str, Callable[[EventFields], str]] = {
    "place": lambda e: shown_place(Place(e.city, e.country)),
    "organisers": lambda e: "; ".join(e.organisers),
}


def _joined(name: str, choices: Sequence[FieldChoice], value: str) -> FieldChoice:
    """One field's choice made of the choices of several readings of one meeting."""
    made = [(c.chosen, c.why) for c in choices if c.chosen is not None]
    evidence = " … ".join(dict.fromkeys(c.evidence for c, _ in made if c.evidence))
    rule = " + ".join(dict.fromkeys(c.rule for c, _ in made))
    said = "; ".join(f"{c.value} ({why})" for c, why in made)
    passed = list({(p.value, p.evidence): (p, w) for c in choices for p, w in c.passed}.values())
    return FieldChoice(
        name,
        Candidate(value, evidence or None, rule),
        f"read from {len(made)} mentions of this meeting: {said}",
        passed,
    )
