"""Properties of the pure change rules (no database: these are functions of EventFields)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

from confwatch.store.changes import (
    canonical,
    creation,
    diff,
    fingerprint,
    is_empty,
    merge,
    squash,
)
from confwatch.store.records import EVENT_FIELDS, Document, EventFields, FieldChange

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
maybe_text = st.none() | texts
dates = st.none() | st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31))
event_fields = st.builds(
    EventFields,
    title=texts,
    start_date=dates,
    end_date=dates,
    city=maybe_text,
    country=st.none() | st.sampled_from(["AT", "MN", "SK", "AE"]),
    organisers=st.lists(texts, max_size=3),
    topics=st.lists(texts, max_size=3),
    description=maybe_text,
    url=maybe_text,
    registration_deadline=dates,
    documents=st.lists(st.builds(Document, title=texts, url=st.uuids().map(str)), max_size=2),
    status=st.sampled_from(["scheduled", "postponed", "cancelled"]),
)


def _shouted(fields: EventFields) -> EventFields:
    """The same fields in upper case with doubled, padded whitespace."""

    def loud(text: str | None) -> str | None:
        return None if text is None else "  " + "  ".join(text.split()).upper() + "\n"

    return EventFields(
        title=loud(fields.title) or "",
        start_date=fields.start_date,
        end_date=fields.end_date,
        city=loud(fields.city),
        country=fields.country,
        organisers=[loud(o) or "" for o in reversed(fields.organisers)],
        topics=[loud(t) or "" for t in fields.topics],
        description=loud(fields.description),
        url=loud(fields.url),
        registration_deadline=fields.registration_deadline,
        documents=list(fields.documents),
        status=fields.status,
    )


@given(event_fields)
def test_fields_never_differ_from_themselves(fields: EventFields) -> None:
    assert diff(fields, fields) == []


@given(
    event_fields.filter(
        lambda f: all(
            t.upper().casefold() == t.casefold()
            for t in [
                f.title,
                f.city or "",
                f.description or "",
                f.url or "",
                *f.organisers,
                *f.topics,
            ]
        )
    )
)
def test_case_and_whitespace_alone_are_no_change(fields: EventFields) -> None:
    loud = _shouted(fields)
    assert diff(fields, loud) == []
    assert fingerprint(fields) == fingerprint(loud)


@given(event_fields, event_fields)
def test_merge_never_loses_a_known_value(old: EventFields, new: EventFields) -> None:
    merged = merge(old, new)
    for name in EVENT_FIELDS:
        if not is_empty(getattr(old, name)):
            assert not is_empty(getattr(merged, name)), name


@given(event_fields, event_fields)
def test_equal_fingerprints_mean_no_diff(a: EventFields, b: EventFields) -> None:
    assert (fingerprint(a) == fingerprint(b)) == (diff(a, b) == [])


def test_canonical_takes_the_longest_description_and_the_union_of_organisers() -> None:
    first = EventFields("Conference", organisers=["OSCE"], description="Short.")
    second = EventFields("Conference", organisers=["osce ", "UNOCT"], description="Much longer.")
    merged = canonical([first, second])
    assert merged.organisers == ["OSCE", "UNOCT"]
    assert merged.description == "Much longer."


def test_canonical_status_takes_a_cancellation_from_any_source() -> None:
    first = EventFields("Conference", status="scheduled")
    second = EventFields("Conference", status="cancelled")
    assert canonical([first, second]).status == "cancelled"


def _first_compare_form(fields: EventFields, name: str) -> object:
    """The compare form as first written (fingerprints stored since then must stay valid)."""
    value = getattr(fields, name)
    if name == "documents":
        return sorted({(doc.url.strip(), squash(doc.title)) for doc in value})
    if name in ("organisers", "topics"):
        return sorted({squash(item) for item in value} - {""})
    if value is None or isinstance(value, str):
        return squash(value)
    return value.isoformat()


@given(event_fields)
def test_fingerprint_is_the_sha256_of_the_sorted_json_compare_form(fields: EventFields) -> None:
    form = {name: _first_compare_form(fields, name) for name in EVENT_FIELDS}
    expected = hashlib.sha256(json.dumps(form, sort_keys=True).encode()).hexdigest()
    assert fingerprint(fields) == expected


@given(event_fields)
def test_a_creation_lists_every_non_empty_field_in_its_json_form(fields: EventFields) -> None:
    snapshot = fields.to_json()
    expected = [
        FieldChange(name, None, snapshot[name])
        for name in EVENT_FIELDS
        if not is_empty(getattr(fields, name))
    ]
    assert creation(fields) == expected
