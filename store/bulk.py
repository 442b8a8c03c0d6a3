"""New events written in bulk: every value encoded once, as the database driver receives it.

``insert_new`` writes a batch of new events (sightings that matched nothing) with three
statements: a multi-row ``INSERT ... RETURNING id, uid`` for the events (split where SQLAlchemy
would split its own, at the dialect's parameter limit), then one executemany each for the
sightings and the revisions. RETURNING promises no order, so ids are matched back by uid.

Why not SQLAlchemy Core executemany: it builds a parameter dict per row and runs every value
through its type's bind processor (JSON serialisation, date formatting), and the sighting's
fields and the revision's snapshot, the same JSON, were serialised twice. For new events that
was about half the time of ``record_many``. Here each value is encoded once, and the statements
go to the driver through ``exec_driver_sql``, so SQLAlchemy still logs them and wraps driver
errors (a duplicate key is still an ``IntegrityError``).

The stored values are exactly those of the typed statements (``recording._create``), so the
models read back the same Python values on both backends; tests/store/test_bulk.py compares the
raw rows:

- JSON columns get ``json.dumps`` text (default separators, ``ensure_ascii``). That is what
  SQLAlchemy's JSON type sends on SQLite and what psycopg's ``Json`` adapter sends on PostgreSQL.
  PostgreSQL casts the text to ``json``, which keeps it as given. ``jsontext.json_text`` writes
  that text (a dozen values an event) without setting up a ``json.dumps`` encoder for each. This
  assumes the engine's default JSON serialiser, which ``db.create_engine`` keeps.
- Dates, datetimes and booleans go through the dialect's own bind processors (SQLite: text in
  SQLAlchemy's format; PostgreSQL: the objects, adapted by psycopg), cached per value.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Dialect

from confwatch.store import changes as ch
from confwatch.store.jsontext import json_text
from confwatch.store.models import EVENT, REVISION, SIGHTING
from confwatch.store.records import EVENT_FIELDS, FieldChange, Outcome, RunInfo, Sighting

_EVENT_COLUMNS = (
    "uid",
    *EVENT_FIELDS,
    "first_seen",
    "last_seen",
    "last_changed",
    "fingerprint",
    "revision_count",
)
_SIGHTING_COLUMNS = (
    "source",
    "url",
    "event_id",
    "fields",
    "raw",
    "first_seen",
    "last_seen",
    "last_run_id",
    "match_score",
    "missed_runs",
    "withdrawn",
)
_REVISION_COLUMNS = (
    "event_id",
    "seq",
    "uid",
    "kind",
    "changes",
    "snapshot",
    "at",
    "run_id",
    "source",
)

# JSON text of the snapshot's keys and of a creation's change entries, up to their value.
_KEYS = {name: encode_basestring_ascii(name) + ": " for name in EVENT_FIELDS}
_CREATED = {
    name: '{"field": ' + encode_basestring_ascii(name) + ', "old": null, "new": '
    for name in EVENT_FIELDS
}


@dataclass(frozen=True)
class _Encoding:
    """One backend's parameter style and the bind processors the three tables need."""

    events_sql: Callable[[int], str]  # the events INSERT for n rows
    events_per_statement: int
    sightings_sql: str
    revisions_sql: str
    day: Callable[[Any], Any]
    moment: Callable[[Any], Any]
    false: Any  # how the backend stores False


_ENCODINGS: dict[tuple[str, str, str], _Encoding] = {}
# Positional placeholders of the DBAPI paramstyles of sqlite3 and psycopg.
_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _encoding(dialect: Dialect) -> _Encoding:
    """Built once per kind of dialect: the processors depend on nothing else."""
    key = (dialect.name, dialect.driver, dialect.paramstyle)
    if key not in _ENCODINGS:
        _ENCODINGS[key] = _build_encoding(dialect)
    return _ENCODINGS[key]


