"""record_many(): one transaction per batch, the same outcomes and history as record() per item."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confwatch.store import RunNotRunning, Sighting, Store
from confwatch.store.migrate import upgrade

from .conftest import T0, doc, sighting

LATER = T0 + dt.timedelta(hours=6)
PG_SCHEMA_OPTION = "options=-csearch_path%3D"


@contextmanager
def twin_database(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A second, empty database on the same backend as ``database_url``."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'reference.db'}"
        return
    import psycopg

    base, _, _ = database_url.partition(PG_SCHEMA_OPTION)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    raw = base.rstrip("?&").replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{base}{PG_SCHEMA_OPTION}{schema}"
    finally:
        with psycopg.connect(raw, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def history(store: Store) -> dict[str, Any]:
    """Everything recording writes: events with sightings and revisions, changes, run counters."""
    return {
        "events": [store.event(view.id) for view in store.events()],
        "changes": store.changes(),
        "runs": [(r.items, r.new, r.changed, r.unchanged, r.errors) for r in store.runs()],
    }


def seed() -> list[Sighting]:
    """What the database holds before the batch: three OSCE events, one with a description."""
    return [
        sighting(),
        sighting(
            "osce",
            "https://www.osce.org/event/pve-workshop",
            title="Workshop on Preventing Violent Extremism",
            start_date=dt.date(2019, 9, 10),
            end_date=dt.date(2019, 9, 11),
            city="Vienna",
            country="AT",
        ),
        sighting(
            "osce",
            "https://www.osce.org/event/ftf-meeting",
            title="Expert Meeting on Foreign Terrorist Fighters",
            start_date=dt.date(2019, 10, 2),
            end_date=None,
            city="Tashkent",
            country="UZ",
            description="Experts discuss returning foreign terrorist fighters.",
        ),
    ]


def mixed_batch() -> list[Sighting]:
    """A realistic page batch: every way a sighting can be recorded."""
    agenda = doc("Agenda", "https://www.osce.org/files/agenda.pdf")
    return [
        # unchanged: the conference exactly as stored
        sighting(),
        # changed: the workshop moved
        sighting(
            "osce",
            "https://www.osce.org/event/pve-workshop",
            title="Workshop on Preventing Violent Extremism",
            start_date=dt.date(2019, 9, 17),
            end_date=dt.date(2019, 9, 18),
            city="Vienna",
            country="AT",
        ),
        # None never overwrites: the description is missing this time, so nothing changed
        sighting(
            "osce",
            "https://www.osce.org/event/ftf-meeting",
            title="Expert Meeting on Foreign Terrorist Fighters",
            start_date=dt.date(2019, 10, 2),
            end_date=None,
            city="Tashkent",
            country="UZ",
            description=None,
        ),
        # cross-source match: UNOCT announces the stored OSCE conference, with its agenda
        sighting(
            "unoct",
            "https://www.un.org/counterterrorism/events/osce-ct-conference",
            title="OSCE-wide Counter-Terrorism Conference 2019",
            documents=[agenda],
        ),
        # brand new
        sighting(
            "osce",
            "https://www.osce.org/event/border-security",
            title="Seminar on Border Security and Management",
            start_date=dt.date(2019, 11, 5),
            end_date=dt.date(2019, 11, 6),
            city="Dushanbe",
            country="TJ",
        ),
        # one new conference seen twice in the batch: OSCE first, then UNOCT matching it
        sighting(
            "osce",
            "https://www.osce.org/event/online-radicalization",
            title="Conference on Countering Online Radicalization",
            start_date=dt.date(2019, 12, 3),
            end_date=dt.date(2019, 12, 4),
            city="Rome",
            country="IT",
        ),
        sighting(
            "unoct",
            "https://www.un.org/counterterrorism/events/online-radicalization",
            title="Countering Online Radicalization Conference",
            start_date=dt.date(2019, 12, 3),
            end_date=dt.date(2019, 12, 4),
            city="Rome",
            country="IT",
            description="Co-organised with the OSCE.",
        ),
        # the same page twice in one batch: new, then revised
        sighting(
            "osce",
            "https://www.osce.org/event/victims-forum",
            title="Forum on Victims of Terrorism",
            start_date=dt.date(2020, 2, 12),
            end_date=None,
            city="Geneva",
            country="CH",
        ),
        sighting(
            "osce",
            "https://www.osce.org/event/victims-forum",
            title="Forum on Victims of Terrorism",
            start_date=dt.date(2020, 2, 12),
            end_date=dt.date(2020, 2, 13),
            city="Geneva",
            country="CH",
        ),
        # new, undated: never matched
        sighting(
            "unoct",
            "https://www.un.org/counterterrorism/events/tbd",
            title="High-level Conference on Counter-Terrorism",
            start_date=None,
            end_date=None,
            city=None,
            country=None,
        ),
    ]


def ordered(batch: list[Sighting], order: str) -> list[Sighting]:
    if order == "reversed":
        return batch[::-1]
    if order == "shuffled":
        shuffled = list(batch)
        random.Random(7).shuffle(shuffled)
        return shuffled
    return batch


def record_both(
    batch_store: Store, reference: Store, seeded: Sequence[Sighting], batch: Sequence[Sighting]
) -> tuple[list[Any], list[Any]]:
    """Seed both stores item by item, then the batch: ``record_many`` vs ``record`` per item."""
    outcomes = []
    for store in (batch_store, reference):
        run = store.begin_run("osce", now=T0)
        for item in seeded:
            store.record(run, item, now=T0)
        if store is batch_store:
            outcomes.append(store.record_many(run, batch, now=LATER))
        else:
            outcomes.append([store.record(run, item, now=LATER) for item in batch])
    return outcomes[0], outcomes[1]


@pytest.mark.parametrize("order", ["as_listed", "reversed", "shuffled"])
def test_mixed_batch_gives_the_same_outcomes_and_history_as_one_by_one(
    database_url: str, tmp_path: Path, order: str
) -> None:
    batch = ordered(mixed_batch(), order)
    upgrade(database_url)
    with twin_database(database_url, tmp_path) as reference_url:
        upgrade(reference_url)
        with Store.open(database_url) as batched, Store.open(reference_url) as reference:
            got, expected = record_both(batched, reference, seed(), batch)
            assert got == expected
            assert history(batched) == history(reference)
    kinds = sorted(o.kind for o in got)
    assert kinds.count("new") >= 3 and "changed" in kinds and "unchanged" in kinds
    # the UNOCT page of the stored OSCE conference joined its event instead of creating one
    sources = [{ref.url for ref in event.view.sources} for event in history(batched)["events"]]
    assert {
        "https://www.osce.org/event/ct-conference-2019",
        "https://www.un.org/counterterrorism/events/osce-ct-conference",
    } in sources


UNOCT_PAGE = "https://www.un.org/counterterrorism/events/osce-ct-conference"


def withdraw_unoct_page(store: Store) -> None:
    """The conference on OSCE and UNOCT pages; UNOCT's page then gone for three runs."""
    run = store.begin_run("osce", now=T0)
    store.record(run, sighting(), now=T0)
    store.record(run, sighting("unoct", UNOCT_PAGE, description="UNOCT's words."), now=T0)
    store.finish_run(run, status="ok", pages=2, now=T0)
    for hours in (1, 2, 3):
        at = T0 + dt.timedelta(hours=hours)
        gone = store.begin_run("unoct", now=at)
        store.save_page_state(
            UNOCT_PAGE,
            source="unoct",
            etag=None,
            last_modified=None,
            content_hash=None,
            status=404,
            now=at,
        )
        store.finish_run(gone, status="ok", pages=1, now=at)


