"""What counts as a change: merging sightings, the canonical event and the field diff.

Pure functions, no database. The rules:

- ``merge(old, new)``: a re-crawl of one page. A ``None``/empty value in the new sighting never
  overwrites a value the page gave before.
- ``precedence(voices)``: the order in which an event's sightings speak for it, a total order that
  depends only on the set of sightings (never on when or in which order they arrived). Pages of
  the event's own organisers first (a source is the organiser's when the organisation that runs
  it, its configuration's ``organisation``, is named among the event's organisers); among those,
  the organisation most of the pages name first (the lead organiser); then by source key, then
  by URL (a (source, url) pair is one sighting, so the order is total).
- ``canonical(sightings, tiers=...)``: the event's fields from its pages given in precedence
  order. A scalar field (title, dates, place, url, deadline, status) is *voted*: only the pages
  of the best authority tier that give a value count (an organiser's page outranks any number of
  others), the value most of them give wins (compared in compare form, so case and spacing do
  not split a vote), ties go to the value of the page first in precedence, and the winner is
  written as that page writes it. The end date is voted among the pages that gave the winning
  start date, so the dates always come from agreeing pages. ``description`` is the longest
  (ties: precedence); ``organisers``, ``topics`` and ``documents`` the union in precedence order
  without duplicates (names compared case- and space-insensitively, documents by URL);
  ``status`` a vote among the pages that say something other than "scheduled" (one source
  announcing a postponement or cancellation is news). ``canonical_of(voices)`` applies both.
- ``diff(old, new)``: per field in ``EVENT_FIELDS``, compared in *compare form*: strings
  casefolded with whitespace collapsed, ``None`` equal to ``""``, lists as sets. So whitespace
  or case alone, or a reordered organiser list, is no change. Values in the ``FieldChange`` are
  the JSON form (dates as ISO strings, documents as ``{title, url}`` dicts).
- ``fingerprint(fields)``: sha256 of the compare form; equal fingerprints mean ``diff`` is empty.
- ``fold_into_creations(changes)``: the change stream as readers see it: an event's "changed"
  revisions made by the run that created it are part of its "new" entry (the store already
  folds those of the other runs of the creating crawl when writing; a run that reads one page
  twice still writes two revisions). History stays intact: this folds views, not rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii
from typing import Any

from confwatch.store.jsontext import json_text
from confwatch.store.records import (
    CORRECTION,
    EVENT_FIELDS,
    ChangeView,
    Document,
    EventFields,
    FieldChange,
)

LIST_FIELDS = ("organisers", "topics", "documents")
DEFAULT_STATUS = "scheduled"


def squash(text: str | None) -> str:
    """Casefolded, whitespace-collapsed text: the form in which strings are compared."""
    if not text:
        return ""
    return " ".join(text.split()).casefold()


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return not value
    return False


def merge(old: EventFields | None, new: EventFields) -> EventFields:
    """``new`` with every empty field filled from ``old`` (None never overwrites a known value)."""
    if old is None:
        return new
    values = {}
    for name in EVENT_FIELDS:
        value = getattr(new, name)
        values[name] = getattr(old, name) if is_empty(value) else value
    return EventFields(**values)


def _union_strings(lists: Iterable[list[str]]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for items in lists:
        for item in items:
            key = squash(item)
            if key and key not in seen:
                seen.add(key)
                out.append(item)
    return out


def _union_documents(lists: Iterable[list[Document]]) -> list[Document]:
    seen: set[str] = set()
    out: list[Document] = []
    for docs in lists:
        for doc in docs:
            key = doc.url.strip()
            if key and key not in seen:
                seen.add(key)
                out.append(doc)
    return out


def _names_match(organisation: str, organiser: str) -> bool:
    a, b = squash(organisation), squash(organiser)
    return bool(a and b) and (a == b or b.startswith(a + " ") or a.startswith(b + " "))


@dataclass(frozen=True)
class Voice:
    """One sighting as the canonical rule hears it: where it was read, what it says, and the
    organisation that runs its source (None when the configuration names none)."""

    source: str
    url: str
    fields: EventFields
    organisation: str | None = None


OWN, OTHER = 0, 1  # authority tiers: an organiser's own page, any other page


def _ranked(voices: Iterable[Voice]) -> list[tuple[int, Voice]]:
    """(tier, voice) pairs in precedence order: a pure function of the set of voices."""
    voices = list(voices)
    organisers = _union_strings(v.fields.organisers for v in voices)

    def named_by(organisation: str) -> int:  # how many pages name it among the organisers
        return sum(any(_names_match(organisation, o) for o in v.fields.organisers) for v in voices)

    keyed = []
    for voice in voices:
        org = voice.organisation
        own = bool(org) and any(_names_match(org or "", o) for o in organisers)
        lead = named_by(org or "") if own else 0
        keyed.append(((OWN if own else OTHER, -lead, voice.source, voice.url), voice))
    keyed.sort(key=lambda pair: pair[0])
    return [(key[0], voice) for key, voice in keyed]


def precedence(voices: Iterable[Voice]) -> list[Voice]:
    """The voices in precedence order (see the module docstring)."""
    return [voice for _, voice in _ranked(voices)]


def canonical_of(voices: Iterable[Voice]) -> EventFields:
    """The event's fields from the set of its sightings: the same set gives the same fields."""
    ranked = _ranked(voices)
    return canonical([v.fields for _, v in ranked], tiers=[tier for tier, _ in ranked])


