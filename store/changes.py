"""What counts as a change: merging sightings, the canonical event and the field diff.

Pure functions, no database. The rules:

- ``merge(old, new)``: a re-crawl of one page. A ``None``/empty value in the new sighting never
  overwrites a value the page gave before.
- ``precedence(sightings)``: the order in which sources speak for an event. A page of one of the
  event's own organisers comes first (the organiser's own page wins for dates, place and title),
  then the others, each group oldest first. A source is the organiser's when the organisation
  that runs it (its configuration's ``organisation``) is named among the event's organisers.
- ``canonical(sightings)``: the event's fields from all the pages describing it, in precedence
  order. Per field the first non-empty value; ``description`` the longest; ``organisers``,
  ``topics`` and ``documents`` the ordered union without duplicates (names compared case- and
  space-insensitively, documents by URL); ``url`` the first sighting's; ``status`` the first that
  is not "scheduled" (one source announcing a postponement or cancellation is news).
- ``diff(old, new)``: per field in ``EVENT_FIELDS``, compared in *compare form*: strings
  casefolded with whitespace collapsed, ``None`` equal to ``""``, lists as sets. So whitespace
  or case alone, or a reordered organiser list, is no change. Values in the ``FieldChange`` are
  the JSON form (dates as ISO strings, documents as ``{title, url}`` dicts).
- ``fingerprint(fields)``: sha256 of the compare form; equal fingerprints mean ``diff`` is empty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence
from json.encoder import encode_basestring_ascii
from typing import Any

from confwatch.store.jsontext import json_text
from confwatch.store.records import EVENT_FIELDS, Document, EventFields, FieldChange

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


def precedence(sightings: Sequence[tuple[EventFields, str | None]]) -> list[EventFields]:
    """(fields, organisation running the source) pairs, given oldest first, in precedence order."""
    organisers = _union_strings(fields.organisers for fields, _ in sightings)
    own = [f for f, org in sightings if org and any(_names_match(org, o) for o in organisers)]
    return own + [f for f, org in sightings if not any(f is o for o in own)]


def canonical(sightings: Sequence[EventFields]) -> EventFields:
    """The event's fields from its sightings' fields, given oldest sighting first."""
    if not sightings:
        raise ValueError("an event has at least one sighting")
    values: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        if name in ("organisers", "topics"):
            values[name] = _union_strings(getattr(s, name) for s in sightings)
        elif name == "documents":
            values[name] = _union_documents(s.documents for s in sightings)
        elif name == "description":
            texts = [s.description for s in sightings if not is_empty(s.description)]
            # max() keeps the first of equally long texts, so the oldest sighting wins ties.
            values[name] = max(texts, key=len) if texts else None
        elif name == "status":
            flagged = [s.status for s in sightings if s.status and s.status != DEFAULT_STATUS]
            values[name] = flagged[0] if flagged else DEFAULT_STATUS
        else:
            known = [getattr(s, name) for s in sightings if not is_empty(getattr(s, name))]
            values[name] = known[0] if known else None
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