def test_a_withdrawn_page_seen_again_in_a_batch_speaks_for_its_event_again(
    database_url: str, tmp_path: Path
) -> None:
    batch = [sighting(), sighting("unoct", UNOCT_PAGE, description="UNOCT's words.")]
    upgrade(database_url)
    with twin_database(database_url, tmp_path) as reference_url:
        upgrade(reference_url)
        with Store.open(database_url) as batched, Store.open(reference_url) as reference:
            outcomes = []
            for store in (batched, reference):
                withdraw_unoct_page(store)
                (withdrawn,) = store.events()
                assert withdrawn.fields.description is None  # UNOCT no longer speaks
                run = store.begin_run("unoct", now=LATER)
                if store is batched:
                    outcomes.append(store.record_many(run, batch, now=LATER))
                else:
                    outcomes.append([store.record(run, item, now=LATER) for item in batch])
            assert outcomes[0] == outcomes[1]
            assert [o.kind for o in outcomes[0]] == ["unchanged", "changed"]
            assert history(batched) == history(reference)
            (event,) = batched.events()
            assert event.fields.description == "UNOCT's words."


def test_two_sightings_of_one_new_conference_share_one_event(store: Store) -> None:
    batch = mixed_batch()[5:7]  # the OSCE and UNOCT pages of the online radicalisation conference
    run = store.begin_run("osce", now=T0)
    first, second = store.record_many(run, batch, now=T0)
    assert (first.kind, second.kind) == ("new", "changed")  # UNOCT adds a description
    assert second.event_id == first.event_id
    (event,) = store.events()
    assert {ref.source for ref in event.sources} == {"osce", "unoct"}