def _vote(candidates: Sequence[tuple[int, int, Any]]) -> Any:
    """The winning value of (precedence index, tier, value) candidates, all of them known: the
    best tier only, then the most given compare form, then the earliest in precedence."""
    if not candidates:
        return None
    best = min(tier for _, tier, _ in candidates)
    counts: dict[Any, int] = {}
    first: dict[Any, tuple[int, Any]] = {}
    for index, tier, value in candidates:
        if tier != best:
            continue
        form = _scalar_form(value)
        counts[form] = counts.get(form, 0) + 1
        if form not in first or index < first[form][0]:
            first[form] = (index, value)
    winner = max(counts, key=lambda form: (counts[form], -first[form][0]))
    return first[winner][1]


def _known(
    sightings: Sequence[EventFields], tiers: Sequence[int], name: str
) -> list[tuple[int, int, Any]]:
    """(precedence index, tier, value) of every sighting that gives ``name``."""
    return [
        (i, tiers[i], getattr(s, name))
        for i, s in enumerate(sightings)
        if not is_empty(getattr(s, name))
    ]


def canonical(
    sightings: Sequence[EventFields], *, tiers: Sequence[int] | None = None
) -> EventFields:
    """The event's fields from its sightings' fields, given in precedence order, with each
    sighting's authority tier (all equal when not given)."""
    if not sightings:
        raise ValueError("an event has at least one sighting")
    tiers = list(tiers) if tiers is not None else [OTHER] * len(sightings)
    if len(tiers) != len(sightings):
        raise ValueError("one tier per sighting")
    values: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        if name in ("organisers", "topics"):
            values[name] = _union_strings(getattr(s, name) for s in sightings)
        elif name == "documents":
            values[name] = _union_documents(s.documents for s in sightings)
        elif name == "description":
            texts = [
                s.description
                for s in sightings
                if s.description is not None and not is_empty(s.description)
            ]
            # max() keeps the first of equally long texts: the first in precedence wins ties.
            values[name] = max(texts, key=len) if texts else None
        elif name == "status":
            flagged = [c for c in _known(sightings, tiers, name) if c[2] != DEFAULT_STATUS]
            values[name] = _vote(flagged) or DEFAULT_STATUS
        elif name == "end_date":
            continue  # voted with the start date below
        else:
            values[name] = _vote(_known(sightings, tiers, name))
    start = values["start_date"]
    # The end date from the pages that agree on the start: the two never come from pages that
    # disagree, so the end is never before the start.
    agreeing = [
        c for c in _known(sightings, tiers, "end_date") if sightings[c[0]].start_date == start
    ]
    values["end_date"] = _vote(agreeing)
    values["title"] = values["title"] or ""
    return EventFields(**values)


