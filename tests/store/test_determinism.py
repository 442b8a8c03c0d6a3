"""One crawl, any arrival order: the same event uid, canonical fields and revisions.

The conference of 20-21 June 2019 in Ulaanbaatar is on three of the recorded sites: the GIA news
item (its title has typos), a section of the UNOCT list and the OSCE POLIS page. A crawl of several
sources begins every source's run at one instant and records pages as they arrive, so each order
below is one a real crawl can produce. Every order, into a fresh store, on both backends, must give
the same event: that is what feed readers and calendars see (entry ids come from revision uids).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

import pytest

from confwatch.store import EventFields, Sighting, SourceInfo, Store
from confwatch.store.recording import event_uid

from .conftest import T0

GIA = "https://gia.gov.mn/en/12/item/514"
UNOCT = (
    "https://www.un.org/counterterrorism/regional-conferences-0"
    "#whole-of-society-approach-to-preventing-and-countering-viole"
)
POLIS = (
    "https://polis.osce.org/highlevel-interregional-conference-wholeofsocietyapproach-prevent"
    "-and-counter-violent-extremism-and"
)
OSCE_TITLE = (
    'High-level Inter-Regional Conference on "Whole-of-Society-Approach" to Prevent and Counter'
    " Violent Extremism and Radicalization that Lead to Terrorism"
)
GIA_TITLE = (
    "Regional Conference on \u2018Whole-of society Approach\u2019 to Prevent and Countering Violent"
    " Extremisn and Radicalization that lead to Terrorism"
)
UNOCT_DESCRIPTION = (
    "The Ulaanbaatar Conference has been an opportunity to exchange good practices and lessons"
    " learned in tackling violent extremism in the OSCE region and beyond."
)

# The sources as the packaged configuration names them: who runs each one.
SOURCES = [
    SourceInfo("osce", "OSCE events", organisation="OSCE"),
    SourceInfo("unoct", "UNOCT regional conferences", organisation="UNOCT"),
    SourceInfo("gia-mn", "GIA news item", organisation="General Intelligence Agency of Mongolia"),
]


def _fields(title: str, url: str | None, **values: object) -> EventFields:
    return EventFields(
        title=title,
        start_date=dt.date(2019, 6, 20),
        end_date=dt.date(2019, 6, 21),
        city="Ulaanbaatar",
        country="MN",
        url=url,
        **values,  # type: ignore[arg-type]
    )


# The three pages as the spiders normalise them (descriptions and topics shortened).
ULAANBAATAR = {
    "gia-mn": Sighting(
        "gia-mn",
        GIA,
        _fields(
            GIA_TITLE,
            GIA,
            organisers=[
                "Ministry of Foreign Affairs of Mongolia",
                "National Counter-Terrorism Coordination Council of Mongolia",
                "OSCE TNTD",
                "UNOCT",
                "General Intelligence Agency of Mongolia",
            ],
            topics=["Empower youth and local authorities"],
            description="The Regional Conference will be organized in Ulaanbaatar.",
        ),
    ),
    "unoct": Sighting(
        "unoct",
        UNOCT,
        _fields(
            "Whole-of-Society-Approach to Preventing and Countering Violent Extremism and"
            " Radicalization that Lead to Terrorism",
            UNOCT,
            organisers=[
                "Ministry of Foreign Affairs of Mongolia",
                "National Counter-Terrorism Coordination Council of Mongolia",
                "OSCE",
                "UNOCT",
            ],
            description=UNOCT_DESCRIPTION,
        ),
    ),
    "osce": Sighting(
        "osce",
        POLIS,
        _fields(
            OSCE_TITLE,
            POLIS,
            organisers=["Government of Mongolia", "OSCE TNTD"],
            topics=["The Role of Youth and Local Communities in P/CVERLT"],
            description="Organised at the initiative of the Government of Mongolia.",
        ),
    ),
}
ORDERS = list(itertools.permutations(ULAANBAATAR))


def crawl(store: Store, sightings: Sequence[Sighting], *, at: dt.datetime = T0) -> None:
    """One crawl of several sources: every run begun at one instant, pages recorded as they
    come, every run finished at the end (what spiders/runner.py does)."""
    runs = {s.source: store.begin_run(s.source, now=at) for s in sightings}
    for n, item in enumerate(sightings):
        store.record(runs[item.source], item, now=at + dt.timedelta(seconds=n + 1))
    for run in runs.values():
        store.finish_run(run, status="ok", pages=1, now=at + dt.timedelta(minutes=1))


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(order) for order in ORDERS])
def test_every_arrival_order_gives_the_same_uid_fields_and_revisions(
    store: Store, order: tuple[str, ...]
) -> None:
    store.sync_sources(SOURCES)
    crawl(store, [ULAANBAATAR[key] for key in order])
    (event,) = store.events()
    # The uid comes from the first sighting by (source, url), not from the first to arrive.
    assert event.uid == event_uid("gia-mn", GIA)
    fields = event.fields
    # All three sources are run by organisers; the one most of the pages name (OSCE) leads, so
    # its own page gives title and url, and the GIA's typos never become the title.
    assert fields.title == OSCE_TITLE
    assert fields.url == POLIS
    assert fields.description == UNOCT_DESCRIPTION  # the longest
    assert fields.organisers == [
        "Government of Mongolia",
        "OSCE TNTD",
        "Ministry of Foreign Affairs of Mongolia",
        "National Counter-Terrorism Coordination Council of Mongolia",
        "OSCE",
        "UNOCT",
        "General Intelligence Agency of Mongolia",
    ]
    assert fields.topics == [
        "The Role of Youth and Local Communities in P/CVERLT",
        "Empower youth and local authorities",
    ]
    # One crawl, one revision: a "new" entry that already says everything the crawl learnt.
    detail = store.event(event.id)
    assert detail is not None
    assert [(r.uid, r.kind) for r in detail.revisions] == [(f"{event.uid}-r1", "new")]
    assert detail.revisions[0].event == fields


@pytest.mark.parametrize("reverse", [False, True], ids=["full-page-first", "short-page-first"])
def test_a_page_that_adds_nothing_leaves_one_revision_in_either_order(
    store: Store, reverse: bool
) -> None:
    full = ULAANBAATAR["unoct"]
    # The same conference on a second page that says less: no description, no url of its own.
    short = Sighting("osce", POLIS, _fields(full.fields.title, None, organisers=["UNOCT"]))
    crawl(store, [short, full] if reverse else [full, short])
    (event,) = store.events()
    detail = store.event(event.id)
    assert detail is not None
    assert [r.kind for r in detail.revisions] == ["new"]
    assert event.uid == event_uid("osce", POLIS)
    assert event.fields.description == UNOCT_DESCRIPTION


@pytest.mark.parametrize("order", ORDERS[:2], ids=["-".join(order) for order in ORDERS[:2]])
def test_a_lone_typo_is_outvoted_by_two_sources_that_agree(
    store: Store, order: tuple[str, ...]
) -> None:
    """No source is the organiser's: the title most pages give wins, whoever came first."""
    agreed = "Regional Conference on Countering Violent Extremism"
    pages = {
        "gia-mn": Sighting(
            "gia-mn", GIA, _fields("Regional Confrence on Countering Violent Extremism", GIA)
        ),
        "unoct": Sighting("unoct", UNOCT, _fields(agreed, UNOCT)),
        "osce": Sighting("osce", POLIS, _fields(agreed.upper(), POLIS)),
    }
    crawl(store, [pages[key] for key in order])
    (event,) = store.events()
    assert event.fields.title.casefold() == agreed.casefold()