def _build_encoding(dialect: Dialect) -> _Encoding:
    mark = _MARKS[dialect.paramstyle]
    # PostgreSQL takes the JSON text as json; SQLite stores it as text.
    json_mark = mark if dialect.name == "sqlite" else f"CAST({mark} AS JSON)"

    def insert(table: sa.Table, columns: Sequence[str]) -> tuple[str, str]:
        kinds = [table.c[column].type for column in columns]
        row = ", ".join(json_mark if isinstance(kind, sa.JSON) else mark for kind in kinds)
        return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ", f"({row})"

    event_head, event_row = insert(EVENT, _EVENT_COLUMNS)

    def events_sql(rows: int) -> str:
        return event_head + ", ".join([event_row] * rows) + " RETURNING id, uid"

    # The limits SQLAlchemy's own multi-row INSERTs keep to (parameters per statement).
    per_statement = dialect.insertmanyvalues_max_parameters // len(_EVENT_COLUMNS)
    return _Encoding(
        events_sql=functools.lru_cache(maxsize=8)(events_sql),
        events_per_statement=min(dialect.insertmanyvalues_page_size, per_statement),
        sightings_sql="".join(insert(SIGHTING, _SIGHTING_COLUMNS)),
        revisions_sql="".join(insert(REVISION, _REVISION_COLUMNS)),
        day=_cached(EVENT.c.start_date.type, dialect),
        moment=_cached(EVENT.c.first_seen.type, dialect),
        false=_cached(SIGHTING.c.withdrawn.type, dialect)(False),
    )


def _cached(kind: sa.types.TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any]:
    """The dialect's bind processor for ``kind``, remembered per value (dates repeat a lot)."""
    process = kind.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return _same
    return functools.lru_cache(maxsize=4096)(process)


def _same(value: Any) -> Any:
    return value


def insert_new(
    conn: Connection, run: RunInfo, items: Sequence[tuple[Sighting, dt.datetime, str]]
) -> list[Outcome]:
    """Events, sightings and first revisions for (sighting, when, uid) triples, in order."""
    enc = _encoding(conn.dialect)
    rows = [_encode(enc, run, sighting, when, uid) for sighting, when, uid in items]
    ids = _insert_events(conn, enc, [row.event for row in rows])
    written = list(zip(rows, ids, strict=True))
    sightings = [(*row.sighting_key, event_id, *row.sighting) for row, event_id in written]
    conn.exec_driver_sql(enc.sightings_sql, sightings)
    conn.exec_driver_sql(
        enc.revisions_sql, [(event_id, *row.revision) for row, event_id in written]
    )
    return [Outcome("new", event_id, row.changes) for row, event_id in written]


@dataclass
class _Rows:
    """One new event's rows, all but the event id (known once the event is inserted)."""

    event: tuple[Any, ...]
    sighting_key: tuple[str, str]  # the sighting's columns before event_id
    sighting: tuple[Any, ...]  # and after it
    revision: tuple[Any, ...]  # the revision's columns after event_id
    changes: list[FieldChange]


def _encode(enc: _Encoding, run: RunInfo, sighting: Sighting, when: dt.datetime, uid: str) -> _Rows:
    fields = sighting.fields
    texts = {name: json_text(value) for name, value in fields.to_json().items()}
    snapshot = "{" + ", ".join([_KEYS[name] + text for name, text in texts.items()]) + "}"
    changes = ch.creation(fields)
    # A creation's values are the snapshot's: both are the fields' JSON form (changes.json_value).
    listed = ", ".join([_CREATED[change.field] + texts[change.field] + "}" for change in changes])
    moment = enc.moment(when)
    event = (
        uid,
        fields.title,
        enc.day(fields.start_date),
        enc.day(fields.end_date),
        fields.city,
        fields.country,
        texts["organisers"],
        texts["topics"],
        fields.description,
        fields.url,
        enc.day(fields.registration_deadline),
        texts["documents"],
        fields.status,
        moment,
        moment,
        moment,
        ch.fingerprint(fields),
        1,
    )
    raw = json_text(sighting.raw)
    return _Rows(
        event=event,
        sighting_key=(sighting.source, sighting.url),
        sighting=(snapshot, raw, moment, moment, run.id, None, 0, enc.false),
        revision=(1, f"{uid}-r1", "new", f"[{listed}]", snapshot, moment, run.id, run.source),
        changes=changes,
    )


def _insert_events(conn: Connection, enc: _Encoding, rows: list[tuple[Any, ...]]) -> list[int]:
    """The rows' event ids, in order: RETURNING gives no order, so each id comes with its uid."""
    ids: dict[str, int] = {}
    for start in range(0, len(rows), enc.events_per_statement):
        chunk = rows[start : start + enc.events_per_statement]
        flat = tuple(value for row in chunk for value in row)
        returned = conn.exec_driver_sql(enc.events_sql(len(chunk)), flat)
        ids.update((uid, event_id) for event_id, uid in returned)
    return [ids[row[0]] for row in rows]