def _scalar_form(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return squash(value)
    return value.isoformat()  # dates


def _list_form(value: Sequence[str]) -> list[str]:
    return sorted({squash(item) for item in value} - {""})


def _documents_form(value: Sequence[Document]) -> list[tuple[str, str]]:
    return sorted({(doc.url.strip(), squash(doc.title)) for doc in value})


# Per field, the function giving its compare form.
_FORMS: dict[str, Callable[[Any], Any]] = {
    **{name: _scalar_form for name in EVENT_FIELDS},
    "organisers": _list_form,
    "topics": _list_form,
    "documents": _documents_form,
}


def _scalar_json(value: Any) -> str:
    form = _scalar_form(value)
    return encode_basestring_ascii(form) if isinstance(form, str) else json_text(form)


def _list_json(value: Sequence[str]) -> str:
    return "[" + ", ".join([encode_basestring_ascii(item) for item in _list_form(value)]) + "]"


def _documents_json(value: Sequence[Document]) -> str:
    pairs = _documents_form(value)
    return "[" + ", ".join([f"[{json_text(u)}, {json_text(t)}]" for u, t in pairs]) + "]"


_FORMS_JSON: dict[str, Callable[[Any], str]] = {
    **{name: _scalar_json for name in EVENT_FIELDS},
    "organisers": _list_json,
    "topics": _list_json,
    "documents": _documents_json,
}
# The fingerprint's JSON, written directly: per field in name order (sort_keys), its key and
# the JSON of its compare form.
_FP_PARTS = [(n, encode_basestring_ascii(n) + ": ", _FORMS_JSON[n]) for n in sorted(EVENT_FIELDS)]


def _compare_form(fields: EventFields, name: str) -> Any:
    return _FORMS[name](getattr(fields, name))


def _json_form(name: str, value: Any) -> Any:
    if name == "documents":
        return [{"title": doc.title, "url": doc.url} for doc in value]
    if name in LIST_FIELDS:
        return list(value)
    # Dates and strings first: hasattr() on a string raises and catches an AttributeError.
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, str) or not hasattr(value, "isoformat"):
        return value
    return value.isoformat()


def json_value(fields: EventFields, name: str) -> Any:
    """The JSON form of one field (dates as ISO strings, documents as dicts)."""
    return _json_form(name, getattr(fields, name))


def diff(old: EventFields, new: EventFields) -> list[FieldChange]:
    """The fields whose compare form differs, in ``EVENT_FIELDS`` order."""
    return [
        FieldChange(name, json_value(old, name), json_value(new, name))
        for name in EVENT_FIELDS
        if _compare_form(old, name) != _compare_form(new, name)
    ]


def creation(fields: EventFields) -> list[FieldChange]:
    """The changes of a new event: every non-empty field, from None."""
    out = []
    for name in EVENT_FIELDS:
        value = getattr(fields, name)
        if not is_empty(value):
            out.append(FieldChange(name, None, _json_form(name, value)))
    return out


def fingerprint(fields: EventFields) -> str:
    """sha256 hex of the compare form of every field, as ``json.dumps(form, sort_keys=True)``.

    That JSON is written directly (building the dict and encoding it cost about twice as
    much, and every new event needs a fingerprint); tests/store/test_changes.py checks it
    against ``json.dumps``."""
    parts = [key + to_json(getattr(fields, name)) for name, key, to_json in _FP_PARTS]
    return hashlib.sha256(("{" + ", ".join(parts) + "}").encode()).hexdigest()


def provenance(
    event: EventFields, sightings: Sequence[tuple[str, EventFields]]
) -> dict[str, list[str]]:
    """Per field, the sources whose sighting agrees with the event's value (lists: contributes)."""
    out: dict[str, list[str]] = {}
    for name in EVENT_FIELDS:
        target = _compare_form(event, name)
        if target in ("", [], None):
            continue
        agree: list[str] = []
        for source, fields in sightings:
            mine = _compare_form(fields, name)
            hit = (
                bool(set(map(str, mine)) & set(map(str, target)))
                if name in LIST_FIELDS
                else mine == target
            )
            if hit and source not in agree:
                agree.append(source)
        out[name] = agree
    return out


def fold_into_creations(changes: Sequence[ChangeView]) -> list[ChangeView]:
    """``changes`` in their order, each "changed" revision written by the run that created its
    event (both in ``changes``) folded into the "new" one: that entry keeps its id and says the
    event as the run left it, at the time of the run's last word on it. A revision without a
    run (an operator's) is never folded; nor is one of another run, which may be published."""
    creations: dict[tuple[int, int | None], ChangeView] = {
        (c.event_id, c.run_id): c for c in changes if c.kind == "new" and c.run_id is not None
    }
    later: dict[int, list[ChangeView]] = {}
    for c in changes:
        made_by = creations.get((c.event_id, c.run_id))
        if c.kind == "changed" and made_by is not None:
            later.setdefault(made_by.revision_id, []).append(c)
    if not later:
        return list(changes)
    out = []
    for c in changes:
        if c.kind == "changed" and (c.event_id, c.run_id) in creations:
            continue
        folded = later.get(c.revision_id) if c.kind == "new" else None
        if folded:
            last = max([c, *folded], key=lambda v: (v.at, v.revision_id))
            news = any(v.cause != CORRECTION for v in [c, *folded])
            c = dataclasses.replace(
                c,
                at=last.at,
                event=last.event,
                changes=creation(last.event),
                sources=last.sources,
                cause=None if news else CORRECTION,
            )
        out.append(c)
    return out
