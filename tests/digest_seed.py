"""Realistic conferences recorded through ``Store.record`` around ISO week 2026-W47.

``NOW`` is Monday 23 November 2026, 07:00 UTC: the weekly digest due then covers 2026-W47
(16-22 November). The store holds two conferences new in that week, two changed in it, one
created before it and untouched, and one recorded after it (which the W47 digest must not show).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from confwatch.store.api import Store
from confwatch.store.records import Document, EventFields, Sighting

NOW = dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)
BEFORE = dt.datetime(2026, 11, 10, 6, 0, tzinfo=dt.UTC)  # week 46
IN_WEEK = dt.datetime(2026, 11, 18, 6, 0, tzinfo=dt.UTC)  # week 47
AFTER = dt.datetime(2026, 11, 23, 6, 0, tzinfo=dt.UTC)  # week 48, before NOW

OSCE_URL = "https://www.osce.org/event/2026-osce-wide-counter-terrorism-conference"
UNOCT_URL = "https://www.un.org/counterterrorism/events/regional-conference-cft-dushanbe"
MFA_URL = "https://mfa.gov.mn/en/ulaanbaatar-dialogue-pve-2027"
HOSTILE_URL = "https://www.osce.org/event/youth-forum-budapest"
ROME_URL = "https://www.osce.org/event/mediterranean-conference-2026"
LATE_URL = "https://www.un.org/counterterrorism/events/late-addition"
HOSTILE_TITLE = "<script>alert('x')</script> Youth Forum on P/CVE"


def _fields(title: str, **values: Any) -> EventFields:
    return EventFields(title=title, **values)


OSCE = _fields(
    "2026 OSCE-wide Counter-Terrorism Conference",
    start_date=dt.date(2026, 12, 10),
    end_date=dt.date(2026, 12, 11),
    city="Vienna",
    country="AT",
    organisers=["OSCE"],
    topics=["counter-terrorism"],
    description="Annual conference on the OSCE's work against terrorism and violent extremism.",
    url=OSCE_URL,
)
ROME = _fields(
    "OSCE Mediterranean Conference on Preventing Violent Extremism",
    start_date=dt.date(2026, 12, 2),
    end_date=dt.date(2026, 12, 3),
    city="Rome",
    country="IT",
    organisers=["OSCE"],
    url=ROME_URL,
)
UNOCT = _fields(
    "Regional Conference on Countering the Financing of Terrorism",
    start_date=dt.date(2026, 12, 3),
    end_date=dt.date(2026, 12, 4),
    city="Dushanbe",
    country="TJ",
    organisers=["UNOCT", "Government of Tajikistan"],
    description="High-level regional conference under the Dushanbe Water Process framework.",
    url=UNOCT_URL,
    registration_deadline=dt.date(2026, 11, 30),
)
MFA = _fields(
    "Ulaanbaatar Dialogue on Preventing Violent Extremism",
    start_date=dt.date(2027, 6, 20),
    end_date=dt.date(2027, 6, 21),
    city="Ulaanbaatar",
    country="MN",
    organisers=["Ministry of Foreign Affairs of Mongolia"],
    topics=["P/CVE"],
    url=MFA_URL,
)
HOSTILE = _fields(
    HOSTILE_TITLE,
    start_date=dt.date(2027, 3, 4),
    end_date=dt.date(2027, 3, 5),
    city="Budapest",
    country="HU",
    organisers=["OSCE"],
    description="Young leaders <b>against</b> radicalisation.",
    url=HOSTILE_URL,
)
LATE = _fields(
    "Late Addition Conference",
    start_date=dt.date(2027, 1, 12),
    city="Geneva",
    country="CH",
    organisers=["UNOCT"],
    url=LATE_URL,
)


def seed_store(store: Store) -> None:
    def record(source: str, url: str, fields: EventFields, when: dt.datetime) -> None:
        run = store.begin_run(source, now=when)
        store.record(run, Sighting(source=source, url=url, fields=fields), now=when)
        store.finish_run(run, status="ok", pages=1, now=when)

    record("osce", OSCE_URL, OSCE, BEFORE)
    record("osce", ROME_URL, ROME, BEFORE)
    # In week 47: two new conferences, the OSCE one moves and gets an agenda, Rome is postponed.
    record("unoct", UNOCT_URL, UNOCT, IN_WEEK)
    record("mfa-mn", MFA_URL, MFA, IN_WEEK + dt.timedelta(hours=1))
    record("osce", HOSTILE_URL, HOSTILE, IN_WEEK + dt.timedelta(hours=2))
    moved = EventFields(
        **{
            **vars(OSCE),
            "start_date": dt.date(2026, 12, 14),
            "end_date": dt.date(2026, 12, 15),
            "registration_deadline": dt.date(2026, 12, 1),
            "documents": [Document("Agenda", "https://www.osce.org/files/agenda.pdf")],
        }
    )
    record("osce", OSCE_URL, moved, IN_WEEK + dt.timedelta(hours=3))
    record(
        "osce",
        ROME_URL,
        EventFields(**{**vars(ROME), "status": "postponed"}),
        IN_WEEK + dt.timedelta(hours=4),
    )
    record("unoct", LATE_URL, LATE, AFTER)