def test_counters_move_once_for_the_whole_batch(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    for item in seed():
        store.record(run, item, now=T0)
    outcomes = store.record_many(run, mixed_batch(), now=LATER)
    (view,) = store.runs()
    assert view.items == len(seed()) + len(outcomes)
    assert view.new == len(seed()) + sum(o.kind == "new" for o in outcomes)
    assert view.changed == sum(o.kind == "changed" for o in outcomes)
    assert view.unchanged == sum(o.kind == "unchanged" for o in outcomes)


def test_a_finished_run_records_nothing_of_the_batch(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    store.finish_run(run, status="ok", pages=0, now=T0)
    with pytest.raises(RunNotRunning):
        store.record_many(run, mixed_batch(), now=LATER)
    assert store.events() == []
    assert store.changes() == []


def test_an_empty_batch_writes_nothing(store: Store) -> None:
    run = store.begin_run("osce", now=T0)
    assert store.record_many(run, [], now=T0) == []
    assert store.runs()[0].items == 0


# -- property: any batch over a small world of pages behaves like record() one by one --------

_TITLES = [
    "Regional Conference on Countering Terrorism",
    "Regional Counter-Terrorism Conference",
    "Workshop on Preventing Violent Extremism",
    "Seminar on Border Security",
]
_DAYS = [dt.date(2019, 6, 20), dt.date(2019, 6, 21), dt.date(2019, 7, 30)]

_sightings = st.builds(
    lambda source, page, title, start, length, city, description: Sighting(
        source=source,
        url=f"https://{source}.example/event/{page}",
        fields=sighting(
            source,
            f"https://{source}.example/event/{page}",
            title=title,
            start_date=start,
            end_date=start + dt.timedelta(days=length) if start and length is not None else None,
            city=city,
            country="AT" if city else None,
            description=description,
        ).fields,
    ),
    source=st.sampled_from(["osce", "unoct"]),
    page=st.integers(0, 3),
    title=st.sampled_from(_TITLES),
    start=st.sampled_from([None, *_DAYS]),
    length=st.sampled_from([None, 0, 1]),
    city=st.sampled_from([None, "Vienna", "Wien"]),
    description=st.sampled_from([None, "", "Short.", "A longer description of the event."]),
)


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file to copy per example (migrating costs more than a whole example)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seeded=st.lists(_sightings, max_size=4), batch=st.lists(_sightings, max_size=8))
def test_any_batch_matches_one_by_one(
    migrated_sqlite: Path, seeded: list[Sighting], batch: list[Sighting]
) -> None:
    with tempfile.TemporaryDirectory() as work:
        urls = []
        for name in ("batched.db", "reference.db"):
            shutil.copy(migrated_sqlite, Path(work) / name)
            urls.append(f"sqlite:///{Path(work) / name}")
        with Store.open(urls[0]) as batched, Store.open(urls[1]) as reference:
            got, expected = record_both(batched, reference, seeded, batch)
            assert got == expected
            assert history(batched) == history(reference)