def test_a_published_event_keeps_its_uid_when_another_source_joins_later(store: Store) -> None:
    """Ids already in feeds never move: the rule above applies within the crawl that created
    the event; a page joining in a later crawl is a change of the event, with its own revision."""
    store.sync_sources(SOURCES)
    crawl(store, [ULAANBAATAR["unoct"]])
    crawl(store, [ULAANBAATAR["gia-mn"]], at=T0 + dt.timedelta(hours=6))
    (event,) = store.events()
    assert event.uid == event_uid("unoct", UNOCT)
    detail = store.event(event.id)
    assert detail is not None
    assert [(r.uid, r.kind) for r in detail.revisions] == [
        (f"{event.uid}-r1", "new"),
        (f"{event.uid}-r2", "changed"),
    ]


def test_separate_crawls_at_one_instant_stay_separate_revisions(store: Store) -> None:
    """A run's crawl is the runs begun with it; one finished before the next began is another
    crawl, even at the same instant, so its revision is kept (it may be published already)."""
    crawl(store, [ULAANBAATAR["unoct"]])
    crawl(store, [ULAANBAATAR["osce"]])
    (event,) = store.events()
    detail = store.event(event.id)
    assert detail is not None
    assert [r.kind for r in detail.revisions] == ["new", "changed"]
    assert event.uid == event_uid("unoct", UNOCT)
